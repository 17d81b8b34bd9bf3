using System.Net;
using System.Net.Http.Json;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Security;

/// <summary>
/// Issue 9, findings 1 and 6 (ADR 0004 “Sessions and tokens”): disabling, a role or jurisdiction change, a password
/// change and an administrator's “sign out everywhere” end the account's bearer tokens and cookie sessions at once;
/// logging out ends the session on the server, so a copy of its cookie no longer works.
/// </summary>
public sealed class SessionRevocationTests : IDisposable
{
    private readonly TestApp _app = new();

    private static string IdNumberUrl => $"/api/v1/registry/persons/{DemoData.WorkerPersonId}/id-number";

    [Fact]
    public async Task Disabling_an_account_on_the_page_ends_its_bearer_token_and_its_cookie_session_at_once()
    {
        using var token = await _app.ApiAsAsync("clerk");
        using var cookie = await CookieSession.SignInAsync(_app, "clerk");
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync(IdNumberUrl)).StatusCode);

        using var admin = await CookieSession.SignInAsync(_app, "admin");
        var id = await AccountIdAsync("clerk");
        var disabled = await admin.PostFormAsync($"/admin/accounts/{id}", $"/admin/accounts/{id}", "state", new() { ["StateAction"] = "disable" });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);

        var afterwards = await token.GetAsync(IdNumberUrl);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
        Assert.DoesNotContain("44030619780512321", await afterwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await cookie.IsSignedInAsync());
    }

    [Fact]
    public async Task A_token_stops_working_within_the_check_interval_when_another_node_disables_the_account()
    {
        using var token = await _app.ApiAsAsync("clerk");
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync(IdNumberUrl)).StatusCode);

        // Another web node (or an operator in the database) disables the account: this node's cache does not hear of it.
        await using (var db = _app.CreateContext(Actor.System("test")))
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "clerk");
            user.IsDisabled = true;
            await db.SaveChangesAsync();
        }

        _app.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync(IdNumberUrl)).StatusCode);
    }

    [Fact]
    public async Task Moving_an_account_to_another_jurisdiction_ends_its_old_token()
    {
        using var old = await _app.ApiAsAsync("supervisor");
        var before = await old.GetAsync("/api/v1/registry/persons?pageSize=200");
        Assert.Contains("李建华", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var admin = await _app.ApiAsAsync("admin");
        var id = await AccountIdAsync("supervisor");
        var moved = await admin.PutAsJsonAsync($"/api/v1/accounts/{id}", new { displayName = "督查员黄明", role = Roles.Supervisor, regionCode = "440100" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var after = await old.GetAsync("/api/v1/registry/persons?pageSize=200");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.DoesNotContain("李建华", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var fresh = await _app.ApiAsAsync("supervisor");
        var now = await fresh.GetAsync("/api/v1/registry/persons?pageSize=200");
        Assert.DoesNotContain("李建华", await now.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_ones_own_password_ends_the_other_sessions_and_tokens_but_not_the_one_in_use()
    {
        using var token = await _app.ApiAsAsync("dept");
        using var here = await CookieSession.SignInAsync(_app, "dept");
        using var elsewhere = await CookieSession.SignInAsync(_app, "dept");

        var changed = await here.PostFormAsync("/account", "/account", "change-password", new()
        {
            ["Input.Current"] = TestApp.Password,
            ["Input.New"] = "Another#Pass2027",
            ["Input.Confirm"] = "Another#Pass2027",
        });
        Assert.Contains("密码已修改", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me")).StatusCode);
        Assert.False(await elsewhere.IsSignedInAsync());
        Assert.True(await here.IsSignedInAsync());
    }

    [Fact]
    public async Task A_password_reset_by_the_administrator_ends_the_accounts_tokens()
    {
        using var token = await _app.ApiAsAsync("reviewer");
        using var admin = await _app.ApiAsAsync("admin");
        var id = await AccountIdAsync("reviewer");

        var reset = await admin.PutAsJsonAsync($"/api/v1/accounts/{id}", new { displayName = "深圳窗口复核林涛", role = Roles.Clerk, regionCode = "440300", password = "Reset#Pass2027" });

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_everywhere_by_an_administrator_ends_every_token_and_cookie_session_of_the_account()
    {
        using var token = await _app.ApiAsAsync("employer");
        using var cookie = await CookieSession.SignInAsync(_app, "employer");
        using var admin = await _app.ApiAsAsync("admin");
        var id = await AccountIdAsync("employer");

        var signedOut = await admin.PostAsync($"/api/v1/accounts/{id}/sign-out", null);

        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/me")).StatusCode);
        Assert.False(await cookie.IsSignedInAsync());
        using var again = await _app.ApiAsAsync("employer");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/me")).StatusCode);
        await using var db = _app.CreateContext(Actor.System("test"));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == id && e.Detail != null && e.Detail.Contains("强制下线")));
    }

    [Fact]
    public async Task An_administrator_signs_an_account_out_everywhere_from_its_page()
    {
        using var cookie = await CookieSession.SignInAsync(_app, "worker");
        using var admin = await CookieSession.SignInAsync(_app, "admin");
        var id = await AccountIdAsync("worker");

        var response = await admin.PostFormAsync($"/admin/accounts/{id}", $"/admin/accounts/{id}", "sign-out-everywhere", []);

        Assert.Contains("已强制下线", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await cookie.IsSignedInAsync());
    }

    [Fact]
    public async Task A_copy_of_the_cookie_taken_before_logout_no_longer_opens_the_account_page()
    {
        using var session = await CookieSession.SignInAsync(_app, "clerk2");
        using var copy = session.Copy(_app);
        Assert.True(await copy.IsSignedInAsync());

        var logout = await session.PostFormAsync("/account", "/account/logout", null, []);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.False(await copy.IsSignedInAsync());
    }

    [Fact]
    public async Task Logging_out_in_one_browser_leaves_the_accounts_other_sessions_alone()
    {
        using var first = await CookieSession.SignInAsync(_app, "clerk2");
        using var second = await CookieSession.SignInAsync(_app, "clerk2");

        await first.PostFormAsync("/account", "/account/logout", null, []);

        Assert.False(await first.IsSignedInAsync());
        Assert.True(await second.IsSignedInAsync());
    }

    private async Task<string> AccountIdAsync(string userName)
    {
        await using var db = _app.CreateContext(Actor.System("test"));
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    public void Dispose() => _app.Dispose();
}
