using Gongjiang.Core.Standards;

namespace Gongjiang.Core.Tests.Standards;

public sealed class MobileNumberTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")] // 电信网编号计划: 11 digits, network identifier 13x
    [InlineData("19912345678", "19912345678")] // 电信网编号计划: 19x is a mobile network identifier
    [InlineData("16612345678", "16612345678")] // 电信网编号计划: 16x is a mobile network identifier
    [InlineData("+86 138 1234 5678", "13812345678")] // ITU-T E.164: +86 country code stripped, spaces removed
    [InlineData("+86-138-1234-5678", "13812345678")] // ITU-T E.164: +86 with hyphens
    [InlineData("0086 13812345678", "13812345678")] // international prefix 00 + country code 86 stripped
    [InlineData("8613812345678", "13812345678")] // bare 86 country code stripped when 13 digits
    [InlineData("138-1234-5678", "13812345678")] // hyphens between digit groups removed
    [InlineData("１３８１２３４５６７８", "13812345678")] // full-width digits normalised
    [InlineData("＋８６　１３８－１２３４－５６７８", "13812345678")] // full-width plus, ideographic space, full-width hyphen
    [InlineData("\u00A013812345678\t", "13812345678")] // NBSP and tab from copy-paste
    public void Parse_accepts_mainland_mobile_numbers(string input, string expected)
    {
        var result = MobileNumber.Parse(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value!.Value);
    }

    [Theory]
    [InlineData(null)] // mandatory
    [InlineData(" - ")] // only separators
    public void Parse_rejects_empty_input(string? input) =>
        Assert.Equal("手机号码不能为空", MobileNumber.Parse(input).Error);

    [Theory]
    [InlineData("1381234567", 10)] // 电信网编号计划: 11 digits (one missing)
    [InlineData("138123456789", 12)] // 电信网编号计划: 11 digits (one extra)
    [InlineData("861381234567", 12)] // a bare 86 is only a country code when 13 digits are given
    [InlineData("+86 1381234567", 10)] // digits are counted after the country code
    [InlineData("0086", 0)] // country code alone
    public void Parse_rejects_wrong_length(string input, int length) =>
        Assert.Equal($"手机号码应为11位数字，实为{length}位", MobileNumber.Parse(input).Error);

    [Theory]
    [InlineData("12012345678")] // 电信网编号计划: 12x is not a mobile network identifier
    [InlineData("11012345678")] // 电信网编号计划: 11x is a special service prefix, not mobile
    [InlineData("10012345678")] // 电信网编号计划: 10x is not a mobile network identifier
    [InlineData("23812345678")] // 电信网编号计划: mobile numbers start with 1
    [InlineData("02012345678")] // a Guangzhou landline with area code is not a mobile number
    public void Parse_rejects_numbers_outside_13_to_19(string input) =>
        Assert.Equal($"手机号码“{input}”不是有效的中国大陆手机号码（应以13–19开头）", MobileNumber.Parse(input).Error);

    [Theory]
    [InlineData("138abc45678", "A")] // letters (shown upper-cased after normalisation)
    [InlineData("(138)12345678", "(")] // parentheses
    [InlineData("138.1234.5678", ".")] // dots are not accepted separators
    [InlineData("+852 61234567", "+")] // not a mainland number: only +86 is stripped, other “+” prefixes are illegal
    public void Parse_rejects_illegal_characters(string input, string character) =>
        Assert.Equal($"手机号码含有非法字符“{character}”", MobileNumber.Parse(input).Error);

    [Theory]
    [InlineData("13812345678", "138****5678")] // masking: first 3, 4 stars, last 4
    [InlineData("+86 199 0000 1111", "199****1111")] // masking uses the normalised 11 digits
    public void Masked_keeps_first_three_and_last_four_digits(string input, string expected)
    {
        var number = MobileNumber.Parse(input).GetValueOrThrow();

        Assert.Equal(expected, number.Masked);
        Assert.Equal(expected, number.ToString());
    }
}
