using Gongjiang.Core.Skills;

namespace Gongjiang.Core.Tests.Skills;

public sealed class SkillLevelsTests
{
    [Theory]
    // 《国家职业技能标准》 five levels (五级…一级) with their names, in either order and with prefixes
    [InlineData("初级工", SkillLevel.Junior)]
    [InlineData("五级", SkillLevel.Junior)]
    [InlineData("中级工", SkillLevel.Intermediate)]
    [InlineData("四级", SkillLevel.Intermediate)]
    [InlineData("高级工", SkillLevel.Senior)]
    [InlineData("三级", SkillLevel.Senior)]
    [InlineData("高级工/三级", SkillLevel.Senior)]
    [InlineData("三级/高级工", SkillLevel.Senior)]
    [InlineData("高级工（三级）", SkillLevel.Senior)]
    [InlineData("国家职业资格三级", SkillLevel.Senior)]
    [InlineData("职业技能等级二级", SkillLevel.Technician)]
    [InlineData("技师", SkillLevel.Technician)]
    [InlineData("二级", SkillLevel.Technician)]
    [InlineData("高级技师", SkillLevel.SeniorTechnician)]
    [InlineData("一级", SkillLevel.SeniorTechnician)]
    [InlineData("一级/高级技师", SkillLevel.SeniorTechnician)]
    // below the five levels: 学徒工 (人社部发〔2022〕14号 ladder)
    [InlineData("学徒", SkillLevel.Apprentice)]
    [InlineData("学徒工", SkillLevel.Apprentice)]
    // policy 六(一): 首席技师、特级技师
    [InlineData("特级技师", SkillLevel.PrincipalTechnician)]
    [InlineData("首席技师", SkillLevel.ChiefTechnician)]
    // full-width and whitespace tolerant
    [InlineData("  高级工　／　三级 ", SkillLevel.Senior)]
    [InlineData("３级", SkillLevel.Senior)]
    [InlineData("高 级 技 师", SkillLevel.SeniorTechnician)]
    // English member names (API round-trip)
    [InlineData("Senior", SkillLevel.Senior)]
    [InlineData("chieftechnician", SkillLevel.ChiefTechnician)]
    public void Parse_accepts_common_spellings(string text, SkillLevel expected)
    {
        var result = SkillLevels.Parse(text);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("高级工/二级")] // parts disagree
    [InlineData("六级")] // the standards stop at 五级
    [InlineData("工程师")] // a 职称, not a skill level
    [InlineData("大师")]
    [InlineData("/")]
    public void Parse_rejects_unknown_text_naming_it(string text)
    {
        var result = SkillLevels.Parse(text);

        Assert.False(result.IsValid);
        Assert.Equal($"职业技能等级“{text}”无法识别，应为学徒工、初级工（五级）、中级工（四级）、高级工（三级）、技师（二级）、高级技师（一级）、特级技师、首席技师之一", result.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_rejects_empty(string? text)
    {
        var result = SkillLevels.Parse(text);

        Assert.False(result.IsValid);
        Assert.StartsWith("职业技能等级不能为空", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    // 高技能人才 = 高级工 and above (policy 六(三) “高级工、技师、高级技师”, plus the new 特级技师、首席技师 of 六(一))
    [InlineData(SkillLevel.Apprentice, false)]
    [InlineData(SkillLevel.Junior, false)]
    [InlineData(SkillLevel.Intermediate, false)]
    [InlineData(SkillLevel.Senior, true)]
    [InlineData(SkillLevel.Technician, true)]
    [InlineData(SkillLevel.SeniorTechnician, true)]
    [InlineData(SkillLevel.PrincipalTechnician, true)]
    [InlineData(SkillLevel.ChiefTechnician, true)]
    public void IsHighSkill(SkillLevel level, bool expected)
    {
        Assert.Equal(expected, SkillLevels.IsHighSkill(level));
    }

    [Theory]
    // 《国家职业技能标准》 grades; 学徒工、特级技师、首席技师 carry none
    [InlineData(SkillLevel.Apprentice, 0, "学徒工", null, "学徒工")]
    [InlineData(SkillLevel.Junior, 1, "初级工", "五级", "初级工（五级）")]
    [InlineData(SkillLevel.Intermediate, 2, "中级工", "四级", "中级工（四级）")]
    [InlineData(SkillLevel.Senior, 3, "高级工", "三级", "高级工（三级）")]
    [InlineData(SkillLevel.Technician, 4, "技师", "二级", "技师（二级）")]
    [InlineData(SkillLevel.SeniorTechnician, 5, "高级技师", "一级", "高级技师（一级）")]
    [InlineData(SkillLevel.PrincipalTechnician, 6, "特级技师", null, "特级技师")]
    [InlineData(SkillLevel.ChiefTechnician, 7, "首席技师", null, "首席技师")]
    public void Names_grades_and_order(SkillLevel level, int value, string name, string? grade, string display)
    {
        Assert.Equal(value, (int)level);
        Assert.Equal(name, SkillLevels.ChineseName(level));
        Assert.Equal(grade, SkillLevels.Grade(level));
        Assert.Equal(display, SkillLevels.DisplayName(level));
        // Every display name parses back to its level.
        Assert.Equal(level, SkillLevels.Parse(display).Value);
    }

    [Theory]
    // One name per level on every page: the stored short name of a publication entry is shown with its grade.
    [InlineData("技师", "技师（二级）")]
    [InlineData("二级", "技师（二级）")]
    [InlineData("高级技师（一级）", "高级技师（一级）")]
    [InlineData("特级技师", "特级技师")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("不详", "不详")]
    public void ToDisplayName_gives_every_level_its_one_name(string? text, string expected) =>
        Assert.Equal(expected, SkillLevels.ToDisplayName(text));
}
