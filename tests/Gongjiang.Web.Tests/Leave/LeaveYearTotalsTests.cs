using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Gongjiang.Core.Common;
using Gongjiang.Core.Leave;
using Gongjiang.Web.Features.Leave.Data;
using Gongjiang.Web.Features.Leave.Inspection;
using Gongjiang.Web.Features.Leave.Records;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Leave;

/// <summary>
/// Issue 16, performance: the year-end view and the inspection list read <see cref="LeaveYearTotal"/>, kept by every
/// write of a record. After inserts (API), corrections (saving again, paying, leaving), imports, direct saves and a
/// removal, the stored totals equal a recomputation from the records, and what the view and the list show equals Core's
/// <see cref="EmployerLeaveCompliance.Summarize"/> and <see cref="EmployerLeaveCompliance.InspectionList"/> on days in
/// every period (in the year before and after a leaving day, after the year, after the carry-over year). On both providers.
/// </summary>
public abstract class LeaveYearTotalsTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    private int Year => _app.Clock.Today.Year - 2;

    private static string IdOf(Guid person) => DemoData.DemoIdNumbers.Single(p => p.Id == person).Number;

    private static async Task OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
    }

    [Fact]
    public async Task The_totals_equal_a_recomputation_after_inserts_corrections_imports_and_removals()
    {
        await AssertTotalsAsync("demo data");
        using var employer = await _app.ApiAsAsync("employer");

        // Inserts: 办法 art 12 — 李建华 leaves on 30 June; 条例 art 5 — 王秀英 took 4 of 10 days.
        await OkAsync(await employer.PostAsJsonAsync("/api/v1/leave/records", new
        {
            idNumber = IdOf(DemoData.WorkerPersonId),
            year = Year,
            firstWorkDate = "2010-07-01",
            takenDays = 1,
            averageMonthlyWage = 8700.00m,
            leftOn = $"{Year}-06-30",
        }));
        await OkAsync(await employer.PostAsJsonAsync("/api/v1/leave/records", new
        {
            idNumber = IdOf(DemoData.ShenzhenColleagueId),
            year = Year,
            entitledDays = 10,
            arrangedDays = 6,
            takenDays = 4,
            averageMonthlyWage = 9000.00m,
        }));
        await AssertTotalsAsync("inserts");
        await AssertViewsMatchCoreAsync();

        // Corrections: 李建华 did not leave after all and was paid part; 王秀英 leaves on 30 September and refused the arranged days in writing (办法 art 10 ¶2).
        await OkAsync(await employer.PostAsJsonAsync("/api/v1/leave/records", new
        {
            idNumber = IdOf(DemoData.WorkerPersonId),
            year = Year,
            firstWorkDate = "2010-07-01",
            takenDays = 4,
            averageMonthlyWage = 8700.00m,
            compensationPaid = 1000.00m,
        }));
        await OkAsync(await employer.PostAsJsonAsync("/api/v1/leave/records", new
        {
            idNumber = IdOf(DemoData.ShenzhenColleagueId),
            year = Year,
            entitledDays = 10,
            arrangedDays = 10,
            takenDays = 4,
            averageMonthlyWage = 9000.00m,
            writtenRefusal = true,
            leftOn = $"{Year}-09-30",
        }));
        await AssertTotalsAsync("corrections");
        await AssertViewsMatchCoreAsync();

        // An import: both employees of this year again (updates) and of last year (the demo's records, updated; 办法 art 9 carry-over).
        var csv = new StringBuilder("公民身份号码,姓名,年度,应休天数,已安排天数,已休天数,月平均工资,已付未休年休假工资报酬,书面提出不休,跨年度安排天数,跨年度已休天数,离职日期\n")
            .Append(CultureInfo($"{IdOf(DemoData.WorkerPersonId)},李建华,{Year},10,10,10,8700.00,0,否,0,0,\n"))
            .Append(CultureInfo($"{IdOf(DemoData.ShenzhenColleagueId)},王秀英,{Year},10,10,2,9000.00,800.00,否,0,0,{Year}-03-15\n"))
            .Append(CultureInfo($"{IdOf(DemoData.WorkerPersonId)},李建华,{Year + 1},15,10,8,12000.00,0,否,4,1,\n"))
            .Append(CultureInfo($"{IdOf(DemoData.ShenzhenColleagueId)},王秀英,{Year + 1},10,10,10,9500.00,0,否,0,0,\n"))
            .ToString();
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "年休假.csv");
            await OkAsync(await employer.PostAsync("/api/v1/leave/records/import", form));
        }

        await AssertTotalsAsync("import");
        await AssertViewsMatchCoreAsync();

        // Saves straight through the context (as the demo and other code do) and a removal.
        await AddAsync(DemoData.ShenzhenMetroPersonId, DemoData.ShenzhenMetroId, entitled: 15, taken: 12, wage: 870_000, paid: 240_000, leftOn: null);
        await AddAsync(DemoData.GuangzhouPersonId, DemoData.GuangzhouEnterpriseId, entitled: 15, taken: 5, wage: 870_000, paid: 100_000, leftOn: new DateOnly(Year, 5, 31));
        await AddAsync(DemoData.GuangzhouPerson2Id, DemoData.GuangzhouEnterpriseId, entitled: 10, taken: 2, wage: 800_000, paid: 0, leftOn: null);
        await AssertTotalsAsync("direct saves");
        await AssertViewsMatchCoreAsync();
        await using (var db = _app.CreateContext(Actor.System("test")))
        {
            db.Remove(await db.Set<LeaveRecord>().SingleAsync(r => r.PersonId == DemoData.GuangzhouPersonId && r.Year == Year));
            await db.SaveChangesAsync();
        }

        await AssertTotalsAsync("removal");
        await AssertViewsMatchCoreAsync();
    }

    [Fact]
    public async Task The_migrations_backfill_gives_the_totals_the_saves_kept()
    {
        await AddAsync(DemoData.WorkerPersonId, DemoData.ShenzhenEnterpriseId, entitled: 15, taken: 10, wage: 870_000, paid: 0, leftOn: null);
        await AddAsync(DemoData.ShenzhenColleagueId, DemoData.ShenzhenEnterpriseId, entitled: 10, taken: 3, wage: 900_000, paid: 50_000, leftOn: new DateOnly(Year, 8, 31));
        await AddAsync(DemoData.GuangzhouPersonId, DemoData.GuangzhouEnterpriseId, entitled: 15, taken: 5, wage: 870_000, paid: 100_000, leftOn: new DateOnly(Year, 4, 30));
        await using var db = _app.CreateContext(Actor.System("test"));
        var kept = await db.Set<LeaveYearTotal>().AsNoTracking().CountAsync();
        Assert.True(kept > 0);

        await db.DeleteInScopeAsync(db.Set<LeaveYearTotal>(), "测试：清空年休假年度汇总后重新回填", CancellationToken.None);
        Assert.False(await db.Set<LeaveYearTotal>().AnyAsync());
        await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Postgres ? LeaveYearTotalsBackfill.Postgres : LeaveYearTotalsBackfill.Sqlite);

        Assert.Equal(kept, await db.Set<LeaveYearTotal>().AsNoTracking().CountAsync());
        await AssertTotalsAsync("backfill");
        await AssertViewsMatchCoreAsync();
    }

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);

    private async Task AddAsync(Guid person, Guid enterprise, int entitled, int taken, long wage, long paid, DateOnly? leftOn)
    {
        await using var db = _app.CreateContext(Actor.System("test"));
        var facts = await db.Set<Person>().SingleAsync(p => p.Id == person);
        var region = await db.Set<Enterprise>().Where(e => e.Id == enterprise).Select(e => e.RegionCode).SingleAsync();
        var row = new LeaveRecord { EnterpriseId = enterprise, RegionCode = region, PersonId = person, PersonName = facts.Name, IdNumberMasked = facts.IdNumberMasked, UpdatedBy = "test" };
        LeaveRecords.Apply(row, new EmployeeLeaveRecord(person.ToString(), Year, entitled, taken, taken, new Money(wage), new Money(paid), false, LeftOn: leftOn));
        db.Add(row);
        await db.SaveChangesAsync();
    }

    /// <summary>The stored totals are exactly the sums of the records' stored assessments (no row missing, none extra, none zero).</summary>
    private async Task AssertTotalsAsync(string step)
    {
        await using var db = _app.CreateContext(Actor.System("test"));
        var expected = LeaveYearTotals.Sum(await db.Set<LeaveRecord>().AsNoTracking().ToListAsync());
        var stored = await db.Set<LeaveYearTotal>().AsNoTracking().ToListAsync();
        Assert.True(expected.Count > 0, step);
        Assert.True(expected.Count == stored.Count, $"{step}: {stored.Count} rows stored, {expected.Count} recomputed");
        foreach (var row in stored)
        {
            var key = new LeaveTotalKey(row.EnterpriseId, row.Year, row.RegionCode, row.Kind, row.EffectiveFrom);
            Assert.True(expected.TryGetValue(key, out var tally), $"{step}: unexpected row {key}");
            Assert.Equal(tally, row.Tally);
        }
    }

    /// <summary>What the year-end view and the inspection list show equals Core's own functions over the records, on days of every period.</summary>
    private async Task AssertViewsMatchCoreAsync()
    {
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentActor>().Use(Actor.System("test"));
        var db = scope.ServiceProvider.GetRequiredService<GongjiangDbContext>();
        var directory = scope.ServiceProvider.GetRequiredService<IEmploymentDirectory>();
        var records = await db.Set<LeaveRecord>().AsNoTracking().ToListAsync();
        foreach (var year in records.Select(r => r.Year).Distinct())
        {
            var parameters = LeaveRecords.Parameters(year);
            DateOnly[] days = [new(year, 3, 1), new(year, 3, 16), new(year, 7, 15), new(year, 10, 15), new(year, 12, 31), new(year + 1, 1, 1), new(year + 1, 12, 31), new(year + 2, 1, 1)];
            foreach (var asOf in days)
            {
                foreach (var enterprise in records.Where(r => r.Year == year).GroupBy(r => r.EnterpriseId))
                {
                    var label = $"{enterprise.Key} {year} {asOf}";
                    var core = EmployerLeaveCompliance.Summarize(enterprise.Select(LeaveRecords.ToCore), year, asOf, parameters);
                    var summary = await LeaveYearEnd.SummaryAsync(db, enterprise.Key, year, asOf, CancellationToken.None);
                    Assert.True(core.Employees == summary.Employees, label);
                    Assert.Equal(core.ByStatus, summary.ByStatus);
                    Assert.True(core.OwedDays == summary.OwedDays, label);
                    Assert.True(core.TotalShortfall.Fen == summary.ShortfallFen, label);
                    Assert.True(core.NeedingAction.Count == summary.NeedingAction, label);
                    Assert.Equal(
                        enterprise.Sum(r => EmployerLeaveCompliance.Assess(LeaveRecords.ToCore(r), asOf, parameters).CompensableDays), summary.CompensableDays);

                    var needing = await LeaveYearEnd.NeedingActionAsync(db, enterprise.Key, year, asOf, new PageRequest(1, 100), summary.NeedingAction, CancellationToken.None);
                    Assert.Equal(
                        core.NeedingAction.Select(a => (a.EmployeeId, a.Shortfall.Fen, a.OwedDays)).Order(),
                        needing.Items.Select(s => (s.PersonId.ToString(), s.ShortfallFen, s.OwedDays)).Order());
                    Assert.Equal(needing.Items.OrderByDescending(s => s.ShortfallFen).ThenByDescending(s => s.OwedDays).Select(s => s.Id), needing.Items.Select(s => s.Id));

                    foreach (var status in Enum.GetValues<LeaveYearStatus>())
                    {
                        var list = await LeaveYearEnd.ListAsync(db, enterprise.Key, year, asOf, status, new PageRequest(1, 100), CancellationToken.None);
                        Assert.True(core.ByStatus[status] == list.Total && list.Total == list.Items.Count, $"{label} {status}");
                        Assert.All(list.Items, s => Assert.Equal(status, s.Status));
                    }
                }

                var entries = EmployerLeaveCompliance.InspectionList(
                    records.GroupBy(r => r.EnterpriseId).Select(g => new EnterpriseLeaveRecords(g.Key.ToString(), "", g.First().RegionCode, [.. g.Select(LeaveRecords.ToCore)])),
                    year, asOf, parameters);
                var inspection = await LeaveInspection.ListAsync(db, directory, year, asOf, null, new PageRequest(1, 100), CancellationToken.None);
                Assert.True(entries.Count == inspection.Enterprises, $"{year} {asOf}: {inspection.Enterprises} enterprises listed, {entries.Count} by Core");
                Assert.Equal(entries.Sum(e => e.Employees.Count), inspection.EmployeesOwed);
                Assert.Equal(entries.Sum(e => e.TotalOwed.Fen), inspection.ShortfallFen);
                Assert.Equal(
                    entries.Select(e => (e.EnterpriseId, e.EmployeesRecorded, e.Employees.Count, e.Employees.Count(x => x.NothingPaid), e.UntakenDays,
                        e.Employees.Sum(x => x.CompensationDue.Fen), e.TotalOwed.Fen)).Order(),
                    inspection.Page.Items.Select(i => (i.EnterpriseId.ToString(), i.EmployeesRecorded, i.EmployeesOwed, i.NothingPaid, i.UntakenDays, i.DueFen, i.ShortfallFen)).Order());
                Assert.Equal(inspection.Page.Items.OrderByDescending(i => i.ShortfallFen).Select(i => i.EnterpriseId), inspection.Page.Items.Select(i => i.EnterpriseId));
            }
        }
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class PostgresLeaveYearTotalsTests() : LeaveYearTotalsTests(DatabaseProvider.Postgres);

public sealed class SqliteLeaveYearTotalsTests() : LeaveYearTotalsTests(DatabaseProvider.Sqlite);
