using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Accounts;

/// <summary>
/// 强制下线: an administrator ends every cookie session and bearer token of an account in their jurisdiction (a lost
/// laptop, a leaked token). The account's security stamp changes and its session rows are deleted (ADR 0004); it may
/// sign in again. Audited.
/// </summary>
public static class SignOutEverywhere
{
    /// <summary>Ends the account's sessions; false when the account is not found in the administrator's jurisdiction.</summary>
    public static async Task<bool> RunAsync(GongjiangDbContext db, UserManager<AppUser> users, string id, CancellationToken ct)
    {
        var user = await db.Users.WhereInScope(AccountUseCases.Rule, db.Scope).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return false;
        }

        db.Audit(new AuditEvent(AuditActions.SignOut, nameof(AppUser), user.Id, Detail: $"系统管理员强制下线账户 {user.UserName}：结束其全部会话和令牌"));
        var result = await users.UpdateSecurityStampAsync(user);
        return result.Succeeded;
    }

    internal static RouteGroupBuilder MapSignOutEverywhere(this RouteGroupBuilder accounts)
    {
        accounts.MapPost("/{id}/sign-out", async Task<Results<NoContent, ProblemHttpResult>> (string id, GongjiangDbContext db, UserManager<AppUser> users, CancellationToken ct) =>
            await RunAsync(db, users, id, ct) ? TypedResults.NoContent() : Problems.NotFound("该账户"))
            .WithSummary("强制下线：结束该账户的全部会话和令牌（账户可重新登录）");
        return accounts;
    }
}
