using Gongjiang.Core.Skills;

namespace Gongjiang.Core.Tests.Skills;

public sealed class PromotionEvaluatorTests
{
    private const string Lathe = "6-18-01-01";

    private static WorkerSkillFacts Facts(DateOnly? since = null, Dictionary<SkillLevel, DateOnly>? levels = null, HashSet<Schooling>? schooling = null, DateOnly? apprenticeship = null) =>
        new(since, levels ?? [], schooling ?? [], apprenticeship);

    [Fact]
    public void The_worker_sees_the_missing_years_and_the_day_they_may_apply()
    {
        // 2018 template 三级 (1): 取得四级证书后累计从事本职业工作满5年 — 四级 on 2022-09-01, asked on 2026-06-01
        var facts = Facts(new DateOnly(2015, 3, 1), new() { [SkillLevel.Intermediate] = new DateOnly(2022, 9, 1) });

        var decision = PromotionEvaluator.Evaluate(PromotionConditionBook.Default, Lathe, "车工", facts, new DateOnly(2026, 6, 1));

        var outlook = decision.Outcome;
        Assert.Equal(SkillLevel.Senior, outlook.NextLevel);
        Assert.False(outlook.EligibleNow);
        Assert.Equal(new DateOnly(2027, 9, 1), outlook.EligibleOn);
        Assert.Equal("2018-L3-a", outlook.RouteId);
        Assert.Equal("还需在中级工（四级）满5年，尚差1年3个月", Assert.Single(outlook.Missing));
        Assert.Equal("暂不能申报高级工（三级）：还需在中级工（四级）满5年，尚差1年3个月；预计2027年9月1日起可申报", outlook.Summary);
        Assert.Equal(3, decision.Rules.Count); // the three 三级 routes of the template
    }

    public static TheoryData<string, WorkerSkillFacts, SkillLevel?, bool, string?> Cases => new()
    {
        // 五级 (1): 累计从事本职业工作满1年
        { "five years none held: 1 year in the occupation", Facts(new DateOnly(2025, 5, 1)), SkillLevel.Junior, true, "2018-L5-a" },
        // 四级 (2): 累计从事本职业工作满6年 — direct entry beats 五级
        { "six years in the occupation open 四级 directly", Facts(new DateOnly(2019, 1, 1)), SkillLevel.Intermediate, true, "2018-L4-b" },
        // 四级 (3): 技工学校毕业
        { "技工学校 graduates may apply for 四级", Facts(new DateOnly(2026, 1, 1), schooling: [Schooling.SkilledWorkerSchool]), SkillLevel.Intermediate, true, "2018-L4-c" },
        // 五级 (2): 学徒期满
        { "an apprentice who completed may apply for 五级", Facts(new DateOnly(2026, 1, 1), apprenticeship: new DateOnly(2026, 5, 1)), SkillLevel.Junior, true, "2018-L5-b" },
        // 三级 (2): 四级 + 高级技工学校 graduate, no years
        { "四级 with 高级技工学校 opens 三级 at once", Facts(new DateOnly(2024, 1, 1), new() { [SkillLevel.Intermediate] = new DateOnly(2026, 1, 10) }, [Schooling.SeniorSkilledWorkerSchool]), SkillLevel.Senior, true, "2018-L3-b" },
        // 三级 (3): 大专 + 四级 2 years
        { "大专 with 四级 for 2 years opens 三级", Facts(new DateOnly(2020, 1, 1), new() { [SkillLevel.Intermediate] = new DateOnly(2024, 6, 1) }, [Schooling.JuniorCollegeOrAbove]), SkillLevel.Senior, true, "2018-L3-c" },
        // 二级 (1): 三级 + 4 years
        { "三级 for 4 years opens 二级", Facts(new DateOnly(2010, 1, 1), new() { [SkillLevel.Senior] = new DateOnly(2022, 6, 1) }), SkillLevel.Technician, true, "2018-L2-a" },
        // 一级: 二级 + 4 years, not yet
        { "二级 for 3 years waits for 一级", Facts(new DateOnly(2005, 1, 1), new() { [SkillLevel.Technician] = new DateOnly(2023, 6, 1) }), SkillLevel.SeniorTechnician, false, "2018-L1-a" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Next_level_follows_the_2018_template(string because, WorkerSkillFacts facts, SkillLevel? next, bool now, string? route)
    {
        var outlook = PromotionEvaluator.Evaluate(PromotionConditionBook.Default, Lathe, "车工", facts, new DateOnly(2026, 6, 1)).Outcome;

        Assert.True(next == outlook.NextLevel, because);
        Assert.Equal(now, outlook.EligibleNow);
        Assert.Equal(route, outlook.RouteId);
    }

    [Fact]
    public void Without_a_recorded_start_nothing_opens_by_waiting()
    {
        var outlook = PromotionEvaluator.Evaluate(PromotionConditionBook.Default, Lathe, "车工", Facts(), new DateOnly(2026, 6, 1)).Outcome;

        Assert.False(outlook.EligibleNow);
        Assert.Null(outlook.EligibleOn);
        Assert.Contains("未记录从事本职业工作的起始日期", outlook.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void At_senior_technician_the_worker_is_told_of_the_principal_technician_appointment()
    {
        var facts = Facts(new DateOnly(2000, 1, 1), new() { [SkillLevel.SeniorTechnician] = new DateOnly(2020, 1, 1) });

        var outlook = PromotionEvaluator.Evaluate(PromotionConditionBook.Default, Lathe, "车工", facts, new DateOnly(2026, 6, 1)).Outcome;

        Assert.Null(outlook.NextLevel);
        Assert.Contains("可由企业聘任为特级技师", outlook.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void An_occupation_standard_overrides_the_default_for_the_levels_it_lists_from_its_date()
    {
        // Some standards: 四级 after 五级 + 2 years instead of 4 (rules.md §3 “some standards 2”)
        var own = new PromotionStandard("6-18-01-01-2024", "车工国家职业技能标准（2024年版）", Lathe, new DateOnly(2024, 1, 1), null, null,
            new Dictionary<SkillLevel, IReadOnlyList<PromotionRoute>>
            {
                [SkillLevel.Intermediate] = [new PromotionRoute("lathe-2024-L4-a", SkillLevel.Junior, MonthsSinceRequiredLevel: 24)],
            });
        var book = new PromotionConditionBook([PromotionStandards.National2018Template, own]);
        var facts = Facts(new DateOnly(2023, 1, 1), new() { [SkillLevel.Junior] = new DateOnly(2023, 3, 1) });

        var before = PromotionEvaluator.Evaluate(book, Lathe, "车工", facts, new DateOnly(2023, 12, 31)).Outcome;
        var after = PromotionEvaluator.Evaluate(book, Lathe, "车工", facts, new DateOnly(2026, 6, 1));
        var otherOccupation = PromotionEvaluator.Evaluate(book, "6-18-01-02", "铣工", facts, new DateOnly(2026, 6, 1)).Outcome;

        Assert.Equal(new DateOnly(2027, 3, 1), before.EligibleOn); // default: 4 years
        Assert.True(after.Outcome.EligibleNow);
        Assert.Equal("lathe-2024-L4-a", after.Outcome.RouteId);
        Assert.Equal("车工国家职业技能标准（2024年版）", after.Rules.Single(r => r.RuleId == "lathe-2024-L4-a").Citation);
        Assert.False(otherOccupation.EligibleNow); // others keep the template
    }

    [Fact]
    public void Before_any_standard_is_in_force_the_decision_says_so()
    {
        var decision = PromotionEvaluator.Evaluate(PromotionConditionBook.Default, Lathe, "车工", Facts(new DateOnly(2000, 1, 1)), new DateOnly(2017, 6, 1));

        Assert.Null(decision.Outcome.NextLevel);
        Assert.Equal("2017年6月1日没有适用于车工的申报条件", decision.Outcome.Summary);
    }

    [Fact]
    public void Overlapping_standards_for_one_occupation_are_refused()
    {
        var a = PromotionStandards.National2018Template with { Id = "a" };
        var b = PromotionStandards.National2018Template with { Id = "b", EffectiveFrom = new DateOnly(2020, 1, 1) };

        Assert.Throws<ArgumentException>(() => new PromotionConditionBook([a, b]));
    }

    [Theory]
    // “满5年” is the anniversary; the shortfall in years, months and days
    [InlineData("2026-06-01", "2027-09-01", "1年3个月")]
    [InlineData("2026-06-01", "2026-06-13", "12天")]
    [InlineData("2026-01-31", "2026-03-01", "1个月1天")]
    [InlineData("2026-06-01", "2026-06-01", "0天")]
    public void Shortfalls_read_in_years_months_and_days(string from, string to, string text)
    {
        Assert.Equal(text, Elapsed.Describe(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
