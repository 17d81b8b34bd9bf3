using System.Net.Http.Json;
using Gongjiang.Core.Skills;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Publication.Public;

/// <summary>
/// One app with: 深圳 published (李建华, 陈志强 — whose employer's name starts with “=”), a 深圳 draft of the next period,
/// and 广州 in its notice period (张伟). Tests of the class only read, or add audit records they tell apart.
/// </summary>
public abstract class PublicCatalogFixture(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>What a spreadsheet would run as a formula, unless defused.</summary>
    public const string FormulaEmployer = "=1+2深圳地铁运营有限公司";

    public TestApp App { get; } = new(provider);

    public Guid ShenzhenId { get; private set; }

    public Guid ShenzhenDraftId { get; private set; }

    public Guid GuangzhouId { get; private set; }

    public async Task InitializeAsync()
    {
        await using (var db = App.CreateContext(Actor.System("test")))
        {
            var metro = await db.Set<Enterprise>().SingleAsync(e => e.Id == DemoData.ShenzhenMetroId);
            metro.Name = FormulaEmployer;
            var worker = await db.Set<Person>().SingleAsync(p => p.Id == DemoData.WorkerPersonId);
            worker.HighestSkillLevel = SkillLevel.SeniorTechnician;
            await db.SaveChangesAsync();
        }

        ShenzhenId = await PublicationScenario.PublishShenzhenAsync(App, "2026-Q3");

        using (var clerk = await App.ApiAsAsync("clerk"))
        {
            var draft = await clerk.PostAsJsonAsync("/api/v1/publications", new { period = "2026-Q4" });
            Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
            ShenzhenDraftId = (await draft.Content.ReadFromJsonAsync<IdOnly>())!.Id;
        }

        await ListAsAsync(App, "clerk2", DemoData.GuangzhouPersonId);
        GuangzhouId = await PublicationScenario.PrepareAndNoticeAsync(App, "2026-Q4", "clerk2");
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>提名 → 核实 → 入库 as the given clerk (PublicationScenario.ListAsync acts as the 深圳 clerk).</summary>
    public static async Task ListAsAsync(TestApp app, string clerkName, params Guid[] persons)
    {
        using var clerk = await app.ApiAsAsync(clerkName);
        foreach (var person in persons)
        {
            foreach (var action in new[] { "Nominate", "Verify", "List" })
            {
                var response = await clerk.PostAsJsonAsync($"/api/v1/registry/persons/{person}/lifecycle", new { action, note = "依据荣誉证书核实" });
                Assert.True(response.IsSuccessStatusCode, $"{action} {person}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    private sealed record IdOnly(Guid Id);

    public sealed class OnPostgres() : PublicCatalogFixture(DatabaseProvider.Postgres);

    public sealed class OnSqlite() : PublicCatalogFixture(DatabaseProvider.Sqlite);
}
