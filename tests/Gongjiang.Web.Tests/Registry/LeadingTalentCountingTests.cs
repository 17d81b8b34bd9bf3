using System.Net;
using System.Net.Http.Json;
using Gongjiang.Web.Features.Registry.Persons;
using Gongjiang.Web.Features.Registry.Statistics;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Registry;

/// <summary>
/// Notice 三 “建立完善高技能领军人才数据库”: the statistics and the leading-talent filter count the talents in the
/// database (已入库, 复核中), not everyone who meets the definition of 《意见》三（一）; the person list shows and filters
/// the lifecycle status.
/// </summary>
public sealed class LeadingTalentCountingTests : IDisposable
{
    private readonly TestApp _app = new();

    [Fact]
    public async Task Only_listed_talents_are_counted_and_the_status_is_shown_and_filterable()
    {
        using var clerk = await _app.ApiAsAsync("clerk");

        // 李建华 and 陈志强 meet the definition but nobody nominated them: no leading talent in the database yet.
        var before = (await clerk.GetFromJsonAsync<RegistryStatisticsReport>("/api/v1/registry/statistics"))!;
        Assert.Equal(0, before.LeadingTalents);
        Assert.Empty((await SearchAsync(clerk, "leadingTalent=true")).Items);

        foreach (var person in new[] { DemoData.WorkerPersonId, DemoData.ShenzhenMetroPersonId })
        {
            foreach (var action in new[] { "Nominate", "Verify", "List" })
            {
                var step = await clerk.PostAsJsonAsync($"/api/v1/registry/persons/{person}/lifecycle", new { action, note = "依据荣誉证书核实无误" });
                Assert.Equal(HttpStatusCode.NoContent, step.StatusCode);
            }
        }

        var delisted = await clerk.PostAsJsonAsync($"/api/v1/registry/persons/{DemoData.ShenzhenMetroPersonId}/lifecycle",
            new { action = "Delist", reason = "Retired", note = "2026年退休，单位书面确认" });
        Assert.Equal(HttpStatusCode.NoContent, delisted.StatusCode);

        var after = (await clerk.GetFromJsonAsync<RegistryStatisticsReport>("/api/v1/registry/statistics"))!;
        Assert.Equal(3, after.Persons);
        Assert.Equal(1, after.LeadingTalents);
        Assert.Equal(1, after.ByHonor.Rows.Single(r => r.Key == "NationalTechnicalExpert").LeadingTalents);
        Assert.Equal(0, after.ByHonor.Rows.Single(r => r.Key == "NationalMayDayLaborMedal").LeadingTalents);
        Assert.Equal(1, after.ByHonor.Rows.Single(r => r.Key == "NationalMayDayLaborMedal").Persons);

        Assert.Equal(["李建华"], (await SearchAsync(clerk, "leadingTalent=true")).Items.Select(p => p.Name));
        Assert.Equal(["王秀英", "陈志强"], (await SearchAsync(clerk, "leadingTalent=false")).Items.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["陈志强"], (await SearchAsync(clerk, "status=Delisted")).Items.Select(p => p.Name));
        Assert.Equal(["李建华"], (await SearchAsync(clerk, "status=" + Uri.EscapeDataString("入库"))).Items.Select(p => p.Name));
        Assert.Equal(["王秀英"], (await SearchAsync(clerk, "status=NotInRegistry")).Items.Select(p => p.Name));
        var all = (await SearchAsync(clerk, "")).Items.ToDictionary(p => p.Name, p => p.Status);
        Assert.Equal("已入库", all["李建华"]);
        Assert.Equal("已移出", all["陈志强"]);
        Assert.Equal("未提名", all["王秀英"]);

        var bad = await clerk.GetAsync("/api/v1/registry/persons?status=unknown");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private static async Task<Paged<PersonSummary>> SearchAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<Paged<PersonSummary>>("/api/v1/registry/persons?" + query))!;

    public void Dispose() => _app.Dispose();
}
