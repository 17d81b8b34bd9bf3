using System.Globalization;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Standards;

/// <summary>
/// 中国大陆手机号码: the 11-digit mobile subscriber number of the national numbering plan (工业和信息化部
/// 《电信网编号计划》, ITU-T E.164 country code +86), whose network identifier starts 13–19.
/// </summary>
/// <remarks>
/// <para>Invariants (instances are only created by <see cref="Parse"/>):</para>
/// <list type="bullet">
/// <item><see cref="Value"/> is exactly 11 ASCII digits, without any country prefix or separators.</item>
/// <item>The first digit is “1” and the second is “3”–“9”.</item>
/// </list>
/// <para>Accepted input: an optional “+86”, “0086” or “86” prefix (the bare “86” only when 13 digits remain,
/// since no valid 11-digit number starts with 8), spaces and hyphens anywhere, full-width digits.
/// <see cref="ToString"/> returns <see cref="Masked"/> so that logs never disclose the full number.</para>
/// </remarks>
public sealed record MobileNumber
{
    /// <summary>The number of digits in a mainland mobile number.</summary>
    public const int Length = 11;

    private MobileNumber(string value) => Value = value;

    /// <summary>The 11 digits, e.g. “13812345678”.</summary>
    public string Value { get; }

    /// <summary>The number for display: first 3 and last 4 digits, e.g. “138****5678”.</summary>
    public string Masked => string.Concat(Value.AsSpan(0, 3), "****", Value.AsSpan(7));

    /// <summary>Parses a mobile number typed or pasted by a person; every rejection carries a Chinese explanation.</summary>
    public static Result<MobileNumber> Parse(string? input)
    {
        var text = IdentifierText.Normalize(input).Replace("-", string.Empty, StringComparison.Ordinal);
        if (text.Length == 0)
        {
            return Result<MobileNumber>.Fail("手机号码不能为空");
        }

        if (text.StartsWith("+86", StringComparison.Ordinal))
        {
            text = text[3..];
        }
        else if (text.StartsWith("0086", StringComparison.Ordinal))
        {
            text = text[4..];
        }
        else if (text.Length == Length + 2 && text.StartsWith("86", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return Result<MobileNumber>.Fail(string.Create(
                    CultureInfo.InvariantCulture, $"手机号码含有非法字符“{IdentifierText.CharacterAt(text, i)}”"));
            }
        }

        if (text.Length != Length)
        {
            return Result<MobileNumber>.Fail(string.Create(CultureInfo.InvariantCulture, $"手机号码应为11位数字，实为{text.Length}位"));
        }

        if (text[0] != '1' || text[1] is < '3' or > '9')
        {
            return Result<MobileNumber>.Fail(string.Create(
                CultureInfo.InvariantCulture, $"手机号码“{text}”不是有效的中国大陆手机号码（应以13–19开头）"));
        }

        return Result<MobileNumber>.Ok(new MobileNumber(text));
    }

    /// <summary>Returns <see cref="Masked"/>, never the full number.</summary>
    public override string ToString() => Masked;
}
