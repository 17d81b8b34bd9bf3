using System.Net.Http.Json;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Publication;

/// <summary>Puts demo talents into the registry and runs publications through the API, for the publication tests.</summary>
public static class PublicationScenario
{
    /// <summary>The 深圳 demo persons who are leading talents (李建华: 全国技术能手; 陈志强: 全国五一劳动奖章).</summary>
    public static readonly Guid[] ShenzhenTalents = [DemoData.WorkerPersonId, DemoData.ShenzhenMetroPersonId];

    /// <summary>提名 → 核实 → 入库 through the lifecycle API as the 深圳 clerk.</summary>
    public static async Task ListAsync(TestApp app, params Guid[] persons)
    {
        using var clerk = await app.ApiAsAsync("clerk");
        foreach (var person in persons)
        {
            foreach (var action in new[] { "Nominate", "Verify", "List" })
            {
                var response = await clerk.PostAsJsonAsync($"/api/v1/registry/persons/{person}/lifecycle", new { action, note = "依据荣誉证书核实" });
                Assert.True(response.IsSuccessStatusCode, $"{action} {person}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    /// <summary>Prepares a publication as <paramref name="preparer"/> and starts its notice period; returns its id.</summary>
    public static async Task<Guid> PrepareAndNoticeAsync(TestApp app, string period, string preparer = "clerk")
    {
        using var clerk = await app.ApiAsAsync(preparer);
        var created = await clerk.PostAsJsonAsync("/api/v1/publications", new { period });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<IdOnly>())!.Id;
        var notice = await clerk.PostAsJsonAsync($"/api/v1/publications/{id}/notice", new { reason = "名单已核对无误" });
        Assert.True(notice.IsSuccessStatusCode, await notice.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>Moves the clock past the notice period (5 working days fit in 15 calendar days except at Spring Festival / National Day).</summary>
    public static void PassNoticePeriod(TestApp app) => app.Clock.Advance(TimeSpan.FromDays(16));

    /// <summary>Approves as the second person (复核).</summary>
    public static async Task ApproveAsync(TestApp app, Guid id, string approver = "reviewer")
    {
        using var reviewer = await app.ApiAsAsync(approver);
        var approved = await reviewer.PostAsync($"/api/v1/publications/{id}/approve", null);
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
    }

    /// <summary>The whole way for the 深圳 demo talents: list, prepare, notice, pass the period, approve.</summary>
    public static async Task<Guid> PublishShenzhenAsync(TestApp app, string period = "2026-Q3")
    {
        await ListAsync(app, ShenzhenTalents);
        var id = await PrepareAndNoticeAsync(app, period);
        PassNoticePeriod(app);
        await ApproveAsync(app, id);
        return id;
    }

    private sealed record IdOnly(Guid Id);
}
