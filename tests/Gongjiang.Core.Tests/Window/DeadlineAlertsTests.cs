using System.Globalization;
using Gongjiang.Core.Calendar;
using Gongjiang.Core.Window;

namespace Gongjiang.Core.Tests.Window;

/// <summary>
/// Warnings (即将到期), overdue and 督办 as functions of the dates (policy 七: 加强督查检查). The deadline used: accepted
/// 2025-09-24, 10 working days, 补正 from 9月30日 to 10月10日 across 国庆节 (国办发明电〔2024〕12号 六) → due 2025-10-16 (周四).
/// </summary>
public sealed class DeadlineAlertsTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.China;

    private static Deadline DueOctober16(string asOf) =>
        Deadlines.Compute(China, new TimeLimit(TimeLimitKind.Committed, 10), Day("2025-09-24"), [new Suspension(Day("2025-09-30"), Day("2025-10-10"))], Day(asOf))
            .GetValueOrThrow();

    [Theory]
    // 10月10日: 11日 周六调休上班, 13日, 14日, 15日, 16日 → 5 left.
    [InlineData("2025-10-10", DeadlineState.OnTrack, 5, null, "正常：距到期日2025年10月16日还有5个工作日")]
    // Two working days before (the default warning): 15日, 16日.
    [InlineData("2025-10-14", DeadlineState.DueSoon, 2, null, "即将到期：距到期日2025年10月16日还有2个工作日")]
    [InlineData("2025-10-13", DeadlineState.OnTrack, 3, null, "正常：距到期日2025年10月16日还有3个工作日")]
    [InlineData("2025-10-16", DeadlineState.DueSoon, 0, null, "即将到期：今日（2025年10月16日）到期")]
    [InlineData("2025-10-17", DeadlineState.Overdue, null, 1, "已逾期1个工作日（到期日2025年10月16日）")]
    // Saturday 25日: 17日 and 20日–24日 are the working days past the Thursday due date.
    [InlineData("2025-10-25", DeadlineState.Overdue, null, 6, "已逾期6个工作日（到期日2025年10月16日）")]
    public void Evaluate_warns_two_working_days_ahead_and_flags_overdue(string asOf, DeadlineState state, int? left, int? overdue, string text)
    {
        var alert = DeadlineAlerts.Evaluate(China, DueOctober16(asOf), Day(asOf));

        Assert.Equal(new DeadlineAlert(state, left, overdue, text), alert);
        Assert.StartsWith(DeadlineAlerts.ChineseName(state), alert.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Overdue_on_a_weekend_right_after_the_due_date_counts_no_working_day()
    {
        // Due Friday 2025-03-07 (3 working days after Tuesday 4日); Saturday 8日 is past it.
        var deadline = Deadlines.Compute(China, new TimeLimit(TimeLimitKind.Committed, 3), Day("2025-03-04"), [], Day("2025-03-08")).GetValueOrThrow();

        var alert = DeadlineAlerts.Evaluate(China, deadline, Day("2025-03-08"));

        Assert.Equal(new DeadlineAlert(DeadlineState.Overdue, null, 0, "已逾期（到期日2025年3月7日已过）"), alert);
    }

    [Fact]
    public void A_paused_request_is_neither_due_soon_nor_overdue()
    {
        var alert = DeadlineAlerts.Evaluate(China, DueOctober16("2025-10-08"), Day("2025-10-08"));

        Assert.Equal(new DeadlineAlert(DeadlineState.Paused, null, null, "暂停计时：补正中，尚余6个工作日，收到补正材料之日起恢复计时"), alert);
    }

    [Fact]
    public void The_warning_window_is_a_parameter()
    {
        var alert = DeadlineAlerts.Evaluate(China, DueOctober16("2025-10-10"), Day("2025-10-10"), new AlertPolicy(WarningWorkingDays: 5));

        Assert.Equal(DeadlineState.DueSoon, alert.State);
    }

    [Theory]
    // Not overdue on the due date itself.
    [InlineData("2025-10-16", null, false, "未逾期，无需督办")]
    // The first day overdue: 督办.
    [InlineData("2025-10-17", null, true, "已超过到期日2025年10月16日（逾期1个工作日），提请督查人员督办")]
    // Escalated on 17日; the scan on 20日 (one working day later) does not repeat it …
    [InlineData("2025-10-20", "2025-10-17", false, "已于2025年10月17日督办，5个工作日内不重复督办")]
    // … nor a second run the same day (after a restart).
    [InlineData("2025-10-17", "2025-10-17", false, "已于2025年10月17日督办，5个工作日内不重复督办")]
    // Five working days later (20日–24日) and still open: 再次督办.
    [InlineData("2025-10-24", "2025-10-17", true, "2025年10月17日督办后仍未办结（逾期6个工作日），再次督办")]
    public void Escalation_is_a_function_of_the_dates(string asOf, string? lastEscalated, bool escalate, string reason)
    {
        var decision = DeadlineAlerts.Escalation(China, DueOctober16(asOf), Day(asOf), lastEscalated is null ? null : Day(lastEscalated));

        Assert.Equal(escalate, decision.Outcome);
        Assert.Equal(Day(asOf), decision.AsOf);
        var rule = Assert.Single(decision.Rules);
        Assert.Equal((escalate, reason), (rule.Holds, rule.Reason));
        Assert.Equal("window-escalate-overdue", rule.RuleId);
    }

    [Fact]
    public void An_overdue_request_waiting_for_the_applicants_materials_is_not_escalated()
    {
        // Due 2025-03-06; 补正 requested on 10日 (after the due date), still open on 12日.
        var deadline = Deadlines.Compute(China, new TimeLimit(TimeLimitKind.Committed, 3), Day("2025-03-03"), [new Suspension(Day("2025-03-10"), null)], Day("2025-03-12"))
            .GetValueOrThrow();

        var decision = DeadlineAlerts.Escalation(China, deadline, Day("2025-03-12"), null);
        var alert = DeadlineAlerts.Evaluate(China, deadline, Day("2025-03-12"));

        Assert.Equal(Day("2025-03-06"), deadline.DueOn);
        Assert.False(decision.Outcome);
        Assert.Equal("补正中（等待申请人补正材料），暂不督办", decision.Rules[0].Reason);
        Assert.Equal("已逾期4个工作日（到期日2025年3月6日），补正中", alert.Text);
    }

    [Fact]
    public void On_time_statistics_count_closed_late_and_open_overdue()
    {
        var asOf = Day("2025-10-20");
        DeadlineOutcome[] outcomes =
        [
            new(Day("2025-10-16"), Day("2025-10-16")), // closed on the due date: on time
            new(Day("2025-10-16"), Day("2025-10-10")), // on time
            new(Day("2025-10-16"), Day("2025-10-17")), // late
            new(Day("2025-10-17"), null), // open, overdue on 20日
            new(Day("2025-10-20"), null), // open, due today: within the limit
            new(null, null), // open, paused in 补正
            new(null, Day("2025-10-01")), // closed while its due date was unknown: no limit passed
        ];

        var summary = OnTimeStatistics.Summarize(outcomes, asOf);

        Assert.Equal(new OnTimeSummary(ClosedOnTime: 3, ClosedLate: 1, OpenOverdue: 1, OpenWithinLimit: 1, OpenPaused: 1), summary);
        Assert.Equal(4, summary.Closed);
        Assert.Equal(3, summary.Open);
        Assert.Equal(0.75m, summary.OnTimeRate);
    }

    [Fact]
    public void On_time_statistics_by_group_keep_the_order_groups_appear()
    {
        var asOf = Day("2025-10-20");
        (string, DeadlineOutcome)[] rows =
        [
            ("住房城乡建设", new(Day("2025-10-16"), Day("2025-10-17"))),
            ("教育", new(Day("2025-10-16"), Day("2025-10-15"))),
            ("住房城乡建设", new(Day("2025-10-16"), Day("2025-10-16"))),
            ("住房城乡建设", new(Day("2025-10-16"), Day("2025-10-14"))),
        ];

        var groups = OnTimeStatistics.ByGroup(rows, asOf);

        Assert.Equal(["住房城乡建设", "教育"], groups.Select(g => g.Group));
        Assert.Equal(0.6667m, groups[0].Summary.OnTimeRate);
        Assert.Equal(1m, groups[1].Summary.OnTimeRate);
        Assert.Null(OnTimeStatistics.Summarize([], asOf).OnTimeRate);
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
