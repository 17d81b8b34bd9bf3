using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Gongjiang.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Accounts;

/// <summary>
/// Issue 10 (one clock everywhere): whether an account is locked out is decided by the DI <see cref="TimeProvider"/>,
/// so moving <see cref="TestApp.Clock"/> past the end of a lockout changes what the summary (API) and the account page show.
/// </summary>
public abstract class AccountClockTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task Moving_the_application_clock_past_the_lockout_end_shows_the_account_unlocked()
    {
        string id;
        await using (var db = _app.CreateContext(Actor.System("test")))
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "clerk2");
            user.LockoutEnd = _app.Clock.GetUtcNow().AddMinutes(15);
            await db.SaveChangesAsync();
            id = user.Id;
        }

        using var api = await _app.ApiAsAsync("admin");
        using var page = await CookieSession.SignInAsync(_app, "admin");
        var lockedSummary = await api.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{id}");
        var lockedPage = await (await page.GetAsync($"/admin/accounts/{id}")).Content.ReadAsStringAsync();

        _app.Clock.Advance(TimeSpan.FromMinutes(16));
        var laterSummary = await api.GetFromJsonAsync<JsonElement>($"/api/v1/accounts/{id}");
        var laterPage = await (await page.GetAsync($"/admin/accounts/{id}")).Content.ReadAsStringAsync();

        Assert.True(lockedSummary.GetProperty("isLockedOut").GetBoolean());
        Assert.Contains("因密码错误已锁定", lockedPage, StringComparison.Ordinal);
        Assert.False(laterSummary.GetProperty("isLockedOut").GetBoolean());
        Assert.DoesNotContain("因密码错误已锁定", laterPage, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class AccountClockTestsOnPostgres() : AccountClockTests(DatabaseProvider.Postgres);

public sealed class AccountClockTestsOnSqlite() : AccountClockTests(DatabaseProvider.Sqlite);
