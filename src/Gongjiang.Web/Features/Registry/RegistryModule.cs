using Gongjiang.Web.Features.Registry.Persons;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Features.Registry;

/// <summary>高技能领军人才数据库 [三(一), notice 三]. Foundation slice: persons and enterprises in scope.</summary>
internal static class RegistryModule
{
    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder app)
    {
        var persons = app.MapApiGroup("registry/persons", "人员档案", Permissions.RegistryRead);
        persons.MapGet("/", Search).WithSummary("在管辖范围内按姓名查询人员");
        persons.MapGet("/{id:guid}", Get).WithSummary("查看人员档案");
        persons.MapPut("/{id:guid}", Update).WithSummary("修改人员档案").RequireAuthorization(Permissions.RegistryEdit);
        return app;
    }

    private static async Task<Results<Ok<Paged<PersonSummary>>, ProblemHttpResult>> Search(
        GongjiangDbContext db, string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (q is { Length: > 64 })
        {
            errors.Add("q", "查询条件不能超过64个字符");
        }

        if (!PageRequest.TryCreate(page, pageSize, errors, out var paging) || !errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(await PersonUseCases.SearchAsync(db, q, paging, ct));
    }

    private static async Task<Results<Ok<PersonDetail>, ProblemHttpResult>> Get(GongjiangDbContext db, Guid id, CancellationToken ct) =>
        await PersonUseCases.GetAsync(db, id, ct) is { } person ? TypedResults.Ok(person) : Problems.NotFound("该人员");

    private static async Task<Results<Ok<PersonDetail>, ProblemHttpResult>> Update(
        GongjiangDbContext db, Guid id, UpdatePersonRequest request, TimeProvider clock, CancellationToken ct)
    {
        var errors = await PersonUseCases.UpdateAsync(db, id, request, clock, ct);
        if (errors is null)
        {
            return Problems.NotFound("该人员");
        }

        return errors.IsEmpty ? TypedResults.Ok((await PersonUseCases.GetAsync(db, id, ct))!) : Problems.Validation(errors);
    }
}
