using Gongjiang.Core.Common;

namespace Gongjiang.Core.Publication;

/// <summary>Where a publication stands. The int values are stored; never renumber them.</summary>
public enum PublicationStatus
{
    /// <summary>草稿: prepared by a clerk, visible to no one outside the office.</summary>
    Draft = 1,
    /// <summary>公示中: proposed additions are shown publicly and objections (异议) may be filed.</summary>
    Notice = 2,
    /// <summary>已公布: approved by a second person (复核); immutable and public.</summary>
    Published = 3,
}

/// <summary>What a clerk does to a publication; <see cref="PublicationWorkflow.Transition"/> says when.</summary>
public enum PublicationAction
{
    /// <summary>开始公示: draft → notice.</summary>
    StartNotice = 1,
    /// <summary>复核公布: notice → published, by a second person after the period with every objection decided.</summary>
    Approve = 2,
    /// <summary>撤回公示: notice → draft, with a reason; the additions stop being public.</summary>
    WithdrawNotice = 3,
}

/// <summary>What <see cref="PublicationWorkflow.Transition"/> needs to know besides the state.</summary>
/// <param name="Today">China Standard Time date of the step.</param>
/// <param name="NoticeEndsOn">Last day of the notice period, once started.</param>
/// <param name="UndecidedObjections">Objections still without a decision.</param>
/// <param name="PreparedBy">The user id of the clerk who prepared the list.</param>
/// <param name="Actor">The user id of the clerk taking the step.</param>
/// <param name="Reason">The reason given (required to withdraw a notice).</param>
public sealed record PublicationContext(DateOnly Today, DateOnly? NoticeEndsOn, int UndecidedObjections, string PreparedBy, string Actor, string? Reason = null);

/// <summary>The decision on an objection.</summary>
public enum ObjectionDecision
{
    /// <summary>异议成立: the entry is taken off the publication.</summary>
    Upheld = 1,
    /// <summary>异议不成立.</summary>
    Rejected = 2,
}

/// <summary>
/// The rules of a publication's way from draft to published. Chinese practice for lists of recognised persons (公示
/// 制度): new entries are shown publicly for a notice period during which anyone may object; every objection is
/// decided before the list becomes final; a second person approves (复核, the 双人复核 of government work).
/// </summary>
public sealed class PublicationWorkflow : IWorkflow<PublicationStatus, PublicationAction, PublicationContext>
{
    /// <summary>The shortest reason accepted for an irreversible or public step (撤回公示, 异议成立, 移出…).</summary>
    public const int MinimumReasonLength = 5;

    private PublicationWorkflow()
    {
    }

    /// <summary>The state after <paramref name="action"/>, or the reasons it is refused.</summary>
    public static Result<PublicationStatus> Transition(PublicationStatus state, PublicationAction action, PublicationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (action)
        {
            case PublicationAction.StartNotice:
                return CanStartNotice(state) is { } refused ? Result<PublicationStatus>.Fail(refused) : Result<PublicationStatus>.Ok(PublicationStatus.Notice);
            case PublicationAction.Approve:
                var refusals = CanApprove(state, context.NoticeEndsOn, context.Today, context.UndecidedObjections, context.PreparedBy, context.Actor);
                return refusals.Count > 0 ? Result<PublicationStatus>.Fail(refusals) : Result<PublicationStatus>.Ok(PublicationStatus.Published);
            case PublicationAction.WithdrawNotice:
                if (state != PublicationStatus.Notice)
                {
                    return Result<PublicationStatus>.Fail($"只有公示中的名单可以撤回公示（当前状态：{ChineseName(state)}）");
                }

                return (context.Reason?.Trim().Length ?? 0) < MinimumReasonLength
                    ? Result<PublicationStatus>.Fail($"撤回公示须填写理由（不少于{MinimumReasonLength}个字）")
                    : Result<PublicationStatus>.Ok(PublicationStatus.Draft);
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    /// <summary>The actions accepted in <paramref name="state"/> with <paramref name="context"/>.</summary>
    public static IReadOnlyList<PublicationAction> AllowedActions(PublicationStatus state, PublicationContext context) =>
        Workflow.AllowedActions<PublicationWorkflow, PublicationStatus, PublicationAction, PublicationContext>(state, context);

    /// <summary>Default length of the 公示期 in working days (configurable per deployment).</summary>
    public const int DefaultNoticeWorkingDays = 5;

    public static string ChineseName(PublicationStatus status) => status switch
    {
        PublicationStatus.Draft => "草稿",
        PublicationStatus.Notice => "公示中",
        _ => "已公布",
    };

    public static string ChineseName(ObjectionDecision decision) => decision == ObjectionDecision.Upheld ? "异议成立" : "异议不成立";

    /// <summary>Starting the notice period: only a draft.</summary>
    public static string? CanStartNotice(PublicationStatus status) =>
        status == PublicationStatus.Draft ? null : $"只有草稿可以开始公示（当前状态：{ChineseName(status)}）";

    /// <summary>Filing an objection: during the notice period, up to and including its last day.</summary>
    public static string? CanObject(PublicationStatus status, DateOnly? noticeEndsOn, DateOnly today)
    {
        if (status != PublicationStatus.Notice || noticeEndsOn is null)
        {
            return "该名单不在公示期内，不能提出异议";
        }

        return today > noticeEndsOn ? $"公示期已于{noticeEndsOn:yyyy年M月d日}结束，不能再提出异议" : null;
    }

    /// <summary>Deciding an objection: while the publication is in its notice status (also after the period ended).</summary>
    public static string? CanDecide(PublicationStatus status, ObjectionDecision? existing)
    {
        if (existing is not null)
        {
            return "该异议已作出处理决定，不能更改";
        }

        return status == PublicationStatus.Notice ? null : "只有公示中的名单可以处理异议";
    }

    /// <summary>
    /// Approving (复核通过) and so publishing: the notice period is over, every objection is decided, and the approver is
    /// not the person who prepared the list.
    /// </summary>
    public static IReadOnlyList<string> CanApprove(PublicationStatus status, DateOnly? noticeEndsOn, DateOnly today, int undecidedObjections, string preparedBy, string approver)
    {
        var errors = new List<string>();
        if (status != PublicationStatus.Notice || noticeEndsOn is null)
        {
            errors.Add($"只有公示期满的名单可以复核公布（当前状态：{ChineseName(status)}）");
            return errors;
        }

        if (today <= noticeEndsOn)
        {
            errors.Add($"公示期至{noticeEndsOn:yyyy年M月d日}，期满后方可复核公布");
        }

        if (undecidedObjections > 0)
        {
            errors.Add($"还有{undecidedObjections}件异议未处理，处理后方可复核公布");
        }

        if (string.Equals(preparedBy, approver, StringComparison.Ordinal))
        {
            errors.Add("复核须由编制人以外的另一名经办人进行");
        }

        return errors;
    }

    /// <summary>
    /// The last day of the notice period: <paramref name="workingDays"/> working days after the day it starts, on the
    /// Chinese working-day calendar. Days in a year whose holiday arrangement (国务院办公厅节假日安排通知) is not yet in
    /// the calendar count Monday to Friday; the end date is then provisional and says so.
    /// </summary>
    public static (DateOnly EndsOn, bool Provisional) NoticeEndsOn(Calendar.WorkingDayCalendar calendar, DateOnly startsOn, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var day = startsOn;
        var provisional = false;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            bool working;
            if (calendar.Covers(day))
            {
                working = calendar.IsWorkingDay(day);
            }
            else
            {
                provisional = true;
                working = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            }

            if (working)
            {
                counted++;
            }
        }

        return (day, provisional);
    }
}
