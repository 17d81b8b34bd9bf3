using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongjiang.Web.Platform.Security;

/// <summary>What kind of sign-in a session is: a browser's cookie or an API client's bearer token.</summary>
public enum SessionKind
{
    Page,
    Token,
}

/// <summary>
/// Settings of server-side sessions (ADR 0004). Configuration: <c>Security:SessionCheckSeconds</c> — how long a node
/// may trust its last look at a session (default 30, at most 60: a session ended on another node, or an account
/// disabled in the database, stops working within this time; on the node that ended it, at once);
/// <c>Security:SessionHours</c> — the longest a browser session lasts however active it is (default 12).
/// </summary>
public sealed class SessionOptions
{
    public const int MaxCheckSeconds = 60;

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan PageLifetime { get; set; } = TimeSpan.FromHours(12);
}

/// <summary>
/// Server-side sessions. Every sign-in — a page's cookie or an API token — is a row in Identity's <c>user_tokens</c>
/// table (login provider <see cref="Provider"/>, name = the session id, value = its end and kind), and the principal
/// carries the session id and the account's security stamp. Every authenticated request checks, through a short cache
/// (<see cref="SessionOptions.CheckInterval"/>), that the row still exists and has not ended, that the account is not
/// disabled and that its security stamp is unchanged. Logging out deletes the row; disabling, a role or jurisdiction
/// change, a password change and “sign out everywhere” change the stamp and delete all rows of the account
/// (<see cref="GongjiangUserManager"/>), so its cookies and tokens stop working together.
/// </summary>
public sealed class SessionStore(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SessionOptions> options, IOptions<IdentityOptions> identity)
{
    /// <summary>The login provider of session rows in <c>user_tokens</c>.</summary>
    public const string Provider = "[GongjiangSession]";

    /// <summary>The claim that carries the session id on the principal (cookie and bearer token).</summary>
    public const string Claim = "gj:sid";

    /// <summary>The authentication property that carries a cookie's session id through renewals and refreshes.</summary>
    public const string PropertyKey = "gj.sid";

    private readonly ConcurrentDictionary<string, Look> _looks = new(StringComparer.Ordinal);

    private sealed record Look(string UserId, string Stamp, bool Live, DateTimeOffset At, DateTimeOffset Ends);

    public TimeSpan PageLifetime => options.Value.PageLifetime;

    /// <summary>Adds a session row for the account to the context (the caller saves) and drops its rows that have ended.</summary>
    public async Task<string> StartAsync(GongjiangDbContext db, string userId, SessionKind kind, DateTimeOffset ends, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Set<IdentityUserToken<string>>().Where(t => t.UserId == userId && t.LoginProvider == Provider).ToListAsync(ct);
        db.RemoveRange(rows.Where(t => EndOf(t.Value) <= now));
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        db.Add(new IdentityUserToken<string>
        {
            UserId = userId,
            LoginProvider = Provider,
            Name = id,
            Value = ends.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) + "|" + kind.ToString(),
        });
        return id;
    }

    /// <summary>Whether the session row still exists (a refresh of the sign-in may keep it only then).</summary>
    public Task<bool> ExistsAsync(GongjiangDbContext db, string userId, string sessionId, CancellationToken ct) =>
        db.Set<IdentityUserToken<string>>().AnyAsync(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == sessionId, ct);

    /// <summary>Ends one session (logout): deletes its row; this node forgets it at once, others within the check interval.</summary>
    public async Task EndAsync(GongjiangDbContext db, string userId, string sessionId, CancellationToken ct)
    {
        await db.DeleteInScopeAsync(db.Set<IdentityUserToken<string>>().Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == sessionId), "退出登录：结束本会话", ct);
        _looks.TryRemove(sessionId, out _);
    }

    /// <summary>Forgets what this node knows of the account's sessions, so the next request looks again.</summary>
    public void Forget(string userId)
    {
        foreach (var (id, look) in _looks)
        {
            if (look.UserId == userId)
            {
                _looks.TryRemove(id, out _);
            }
        }
    }

    /// <summary>Whether the principal (an application cookie's or a bearer token's) belongs to a live session.</summary>
    public async Task<bool> IsLiveAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var sessionId = principal.FindFirstValue(Claim);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (userId is null || sessionId is null || stamp is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var interval = options.Value.CheckInterval;
        if (_looks.TryGetValue(sessionId, out var seen) && seen.UserId == userId && seen.Stamp == stamp && now >= seen.At && now - seen.At < interval)
        {
            return seen.Live && now < seen.Ends;
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentActor>().Use(Actor.System("会话校验"));
        var db = scope.ServiceProvider.GetRequiredService<GongjiangDbContext>();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.SecurityStamp, u.IsDisabled }).FirstOrDefaultAsync(ct);
        var row = await db.Set<IdentityUserToken<string>>().AsNoTracking()
            .Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == sessionId).Select(t => t.Value).FirstOrDefaultAsync(ct);
        var ends = row is null ? DateTimeOffset.MinValue : EndOf(row);
        var live = account is { IsDisabled: false } && string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal) && now < ends;
        if (_looks.Count > 100_000)
        {
            _looks.Clear();
        }

        _looks[sessionId] = new Look(userId, stamp, live, now, ends);
        return live;
    }

    private static DateTimeOffset EndOf(string? value) =>
        value is not null && DateTimeOffset.TryParse(value.Split('|')[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ends)
            ? ends
            : DateTimeOffset.MinValue;

    /// <summary>
    /// The bearer token's check on every request, before the handler accepts the token (it has no later event): a token
    /// of an ended session fails authentication, so the API answers 401.
    /// </summary>
    public static async Task ValidateBearerAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        if (ticket is null)
        {
            return; // not a token of ours: the handler refuses it
        }

        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        if (!await sessions.IsLiveAsync(ticket.Principal, context.HttpContext.RequestAborted))
        {
            context.Fail("会话已结束（已退出、被强制下线、账户停用或权限变更），请重新申领令牌");
        }
    }

    /// <summary>The application cookie's check on every request: an ended session loses its cookie.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        if (context.Principal is null || !await sessions.IsLiveAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}

internal static class SessionRegistration
{
    public static IServiceCollection AddGongjiangSessions(this IServiceCollection services)
    {
        services.AddOptions<SessionOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            var seconds = Math.Clamp(configuration.GetValue("Security:SessionCheckSeconds", 30), 0, SessionOptions.MaxCheckSeconds);
            o.CheckInterval = TimeSpan.FromSeconds(seconds);
            o.PageLifetime = TimeSpan.FromHours(Math.Clamp(configuration.GetValue("Security:SessionHours", 12), 1, 24 * 7));
        });
        services.AddSingleton<SessionStore>();
        return services;
    }
}
