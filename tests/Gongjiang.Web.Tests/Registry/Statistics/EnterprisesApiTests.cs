using System.Net;
using System.Net.Http.Json;
using Gongjiang.Web.Features.Registry.Enterprises;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Registry.Statistics;

/// <summary>
/// The enterprise list and page within scope. Demo enterprises: 深圳市鹏城精密制造有限公司 (440306, 李建华 and 王秀英),
/// 深圳市城市轨道交通运营有限公司 (440304, 陈志强), 广州羊城机车车辆有限公司 (440112, 张伟 and 刘芳).
/// </summary>
public abstract class EnterprisesApiTests(DatabaseProvider provider) : IDisposable
{
    private const string Api = "/api/v1/registry/enterprises";

    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task Guangzhou_clerk_lists_only_Guangzhou_enterprises_with_their_counts()
    {
        using var clerk2 = await _app.ApiAsAsync("clerk2");

        var page = (await clerk2.GetFromJsonAsync<Paged<EnterpriseSummary>>(Api))!;

        var only = Assert.Single(page.Items);
        Assert.Equal(1, page.Total);
        Assert.Equal(DemoData.GuangzhouEnterpriseId, only.Id);
        Assert.Equal("广州羊城机车车辆有限公司", only.Name);
        Assert.Equal("地方国有企业", only.OwnershipType);
        Assert.Equal("广东省广州市黄埔区", only.RegionName);
        Assert.Equal(2, only.Workers);
        Assert.Equal(1, only.LeadingTalents);
    }

    [Fact]
    public async Task Guangzhou_clerk_cannot_open_a_Shenzhen_enterprise()
    {
        using var clerk2 = await _app.ApiAsAsync("clerk2");

        var response = await clerk2.GetAsync($"{Api}/{DemoData.ShenzhenEnterpriseId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("管辖范围", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shenzhen_clerk_opens_an_enterprise_with_its_workers_leading_talents_first_and_id_numbers_masked()
    {
        using var clerk = await _app.ApiAsAsync("clerk");

        var detail = (await clerk.GetFromJsonAsync<EnterpriseDetail>($"{Api}/{DemoData.ShenzhenEnterpriseId}"))!;

        Assert.Equal("深圳市鹏城精密制造有限公司", detail.Name);
        Assert.Equal(DemoData.CreditCode("440306", "MA5DPC01"), detail.CreditCode);
        Assert.Equal("民营企业", detail.OwnershipType);
        Assert.Equal(2, detail.Workers);
        Assert.Equal(1, detail.LeadingTalents);
        Assert.True(detail.WorkersComplete);
        Assert.Equal(["李建华", "王秀英"], detail.WorkerPage.Items.Select(w => w.Name));
        Assert.All(detail.WorkerPage.Items, w => Assert.Contains("*", w.IdNumberMasked, StringComparison.Ordinal));
        Assert.Contains("全国技术能手", detail.WorkerPage.Items[0].Bases, StringComparison.Ordinal);
        Assert.Null(detail.WorkerPage.Items[1].Bases);
        Assert.Equal("钳工", detail.WorkerPage.Items[0].Occupation);
    }

    [Fact]
    public async Task Search_by_name_credit_code_and_region_within_scope()
    {
        using var supervisor = await _app.ApiAsAsync("supervisor");

        var all = (await supervisor.GetFromJsonAsync<Paged<EnterpriseSummary>>(Api))!;
        var byName = (await supervisor.GetFromJsonAsync<Paged<EnterpriseSummary>>(Api + "?q=" + Uri.EscapeDataString("轨道交通")))!;
        var byCode = (await supervisor.GetFromJsonAsync<Paged<EnterpriseSummary>>(Api + "?q=" + DemoData.CreditCode("440112", "19048802").ToLowerInvariant()))!;
        var byRegion = (await supervisor.GetFromJsonAsync<Paged<EnterpriseSummary>>(Api + "?region=440300"))!;
        var paged = (await supervisor.GetFromJsonAsync<Paged<EnterpriseSummary>>(Api + "?pageSize=2&page=2"))!;
        var badRegion = await supervisor.GetAsync(Api + "?region=999999");

        Assert.Equal(3, all.Total);
        Assert.Equal(DemoData.ShenzhenMetroId, Assert.Single(byName.Items).Id);
        Assert.Equal(DemoData.GuangzhouEnterpriseId, Assert.Single(byCode.Items).Id);
        Assert.Equal(2, byRegion.Total);
        Assert.All(byRegion.Items, e => Assert.StartsWith("4403", e.RegionCode, StringComparison.Ordinal));
        Assert.Equal(3, paged.Total);
        Assert.Single(paged.Items);
        Assert.Equal(HttpStatusCode.BadRequest, badRegion.StatusCode);
        Assert.Contains("region", await badRegion.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Employer_reads_public_enterprise_data_but_only_its_own_workers()
    {
        using var employer = await _app.ApiAsAsync("employer");

        var list = (await employer.GetFromJsonAsync<Paged<EnterpriseSummary>>(Api))!;
        var other = (await employer.GetFromJsonAsync<EnterpriseDetail>($"{Api}/{DemoData.ShenzhenMetroId}"))!;
        var own = (await employer.GetFromJsonAsync<EnterpriseDetail>($"{Api}/{DemoData.ShenzhenEnterpriseId}"))!;

        Assert.Equal(2, list.Total);
        Assert.Equal(2, list.Items.Single(e => e.Id == DemoData.ShenzhenEnterpriseId).Workers);
        Assert.Null(list.Items.Single(e => e.Id == DemoData.ShenzhenMetroId).Workers);
        Assert.False(other.WorkersComplete);
        Assert.Null(other.Workers);
        Assert.Empty(other.WorkerPage.Items);
        Assert.Equal(2, own.WorkerPage.Total);
    }

    [Fact]
    public async Task Worker_sees_enterprises_as_public_data_and_no_one_else_at_work()
    {
        using var worker = await _app.ApiAsAsync("worker");

        var list = (await worker.GetFromJsonAsync<Paged<EnterpriseSummary>>(Api))!;
        var own = (await worker.GetFromJsonAsync<EnterpriseDetail>($"{Api}/{DemoData.ShenzhenEnterpriseId}"))!;

        Assert.All(list.Items, e => Assert.Null(e.Workers));
        Assert.Equal(DemoData.WorkerPersonId, Assert.Single(own.WorkerPage.Items).Id);
        Assert.Null(own.Workers);
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class EnterprisesApiTestsOnPostgres() : EnterprisesApiTests(DatabaseProvider.Postgres);

public sealed class EnterprisesApiTestsOnSqlite() : EnterprisesApiTests(DatabaseProvider.Sqlite);
