using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Infrastructure;

/// <summary>Debian's Chromium, headless, driven by Playwright (no browser download).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("GONGJIANG_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium not found at {executable}: run ./test.sh, which installs Debian's chromium, or set GONGJIANG_CHROMIUM.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";

    /// <summary>The browser tests on SQLite: a collection (and a Chromium) of their own, run beside those on PostgreSQL.</summary>
    public const string Sqlite = "browser-sqlite";
}

[CollectionDefinition(BrowserCollection.Sqlite)]
public sealed class BrowserSqliteCollection : ICollectionFixture<BrowserFixture>;

public static class PageExtensions
{
    /// <summary>A fresh browser context with short timeouts, so a failing step fails fast.</summary>
    public static async Task<IBrowserContext> NewContextAsync(this BrowserFixture fixture, BrowserNewContextOptions? options = null)
    {
        var context = await fixture.Browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        context.SetDefaultTimeout(10_000);
        return context;
    }

    public static async Task SignInAsync(this IPage page, Uri baseAddress, string userName, string password = TestApp.Password)
    {
        await page.GotoAsync(new Uri(baseAddress, "/account/login").ToString());
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
