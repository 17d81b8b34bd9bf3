using Gongjiang.Core.Registry;

namespace Gongjiang.Core.Tests.Registry;

public sealed class OccupationCodeTests
{
    [Theory]
    [InlineData("6-18-01-01", "6-18-01-01", 6)]
    [InlineData("2-02-07-04", "2-02-07-04", 2)]
    [InlineData("1-01-00-01", "1-01-00-01", 1)]
    [InlineData("8-00-00-00", "8-00-00-00", 8)]
    [InlineData(" 6-18-01-01 ", "6-18-01-01", 6)] // surrounding spaces
    [InlineData("6 - 18 - 01 - 01", "6-18-01-01", 6)] // spaces inside
    [InlineData("６－１８－０１－０１", "6-18-01-01", 6)] // full-width digits and dashes
    [InlineData("6–18—01‐01", "6-18-01-01", 6)] // en dash, em dash, hyphen
    public void Parse_accepts_and_normalises(string text, string value, int majorGroup)
    {
        var result = OccupationCode.Parse(text);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(value, result.Value!.Value);
        Assert.Equal(value, result.Value.ToString());
        Assert.Equal(majorGroup, result.Value.MajorGroup);
    }

    [Theory]
    [InlineData("6-18-01-01-01")] // five parts
    [InlineData("61801 01")]
    [InlineData("6180101")]
    [InlineData("6-18-01")]
    [InlineData("6-18-1-01")]
    [InlineData("06-18-01-01")]
    [InlineData("6-18-01-0A")]
    [InlineData("6_18_01_01")]
    [InlineData("6-18-01-01L")] // the 大典's 绿色职业 mark is not part of the code
    public void Parse_rejects_other_shapes_naming_the_text(string text)
    {
        var result = OccupationCode.Parse(text);

        Assert.False(result.IsValid);
        Assert.Equal($"职业编码“{text}”格式应为 D-DD-DD-DD（如 6-18-01-01）", result.Error);
    }

    [Theory]
    [InlineData("0-01-01-01")]
    [InlineData("9-01-01-01")]
    public void Parse_rejects_major_group_outside_1_to_8(string text)
    {
        var result = OccupationCode.Parse(text);

        Assert.False(result.IsValid);
        Assert.Equal("职业编码大类应为1至8", result.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("　")]
    public void Parse_rejects_empty(string? text)
    {
        var result = OccupationCode.Parse(text);

        Assert.False(result.IsValid);
        Assert.Equal("职业编码不能为空，格式应为 D-DD-DD-DD（如 6-18-01-01）", result.Error);
    }

    [Theory]
    [InlineData(1, "党的机关、国家机关、群众团体和社会组织、企事业单位负责人")]
    [InlineData(2, "专业技术人员")]
    [InlineData(3, "办事人员和有关人员")]
    [InlineData(4, "社会生产服务和生活服务人员")]
    [InlineData(5, "农、林、牧、渔业生产及辅助人员")]
    [InlineData(6, "生产制造及有关人员")]
    [InlineData(7, "军人")]
    [InlineData(8, "不便分类的其他从业人员")]
    public void Major_group_names_follow_the_2022_edition(int group, string name)
    {
        var code = OccupationCode.Parse($"{group}-01-01-01").GetValueOrThrow();

        Assert.Equal(name, code.MajorGroupName);
        Assert.Equal(name, OccupationCode.GroupName(group));
    }

    [Fact]
    public void Equal_codes_are_equal_whatever_the_spelling()
    {
        Assert.Equal(OccupationCode.Parse("6-18-01-01").Value, OccupationCode.Parse("６－１８－０１－０１").Value);
    }
}
