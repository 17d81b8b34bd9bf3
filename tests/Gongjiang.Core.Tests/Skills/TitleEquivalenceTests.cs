using Gongjiang.Core.Skills;

namespace Gongjiang.Core.Tests.Skills;

public sealed class TitleEquivalenceTests
{
    private static readonly IReadOnlyList<EquivalenceRule> Rules = EquivalenceRules.Default;

    [Theory]
    // 2018 engineering-track opinion: 高级工 满2年 → 助理工程师; 技师 满3年 → 工程师; 高级技师 满4年 → 高级工程师
    [InlineData(SkillLevel.Senior, "2024-06-01", TitleTier.Assistant, "2026-06-01", true)]
    [InlineData(SkillLevel.Senior, "2024-06-02", TitleTier.Assistant, "2026-06-01", false)]
    [InlineData(SkillLevel.Technician, "2023-06-01", TitleTier.Intermediate, "2026-06-01", true)]
    [InlineData(SkillLevel.Technician, "2024-01-01", TitleTier.Intermediate, "2026-06-01", false)]
    [InlineData(SkillLevel.SeniorTechnician, "2022-06-01", TitleTier.AssociateSenior, "2026-06-01", true)]
    [InlineData(SkillLevel.SeniorTechnician, "2023-06-01", TitleTier.AssociateSenior, "2026-06-01", false)]
    // a level does not open another tier
    [InlineData(SkillLevel.Technician, "2010-01-01", TitleTier.AssociateSenior, "2026-06-01", false)]
    // before the opinion no rule is in force
    [InlineData(SkillLevel.Technician, "2010-01-01", TitleTier.Intermediate, "2018-06-01", false)]
    public void Engineering_titles_open_after_the_years_at_a_level(SkillLevel level, string obtained, TitleTier tier, string asOf, bool eligible)
    {
        var held = new Dictionary<SkillLevel, DateOnly> { [level] = Day(obtained) };

        var decision = TitleEquivalence.CheckTitleApplication(Rules, TitleSeries.Engineering, tier, held, Day(asOf));

        Assert.Equal(eligible, decision.Outcome);
    }

    [Fact]
    public void The_worker_sees_each_title_and_when_it_opens()
    {
        var held = new Dictionary<SkillLevel, DateOnly> { [SkillLevel.Senior] = new(2019, 5, 1), [SkillLevel.Technician] = new(2024, 9, 1) };

        var options = TitleEquivalence.TitlesFor(Rules, TitleSeries.Engineering, held, new DateOnly(2026, 6, 1)).Outcome;

        Assert.Equal(["工程师", "助理工程师"], options.Select(o => o.Name));
        Assert.Equal(new DateOnly(2027, 9, 1), options[0].EligibleOn);
        Assert.False(options[0].EligibleNow);
        Assert.True(options[1].EligibleNow);
    }

    [Fact]
    public void An_application_before_the_years_is_refused_with_the_shortfall()
    {
        var held = new Dictionary<SkillLevel, DateOnly> { [SkillLevel.Technician] = new(2024, 9, 1) };
        var eligibility = TitleEquivalence.CheckTitleApplication(Rules, TitleSeries.Engineering, TitleTier.Intermediate, held, new DateOnly(2026, 6, 1));

        var result = EquivalenceApplicationWorkflow.Transition(null, EquivalenceApplicationAction.Submit, new(new DateOnly(2026, 6, 1), "worker", eligibility));

        Assert.Equal("取得技师（二级）满3年后可申报工程师，尚差1年3个月（2027年9月1日起）", result.Error);
    }

    [Theory]
    // 人社部发〔2020〕96号 extends the scheme to other series (from 2021 [M])
    [InlineData(TitleSeries.ArtsAndCrafts, "2020-12-31", false)]
    [InlineData(TitleSeries.ArtsAndCrafts, "2021-01-01", true)]
    [InlineData(TitleSeries.TechnicalSchoolTeacher, "2021-06-01", true)]
    [InlineData(TitleSeries.Engineering, "2020-12-31", true)]
    public void Other_series_follow_from_the_2020_extension(TitleSeries series, string asOf, bool eligible)
    {
        var held = new Dictionary<SkillLevel, DateOnly> { [SkillLevel.Technician] = new(2015, 1, 1) };

        Assert.Equal(eligible, TitleEquivalence.CheckTitleApplication(Rules, series, TitleTier.Intermediate, held, Day(asOf)).Outcome);
    }

    [Theory]
    // reverse direction (中办发〔2022〕58号 双向比照; levels [M]): 助理工程师 → 高级工, 工程师 → 技师, 高级工程师 → 高级技师
    [InlineData(TitleTier.Assistant, SkillLevel.Senior, true)]
    [InlineData(TitleTier.Intermediate, SkillLevel.Technician, true)]
    [InlineData(TitleTier.AssociateSenior, SkillLevel.SeniorTechnician, true)]
    [InlineData(TitleTier.Assistant, SkillLevel.Technician, false)]
    public void Engineers_may_apply_for_the_matching_skill_level(TitleTier held, SkillLevel level, bool eligible)
    {
        var titles = new Dictionary<TitleTier, DateOnly> { [held] = new(2022, 1, 1) };

        Assert.Equal(eligible, TitleEquivalence.CheckSkillApplication(Rules, TitleSeries.Engineering, level, titles, new DateOnly(2026, 6, 1)).Outcome);
    }

    [Fact]
    public void An_application_goes_to_the_title_office_and_is_recognised_or_refused_with_a_reason()
    {
        var held = new Dictionary<SkillLevel, DateOnly> { [SkillLevel.Senior] = new(2020, 1, 1) };
        var today = new DateOnly(2026, 6, 1);
        var eligibility = TitleEquivalence.CheckTitleApplication(Rules, TitleSeries.Engineering, TitleTier.Assistant, held, today);
        var context = new EquivalenceApplicationContext(today, "clerk", eligibility);

        var submitted = EquivalenceApplicationWorkflow.Transition(null, EquivalenceApplicationAction.Submit, context).Value;
        var underReview = EquivalenceApplicationWorkflow.Transition(submitted, EquivalenceApplicationAction.Accept, context).Value;

        Assert.Equal(
            [EquivalenceApplicationAction.Return, EquivalenceApplicationAction.Recognize, EquivalenceApplicationAction.Refuse, EquivalenceApplicationAction.Withdraw],
            EquivalenceApplicationWorkflow.AllowedActions(underReview, context with { Reason = "材料齐全，符合条件" }));
        Assert.Equal(EquivalenceApplicationStatus.Recognized, EquivalenceApplicationWorkflow.Transition(underReview, EquivalenceApplicationAction.Recognize, context).Value);
        Assert.Equal("不予认定须填写理由（不少于5个字）", EquivalenceApplicationWorkflow.Transition(underReview, EquivalenceApplicationAction.Refuse, context).Error);
    }

    [Theory]
    [InlineData(TitleSeries.Engineering, TitleTier.AssociateSenior, "高级工程师")]
    [InlineData(TitleSeries.TechnicalSchoolTeacher, TitleTier.Intermediate, "讲师")]
    [InlineData(TitleSeries.Agriculture, TitleTier.Intermediate, "农业系列中级职称")]
    public void Titles_are_named_in_Chinese(TitleSeries series, TitleTier tier, string name)
    {
        Assert.Equal(name, TitleNames.ChineseName(series, tier));
    }

    private static DateOnly Day(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
