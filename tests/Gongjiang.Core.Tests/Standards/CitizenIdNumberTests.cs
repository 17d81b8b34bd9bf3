using System.Globalization;
using Gongjiang.Core.Standards;

namespace Gongjiang.Core.Tests.Standards;

/// <summary>
/// GB 11643-1999 公民身份号码. Check characters in the data below were computed with an independent script and two are
/// worked by hand:
/// <code>
/// 11010519491231002X: 1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10 + 1·5 + 0·8 + 0·4 + 2·2
///                     = 7 + 9 + 0 + 5 + 0 + 20 + 2 + 9 + 24 + 27 + 7 + 18 + 30 + 5 + 0 + 0 + 4 = 167; 167 mod 11 = 2 → “X”
/// 44030519900101123X: 4·7 + 4·9 + 0·10 + 3·5 + 0·8 + 5·4 + 1·2 + 9·1 + 9·6 + 0·3 + 0·7 + 1·9 + 0·10 + 1·5 + 1·8 + 2·4 + 3·2
///                     = 28 + 36 + 0 + 15 + 0 + 20 + 2 + 9 + 54 + 0 + 0 + 9 + 0 + 5 + 8 + 8 + 6 = 200; 200 mod 11 = 2 → “X”
/// 110103198001010013: 1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 3·4 + 1·2 + 9·1 + 8·6 + 0·3 + 0·7 + 1·9 + 0·10 + 1·5 + 0·8 + 0·4 + 1·2
///                     = 7 + 9 + 0 + 5 + 0 + 12 + 2 + 9 + 48 + 0 + 0 + 9 + 0 + 5 + 0 + 0 + 2 = 108; 108 mod 11 = 9 → “3”
/// </code>
/// So the often-quoted 440305199001011234 is NOT valid: its check character must be “X”.
/// </summary>
public sealed class CitizenIdNumberTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);

    private static Gongjiang.Core.Common.Result<CitizenIdNumber> Parse(string? input) =>
        CitizenIdNumber.Parse(input, Today, FakeRegionDirectory.Instance);

    [Theory]
    [InlineData("11010519491231002X", "11010519491231002X")] // GB 11643-1999 §7.2 check character X (worked sum 167 in class comment)
    [InlineData("44030519900101123X", "44030519900101123X")] // GB 11643-1999 §7.2 check character X (worked sum 200 in class comment)
    [InlineData("11010519491231002x", "11010519491231002X")] // GB 11643-1999 §7.2 check X; lower-case x accepted and upper-cased
    [InlineData("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X")] // GB 11643-1999 §6 digits; full-width input normalised
    [InlineData("110105 19491231 002X", "11010519491231002X")] // GB 11643-1999 §6 structure; spaces between groups removed
    [InlineData("\u3000110105\u00A019491231\t002x ", "11010519491231002X")] // GB 11643-1999 §6; ideographic space, NBSP, tab removed
    [InlineData("110105194912310011", "110105194912310011")] // GB 11643-1999 §7.2 check character 1 (remainder 0)
    [InlineData("110105194912310038", "110105194912310038")] // GB 11643-1999 §7.2 check character 8
    [InlineData("110105194912310046", "110105194912310046")] // GB 11643-1999 §7.2 check character 6
    [InlineData("810000199001010019", "810000199001010019")] // GB 11643-1999 §5.1.1 province 81 (香港) is a GB/T 2260 code
    [InlineData("710000199001010023", "710000199001010023")] // GB 11643-1999 §5.1.1 province 71 (台湾) is a GB/T 2260 code
    public void Parse_accepts_valid_numbers_and_normalises_them(string input, string expected)
    {
        var result = Parse(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value!.Value);
        Assert.False(result.Value.UpgradedFromLegacy);
    }

    [Theory]
    [InlineData("11010519491231002X", "1949-12-31", Sex.Female, "11", "110105")] // GB 11643-1999 §5.1.2 birth date, §5.1.3 even → female
    [InlineData("44030519900101123X", "1990-01-01", Sex.Male, "44", "440305")] // GB 11643-1999 §5.1.3 digit 17 = 3, odd → male
    [InlineData("440106200002290024", "2000-02-29", Sex.Female, "44", "440106")] // GB 11643-1999 §5.1.2 leap day in a leap year (2000)
    public void Parse_extracts_birth_date_sex_and_region(string input, string birthDate, Sex sex, string province, string region)
    {
        var id = Parse(input).GetValueOrThrow();

        Assert.Equal(DateOnly.Parse(birthDate, CultureInfo.InvariantCulture), id.BirthDate);
        Assert.Equal(sex, id.Sex);
        Assert.Equal(province, id.ProvinceCode);
        Assert.Equal(region, id.RegionCode);
    }

    [Theory]
    [InlineData("440305199001011234", "公民身份号码校验码错误：第18位应为“X”，实为“4”")] // GB 11643-1999 §7.2 check character (should be X)
    [InlineData("110105194912310025", "公民身份号码校验码错误：第18位应为“X”，实为“5”")] // GB 11643-1999 §7.2 check character
    [InlineData("11010519491231002０", "公民身份号码校验码错误：第18位应为“X”，实为“0”")] // GB 11643-1999 §7.2; full-width digit normalised first
    [InlineData("11010519491231001X", "公民身份号码校验码错误：第18位应为“1”，实为“X”")] // GB 11643-1999 §7.2 X where a digit is due
    public void Parse_rejects_wrong_check_character(string input, string error) =>
        Assert.Equal(error, Parse(input).Error);

    [Theory]
    [InlineData(null)] // GB 11643-1999 §4: the number is mandatory
    [InlineData("")] // GB 11643-1999 §4: the number is mandatory
    [InlineData(" \u3000\t")] // GB 11643-1999 §4: whitespace only is empty after normalisation
    public void Parse_rejects_empty_input(string? input) =>
        Assert.Equal("公民身份号码不能为空", Parse(input).Error);

    [Theory]
    [InlineData("11010519491231002", 17)] // GB 11643-1999 §6: 18 characters (one missing)
    [InlineData("11010519491231002XX", 19)] // GB 11643-1999 §6: 18 characters (one extra)
    [InlineData("4403018801011", 13)] // GB 11643-1999 §6 / GB 11643-1989: neither 18 nor 15
    [InlineData("1", 1)] // GB 11643-1999 §6: 18 characters
    [InlineData("4403018801011231", 16)] // GB 11643-1999 §6: 16 digits is neither form
    public void Parse_rejects_wrong_length(string input, int length) =>
        Assert.Equal($"公民身份号码应为18位（或15位旧号码），实为{length}位", Parse(input).Error);

    [Theory]
    [InlineData("11010519491231002Y", "Y")] // GB 11643-1999 §7.2: only 0–9 and X are check characters
    [InlineData("110105-19491231-002X", "-")] // GB 11643-1999 §6: hyphens are not part of the number
    [InlineData("1101051949123100X2", "X")] // GB 11643-1999 §6: X only in position 18
    [InlineData("44030188010112X", "X")] // GB 11643-1989 15-digit number has no check character
    [InlineData("11010519491231002✓", "✓")] // GB 11643-1999 §6: digits only
    [InlineData("1101051949123100😀", "😀")] // GB 11643-1999 §6; a surrogate pair is quoted whole
    [InlineData("身份证11010519491231002X", "身")] // GB 11643-1999 §6: labels pasted along are rejected
    public void Parse_rejects_illegal_characters(string input, string character) =>
        Assert.Equal($"公民身份号码含有非法字符“{character}”", Parse(input).Error);

    [Theory]
    [InlineData("440301880101123", "440301198801011238", Sex.Male)] // GB 11643-1999 §8 upgrade: insert 19, append check (202 mod 11 = 4 → 8)
    [InlineData("４４０３０１８８０１０１１２３", "440301198801011238", Sex.Male)] // GB 11643-1999 §8; full-width legacy digits
    [InlineData("110105491231002", "11010519491231002X", Sex.Female)] // GB 11643-1999 §8: upgrade yields the check character X
    public void Parse_upgrades_legacy_15_digit_numbers(string input, string upgraded, Sex sex)
    {
        var id = Parse(input).GetValueOrThrow();

        Assert.Equal(upgraded, id.Value);
        Assert.True(id.UpgradedFromLegacy);
        Assert.Equal(sex, id.Sex);
        Assert.Equal(upgraded.Substring(6, 8), id.BirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("440106200002290024", true, null)] // GB 11643-1999 §5.1.2: 2000 is a leap year (divisible by 400)
    [InlineData("440106200102290013", false, "出生日期“20010229”不存在")] // GB 11643-1999 §5.1.2: 2001 is not a leap year
    [InlineData("44010619000229001X", false, "出生日期“19000229”不存在")] // GB 11643-1999 §5.1.2: 1900 is not a leap year (century rule)
    [InlineData("650102199902310017", false, "出生日期“19990231”不存在")] // GB 11643-1999 §5.1.2: 31 February does not exist
    [InlineData("440106199013010010", false, "出生日期“19901301”不存在")] // GB 11643-1999 §5.1.2: month 13 does not exist
    [InlineData("440106199001000018", false, "出生日期“19900100”不存在")] // GB 11643-1999 §5.1.2: day 00 does not exist
    [InlineData("440301000229123", false, "出生日期“19000229”不存在")] // GB 11643-1989 15-digit: 19YY, and 1900-02-29 does not exist
    public void Parse_checks_that_the_birth_date_exists(string input, bool valid, string? error)
    {
        var result = Parse(input);

        Assert.Equal(valid, result.IsValid);
        Assert.Equal(error, result.Error);
    }

    [Theory]
    [InlineData("440106202507010015", "出生日期“20250701”晚于今天")] // GB 11643-1999 §5.1.2: birth date after today (2025-06-30)
    [InlineData("440106189912310018", "出生日期“18991231”早于1900年1月1日")] // GB 11643-1999 §5.1.2: earlier than any plausible holder
    public void Parse_rejects_implausible_birth_dates(string input, string error) =>
        Assert.Equal(error, Parse(input).Error);

    [Theory]
    [InlineData("440106202506300010")] // GB 11643-1999 §5.1.2: a child born today may be registered
    [InlineData("440106190001010012")] // GB 11643-1999 §5.1.2: 1900-01-01 is the earliest accepted date
    public void Parse_accepts_the_boundary_birth_dates(string input)
    {
        var result = Parse(input);
        Assert.True(result.IsValid, result.Error);
    }

    [Theory]
    [InlineData("990101199001011230", "99")] // GB 11643-1999 §5.1.1 / GB/T 2260: 99 is not a province-level code
    [InlineData("000101199001011231", "00")] // GB 11643-1999 §5.1.1 / GB/T 2260: 00 is not a province-level code
    [InlineData("830000199001010012", "83")] // GB/T 2260: 83 is used by 台湾居民居住证 numbers, not a province code
    public void Parse_rejects_unknown_province(string input, string province) =>
        Assert.Equal($"公民身份号码前两位“{province}”不是有效的省级行政区划代码", Parse(input).Error);

    [Theory]
    [InlineData("110103198001010013")] // GB 11643-1999 §5.1.1: 110103 崇文区 (abolished 2010) was the code at time of issue
    [InlineData("11010419800101001X")] // GB 11643-1999 §5.1.1: 110104 宣武区 (abolished 2010)
    [InlineData("449999198001010014")] // GB 11643-1999 §5.1.1: county digits are never looked up
    public void Parse_accepts_county_codes_that_are_no_longer_listed(string input)
    {
        Assert.Null(FakeRegionDirectory.Instance.Find(input[..6]));

        var result = Parse(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(input[..6], result.Value!.RegionCode);
    }

    [Theory]
    [InlineData("11010519491231002X", "110*************2X")] // masking: first 3 + 13 stars + last 2
    [InlineData("44030519900101123X", "440*************3X")] // masking: first 3 + 13 stars + last 2
    [InlineData("110105491231002", "110*************02")] // masking a raw 15-digit value still gives 18 characters
    [InlineData("１１０１０５１９４９１２３１００２ｘ", "110*************2X")] // masking normalises first
    [InlineData("1234", "******************")] // too short to reveal anything: 18 stars
    [InlineData(null, "******************")] // null: 18 stars
    public void Mask_keeps_first_three_and_last_two_characters_in_18(string? input, string expected)
    {
        Assert.Equal(expected, CitizenIdNumber.Mask(input));
        Assert.Equal(18, CitizenIdNumber.Mask(input).Length);
    }

    [Fact]
    public void ToString_never_reveals_the_full_number()
    {
        var id = Parse("11010519491231002X").GetValueOrThrow();

        Assert.Equal("110*************2X", id.Masked);
        Assert.Equal("110*************2X", id.ToString());
        Assert.Equal("110*************2X", $"{id}");
    }

    [Fact]
    public void Equal_numbers_parse_to_equal_values()
    {
        Assert.Equal(Parse("11010519491231002x").Value, Parse("１１０１０５１９４９１２３１００２Ｘ").Value);
        Assert.Equal(Parse("110105491231002").Value!.Value, Parse("11010519491231002X").Value!.Value);
    }

    [Theory]
    [InlineData("11010519491231002", "X")] // GB 11643-1999 §7.2: remainder 2 → X
    [InlineData("44030119880101123", "8")] // GB 11643-1999 §7.2: remainder 4 → 8
    [InlineData("11010519491231001", "1")] // GB 11643-1999 §7.2: remainder 0 → 1
    [InlineData("44010619000101001", "2")] // GB 11643-1999 §7.2: remainder 10 → 2
    public void ComputeCheckCharacter_maps_the_remainder_through_the_table(string first17, string expected) =>
        Assert.Equal(expected, CitizenIdNumber.ComputeCheckCharacter(first17));

    [Theory]
    [InlineData("1101051949123100")] // 16 digits
    [InlineData("110105194912310021")] // 18 digits
    [InlineData("1101051949123100X")] // X is not a body digit
    public void ComputeCheckCharacter_rejects_anything_but_17_digits(string first17) =>
        Assert.Throws<ArgumentException>(() => CitizenIdNumber.ComputeCheckCharacter(first17));

    [Fact]
    public void Computed_check_characters_round_trip_through_Parse_for_random_bodies()
    {
        var random = new Random(11643);
        for (var n = 0; n < 1000; n++)
        {
            var first17 = RandomBody(random);
            var check = CitizenIdNumber.ComputeCheckCharacter(first17);
            var number = first17 + (random.Next(2) == 0 ? check : check.ToLowerInvariant());

            var result = Parse(number);

            Assert.True(result.IsValid, $"{number}: {result.Error}");
            Assert.Equal(first17 + check, result.Value!.Value);
            Assert.Equal(first17.Substring(6, 8), result.Value.BirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Assert.Equal((first17[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female, result.Value.Sex);
        }
    }

    [Fact]
    public void Every_single_digit_substitution_and_adjacent_transposition_is_rejected()
    {
        // ISO 7064 MOD 11-2 detects all single substitutions and all adjacent transpositions (GB 11643-1999 §7).
        var random = new Random(7064);
        for (var n = 0; n < 50; n++)
        {
            var first17 = RandomBody(random);
            var valid = first17 + CitizenIdNumber.ComputeCheckCharacter(first17);
            for (var i = 0; i < 17; i++)
            {
                for (var d = '0'; d <= '9'; d++)
                {
                    if (d != valid[i])
                    {
                        var typo = string.Concat(valid.AsSpan(0, i), new string(d, 1), valid.AsSpan(i + 1));
                        Assert.False(Parse(typo).IsValid, typo);
                    }
                }

                if (i < 16 && valid[i] != valid[i + 1])
                {
                    var chars = valid.ToCharArray();
                    (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                    var swapped = new string(chars);
                    Assert.False(Parse(swapped).IsValid, swapped);
                }
            }
        }
    }

    private static string RandomBody(Random random)
    {
        var province = FakeRegionDirectory.ProvinceCodes[random.Next(FakeRegionDirectory.ProvinceCodes.Length)];
        var earliest = new DateOnly(1900, 1, 1).DayNumber;
        var birthDate = DateOnly.FromDayNumber(random.Next(earliest, Today.DayNumber + 1));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{province}{random.Next(10000):D4}{birthDate:yyyyMMdd}{random.Next(1000):D3}");
    }
}
