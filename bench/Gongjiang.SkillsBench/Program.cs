using System.Diagnostics;
using System.Globalization;
using Gongjiang.BenchSupport;
using Gongjiang.Core.Skills;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

// Skills benchmark (issue 14): public verification of a certificate by number (the query of the public API,
// ISkillCertificateRegistry.FindPublicAsync: PublicView<SkillCertificate> by CertificateNumber) on a table of --rows
// certificates. Every figure printed comes from this run.
//   dotnet run -c Release --project bench/Gongjiang.SkillsBench -- --rows 1000000 --calls 2000 [--pg <connection>]
var rows = int.Parse(Get("--rows") ?? "1000000", CultureInfo.InvariantCulture);
var calls = int.Parse(Get("--calls") ?? "2000", CultureInfo.InvariantCulture);
var persons = Math.Min(rows, 100_000);
var started = Stopwatch.StartNew();
void Log(string message) => Console.WriteLine($"[{started.Elapsed:hh\\:mm\\:ss}] {message}");

using var pg = PostgresHost.StartOrConnect(Get("--pg"));
Log("PostgreSQL: " + pg.Description);
var connection = pg.CreateDatabase("skills");
await using (var db = GongjiangDbContextFactory.Create(DatabaseProvider.Postgres, connection))
{
    await db.Database.MigrateAsync();
}

Log("migrated");
var personIds = new Guid[persons];
await using (var conn = new NpgsqlConnection(connection))
{
    await conn.OpenAsync();
    var now = DateTimeOffset.UtcNow;
    await using (var writer = await conn.BeginBinaryImportAsync(
        "COPY registry.persons (\"Id\",\"Name\",\"IdNumberHash\",\"IdNumberCipher\",\"IdNumberMasked\",\"Sex\",\"BirthDate\",\"RegionCode\",\"IsLeadingTalent\",\"CreatedAt\",\"UpdatedAt\") FROM STDIN (FORMAT BINARY)"))
    {
        for (var i = 0; i < persons; i++)
        {
            personIds[i] = Guid.CreateVersion7();
            await writer.StartRowAsync();
            await writer.WriteAsync(personIds[i], NpgsqlDbType.Uuid);
            await writer.WriteAsync(Name(i), NpgsqlDbType.Text);
            await writer.WriteAsync(i.ToString("x64", CultureInfo.InvariantCulture), NpgsqlDbType.Text);
            await writer.WriteAsync("x", NpgsqlDbType.Text);
            await writer.WriteAsync("440306********0000", NpgsqlDbType.Text);
            await writer.WriteAsync(1 + (i % 2), NpgsqlDbType.Integer);
            await writer.WriteAsync(new DateOnly(1980, 1, 1).AddDays(i % 9000), NpgsqlDbType.Date);
            await writer.WriteAsync("440306", NpgsqlDbType.Text);
            await writer.WriteAsync(false, NpgsqlDbType.Boolean);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
        }

        await writer.CompleteAsync();
    }

    Log($"{persons:N0} persons copied");
    var copy = Stopwatch.StartNew();
    await using (var writer = await conn.BeginBinaryImportAsync(
        "COPY registry.skill_certificates (\"Id\",\"PersonId\",\"RegionCode\",\"CreatedAt\",\"Level\",\"Occupation\",\"OccupationCode\",\"CertificateNumber\",\"Issuer\",\"IssuedOn\",\"EvaluationBodyId\",\"HolderName\") FROM STDIN (FORMAT BINARY)"))
    {
        var body = Guid.CreateVersion7();
        for (var i = 0; i < rows; i++)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            await writer.WriteAsync(personIds[i % persons], NpgsqlDbType.Uuid);
            await writer.WriteAsync("440306", NpgsqlDbType.Text);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync((int)SkillLevel.Senior, NpgsqlDbType.Integer);
            await writer.WriteAsync("钳工", NpgsqlDbType.Text);
            await writer.WriteAsync("6-18-02-04", NpgsqlDbType.Text);
            await writer.WriteAsync(Number(i), NpgsqlDbType.Text);
            await writer.WriteAsync("深圳市智能制造职业技能等级认定中心", NpgsqlDbType.Text);
            await writer.WriteAsync(new DateOnly(2024, 1, 1), NpgsqlDbType.Date);
            await writer.WriteAsync(body, NpgsqlDbType.Uuid);
            await writer.WriteAsync(Name(i % persons), NpgsqlDbType.Text);
        }

        await writer.CompleteAsync();
    }

    Log($"{rows:N0} certificates copied in {copy.Elapsed.TotalSeconds:0.0} s (binary COPY)");
    await using var analyze = new NpgsqlCommand("ANALYZE registry.skill_certificates", conn);
    await analyze.ExecuteNonQueryAsync();
}

// The public lookup, one context per call as per request, random numbers (90 % existing, 10 % unknown).
var random = new Random(14);
var times = new double[calls];
for (var warm = 0; warm < 50; warm++)
{
    await LookupAsync(Number(random.Next(rows)));
}

for (var i = 0; i < calls; i++)
{
    var number = random.Next(10) == 0 ? "S000044999999243999999" : Number(random.Next(rows));
    var watch = Stopwatch.StartNew();
    await LookupAsync(number);
    times[i] = watch.Elapsed.TotalMilliseconds;
}

Array.Sort(times);
Log(string.Create(CultureInfo.InvariantCulture,
    $"public verification, {rows:N0} certificates, {calls} calls: p50 {times[calls / 2]:0.00} ms, p95 {times[(int)(calls * 0.95)]:0.00} ms, p99 {times[(int)(calls * 0.99)]:0.00} ms"));
pg.DropDatabase(connection);
return 0;

async Task LookupAsync(string number)
{
    await using var db = GongjiangDbContextFactory.Create(DatabaseProvider.Postgres, connection);
    _ = await db.PublicView<SkillCertificate>().AsNoTracking().Where(c => c.CertificateNumber == number)
        .Select(c => new { c.CertificateNumber, c.HolderName, c.Occupation, c.Level, c.IssuedOn, c.Issuer, c.RevokedOn })
        .FirstOrDefaultAsync();
}

string? Get(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string Name(int i) => "测试" + ((char)(0x4E00 + (i % 20000))).ToString();

static string Number(int i) =>
    "S000044" + (i / 1_000_000).ToString("000000", CultureInfo.InvariantCulture) + "243" + (i % 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
