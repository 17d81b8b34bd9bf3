using Gongjiang.Core.Common;
using Gongjiang.Core.Skills;
using Gongjiang.Core.Wages;

namespace Gongjiang.Core.Tests.Wages;

public sealed class SoePayComplianceTests
{
    private static WageReportRow Row(string person, StaffCategory category, long yuan, int months = 12, PostTier? tier = null, bool? frontline = null) =>
        new(person, category, tier, frontline, null, category == StaffCategory.HighSkill ? SkillLevel.Technician : null, months,
            new Money(yuan * 100), Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero);

    // 高技能人才 two persons, 管理人员 two persons, both years full.
    private static (WageReportRow[] Previous, WageReportRow[] Current) TwoYears(long highNow, long managerNow) =>
    (
        [Row("h1", StaffCategory.HighSkill, 100_000), Row("h2", StaffCategory.HighSkill, 100_000), Row("m1", StaffCategory.Manager, 200_000, tier: PostTier.Middle), Row("m2", StaffCategory.Manager, 200_000, tier: PostTier.Middle)],
        [Row("h1", StaffCategory.HighSkill, highNow), Row("h2", StaffCategory.HighSkill, highNow), Row("m1", StaffCategory.Manager, managerNow, tier: PostTier.Middle), Row("m2", StaffCategory.Manager, managerNow, tier: PostTier.Middle)]
    );

    [Theory]
    // 四(二): 高技能人才人均工资增幅应不低于本单位管理人员人均工资增幅
    [InlineData(105_000, 212_000, SoeComplianceOutcome.NonCompliant)] // 5% < 6%
    [InlineData(106_000, 212_000, SoeComplianceOutcome.Compliant)] // 6% = 6%: 不低于 holds
    [InlineData(110_000, 212_000, SoeComplianceOutcome.Compliant)] // 10% > 6%
    [InlineData(95_000, 180_000, SoeComplianceOutcome.Compliant)] // −5% ≥ −10%
    public void High_skill_growth_is_not_below_managers_growth(long highNow, long managerNow, SoeComplianceOutcome outcome)
    {
        var (previous, current) = TwoYears(highNow, managerNow);

        var decision = SoePayCompliance.Evaluate(2024, true, current, previous, ComparablePopulation.FullYearStaff, SoePayRules.Default);

        Assert.Equal(outcome, decision.Outcome.Outcome);
        var comparison = Assert.Single(decision.Outcome.Comparisons);
        Assert.Equal("4.2-high-skill-vs-managers", comparison.RuleId);
    }

    [Fact]
    public void The_comparison_lists_the_values_it_used()
    {
        var (previous, current) = TwoYears(105_000, 212_000);

        var comparison = SoePayCompliance.Evaluate(2024, true, current, previous, ComparablePopulation.FullYearStaff, SoePayRules.Default).Outcome.Comparisons.Single();

        Assert.Equal(ComparisonStatus.Fails, comparison.Status);
        Assert.Equal(5.00m, comparison.LeftGrowthPercent);
        Assert.Equal(6.00m, comparison.RightGrowthPercent);
        Assert.Equal(new Money(10_500_000), comparison.LeftCurrent.PerCapita);
        Assert.Equal(2, comparison.RightPrevious.Persons);
        Assert.Equal("高技能人才人均工资由100,000.00元增至105,000.00元，增幅5.00%；管理人员人均工资由200,000.00元增至212,000.00元，增幅6.00%；高技能人才增幅低于管理人员，不符合规定", comparison.Reason);
    }

    [Fact]
    public void Growths_equal_beyond_display_precision_are_compared_exactly()
    {
        // 3 → 4 and 6 → 8 are both +33.33…%: equal, so 不低于 holds; one 分 less fails though both display 33.33%.
        WageReportRow[] previous = [Row("h", StaffCategory.HighSkill, 30_000), Row("m", StaffCategory.Manager, 60_000, tier: PostTier.Junior)];
        WageReportRow[] equal = [Row("h", StaffCategory.HighSkill, 40_000), Row("m", StaffCategory.Manager, 80_000, tier: PostTier.Junior)];
        var less = equal.Select(r => r.Category == StaffCategory.HighSkill ? r with { TotalPay = r.TotalPay - new Money(1) } : r).ToArray();

        Assert.Equal(SoeComplianceOutcome.Compliant, SoePayCompliance.Evaluate(2024, true, equal, previous, ComparablePopulation.FullYearStaff, SoePayRules.Default).Outcome.Outcome);
        var failing = SoePayCompliance.Evaluate(2024, true, less, previous, ComparablePopulation.FullYearStaff, SoePayRules.Default).Outcome;
        Assert.Equal(SoeComplianceOutcome.NonCompliant, failing.Outcome);
        Assert.Equal(failing.Comparisons[0].LeftGrowthPercent, failing.Comparisons[0].RightGrowthPercent);
    }

    [Fact]
    public void The_population_choice_changes_who_counts_and_is_explained()
    {
        // A manager hired in July at a high salary: with full-year staff only she is left out; with average headcount
        // she counts for 6/12 of a person.
        var (previous, current) = TwoYears(106_000, 212_000);
        WageReportRow[] withNewHire = [.. current, Row("m3", StaffCategory.Manager, 180_000, months: 6, tier: PostTier.Middle)];

        var fullYear = SoePayCompliance.Evaluate(2024, true, withNewHire, previous, ComparablePopulation.FullYearStaff, SoePayRules.Default);
        var headcount = SoePayCompliance.Evaluate(2024, true, withNewHire, previous, ComparablePopulation.AverageHeadcount, SoePayRules.Default);

        Assert.Equal(SoeComplianceOutcome.Compliant, fullYear.Outcome.Outcome); // 6% vs 6%
        Assert.Equal(SoeComplianceOutcome.NonCompliant, headcount.Outcome.Outcome); // managers: 604,000 ÷ 2.5 = 241,600 (+20.8%)
        Assert.Equal(new Money(24_160_000), headcount.Outcome.Comparisons[0].RightCurrent.PerCapita);
        Assert.StartsWith("全年在岗可比人员口径", fullYear.Outcome.PopulationExplanation, StringComparison.Ordinal);
        Assert.StartsWith("平均人数口径", headcount.Outcome.PopulationExplanation, StringComparison.Ordinal);
        Assert.Contains(fullYear.Rules, r => r.RuleId == "4.2-population");
    }

    [Fact]
    public void Full_year_staff_excludes_people_who_changed_category()
    {
        // h2 was promoted from 其他技能人员 to 高技能人才: not comparable, so only h1 counts.
        var (previous, current) = TwoYears(106_000, 212_000);
        previous[1] = Row("h2", StaffCategory.OtherSkilled, 60_000);

        var result = SoePayCompliance.Evaluate(2024, true, current, previous, ComparablePopulation.FullYearStaff, SoePayRules.Default).Outcome;

        Assert.Equal(1, result.Comparisons[0].LeftCurrent.Persons);
    }

    [Theory]
    // the rule applies only to 中央企业 and 地方国有企业
    [InlineData(false, SoeComplianceOutcome.NotApplicable)]
    [InlineData(true, SoeComplianceOutcome.NonCompliant)]
    public void Only_state_owned_enterprises_are_checked(bool stateOwned, SoeComplianceOutcome outcome)
    {
        var (previous, current) = TwoYears(105_000, 212_000);

        Assert.Equal(outcome, SoePayCompliance.Evaluate(2024, stateOwned, current, previous, ComparablePopulation.FullYearStaff, SoePayRules.Default).Outcome.Outcome);
    }

    [Fact]
    public void Without_managers_the_result_is_indeterminate_and_says_why()
    {
        var (previous, current) = TwoYears(105_000, 212_000);

        var result = SoePayCompliance.Evaluate(2024, true, current[..2], previous[..2], ComparablePopulation.FullYearStaff, SoePayRules.Default).Outcome;

        Assert.Equal(SoeComplianceOutcome.Indeterminate, result.Outcome);
        Assert.Equal("高技能人才与管理人员人均工资增幅无法比较：上年无管理人员数据，本年无管理人员数据", result.Comparisons[0].Reason);
    }

    [Theory]
    // 2018 意见 from 2018 (2018 vs 2017); the 2025 notice's finer comparisons from its date [M]
    [InlineData(2017, 0)]
    [InlineData(2018, 1)]
    [InlineData(2024, 1)]
    [InlineData(2025, 5)]
    public void Rules_apply_by_the_report_year(int year, int rulesApplied)
    {
        var (previous, current) = TwoYears(106_000, 212_000);

        var result = SoePayCompliance.Evaluate(year, true, current, previous, ComparablePopulation.FullYearStaff, SoePayRules.Default).Outcome;

        Assert.Equal(rulesApplied, result.Comparisons.Select(c => c.RuleId).Distinct().Count());
    }

    [Fact]
    public void The_2025_notice_compares_front_line_skilled_staff_with_managers_at_the_same_level()
    {
        // 中层: front-line skilled +3%, managers +6% → fails; 基层: front-line +8%, managers +6% → holds.
        WageReportRow[] previous =
        [
            Row("s1", StaffCategory.OtherSkilled, 100_000, tier: PostTier.Middle, frontline: true), Row("m1", StaffCategory.Manager, 200_000, tier: PostTier.Middle),
            Row("s2", StaffCategory.OtherSkilled, 50_000, tier: PostTier.Junior, frontline: true), Row("m2", StaffCategory.Manager, 100_000, tier: PostTier.Junior),
        ];
        WageReportRow[] current =
        [
            Row("s1", StaffCategory.OtherSkilled, 103_000, tier: PostTier.Middle, frontline: true), Row("m1", StaffCategory.Manager, 212_000, tier: PostTier.Middle),
            Row("s2", StaffCategory.OtherSkilled, 54_000, tier: PostTier.Junior, frontline: true), Row("m2", StaffCategory.Manager, 106_000, tier: PostTier.Junior),
        ];
        var rules = SoePayRules.Default.Where(r => r.Kind == SoeComparisonKind.FrontlineSkilledVsManagersSameTier).ToList();

        var result = SoePayCompliance.Evaluate(2025, true, current, previous, ComparablePopulation.FullYearStaff, rules).Outcome;

        Assert.Equal(SoeComplianceOutcome.NonCompliant, result.Outcome);
        Assert.Equal([(PostTier.Middle, ComparisonStatus.Fails), (PostTier.Junior, ComparisonStatus.Holds)], result.Comparisons.Select(c => (c.Tier!.Value, c.Status)));
        Assert.StartsWith("中层一线技能人才人均工资", result.Comparisons[0].Reason, StringComparison.Ordinal);
    }
}
