using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Gongjiang.BenchSupport;
using Gongjiang.Core.Access;
using Gongjiang.Core.Common;
using Gongjiang.Core.Leave;
using Gongjiang.Core.Reference;
using Gongjiang.Web.Features.Leave.Data;
using Gongjiang.Web.Features.Leave.Inspection;
using Gongjiang.Web.Features.Leave.Records;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Protection;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

// Leave benchmark (issue 16): see README.md. Every figure printed comes from this run.
var employees = int.Parse(Arg("--employees") ?? "1000000", CultureInfo.InvariantCulture);
var bigEnterprise = int.Parse(Arg("--enterprise-size") ?? "100000", CultureInfo.InvariantCulture);
var perEnterprise = int.Parse(Arg("--others-size") ?? "100", CultureInfo.InvariantCulture);
var calls = int.Parse(Arg("--calls") ?? "200", CultureInfo.InvariantCulture);
const int Year = 2025;
const double TargetMs = 200;
var asOf = new DateOnly(2026, 12, 3); // after the leave year, within the carry-over year: the year-end view's busiest day
var inYear = new DateOnly(Year, 11, 15); // within the leave year: the view an employer opens during the year (leavers past their deadline)

var started = Stopwatch.StartNew();
void Log(string message) => Console.WriteLine($"[{started.Elapsed:hh\\:mm\\:ss}] {message}");

using var pg = PostgresHost.StartOrConnect(Arg("--pg"));
Log("PostgreSQL: " + pg.Description);
var cs = pg.CreateDatabase("leave");
await using (var db = GongjiangDbContextFactory.Create(DatabaseProvider.Postgres, cs))
{
    await db.Database.MigrateAsync();
}

// 1. Enterprises: one of `bigEnterprise` employees, the rest of `perEnterprise` each, spread over Guangdong's prefectures.
var prefectures = RegionCatalog.Default.ChildrenOf("440000").Select(r => r.Code).ToArray();
var enterpriseCount = 1 + (int)Math.Ceiling((employees - bigEnterprise) / (double)perEnterprise);
var enterprises = new List<(Guid Id, string Region)>(enterpriseCount);
var random = new Random(16);
for (var i = 0; i < enterpriseCount; i++)
{
    enterprises.Add((Guid.CreateVersion7(), i == 0 ? "440300" : prefectures[random.Next(prefectures.Length)]));
}

await using (var connection = new NpgsqlConnection(cs))
{
    await connection.OpenAsync();
    await using var writer = await connection.BeginBinaryImportAsync(
        "COPY registry.enterprises (\"Id\", \"CreditCode\", \"Name\", \"OwnershipType\", \"RegionCode\", \"UpdatedAt\") FROM STDIN (FORMAT BINARY)");
    for (var i = 0; i < enterprises.Count; i++)
    {
        await writer.StartRowAsync();
        await writer.WriteAsync(enterprises[i].Id, NpgsqlDbType.Uuid);
        await writer.WriteAsync("91" + enterprises[i].Region + i.ToString("D10", CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
        await writer.WriteAsync($"测试企业{i.ToString(CultureInfo.InvariantCulture)}有限公司", NpgsqlDbType.Varchar);
        await writer.WriteAsync((int)OwnershipType.Other, NpgsqlDbType.Integer);
        await writer.WriteAsync(enterprises[i].Region, NpgsqlDbType.Varchar);
        await writer.WriteAsync(DateTimeOffset.UtcNow, NpgsqlDbType.TimestampTz);
    }

    await writer.CompleteAsync();
}

Log($"{enterprises.Count:N0} enterprises");

// 2. One leave record per employee of `Year`, assessed by the module's own code (LeaveRecords.Apply → Core); 5 % left
// during the year (办法 art 12). The totals the module keeps on every save (LeaveYearTotals) are summed from the same rows
// by the same code and loaded with them.
var owing = 0;
var leavers = 0;
var totals = new Dictionary<LeaveTotalKey, LeaveYearTally>();
await using (var connection = new NpgsqlConnection(cs))
{
    await connection.OpenAsync();
    await using var writer = await connection.BeginBinaryImportAsync(
        "COPY leave.leave_records (\"Id\", \"EnterpriseId\", \"RegionCode\", \"PersonId\", \"PersonName\", \"IdNumberMasked\", \"Year\", \"FirstWorkDate\", " +
        "\"EntitlementCalculated\", \"EntitledDays\", \"ArrangedDays\", \"TakenDays\", \"AverageMonthlyWageFen\", \"CompensationPaidFen\", \"WrittenRefusal\", " +
        "\"CarriedOverDays\", \"CarriedOverTakenDays\", \"UntakenDays\", \"YearDeadline\", \"CarryOverDeadline\", \"InYearStatus\", \"InYearOwedDays\", " +
        "\"AfterYearStatus\", \"AfterYearOwedDays\", \"AfterYearCompensableDays\", \"AfterYearDueFen\", \"AfterYearShortfallFen\", \"AfterCarryOverStatus\", " +
        "\"AfterCarryOverCompensableDays\", \"AfterCarryOverDueFen\", \"AfterCarryOverShortfallFen\", \"OwedFrom\", \"UpdatedAtMs\", \"UpdatedBy\", \"LeftOn\") FROM STDIN (FORMAT BINARY)");
    var parameters = LeaveRecords.Parameters(Year);
    for (var i = 0; i < employees; i++)
    {
        var enterprise = i < bigEnterprise ? enterprises[0] : enterprises[1 + ((i - bigEnterprise) / perEnterprise)];
        var entitled = (i % 3) switch { 0 => 5, 1 => 10, _ => 15 };
        var taken = random.Next(10) < 6 ? entitled : random.Next(entitled); // 60 % take every day
        var wage = new Money(random.Next(400_000, 2_000_000));
        var due = EmployerLeaveCompliance.Assess(new EmployeeLeaveRecord("x", Year, entitled, taken, taken, wage, Money.Zero, false), asOf, parameters).CompensationDue;
        var paid = taken == entitled ? Money.Zero : random.Next(10) switch { < 6 => due, < 8 => new Money(due.Fen / 2), _ => Money.Zero };
        DateOnly? left = i % 20 == 7 ? new DateOnly(Year, 1, 1).AddDays(random.Next(364)) : null;
        var row = new LeaveRecord { EnterpriseId = enterprise.Id, RegionCode = enterprise.Region, PersonId = Guid.CreateVersion7(), PersonName = "职工" + i.ToString(CultureInfo.InvariantCulture) };
        LeaveRecords.Apply(row, new EmployeeLeaveRecord(row.PersonId.ToString(), Year, entitled, taken, taken, wage, paid, false, LeftOn: left));
        owing += row.OwedFrom is null ? 0 : 1;
        leavers += left is null ? 0 : 1;
        foreach (var (key, tally) in LeaveYearTotals.Contributions(row))
        {
            totals[key] = totals.GetValueOrDefault(key) + tally;
        }

        await writer.StartRowAsync();
        await writer.WriteAsync(row.Id, NpgsqlDbType.Uuid);
        await writer.WriteAsync(row.EnterpriseId, NpgsqlDbType.Uuid);
        await writer.WriteAsync(row.RegionCode, NpgsqlDbType.Varchar);
        await writer.WriteAsync(row.PersonId, NpgsqlDbType.Uuid);
        await writer.WriteAsync(row.PersonName, NpgsqlDbType.Varchar);
        await writer.WriteAsync("440300********001X", NpgsqlDbType.Varchar);
        await writer.WriteAsync(row.Year, NpgsqlDbType.Integer);
        await writer.WriteAsync(new DateOnly(2000, 7, 1), NpgsqlDbType.Date);
        await writer.WriteAsync(false, NpgsqlDbType.Boolean);
        await writer.WriteAsync(row.EntitledDays, NpgsqlDbType.Integer);
        await writer.WriteAsync(row.ArrangedDays, NpgsqlDbType.Integer);
        await writer.WriteAsync(row.TakenDays, NpgsqlDbType.Integer);
        await writer.WriteAsync(row.AverageMonthlyWageFen, NpgsqlDbType.Bigint);
        await writer.WriteAsync(row.CompensationPaidFen, NpgsqlDbType.Bigint);
        await writer.WriteAsync(row.WrittenRefusal, NpgsqlDbType.Boolean);
        await writer.WriteAsync(row.CarriedOverDays, NpgsqlDbType.Integer);
        await writer.WriteAsync(row.CarriedOverTakenDays, NpgsqlDbType.Integer);
        await writer.WriteAsync(row.UntakenDays, NpgsqlDbType.Integer);
        await writer.WriteAsync(row.YearDeadline, NpgsqlDbType.Date);
        await writer.WriteAsync(row.CarryOverDeadline, NpgsqlDbType.Date);
        await writer.WriteAsync((int)row.InYearStatus, NpgsqlDbType.Integer);
        await writer.WriteAsync(row.InYearOwedDays, NpgsqlDbType.Integer);
        await writer.WriteAsync((int)row.AfterYearStatus, NpgsqlDbType.Integer);
        await writer.WriteAsync(row.AfterYearOwedDays, NpgsqlDbType.Integer);
        await writer.WriteAsync(row.AfterYearCompensableDays, NpgsqlDbType.Integer);
        await writer.WriteAsync(row.AfterYearDueFen, NpgsqlDbType.Bigint);
        await writer.WriteAsync(row.AfterYearShortfallFen, NpgsqlDbType.Bigint);
        await writer.WriteAsync((int)row.AfterCarryOverStatus, NpgsqlDbType.Integer);
        await writer.WriteAsync(row.AfterCarryOverCompensableDays, NpgsqlDbType.Integer);
        await writer.WriteAsync(row.AfterCarryOverDueFen, NpgsqlDbType.Bigint);
        await writer.WriteAsync(row.AfterCarryOverShortfallFen, NpgsqlDbType.Bigint);
        if (row.OwedFrom is { } from)
        {
            await writer.WriteAsync(from, NpgsqlDbType.Date);
        }
        else
        {
            await writer.WriteNullAsync();
        }

        await writer.WriteAsync(0L, NpgsqlDbType.Bigint);
        await writer.WriteAsync("bench", NpgsqlDbType.Varchar);
        if (row.LeftOn is { } leftOn)
        {
            await writer.WriteAsync(leftOn, NpgsqlDbType.Date);
        }
        else
        {
            await writer.WriteNullAsync();
        }
    }

    await writer.CompleteAsync();
}

await using (var connection = new NpgsqlConnection(cs))
{
    await connection.OpenAsync();
    await using var writer = await connection.BeginBinaryImportAsync(
        "COPY leave.leave_year_totals (\"Id\", \"EnterpriseId\", \"Year\", \"RegionCode\", \"Kind\", \"EffectiveFrom\", \"Employees\", \"Taken\", \"Scheduled\", " +
        "\"Outstanding\", \"CarriedOver\", \"WrittenRefusal\", \"Compensated\", \"CompensationOwed\", \"OwedDays\", \"CompensableDays\", \"ShortfallFen\", " +
        "\"NeedingAction\", \"OwedNothingPaid\", \"OwedCompensableDays\", \"OwedDueFen\") FROM STDIN (FORMAT BINARY)");
    foreach (var (key, t) in totals.Where(t => !t.Value.IsZero))
    {
        await writer.StartRowAsync();
        await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
        await writer.WriteAsync(key.EnterpriseId, NpgsqlDbType.Uuid);
        await writer.WriteAsync(key.Year, NpgsqlDbType.Integer);
        await writer.WriteAsync(key.RegionCode, NpgsqlDbType.Varchar);
        await writer.WriteAsync((int)key.Kind, NpgsqlDbType.Integer);
        await writer.WriteAsync(key.EffectiveFrom, NpgsqlDbType.Date);
        foreach (var n in new[] { t.Employees, t.Taken, t.Scheduled, t.Outstanding, t.CarriedOver, t.WrittenRefusal, t.Compensated, t.CompensationOwed, t.OwedDays, t.CompensableDays })
        {
            await writer.WriteAsync(n, NpgsqlDbType.Integer);
        }

        await writer.WriteAsync(t.Shortfall.Fen, NpgsqlDbType.Bigint);
        await writer.WriteAsync(t.NeedingAction, NpgsqlDbType.Integer);
        await writer.WriteAsync(t.OwedNothingPaid, NpgsqlDbType.Integer);
        await writer.WriteAsync(t.OwedCompensableDays, NpgsqlDbType.Integer);
        await writer.WriteAsync(t.OwedDue.Fen, NpgsqlDbType.Bigint);
    }

    await writer.CompleteAsync();
}

await using (var connection = new NpgsqlConnection(cs))
{
    await connection.OpenAsync();
    await using var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection); // as autovacuum leaves a loaded table
    await analyze.ExecuteNonQueryAsync();
}

Log($"{employees:N0} leave records of {Year} ({leavers:N0} left during the year), {owing:N0} owed compensation at some point ({owing * 100.0 / employees:0.0} %); {totals.Count(t => !t.Value.IsZero):N0} total rows");

// 3. Latency through the module's own queries, each call on a fresh context (one request), as the role that uses it.
var protector = new IdNumberProtector(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
GongjiangDbContext Context(Actor actor)
{
    var options = new DbContextOptionsBuilder<PostgresGongjiangDbContext>();
    DatabaseSetup.Configure(options, DatabaseProvider.Postgres, cs);
    return new PostgresGongjiangDbContext(options.Options, new BenchActor(actor));
}

var employer = new Actor("bench-employer", "employer", "用人单位经办人", Roles.Employer, Jurisdiction.Parse("440300").Value, null, enterprises[0].Id, null);
var cityClerk = new Actor("bench-clerk", "clerk", "窗口经办人", Roles.Clerk, Jurisdiction.Parse("440300").Value, null, null, null);
var provinceSupervisor = new Actor("bench-supervisor", "supervisor", "督查人员", Roles.Supervisor, Jurisdiction.Parse("440000").Value, null, null, null);

var results = new List<(string Name, double P50, double P95, double Max, string Detail, bool Target)>();
async Task MeasureAsync(string name, Func<GongjiangDbContext, Task<string>> call, Actor actor, bool target)
{
    var ms = new List<double>(calls);
    var detail = "";
    for (var i = 0; i < calls + 5; i++)
    {
        await using var db = Context(actor);
        var watch = Stopwatch.StartNew();
        detail = await call(db);
        watch.Stop();
        if (i >= 5)
        {
            ms.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    ms.Sort();
    double At(double p) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p * ms.Count) - 1)];
    results.Add((name, At(0.50), At(0.95), ms[^1], detail, target));
    Log($"{name}: p50 {At(0.50):0.0} ms, p95 {At(0.95):0.0} ms ({At(0.95) / TargetMs:0.00} × {TargetMs} ms), max {ms[^1]:0.0} ms ({detail})");
}

async Task<string> YearEndAsync(GongjiangDbContext db, DateOnly day)
{
    // What /leave/records does: the years, the summary, the first page of who needs action and of all records.
    var years = await LeaveYearEnd.YearsAsync(db, enterprises[0].Id, CancellationToken.None);
    var summary = await LeaveYearEnd.SummaryAsync(db, enterprises[0].Id, Year, day, CancellationToken.None);
    var needing = await LeaveYearEnd.NeedingActionAsync(db, enterprises[0].Id, Year, day, new PageRequest(1, 20), summary.NeedingAction, CancellationToken.None);
    var all = await LeaveYearEnd.ListAsync(db, enterprises[0].Id, Year, day, null, new PageRequest(1, 20), CancellationToken.None, summary.Employees);
    return $"{summary.Employees:N0} employees, {summary.NeedingAction:N0} needing action, {needing.Items.Count}+{all.Items.Count} rows shown, {years.Count} years";
}

async Task<string> InspectionAsync(GongjiangDbContext db, DateOnly day)
{
    var list = await LeaveInspection.ListAsync(db, new EmploymentDirectory(db, protector), Year, day, null, new PageRequest(1, 50), CancellationToken.None);
    return $"{list.Enterprises:N0} enterprises, {list.EmployeesOwed:N0} employees owed, first page {list.Page.Items.Count}";
}

await MeasureAsync($"year-end view, enterprise of {bigEnterprise:N0}, after the year ({asOf:yyyy-MM-dd})", db => YearEndAsync(db, asOf), employer, target: true);
await MeasureAsync($"inspection list, province (all {employees:N0} employees), after the year", db => InspectionAsync(db, asOf), provinceSupervisor, target: true);
await MeasureAsync("inspection list, one city (深圳 440300), after the year", db => InspectionAsync(db, asOf), cityClerk, target: true);
await MeasureAsync($"year-end view, enterprise of {bigEnterprise:N0}, in the year ({inYear:yyyy-MM-dd})", db => YearEndAsync(db, inYear), employer, target: false);
await MeasureAsync("inspection list, province, in the year (only leavers can be owed)", db => InspectionAsync(db, inYear), provinceSupervisor, target: false);
await MeasureAsync($"records of one status (API ?status=CompensationOwed), enterprise of {bigEnterprise:N0}, first page", async db =>
{
    var list = await LeaveYearEnd.ListAsync(db, enterprises[0].Id, Year, asOf, LeaveYearStatus.CompensationOwed, new PageRequest(1, 20), CancellationToken.None);
    return $"{list.Total:N0} records, {list.Items.Count} shown";
}, employer, target: false);

Console.WriteLine();
Console.WriteLine($"| Query ({calls} calls each, after 5 warm-up) | p50 | p95 | max | p95 ÷ {TargetMs} ms | issue target |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var r in results)
{
    var verdict = !r.Target ? "(not a target)" : r.P95 <= TargetMs ? "met" : "NOT met";
    Console.WriteLine($"| {r.Name} — {r.Detail} | {r.P50:0.0} ms | **{r.P95:0.0} ms** | {r.Max:0.0} ms | **{r.P95 / TargetMs:0.00}** | {verdict} |");
}

Console.WriteLine($"\nLoad average at the end: {LoadAverage()}.");
Console.WriteLine($"\n{Environment.ProcessorCount} logical CPUs; {pg.Description}; total {started.Elapsed:mm\\:ss}.");
pg.DropDatabase(cs);
return 0;

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

internal sealed class BenchActor(Actor actor) : ICurrentActor
{
    public Actor Actor { get; } = actor;

    public string? ClientAddress => null;
}
