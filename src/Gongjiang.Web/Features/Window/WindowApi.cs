using Gongjiang.Core.Policies;
using Gongjiang.Core.Window;
using Gongjiang.Web.Features.Window.Catalogue;
using Gongjiang.Web.Features.Window.Data;
using Gongjiang.Web.Features.Window.Requests;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using W = Gongjiang.Web.Features.Window.WindowPermissions;

namespace Gongjiang.Web.Features.Window;

/// <summary>A service item of the guide.</summary>
public sealed record ServiceItemDto(string Code, string Name, string Conditions, IReadOnlyList<string> Materials, string LegalBasis,
    int? StatutoryWorkingDays, int CommittedWorkingDays, string Department, IReadOnlyList<string> CoDepartments, IReadOnlyList<string> BenefitItems)
{
    public static ServiceItemDto From(ServiceItem i) => new(i.Code, i.Name, i.Conditions, [.. i.Materials.Select(m => m.Name)], i.LegalBasis,
        i.Limits.StatutoryWorkingDays, i.Limits.CommittedWorkingDays, i.Department.Name, [.. i.CoDepartments.Select(d => d.Name)], i.BenefitItemKeys);
}

/// <summary>One benefit item of a pre-check: the engine's status, amount and the reasons.</summary>
public sealed record PreCheckBenefitDto(string ItemKey, string Name, string Status, string Amount, IReadOnlyList<string> Reasons);

/// <summary>The pre-check of one service item.</summary>
public sealed record PreCheckDto(string Item, string Name, bool MayApply, IReadOnlyList<PreCheckBenefitDto> Benefits);

/// <summary>Filing a request: the applicant (a registry person; a worker may leave it out) and the item codes.</summary>
public sealed record FileRequestDto(Guid? PersonId, IReadOnlyList<string>? Items);

/// <summary>A window action on a request; <c>version</c> is the version read (optimistic concurrency).</summary>
public sealed record RequestActionDto(string? Action, int? Version, string? Reason, string? Outcome, string? Appeal, string? AppealReference);

/// <summary>A department officer's action on a task.</summary>
public sealed record TaskActionDto(string? Action, int? Version, string? Opinion, string? Text);

/// <summary>A department task.</summary>
public sealed record TaskDto(Guid Id, Guid RequestId, string ReceiptNumber, string Department, string Status, DateOnly RoutedOn, string? Opinion, string? Text, int Version);

/// <summary>A deadline as of today with its explanation, day by day.</summary>
public sealed record DeadlineDto(string Kind, int WorkingDays, DateOnly StartsAfter, DateOnly? DueOn, bool Paused, int UsedWorkingDays, bool Provisional, IReadOnlyList<string> Explanation);

/// <summary>A request with its tasks, history and deadlines.</summary>
public sealed record RequestDto(Guid Id, string ReceiptNumber, IReadOnlyList<string> Items, string Status, string? Outcome, string Channel, DateOnly FiledOn,
    DateOnly? AcceptedOn, DateOnly? ClosedOn, int Version, IReadOnlyList<TaskDto> Tasks, IReadOnlyList<StepDto> Steps, DeadlineDto? Committed, DeadlineDto? Statutory);

/// <summary>One step of the history.</summary>
public sealed record StepDto(DateOnly On, string Action, string? Text, string Actor);

/// <summary>The pinned public progress (no personal data).</summary>
public sealed record PublicStageDto(string Stage, DateOnly Date);

/// <summary>The pinned public progress answer.</summary>
public sealed record PublicProgressDto(string ReceiptNumber, string Item, IReadOnlyList<PublicStageDto> Stages, string Status);

/// <summary>A 好差评 rating: grade 1 (非常不满意) to 5 (非常满意) and a comment.</summary>
public sealed record RateDto(int? Grade, string? Comment);

/// <summary>A rectification opened by a poor rating.</summary>
public sealed record RectificationDto(Guid Id, string Status, DateOnly DueOn, string Reason);

/// <summary>The rating stored, and the rectification it opened (if any).</summary>
public sealed record RatingDto(string Grade, string? Comment, DateOnly RatedOn, RectificationDto? Rectification);

/// <summary>The window's API (bearer tokens) and its public progress query (no sign-in, rate-limited).</summary>
internal static class WindowApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var guide = app.MapGroup("/api/v1/window/items").WithTags("人才服务窗口：办事指南").AllowAnonymous();
        guide.MapGet("", () => TypedResults.Ok(ServiceCatalogue.All.Select(ServiceItemDto.From).ToList())).WithSummary("办事指南：全部服务事项（条件、材料、依据、时限、部门、对应待遇事项）");

        var checks = app.MapApiGroup("window/pre-check", "人才服务窗口：资格预审", W.Guide);
        checks.MapGet("", PreCheckAsync).WithSummary("提交前的资格预审：按待遇政策引擎判断申请人对所选事项的待遇，附判断理由");

        var requests = app.MapApiGroup("window/requests", "人才服务窗口：办件", W.Requests);
        requests.MapPost("", FileAsync).WithSummary("提交办件（可带 Idempotency-Key 请求头防止重复提交）；返回办件编号");
        requests.MapGet("", ListAsync).WithSummary("本人或本辖区的办件（最新在前）");
        requests.MapGet("/{id:guid}", GetAsync).WithSummary("查看一个办件：部门任务、办理记录和时限（逐日说明）");
        requests.MapPost("/{id:guid}/actions", ActAsync).WithSummary("办件操作：accept 受理（必需材料须已全部上传，否则 400 并在 materials 字段列明缺少的材料）、refuse 不予受理、route 分送、close 办结、withdraw 撤回、reopen 重新办理；须带读取时的 version");

        requests.MapPost("/{id:guid}/rating", RateAsync).WithSummary("好差评：办结后申请人评价（grade 1–5，5 为非常满意），不满意及以下自动生成整改任务（15个工作日）和回访记录");

        var tasks = app.MapApiGroup("window/tasks", "人才服务窗口：部门任务", W.Tasks);
        tasks.MapGet("", InboxAsync).WithSummary("本部门本辖区待办任务（最早分送的在前）");
        tasks.MapPost("/{id:guid}/actions", TaskActAsync).WithSummary("部门任务操作：start 签收、supplement 提出补正、received 补正材料已收到、complete 办结（opinion=agree|disagree）；须带 version");

        app.MapGet("/api/v1/public/requests/{receiptNumber}", PublicAsync)
            .WithTags("人才服务窗口：办件进度查询").AllowAnonymous().RequireRateLimiting(WindowPublicRateLimit.PolicyName)
            .WithSummary("办件进度查询（无需登录）：凭办件编号和申请人姓名查询办理环节和日期；编号或姓名不符均答复未找到");
    }

    private static async Task<Results<Ok<List<PreCheckDto>>, ProblemHttpResult>> PreCheckAsync(Guid? personId, string? items, RequestService service, Platform.Data.GongjiangDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var who = personId ?? db.Actor.PersonId;
        if (who is null)
        {
            errors.Add("personId", "请指明申请人（personId）");
        }

        var selected = (items ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ServiceCatalogue.Find).ToList();
        if (selected.Count == 0 || selected.Any(i => i is null))
        {
            errors.Add("items", "请选择存在的服务事项（items，以逗号分隔的事项代码）");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var checks = await service.PreCheckAsync(who!.Value, selected!, ct);
        return checks is null ? Problems.NotFound("申请人") : TypedResults.Ok(checks.Select(ToDto).ToList());
    }

    public static PreCheckDto ToDto(ItemPreCheck c) => new(c.Item.Code, c.Item.Name, c.MayApply,
        [.. c.Benefits.Select(b => new PreCheckBenefitDto(b.ItemKey, b.Name, StatusName(b.Status), b.AmountText, [.. b.Trace.Select(t => t.Reason)]))]);

    public static string StatusName(EntitlementStatus status) => status switch
    {
        EntitlementStatus.Eligible => "符合条件",
        EntitlementStatus.NotEligible => "不符合条件",
        _ => "无法判断",
    };

    private static async Task<Results<Created<RequestDto>, Ok<RequestDto>, ProblemHttpResult>> FileAsync(FileRequestDto body,
        [FromHeader(Name = IdempotencyKeys.HeaderName)] string? idempotencyKey, RequestService service, CancellationToken ct)
    {
        var filed = await service.FileAsync(body.PersonId, body.Items, idempotencyKey, ct);
        if (!filed.IsValid)
        {
            var errors = new FieldErrors();
            foreach (var reason in filed.Reasons)
            {
                errors.Add(reason.Contains("Idempotency", StringComparison.OrdinalIgnoreCase) || reason.Contains("幂等", StringComparison.Ordinal) ? "Idempotency-Key" : reason.Contains("申请人", StringComparison.Ordinal) ? "personId" : "items", reason);
            }

            return Problems.Validation(errors);
        }

        var view = await service.ViewAsync(filed.Value!.Request.Id, ct);
        var dto = ToDto(view!);
        return filed.Value.Repeated ? TypedResults.Ok(dto) : TypedResults.Created("/api/v1/window/requests/" + dto.Id, dto);
    }

    private static async Task<Ok<List<RequestDto>>> ListAsync(RequestService service, CancellationToken ct) =>
        TypedResults.Ok((await service.ListAsync(100, ct)).Select(r => ToDto(new RequestView(r, [], [], null, null))).ToList());

    private static async Task<Results<Ok<RequestDto>, ProblemHttpResult>> GetAsync(Guid id, RequestService service, CancellationToken ct) =>
        await service.ViewAsync(id, ct) is { } view ? TypedResults.Ok(ToDto(view)) : Problems.NotFound("办件");

    private static async Task<Results<Ok<RequestDto>, ProblemHttpResult>> ActAsync(Guid id, RequestActionDto body, RequestService service, CancellationToken ct)
    {
        var errors = new FieldErrors();
        ServiceRequestAction? action = body.Action?.Trim().ToLowerInvariant() switch
        {
            "accept" => ServiceRequestAction.Accept,
            "refuse" => ServiceRequestAction.RefuseAcceptance,
            "route" => ServiceRequestAction.Route,
            "close" => ServiceRequestAction.Close,
            "withdraw" => ServiceRequestAction.Withdraw,
            "reopen" => ServiceRequestAction.Reopen,
            _ => null,
        };
        if (action is null)
        {
            errors.Add("action", "操作（action）应为 accept、refuse、route、close、withdraw 或 reopen");
        }

        if (body.Version is null)
        {
            errors.Add("version", "请提供读取办件时的版本号（version）");
        }

        ServiceOutcome? outcome = body.Outcome?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "granted" => ServiceOutcome.Granted,
            "partly-granted" => ServiceOutcome.PartlyGranted,
            "refused" => ServiceOutcome.Refused,
            _ => (ServiceOutcome)(-1),
        };
        if (outcome == (ServiceOutcome)(-1))
        {
            errors.Add("outcome", "办结结果（outcome）应为 granted、partly-granted 或 refused");
        }

        AppealKind? appeal = body.Appeal?.Trim().ToLowerInvariant() switch
        {
            "reconsideration" => AppealKind.Reconsideration,
            "complaint" => AppealKind.Complaint,
            _ => null,
        };
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var result = await service.ActAsync(id, action!.Value, body.Version!.Value, body.Reason, outcome, ct, appeal, body.AppealReference);
        if (!result.IsValid)
        {
            if (result.Reasons.Contains(RequestService.ConcurrencyMessage))
            {
                return TypedResults.Problem(detail: RequestService.ConcurrencyMessage, statusCode: StatusCodes.Status409Conflict, title: "办件已被他人修改");
            }

            foreach (var reason in result.Reasons)
            {
                errors.Add(reason.StartsWith(ServiceRequestWorkflow.MissingForAcceptance, StringComparison.Ordinal) ? "materials" : "action", reason);
            }

            return result.Reasons[0].StartsWith("未找到", StringComparison.Ordinal) ? Problems.NotFound("办件") : Problems.Validation(errors);
        }

        return TypedResults.Ok(ToDto((await service.ViewAsync(id, ct))!));
    }

    private static async Task<Results<Ok<RatingDto>, ProblemHttpResult>> RateAsync(Guid id, RateDto body, RequestService service, CancellationToken ct)
    {
        var result = await service.RateAsync(id, body.Grade, body.Comment, ct);
        if (!result.IsValid)
        {
            if (result.Reasons[0].StartsWith("未找到", StringComparison.Ordinal))
            {
                return Problems.NotFound("办件");
            }

            var errors = new FieldErrors();
            foreach (var reason in result.Reasons)
            {
                errors.Add(reason.Contains("评价等级", StringComparison.Ordinal) ? "grade" : reason.Contains("意见", StringComparison.Ordinal) ? "comment" : "action", reason);
            }

            return Problems.Validation(errors);
        }

        var view = await service.ViewAsync(id, ct);
        var rect = view!.Rectifications.FirstOrDefault(r => r.RatingId == result.Value!.Id);
        return TypedResults.Ok(new RatingDto(RatingRules.ChineseName(result.Value!.Grade), result.Value.Comment, result.Value.RatedOn,
            rect is null ? null : new RectificationDto(rect.Id, RectificationWorkflow.ChineseName(rect.Status), rect.DueOn, rect.Reason)));
    }

    private static async Task<Ok<List<TaskDto>>> InboxAsync(RequestService service, CancellationToken ct) =>
        TypedResults.Ok((await service.InboxAsync(100, ct)).Select(x => ToDto(x.Task, x.Request.ReceiptNumber)).ToList());

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> TaskActAsync(Guid id, TaskActionDto body, RequestService service, CancellationToken ct)
    {
        var errors = new FieldErrors();
        AssignmentAction? action = body.Action?.Trim().ToLowerInvariant() switch
        {
            "start" => AssignmentAction.Start,
            "supplement" => AssignmentAction.RequestSupplement,
            "received" => AssignmentAction.ReceiveSupplement,
            "complete" => AssignmentAction.Complete,
            _ => null,
        };
        if (action is null)
        {
            errors.Add("action", "操作（action）应为 start、supplement、received 或 complete");
        }

        if (body.Version is null)
        {
            errors.Add("version", "请提供读取任务时的版本号（version）");
        }

        AssignmentOpinion? opinion = body.Opinion?.Trim().ToLowerInvariant() switch
        {
            "agree" => AssignmentOpinion.Agree,
            "disagree" => AssignmentOpinion.Disagree,
            _ => null,
        };
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var result = await service.ActOnTaskAsync(id, action!.Value, body.Version!.Value, opinion, body.Text, ct);
        if (!result.IsValid)
        {
            if (result.Reasons.Contains(RequestService.ConcurrencyMessage))
            {
                return TypedResults.Problem(detail: RequestService.ConcurrencyMessage, statusCode: StatusCodes.Status409Conflict, title: "任务已被他人修改");
            }

            if (result.Reasons[0].StartsWith("未找到", StringComparison.Ordinal))
            {
                return Problems.NotFound("任务");
            }

            foreach (var reason in result.Reasons)
            {
                errors.Add("action", reason);
            }

            return Problems.Validation(errors);
        }

        return TypedResults.Ok(ToDto(result.Value!, ""));
    }

    private static async Task<Results<Ok<PublicProgressDto>, ProblemHttpResult>> PublicAsync(string receiptNumber, string? name, RequestService service, CancellationToken ct)
    {
        var found = await service.PublicProgressAsync(receiptNumber, name, ct);
        if (found is not { } f)
        {
            return Problems.NotFound("与该办件编号和姓名相符的办件");
        }

        var items = string.Join("、", f.Request.ItemCodes.Split(',').Select(c => ServiceCatalogue.Find(c)?.Name ?? c));
        return TypedResults.Ok(new PublicProgressDto(f.Request.ReceiptNumber, items, [.. f.Stages.Select(s => new PublicStageDto(s.Stage, s.Date))],
            PublicProgress.Status(f.Request.Status, f.Request.Outcome)));
    }

    public static RequestDto ToDto(RequestView v)
    {
        var r = v.Request;
        return new RequestDto(r.Id, r.ReceiptNumber, [.. r.ItemCodes.Split(',')], ServiceRequestWorkflow.ChineseName(r.Status),
            r.Outcome is { } o ? ServiceRequestWorkflow.ChineseName(o) : null, r.Channel, r.FiledOn, r.AcceptedOn, r.ClosedOn, r.Version,
            [.. v.Tasks.Select(t => ToDto(t, r.ReceiptNumber))],
            [.. v.Steps.Select(s => new StepDto(s.On, ServiceRequestWorkflow.ChineseName(s.Action), s.Text, s.Actor))],
            ToDto(v.Committed), ToDto(v.Statutory));
    }

    private static DeadlineDto? ToDto(Deadline? d) => d is null ? null :
        new DeadlineDto(Deadlines.KindName(d.Limit.Kind), d.Limit.WorkingDays, d.StartsAfter, d.DueOn, d.Paused, d.UsedWorkingDays, d.Provisional, [.. d.Explanation.Select(l => l.Text)]);

    public static TaskDto ToDto(RequestTask t, string receipt) => new(t.Id, t.RequestId, receipt, Gongjiang.Core.Reference.Departments.Find(t.DepartmentCode)?.Name ?? t.DepartmentCode,
        AssignmentWorkflow.ChineseName(t.Status), t.RoutedOn, t.Opinion is { } o ? AssignmentWorkflow.ChineseName(o) : null, t.Text, t.Version);
}
