using Gongjiang.Core.Standards;

namespace Gongjiang.Core.Tests.Standards;

/// <summary>
/// GB 32100-2015 统一社会信用代码. Check characters below were computed with an independent script; one is worked by hand:
/// <code>
/// 91350100M000100Y43, positions 9–16 “M000100Y” as GB 11714 values (M=22, Y=34), weights 3 7 9 10 5 8 4 2:
///   22·3 + 0·7 + 0·9 + 0·10 + 1·5 + 0·8 + 0·4 + 34·2 = 66 + 5 + 68 = 139; 139 mod 11 = 7; 11 − 7 = 4 → position 17 “4”
/// positions 1–17 as GB 32100 values (M=21, Y=30), weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
///   9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + 21·20 + 0·29 + 0·25 + 0·13 + 1·8 + 0·24 + 0·10 + 30·30 + 4·28
///   = 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 + 112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → position 18 “3”
/// </code>
/// </summary>
public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43", "91350100M000100Y43")] // GB 32100-2015 §5 check (worked sum in class comment); 9 工商, 1 企业
    [InlineData("91110000600037341L", "91110000600037341L")] // GB 32100-2015 §5 check character L; 9 工商, 1 企业
    [InlineData("11110000123456788X", "11110000123456788X")] // GB 32100-2015 Table 1: 1 机构编制, 1 机关; GB 11714 check 8
    [InlineData("51110105MA01B2C34W", "51110105MA01B2C34W")] // GB 32100-2015 Table 1: 5 民政, 1 社会团体
    [InlineData("Y1440300MA5F00018B", "Y1440300MA5F00018B")] // GB 32100-2015 Table 1: Y 其他
    [InlineData("A1110000000000019A", "A1110000000000019A")] // GB 32100-2015 Table 1 (amended): A 军队
    [InlineData("N24401060000000272", "N24401060000000272")] // GB 32100-2015 Table 1 (amended): N 农业农村, 2 村级集体经济组织
    [InlineData("911100000000004570", "911100000000004570")] // GB 32100-2015 §5: 31 − 0 = 31 is written “0”
    [InlineData("91110000000000000E", "91110000000000000E")] // GB 11714-1997: organisation check 11 is written “0”
    [InlineData("9111000000000006XE", "9111000000000006XE")] // GB 11714-1997: organisation check 10 is written “X”
    [InlineData("91350100m000100y43", "91350100M000100Y43")] // GB 32100-2015 §4.3 upper case; lower-case input accepted
    [InlineData(" 9135 0100 M000100Y4 3\u3000", "91350100M000100Y43")] // GB 32100-2015 §4; spaces removed
    [InlineData("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43")] // GB 32100-2015 §4; full-width input normalised
    public void Parse_accepts_valid_codes_and_normalises_them(string input, string expected)
    {
        var result = UnifiedSocialCreditCode.Parse(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value!.Value);
        Assert.Equal(expected, result.Value.ToString());
    }

    [Fact]
    public void Parse_splits_the_code_into_its_GB_32100_parts()
    {
        var code = UnifiedSocialCreditCode.Parse("91350100M000100Y43").GetValueOrThrow();

        Assert.Equal('9', code.RegistrationAuthorityCode); // GB 32100-2015 §4.1 position 1
        Assert.Equal('1', code.OrganizationCategoryCode); // GB 32100-2015 §4.1 position 2
        Assert.Equal("350100", code.RegionCode); // GB 32100-2015 §4.1 positions 3–8
        Assert.Equal("M000100Y4", code.OrganizationCode); // GB 32100-2015 §4.1 positions 9–17
    }

    [Theory]
    [InlineData(null)] // GB 32100-2015 §4: the code is mandatory
    [InlineData(" \t\u3000")] // GB 32100-2015 §4: whitespace only is empty after normalisation
    public void Parse_rejects_empty_input(string? input) =>
        Assert.Equal("统一社会信用代码不能为空", UnifiedSocialCreditCode.Parse(input).Error);

    [Theory]
    [InlineData("91350100M000100Y4", 17)] // GB 32100-2015 §4: 18 characters (one missing)
    [InlineData("91350100M000100Y433", 19)] // GB 32100-2015 §4: 18 characters (one extra)
    [InlineData("M000100Y4", 9)] // GB 32100-2015 §4: a bare GB 11714 organisation code is not a credit code
    [InlineData("91350100-M000100Y43", 19)] // GB 32100-2015 §4: the length is counted after normalisation
    public void Parse_rejects_wrong_length(string input, int length) =>
        Assert.Equal($"统一社会信用代码应为18位，实为{length}位", UnifiedSocialCreditCode.Parse(input).Error);

    [Theory]
    [InlineData("V1350100M000100Y43", 1, "V")] // GB 32100-2015 §4.3: V is not used
    [InlineData("9O350100M000100Y43", 2, "O")] // GB 32100-2015 §4.3: O is not used (confusable with 0)
    [InlineData("91350100I000100Y43", 9, "I")] // GB 32100-2015 §4.3: I is not used (confusable with 1)
    [InlineData("91350100i000100Y43", 9, "I")] // GB 32100-2015 §4.3: I is not used; lower case is upper-cased first
    [InlineData("91350100M000100S43", 16, "S")] // GB 32100-2015 §4.3: S is not used (confusable with 5)
    [InlineData("91350100M000100Y4Z", 18, "Z")] // GB 32100-2015 §4.3: Z is not used (confusable with 2)
    [InlineData("9135-100M000100Y43", 5, "-")] // GB 32100-2015 §4.3: punctuation is not in the character set
    [InlineData("91350100M00010公Y43", 15, "公")] // GB 32100-2015 §4.3: only ASCII digits and capitals
    public void Parse_rejects_each_character_outside_the_GB_32100_set(string input, int position, string character) =>
        Assert.Equal(
            $"统一社会信用代码第{position}位“{character}”不是允许的字符（不使用I、O、Z、S、V）",
            UnifiedSocialCreditCode.Parse(input).Error);

    [Theory]
    [InlineData("B1350100M000100Y43", "B")] // GB 32100-2015 Table 1: B is not a registration authority
    [InlineData("01350100M000100Y43", "0")] // GB 32100-2015 Table 1: 0 is not a registration authority
    [InlineData("X1350100M000100Y43", "X")] // GB 32100-2015 Table 1: X is not a registration authority
    public void Parse_rejects_unknown_registration_authority(string input, string authority) =>
        Assert.Equal(
            $"统一社会信用代码第1位登记管理部门码“{authority}”无效（应为1–9、A、N、Y之一）",
            UnifiedSocialCreditCode.Parse(input).Error);

    [Theory]
    [InlineData("9135A100M000100Y43")] // GB 32100-2015 §4.1: positions 3–8 are a GB/T 2260 code, digits only
    [InlineData("91M50100M000100Y43")] // GB 32100-2015 §4.1: position 3 must be a digit
    [InlineData("9135010AM000100Y43")] // GB 32100-2015 §4.1: position 8 must be a digit
    public void Parse_rejects_region_code_that_is_not_six_digits(string input) =>
        Assert.Equal("统一社会信用代码第3至8位登记管理机关行政区划码应为6位数字", UnifiedSocialCreditCode.Parse(input).Error);

    [Theory]
    [InlineData("91350100M000100Y53", "4")] // GB 11714-1997 check: position 17 should be 4 (139 mod 11 = 7)
    [InlineData("91350100M000200Y43", "X")] // GB 11714-1997 check: body typo, 144 mod 11 = 1, 11 − 1 = 10 → X
    [InlineData("91110000600037342L", "1")] // GB 11714-1997 check: position 17 should be 1
    public void Parse_rejects_nested_organization_code_check_failure(string input, string expected) =>
        Assert.Equal(
            $"统一社会信用代码第9至17位组织机构代码校验码错误：应为“{expected}”",
            UnifiedSocialCreditCode.Parse(input).Error);

    [Theory]
    [InlineData("91350100M000100Y44", "3", "4")] // GB 32100-2015 §5 check character (should be 3)
    [InlineData("91110000600037341M", "L", "M")] // GB 32100-2015 §5 check character (should be L)
    [InlineData("92350100M000100Y43", "0", "3")] // GB 32100-2015 §5: a typo in position 2 is caught only by the final check
    public void Parse_rejects_wrong_check_character(string input, string expected, string actual) =>
        Assert.Equal(
            $"统一社会信用代码校验码错误：第18位应为“{expected}”，实为“{actual}”",
            UnifiedSocialCreditCode.Parse(input).Error);

    [Theory]
    [InlineData("91350100M000100Y4", '3')] // GB 32100-2015 §5: 1640 mod 31 = 28, 31 − 28 = 3
    [InlineData("91110000600037341", 'L')] // GB 32100-2015 §5: value 20 → L
    [InlineData("91110000000000457", '0')] // GB 32100-2015 §5: 434 mod 31 = 0, 31 is written “0”
    [InlineData("92350100M000100Y4", '0')] // GB 32100-2015 §5: 1643 mod 31 = 0, 31 is written “0”
    public void ComputeCheckCharacter_follows_GB_32100_section_5(string first17, char expected) =>
        Assert.Equal(expected, UnifiedSocialCreditCode.ComputeCheckCharacter(first17));

    [Theory]
    [InlineData("91350100M000100Y")] // 16 characters
    [InlineData("91350100M000100Y43")] // 18 characters
    [InlineData("91350100I000100Y4")] // I is not in the GB 32100 character set
    [InlineData("91350100m000100Y4")] // lower case is not normalised here
    public void ComputeCheckCharacter_rejects_anything_but_17_characters_of_the_set(string first17) =>
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.ComputeCheckCharacter(first17));

    [Theory]
    [InlineData("M000100Y", '4')] // GB 11714-1997: 139 mod 11 = 7, 11 − 7 = 4 (worked in class comment)
    [InlineData("60003734", '1')] // GB 11714-1997: 109 mod 11 = 10, 11 − 10 = 1
    [InlineData("00000006", 'X')] // GB 11714-1997: 12 mod 11 = 1, 11 − 1 = 10 → X
    [InlineData("00000000", '0')] // GB 11714-1997: 0 mod 11 = 0, 11 − 0 = 11 → 0
    [InlineData("M000200Y", 'X')] // GB 11714-1997: 144 mod 11 = 1 → X
    public void ComputeOrganizationCodeCheck_follows_GB_11714(string first8, char expected) =>
        Assert.Equal(expected, UnifiedSocialCreditCode.ComputeOrganizationCodeCheck(first8));

    [Theory]
    [InlineData("M000100")] // 7 characters
    [InlineData("M000100Y4")] // 9 characters
    [InlineData("m000100Y")] // lower case
    [InlineData("M000-00Y")] // punctuation
    public void ComputeOrganizationCodeCheck_rejects_anything_but_8_digits_or_capitals(string first8) =>
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.ComputeOrganizationCodeCheck(first8));

    [Fact]
    public void Computed_check_characters_round_trip_through_Parse_for_random_codes()
    {
        var random = new Random(32100);
        for (var n = 0; n < 1000; n++)
        {
            var code = RandomCode(random);

            var result = UnifiedSocialCreditCode.Parse(code.ToLowerInvariant());

            Assert.True(result.IsValid, $"{code}: {result.Error}");
            Assert.Equal(code, result.Value!.Value);
        }
    }

    [Fact]
    public void Every_single_character_substitution_is_rejected()
    {
        // 31 is prime and no weight is 0 mod 31, so GB 32100-2015 §5 catches every single substitution in positions 1–17.
        var random = new Random(11714);
        for (var n = 0; n < 30; n++)
        {
            var code = RandomCode(random);
            for (var i = 0; i < UnifiedSocialCreditCode.Length; i++)
            {
                foreach (var c in UnifiedSocialCreditCode.Alphabet)
                {
                    if (c != code[i])
                    {
                        var typo = string.Concat(code.AsSpan(0, i), new string(c, 1), code.AsSpan(i + 1));
                        Assert.False(UnifiedSocialCreditCode.Parse(typo).IsValid, typo);
                    }
                }
            }
        }
    }

    private static string RandomCode(Random random)
    {
        var chars = new char[17];
        chars[0] = UnifiedSocialCreditCode.RegistrationAuthorityCodes[random.Next(UnifiedSocialCreditCode.RegistrationAuthorityCodes.Length)];
        chars[1] = (char)('1' + random.Next(9));
        for (var i = 2; i < 8; i++)
        {
            chars[i] = (char)('0' + random.Next(10));
        }

        for (var i = 8; i < 16; i++)
        {
            chars[i] = UnifiedSocialCreditCode.Alphabet[random.Next(UnifiedSocialCreditCode.Alphabet.Length)];
        }

        chars[16] = UnifiedSocialCreditCode.ComputeOrganizationCodeCheck(chars.AsSpan(8, 8));
        return new string(chars) + UnifiedSocialCreditCode.ComputeCheckCharacter(chars);
    }
}
