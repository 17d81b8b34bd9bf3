using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gongjiang.BenchSupport;
using Gongjiang.Core.Skills;
using Gongjiang.Core.Standards;
using Gongjiang.Core.Wages;
using Gongjiang.Web.Features.Registry;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Protection;
using Gongjiang.Web.Features.Wages;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

// Usage: dotnet run -c Release --project bench/Gongjiang.WagesBench -- [--rows 10000000] [--import-rows 100000] [--connection "Host=…"]
var rows = Arg("--rows", 1_000_000);
var importRows = Arg("--import-rows", 100_000);
var connection = args.SkipWhile(a => a != "--connection").Skip(1).FirstOrDefault();
using var host = PostgresHost.StartOrConnect(connection);
var cs = host.CreateDatabase("wagesbench");
var clock = TimeProvider.System;
var audit = new AuditKey(RandomNumberGenerator.GetBytes(32));
await using (var db = GongjiangDbContextFactory.Create(DatabaseProvider.Postgres, cs, audit, clock))
{
    await db.Database.MigrateAsync();
}

Console.WriteLine($"PostgreSQL: {host.Description}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Part 1: wage-level table over {rows:N0} rows"));
var reportId = Guid.CreateVersion7();
await using (var conn = new NpgsqlConnection(cs))
{
    await conn.OpenAsync();
    await Exec(conn, $"""INSERT INTO wages.wage_reports ("Id","EnterpriseId","EnterpriseName","RegionCode","StateOwned","Year","Version","Status","Source","RowCount","TotalPayFen","SubmittedById","SubmittedByName","SubmittedAt") VALUES ('{reportId}', '{Guid.CreateVersion7()}', '基准', '440000', false, 2025, 1, 2, '基准', 0, 0, 'bench', 'bench', now())""");
    var fill = Stopwatch.StartNew();
    await CopyLinesAsync(conn, reportId, Synthetic(rows));
    await Exec(conn, "ANALYZE wages.wage_report_lines");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  filled by COPY in {fill.Elapsed.TotalSeconds:0.0} s"));

    var ours = new List<double>();
    var theirs = new List<double>();
    IReadOnlyList<WageLevelCell> cells = [];
    Dictionary<(string, string, int), (double P10, double P50, double P90, long Mean, long Enterprises, long Persons)> pg = [];
    for (var run = 0; run < 3; run++)
    {
        var watch = Stopwatch.StartNew();
        cells = await OursAsync(conn);
        ours.Add(watch.Elapsed.TotalSeconds);
        watch.Restart();
        pg = await PostgresAsync(conn);
        theirs.Add(watch.Elapsed.TotalSeconds);
    }

    var mismatches = cells.Where(c => !c.Suppressed).Count(c =>
    {
        var p = pg[(c.Key.RegionCode!, c.Key.OccupationCode!, (int)c.Key.Level!.Value)];
        return p.P10 != c.P10 || p.P50 != c.P50 || p.P90 != c.P90 || p.Mean != c.Mean!.Value.Fen || p.Enterprises != c.Enterprises || p.Persons != c.Persons;
    });
    var bestOurs = ours.Min();
    var bestTheirs = theirs.Min();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  cells {cells.Count:N0} (suppressed {cells.Count(c => c.Suppressed):N0}); mismatches against percentile_cont: {mismatches}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  ours (streamed, sorted by PostgreSQL, WageLevels.Cell per cell): best {bestOurs:0.00} s of {string.Join(", ", ours.Select(o => o.ToString("0.00", CultureInfo.InvariantCulture)))}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  PostgreSQL percentile_cont + count(distinct): best {bestTheirs:0.00} s of {string.Join(", ", theirs.Select(o => o.ToString("0.00", CultureInfo.InvariantCulture)))}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio ours / PostgreSQL = {bestOurs / bestTheirs:0.00} (target ≤ 1.5)"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Part 2: import of a {importRows:N0}-row wage report vs. binary COPY"));
var protector = new IdNumberProtector(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
var enterpriseId = Guid.CreateVersion7();
await using (var db = GongjiangDbContextFactory.Create(DatabaseProvider.Postgres, cs, audit, clock))
{
    db.Add(new Enterprise { Id = enterpriseId, Name = "基准导入有限公司", CreditCode = "91440300MA5BENCH01", OwnershipType = OwnershipType.Private, RegionCode = "440306", UpdatedAt = clock.GetUtcNow() });
    await db.SaveChangesAsync();
}

var csv = TemplateText(importRows);
var import = Stopwatch.StartNew();
await using (var db = GongjiangDbContextFactory.Create(DatabaseProvider.Postgres, cs, audit, clock))
{
    var (parsed, error) = WageTemplate.ReadText(csv);
    if (error is not null)
    {
        throw new InvalidOperationException(error);
    }

    var (id, errors) = await WageReports.SubmitAsync(db, new RegistryDirectory(db, protector), new WageReportRequest(enterpriseId, 2025, parsed), WageReports.SourceFile, clock, CancellationToken.None, 2);
    if (id is null)
    {
        throw new InvalidOperationException(string.Join("；", errors.All.SelectMany(e => e.Value).Take(5)));
    }
}

var importSeconds = import.Elapsed.TotalSeconds;
await using (var conn = new NpgsqlConnection(cs))
{
    await conn.OpenAsync();
    var report2 = Guid.CreateVersion7();
    await Exec(conn, $"""INSERT INTO wages.wage_reports ("Id","EnterpriseId","EnterpriseName","RegionCode","StateOwned","Year","Version","Status","Source","RowCount","TotalPayFen","SubmittedById","SubmittedByName","SubmittedAt") VALUES ('{report2}', '{enterpriseId}', '基准', '440306', false, 2024, 1, 1, '基准', 0, 0, 'bench', 'bench', now())""");
    var prepared = Prepared(importRows, protector).ToList();
    var copy = Stopwatch.StartNew();
    await CopyLinesAsync(conn, report2, prepared);
    var copySeconds = copy.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  import (template text → WageTemplate → WageReports.SubmitAsync: checks, ID hashing, registry lookup, EF insert): {importSeconds:0.00} s = {importRows / importSeconds:N0} rows/s"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  binary COPY of the same rows (values prepared beforehand): {copySeconds:0.00} s = {importRows / copySeconds:N0} rows/s"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  import throughput / COPY throughput = {copySeconds / importSeconds:0.00} (target ≥ 0.5)"));
}

host.DropDatabase(cs);
return;

int Arg(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v ? int.Parse(v.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

static async Task Exec(NpgsqlConnection conn, string sql)
{
    await using var command = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
    await command.ExecuteNonQueryAsync();
}

// The application's algorithm, streamed: PostgreSQL sorts by cell and pay, each cell goes to WageLevels.Cell as it ends.
static async Task<IReadOnlyList<WageLevelCell>> OursAsync(NpgsqlConnection conn)
{
    const string Sql = """
        SELECT "RegionCode", "OccupationCode", "SkillLevel", "EnterpriseId", "PersonKey", "TotalPayFen"
        FROM wages.wage_report_lines
        WHERE "Year" = 2025 AND "IsCurrent" AND "MonthsWorked" = 12 AND "OccupationCode" IS NOT NULL AND "SkillLevel" IS NOT NULL AND "Category" IN (1, 2)
        ORDER BY "RegionCode", "OccupationCode", "SkillLevel", "TotalPayFen"
        """;
    await using var command = new NpgsqlCommand(Sql, conn) { CommandTimeout = 0 };
    await using var reader = await command.ExecuteReaderAsync();
    var result = new List<WageLevelCell>();
    var current = new List<WageSample>();
    WageLevelKey? key = null;
    while (await reader.ReadAsync())
    {
        var sample = new WageSample(reader.GetString(0), reader.GetString(1), (SkillLevel)reader.GetInt32(2), reader.GetGuid(3).ToString(), reader.GetString(4), reader.GetInt64(5));
        var k = new WageLevelKey(sample.RegionCode, sample.OccupationCode, sample.Level);
        if (key is not null && key != k)
        {
            result.Add(WageLevels.Cell(key, current, SuppressionRule.Default));
            current = [];
        }

        key = k;
        current.Add(sample);
    }

    if (key is not null)
    {
        result.Add(WageLevels.Cell(key, current, SuppressionRule.Default));
    }

    return result;
}

static async Task<Dictionary<(string, string, int), (double, double, double, long, long, long)>> PostgresAsync(NpgsqlConnection conn)
{
    const string Sql = """
        SELECT "RegionCode", "OccupationCode", "SkillLevel",
               percentile_cont(ARRAY[0.1, 0.25, 0.5, 0.75, 0.9]) WITHIN GROUP (ORDER BY "TotalPayFen"),
               round(avg("TotalPayFen"))::bigint, count(DISTINCT "EnterpriseId"), count(DISTINCT "PersonKey")
        FROM wages.wage_report_lines
        WHERE "Year" = 2025 AND "IsCurrent" AND "MonthsWorked" = 12 AND "OccupationCode" IS NOT NULL AND "SkillLevel" IS NOT NULL AND "Category" IN (1, 2)
        GROUP BY 1, 2, 3
        """;
    await using var command = new NpgsqlCommand(Sql, conn) { CommandTimeout = 0 };
    await using var reader = await command.ExecuteReaderAsync();
    var result = new Dictionary<(string, string, int), (double, double, double, long, long, long)>();
    while (await reader.ReadAsync())
    {
        var p = reader.GetFieldValue<double[]>(3);
        result[(reader.GetString(0), reader.GetString(1), reader.GetInt32(2))] = (p[0], p[2], p[4], reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
    }

    return result;
}

static async Task CopyLinesAsync(NpgsqlConnection conn, Guid reportId, IEnumerable<Line> lines)
{
    await using var writer = await conn.BeginBinaryImportAsync("""
        COPY wages.wage_report_lines ("Id","ReportId","RowNumber","EnterpriseId","RegionCode","Year","IsCurrent","PersonKey","IdNumberMasked","PersonId","PersonName",
          "Category","Tier","Frontline","OccupationCode","SkillLevel","MonthsWorked","TotalPayFen","BasicPayFen","PerformancePayFen","AllowancesFen",
          "SpecialPostAllowanceFen","MentorAllowanceFen","SeniorityPayFen") FROM STDIN (FORMAT BINARY)
        """);
    var n = 0;
    foreach (var l in lines)
    {
        await writer.StartRowAsync();
        await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
        await writer.WriteAsync(reportId, NpgsqlDbType.Uuid);
        await writer.WriteAsync(++n, NpgsqlDbType.Integer);
        await writer.WriteAsync(l.Enterprise, NpgsqlDbType.Uuid);
        await writer.WriteAsync(l.Region, NpgsqlDbType.Varchar);
        await writer.WriteAsync(2025, NpgsqlDbType.Integer);
        await writer.WriteAsync(true, NpgsqlDbType.Boolean);
        await writer.WriteAsync(l.PersonKey, NpgsqlDbType.Varchar);
        await writer.WriteAsync(l.Masked, NpgsqlDbType.Varchar);
        await writer.WriteNullAsync();
        await writer.WriteNullAsync();
        await writer.WriteAsync((int)l.Category, NpgsqlDbType.Integer);
        await writer.WriteNullAsync();
        await writer.WriteAsync(true, NpgsqlDbType.Boolean);
        await writer.WriteAsync(l.Occupation, NpgsqlDbType.Varchar);
        await writer.WriteAsync((int)l.Level, NpgsqlDbType.Integer);
        await writer.WriteAsync(12, NpgsqlDbType.Integer);
        await writer.WriteAsync(l.Pay, NpgsqlDbType.Bigint);
        await writer.WriteAsync(l.Pay * 6 / 10, NpgsqlDbType.Bigint);
        await writer.WriteAsync(l.Pay * 3 / 10, NpgsqlDbType.Bigint);
        await writer.WriteAsync(0L, NpgsqlDbType.Bigint);
        await writer.WriteAsync(0L, NpgsqlDbType.Bigint);
        await writer.WriteAsync(0L, NpgsqlDbType.Bigint);
        await writer.WriteAsync(0L, NpgsqlDbType.Bigint);
    }

    await writer.CompleteAsync();
}

// 31 provinces × 60 occupations × 4 levels; 20,000 enterprises; skewed so that some cells are small (suppressed).
static IEnumerable<Line> Synthetic(int count)
{
    var random = new Random(15);
    string[] provinces = [.. Enumerable.Range(0, 31).Select(i => (new[] { 11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65 })[i].ToString(CultureInfo.InvariantCulture) + "0000")];
    string[] occupations = [.. Enumerable.Range(1, 60).Select(i => string.Create(CultureInfo.InvariantCulture, $"6-{10 + (i % 20):00}-{1 + (i / 20):00}-01"))];
    var enterprises = Enumerable.Range(0, 20_000).Select(_ => Guid.CreateVersion7()).ToArray();
    for (var i = 0; i < count; i++)
    {
        var province = provinces[(int)Math.Min(30, Math.Abs(random.NextDouble() * random.NextDouble() * 31))];
        var occupation = occupations[(int)Math.Min(59, random.NextDouble() * random.NextDouble() * 60)];
        var level = (SkillLevel)(2 + random.Next(4));
        var pay = (long)(6_000_000 * Math.Exp((random.NextDouble() - 0.5) * 1.2)) + ((int)level * 1_500_000);
        yield return new Line(province, occupation, level, level >= SkillLevel.Senior ? StaffCategory.HighSkill : StaffCategory.OtherSkilled,
            enterprises[random.Next(enterprises.Length)], string.Create(CultureInfo.InvariantCulture, $"p{i:x12}"), "440***********001X", pay);
    }
}

static string IdNumber(int i)
{
    var birth = new DateOnly(1960, 1, 1).AddDays(i % 12_000);
    var body = "440306" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (i / 12_000 % 1000).ToString("000", CultureInfo.InvariantCulture);
    return body + CitizenIdNumber.ComputeCheckCharacter(body);
}

static string TemplateText(int count)
{
    var text = new StringBuilder(count * 120);
    text.AppendLine(string.Join(',', WageTemplate.Columns.Select(c => c.Header)));
    for (var i = 0; i < count; i++)
    {
        var pay = 80_000 + (i % 50_000);
        text.Append(IdNumber(i)).Append(",高技能人才,,是,6-18-01-01,技师,12,").Append(pay).Append(',').Append(pay * 6 / 10).Append(',').Append(pay * 3 / 10).AppendLine(",0,0,0,0");
    }

    return text.ToString();
}

static IEnumerable<Line> Prepared(int count, IdNumberProtector protector)
{
    var enterprise = Guid.CreateVersion7();
    for (var i = 0; i < count; i++)
    {
        var id = IdNumber(i);
        yield return new Line("440306", "6-18-01-01", SkillLevel.Technician, StaffCategory.HighSkill, enterprise, protector.Hash(id), CitizenIdNumber.Mask(id), (80_000 + (i % 50_000)) * 100L);
    }
}

internal sealed record Line(string Region, string Occupation, SkillLevel Level, StaffCategory Category, Guid Enterprise, string PersonKey, string Masked, long Pay);
