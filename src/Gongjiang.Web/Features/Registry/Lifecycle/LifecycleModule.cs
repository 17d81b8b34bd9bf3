using System.Globalization;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry.Lifecycle;

public sealed record StartReviewRequest(int? Year, string? DueDate);

public sealed record ReviewCampaignDto(Guid Id, int Year, string RegionCode, DateOnly DueDate, string Status);

/// <summary>Lifecycle and yearly review endpoints; the pages call the same use cases.</summary>
internal static class LifecycleModule
{
    public static IEndpointRouteBuilder MapRegistryLifecycle(this IEndpointRouteBuilder app)
    {
        var persons = app.MapApiGroup("registry/persons", "人员档案", Permissions.RegistryRead);
        persons.MapGet("/{id:guid}/history", async (Guid id, GongjiangDbContext db, CancellationToken ct) =>
            await db.Set<Person>().AnyAsync(p => p.Id == id, ct)
                ? Results.Ok(await LifecycleUseCases.HistoryAsync(db, id, ct))
                : Problems.NotFound("该人员")).WithSummary("人员在数据库中的经历：提名、核实、入库、复核、移出");
        persons.MapPost("/{id:guid}/lifecycle", Step).WithSummary("提名（Nominate）、核实（Verify）、核实不通过（Reject）、入库（List）、移出（Delist，须 reason）")
            .RequireAuthorization(Permissions.RegistryEdit);

        var reviews = app.MapApiGroup("registry/reviews", "年度复核", Permissions.RegistryEdit);
        reviews.MapGet("/", async (GongjiangDbContext db, CancellationToken ct) => TypedResults.Ok(await db.Set<ReviewCampaign>().AsNoTracking()
            .OrderByDescending(c => c.Year).Select(c => new ReviewCampaignDto(c.Id, c.Year, c.RegionCode, c.DueDate, c.Status.ToString())).ToListAsync(ct)))
            .WithSummary("管辖范围内的年度复核");
        reviews.MapPost("/", Start).WithSummary("发起年度复核（窗口经办人）：管辖范围内所有已入库人员进入复核");
        reviews.MapGet("/{id:guid}", async Task<Results<Ok<ReviewProgress>, ProblemHttpResult>> (Guid id, GongjiangDbContext db, CancellationToken ct) =>
            await ReviewUseCases.ProgressAsync(db, id, ct) is { } p ? TypedResults.Ok(p) : Problems.NotFound("该复核")).WithSummary("复核进度：尚未确认、待核查、已确认、已移出");
        reviews.MapPost("/{id:guid}/items/{personId:guid}/confirm", Confirm).WithSummary("用人单位确认人员现状");
        reviews.MapPost("/{id:guid}/items/{personId:guid}/check", Check).WithSummary("窗口经办人核查：确认在库或移出");
        return app;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Step(Guid id, LifecycleRequest request, GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        await LifecycleUseCases.ApplyAsync(db, id, request, confirmed: true, clock, ct) switch
        {
            null => Problems.NotFound("该人员"),
            { IsEmpty: true } => TypedResults.NoContent(),
            var errors => Problems.Validation(errors),
        };

    private static async Task<Results<Created<ReviewCampaignDto>, ProblemHttpResult>> Start(StartReviewRequest request, GongjiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        DateOnly? due = DateOnly.TryParseExact(request.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var (id, errors) = await ReviewUseCases.StartAsync(db, request.Year, due, clock, ct);
        if (id is null)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Created($"/api/v1/registry/reviews/{id}", new ReviewCampaignDto(id.Value, request.Year!.Value, db.Actor.Jurisdiction.Code, due!.Value, "Open"));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Confirm(Guid id, Guid personId, ReviewAnswer answer, GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        await ReviewUseCases.ConfirmAsync(db, id, personId, answer, clock, ct) switch
        {
            null => Problems.NotFound("该复核人员"),
            { IsEmpty: true } => TypedResults.NoContent(),
            var errors => Problems.Validation(errors),
        };

    private static async Task<Results<NoContent, ProblemHttpResult>> Check(Guid id, Guid personId, ReviewAnswer answer, GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        await ReviewUseCases.CheckAsync(db, id, personId, answer.Note, confirmed: true, clock, ct) switch
        {
            null => Problems.NotFound("该复核人员"),
            { IsEmpty: true } => TypedResults.NoContent(),
            var errors => Problems.Validation(errors),
        };
}
