using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Web.Features.Accounts;

/// <summary>Body of POST /api/v1/auth/token.</summary>
public sealed record TokenRequest(string? UserName, string? Password, string? Otp);

/// <summary>Answer of POST /api/v1/auth/token.</summary>
public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

internal static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", IssueToken)
            .WithTags("身份认证")
            .WithSummary("用用户名和密码（及动态验证码）换取访问令牌")
            .AllowAnonymous()
            .DisableAntiforgery();

        var accounts = app.MapApiGroup("accounts", "账户管理", Permissions.AccountsManage);
        accounts.MapGet("/", List).WithSummary("列出管辖范围内的账户");
        accounts.MapGet("/{id}", Get).WithSummary("查看账户");
        accounts.MapPost("/", Create).WithSummary("新建账户");
        accounts.MapPut("/{id}", Update).WithSummary("修改账户");
        accounts.MapSignOutEverywhere();

        app.MapApiGroup("me", "身份认证", Permissions.SignedIn)
            .MapGet("/", (GongjiangDbContext db) => TypedResults.Ok(new
            {
                db.Actor.UserName,
                db.Actor.DisplayName,
                db.Actor.Role,
                RoleName = Roles.ChineseName(db.Actor.Role),
                Jurisdiction = db.Actor.Jurisdiction.Code,
                db.Actor.DepartmentCode,
                db.Actor.EnterpriseId,
                db.Actor.PersonId,
            }))
            .WithSummary("当前令牌所代表的账户及其管辖范围");
        return app;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(TokenRequest? request, SignInService signIn, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request?.UserName))
        {
            errors.Add("userName", "用户名不能为空");
        }

        if (string.IsNullOrEmpty(request?.Password))
        {
            errors.Add("password", "密码不能为空");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var (outcome, token, expires) = await signIn.IssueTokenAsync(request!.UserName!, request.Password!, request.Otp, ct);
        return outcome == SignInOutcome.Succeeded
            ? TypedResults.Ok(new TokenResponse(token!, expires))
            : Problems.Unauthorized(SignInService.Message(outcome));
    }

    private static async Task<Results<Ok<Paged<AccountSummary>>, ProblemHttpResult>> List(
        GongjiangDbContext db, string? q, string? role, int? page, int? pageSize, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!PageRequest.TryCreate(page, pageSize, errors, out var paging))
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(await AccountUseCases.ListAsync(db, q, role, paging, clock, ct));
    }

    private static async Task<Results<Ok<AccountSummary>, ProblemHttpResult>> Get(GongjiangDbContext db, string id, TimeProvider clock, CancellationToken ct) =>
        await AccountUseCases.GetAsync(db, id, clock, ct) is { } account ? TypedResults.Ok(account) : Problems.NotFound("该账户");

    private static async Task<Results<Created<AccountSummary>, ProblemHttpResult>> Create(
        AccountInput input, GongjiangDbContext db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct)
    {
        var (account, errors) = await AccountUseCases.CreateAsync(db, users, input, clock, ct);
        return account is null ? Problems.Validation(errors) : TypedResults.Created($"/api/v1/accounts/{account.Id}", account);
    }

    private static async Task<Results<Ok<AccountSummary>, ProblemHttpResult>> Update(
        string id, AccountInput input, GongjiangDbContext db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct)
    {
        var errors = await AccountUseCases.UpdateAsync(db, users, id, input, ct);
        if (errors is null)
        {
            return Problems.NotFound("该账户");
        }

        return errors.IsEmpty ? TypedResults.Ok((await AccountUseCases.GetAsync(db, id, clock, ct))!) : Problems.Validation(errors);
    }
}
