using Gongjiang.Core.Common;

namespace Gongjiang.Core.Window;

/// <summary>
/// Where a department's task (协办任务) for a request stands. Policy 七: “建立多方协调机制 … 有关部门 … 要各尽其职、紧密配合”;
/// 三(四) names what the departments grant (住房, 安家补贴, 子女义务教育, 落户, 就业指导). The int values are stored; never
/// renumber them.
/// </summary>
public enum AssignmentStatus
{
    /// <summary>待办: in the department's inbox, not yet taken up.</summary>
    Pending = 1,
    /// <summary>办理中.</summary>
    InProgress = 2,
    /// <summary>待补正: the department asked the applicant for materials; the whole request's clock is paused.</summary>
    AwaitingSupplement = 3,
    /// <summary>已办结: with an opinion (同意 / 不同意) and its text.</summary>
    Done = 4,
    /// <summary>已撤销: the request was withdrawn or the task was routed by mistake.</summary>
    Cancelled = 5,
}

/// <summary>What a department officer (or the window, for 撤销 and 重新办理) does to a task. Stored; never renumber.</summary>
public enum AssignmentAction
{
    /// <summary>签收办理.</summary>
    Start = 1,
    /// <summary>提出补正 (with what to supply): pauses the whole request.</summary>
    RequestSupplement = 2,
    /// <summary>补正材料已收到.</summary>
    ReceiveSupplement = 3,
    /// <summary>办结 (with an opinion and its text).</summary>
    Complete = 4,
    /// <summary>重新办理: the request was reopened on appeal.</summary>
    Reopen = 5,
    /// <summary>撤销 (with a reason).</summary>
    Cancel = 6,
}

/// <summary>A department's opinion when it completes its task. Stored; never renumber.</summary>
public enum AssignmentOpinion
{
    /// <summary>同意.</summary>
    Agree = 1,
    /// <summary>不同意.</summary>
    Disagree = 2,
}

/// <summary>What <see cref="AssignmentWorkflow.Transition"/> needs besides the state.</summary>
/// <param name="Opinion">The opinion (for 办结).</param>
/// <param name="Text">The opinion's text, what to supply, or the reason (for 办结, 提出补正, 重新办理, 撤销).</param>
public sealed record AssignmentContext(AssignmentOpinion? Opinion = null, string? Text = null)
{
    /// <summary>No facts: enough for the moves without conditions.</summary>
    public static AssignmentContext Empty { get; } = new();
}

/// <summary>
/// The rules of one department task (ADR 0008 shape, a transition table inside):
/// <list type="table">
/// <item><term>待办 + 签收办理</term><description>办理中</description></item>
/// <item><term>办理中 + 提出补正</term><description>待补正 — what to supply (the request goes to 补正中, see <see cref="Routing.RequestActionOnAssignmentSupplement"/>)</description></item>
/// <item><term>待补正 + 补正材料已收到</term><description>办理中</description></item>
/// <item><term>办理中 + 办结</term><description>已办结 — 同意 or 不同意 with its text (书面意见)</description></item>
/// <item><term>已办结 + 重新办理</term><description>办理中 — a reason</description></item>
/// <item><term>待办 / 办理中 / 待补正 + 撤销</term><description>已撤销 — a reason</description></item>
/// </list>
/// Every other pair fails with “当前状态为“X”，不能执行“Y””.
/// </summary>
public sealed class AssignmentWorkflow : IWorkflow<AssignmentStatus, AssignmentAction, AssignmentContext>
{
    private AssignmentWorkflow()
    {
    }

    /// <summary>The state after <paramref name="action"/>, or every reason it is refused.</summary>
    public static Result<AssignmentStatus> Transition(AssignmentStatus state, AssignmentAction action, AssignmentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Table.Fire(state, action, context);
    }

    /// <summary>The actions accepted in <paramref name="state"/> with <paramref name="context"/>, in declaration order.</summary>
    public static IReadOnlyList<AssignmentAction> AllowedActions(AssignmentStatus state, AssignmentContext context) =>
        Table.Allowed(state, context ?? throw new ArgumentNullException(nameof(context)));

    /// <summary>Every allowed move (from, action, to) in the order declared.</summary>
    public static IReadOnlyList<(AssignmentStatus From, AssignmentAction Action, AssignmentStatus To)> Moves => Table.Moves;

    /// <summary>True while the department still has to act (待办, 办理中, 待补正): the request cannot close.</summary>
    public static bool IsOpen(AssignmentStatus status) =>
        status is AssignmentStatus.Pending or AssignmentStatus.InProgress or AssignmentStatus.AwaitingSupplement;

    public static string ChineseName(AssignmentStatus status) => status switch
    {
        AssignmentStatus.Pending => "待办",
        AssignmentStatus.InProgress => "办理中",
        AssignmentStatus.AwaitingSupplement => "待补正",
        AssignmentStatus.Done => "已办结",
        AssignmentStatus.Cancelled => "已撤销",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string ChineseName(AssignmentAction action) => action switch
    {
        AssignmentAction.Start => "签收办理",
        AssignmentAction.RequestSupplement => "提出补正",
        AssignmentAction.ReceiveSupplement => "补正材料已收到",
        AssignmentAction.Complete => "办结",
        AssignmentAction.Reopen => "重新办理",
        AssignmentAction.Cancel => "撤销",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static string ChineseName(AssignmentOpinion opinion) => opinion switch
    {
        AssignmentOpinion.Agree => "同意",
        AssignmentOpinion.Disagree => "不同意",
        _ => throw new ArgumentOutOfRangeException(nameof(opinion), opinion, null),
    };

    private static readonly TransitionTable<AssignmentStatus, AssignmentAction, AssignmentContext> Table = Build();

    private static TransitionTable<AssignmentStatus, AssignmentAction, AssignmentContext> Build()
    {
        const int Min = WindowRules.MinimumReasonLength;
        var text = (string message) => Condition<AssignmentContext>.When(c => WindowRules.HasReason(c.Text), message);
        var cancel = text($"撤销任务须说明理由（不少于{Min}个字）");
        return new TransitionTable<AssignmentStatus, AssignmentAction, AssignmentContext>(ChineseName, ChineseName)
            .Allow(AssignmentStatus.Pending, AssignmentAction.Start, AssignmentStatus.InProgress)
            .Allow(AssignmentStatus.Pending, AssignmentAction.Cancel, AssignmentStatus.Cancelled, cancel)
            .Allow(AssignmentStatus.InProgress, AssignmentAction.RequestSupplement, AssignmentStatus.AwaitingSupplement,
                text($"提出补正须一次性列明需补正的全部内容（不少于{Min}个字）"))
            .Allow(AssignmentStatus.InProgress, AssignmentAction.Complete, AssignmentStatus.Done,
                Condition<AssignmentContext>.When(c => c.Opinion is not null, "办结须选择办理意见（同意或不同意）"),
                text($"办结须填写意见说明（不少于{Min}个字）"))
            .Allow(AssignmentStatus.InProgress, AssignmentAction.Cancel, AssignmentStatus.Cancelled, cancel)
            .Allow(AssignmentStatus.AwaitingSupplement, AssignmentAction.ReceiveSupplement, AssignmentStatus.InProgress)
            .Allow(AssignmentStatus.AwaitingSupplement, AssignmentAction.Cancel, AssignmentStatus.Cancelled, cancel)
            .Allow(AssignmentStatus.Done, AssignmentAction.Reopen, AssignmentStatus.InProgress,
                text($"重新办理须说明理由（不少于{Min}个字）"));
    }
}

/// <summary>
/// How a request and its department tasks move together (policy 七 多方协调机制: the window sees the whole and closes the
/// request when every task is done).
/// </summary>
public static class Routing
{
    /// <summary>The tasks that still block closure (待办, 办理中, 待补正).</summary>
    public static int OpenAssignments(IEnumerable<AssignmentStatus> tasks) => tasks.Count(AssignmentWorkflow.IsOpen);

    /// <summary>
    /// What the request does when one of its tasks asks for 补正: a request 办理中 goes to 补正中 (its clock pauses from
    /// that day); a request already 补正中 (another department asked first) stays as it is — one pause, and the materials
    /// resume every waiting task at once. Null means no request transition.
    /// </summary>
    public static ServiceRequestAction? RequestActionOnAssignmentSupplement(ServiceRequestStatus request) =>
        request == ServiceRequestStatus.InProgress ? ServiceRequestAction.RequestSupplement : null;

    /// <summary>
    /// The outcome the departments' opinions suggest: all 同意 → 准予; all 不同意 → 不予; mixed → 部分准予. The window
    /// decides and may depart from it with its reason; cancelled tasks have no opinion and are not passed in.
    /// </summary>
    /// <returns>Null when there is no opinion yet.</returns>
    public static Decision<ServiceOutcome>? SuggestOutcome(IReadOnlyCollection<AssignmentOpinion> opinions, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(opinions);
        if (opinions.Count == 0)
        {
            return null;
        }

        var agree = opinions.Count(o => o == AssignmentOpinion.Agree);
        var disagree = opinions.Count - agree;
        var outcome = disagree == 0 ? ServiceOutcome.Granted
            : agree == 0 ? ServiceOutcome.Refused
            : ServiceOutcome.PartlyGranted;
        var reason = $"{opinions.Count}个部门中{agree}个同意、{disagree}个不同意，建议{ServiceRequestWorkflow.ChineseName(outcome)}";
        return new Decision<ServiceOutcome>(outcome, asOf, [new RuleOutcome("window-outcome-from-opinions", true, reason, "《关于提高技术工人待遇的意见》七")]);
    }
}
