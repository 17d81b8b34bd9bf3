using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Features.Registry.Enterprises;

/// <summary>用人单位 and their workers: the API (the pages are <c>/registry/enterprises</c> and <c>/registry/enterprises/{id}</c>).</summary>
public static class EnterprisesModule
{
    public static IEndpointRouteBuilder MapRegistryEnterprises(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("registry/enterprises", "用人单位", Permissions.RegistryRead);
        api.MapGet("/", Search).WithSummary("在管辖范围内查询用人单位：名称或统一社会信用代码（q）、地区（region），含职工人数与领军人才人数");
        api.MapGet("/{id:guid}", Get).WithSummary("查看用人单位及其职工（分页：page、pageSize；领军人才在前）");
        return app;
    }

    private static async Task<Results<Ok<Paged<EnterpriseSummary>>, ProblemHttpResult>> Search(
        GongjiangDbContext db, string? q, string? region, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!PageRequest.TryCreate(page, pageSize, errors, out var paging))
        {
            return Problems.Validation(errors);
        }

        var (result, searchErrors) = await EnterpriseUseCases.SearchAsync(db, new EnterpriseSearch { Q = q, Region = region }, paging, ct);
        return result is null ? Problems.Validation(searchErrors) : TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<EnterpriseDetail>, ProblemHttpResult>> Get(
        GongjiangDbContext db, Guid id, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!PageRequest.TryCreate(page, pageSize, errors, out var paging))
        {
            return Problems.Validation(errors);
        }

        return await EnterpriseUseCases.GetAsync(db, id, paging, ct) is { } enterprise ? TypedResults.Ok(enterprise) : Problems.NotFound("该单位");
    }
}
