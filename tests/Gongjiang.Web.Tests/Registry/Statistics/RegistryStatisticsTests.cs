using System.Net;
using System.Net.Http.Json;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Statistics;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Registry.Statistics;

/// <summary>
/// Statistics within the actor's scope, against the demo data: 深圳 has 3 persons (440306 ×2, 440304 ×1), 广州 2
/// (440112); the leading talents are 李建华 (全国技术能手 2019, 440306), 陈志强 (全国五一劳动奖章 2016, 440304) and 张伟
/// (国务院政府特殊津贴 2018, 440112), all three put in the database (已入库) for these tests.
/// </summary>
public abstract class RegistryStatisticsTests(DatabaseProvider provider) : IAsyncLifetime, IDisposable
{
    private const string Api = "/api/v1/registry/statistics";

    private readonly TestApp _app = new(provider);

    public Task InitializeAsync() => DemoTalents.ListAsync(_app);

    [Fact]
    public async Task Guangzhou_clerk_sees_only_Guangzhou_counts_by_county()
    {
        using var clerk2 = await _app.ApiAsAsync("clerk2");

        var report = (await clerk2.GetFromJsonAsync<RegistryStatisticsReport>(Api))!;

        Assert.Equal("440100", report.RegionCode);
        Assert.Equal("广东省广州市", report.RegionName);
        Assert.Equal(2, report.Persons);
        Assert.Equal(1, report.LeadingTalents);
        Assert.All(report.ByRegion.Rows, r => Assert.StartsWith("4401", r.Key, StringComparison.Ordinal));
        Assert.Equal(("黄埔区", 2, 1), Row(report.ByRegion, "440112"));
        Assert.Equal(2, report.ByRegion.Rows.Sum(r => r.Persons));
        Assert.All(report.ByHonor.Rows, r => Assert.Equal(0, r.Persons));
        Assert.Equal(("国务院政府特殊津贴", 1, 1), Row(report.BySpecialAllowance, "StateCouncil"));
        Assert.Equal(("省级政府特殊津贴", 0, 0), Row(report.BySpecialAllowance, "Provincial"));
        Assert.Equal(("铁路机车车辆制修工", 1, 1), Row(report.ByOccupation, "铁路机车车辆制修工"));
        Assert.Equal(("电工", 1, 0), Row(report.ByOccupation, "电工"));
        Assert.DoesNotContain(report.ByOccupation.Rows, r => r.Key is "钳工" or "数控车工");
        Assert.Equal(("地方国有企业", 2, 1), Row(report.ByOwnership, "LocalSoe"));
        Assert.Equal(("民营企业", 0, 0), Row(report.ByOwnership, "Private"));
        Assert.Equal(("未填报", 2, 1), Row(report.ByIndustry, RegistryStatistics.UnknownKey));
    }

    [Fact]
    public async Task Provincial_supervisor_sees_both_cities_as_children_and_every_breakdown()
    {
        using var supervisor = await _app.ApiAsAsync("supervisor");

        var report = (await supervisor.GetFromJsonAsync<RegistryStatisticsReport>(Api))!;

        Assert.Equal("440000", report.RegionCode);
        Assert.Equal(5, report.Persons);
        Assert.Equal(3, report.LeadingTalents);
        Assert.Equal("市（州、盟）", report.ByRegion.Category);
        Assert.Equal(("广州市", 2, 1), Row(report.ByRegion, "440100"));
        Assert.Equal(("深圳市", 3, 2), Row(report.ByRegion, "440300"));
        Assert.Equal(("东莞市", 0, 0), Row(report.ByRegion, "441900"));
        Assert.Equal(5, report.ByRegion.Rows.Sum(r => r.Persons));
        Assert.DoesNotContain(report.ByRegion.Rows, r => r.Key == RegistryStatistics.UnknownKey);

        Assert.Equal(8, report.ByHonor.Rows.Count);
        Assert.Equal(("全国技术能手", 1, 1), Row(report.ByHonor, "NationalTechnicalExpert"));
        Assert.Equal(("全国五一劳动奖章", 1, 1), Row(report.ByHonor, "NationalMayDayLaborMedal"));
        Assert.Equal(("全国劳动模范", 0, 0), Row(report.ByHonor, "NationalModelWorker"));
        Assert.Equal(("国务院政府特殊津贴", 1, 1), Row(report.BySpecialAllowance, "StateCouncil"));

        Assert.Equal(("钳工", 1, 1), Row(report.ByOccupation, "钳工"));
        Assert.Equal(("城市轨道交通列车司机", 1, 1), Row(report.ByOccupation, "城市轨道交通列车司机"));
        Assert.Equal(5, report.ByOccupation.Rows.Count);
        Assert.Equal(("未填报", 5, 3), Row(report.ByIndustry, RegistryStatistics.UnknownKey));

        // All eight levels and 未填报, lowest first (the skills module's demo certificates give two persons a level).
        Assert.Equal(["Apprentice", "Junior", "Intermediate", "Senior", "Technician", "SeniorTechnician", "PrincipalTechnician", "ChiefTechnician", "unknown"],
            report.BySkillLevel.Rows.Select(r => r.Key));
        Assert.Equal(("未填报", 3, 2), Row(report.BySkillLevel, RegistryStatistics.UnknownKey));
        Assert.Equal(("技师（二级）", 1, 1), Row(report.BySkillLevel, "Technician"));
        Assert.Equal(("高级工（三级）", 1, 0), Row(report.BySkillLevel, "Senior"));

        Assert.Equal(("民营企业", 2, 1), Row(report.ByOwnership, "Private"));
        Assert.Equal(("地方国有企业", 3, 2), Row(report.ByOwnership, "LocalSoe"));
        Assert.Equal(("无工作单位", 0, 0), Row(report.ByOwnership, RegistryStatistics.UnknownKey));
    }

    [Fact]
    public async Task Shenzhen_clerk_sees_the_Shenzhen_counties()
    {
        using var clerk = await _app.ApiAsAsync("clerk");

        var report = (await clerk.GetFromJsonAsync<RegistryStatisticsReport>(Api))!;

        Assert.Equal(3, report.Persons);
        Assert.Equal(2, report.LeadingTalents);
        Assert.Equal("县（市、区）", report.ByRegion.Category);
        Assert.Equal((2, 1), PersonsAndLeading(report.ByRegion, "440306"));
        Assert.Equal((1, 1), PersonsAndLeading(report.ByRegion, "440304"));
        Assert.All(report.ByRegion.Rows, r => Assert.StartsWith("4403", r.Key, StringComparison.Ordinal));
        Assert.Equal(("全国技术能手", 1, 1), Row(report.ByHonor, "NationalTechnicalExpert"));
        Assert.Equal(("国务院政府特殊津贴", 0, 0), Row(report.BySpecialAllowance, "StateCouncil"));
    }

    [Fact]
    public async Task A_revoked_honour_is_not_counted_and_a_person_outside_any_child_region_is_summed_apart()
    {
        await using (var db = _app.CreateContext(Actor.System("test")))
        {
            var honor = await db.Set<Honor>().SingleAsync(h => h.PersonId == DemoData.WorkerPersonId);
            honor.RevokedOn = new DateOnly(2020, 1, 1);
            var person = await db.Set<Person>().SingleAsync(p => p.Id == DemoData.ShenzhenColleagueId);
            person.RegionCode = "440300";
            await db.SaveChangesAsync();
        }

        using var clerk = await _app.ApiAsAsync("clerk");
        var report = (await clerk.GetFromJsonAsync<RegistryStatisticsReport>(Api))!;

        Assert.Equal(("全国技术能手", 0, 0), Row(report.ByHonor, "NationalTechnicalExpert"));
        Assert.Equal((1, 1), PersonsAndLeading(report.ByRegion, "440306"));
        Assert.Equal(("本级或未列明地区", 1, 0), Row(report.ByRegion, RegistryStatistics.UnknownKey));
        Assert.Equal(3, report.ByRegion.Rows.Sum(r => r.Persons));
    }

    [Fact]
    public async Task Employer_counts_only_its_own_enterprise()
    {
        using var employer = await _app.ApiAsAsync("employer");

        var report = (await employer.GetFromJsonAsync<RegistryStatisticsReport>(Api))!;

        Assert.Equal(2, report.Persons);
        Assert.Equal(1, report.LeadingTalents);
        Assert.Equal(("民营企业", 2, 1), Row(report.ByOwnership, "Private"));
        Assert.Equal(("地方国有企业", 0, 0), Row(report.ByOwnership, "LocalSoe"));
    }

    [Fact]
    public async Task Worker_is_refused_and_an_anonymous_caller_must_sign_in()
    {
        using var worker = await _app.ApiAsAsync("worker");
        using var anonymous = _app.CreateClient();

        var refused = await worker.GetAsync(Api);
        var unauthenticated = await anonymous.GetAsync(Api);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task Country_administrator_sees_provinces()
    {
        using var admin = await _app.ApiAsAsync("admin");

        var report = (await admin.GetFromJsonAsync<RegistryStatisticsReport>(Api))!;

        Assert.Equal("全国", report.RegionName);
        Assert.Equal("省份", report.ByRegion.Category);
        Assert.Equal(34, report.ByRegion.Rows.Count);
        Assert.Equal(("广东省", 5, 3), Row(report.ByRegion, "440000"));
    }

    [Fact]
    public async Task Below_the_http_layer_the_use_case_gives_seven_breakdowns_with_distinct_ids()
    {
        await using var db = _app.CreateContext(new Actor("test", "supervisor", "督查员", Roles.Supervisor, Core.Access.Jurisdiction.Parse("440000").Value, null, null, null));
        var report = await RegistryStatistics.ComputeAsync(db, new DateOnly(2026, 1, 1), CancellationToken.None);

        Assert.Equal(7, report.Breakdowns.Count);
        Assert.Equal(report.Breakdowns.Count, report.Breakdowns.Select(b => b.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(report.Breakdowns, b => Assert.NotEmpty(b.Rows));
    }

    private static (string Label, int Persons, int LeadingTalents) Row(StatisticsBreakdown breakdown, string key)
    {
        var row = Assert.Single(breakdown.Rows, r => r.Key == key);
        return (row.Label, row.Persons, row.LeadingTalents);
    }

    private static (int Persons, int LeadingTalents) PersonsAndLeading(StatisticsBreakdown breakdown, string key)
    {
        var row = Assert.Single(breakdown.Rows, r => r.Key == key);
        return (row.Persons, row.LeadingTalents);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The statistics' grouping must translate on the embedded SQLite default too.</summary>
public sealed class RegistryStatisticsSqliteTests : IDisposable
{
    private readonly TestApp _app = new(DatabaseProvider.Sqlite);

    [Fact]
    public async Task Statistics_and_enterprises_work_on_sqlite()
    {
        await DemoTalents.ListAsync(_app);
        using var supervisor = await _app.ApiAsAsync("supervisor");

        var report = (await supervisor.GetFromJsonAsync<RegistryStatisticsReport>("/api/v1/registry/statistics"))!;
        var enterprises = await supervisor.GetFromJsonAsync<Gongjiang.Web.Platform.Api.Paged<Gongjiang.Web.Features.Registry.Enterprises.EnterpriseSummary>>("/api/v1/registry/enterprises");

        Assert.Equal(5, report.Persons);
        Assert.Equal(3, report.LeadingTalents);
        Assert.Equal(3, report.ByRegion.Rows.Single(r => r.Key == "440300").Persons);
        Assert.Equal(1, report.ByHonor.Rows.Single(r => r.Key == "NationalTechnicalExpert").Persons);
        Assert.Equal(3, report.ByOwnership.Rows.Single(r => r.Key == "LocalSoe").Persons);
        Assert.Equal(3, enterprises!.Total);
        Assert.Equal(2, enterprises.Items.Single(e => e.Id == DemoData.GuangzhouEnterpriseId).Workers);
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class RegistryStatisticsTestsOnPostgres() : RegistryStatisticsTests(DatabaseProvider.Postgres);

public sealed class RegistryStatisticsTestsOnSqlite() : RegistryStatisticsTests(DatabaseProvider.Sqlite);
