using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

public abstract class SignInPageTests(BrowserFixture browser, BrowserApp app)
{
    [Fact]
    public async Task Empty_fields_are_named_in_Chinese()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Url("/account/login"));

        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Contains("请输入用户名", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Contains("请输入密码", await page.ContentAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Wrong_password_five_times_locks_the_account_on_the_page_too()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        for (var i = 0; i < 5; i++)
        {
            await page.SignInAsync(app.BaseAddress, "dept", "Wrong#Pass" + i);
        }

        var first = await page.Locator("[data-testid=sign-in-error]").InnerTextAsync();
        await page.SignInAsync(app.BaseAddress, "dept");
        var afterRightPassword = await page.Locator("[data-testid=sign-in-error]").InnerTextAsync();

        Assert.Contains("锁定", first, StringComparison.Ordinal);
        Assert.Contains("锁定15分钟", afterRightPassword, StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Signing_in_and_browsing_works_without_javascript()
    {
        var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.SignInAsync(app.BaseAddress, "clerk");
        await page.GotoAsync(app.Url("/registry/persons"));
        var names = await page.Locator("[data-testid=persons] tbody td:first-child").AllInnerTextsAsync();

        Assert.Equal(3, names.Count);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Returning_to_an_outside_address_after_sign_in_is_refused()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(app.Url("/account/login?returnUrl=//evil.example/"));
        await page.GetByLabel("用户名").FillAsync("supervisor");
        await page.GetByLabel("密码").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.StartsWith(app.BaseAddress.ToString(), page.Url, StringComparison.Ordinal);
        await context.CloseAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class SignInPageTestsOnPostgres(BrowserFixture browser, BrowserApp app) : SignInPageTests(browser, app), IClassFixture<BrowserApp>;

[Collection(BrowserCollection.Sqlite)]
public sealed class SignInPageTestsOnSqlite(BrowserFixture browser, BrowserApp.OnSqlite app) : SignInPageTests(browser, app), IClassFixture<BrowserApp.OnSqlite>;

/// <summary>Malformed query strings on pages are bad input: 400 with a Chinese page, never a server error.</summary>
public abstract class MalformedQueryTests(BrowserFixture browser, BrowserApp app)
{
    [Theory]
    [InlineData("/registry/persons?page=abc")]
    [InlineData("/registry/persons?leadingTalent=x")]
    [InlineData("/admin/audit?page=zz")]
    [InlineData("/registry/enterprises?page=x")]
    public async Task Page_with_a_malformed_query_answers_400_in_Chinese(string url)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "admin");

        var response = await page.GotoAsync(app.Url(url));

        Assert.Equal(400, response!.Status);
        Assert.Equal("查询参数有误", await page.Locator("h1").InnerTextAsync());
        await context.CloseAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class MalformedQueryTestsOnPostgres(BrowserFixture browser, BrowserApp app) : MalformedQueryTests(browser, app), IClassFixture<BrowserApp>;

[Collection(BrowserCollection.Sqlite)]
public sealed class MalformedQueryTestsOnSqlite(BrowserFixture browser, BrowserApp.OnSqlite app) : MalformedQueryTests(browser, app), IClassFixture<BrowserApp.OnSqlite>;
