using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Features.Skills;

/// <summary>The reason of a revocation (API).</summary>
public sealed record RevocationRequest(string? Reason);

/// <summary>The skills API: evaluation bodies and certificates (the pages are under <c>/skills</c>).</summary>
internal static class SkillsApi
{
    public static IEndpointRouteBuilder MapSkillsApi(this IEndpointRouteBuilder app)
    {
        var bodies = app.MapApiGroup("skills/bodies", "评价机构", SkillsPermissions.Read, "社会培训评价组织和用人单位自主评价机构及其可评价的职业、等级");
        bodies.MapGet("/", async (GongjiangDbContext db, CancellationToken ct) => TypedResults.Ok(await SkillsUseCases.BodiesAsync(db, ct)))
            .WithSummary("管辖范围内的评价机构及其备案的职业（工种）和等级");
        bodies.MapGet("/{id:guid}", async Task<Results<Ok<BodyView>, ProblemHttpResult>> (GongjiangDbContext db, Guid id, CancellationToken ct) =>
                await SkillsUseCases.BodyAsync(db, id, ct) is { } body ? TypedResults.Ok(body) : Problems.NotFound("该评价机构"))
            .WithSummary("查看评价机构及其备案的职业（工种）和等级");
        bodies.MapPost("/", async Task<Results<Created<BodyView>, ProblemHttpResult>> (GongjiangDbContext db, BodyInput input, TimeProvider clock, CancellationToken ct) =>
            {
                var (id, errors) = await SkillsUseCases.CreateBodyAsync(db, input, clock, ct);
                return id is { } created ? TypedResults.Created($"/api/v1/skills/bodies/{created}", (await SkillsUseCases.BodyAsync(db, created, ct))!) : Problems.Validation(errors);
            })
            .RequireAuthorization(SkillsPermissions.ManageBodies)
            .WithSummary("登记评价机构（名称、类别、机构代码、所在地区、可评价的职业和等级）");

        var certificates = app.MapApiGroup("skills/certificates", "职业技能等级证书", SkillsPermissions.Read, "评价机构颁发、撤销职业技能等级证书");
        certificates.MapGet("/", Search).WithSummary("管辖范围内由评价机构颁发的证书（按机构 bodyId、证书编号 number 筛选；分页 page、pageSize）");
        certificates.MapGet("/{id:guid}", async Task<Results<Ok<CertificateView>, ProblemHttpResult>> (ISkillCertificateRegistry registry, Guid id, CancellationToken ct) =>
                await registry.FindAsync(id, ct) is { EvaluationBodyId: not null } c ? TypedResults.Ok(CertificateView.From(c)) : Problems.NotFound("该证书"))
            .WithSummary("查看证书（含撤销情况）");
        certificates.MapPost("/", async Task<Results<Created<CertificateView>, ProblemHttpResult>> (GongjiangDbContext db, ISkillCertificateRegistry registry, IssueInput input, TimeProvider clock, CancellationToken ct) =>
            {
                var (id, errors) = await SkillsUseCases.IssueAsync(db, registry, input, clock, ct);
                return id is { } issued
                    ? TypedResults.Created($"/api/v1/skills/certificates/{issued}", CertificateView.From((await registry.FindAsync(issued, ct))!))
                    : Problems.Validation(errors);
            })
            .RequireAuthorization(SkillsPermissions.Issue)
            .WithSummary("颁发证书：核对证书编号、机构备案范围、逐级晋升（越级须有经批准的破格晋升）和编号唯一；持证人技能等级随之更新并重新认定领军人才");
        certificates.MapPost("/{id:guid}/revocation", async Task<Results<NoContent, ProblemHttpResult>> (ISkillCertificateRegistry registry, Guid id, RevocationRequest request, TimeProvider clock, CancellationToken ct) =>
            {
                var errors = await SkillsUseCases.RevokeAsync(registry, id, Confirmation.Api(request.Reason), clock, ct);
                return errors.IsEmpty ? TypedResults.NoContent() : errors.For("id") is { } missing && missing.Contains("不存在", StringComparison.Ordinal) ? Problems.NotFound("该证书") : Problems.Validation(errors);
            })
            .RequireAuthorization(SkillsPermissions.Issue)
            .WithSummary("撤销证书（须填写理由，不可恢复）；持证人技能等级随之重新计算");
        return app;
    }

    private static async Task<Results<Ok<Paged<CertificateView>>, ProblemHttpResult>> Search(ISkillCertificateRegistry registry, Guid? bodyId, string? number, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!PageRequest.TryCreate(page, pageSize, errors, out var paging))
        {
            return Problems.Validation(errors);
        }

        var (items, total) = await registry.IssuedAsync(bodyId, number, paging.Skip, paging.PageSize, ct);
        return TypedResults.Ok(new Paged<CertificateView>([.. items.Select(CertificateView.From)], total, paging.Page, paging.PageSize));
    }
}
