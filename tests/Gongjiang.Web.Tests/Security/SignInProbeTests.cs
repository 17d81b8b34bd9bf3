using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Security;

/// <summary>
/// Issue 9, findings 4 and 5: every sign-in step is rate-limited, and the sign-in answers do not tell whether an
/// account exists — not by their text (unknown, wrong password, disabled, locked answer alike on the form and the token
/// API) and not by their time (an unknown name costs a password hash too). The audit log keeps the real reason.
/// </summary>
public sealed partial class SignInProbeTests : IDisposable
{
    private readonly TestApp _app = new(productionPasswordHashing: true); // the real PBKDF2 cost: the timing comparison means nothing with the suite's cheap test hashing

    [Fact]
    public async Task Unknown_wrong_disabled_and_locked_answer_alike_on_the_token_api()
    {
        await DisableAsync("dept");
        using var client = _app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "clerk2", password = "Wrong#Pass" + i });
        }

        var unknown = await TokenProblemAsync(client, "nobody", TestApp.Password);
        var wrong = await TokenProblemAsync(client, "clerk", "Wrong#Pass1");
        var disabled = await TokenProblemAsync(client, "dept", TestApp.Password);
        var locked = await TokenProblemAsync(client, "clerk2", TestApp.Password);

        Assert.Equal((HttpStatusCode.Unauthorized, unknown.Detail), wrong);
        Assert.Equal(wrong, disabled);
        Assert.Equal(wrong, locked);
    }

    [Fact]
    public async Task Unknown_wrong_disabled_and_locked_answer_alike_on_the_sign_in_form()
    {
        await DisableAsync("dept");
        using var browser = CookieSession.Anonymous(_app);
        for (var i = 0; i < 5; i++)
        {
            await browser.SubmitSignInAsync("clerk2", "Wrong#Pass" + i);
        }

        var unknown = await FormMessageAsync(browser, "nobody", TestApp.Password);
        var wrong = await FormMessageAsync(browser, "clerk", "Wrong#Pass1");
        var disabled = await FormMessageAsync(browser, "dept", TestApp.Password);
        var locked = await FormMessageAsync(browser, "clerk2", TestApp.Password);

        Assert.Contains("用户名或密码不正确", unknown, StringComparison.Ordinal);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, disabled);
        Assert.Equal(unknown, locked);
        Assert.False(browser.Cookies.ContainsKey("gongjiang.auth"));
    }

    [Fact]
    public async Task The_audit_log_keeps_the_real_reason_of_each_refused_sign_in()
    {
        await DisableAsync("dept");
        using var client = _app.CreateClient();
        for (var i = 0; i < 6; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "clerk2", password = "Wrong#Pass" + i });
        }

        await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody", password = "x" });
        await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "dept", password = TestApp.Password });

        await using var db = _app.CreateContext(Actor.System("test"));
        var details = await db.AuditEntries.Where(e => e.Action == AuditActions.SignIn).Select(e => e.ActorName + "：" + e.Detail).ToListAsync();
        Assert.Contains(details, d => d.StartsWith("nobody：", StringComparison.Ordinal) && d.Contains("账户不存在", StringComparison.Ordinal));
        Assert.Contains(details, d => d.StartsWith("dept：", StringComparison.Ordinal) && d.Contains("停用", StringComparison.Ordinal));
        Assert.Contains(details, d => d.StartsWith("clerk2：", StringComparison.Ordinal) && d.Contains("密码错误", StringComparison.Ordinal));
        Assert.Contains(details, d => d.StartsWith("clerk2：", StringComparison.Ordinal) && d.Contains("锁定", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_user_name_takes_about_as_long_as_a_wrong_password()
    {
        await DisableAsync("dept");
        using var client = _app.CreateClient();
        await TimeAsync(client, "clerk", "warm-up"); // first hash and first queries out of the measurement

        var known = new List<double>();
        var unknown = new List<double>();
        var disabled = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            known.Add(await TimeAsync(client, "supervisor", "Wrong#Pass" + i));
            unknown.Add(await TimeAsync(client, "nobody" + i, "Wrong#Pass" + i));
            disabled.Add(await TimeAsync(client, "dept", "Wrong#Pass" + i));
        }

        // A password hash (PBKDF2, 210,000 iterations) takes tens of milliseconds; a bare lookup a few. On a busy
        // machine single timings scatter, so the medians are compared with a wide margin.
        var knownMedian = Median(known);
        Assert.True(Median(unknown) >= knownMedian * 0.5, $"unknown {Median(unknown):F1} ms vs wrong password {knownMedian:F1} ms");
        Assert.True(Median(disabled) >= knownMedian * 0.5, $"disabled {Median(disabled):F1} ms vs wrong password {knownMedian:F1} ms");
    }

    private async Task DisableAsync(string userName)
    {
        await using var db = _app.CreateContext(Actor.System("test"));
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        user.IsDisabled = true;
        await db.SaveChangesAsync();
    }

    private static async Task<(HttpStatusCode Status, string? Detail)> TokenProblemAsync(HttpClient client, string userName, string password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body.GetProperty("detail").GetString());
    }

    private static async Task<string> FormMessageAsync(CookieSession browser, string userName, string password)
    {
        var response = await browser.SubmitSignInAsync(userName, password);
        var match = ErrorPattern().Match(await response.Content.ReadAsStringAsync());
        Assert.True(match.Success, $"no sign-in error shown for {userName} ({(int)response.StatusCode})");
        return match.Groups[1].Value;
    }

    private static async Task<double> TimeAsync(HttpClient client, string userName, string password)
    {
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        watch.Stop();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex("data-testid=\"sign-in-error\">([^<]*)<")]
    private static partial Regex ErrorPattern();

    public void Dispose() => _app.Dispose();
}

/// <summary>Issue 9, finding 4: the limit on sign-in attempts per client address covers every step.</summary>
public sealed class SignInStepRateLimitTests : IDisposable
{
    private readonly TestApp _app = new(signInAttemptsPerMinute: 3);

    [Fact]
    public async Task The_second_factor_page_is_rate_limited_like_the_password_page()
    {
        using var browser = CookieSession.Anonymous(_app);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/login-2fa")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "two-factor", ["Input.Code"] = "12345" + i }),
            });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task The_token_apis_code_step_is_rate_limited()
    {
        using (var scope = _app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<HttpCurrentActor>().Use(Actor.System("test"));
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync("supervisor"))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        using var client = _app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "supervisor", password = TestApp.Password, otp = "00000" + i })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    public void Dispose() => _app.Dispose();
}
