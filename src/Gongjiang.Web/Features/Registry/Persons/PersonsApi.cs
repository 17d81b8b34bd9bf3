using Gongjiang.Web.Features.Registry.Protection;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Features.Registry.Persons;

/// <summary>Persons in scope through the API: search, record with determination, audited ID reveal, update.</summary>
internal static class PersonsApi
{
    public static IEndpointRouteBuilder MapPersonsApi(this IEndpointRouteBuilder app)
    {
        var persons = app.MapApiGroup("registry/persons", "人员档案", Permissions.RegistryRead);
        persons.MapGet("/", Search).WithSummary("在管辖范围内查询人员：姓名、公民身份号码（有权角色）、单位、职业、技能等级、荣誉、地区、是否领军人才");
        persons.MapGet("/{id:guid}", Get).WithSummary("查看人员档案及其领军人才认定依据（asOf=yyyy-MM-dd 查看历史日期的认定）");
        persons.MapGet("/{id:guid}/id-number", RevealIdNumber).WithSummary("查看完整公民身份号码（仅限有权角色，每次查看均记入审计日志）")
            .RequireAuthorization(Permissions.RegistryViewIdNumber);
        persons.MapPut("/{id:guid}", Update).WithSummary("修改人员档案").RequireAuthorization(Permissions.RegistryEdit);
        return app;
    }

    private static async Task<Results<Ok<Paged<PersonSummary>>, ProblemHttpResult>> Search(
        GongjiangDbContext db, IdNumberProtector protector, TimeProvider clock, [AsParameters] PersonSearchQuery query, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!PageRequest.TryCreate(query.Page, query.PageSize, errors, out var paging))
        {
            return Problems.Validation(errors);
        }

        var (page, searchErrors) = await PersonUseCases.SearchAsync(db, protector, query, paging, PersonUseCases.Today(clock), ct);
        return page is null ? Problems.Validation(searchErrors) : TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<PersonDetail>, ProblemHttpResult>> Get(GongjiangDbContext db, TimeProvider clock, Guid id, string? asOf, CancellationToken ct)
    {
        var date = PersonUseCases.Today(clock);
        if (!string.IsNullOrEmpty(asOf) && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date))
        {
            var errors = new FieldErrors();
            errors.Add("asOf", "日期（asOf）应为 yyyy-MM-dd 格式");
            return Problems.Validation(errors);
        }

        return await PersonUseCases.GetAsync(db, id, date, ct) is { } person ? TypedResults.Ok(person) : Problems.NotFound("该人员");
    }

    private static async Task<Results<Ok<IdNumberDto>, ProblemHttpResult>> RevealIdNumber(GongjiangDbContext db, IdNumberProtector protector, Guid id, CancellationToken ct) =>
        await PersonUseCases.RevealIdNumberAsync(db, protector, id, ct) is { } number ? TypedResults.Ok(new IdNumberDto(number)) : Problems.NotFound("该人员");

    private static async Task<Results<Ok<PersonDetail>, ProblemHttpResult>> Update(
        GongjiangDbContext db, Guid id, UpdatePersonRequest request, TimeProvider clock, CancellationToken ct)
    {
        var errors = await PersonUseCases.UpdateAsync(db, id, request, clock, ct);
        if (errors is null)
        {
            return Problems.NotFound("该人员");
        }

        return errors.IsEmpty ? TypedResults.Ok((await PersonUseCases.GetAsync(db, id, PersonUseCases.Today(clock), ct))!) : Problems.Validation(errors);
    }
}

public sealed record IdNumberDto(string IdNumber);

/// <summary>Query string of GET /api/v1/registry/persons: the search criteria and paging.</summary>
public sealed class PersonSearchQuery : PersonSearch
{
    public int? Page { get; set; }

    public int? PageSize { get; set; }
}
