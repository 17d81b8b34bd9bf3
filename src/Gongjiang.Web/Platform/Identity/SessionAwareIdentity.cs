using System.Security.Claims;
using System.Security.Cryptography;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongjiang.Web.Platform.Identity;

/// <summary>
/// Identity's sign-in with server-side sessions (<see cref="SessionStore"/>): every cookie sign-in (password, second
/// factor) starts a session and carries its id; a refresh of the sign-in (after the account's own password or second
/// factor changed) keeps the session only while its row exists; signing out deletes the row, so a copy of the cookie
/// no longer works.
/// </summary>
internal sealed class GongjiangSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    GongjiangDbContext db,
    SessionStore sessions,
    TimeProvider clock)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var properties = authenticationProperties ?? new AuthenticationProperties();
        var ct = Context.RequestAborted;
        if (properties.Items.TryGetValue(SessionStore.PropertyKey, out var existing) && existing is not null)
        {
            if (!await sessions.ExistsAsync(db, user.Id, existing, ct))
            {
                // The session ended meanwhile (logged out or revoked elsewhere): no new cookie for it.
                return;
            }
        }
        else
        {
            existing = await sessions.StartAsync(db, user.Id, SessionKind.Page, clock.GetUtcNow() + sessions.PageLifetime, ct);
            await db.SaveChangesAsync(ct);
            properties.Items[SessionStore.PropertyKey] = existing;
        }

        await base.SignInWithClaimsAsync(user, properties, [.. additionalClaims, new Claim(SessionStore.Claim, existing)]);
    }

    public override async Task SignOutAsync()
    {
        var principal = Context.User;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var sessionId = principal.FindFirstValue(SessionStore.Claim);
        if (userId is not null && sessionId is not null)
        {
            await sessions.EndAsync(db, userId, sessionId, Context.RequestAborted);
        }

        await base.SignOutAsync();
    }
}

/// <summary>
/// Identity's user manager that ends an account's sessions when its access changes. Every change of an account goes
/// through <see cref="UpdateUserAsync"/>: when it disables the account, changes its role, jurisdiction, department,
/// enterprise or person, or changes its security stamp (password, second factor, “sign out everywhere”), the stamp is
/// renewed and every session row of the account is deleted in the same save (audited), so its cookies and bearer
/// tokens stop working — on this node at once, on others within <see cref="Security.SessionOptions.CheckInterval"/>. When an
/// account changes its own password or second factor, the session it does it from stays (the page refreshes its cookie).
/// </summary>
internal sealed class GongjiangUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    GongjiangDbContext db,
    SessionStore sessions,
    IHttpContextAccessor http)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(AppUser user)
    {
        var stored = await db.Users.AsNoTracking().Where(u => u.Id == user.Id)
            .Select(u => new { u.SecurityStamp, u.IsDisabled, u.Role, u.RegionCode, u.DepartmentCode, u.EnterpriseId, u.PersonId })
            .FirstOrDefaultAsync(CancellationToken);
        var scopeChanged = stored is not null && (stored.Role != user.Role || stored.RegionCode != user.RegionCode ||
            stored.DepartmentCode != user.DepartmentCode || stored.EnterpriseId != user.EnterpriseId || stored.PersonId != user.PersonId);
        var reason = stored is null ? null
            : user.IsDisabled && !stored.IsDisabled ? "账户已停用"
            : scopeChanged ? "角色或管辖范围已变更"
            : stored.SecurityStamp != user.SecurityStamp ? "密码或安全设置已变更"
            : null;
        if (reason is not null)
        {
            if (stored!.SecurityStamp == user.SecurityStamp)
            {
                user.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
            }

            var keep = user.IsDisabled || scopeChanged ? null : OwnSessionOf(user.Id);
            var rows = await db.Set<IdentityUserToken<string>>()
                .Where(t => t.UserId == user.Id && t.LoginProvider == SessionStore.Provider && t.Name != keep)
                .ToListAsync(CancellationToken);
            db.RemoveRange(rows);
            db.Audit(new AuditEvent(AuditActions.SignOut, nameof(AppUser), user.Id,
                Detail: $"结束该账户{(keep is null ? "的全部" : "其他")}会话和令牌（{rows.Count}个）：{reason}"));
        }

        var result = await base.UpdateUserAsync(user);
        if (reason is not null)
        {
            sessions.Forget(user.Id);
        }

        return result;
    }

    /// <summary>The session of this request when the account acts on itself (own password, own second factor).</summary>
    private string? OwnSessionOf(string userId)
    {
        var principal = http.HttpContext?.User;
        return principal?.FindFirstValue(ClaimTypes.NameIdentifier) == userId ? principal.FindFirstValue(SessionStore.Claim) : null;
    }
}
