using Gongjiang.Core.Window;

namespace Gongjiang.Core.Tests.Window;

/// <summary>
/// 办件编号: region (GB/T 2260) + date + sequence + five random characters + a Luhn mod 32 check character; used with
/// the applicant's name by the public progress query.
/// </summary>
public sealed class ReceiptNumberTests
{
    private static readonly DateOnly Filed = new(2026, 3, 15);

    [Fact]
    public void Create_lays_out_region_date_sequence_random_and_check()
    {
        var number = ReceiptNumber.Create("440300", Filed, 123, [0xDE, 0xAD, 0xBE, 0xEF]);

        Assert.Equal(ReceiptNumber.Length, number.Value.Length);
        Assert.StartsWith("44030020260315000123", number.Value, StringComparison.Ordinal);
        // 0xDEADBEEF = 11011 11010 10110 11011 11101 …: 27, 26, 22, 27, 29 → V T P V X in Crockford base 32.
        Assert.Equal("VTPVX", number.Value[20..25]);
        Assert.Equal(("440300", Filed, 123), (number.RegionCode, number.FiledOn, number.Sequence));
        Assert.Equal($"440300-20260315-000123-VTPVX-{number.Value[25]}", number.ToDisplayString());
        Assert.Equal(number.Value, number.ToString());
    }

    [Fact]
    public void A_number_parses_back_from_its_display_form_and_as_people_type_it()
    {
        var number = ReceiptNumber.Create("440300", Filed, 7, [0, 0, 0, 0]); // random part “00000”
        var typed = " " + number.ToDisplayString().ToLowerInvariant().Replace("00000", "oOoOo", StringComparison.Ordinal) + " ";

        Assert.Equal(number, ReceiptNumber.Parse(number.Value).Value);
        Assert.Equal(number, ReceiptNumber.Parse(number.ToDisplayString()).Value);
        Assert.Equal(number, ReceiptNumber.Parse(typed).Value);
        // Full-width digits from a Chinese input method.
        Assert.Equal(number, ReceiptNumber.Parse(string.Concat(number.Value.Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : c))).Value);
    }

    [Fact]
    public void Every_single_mistyped_character_is_caught()
    {
        var number = ReceiptNumber.Create("440300", Filed, 4567, [0x12, 0x34, 0x56, 0x78]).Value;
        const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var caught = 0;

        for (var i = 0; i < number.Length; i++)
        {
            foreach (var c in Alphabet.Where(c => c != number[i]))
            {
                var typo = number[..i] + c + number[(i + 1)..];
                Assert.False(ReceiptNumber.Parse(typo).IsValid, typo);
                caught++;
            }
        }

        Assert.Equal(26 * 31, caught);
    }

    [Fact]
    public void Swapping_two_adjacent_different_characters_is_caught()
    {
        foreach (var bytes in new byte[][] { [0x12, 0x34, 0x56, 0x78], [0xFF, 0x00, 0xA5, 0x5A], [0x9C, 0x3E, 0x01, 0x77] })
        {
            var number = ReceiptNumber.Create("110101", Filed, 908_172, bytes).Value;
            for (var i = 0; i + 1 < number.Length; i++)
            {
                if (number[i] == number[i + 1] || (number[i], number[i + 1]) is ('0', 'Z') or ('Z', '0'))
                {
                    continue; // no change, or the one pair Luhn mod 32 cannot see
                }

                var swapped = number[..i] + number[i + 1] + number[i] + number[(i + 2)..];
                Assert.False(ReceiptNumber.Parse(swapped).IsValid, swapped);
            }
        }
    }

    [Fact]
    public void Numbers_differing_in_any_of_the_25_random_bits_differ()
    {
        var a = ReceiptNumber.Create("440300", Filed, 1, [1, 2, 3, 4]);
        var b = ReceiptNumber.Create("440300", Filed, 1, [1, 2, 3, 0x84]); // the 25th bit differs

        Assert.NotEqual(a.Value, b.Value);
        Assert.Equal(a.Value[..20], b.Value[..20]);
        // Bits after the 25th are not used.
        Assert.Equal(a, ReceiptNumber.Create("440300", Filed, 1, [1, 2, 3, 0x7F, 0xFF]));
    }

    [Theory]
    [InlineData("", "办件编号不能为空")]
    [InlineData("4403002026031500012", "办件编号应为26位（地区代码6位、日期8位、序号6位、查询码5位、校验码1位），您输入了19位")]
    [InlineData("44030020260315A00123VTQVX0", "办件编号的前20位应为数字（地区代码、日期、序号）")]
    [InlineData("44030020260315000123VTQV#0", "办件编号的末6位含有无效字符")]
    [InlineData("44030020260230000123VTQVX0", "办件编号中的日期无效")]
    [InlineData("44030020260315000000VTQVX0", "办件编号中的序号无效")]
    public void Malformed_numbers_are_refused_in_Chinese(string text, string message)
    {
        Assert.Equal(message, ReceiptNumber.Parse(text).Error);
    }

    [Fact]
    public void A_wrong_check_character_is_refused()
    {
        var number = ReceiptNumber.Create("440300", Filed, 123, [0xDE, 0xAD, 0xBE, 0xEF]).Value;
        var wrong = number[..^1] + (number[^1] == 'A' ? 'B' : 'A');

        Assert.Equal("办件编号校验不符，请核对后重新输入", ReceiptNumber.Parse(wrong).Error);
    }

    [Fact]
    public void Create_refuses_bad_arguments()
    {
        Assert.Throws<ArgumentException>(() => ReceiptNumber.Create("44030", Filed, 1, [1, 2, 3, 4]));
        Assert.Throws<ArgumentException>(() => ReceiptNumber.Create("44030A", Filed, 1, [1, 2, 3, 4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReceiptNumber.Create("440300", Filed, 0, [1, 2, 3, 4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReceiptNumber.Create("440300", Filed, 1_000_000, [1, 2, 3, 4]));
        Assert.Throws<ArgumentException>(() => ReceiptNumber.Create("440300", Filed, 1, [1, 2, 3]));
    }
}
