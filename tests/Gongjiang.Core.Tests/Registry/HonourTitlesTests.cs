using Gongjiang.Core.Registry;

namespace Gongjiang.Core.Tests.Registry;

public sealed class HonourTitlesTests
{
    [Theory]
    // Policy 三(一): 享受省级以上政府特殊津贴的人员 — the State Council's allowance.
    [InlineData("国务院政府特殊津贴", HonourEntryKind.SpecialAllowance, null, SpecialAllowanceLevel.StateCouncil)]
    [InlineData("享受国务院特殊津贴", HonourEntryKind.SpecialAllowance, null, SpecialAllowanceLevel.StateCouncil)]
    // Policy 三(一): the provincial allowance, named by a province, an autonomous region or a municipality's government.
    [InlineData("广东省政府特殊津贴", HonourEntryKind.SpecialAllowance, null, SpecialAllowanceLevel.Provincial)]
    [InlineData("广西壮族自治区政府特殊津贴", HonourEntryKind.SpecialAllowance, null, SpecialAllowanceLevel.Provincial)]
    [InlineData("北京市政府特殊津贴", HonourEntryKind.SpecialAllowance, null, SpecialAllowanceLevel.Provincial)]
    // Policy 三(一): 各省（自治区、直辖市）政府认定的“高精尖缺”高技能人才, with or without quotes.
    [InlineData("广东省“高精尖缺”高技能人才", HonourEntryKind.ProvincialRecognition, null, null)]
    [InlineData("高精尖缺高技能人才", HonourEntryKind.ProvincialRecognition, null, null)]
    // Policy 三(一): the four national honours, as HonorTypes.Parse reads them.
    [InlineData("全国劳动模范", HonourEntryKind.Honor, HonorType.NationalModelWorker, null)]
    [InlineData("全国五一劳动奖章", HonourEntryKind.Honor, HonorType.NationalMayDayLaborMedal, null)]
    [InlineData("中华技能大奖", HonourEntryKind.Honor, HonorType.ChinaSkillsGrandAward, null)]
    [InlineData("全国技术能手称号", HonourEntryKind.Honor, HonorType.NationalTechnicalExpert, null)]
    // A provincial honour is recorded, though it is not a basis on its own.
    [InlineData("广东省劳动模范", HonourEntryKind.Honor, HonorType.ProvincialModelWorker, null)]
    public void Recognise_reads_the_three_bases_of_policy_3_1(string text, HonourEntryKind kind, HonorType? honor, SpecialAllowanceLevel? allowance)
    {
        Assert.Equal(new HonourTitle(kind, honor, allowance), HonourTitles.Recognise(text));
    }

    [Theory]
    // An allowance without its level is unknown: the level decides the basis (policy 三(一) 省级以上).
    [InlineData("政府特殊津贴")]
    // A bare 劳动模范 has no level (HonorTypes.Parse).
    [InlineData("劳动模范")]
    [InlineData("优秀员工")]
    public void Recognise_returns_null_for_titles_of_unknown_level_or_kind(string text)
    {
        Assert.Null(HonourTitles.Recognise(text));
    }
}
