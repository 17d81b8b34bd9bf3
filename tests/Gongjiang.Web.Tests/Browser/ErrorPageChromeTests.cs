using System.Net;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// Error answers (not found, not allowed, server error, too many requests) are whole pages with the site's header and
/// menu, so a user is never stranded on a bare page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ErrorPageChromeTests(BrowserFixture browser, BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_signed_in_clerk_sees_not_found_and_not_allowed_with_the_header_and_menu()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "clerk");

        var response = await page.GotoAsync(app.Url("/registry/no-such-page"));
        Assert.Equal(404, response!.Status);
        Assert.Equal("页面不存在", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("深圳窗口周敏", await page.Locator("[data-testid=who]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("名单公布", await page.Locator("[data-testid=nav]").InnerTextAsync(), StringComparison.Ordinal);

        // The sign-out button of the error page works (its form carries the antiforgery token).
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GotoAsync(app.Url("/registry/persons"));
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);

        await page.SignInAsync(app.BaseAddress, "worker");
        await page.GotoAsync(app.Url("/admin/audit"));
        Assert.Equal("无权访问", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("我的档案", await page.Locator("[data-testid=nav]").InnerTextAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_server_error_page_has_the_header_and_menu()
    {
        using var failing = app.App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, FailingAddress>()));
        using var client = failing.CreateClient();

        var response = await client.GetAsync("/__test/fail");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("<h1>服务器内部错误</h1>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"site-header\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/public/talents\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("boom", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_too_many_requests_page_has_the_header_and_menu()
    {
        using var limited = new TestApp(signInAttemptsPerMinute: 1);
        using var client = limited.CreateClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            using var form = new FormUrlEncodedContent([new("UserName", "nobody"), new("Password", "x")]);
            last = await client.PostAsync("/account/login", form);
        }

        var html = await last!.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Contains("<h1>请求过于频繁</h1>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"site-header\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav\"", html, StringComparison.Ordinal);
        Assert.Contains("返回登录", html, StringComparison.Ordinal);
    }

    /// <summary>An address that throws, appended after the application's own pipeline (where unmatched requests go).</summary>
    private sealed class FailingAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            next(builder);
            builder.Use((HttpContext context, RequestDelegate _) =>
                context.Request.Path == "/__test/fail" ? throw new InvalidOperationException("boom") : Task.CompletedTask);
        };
    }
}
