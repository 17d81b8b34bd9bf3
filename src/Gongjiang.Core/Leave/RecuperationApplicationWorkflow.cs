using Gongjiang.Core.Common;
using static Gongjiang.Core.Leave.AnnualLeaveRules;

namespace Gongjiang.Core.Leave;

/// <summary>Where an application to a 休疗养 programme stands. Stored; never renumber.</summary>
public enum RecuperationApplicationStatus
{
    /// <summary>已申请: the worker applied; awaiting the employer's recommendation.</summary>
    Applied = 1,

    /// <summary>单位已推荐: recommended (or nominated) by the employer; awaiting selection.</summary>
    Recommended = 2,

    /// <summary>单位未推荐.</summary>
    NotRecommended = 3,

    /// <summary>入选.</summary>
    Selected = 4,

    /// <summary>候补.</summary>
    Waitlisted = 5,

    /// <summary>未入选.</summary>
    NotSelected = 6,

    /// <summary>已参加.</summary>
    Attended = 7,

    /// <summary>未参加 (selected but did not take part).</summary>
    Absent = 8,

    /// <summary>已撤回 by the applicant before the programme started.</summary>
    Withdrawn = 9,
}

/// <summary>What is done to an application; <see cref="RecuperationApplicationWorkflow.Transition"/> says when. Stored; never renumber.</summary>
public enum RecuperationApplicationAction
{
    /// <summary>申请: a worker applies (until applications close).</summary>
    Apply = 1,

    /// <summary>单位推荐（直接提名）: an employer nominates a worker (until applications close).</summary>
    Nominate = 2,

    /// <summary>单位推荐: the employer recommends a worker's application (until applications close).</summary>
    Recommend = 3,

    /// <summary>单位不推荐: with a reason, before the programme starts.</summary>
    DeclineRecommendation = 4,

    /// <summary>确定入选: after applications close, before the start, within the quota.</summary>
    Select = 5,

    /// <summary>列为候补: after applications close, before the start.</summary>
    Waitlist = 6,

    /// <summary>确定未入选: after applications close.</summary>
    NotSelect = 7,

    /// <summary>候补递补: a waitlisted applicant takes a freed place, before the start, within the quota.</summary>
    PromoteFromWaitlist = 8,

    /// <summary>登记已参加: from the first day of the programme.</summary>
    RecordAttendance = 9,

    /// <summary>登记未参加: from the first day of the programme.</summary>
    RecordAbsence = 10,

    /// <summary>撤回申请: by the applicant, before the programme starts.</summary>
    Withdraw = 11,
}

/// <summary>What <see cref="RecuperationApplicationWorkflow.Transition"/> needs to know besides the state.</summary>
/// <param name="Today">China Standard Time date of the step.</param>
/// <param name="ApplicationsCloseOn">The programme's last day to apply or be nominated.</param>
/// <param name="StartsOn">The programme's first day.</param>
/// <param name="SelectedCount">Applications already selected (including attended), before this step.</param>
/// <param name="Quota">The programme's quota.</param>
/// <param name="Reason">The reason given (required to decline a recommendation).</param>
public sealed record RecuperationContext(DateOnly Today, DateOnly ApplicationsCloseOn, DateOnly StartsOn, int SelectedCount, int Quota, string? Reason = null)
{
    /// <summary>The context of <paramref name="programme"/> on <paramref name="today"/>.</summary>
    public static RecuperationContext For(RecuperationProgramme programme, DateOnly today, int selectedCount, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(programme);
        return new RecuperationContext(today, programme.ApplicationsCloseOn, programme.StartsOn, selectedCount, programme.Quota, reason);
    }
}

/// <summary>
/// The application workflow of a 休疗养 programme: 申请 → 单位推荐 → 入选 / 候补 / 未入选 → 已参加 / 未参加 (policy 六(四)).
/// </summary>
/// <remarks>
/// <para>The allowed moves, and no others:</para>
/// <list type="table">
/// <item><term>(none) + 申请</term><description>已申请, until applications close</description></item>
/// <item><term>(none) + 单位推荐（直接提名）</term><description>单位已推荐, until applications close</description></item>
/// <item><term>已申请 + 单位推荐</term><description>单位已推荐, until applications close</description></item>
/// <item><term>已申请 + 单位不推荐</term><description>单位未推荐, with a reason of at least five characters, before the start</description></item>
/// <item><term>单位已推荐 + 确定入选</term><description>入选, after applications close, before the start, while places remain</description></item>
/// <item><term>单位已推荐 + 列为候补</term><description>候补, after applications close, before the start</description></item>
/// <item><term>单位已推荐 / 候补 + 确定未入选</term><description>未入选, after applications close</description></item>
/// <item><term>候补 + 候补递补</term><description>入选, before the start, while places remain</description></item>
/// <item><term>入选 + 登记已参加 / 登记未参加</term><description>已参加 / 未参加, from the first day</description></item>
/// <item><term>已申请 / 单位已推荐 / 入选 / 候补 + 撤回申请</term><description>已撤回, before the start</description></item>
/// </list>
/// </remarks>
public sealed class RecuperationApplicationWorkflow : IWorkflow<RecuperationApplicationStatus?, RecuperationApplicationAction, RecuperationContext>
{
    /// <summary>The shortest reason accepted to decline a recommendation (as for other refusals on the platform).</summary>
    public const int MinimumReasonLength = 5;

    private RecuperationApplicationWorkflow()
    {
    }

    /// <summary>The state after <paramref name="action"/>, or every reason it is refused (Chinese).</summary>
    public static Result<RecuperationApplicationStatus?> Transition(RecuperationApplicationStatus? state, RecuperationApplicationAction action, RecuperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var open = context.Today <= context.ApplicationsCloseOn;
        var started = context.Today >= context.StartsOn;
        var placesLeft = context.SelectedCount < context.Quota;

        (RecuperationApplicationStatus To, string?[] Refusals)? move = (state, action) switch
        {
            (null, RecuperationApplicationAction.Apply) => (RecuperationApplicationStatus.Applied, [Open(open, context)]),
            (null, RecuperationApplicationAction.Nominate) => (RecuperationApplicationStatus.Recommended, [Open(open, context)]),
            (RecuperationApplicationStatus.Applied, RecuperationApplicationAction.Recommend) => (RecuperationApplicationStatus.Recommended, [Open(open, context)]),
            (RecuperationApplicationStatus.Applied, RecuperationApplicationAction.DeclineRecommendation) =>
                (RecuperationApplicationStatus.NotRecommended, [NotStarted(started, context), ReasonGiven(context)]),
            (RecuperationApplicationStatus.Recommended, RecuperationApplicationAction.Select) =>
                (RecuperationApplicationStatus.Selected, [Closed(open, context), NotStarted(started, context), Places(placesLeft, context)]),
            (RecuperationApplicationStatus.Recommended, RecuperationApplicationAction.Waitlist) =>
                (RecuperationApplicationStatus.Waitlisted, [Closed(open, context), NotStarted(started, context)]),
            (RecuperationApplicationStatus.Recommended or RecuperationApplicationStatus.Waitlisted, RecuperationApplicationAction.NotSelect) =>
                (RecuperationApplicationStatus.NotSelected, [Closed(open, context)]),
            (RecuperationApplicationStatus.Waitlisted, RecuperationApplicationAction.PromoteFromWaitlist) =>
                (RecuperationApplicationStatus.Selected, [NotStarted(started, context), Places(placesLeft, context)]),
            (RecuperationApplicationStatus.Selected, RecuperationApplicationAction.RecordAttendance) => (RecuperationApplicationStatus.Attended, [Started(started, context)]),
            (RecuperationApplicationStatus.Selected, RecuperationApplicationAction.RecordAbsence) => (RecuperationApplicationStatus.Absent, [Started(started, context)]),
            (RecuperationApplicationStatus.Applied or RecuperationApplicationStatus.Recommended or RecuperationApplicationStatus.Selected or RecuperationApplicationStatus.Waitlisted,
                RecuperationApplicationAction.Withdraw) => (RecuperationApplicationStatus.Withdrawn, [NotStarted(started, context)]),
            _ => null,
        };

        if (move is not { } found)
        {
            return Result<RecuperationApplicationStatus?>.Fail(Text($"当前状态为“{ChineseName(state)}”，不能执行“{ChineseName(action)}”"));
        }

        var refusals = found.Refusals.OfType<string>().ToList();
        return refusals.Count > 0
            ? Result<RecuperationApplicationStatus?>.Fail(refusals)
            : Result<RecuperationApplicationStatus?>.Ok(found.To);
    }

    /// <summary>The actions accepted in <paramref name="state"/> with <paramref name="context"/>, in declaration order (for buttons).</summary>
    public static IReadOnlyList<RecuperationApplicationAction> AllowedActions(RecuperationApplicationStatus? state, RecuperationContext context) =>
        Workflow.AllowedActions<RecuperationApplicationWorkflow, RecuperationApplicationStatus?, RecuperationApplicationAction, RecuperationContext>(state, context);

    /// <summary>The status's Chinese name; “未申请” for null.</summary>
    public static string ChineseName(RecuperationApplicationStatus? status) => status switch
    {
        null => "未申请",
        RecuperationApplicationStatus.Applied => "已申请",
        RecuperationApplicationStatus.Recommended => "单位已推荐",
        RecuperationApplicationStatus.NotRecommended => "单位未推荐",
        RecuperationApplicationStatus.Selected => "入选",
        RecuperationApplicationStatus.Waitlisted => "候补",
        RecuperationApplicationStatus.NotSelected => "未入选",
        RecuperationApplicationStatus.Attended => "已参加",
        RecuperationApplicationStatus.Absent => "未参加",
        RecuperationApplicationStatus.Withdrawn => "已撤回",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The action's Chinese name (button text).</summary>
    public static string ChineseName(RecuperationApplicationAction action) => action switch
    {
        RecuperationApplicationAction.Apply => "申请",
        RecuperationApplicationAction.Nominate => "单位推荐（直接提名）",
        RecuperationApplicationAction.Recommend => "单位推荐",
        RecuperationApplicationAction.DeclineRecommendation => "单位不推荐",
        RecuperationApplicationAction.Select => "确定入选",
        RecuperationApplicationAction.Waitlist => "列为候补",
        RecuperationApplicationAction.NotSelect => "确定未入选",
        RecuperationApplicationAction.PromoteFromWaitlist => "候补递补",
        RecuperationApplicationAction.RecordAttendance => "登记已参加",
        RecuperationApplicationAction.RecordAbsence => "登记未参加",
        RecuperationApplicationAction.Withdraw => "撤回申请",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static string? Open(bool open, RecuperationContext c) =>
        open ? null : Text($"报名已于{Format(c.ApplicationsCloseOn)}截止");

    private static string? Closed(bool open, RecuperationContext c) =>
        open ? Text($"报名截止日为{Format(c.ApplicationsCloseOn)}，截止后方可遴选") : null;

    private static string? NotStarted(bool started, RecuperationContext c) =>
        started ? Text($"活动已于{Format(c.StartsOn)}开始") : null;

    private static string? Started(bool started, RecuperationContext c) =>
        started ? null : Text($"活动自{Format(c.StartsOn)}开始，开始后方可登记参加情况");

    private static string? Places(bool placesLeft, RecuperationContext c) =>
        placesLeft ? null : Text($"名额{c.Quota}人已满");

    private static string? ReasonGiven(RecuperationContext c) =>
        (c.Reason?.Trim().Length ?? 0) >= MinimumReasonLength ? null : Text($"单位不推荐须填写理由（不少于{MinimumReasonLength}个字）");
}
