using Gongjiang.Core.Publication;
using Gongjiang.Web.Features.Publication.Data;
using Gongjiang.Web.Features.Publication.Feed;
using Gongjiang.Web.Features.Publication.Objections;
using Gongjiang.Web.Features.Publication.Public;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Modules;
using Gongjiang.Web.Platform.Ui;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using P = Gongjiang.Web.Platform.Identity.Permissions;

namespace Gongjiang.Web.Features.Publication;

public sealed record PrepareRequest(string? Period);

/// <summary>The reason of an irreversible or public step (开始公示, 撤回公示, 删除草稿): at least five characters.</summary>
public sealed record ReasonRequest(string? Reason);

/// <summary>Decision: Upheld (异议成立) or Rejected (异议不成立); Reason is required.</summary>
public sealed record DecisionRequest(string? Decision, string? Reason)
{
    public ObjectionDecision? Parsed => Decision?.Trim() switch
    {
        "Upheld" or "upheld" or "成立" or "异议成立" => ObjectionDecision.Upheld,
        "Rejected" or "rejected" or "不成立" or "异议不成立" => ObjectionDecision.Rejected,
        _ => null,
    };
}

public sealed record PublicationDto(
    Guid Id, string RegionCode, string RegionName, string Period, string PeriodName, string Title, string Status,
    DateOnly? NoticeStartsOn, DateOnly? NoticeEndsOn, DateOnly? PublishedOn, long? Sequence,
    int Listed, int Added, int Changed, int Removed, int Withdrawn, string PreparedBy, string? ApprovedBy)
{
    public static PublicationDto From(Data.Publication p) => new(p.Id, p.RegionCode, p.RegionName, p.PeriodKey, p.PeriodName, p.Title,
        PublicationWorkflow.ChineseName(p.Status), p.NoticeStartsOn, p.NoticeEndsOn, p.PublishedOn, p.Sequence,
        p.ListedCount, p.AddedCount, p.ChangedCount, p.RemovedCount, p.WithdrawnCount, p.PreparedByName, p.ApprovedByName);
}

public sealed record ObjectionDto(Guid Id, Guid EntryId, string EntryName, string ReceiptNumber, string ObjectorName, string Contact, string Reason,
    DateTimeOffset SubmittedAt, string? Decision, string? DecisionReason, string? DecidedBy);

/// <summary>
/// 向各部门和社会公布 [notice 三]: dated publications with 公示, objections and 复核; the public list and change lists; the
/// department feed. This class maps the clerks' API (编制、公示、异议处理、复核公布); the pages call the same use cases.
/// </summary>
internal sealed class PublicationModule : IModule
{
    public string Name => "publication";

    public string Title => "名单公布";

    public IReadOnlyDictionary<string, string[]> Permissions => new Dictionary<string, string[]>
    {
        [P.PublicationManage] = [Roles.Clerk],
        [P.FeedRead] = [Roles.Clerk, Roles.DepartmentOfficer, Roles.Supervisor],
    };

    public IEnumerable<NavItem> Menu =>
    [
        new("/publications", "名单公布", a => a.Can(P.PublicationManage), 20),
        new("/feeds/talents", "部门名单", a => a.Can(P.FeedRead), 21),
        new("/public/talents", "领军人才名单", _ => true, 22, Navigation.PublicGroup),
        new("/public/publications", "公示与公布", _ => true, 23, Navigation.PublicGroup),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.Configure<PublicationOptions>(configuration.GetSection("Publication"));

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        MapPublications(app);
        app.MapPublicCatalog();
        app.MapDepartmentFeed();
        app.MapPublicObjections();
    }

    public async Task SeedDemoAsync(DemoSeed seed, CancellationToken ct)
    {
        if (seed.Configuration.GetValue("Demo:Publications", true))
        {
            await PublicationDemo.SeedAsync(seed.Services, seed.Clock, ct);
        }
    }

    private static void MapPublications(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("publications", "公布（编制、公示、复核）", P.PublicationManage);
        group.MapGet("/", async (GongjiangDbContext db, CancellationToken ct) =>
        {
            var list = await db.Set<Data.Publication>().AsNoTracking().Of(db.Actor.Jurisdiction)
                .OrderByDescending(p => p.Id) // version-7 ids: newest first, on SQLite too (no DateTimeOffset ordering there)
               .ToListAsync(ct);
            return TypedResults.Ok(list.Select(PublicationDto.From).ToList());
        }).WithSummary("本辖区的公布（草稿、公示中、已公布）");
        group.MapPost("/", Prepare).WithSummary("编制一期名单（period：2026-Q4、2026-H2 或 2026）；同一辖区同一期次只能一期");
        group.MapGet("/{id:guid}", async Task<Results<Ok<PublicationDto>, ProblemHttpResult>> (Guid id, GongjiangDbContext db, CancellationToken ct) =>
            await db.Set<Data.Publication>().AsNoTracking().Of(db.Actor.Jurisdiction).FirstOrDefaultAsync(p => p.Id == id, ct) is { } p
                ? TypedResults.Ok(PublicationDto.From(p)) : Problems.NotFound("该公布")).WithSummary("一期公布");
        group.MapDelete("/{id:guid}", async (Guid id, string? reason, GongjiangDbContext db, CancellationToken ct) =>
            Outcome(await PublicationUseCases.DeleteDraftAsync(db, id, Confirmation.Api(reason), ct))).WithSummary("删除草稿（?reason= 理由，不少于5个字）");
        group.MapPost("/{id:guid}/notice", async (Guid id, ReasonRequest? request, GongjiangDbContext db, IOptions<PublicationOptions> options, TimeProvider clock, CancellationToken ct) =>
            Outcome(await PublicationUseCases.StartNoticeAsync(db, id, options.Value, Confirmation.Api(request?.Reason), clock, ct)))
            .WithSummary("开始公示（reason：理由，不少于5个字）：新增人员向社会公示，公示期按工作日计算");
        group.MapPost("/{id:guid}/withdraw", async (Guid id, ReasonRequest? request, GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
            Outcome(await PublicationUseCases.WithdrawNoticeAsync(db, id, Confirmation.Api(request?.Reason), clock, ct)))
            .WithSummary("撤回公示（reason：理由，不少于5个字）：退回草稿，新增人员不再公开");
        group.MapPost("/{id:guid}/refresh", async (Guid id, GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
            Outcome(await PublicationUseCases.RefreshDraftAsync(db, id, clock, ct))).WithSummary("刷新名单：按数据库现状重新生成草稿的名单和变化");
        group.MapPost("/{id:guid}/approve", async (Guid id, GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
            Outcome(await PublicationUseCases.ApproveAsync(db, id, clock, ct))).WithSummary("复核公布：公示期满、异议均已处理，由编制人以外的经办人复核");
        group.MapGet("/{id:guid}/objections", async Task<Results<Ok<List<ObjectionDto>>, ProblemHttpResult>> (Guid id, GongjiangDbContext db, CancellationToken ct) =>
            await db.Set<Data.Publication>().AsNoTracking().Of(db.Actor.Jurisdiction).AnyAsync(p => p.Id == id, ct)
                ? TypedResults.Ok(await ObjectionsOfAsync(db, id, ct))
                : Problems.NotFound("该公布")).WithSummary("该期公示收到的异议");
        group.MapPost("/objections/{objectionId:guid}/decision", async (Guid objectionId, DecisionRequest request, GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
            Outcome(await PublicationUseCases.DecideObjectionAsync(db, objectionId, request.Parsed, request.Reason, confirmed: true, clock, ct), "该异议"))
            .WithSummary("处理异议：Upheld（成立，移出名单；理由不少于5个字）或 Rejected（不成立），须写明理由");
    }

    internal static async Task<List<ObjectionDto>> ObjectionsOfAsync(GongjiangDbContext db, Guid publicationId, CancellationToken ct)
    {
        var rows = await (
            from o in db.Set<Objection>().AsNoTracking()
            join e in db.Set<PublicationEntry>().AsNoTracking() on o.EntryId equals e.Id
            where o.PublicationId == publicationId
            orderby o.Id
            select new { o, e.Name }).ToListAsync(ct);
        return [.. rows.Select(r => new ObjectionDto(r.o.Id, r.o.EntryId, r.Name, r.o.ReceiptNumber, r.o.ObjectorName, r.o.Contact, r.o.Reason, r.o.SubmittedAt,
            r.o.Decision is { } d ? PublicationWorkflow.ChineseName(d) : null, r.o.DecisionReason, r.o.DecidedByName))];
    }

    private static async Task<Results<Created<PublicationDto>, ProblemHttpResult>> Prepare(PrepareRequest request, GongjiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (id, errors) = await PublicationUseCases.PrepareAsync(db, request.Period, clock, ct);
        if (id is null)
        {
            return Problems.Validation(errors);
        }

        var created = await db.Set<Data.Publication>().AsNoTracking().FirstAsync(p => p.Id == id, ct);
        return TypedResults.Created($"/api/v1/publications/{id}", PublicationDto.From(created));
    }

    private static Results<NoContent, ProblemHttpResult> Outcome(FieldErrors? errors, string what = "该公布") => errors switch
    {
        null => Problems.NotFound(what),
        { IsEmpty: true } => TypedResults.NoContent(),
        _ => Problems.Validation(errors),
    };
}
