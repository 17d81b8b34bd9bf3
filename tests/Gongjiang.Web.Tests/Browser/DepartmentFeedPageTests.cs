using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Gongjiang.Web.Tests.Publication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>A department officer reads the published list of the jurisdiction; full ID numbers only on request, audited.</summary>
public abstract class DepartmentFeedPageTests(BrowserFixture browser, BrowserApp app)
{
    [Fact]
    public async Task Department_officer_sees_the_list_masked_and_reveals_ID_numbers_with_a_trace()
    {
        await PublicationScenario.PublishShenzhenAsync(app.App, "2026-Q3");
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "dept");

        await page.GetByRole(AriaRole.Link, new() { Name = "部门名单" }).ClickAsync();
        var table = page.Locator("[data-testid=feed-entries]");
        Assert.Contains("李建华", await table.InnerTextAsync(), StringComparison.Ordinal);
        var full = DemoData.DemoIdNumbers.Single(d => d.Id == DemoData.WorkerPersonId).Number;
        Assert.DoesNotContain(full, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.All(await page.Locator("[data-testid=id-number]").AllInnerTextsAsync(), id => Assert.Contains("*", id, StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Button, new() { Name = "显示本页完整身份证号（将留痕）" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains(full, await page.Locator("[data-testid=id-number]").AllInnerTextsAsync());

        await using var db = app.App.CreateContext(Actor.System("test"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "view" && a.EntityType == "PublicationFeed" && a.ActorName == "dept"));
        await context.CloseAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class DepartmentFeedPageTestsOnPostgres(BrowserFixture browser, BrowserApp app) : DepartmentFeedPageTests(browser, app), IClassFixture<BrowserApp>;

[Collection(BrowserCollection.Sqlite)]
public sealed class DepartmentFeedPageTestsOnSqlite(BrowserFixture browser, BrowserApp.OnSqlite app) : DepartmentFeedPageTests(browser, app), IClassFixture<BrowserApp.OnSqlite>;
