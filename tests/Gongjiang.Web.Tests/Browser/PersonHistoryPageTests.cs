using System.Globalization;
using System.Net.Http.Json;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>Issue 3: a person's record shown as of a past date, with the change record, on the person page.</summary>
public abstract class PersonHistoryPageTests(BrowserFixture browser, BrowserApp app)
{
    [Fact]
    public async Task Clerk_sees_the_record_as_it_stood_and_what_changed()
    {
        var before = app.App.Clock.Today;
        app.App.Clock.Advance(TimeSpan.FromDays(2));
        using (var api = await app.App.ApiAsAsync("clerk"))
        {
            var changed = await api.PutAsJsonAsync($"/api/v1/registry/persons/{DemoData.ShenzhenColleagueId}", new { name = "王秀瑛", mobile = "13922224444" });
            Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
        }

        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "clerk");
        await page.GotoAsync(app.Url($"/registry/persons/{DemoData.ShenzhenColleagueId}?asOf={before.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"));

        var asOf = await page.Locator("[data-testid=as-of]").InnerTextAsync();
        Assert.Contains("王秀英", asOf, StringComparison.Ordinal);
        Assert.Contains("139****3333", asOf, StringComparison.Ordinal);
        var changes = await page.Locator("[data-testid=changes]").InnerTextAsync();
        Assert.Contains("姓名：王秀英 → 王秀瑛", changes, StringComparison.Ordinal);
        Assert.Contains("手机号码：139****3333 → 139****4444", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("13922223333", await page.ContentAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class PersonHistoryPageTestsOnPostgres(BrowserFixture browser, BrowserApp app) : PersonHistoryPageTests(browser, app), IClassFixture<BrowserApp>;

[Collection(BrowserCollection.Sqlite)]
public sealed class PersonHistoryPageTestsOnSqlite(BrowserFixture browser, BrowserApp.OnSqlite app) : PersonHistoryPageTests(browser, app), IClassFixture<BrowserApp.OnSqlite>;
