using System.Globalization;
using System.Security.Cryptography;
using Gongjiang.Web.Features.Accounts;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Browser;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Security;

/// <summary>The pages issue 9 touched, in Chromium: sign-in answers, the second factor, logout, 强制下线.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionPagesBrowserTests(BrowserFixture browser, BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("admin")]
    [InlineData("supervisor")]
    [InlineData("clerk")]
    [InlineData("clerk2")]
    [InlineData("dept")]
    [InlineData("employer")]
    public async Task Opening_the_second_factor_page_keeps_the_session(string userName)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, userName);

        var setup = await page.GotoAsync(app.Url("/account/2fa"));
        var key = await page.Locator("[data-testid=totp-key]").InnerTextAsync();
        await page.GotoAsync(app.Url("/account"));

        Assert.Equal(200, setup!.Status);
        Assert.True(key.Length > 10);
        Assert.Equal("我的账户", await page.Locator("h1").InnerTextAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_second_factor_set_up_on_its_page_is_asked_for_at_the_next_sign_in()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "worker");
        await page.GotoAsync(app.Url("/account/2fa"));
        var key = (await page.Locator("[data-testid=totp-key]").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);

        await page.GetByLabel("验证码").FillAsync(Totp(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "启用", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("已启用", await page.Locator("[data-testid=\"2fa-status\"]").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await page.SignInAsync(app.BaseAddress, "worker");
        Assert.Contains("/account/login-2fa", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("验证码").FillAsync(Totp(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "验证并登录" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GotoAsync(app.Url("/account"));

        Assert.Equal("我的账户", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("李建华", await page.Locator("[data-testid=who]").InnerTextAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Logging_out_ends_the_session_so_a_copied_cookie_no_longer_works()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "employer");
        var thief = await browser.NewContextAsync();
        await thief.AddCookiesAsync((await context.CookiesAsync()).Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        var stolen = await thief.NewPageAsync();
        await stolen.GotoAsync(app.Url("/account"));
        Assert.Equal("我的账户", await stolen.Locator("h1").InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await stolen.GotoAsync(app.Url("/account"));

        Assert.Contains("/account/login", stolen.Url, StringComparison.Ordinal);
        await context.CloseAsync();
        await thief.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_signs_an_account_out_everywhere_from_its_page()
    {
        var target = await browser.NewContextAsync();
        var targetPage = await target.NewPageAsync();
        await targetPage.SignInAsync(app.BaseAddress, "clerk2");
        string id;
        await using (var db = app.App.CreateContext(Actor.System("test")))
        {
            id = await db.Users.Where(u => u.UserName == "clerk2").Select(u => u.Id).SingleAsync();
        }

        var context = await browser.NewContextAsync();
        var admin = await context.NewPageAsync();
        await admin.SignInAsync(app.BaseAddress, "admin");
        await admin.GotoAsync(app.Url($"/admin/accounts/{id}"));
        await admin.GetByRole(AriaRole.Button, new() { Name = "强制下线" }).ClickAsync();
        await admin.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var notice = await admin.Locator("[data-testid=signed-out]").InnerTextAsync();
        await targetPage.GotoAsync(app.Url("/account"));

        Assert.Contains("已强制下线", notice, StringComparison.Ordinal);
        Assert.Contains("/account/login", targetPage.Url, StringComparison.Ordinal);
        await context.CloseAsync();
        await target.CloseAsync();
    }

    [Fact]
    public async Task A_disabled_account_and_an_unknown_name_get_the_answer_of_a_wrong_password()
    {
        await using (var db = app.App.CreateContext(Actor.System("test")))
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "reviewer");
            user.IsDisabled = true;
            await db.SaveChangesAsync();
        }

        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var answers = new List<string>();
        foreach (var (userName, password) in new[] { ("reviewer", TestApp.Password), ("nobody", TestApp.Password), ("supervisor", "Wrong#Pass1") })
        {
            await page.SignInAsync(app.BaseAddress, userName, password);
            answers.Add(await page.Locator("[data-testid=sign-in-error]").InnerTextAsync());
        }

        Assert.All(answers, a => Assert.Equal(SignInService.Refused, a));
        await context.CloseAsync();
    }

    /// <summary>RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits) over the Base32 key, as authenticator apps compute it.</summary>
    private static string Totp(string base32Key)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(base32Key.TrimEnd('=').ToUpperInvariant().Select(c => Convert.ToString(alphabet.IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // RFC 6238 specifies HMAC-SHA1; this mirrors what authenticator apps compute.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var code = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (code % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }
}
