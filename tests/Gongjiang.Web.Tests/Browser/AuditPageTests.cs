using System.Net.Http.Json;
using Gongjiang.Web.Features.Publication.Public;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// The audit log in Chinese: object types, actions and roles; filters by action, object type and date; sign-ins with
/// the account's real role; mobile and ID numbers masked in before/after values; people shown by display name.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditPageTests(BrowserFixture browser, BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Every_entity_and_event_type_and_every_action_has_a_Chinese_name()
    {
        await using var db = app.App.CreateContext(Actor.System("test"));
        var entityTypes = db.Model.GetEntityTypes().Select(t => t.ClrType.Name).Distinct().ToList();
        var events = new[] { PublicCatalogModule.AuditEntity, "PublicationFeed", Features.Publication.PublicationUseCases.EntityName };
        var actions = typeof(AuditActions).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.True(entityTypes.Count > 15);
        Assert.All(entityTypes.Concat(events), t => Assert.True(AuditNames.EntityTypes.ContainsKey(t), $"no Chinese name for {t}"));
        Assert.All(AuditNames.EntityTypes.Values, n => Assert.DoesNotMatch("[A-Za-z]", n));
        Assert.All(actions, a => Assert.NotEqual(a, AuditActions.ChineseName(a)));
        Assert.Equal(actions.Order(StringComparer.Ordinal), AuditNames.Actions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Administrator_reads_a_Chinese_masked_log_and_filters_it()
    {
        using (var clerk = await app.App.ApiAsAsync("clerk"))
        {
            var update = await clerk.PutAsJsonAsync($"/api/v1/registry/persons/{DemoData.WorkerPersonId}", new { name = "李建华", mobile = "13911112222" });
            Assert.True(update.IsSuccessStatusCode);
        }

        // An API sign-in is logged with the account's real role and jurisdiction.
        await using (var db = app.App.CreateContext(Actor.System("test")))
        {
            var signIn = await db.AuditEntries.Where(e => e.Action == AuditActions.SignIn && e.ActorName == "clerk").OrderByDescending(e => e.Sequence).FirstAsync();
            Assert.Equal(Roles.Clerk, signIn.ActorRole);
            Assert.Equal("440300", signIn.ActorJurisdiction);
        }

        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "admin");
        await page.GotoAsync(app.Url("/admin/audit"));
        var table = page.Locator("[data-testid=audit]");
        var html = await table.InnerHTMLAsync();
        Assert.DoesNotContain("13911112222", html, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", html, StringComparison.Ordinal);
        Assert.Contains("139****2222", html, StringComparison.Ordinal);
        var entities = await page.Locator("[data-testid=audit-entity]").AllInnerTextsAsync();
        Assert.Contains(entities, e => e.StartsWith("人员", StringComparison.Ordinal));
        Assert.Contains(entities, e => e.StartsWith("账户", StringComparison.Ordinal));
        Assert.DoesNotContain(entities, e => e.StartsWith("Person", StringComparison.Ordinal) || e.StartsWith("AppUser", StringComparison.Ordinal));
        var actors = await page.Locator("[data-testid=audit-actor]").AllInnerTextsAsync();
        Assert.Contains(actors, a => a.Contains("深圳窗口周敏", StringComparison.Ordinal) && a.Contains("窗口经办人", StringComparison.Ordinal));
        Assert.DoesNotContain(actors, a => a.StartsWith("clerk", StringComparison.Ordinal) && a.Contains("社会公众", StringComparison.Ordinal));

        // Filter: object type and action, from today.
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("对象类型").SelectOptionAsync(new SelectOptionValue { Label = "人员" });
        await page.GetByLabel("操作", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "修改" });
        await page.GetByLabel("起始日期").FillAsync(today);
        await page.GetByLabel("截止日期").FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var filtered = await page.Locator("[data-testid=audit-entity]").AllInnerTextsAsync();
        Assert.NotEmpty(filtered);
        Assert.All(filtered, e => Assert.StartsWith("人员", e, StringComparison.Ordinal));
        Assert.All(await page.Locator("[data-testid=audit-action]").AllInnerTextsAsync(), a => Assert.Equal("修改", a));

        // A range in the past holds nothing of today.
        await page.GotoAsync(app.Url("/admin/audit?from=2020-01-01&to=2020-01-31"));
        Assert.Equal(0, await page.Locator("[data-testid=audit-entity]").CountAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_worker_cannot_open_the_enterprise_pages()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "worker");

        await page.GotoAsync(app.Url("/registry/enterprises"));
        Assert.Equal("无权访问", await page.Locator("h1").InnerTextAsync());
        await page.GotoAsync(app.Url($"/registry/enterprises/{DemoData.ShenzhenEnterpriseId}"));
        Assert.Equal("无权访问", await page.Locator("h1").InnerTextAsync());
        await context.CloseAsync();
    }
}
