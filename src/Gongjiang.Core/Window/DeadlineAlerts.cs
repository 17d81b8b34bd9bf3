using System.Globalization;
using Gongjiang.Core.Calendar;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Window;

/// <summary>How an open request (or task) stands against its deadline on a day. Stored in alerts; never renumber.</summary>
public enum DeadlineState
{
    /// <summary>正常: more than the warning days left.</summary>
    OnTrack = 1,
    /// <summary>即将到期: the due date is at most the warning days away (including the due date itself).</summary>
    DueSoon = 2,
    /// <summary>已逾期: the due date has passed.</summary>
    Overdue = 3,
    /// <summary>暂停计时: in 补正, waiting for the applicant.</summary>
    Paused = 4,
}

/// <summary>The state of a deadline on a day, with what to show.</summary>
/// <param name="State">The state.</param>
/// <param name="WorkingDaysLeft">Working days after the day asked about up to the due date (0 on the due date); null when paused or overdue.</param>
/// <param name="OverdueWorkingDays">Working days after the due date up to the day asked about; null unless overdue.</param>
/// <param name="Text">In Chinese, e.g. “即将到期：距到期日2025年10月24日还有2个工作日”, “已逾期3个工作日（到期日2025年10月24日）”.</param>
public sealed record DeadlineAlert(DeadlineState State, int? WorkingDaysLeft, int? OverdueWorkingDays, string Text);

/// <summary>The parameters of warning and escalation (local choices, kept configurable).</summary>
/// <param name="WarningWorkingDays">Warn when the due date is this many working days away or fewer (default 2).</param>
/// <param name="RepeatEscalationEveryWorkingDays">While still overdue, escalate again after this many working days (default 5).</param>
public sealed record AlertPolicy(int WarningWorkingDays = 2, int RepeatEscalationEveryWorkingDays = 5)
{
    /// <summary>Warn 2 working days ahead; escalate again every 5 working days.</summary>
    public static AlertPolicy Default { get; } = new();
}

/// <summary>
/// Warnings before the due date, overdue, and escalation (督办) to the supervisor, as pure functions of the dates — the
/// daily job calls them and stores what it did, so running it twice on one day (or after a restart) escalates once.
/// Sources: policy 七 “加强督查检查，…推动各项政策措施落到实处”; 政务服务 practice of 预警 before a time limit and 督办
/// of overdue matters (《优化营商环境条例》, 国务院令第722号, chapter 政务服务: published time limits; the article numbers
/// were not checked here). The warning and repeat intervals are local choices (<see cref="AlertPolicy"/>).
/// </summary>
public static class DeadlineAlerts
{
    /// <summary>“正常”, “即将到期”, “已逾期”, “暂停计时” (for badges and filters).</summary>
    public static string ChineseName(DeadlineState state) => state switch
    {
        DeadlineState.OnTrack => "正常",
        DeadlineState.DueSoon => "即将到期",
        DeadlineState.Overdue => "已逾期",
        DeadlineState.Paused => "暂停计时",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The deadline's state on <paramref name="asOf"/>.</summary>
    public static DeadlineAlert Evaluate(WorkingDayCalendar calendar, Deadline deadline, DateOnly asOf, AlertPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(deadline);
        policy ??= AlertPolicy.Default;
        if (deadline.DueOn is not { } due)
        {
            return new DeadlineAlert(DeadlineState.Paused, null, null, Invariant(
                $"暂停计时：补正中，尚余{deadline.RemainingWorkingDays}个工作日，收到补正材料之日起恢复计时"));
        }

        if (asOf > due)
        {
            var overdue = WorkingDays.CountWorkingDays(calendar, due, asOf).GetValueOrThrow().WorkingDays;
            var text = overdue == 0
                ? Invariant($"已逾期（到期日{WorkingDays.Format(due)}已过）")
                : Invariant($"已逾期{overdue}个工作日（到期日{WorkingDays.Format(due)}）");
            return new DeadlineAlert(DeadlineState.Overdue, null, overdue, deadline.Paused ? text + "，补正中" : text);
        }

        if (deadline.Paused)
        {
            return new DeadlineAlert(DeadlineState.Paused, null, null, "暂停计时：补正中，收到补正材料之日起恢复计时");
        }

        var left = WorkingDays.CountWorkingDays(calendar, asOf, due).GetValueOrThrow().WorkingDays;
        if (left <= policy.WarningWorkingDays)
        {
            return new DeadlineAlert(DeadlineState.DueSoon, left, null, left == 0
                ? Invariant($"即将到期：今日（{WorkingDays.Format(due)}）到期")
                : Invariant($"即将到期：距到期日{WorkingDays.Format(due)}还有{left}个工作日"));
        }

        return new DeadlineAlert(DeadlineState.OnTrack, left, null, Invariant($"正常：距到期日{WorkingDays.Format(due)}还有{left}个工作日"));
    }

    /// <summary>
    /// Whether to escalate (督办) on <paramref name="asOf"/>: an overdue deadline not paused for 补正 is escalated to the
    /// supervisor on the first day it is overdue, and again every <see cref="AlertPolicy.RepeatEscalationEveryWorkingDays"/>
    /// working days while it stays overdue (counted from the last escalation).
    /// </summary>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="deadline">The request's (committed) deadline as of <paramref name="asOf"/>.</param>
    /// <param name="asOf">The day of the scan.</param>
    /// <param name="lastEscalatedOn">The day of the last escalation, null if none.</param>
    /// <param name="policy">The repeat interval.</param>
    /// <returns>True with the reason to escalate (round 1 = 督办, later = 再次督办); false with why not.</returns>
    public static Decision<bool> Escalation(WorkingDayCalendar calendar, Deadline deadline, DateOnly asOf, DateOnly? lastEscalatedOn, AlertPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(deadline);
        policy ??= AlertPolicy.Default;
        const string RuleId = "window-escalate-overdue";
        const string Citation = "《关于提高技术工人待遇的意见》七（加强督查检查）";

        Decision<bool> No(string reason) => new(false, asOf, [new RuleOutcome(RuleId, false, reason, Citation)]);

        if (deadline.DueOn is not { } due || asOf <= due)
        {
            return No("未逾期，无需督办");
        }

        if (deadline.Paused)
        {
            return No("补正中（等待申请人补正材料），暂不督办");
        }

        var overdue = WorkingDays.CountWorkingDays(calendar, due, asOf).GetValueOrThrow().WorkingDays;
        if (lastEscalatedOn is not { } last)
        {
            return new Decision<bool>(true, asOf, [new RuleOutcome(RuleId, true, Invariant(
                $"已超过到期日{WorkingDays.Format(due)}（逾期{overdue}个工作日），提请督查人员督办"), Citation)]);
        }

        var since = last >= asOf ? 0 : WorkingDays.CountWorkingDays(calendar, last, asOf).GetValueOrThrow().WorkingDays;
        return since >= policy.RepeatEscalationEveryWorkingDays
            ? new Decision<bool>(true, asOf, [new RuleOutcome(RuleId, true, Invariant(
                $"{WorkingDays.Format(last)}督办后仍未办结（逾期{overdue}个工作日），再次督办"), Citation)])
            : No(Invariant($"已于{WorkingDays.Format(last)}督办，{policy.RepeatEscalationEveryWorkingDays}个工作日内不重复督办"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A deadline and when the matter was closed, for statistics.</summary>
/// <param name="DueOn">The (committed) due date; null while paused in 补正 before it was known.</param>
/// <param name="ClosedOn">The day it was closed (办结); null while open.</param>
public readonly record struct DeadlineOutcome(DateOnly? DueOn, DateOnly? ClosedOn);

/// <summary>
/// On-time counts: closed by the due date (inclusive) or late; open and already overdue, open within the limit, open and
/// paused. <see cref="OnTimeRate"/> = on time ÷ closed (按时办结率), null when nothing is closed.
/// </summary>
public sealed record OnTimeSummary(int ClosedOnTime, int ClosedLate, int OpenOverdue, int OpenWithinLimit, int OpenPaused)
{
    public int Closed => ClosedOnTime + ClosedLate;

    public int Open => OpenOverdue + OpenWithinLimit + OpenPaused;

    /// <summary>On time ÷ closed, rounded to four decimals (0.9167 = 91.67%); null when nothing is closed.</summary>
    public decimal? OnTimeRate => Closed == 0 ? null : Math.Round((decimal)ClosedOnTime / Closed, 4, MidpointRounding.AwayFromZero);
}

/// <summary>On-time statistics (按时办结率) by window, department or item, for the supervisor's dashboards (policy 七 督查检查).</summary>
public static class OnTimeStatistics
{
    /// <summary>
    /// The counts on <paramref name="asOf"/>. A closed matter without a due date (closed while its due date was unknown)
    /// counts as on time: no limit was passed.
    /// </summary>
    public static OnTimeSummary Summarize(IEnumerable<DeadlineOutcome> outcomes, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        int onTime = 0, late = 0, overdue = 0, within = 0, paused = 0;
        foreach (var (due, closed) in outcomes)
        {
            if (closed is { } closedOn)
            {
                if (due is { } d && closedOn > d)
                {
                    late++;
                }
                else
                {
                    onTime++;
                }
            }
            else if (due is not { } d)
            {
                paused++;
            }
            else if (asOf > d)
            {
                overdue++;
            }
            else
            {
                within++;
            }
        }

        return new OnTimeSummary(onTime, late, overdue, within, paused);
    }

    /// <summary>The counts per group (window, department, item…), in the order groups first appear.</summary>
    public static IReadOnlyList<(TKey Group, OnTimeSummary Summary)> ByGroup<TKey>(IEnumerable<(TKey Group, DeadlineOutcome Outcome)> outcomes, DateOnly asOf)
        where TKey : notnull =>
        [.. outcomes.GroupBy(o => o.Group).Select(g => (g.Key, Summarize(g.Select(o => o.Outcome), asOf)))];
}
