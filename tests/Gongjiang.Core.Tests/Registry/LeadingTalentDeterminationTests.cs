using Gongjiang.Core.Registry;

namespace Gongjiang.Core.Tests.Registry;

public sealed class LeadingTalentDeterminationTests
{
    private static readonly DateOnly AsOf = new(2024, 6, 30);

    public static TheoryData<string, TalentFacts, string, string> EachCategory => new()
    {
        {
            // 三(一): “高技能领军人才包括获得全国劳动模范……等荣誉……的人员”
            "全国劳动模范",
            Facts(honors: [new HonorFact(HonorType.NationalModelWorker, 2020, null, null, null)]),
            "3.1-honor-NationalModelWorker",
            "2020年全国劳动模范（中共中央、国务院）"
        },
        {
            // 三(一): “……获得……全国五一劳动奖章……等荣誉……的人员”
            "全国五一劳动奖章",
            Facts(honors: [new HonorFact(HonorType.NationalMayDayLaborMedal, 2021, null, null, null)]),
            "3.1-honor-NationalMayDayLaborMedal",
            "2021年全国五一劳动奖章（中华全国总工会）"
        },
        {
            // 三(一): “……获得……中华技能大奖……等荣誉……的人员”
            "中华技能大奖",
            Facts(honors: [new HonorFact(HonorType.ChinaSkillsGrandAward, 2016, null, null, null)]),
            "3.1-honor-ChinaSkillsGrandAward",
            "2016年中华技能大奖（人力资源社会保障部）"
        },
        {
            // 三(一): “……获得……全国技术能手等荣誉……的人员”
            "全国技术能手",
            Facts(honors: [new HonorFact(HonorType.NationalTechnicalExpert, 2019, null, "人社部发〔2019〕105号", null)]),
            "3.1-honor-NationalTechnicalExpert",
            "2019年全国技术能手（人力资源社会保障部，人社部发〔2019〕105号）"
        },
        {
            // 三(一): “……以及享受省级以上政府特殊津贴的人员” — 国务院政府特殊津贴
            "国务院政府特殊津贴",
            Facts(allowances: [new SpecialAllowanceFact(SpecialAllowanceLevel.StateCouncil, 2018, null, null, null)]),
            "3.1-allowance-StateCouncil",
            "享受国务院政府特殊津贴（2018年）"
        },
        {
            // 三(一): “……以及享受省级以上政府特殊津贴的人员” — 省级 is “以上” inclusive
            "省级政府特殊津贴",
            Facts(allowances: [new SpecialAllowanceFact(SpecialAllowanceLevel.Provincial, 2020, "广东省人民政府", "粤府〔2020〕3号", null)]),
            "3.1-allowance-Provincial",
            "享受省级政府特殊津贴（2020年，广东省人民政府，粤府〔2020〕3号）"
        },
        {
            // 三(一): “或各省（自治区、直辖市）政府认定的‘高精尖缺’高技能人才”
            "省级政府认定的高精尖缺高技能人才",
            Facts(recognitions: [new ProvincialRecognitionFact("440000", new DateOnly(2021, 3, 1), "粤府〔2021〕12号", null)]),
            "3.1-recognition-440000",
            "广东省人民政府认定的“高精尖缺”高技能人才（2021年3月1日，粤府〔2021〕12号）"
        },
        {
            // 三(一): “各省（自治区、直辖市）” — a 直辖市 is a province-level government
            "直辖市政府认定的高精尖缺高技能人才",
            Facts(recognitions: [new ProvincialRecognitionFact("110000", new DateOnly(2022, 9, 15), null, null)]),
            "3.1-recognition-110000",
            "北京市人民政府认定的“高精尖缺”高技能人才（2022年9月15日）"
        },
    };

    [Theory]
    [MemberData(nameof(EachCategory))]
    public void Each_category_of_policy_3_1_is_a_basis_by_itself(string category, TalentFacts facts, string code, string text)
    {
        var decision = LeadingTalentDetermination.Evaluate(facts, AsOf);

        Assert.True(decision.IsLeadingTalent, category);
        var basis = Assert.Single(decision.Bases);
        Assert.Equal(code, basis.Code);
        Assert.Equal(text, basis.Text);
        Assert.Empty(decision.ExcludedReasons);
        Assert.Equal(AsOf, decision.AsOf);
    }

    [Fact]
    public void Nobody_qualifies_without_facts()
    {
        var decision = LeadingTalentDetermination.Evaluate(TalentFacts.Empty, AsOf);

        Assert.False(decision.IsLeadingTalent);
        Assert.Empty(decision.Bases);
        Assert.Empty(decision.ExcludedReasons);
        Assert.Null(decision.Frontline);
        Assert.Null(LeadingTalentDetermination.FirstQualifiedOn(TalentFacts.Empty));
    }

    [Fact]
    public void Revocation_ends_the_basis_on_the_day_of_revocation()
    {
        var revokedOn = new DateOnly(2022, 5, 1);
        var facts = Facts(honors: [new HonorFact(HonorType.NationalModelWorker, 2015, null, null, revokedOn)]);

        var dayBefore = LeadingTalentDetermination.Evaluate(facts, revokedOn.AddDays(-1));
        var dayOf = LeadingTalentDetermination.Evaluate(facts, revokedOn);
        var later = LeadingTalentDetermination.Evaluate(facts, AsOf);

        Assert.True(dayBefore.IsLeadingTalent);
        Assert.False(dayOf.IsLeadingTalent);
        Assert.Equal(["2015年全国劳动模范已于2022年5月1日撤销"], dayOf.ExcludedReasons);
        Assert.False(later.IsLeadingTalent);
    }

    [Fact]
    public void Allowance_revocation_is_exclusive_too()
    {
        var revokedOn = new DateOnly(2023, 1, 10);
        var facts = Facts(allowances: [new SpecialAllowanceFact(SpecialAllowanceLevel.StateCouncil, 2018, null, null, revokedOn)]);

        Assert.True(LeadingTalentDetermination.Evaluate(facts, revokedOn.AddDays(-1)).IsLeadingTalent);
        var dayOf = LeadingTalentDetermination.Evaluate(facts, revokedOn);
        Assert.False(dayOf.IsLeadingTalent);
        Assert.Equal(["2018年国务院政府特殊津贴已于2023年1月10日撤销"], dayOf.ExcludedReasons);
    }

    [Fact]
    public void Revoking_one_honour_leaves_the_others()
    {
        var facts = Facts(honors:
        [
            new HonorFact(HonorType.NationalModelWorker, 2015, null, null, new DateOnly(2022, 5, 1)),
            new HonorFact(HonorType.NationalTechnicalExpert, 2012, null, null, null),
        ]);

        var decision = LeadingTalentDetermination.Evaluate(facts, AsOf);

        Assert.True(decision.IsLeadingTalent);
        Assert.Equal("3.1-honor-NationalTechnicalExpert", Assert.Single(decision.Bases).Code);
        Assert.Equal(["2015年全国劳动模范已于2022年5月1日撤销"], decision.ExcludedReasons);
    }

    [Fact]
    public void Provincial_recognition_counts_from_its_day_until_it_ends()
    {
        var recognizedOn = new DateOnly(2021, 3, 1);
        var endsOn = new DateOnly(2024, 3, 1);
        var facts = Facts(recognitions: [new ProvincialRecognitionFact("440000", recognizedOn, "粤府〔2021〕12号", endsOn)]);

        Assert.False(LeadingTalentDetermination.Evaluate(facts, recognizedOn.AddDays(-1)).IsLeadingTalent);
        Assert.Equal(
            ["广东省人民政府认定的“高精尖缺”高技能人才（2021年3月1日）尚未生效"],
            LeadingTalentDetermination.Evaluate(facts, recognizedOn.AddDays(-1)).ExcludedReasons);
        Assert.True(LeadingTalentDetermination.Evaluate(facts, recognizedOn).IsLeadingTalent);
        Assert.True(LeadingTalentDetermination.Evaluate(facts, endsOn.AddDays(-1)).IsLeadingTalent);

        var ended = LeadingTalentDetermination.Evaluate(facts, endsOn);
        Assert.False(ended.IsLeadingTalent);
        Assert.Equal(["广东省人民政府认定的“高精尖缺”高技能人才（2021年3月1日）已于2024年3月1日到期"], ended.ExcludedReasons);
    }

    [Fact]
    public void Recognition_by_an_unknown_code_shows_the_code()
    {
        var facts = Facts(recognitions: [new ProvincialRecognitionFact("990000", new DateOnly(2021, 3, 1), null, null)]);

        var decision = LeadingTalentDetermination.Evaluate(facts, AsOf);

        Assert.True(decision.IsLeadingTalent);
        Assert.Equal("990000人民政府认定的“高精尖缺”高技能人才（2021年3月1日）", Assert.Single(decision.Bases).Text);
    }

    [Fact]
    public void Recognition_by_a_city_is_not_a_provincial_government_recognition()
    {
        // 三(一): “各省（自治区、直辖市）政府认定” — 深圳市 is not a province-level government
        var facts = Facts(recognitions: [new ProvincialRecognitionFact("440300", new DateOnly(2021, 3, 1), null, null)]);

        var decision = LeadingTalentDetermination.Evaluate(facts, AsOf);

        Assert.False(decision.IsLeadingTalent);
        Assert.Equal(["广东省深圳市（440300）不是省级行政区，其认定不属于《意见》三（一）所称省级政府认定"], decision.ExcludedReasons);
    }

    [Fact]
    public void Honour_of_a_future_year_is_not_yet_effective()
    {
        var facts = Facts(honors: [new HonorFact(HonorType.NationalTechnicalExpert, 2027, null, null, null)]);

        var decision = LeadingTalentDetermination.Evaluate(facts, AsOf);

        Assert.False(decision.IsLeadingTalent);
        Assert.Equal(["2027年全国技术能手尚未生效"], decision.ExcludedReasons);
        Assert.True(LeadingTalentDetermination.Evaluate(facts, new DateOnly(2027, 1, 1)).IsLeadingTalent);
    }

    [Fact]
    public void Honour_counts_from_1_January_of_its_year_or_from_the_day_awarded()
    {
        var byYear = Facts(honors: [new HonorFact(HonorType.NationalTechnicalExpert, 2024, null, null, null)]);
        var byDay = Facts(honors: [new HonorFact(HonorType.NationalTechnicalExpert, 2024, null, null, null, new DateOnly(2024, 9, 20))]);

        Assert.False(LeadingTalentDetermination.Evaluate(byYear, new DateOnly(2023, 12, 31)).IsLeadingTalent);
        Assert.Equal(new DateOnly(2024, 1, 1), Assert.Single(LeadingTalentDetermination.Evaluate(byYear, AsOf).Bases).EffectiveFrom);
        Assert.False(LeadingTalentDetermination.Evaluate(byDay, AsOf).IsLeadingTalent);
        Assert.Equal(new DateOnly(2024, 9, 20), Assert.Single(LeadingTalentDetermination.Evaluate(byDay, new DateOnly(2024, 9, 20)).Bases).EffectiveFrom);
    }

    [Theory]
    [InlineData(HonorType.ProvincialModelWorker, "省级劳动模范不属于《意见》三（一）所列荣誉")]
    [InlineData(HonorType.ProvincialMayDayLaborMedal, "省级五一劳动奖章不属于《意见》三（一）所列荣誉")]
    [InlineData(HonorType.ProvincialTechnicalExpert, "省级技术能手不属于《意见》三（一）所列荣誉")]
    [InlineData(HonorType.Other, "其他荣誉不属于《意见》三（一）所列荣誉")]
    public void Honours_not_listed_in_3_1_are_excluded_with_a_reason(HonorType type, string reason)
    {
        var facts = Facts(honors: [new HonorFact(type, 2018, null, null, null)]);

        var decision = LeadingTalentDetermination.Evaluate(facts, AsOf);

        Assert.False(decision.IsLeadingTalent);
        Assert.Empty(decision.Bases);
        Assert.Equal([reason], decision.ExcludedReasons);
        Assert.Null(LeadingTalentDetermination.FirstQualifiedOn(facts));
    }

    [Fact]
    public void Several_bases_are_ordered_by_effective_date_then_code()
    {
        var facts = Facts(
            honors:
            [
                new HonorFact(HonorType.NationalTechnicalExpert, 2019, null, null, null),
                new HonorFact(HonorType.ProvincialTechnicalExpert, 2016, null, null, null),
                new HonorFact(HonorType.NationalMayDayLaborMedal, 2019, null, null, null),
            ],
            allowances: [new SpecialAllowanceFact(SpecialAllowanceLevel.StateCouncil, 2018, null, null, null)],
            recognitions: [new ProvincialRecognitionFact("440000", new DateOnly(2017, 7, 1), null, null)]);

        var decision = LeadingTalentDetermination.Evaluate(facts, AsOf);

        Assert.True(decision.IsLeadingTalent);
        Assert.Equal(
            [
                "3.1-recognition-440000",
                "3.1-allowance-StateCouncil",
                "3.1-honor-NationalMayDayLaborMedal",
                "3.1-honor-NationalTechnicalExpert",
            ],
            decision.Bases.Select(b => b.Code));
        Assert.Equal(["省级技术能手不属于《意见》三（一）所列荣誉"], decision.ExcludedReasons);
        Assert.Equal(new DateOnly(2017, 7, 1), LeadingTalentDetermination.FirstQualifiedOn(facts));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    [InlineData(null)]
    public void Frontline_is_carried_through_and_does_not_change_the_outcome(bool? frontline)
    {
        // 三(一) describes the talents as “长期坚守在生产服务一线岗位工作”: recorded and shown beside the bases, not a condition.
        var qualifying = Facts(honors: [new HonorFact(HonorType.NationalModelWorker, 2020, null, null, null)]) with { Frontline = frontline };
        var notQualifying = TalentFacts.Empty with { Frontline = frontline };

        var yes = LeadingTalentDetermination.Evaluate(qualifying, AsOf);
        var no = LeadingTalentDetermination.Evaluate(notQualifying, AsOf);

        Assert.True(yes.IsLeadingTalent);
        Assert.Equal(frontline, yes.Frontline);
        Assert.False(no.IsLeadingTalent);
        Assert.Equal(frontline, no.Frontline);
    }

    [Fact]
    public void Explicit_awarding_body_replaces_the_default()
    {
        var facts = Facts(honors: [new HonorFact(HonorType.NationalTechnicalExpert, 2019, " 人力资源和社会保障部 ", null, null)]);

        Assert.Equal("2019年全国技术能手（人力资源和社会保障部）", Assert.Single(LeadingTalentDetermination.Evaluate(facts, AsOf).Bases).Text);
    }

    [Fact]
    public void Invalid_year_is_excluded_not_thrown()
    {
        var facts = Facts(honors: [new HonorFact(HonorType.NationalModelWorker, 0, null, null, null)]);

        var decision = LeadingTalentDetermination.Evaluate(facts, AsOf);

        Assert.False(decision.IsLeadingTalent);
        Assert.Equal(["全国劳动模范的授予年份0无效"], decision.ExcludedReasons);
    }

    [Fact]
    public void First_qualified_on_skips_facts_revoked_before_they_took_effect()
    {
        var facts = Facts(
            honors: [new HonorFact(HonorType.NationalModelWorker, 2010, null, null, new DateOnly(2010, 1, 1))],
            allowances: [new SpecialAllowanceFact(SpecialAllowanceLevel.Provincial, 2014, null, null, new DateOnly(2016, 1, 1))]);

        Assert.Equal(new DateOnly(2014, 1, 1), LeadingTalentDetermination.FirstQualifiedOn(facts));
    }

    [Fact]
    public void Every_fact_is_either_a_basis_or_excluded()
    {
        var facts = Facts(
            honors:
            [
                new HonorFact(HonorType.NationalModelWorker, 2015, null, null, new DateOnly(2022, 5, 1)),
                new HonorFact(HonorType.ChinaSkillsGrandAward, 2030, null, null, null),
                new HonorFact(HonorType.ProvincialModelWorker, 2010, null, null, null),
                new HonorFact(HonorType.NationalTechnicalExpert, 2011, null, null, null),
            ],
            allowances: [new SpecialAllowanceFact(SpecialAllowanceLevel.Provincial, 2012, null, null, null)],
            recognitions: [new ProvincialRecognitionFact("320000", new DateOnly(2020, 1, 1), null, new DateOnly(2023, 1, 1))]);

        var decision = LeadingTalentDetermination.Evaluate(facts, AsOf);

        Assert.Equal(6, decision.Bases.Count + decision.ExcludedReasons.Count);
        Assert.Equal(2, decision.Bases.Count);
    }

    private static TalentFacts Facts(
        IReadOnlyList<HonorFact>? honors = null,
        IReadOnlyList<SpecialAllowanceFact>? allowances = null,
        IReadOnlyList<ProvincialRecognitionFact>? recognitions = null) =>
        new(honors ?? [], allowances ?? [], recognitions ?? [], null);
}
