using Gongjiang.Core.Access;

namespace Gongjiang.Core.Tests.Access;

/// <summary>管辖范围 by GB/T 2260 code prefix (DESIGN: every account acts inside a jurisdiction).</summary>
public sealed class JurisdictionTests
{
    private static Jurisdiction Parse(string code) => Jurisdiction.Parse(code).GetValueOrThrow();

    [Theory]
    // jurisdiction, region, contained — GB/T 2260 codes nest by prefix (省 2 digits, 市 4, 县 6)
    [InlineData("000000", "440305", true)] // country (ministry) holds every region
    [InlineData("000000", "110101", true)]
    [InlineData("000000", "820000", true)]
    [InlineData("440000", "440305", true)] // 广东省 holds 南山区
    [InlineData("440000", "440300", true)] // and 深圳市
    [InlineData("440000", "440000", true)] // and itself
    [InlineData("440000", "450000", false)] // not 广西
    [InlineData("440000", "450102", false)]
    [InlineData("440300", "440305", true)] // 深圳市 holds 南山区
    [InlineData("440300", "440105", false)] // not 广州市海珠区
    [InlineData("440300", "440000", false)] // nor its province
    [InlineData("440305", "440305", true)] // a county holds only itself
    [InlineData("440305", "440306", false)]
    [InlineData("440305", "440300", false)]
    public void Contains_region_code(string jurisdiction, string region, bool expected)
    {
        Assert.Equal(expected, Parse(jurisdiction).Contains(region));
    }

    [Fact]
    public void Contains_null_is_false()
    {
        Assert.False(Jurisdiction.Country.Contains((string?)null));
    }

    [Theory]
    [InlineData("000000", "")]
    [InlineData("440000", "44")]
    [InlineData("440300", "4403")]
    [InlineData("440305", "440305")]
    [InlineData(" 440300 ", "4403")] // trimmed
    public void Prefix_is_the_significant_digits(string code, string prefix)
    {
        Assert.Equal(prefix, Jurisdiction.Parse(code).GetValueOrThrow().Prefix);
    }

    [Theory]
    [InlineData("44030", "管辖范围“44030”不是6位数字的行政区划代码")]
    [InlineData("abc", "管辖范围“abc”不是6位数字的行政区划代码")]
    [InlineData("4403050", "管辖范围“4403050”不是6位数字的行政区划代码")]
    [InlineData("001234", "管辖范围“001234”的省级代码无效")]
    [InlineData("", "管辖范围不能为空，请填写6位行政区划代码")]
    [InlineData(null, "管辖范围不能为空，请填写6位行政区划代码")]
    public void Parse_rejects_malformed_codes(string? code, string error)
    {
        var result = Jurisdiction.Parse(code);

        Assert.False(result.IsValid);
        Assert.Equal(error, result.Error);
    }

    [Theory]
    [InlineData("000000", "440000", true)] // country ⊇ province
    [InlineData("440000", "440300", true)] // province ⊇ its city
    [InlineData("440000", "440305", true)] // province ⊇ its county
    [InlineData("440300", "440305", true)] // city ⊇ its county
    [InlineData("440300", "440300", true)] // reflexive
    [InlineData("440300", "440000", false)] // city ⊉ its province
    [InlineData("440000", "450000", false)] // province ⊉ another province
    [InlineData("440000", "000000", false)] // province ⊉ country
    [InlineData("440305", "440300", false)]
    public void Contains_jurisdiction(string outer, string inner, bool expected)
    {
        Assert.Equal(expected, Parse(outer).Contains(Parse(inner)));
    }

    [Fact]
    public void Country_is_000000()
    {
        Assert.Equal(Jurisdiction.Country, Parse("000000"));
        Assert.Equal("000000", Jurisdiction.Country.ToString());
    }
}
