using Gongjiang.Core.Calendar;
using Gongjiang.Core.Common;
using Gongjiang.Core.Skills;
using Gongjiang.Core.Wages;

namespace Gongjiang.Core.Tests.Wages;

public sealed class RectificationWorkflowTests
{
    private static readonly DateOnly Day = new(2026, 4, 1);

    private static Decision<SoeComplianceResult> Finding(long highNow)
    {
        static WageReportRow Row(string p, StaffCategory c, long yuan) =>
            new(p, c, c == StaffCategory.Manager ? PostTier.Middle : null, null, null, c == StaffCategory.HighSkill ? SkillLevel.Senior : null, 12,
                new Money(yuan * 100), Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero);
        WageReportRow[] previous = [Row("h", StaffCategory.HighSkill, 100_000), Row("m", StaffCategory.Manager, 200_000)];
        WageReportRow[] current = [Row("h", StaffCategory.HighSkill, highNow), Row("m", StaffCategory.Manager, 220_000)];
        return SoePayCompliance.Evaluate(2025, true, current, previous, ComparablePopulation.FullYearStaff, [SoePayRules.Default[0]]);
    }

    [Fact]
    public void A_case_opens_on_a_failed_check_and_closes_with_evidence()
    {
        // 四(二) non-compliance → 已立案 → 整改中 → 已整改（证据）→ 结案
        RectificationStatus? state = null;
        state = Step(state, RectificationAction.Open, new(Day, "sasac", Finding: Finding(105_000)));
        state = Step(state, RectificationAction.StartRectification, new(Day, "employer"));
        var noEvidence = RectificationWorkflow.Transition(state, RectificationAction.SubmitEvidence, new(Day, "employer", "已调整分配方案"));
        Assert.Equal("须上传整改证据（如调整后的工资分配方案、补发工资凭证）", noEvidence.Error);
        state = Step(state, RectificationAction.SubmitEvidence, new(Day, "employer", "已补发高技能人才工资并调整2026年分配方案", 2));
        state = Step(state, RectificationAction.Close, new(Day, "sasac", "整改到位，予以结案"));

        Assert.Equal(RectificationStatus.Closed, state);
    }

    [Fact]
    public void A_compliant_check_opens_no_case()
    {
        var result = RectificationWorkflow.Transition(null, RectificationAction.Open, new(Day, "sasac", Finding: Finding(120_000)));

        Assert.Equal("只有工资增幅核查结果为不符合的国有企业才能立案整改", result.Error);
    }

    [Theory]
    // the enterprise explains; the department accepts (结案) or requires rectification
    [InlineData(RectificationAction.AcceptExplanation, RectificationStatus.Closed)]
    [InlineData(RectificationAction.RequireRectification, RectificationStatus.Rectifying)]
    public void An_explanation_is_accepted_or_rectification_required(RectificationAction action, RectificationStatus next)
    {
        var explained = Step(RectificationStatus.Opened, RectificationAction.Explain, new(Day, "employer", "上年管理人员增幅含一次性任期激励"));

        Assert.Equal(next, Step(explained, action, new(Day, "sasac", "经核查情况属实或不属实")));
    }

    [Fact]
    public void Allowed_actions_come_from_the_transition()
    {
        var context = new RectificationContext(Day, "x", "足够长的说明文字", 1);

        Assert.Equal([RectificationAction.Explain, RectificationAction.StartRectification], RectificationWorkflow.AllowedActions(RectificationStatus.Opened, context));
        Assert.Equal([RectificationAction.ReturnEvidence, RectificationAction.Close], RectificationWorkflow.AllowedActions(RectificationStatus.Rectified, context));
        Assert.Empty(RectificationWorkflow.AllowedActions(RectificationStatus.Closed, context));
    }

    [Fact]
    public void The_deadline_counts_working_days_and_an_open_case_becomes_overdue_after_it()
    {
        // Opened 2026-09-25 with 10 working days: 国庆 2026-10-01…07 skipped, Saturday 2026-10-10 is a 调休 working day
        var (deadline, provisional) = RectificationWorkflow.Deadline(WorkingDayCalendar.China, new DateOnly(2026, 9, 25), 10);

        Assert.False(provisional);
        Assert.Equal(new DateOnly(2026, 10, 15), deadline);
        Assert.False(RectificationWorkflow.IsOverdue(RectificationStatus.Rectifying, deadline, deadline));
        Assert.True(RectificationWorkflow.IsOverdue(RectificationStatus.Rectifying, deadline, deadline.AddDays(1)));
        Assert.False(RectificationWorkflow.IsOverdue(RectificationStatus.Closed, deadline, deadline.AddDays(30)));
    }

    private static RectificationStatus? Step(RectificationStatus? state, RectificationAction action, RectificationContext context)
    {
        var result = RectificationWorkflow.Transition(state, action, context);
        Assert.True(result.IsValid, result.Error);
        return result.Value;
    }
}
