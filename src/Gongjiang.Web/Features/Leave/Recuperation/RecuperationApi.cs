using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using P = Gongjiang.Web.Features.Leave.LeavePermissions;

namespace Gongjiang.Web.Features.Leave.Recuperation;

/// <summary>A worker's application: the declaration of fitness.</summary>
public sealed record ApplyRequest(bool? FitForActivity);

/// <summary>An employer's nomination: the employee by ID number or person id, and the declaration of fitness.</summary>
public sealed record NominateRequest(string? IdNumber, Guid? PersonId, bool? FitForActivity);

/// <summary>A move on an application: Withdraw, Recommend, DeclineRecommendation (reason required), PromoteFromWaitlist, RecordAttendance, RecordAbsence.</summary>
public sealed record ApplicationActionRequest(string? Action, string? Reason);

/// <summary>Confirmation of an irreversible step (selection, publication).</summary>
public sealed record ConfirmRequest(bool? Confirm);

/// <summary>A programme with the applications the caller may see.</summary>
public sealed record ProgrammeDetail(ProgrammeSummary Programme, IReadOnlyList<ApplicationView> Applications);

/// <summary>A published result (public, names masked).</summary>
public sealed record PublishedResult(ProgrammeSummary Programme, IReadOnlyList<PublishedResultLine> Lines);

/// <summary>The 休疗养 API: programmes, applications, nominations, moves, selection, publication; and the public results.</summary>
internal static class RecuperationApi
{
    public const string Tag = "休疗养";

    public static IEndpointRouteBuilder MapRecuperation(this IEndpointRouteBuilder app)
    {
        var read = app.MapApiGroup("leave/recuperation", Tag, P.RecuperationRead);
        read.MapGet("/programmes", async (GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var today = ChinaTime.Today(clock);
            var list = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(RecuperationUseCases.Programmes(db).Take(200), ct);
            return TypedResults.Ok(list.Select(p => ProgrammeSummary.From(p, today)).ToList());
        }).WithSummary("本辖区的休疗养活动（最新在前）");
        read.MapGet("/programmes/{id:guid}", async Task<Results<Ok<ProgrammeDetail>, ProblemHttpResult>> (Guid id, GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var today = ChinaTime.Today(clock);
            if (await RecuperationUseCases.ProgrammeAsync(db, id, ct) is not { } programme)
            {
                return Problems.NotFound("该休疗养活动");
            }

            return TypedResults.Ok(new ProgrammeDetail(ProgrammeSummary.From(programme, today), await RecuperationUseCases.ApplicationsAsync(db, programme, today, ct)));
        }).WithSummary("一期休疗养活动及您可见的申请（组织单位：全部；用人单位：本单位职工；技术工人：本人），每条申请附您可执行的操作");
        read.MapPost("/applications/{id:guid}/actions", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ApplicationActionRequest request, GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
            Outcome(await RecuperationUseCases.ActAsync(db, id, RecuperationUseCases.ParseAction(request.Action), request.Reason, clock, ct), "该申请"))
            .WithSummary("对一条申请执行操作：技术工人 Withdraw（撤回）；用人单位 Recommend（推荐）、DeclineRecommendation（不推荐，须写理由）；组织单位 PromoteFromWaitlist（候补递补）、RecordAttendance（登记已参加）、RecordAbsence（登记未参加）");

        var manage = app.MapApiGroup("leave/recuperation", Tag, P.RecuperationManage);
        manage.MapPost("/programmes", async Task<Results<Created<ProgrammeSummary>, ProblemHttpResult>> (ProgrammeRequest request, GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var (id, errors) = await RecuperationUseCases.CreateProgrammeAsync(db, request.ToDraft(), clock, ct);
            if (id is null)
            {
                return Problems.Validation(errors);
            }

            var programme = (await RecuperationUseCases.ProgrammeAsync(db, id.Value, ct))!;
            return TypedResults.Created($"/api/v1/leave/recuperation/programmes/{id}", ProgrammeSummary.From(programme, ChinaTime.Today(clock)));
        }).WithSummary("发布一期休疗养活动（组织单位、地点、日期、名额、参加条件和优先顺序），组织单位为本辖区");
        manage.MapPost("/programmes/{id:guid}/selection", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ConfirmRequest request, GongjiangDbContext db, IEmploymentDirectory directory, TimeProvider clock, CancellationToken ct) =>
            Outcome(await RecuperationUseCases.SelectAsync(db, directory, id, request.Confirm == true, clock, ct), "该休疗养活动"))
            .WithSummary("遴选（报名截止后、活动开始前，一次）：按参加条件和优先顺序确定入选、候补、未入选；须 {\"confirm\":true}");
        manage.MapPost("/programmes/{id:guid}/publication", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ConfirmRequest request, GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
            Outcome(await RecuperationUseCases.PublishAsync(db, id, request.Confirm == true, clock, ct), "该休疗养活动"))
            .WithSummary("公布遴选结果（姓名脱敏，向社会公开，不能撤回）；须 {\"confirm\":true}");

        var own = app.MapApiGroup("leave/recuperation", Tag, P.Own);
        own.MapPost("/programmes/{id:guid}/apply", async Task<Results<Created, ProblemHttpResult>> (Guid id, ApplyRequest request, GongjiangDbContext db, IEmploymentDirectory directory, TimeProvider clock, CancellationToken ct) =>
        {
            var (created, errors) = await RecuperationUseCases.ApplyAsync(db, directory, id, request.FitForActivity == true, clock, ct);
            return created is null ? Problems.Validation(errors) : TypedResults.Created($"/api/v1/leave/recuperation/programmes/{id}");
        }).WithSummary("技术工人本人申请参加（报名截止前）；fitForActivity：本人声明身体健康、能够参加");

        var nominate = app.MapApiGroup("leave/recuperation", Tag, P.RecuperationNominate);
        nominate.MapPost("/programmes/{id:guid}/nominations", async Task<Results<Created, ProblemHttpResult>> (Guid id, NominateRequest request, GongjiangDbContext db, IEmploymentDirectory directory, TimeProvider clock, CancellationToken ct) =>
        {
            var (created, errors) = await RecuperationUseCases.NominateAsync(db, directory, id, request.IdNumber, request.PersonId, request.FitForActivity == true, clock, ct);
            return created is null ? Problems.Validation(errors) : TypedResults.Created($"/api/v1/leave/recuperation/programmes/{id}");
        }).WithSummary("用人单位推荐（直接提名）本单位职工（报名截止前）");

        var open = app.MapGroup("/api/v1/public/recuperation").WithTags("公开名单").AllowAnonymous();
        open.MapGet("/", async (GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var today = ChinaTime.Today(clock);
            return TypedResults.Ok((await RecuperationUseCases.PublishedProgrammesAsync(db, ct)).Select(p => ProgrammeSummary.From(p, today)).ToList());
        }).WithSummary("已公布遴选结果的休疗养活动（无需登录）");
        open.MapGet("/{id:guid}", async Task<Results<Ok<PublishedResult>, ProblemHttpResult>> (Guid id, GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
            await RecuperationUseCases.PublishedAsync(db, id, ct) is { } result
                ? TypedResults.Ok(new PublishedResult(ProgrammeSummary.From(result.Programme, ChinaTime.Today(clock)), result.Lines))
                : Problems.NotFound("该休疗养活动的公布结果"))
            .WithSummary("一期休疗养活动的遴选结果（入选、候补；姓名脱敏）");
        return app;
    }

    private static Results<NoContent, ProblemHttpResult> Outcome(FieldErrors? errors, string what) => errors switch
    {
        null => Problems.NotFound(what),
        { IsEmpty: true } => TypedResults.NoContent(),
        _ => Problems.Validation(errors),
    };
}
