using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
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
/// applies on all of them and every attempt is audited.
/// </summary>
public sealed class SignInService(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    GongjiangDbContext db,
    IOptionsMonitor<BearerTokenOptions> bearer,
    TimeProvider clock)
{
    public static string Message(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.Succeeded => "登录成功",
        SignInOutcome.RequiresTwoFactor => "请输入身份验证器中的6位动态验证码",
        SignInOutcome.LockedOut => "密码连续错误次数过多，账户已锁定15分钟，请稍后再试或联系系统管理员解锁",
        SignInOutcome.Disabled => "该账户已停用，请联系系统管理员",
        SignInOutcome.Failed => "用户名或密码不正确",
        _ => "登录失败",
    };

    /// <summary>Password step of the page sign-in; issues the cookie on success.</summary>
    public async Task<SignInOutcome> PasswordSignInAsync(string userName, string password, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            await AuditAsync(userName, null, SignInOutcome.Failed, "页面登录", ct);
            return SignInOutcome.Failed;
        }

        if (user.IsDisabled)
        {
            await AuditAsync(userName, user, SignInOutcome.Disabled, "页面登录", ct);
            return SignInOutcome.Disabled;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        var outcome = From(result);
        await AuditAsync(userName, user, outcome, "页面登录", ct);
        return outcome;
    }

    /// <summary>Second step: the TOTP code of the user who passed the password step.</summary>
    public async Task<SignInOutcome> TwoFactorSignInAsync(string code, CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return SignInOutcome.Failed;
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(NormalizeCode(code), isPersistent: false, rememberClient: false);
        var outcome = From(result);
        await AuditAsync(user.UserName ?? "", user, outcome, "动态验证码", ct);
        return outcome;
    }

    /// <summary>The token API: password (and TOTP code when enabled), same lockout, a bearer token on success.</summary>
    public async Task<(SignInOutcome Outcome, string? Token, DateTimeOffset ExpiresAt)> IssueTokenAsync(string userName, string password, string? otp, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        SignInOutcome outcome;
        if (user is null)
        {
            outcome = SignInOutcome.Failed;
        }
        else if (user.IsDisabled)
        {
            outcome = SignInOutcome.Disabled;
        }
        else
        {
            outcome = From(await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true));
            if (outcome == SignInOutcome.Succeeded && user.TwoFactorEnabled)
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
            await AuditAsync(userName, user, outcome, "令牌接口", ct);
            return (outcome, null, default);
        }

        var options = bearer.Get(IdentityConstants.BearerScheme);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var expires = clock.GetUtcNow() + options.BearerTokenExpiration;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expires }, IdentityConstants.BearerScheme);
        var token = options.BearerTokenProtector.Protect(ticket);
        await AuditAsync(userName, user, outcome, "令牌接口", ct);
        return (outcome, token, expires);
    }

    private static string NormalizeCode(string code) => new(code.Where(char.IsAsciiDigit).ToArray());

    private static SignInOutcome From(SignInResult result) =>
        result.Succeeded ? SignInOutcome.Succeeded
        : result.RequiresTwoFactor ? SignInOutcome.RequiresTwoFactor
        : result.IsLockedOut ? SignInOutcome.LockedOut
        : result.IsNotAllowed ? SignInOutcome.Disabled
        : SignInOutcome.Failed;

    /// <summary>A sign-in is recorded with the account's own role and jurisdiction (the request has no actor yet).</summary>
    private Task AuditAsync(string userName, AppUser? user, SignInOutcome outcome, string channel, CancellationToken ct) =>
        db.RecordAsync(new AuditEvent(
            AuditActions.SignIn,
            nameof(AppUser),
            user?.Id,
            outcome is SignInOutcome.Succeeded or SignInOutcome.RequiresTwoFactor ? AuditOutcomes.Succeeded : AuditOutcomes.Failed,
            $"{channel}：{Message(outcome)}",
            ActorNameOverride: userName.Length > 64 ? userName[..64] : userName,
            ActorRoleOverride: user?.Role,
            ActorJurisdictionOverride: user?.RegionCode), ct);
}
