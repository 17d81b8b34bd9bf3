using Gongjiang.Web.Tests.Browser;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Publication.Public;

/// <summary>A member of the public, not signed in, searches the published list and reads a publication's change list.</summary>
public abstract class PublicTalentsBrowserTests(BrowserFixture browser, BrowserApp app)
{
    [Fact]
    public async Task Anonymous_visitor_searches_the_list_and_opens_a_publication()
    {
        var publication = await PublicationScenario.PublishShenzhenAsync(app.App);
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(app.Url("/public/talents"));
        Assert.Equal("高技能领军人才名单", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("2", await page.Locator("[data-testid=talent-count]").InnerTextAsync());

        await page.GetByLabel("姓名").FillAsync("建华");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Contains("name=", page.Url, StringComparison.Ordinal);
        Assert.Equal("1", await page.Locator("[data-testid=talent-count]").InnerTextAsync());
        var row = page.Locator("[data-testid=talents] tbody tr");
        Assert.Equal(1, await row.CountAsync());
        var text = await row.InnerTextAsync();
        Assert.Contains("李建华", text, StringComparison.Ordinal);
        Assert.Contains("2019年全国技术能手", text, StringComparison.Ordinal);
        Assert.Contains("建华", await page.Locator("[data-testid=download-csv]").GetAttributeAsync("href") is { } href ? Uri.UnescapeDataString(href) : "", StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "查看历次公示和公布" }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/public/publications", StringComparison.Ordinal));
        Assert.Equal("已公布", await page.Locator("[data-testid=publication-status]").First.InnerTextAsync());
        await page.Locator($"a[href='/public/publications/{publication}']").First.ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith($"/public/publications/{publication}", StringComparison.Ordinal));

        Assert.Equal("2", await page.Locator("[data-testid=added-count]").InnerTextAsync());
        var added = await page.Locator("table[data-testid=added]").InnerTextAsync();
        Assert.Contains("李建华", added, StringComparison.Ordinal);
        Assert.Contains("陈志强", added, StringComparison.Ordinal);
        Assert.Equal("无。", await page.Locator("[data-testid=changed]").InnerTextAsync());
        Assert.Equal("无。", await page.Locator("[data-testid=removed]").InnerTextAsync());
        await context.CloseAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class PublicTalentsBrowserTestsOnPostgres(BrowserFixture browser, BrowserApp app) : PublicTalentsBrowserTests(browser, app), IClassFixture<BrowserApp>;

[Collection(BrowserCollection.Sqlite)]
public sealed class PublicTalentsBrowserTestsOnSqlite(BrowserFixture browser, BrowserApp.OnSqlite app) : PublicTalentsBrowserTests(browser, app), IClassFixture<BrowserApp.OnSqlite>;
