using Gongjiang.Core.Registry;

namespace Gongjiang.Core.Tests.Reference;

public sealed class HonorTypesTests
{
    [Theory]
    // policy 三(一): the four national honours
    [InlineData("全国劳动模范", HonorType.NationalModelWorker)]
    [InlineData("全国劳模", HonorType.NationalModelWorker)]
    [InlineData("全国劳动模范称号", HonorType.NationalModelWorker)]
    [InlineData("全国五一劳动奖章", HonorType.NationalMayDayLaborMedal)]
    [InlineData("五一劳动奖章", HonorType.NationalMayDayLaborMedal)] // without a province name: the national medal
    [InlineData("中华技能大奖", HonorType.ChinaSkillsGrandAward)]
    [InlineData("中华技能大奖获得者", HonorType.ChinaSkillsGrandAward)]
    [InlineData("全国技术能手", HonorType.NationalTechnicalExpert)]
    [InlineData("技术能手（全国）", HonorType.NationalTechnicalExpert)]
    [InlineData(" 《全国技术能手》 ", HonorType.NationalTechnicalExpert)]
    // provincial honours: recorded, but not a basis for 高技能领军人才
    [InlineData("省级劳动模范", HonorType.ProvincialModelWorker)]
    [InlineData("省部级劳模", HonorType.ProvincialModelWorker)]
    [InlineData("广东省劳动模范", HonorType.ProvincialModelWorker)]
    [InlineData("北京市劳动模范", HonorType.ProvincialModelWorker)] // 直辖市 = province level
    [InlineData("省级五一劳动奖章", HonorType.ProvincialMayDayLaborMedal)]
    [InlineData("浙江省五一劳动奖章", HonorType.ProvincialMayDayLaborMedal)]
    [InlineData("省级技术能手", HonorType.ProvincialTechnicalExpert)]
    [InlineData("技术能手(省级)", HonorType.ProvincialTechnicalExpert)]
    [InlineData("广西壮族自治区技术能手", HonorType.ProvincialTechnicalExpert)]
    [InlineData("其他", HonorType.Other)]
    [InlineData("NationalModelWorker", HonorType.NationalModelWorker)]
    public void Parse_accepts_names_and_aliases(string text, HonorType expected)
    {
        var result = HonorTypes.Parse(text);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("劳动模范")] // level unknown
    [InlineData("技术能手")] // level unknown
    [InlineData("深圳市劳动模范")] // a city honour, not provincial
    [InlineData("全国先进工作者")]
    [InlineData("优秀员工")]
    public void Parse_rejects_unknown_text_naming_it(string text)
    {
        var result = HonorTypes.Parse(text);

        Assert.False(result.IsValid);
        Assert.StartsWith($"荣誉称号“{text}”无法识别", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Parse_rejects_empty(string? text)
    {
        Assert.False(HonorTypes.Parse(text).IsValid);
    }

    [Theory]
    // policy 三(一): “高技能领军人才包括获得全国劳动模范、全国五一劳动奖章、中华技能大奖、全国技术能手等荣誉…的人员”
    [InlineData(HonorType.NationalModelWorker, true, "全国劳动模范", "中共中央、国务院")]
    [InlineData(HonorType.NationalMayDayLaborMedal, true, "全国五一劳动奖章", "中华全国总工会")]
    [InlineData(HonorType.ChinaSkillsGrandAward, true, "中华技能大奖", "人力资源社会保障部")]
    [InlineData(HonorType.NationalTechnicalExpert, true, "全国技术能手", "人力资源社会保障部")]
    [InlineData(HonorType.ProvincialModelWorker, false, "省级劳动模范", "省级党委、政府")]
    [InlineData(HonorType.ProvincialMayDayLaborMedal, false, "省级五一劳动奖章", "省级总工会")]
    [InlineData(HonorType.ProvincialTechnicalExpert, false, "省级技术能手", "省级人力资源社会保障部门")]
    [InlineData(HonorType.Other, false, "其他", null)]
    public void Names_bodies_and_leading_talent_basis(HonorType honor, bool qualifies, string name, string? body)
    {
        Assert.Equal(qualifies, HonorTypes.QualifiesAsLeadingTalentBasis(honor));
        Assert.Equal(name, HonorTypes.ChineseName(honor));
        Assert.Equal(body, HonorTypes.DefaultAwardingBody(honor));
        Assert.Equal(honor, HonorTypes.Parse(name).Value); // names round-trip
    }

    [Theory]
    // policy 三(一): “享受省级以上政府特殊津贴的人员”
    [InlineData(SpecialAllowanceLevel.StateCouncil, "国务院政府特殊津贴")]
    [InlineData(SpecialAllowanceLevel.Provincial, "省级政府特殊津贴")]
    public void Special_allowances_at_both_levels_qualify(SpecialAllowanceLevel level, string name)
    {
        Assert.True(HonorTypes.QualifiesAsLeadingTalentBasis(level));
        Assert.Equal(name, HonorTypes.ChineseName(level));
    }
}
