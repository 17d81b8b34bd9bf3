using System.Security.Claims;
using System.Security.Cryptography;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Gongjiang.Web.Features.Accounts;

public enum SignInOutcome
{
    Succeeded,
    RequiresTwoFactor,
    LockedOut,
    Disabled,
    Failed,
}

/// <summary>
/// Every sign-in path (page, second factor, token API) goes through here, so lockout after 5 failures for 15 minutes
/// applies on all of them and every attempt is audited with its real reason. The answer does not tell whether an
/// account exists: an unknown name, a wrong password, a disabled and a locked account get the same message
/// (<see cref="Message"/>), and each costs one password hash (a dummy one where there is no account to check), so they
/// also take the same time. Each successful sign-in is a server-side session (<see cref="SessionStore"/>).
/// </summary>
public sealed class SignInService(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    GongjiangDbContext db,
    IOptionsMonitor<BearerTokenOptions> bearer,
    SessionStore sessions,
    TimeProvider clock)
{
    /// <summary>The one answer to a refused password step, whatever the reason (the audit log keeps the reason).</summary>
    public const string Refused = "用户名或密码不正确，或账户暂不能登录。连续5次输错密码，账户将锁定15分钟；如有疑问请联系系统管理员。";

    /// <summary>The second-factor step's lockout (the password was right, so nothing is given away).</summary>
    public const string TwoFactorLocked = "验证码连续错误次数过多，账户已锁定15分钟，请稍后再试或联系系统管理员解锁";

    /// <summary>
    /// One dummy hash per password hasher (a singleton of each host), made with that hasher's own cost — a hash made
    /// by another host with other settings (e.g. the test suite's cheap hashing) would make refusals fast again.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPasswordHasher<AppUser>, string> DummyHashes = [];

    /// <summary>What the person signing in is told.</summary>
    public static string Message(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.Succeeded => "登录成功",
        SignInOutcome.RequiresTwoFactor => "请输入身份验证器中的6位动态验证码",
        _ => Refused,
    };

    /// <summary>What the audit log records: the real reason.</summary>
    private static string Reason(SignInOutcome outcome, bool known) => outcome switch
    {
        SignInOutcome.Succeeded => "登录成功",
        SignInOutcome.RequiresTwoFactor => "密码正确，需要动态验证码",
        SignInOutcome.LockedOut => "账户已锁定（密码或验证码连续错误）",
        SignInOutcome.Disabled => "账户已停用",
        SignInOutcome.Failed => known ? "密码错误" : "账户不存在",
        _ => "登录失败",
    };

    /// <summary>Password step of the page sign-in; issues the cookie (and starts its session) on success.</summary>
    public async Task<SignInOutcome> PasswordSignInAsync(string userName, string password, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        var outcome = await RefuseBeforeCheckingAsync(user, password);
        if (outcome is null)
        {
            var result = await signIn.PasswordSignInAsync(user!, password, isPersistent: false, lockoutOnFailure: true);
            outcome = From(result);
        }

        await AuditAsync(userName, user, outcome.Value, user is not null, "页面登录", ct);
        return outcome.Value;
    }

    /// <summary>Second step: the TOTP code of the user who passed the password step.</summary>
    public async Task<SignInOutcome> TwoFactorSignInAsync(string code, CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return SignInOutcome.Failed;
        }

        var outcome = user.IsDisabled
            ? SignInOutcome.Disabled
            : From(await signIn.TwoFactorAuthenticatorSignInAsync(NormalizeCode(code), isPersistent: false, rememberClient: false));
        await AuditAsync(user.UserName ?? "", user, outcome, known: true, "动态验证码", ct);
        return outcome;
    }

    /// <summary>The token API: password (and TOTP code when enabled), same lockout, a bearer token of its own session on success.</summary>
    public async Task<(SignInOutcome Outcome, string? Token, DateTimeOffset ExpiresAt)> IssueTokenAsync(string userName, string password, string? otp, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        var outcome = await RefuseBeforeCheckingAsync(user, password);
        if (outcome is null)
        {
            outcome = From(await signIn.CheckPasswordSignInAsync(user!, password, lockoutOnFailure: true));
            if (outcome == SignInOutcome.Succeeded && user!.TwoFactorEnabled)
            {
                var valid = !string.IsNullOrWhiteSpace(otp) &&
                    await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, NormalizeCode(otp));
                if (!valid)
                {
                    await users.AccessFailedAsync(user);
                    outcome = await users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut : SignInOutcome.RequiresTwoFactor;
                }
            }
        }

        if (outcome != SignInOutcome.Succeeded || user is null)
        {
            await AuditAsync(userName, user, outcome.Value, user is not null, "令牌接口", ct);
            return (outcome.Value, null, default);
        }

        var options = bearer.Get(IdentityConstants.BearerScheme);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var expires = clock.GetUtcNow() + options.BearerTokenExpiration;
        var session = await sessions.StartAsync(db, user.Id, SessionKind.Token, expires, ct);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionStore.Claim, session));
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expires }, IdentityConstants.BearerScheme);
        var token = options.BearerTokenProtector.Protect(ticket);
        await AuditAsync(userName, user, outcome.Value, known: true, "令牌接口", ct);
        return (outcome.Value, token, expires);
    }

    /// <summary>
    /// An unknown, disabled or locked account is refused before its password is checked; it still costs one hash of
    /// the given password, as checking would, so the answer's time tells nothing either.
    /// </summary>
    private async Task<SignInOutcome?> RefuseBeforeCheckingAsync(AppUser? user, string password)
    {
        SignInOutcome? refused = user is null ? SignInOutcome.Failed
            : user.IsDisabled ? SignInOutcome.Disabled
            : await users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut
            : null;
        if (refused is not null)
        {
            var dummy = new AppUser();
            var hasher = users.PasswordHasher;
            var dummyHash = DummyHashes.GetValue(hasher, h => h.HashPassword(new AppUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));
            _ = hasher.VerifyHashedPassword(dummy, dummyHash, password);
        }

        return refused;
    }

    private static string NormalizeCode(string code) => new(code.Where(char.IsAsciiDigit).ToArray());

    private static SignInOutcome From(SignInResult result) =>
        result.Succeeded ? SignInOutcome.Succeeded
        : result.RequiresTwoFactor ? SignInOutcome.RequiresTwoFactor
        : result.IsLockedOut ? SignInOutcome.LockedOut
        : result.IsNotAllowed ? SignInOutcome.Disabled
        : SignInOutcome.Failed;

    /// <summary>A sign-in is recorded with the account's own role and jurisdiction (the request has no actor yet).</summary>
    private Task AuditAsync(string userName, AppUser? user, SignInOutcome outcome, bool known, string channel, CancellationToken ct) =>
        db.RecordAsync(new AuditEvent(
            AuditActions.SignIn,
            nameof(AppUser),
            user?.Id,
            outcome is SignInOutcome.Succeeded or SignInOutcome.RequiresTwoFactor ? AuditOutcomes.Succeeded : AuditOutcomes.Failed,
            $"{channel}：{Reason(outcome, known)}",
            ActorNameOverride: userName.Length > 64 ? userName[..64] : userName,
            ActorRoleOverride: user?.Role,
            ActorJurisdictionOverride: user?.RegionCode), ct);
}
