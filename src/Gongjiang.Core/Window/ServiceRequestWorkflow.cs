using Gongjiang.Core.Common;

namespace Gongjiang.Core.Window;

/// <summary>
/// Where a service request (办件) of the 高技能领军人才服务窗口 stands. Policy 三(一): “各地要设立高技能领军人才服务窗口，
/// 负责协调落实相关待遇政策”; 七: “建立多方协调机制”. The int values are stored; never renumber them. Moves only by
/// <see cref="ServiceRequestWorkflow.Transition"/>.
/// </summary>
public enum ServiceRequestStatus
{
    /// <summary>草稿: saved by the applicant, not yet submitted (no receipt number yet).</summary>
    Draft = 1,
    /// <summary>已提交: submitted with every required material; waits for the window to accept it.</summary>
    Submitted = 2,
    /// <summary>已受理: accepted by the window; the time limit runs from the next day.</summary>
    Accepted = 3,
    /// <summary>不予受理: refused at acceptance, with a reason (terminal unless reopened on appeal).</summary>
    NotAccepted = 4,
    /// <summary>办理中: routed to the departments, one task (协办任务) each.</summary>
    InProgress = 5,
    /// <summary>补正中: the applicant must supply materials; the time limit is paused.</summary>
    Supplement = 6,
    /// <summary>办结: decided 准予 / 部分准予 / 不予 (<see cref="ServiceOutcome"/>) with a reason.</summary>
    Closed = 7,
    /// <summary>已评价: the applicant rated the service (好差评).</summary>
    Rated = 8,
    /// <summary>已撤回: withdrawn by the applicant before closure (terminal).</summary>
    Withdrawn = 9,
}

/// <summary>What the applicant, the window or the system does to a request. The int values are stored in the history; never renumber them.</summary>
public enum ServiceRequestAction
{
    /// <summary>提交: draft → submitted, when no required material is missing.</summary>
    Submit = 1,
    /// <summary>受理.</summary>
    Accept = 2,
    /// <summary>不予受理 (with a reason).</summary>
    RefuseAcceptance = 3,
    /// <summary>分送办理: accepted → in progress, with at least one department task.</summary>
    Route = 4,
    /// <summary>要求补正 (with the list of what to supply): the clock pauses from this day.</summary>
    RequestSupplement = 5,
    /// <summary>补正材料已收到: the clock resumes on this day.</summary>
    ReceiveSupplement = 6,
    /// <summary>办结: every task done, an outcome and a reason.</summary>
    Close = 7,
    /// <summary>评价 (好差评): only after closure, once per closure.</summary>
    Rate = 8,
    /// <summary>撤回: by the applicant, before closure, with a reason.</summary>
    Withdraw = 9,
    /// <summary>重新办理: reopening on appeal (行政复议 / 申诉) with the appeal's reference and a reason.</summary>
    Reopen = 10,
}

/// <summary>How a request was decided at closure. The int values are stored; never renumber them.</summary>
public enum ServiceOutcome
{
    /// <summary>准予: everything requested is granted.</summary>
    Granted = 1,
    /// <summary>部分准予: part of it is granted.</summary>
    PartlyGranted = 2,
    /// <summary>不予: nothing is granted (不予许可 / 不予办理), with the reason (《行政许可法》第三十八条第二款).</summary>
    Refused = 3,
}

/// <summary>What a reopening rests on. The int values are stored; never renumber them.</summary>
public enum AppealKind
{
    /// <summary>行政复议: a reconsideration decision (《中华人民共和国行政复议法》) orders the matter handled again.</summary>
    Reconsideration = 1,
    /// <summary>申诉: a complaint to the window or the supervisor found justified.</summary>
    Complaint = 2,
}

/// <summary>
/// What <see cref="ServiceRequestWorkflow.Transition"/> needs besides the state. Who acts (role, jurisdiction) is decided
/// in Web, not here.
/// </summary>
public sealed record ServiceRequestContext
{
    /// <summary>No facts: enough for the moves without conditions.</summary>
    public static ServiceRequestContext Empty { get; } = new();

    /// <summary>Required materials not yet uploaded, by name (for 提交 and 受理).</summary>
    public IReadOnlyList<string> MissingMaterials { get; init; } = [];

    /// <summary>Department tasks created for the request (for 分送办理).</summary>
    public int Assignments { get; init; }

    /// <summary>Tasks not yet done or cancelled (for 办结).</summary>
    public int OpenAssignments { get; init; }

    /// <summary>The decision at closure (for 办结).</summary>
    public ServiceOutcome? Outcome { get; init; }

    /// <summary>The reason, the list of materials to supply, or the appeal's finding.</summary>
    public string? Reason { get; init; }

    /// <summary>What a reopening rests on (for 重新办理).</summary>
    public AppealKind? Appeal { get; init; }

    /// <summary>The appeal's reference, e.g. the reconsideration decision's number (for 重新办理).</summary>
    public string? AppealReference { get; init; }
}

/// <summary>
/// The rules of a request's way through the window (ADR 0008 shape, a transition table inside). The allowed moves and no others:
/// <list type="table">
/// <item><term>草稿 + 提交</term><description>已提交 — no required material missing</description></item>
/// <item><term>已提交 + 受理</term><description>已受理 — every required material of the items received (材料齐全方予受理,
/// 《行政许可法》第三十二条第一款第四项、第五项: incomplete materials are told at once, complete ones accepted); the
/// message names each missing material</description></item>
/// <item><term>已提交 + 不予受理</term><description>不予受理 — a reason (《行政许可法》第三十二条)</description></item>
/// <item><term>已受理 + 分送办理</term><description>办理中 — at least one department task (policy 七 多方协调机制)</description></item>
/// <item><term>办理中 + 要求补正</term><description>补正中 — what to supply, told at once (一次性告知, 《行政许可法》第三十二条第一款第四项)</description></item>
/// <item><term>补正中 + 补正材料已收到</term><description>办理中</description></item>
/// <item><term>办理中 + 办结</term><description>办结 — every task done, an outcome and a reason (《行政许可法》第三十八条)</description></item>
/// <item><term>办结 + 评价</term><description>已评价 (国办发〔2019〕51号 好差评, 一事一评)</description></item>
/// <item><term>已提交 / 已受理 / 办理中 / 补正中 + 撤回</term><description>已撤回 — a reason</description></item>
/// <item><term>办结 / 已评价 + 重新办理</term><description>办理中 — an appeal kind, its reference and a reason</description></item>
/// <item><term>不予受理 + 重新办理</term><description>已提交 — likewise (acceptance is examined again)</description></item>
/// </list>
/// Every other pair fails with “当前状态为“X”，不能执行“Y””; an allowed pair whose conditions fail gives every unmet
/// condition as a reason. A reopened request that closes again may be rated again (one rating per closure; earlier
/// ratings are kept).
/// </summary>
public sealed class ServiceRequestWorkflow : IWorkflow<ServiceRequestStatus, ServiceRequestAction, ServiceRequestContext>
{
    private ServiceRequestWorkflow()
    {
    }

    /// <summary>How the refusal of 受理 with missing materials begins; the missing materials' names follow, joined by “、”.</summary>
    public const string MissingForAcceptance = "申请材料不齐全，不能受理。尚未提交：";

    /// <summary>The state after <paramref name="action"/>, or every reason it is refused.</summary>
    public static Result<ServiceRequestStatus> Transition(ServiceRequestStatus state, ServiceRequestAction action, ServiceRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Table.Fire(state, action, context);
    }

    /// <summary>The actions accepted in <paramref name="state"/> with <paramref name="context"/>, in declaration order (for buttons).</summary>
    public static IReadOnlyList<ServiceRequestAction> AllowedActions(ServiceRequestStatus state, ServiceRequestContext context) =>
        Table.Allowed(state, context ?? throw new ArgumentNullException(nameof(context)));

    /// <summary>Every allowed move (from, action, to) in the order declared, e.g. for a diagram on the help page.</summary>
    public static IReadOnlyList<(ServiceRequestStatus From, ServiceRequestAction Action, ServiceRequestStatus To)> Moves => Table.Moves;

    /// <summary>True in the states where the applicant still waits for a decision (the time limit applies).</summary>
    public static bool IsOpen(ServiceRequestStatus status) =>
        status is ServiceRequestStatus.Submitted or ServiceRequestStatus.Accepted or ServiceRequestStatus.InProgress or ServiceRequestStatus.Supplement;

    public static string ChineseName(ServiceRequestStatus status) => status switch
    {
        ServiceRequestStatus.Draft => "草稿",
        ServiceRequestStatus.Submitted => "已提交",
        ServiceRequestStatus.Accepted => "已受理",
        ServiceRequestStatus.NotAccepted => "不予受理",
        ServiceRequestStatus.InProgress => "办理中",
        ServiceRequestStatus.Supplement => "补正中",
        ServiceRequestStatus.Closed => "办结",
        ServiceRequestStatus.Rated => "已评价",
        ServiceRequestStatus.Withdrawn => "已撤回",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string ChineseName(ServiceRequestAction action) => action switch
    {
        ServiceRequestAction.Submit => "提交",
        ServiceRequestAction.Accept => "受理",
        ServiceRequestAction.RefuseAcceptance => "不予受理",
        ServiceRequestAction.Route => "分送办理",
        ServiceRequestAction.RequestSupplement => "要求补正",
        ServiceRequestAction.ReceiveSupplement => "补正材料已收到",
        ServiceRequestAction.Close => "办结",
        ServiceRequestAction.Rate => "评价",
        ServiceRequestAction.Withdraw => "撤回",
        ServiceRequestAction.Reopen => "重新办理",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static string ChineseName(ServiceOutcome outcome) => outcome switch
    {
        ServiceOutcome.Granted => "准予",
        ServiceOutcome.PartlyGranted => "部分准予",
        ServiceOutcome.Refused => "不予",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string ChineseName(AppealKind appeal) => appeal switch
    {
        AppealKind.Reconsideration => "行政复议",
        AppealKind.Complaint => "申诉",
        _ => throw new ArgumentOutOfRangeException(nameof(appeal), appeal, null),
    };

    private static readonly TransitionTable<ServiceRequestStatus, ServiceRequestAction, ServiceRequestContext> Table = Build();

    private static TransitionTable<ServiceRequestStatus, ServiceRequestAction, ServiceRequestContext> Build()
    {
        const int Min = WindowRules.MinimumReasonLength;
        var reason = (string message) => Condition<ServiceRequestContext>.When(c => WindowRules.HasReason(c.Reason), message);
        var withdraw = reason($"撤回须填写理由（不少于{Min}个字）");
        Condition<ServiceRequestContext>[] appeal =
        [
            Condition<ServiceRequestContext>.When(c => c.Appeal is not null, "重新办理须注明依据（行政复议或申诉）"),
            Condition<ServiceRequestContext>.When(c => !string.IsNullOrWhiteSpace(c.AppealReference), "重新办理须填写复议决定书或申诉处理意见的文号"),
            reason($"重新办理须说明理由（不少于{Min}个字）"),
        ];

        return new TransitionTable<ServiceRequestStatus, ServiceRequestAction, ServiceRequestContext>(ChineseName, ChineseName)
            .Allow(ServiceRequestStatus.Draft, ServiceRequestAction.Submit, ServiceRequestStatus.Submitted,
                new Condition<ServiceRequestContext>(c => c.MissingMaterials.Count == 0, c => "缺少必需材料：" + string.Join("、", c.MissingMaterials)))
            .Allow(ServiceRequestStatus.Submitted, ServiceRequestAction.Accept, ServiceRequestStatus.Accepted,
                new Condition<ServiceRequestContext>(c => c.MissingMaterials.Count == 0, c => MissingForAcceptance + string.Join("、", c.MissingMaterials)))
            .Allow(ServiceRequestStatus.Submitted, ServiceRequestAction.RefuseAcceptance, ServiceRequestStatus.NotAccepted,
                reason($"不予受理须说明理由（不少于{Min}个字）"))
            .Allow(ServiceRequestStatus.Submitted, ServiceRequestAction.Withdraw, ServiceRequestStatus.Withdrawn, withdraw)
            .Allow(ServiceRequestStatus.Accepted, ServiceRequestAction.Route, ServiceRequestStatus.InProgress,
                Condition<ServiceRequestContext>.When(c => c.Assignments > 0, "至少须分送一个部门办理"))
            .Allow(ServiceRequestStatus.Accepted, ServiceRequestAction.Withdraw, ServiceRequestStatus.Withdrawn, withdraw)
            .Allow(ServiceRequestStatus.InProgress, ServiceRequestAction.RequestSupplement, ServiceRequestStatus.Supplement,
                reason($"要求补正须一次性列明需补正的全部内容（不少于{Min}个字）"))
            .Allow(ServiceRequestStatus.InProgress, ServiceRequestAction.Close, ServiceRequestStatus.Closed,
                new Condition<ServiceRequestContext>(c => c.OpenAssignments == 0, c => $"还有{c.OpenAssignments}个部门任务未办结，全部办结后方可办结"),
                Condition<ServiceRequestContext>.When(c => c.Outcome is not null, "办结须选择结果（准予、部分准予或不予）"),
                reason($"办结须说明理由（不少于{Min}个字）"))
            .Allow(ServiceRequestStatus.InProgress, ServiceRequestAction.Withdraw, ServiceRequestStatus.Withdrawn, withdraw)
            .Allow(ServiceRequestStatus.Supplement, ServiceRequestAction.ReceiveSupplement, ServiceRequestStatus.InProgress)
            .Allow(ServiceRequestStatus.Supplement, ServiceRequestAction.Withdraw, ServiceRequestStatus.Withdrawn, withdraw)
            .Allow(ServiceRequestStatus.Closed, ServiceRequestAction.Rate, ServiceRequestStatus.Rated)
            .Allow(ServiceRequestStatus.Closed, ServiceRequestAction.Reopen, ServiceRequestStatus.InProgress, appeal)
            .Allow(ServiceRequestStatus.Rated, ServiceRequestAction.Reopen, ServiceRequestStatus.InProgress, appeal)
            .Allow(ServiceRequestStatus.NotAccepted, ServiceRequestAction.Reopen, ServiceRequestStatus.Submitted, appeal);
    }
}
