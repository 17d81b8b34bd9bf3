using Gongjiang.Core.Common;
using Gongjiang.Core.Skills;
using Gongjiang.Core.Wages;

namespace Gongjiang.Core.Tests.Wages;

public sealed class WageSchemesTests
{
    private static readonly HashSet<int> AllYear = [.. Enumerable.Range(1, 12)];

    private static WorkerWageYear Worker(DateOnly serviceStart, HashSet<int>? months = null, HashSet<int>? specialPost = null, Dictionary<int, int>? apprentices = null, SkillLevel? level = SkillLevel.Technician) =>
        new(2026, serviceStart, months ?? AllYear, specialPost ?? [], apprentices ?? [], level);

    private static SeniorityWageScheme Scheme(int start = 3, long stepYuan = 50, long? capYuan = 500) =>
        new(start, new Money(stepYuan * 100), capYuan is { } c ? new Money(c * 100) : null, new DateOnly(2020, 1, 1), null);

    [Theory]
    // 三(三) 年资起加点和工资级差: 起加点 3 years, 50元 a year, cap 500元 a month
    [InlineData(2, 0)] // 2 full years all year: below 起加点
    [InlineData(3, 50)] // 3 years: first step
    [InlineData(5, 150)]
    [InlineData(12, 500)] // 10 steps = 500: at the cap
    [InlineData(30, 500)] // capped
    public void Seniority_pay_per_month_follows_start_step_and_cap(int years, long monthlyYuan)
    {
        Assert.Equal(new Money(monthlyYuan * 100), Scheme().MonthlyAmount(years));
    }

    [Fact]
    public void A_year_counts_each_month_with_the_years_completed_on_its_first_day()
    {
        // Started 2023-07-15: 2 years until 2026-07-14, 3 years from then; the step starts in August (first day after the anniversary).
        var decision = WageSchemes.Entitlement([Scheme()], [], Worker(new DateOnly(2023, 7, 15)));

        Assert.Equal(new Money(5 * 50 * 100), decision.Outcome.SeniorityPay); // Aug–Dec
        Assert.Contains("计发5个月，应发250.00元", decision.Rules.Single(r => r.RuleId == "3.3-seniority").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scheme_change_mid_year_applies_from_its_date()
    {
        var old = Scheme() with { EffectiveTo = new DateOnly(2026, 7, 1) };
        var raised = Scheme(stepYuan: 80) with { EffectiveFrom = new DateOnly(2026, 7, 1) };

        var decision = WageSchemes.Entitlement([old, raised], [], Worker(new DateOnly(2016, 1, 1)));

        // 10 years of service all year: 8 steps; 6 months × 400 + 6 months × 500 (640 capped at 500)
        Assert.Equal(new Money(((6 * 400) + (6 * 500)) * 100), decision.Outcome.SeniorityPay);
    }

    [Fact]
    public void Allowances_follow_their_conditions()
    {
        // 三(三) 特聘岗位津贴 (1000元/月 for 技师 and above in the post) and 带徒津贴 (200元 per apprentice a month, at most 3)
        var special = new AllowanceScheme("sp", AllowanceKind.SpecialPost, "特聘岗位津贴", new Money(100_000), SkillLevel.Technician, false, 0, null, new DateOnly(2020, 1, 1), null);
        var mentor = new AllowanceScheme("mt", AllowanceKind.Mentoring, "带徒津贴", new Money(20_000), null, true, 1, 3, new DateOnly(2020, 1, 1), null);
        var worker = Worker(new DateOnly(2010, 1, 1), specialPost: [1, 2, 3, 4, 5, 6], apprentices: new() { [1] = 2, [2] = 5, [12] = 1 });

        var due = WageSchemes.Entitlement([], [special, mentor], worker).Outcome;
        var lowLevel = WageSchemes.Entitlement([], [special, mentor], worker with { Level = SkillLevel.Senior }).Outcome;

        Assert.Equal(new Money(600_000), due.SpecialPostAllowance);
        Assert.Equal(new Money((2 + 3 + 1) * 20_000), due.MentorAllowance);
        Assert.Equal(Money.Zero, lowLevel.SpecialPostAllowance);
    }

    [Fact]
    public void A_report_paying_less_than_the_enterprises_own_scheme_is_flagged()
    {
        var due = new WageEntitlement(new Money(600_000), new Money(1_200_000), Money.Zero);
        var row = new WageReportRow("p1", StaffCategory.HighSkill, null, true, null, SkillLevel.Technician, 12,
            new Money(15_000_000), new Money(8_000_000), new Money(4_000_000), new Money(1_200_000), new Money(1_200_000), Money.Zero, new Money(480_000));

        var decision = WageSchemes.CheckReport(row, due, 2026);

        Assert.False(decision.Outcome);
        var failed = Assert.Single(decision.Failed);
        Assert.Equal("年资工资实发4,800.00元，低于本企业制度应发6,000.00元（差1,200.00元）", failed.Reason);
    }

    [Fact]
    public void Months_not_employed_earn_nothing()
    {
        var decision = WageSchemes.Entitlement([Scheme()], [], Worker(new DateOnly(2010, 1, 1), months: [1, 2, 3]));

        Assert.Equal(new Money(3 * 500 * 100), decision.Outcome.SeniorityPay);
    }
}
