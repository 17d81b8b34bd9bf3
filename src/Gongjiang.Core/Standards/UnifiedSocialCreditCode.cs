using System.Globalization;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Standards;

/// <summary>
/// 统一社会信用代码 per GB 32100-2015 (法人和其他组织统一社会信用代码编码规则): 18 characters from the 31-character set
/// “0123456789ABCDEFGHJKLMNPQRTUWXY” (the letters I、O、Z、S、V are never used), laid out as
/// 登记管理部门码 (position 1), 机构类别码 (2), 登记管理机关行政区划码 (3–8, six digits of GB/T 2260),
/// 主体标识码 = 组织机构代码 per GB 11714 (9–17, eight body characters plus their own MOD 11 check character) and a
/// final check character (18) computed over positions 1–17 with weights 3<sup>i−1</sup> mod 31.
/// </summary>
/// <remarks>
/// <para>Invariants (instances are only created by <see cref="Parse"/>):</para>
/// <list type="bullet">
/// <item><see cref="Value"/> is exactly 18 characters of the GB 32100 character set (§4.3, Table 2 / 附录).</item>
/// <item><see cref="RegistrationAuthorityCode"/> is one of 1,2,3,4,5,6,7,8,9,A,N,Y (GB 32100 Table 1 as amended).
/// <see cref="OrganizationCategoryCode"/> is only required to be in the character set, because the category lists
/// per authority keep being extended and a stricter check would reject real codes.</item>
/// <item><see cref="RegionCode"/> is six ASCII digits. It is not checked against the current GB/T 2260 list: it is
/// the code of the registering authority at the time of registration.</item>
/// <item><see cref="OrganizationCode"/> is a valid GB 11714-1997 组织机构代码 (its 9th character is its check character).</item>
/// <item>The 18th character is the GB 32100-2015 §5 check character of the first 17.</item>
/// </list>
/// </remarks>
public sealed record UnifiedSocialCreditCode
{
    /// <summary>The length of a code.</summary>
    public const int Length = 18;

    /// <summary>The GB 32100-2015 character set; a character's value is its index (A=10, …, Y=30).</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>The 登记管理部门码 of GB 32100-2015 Table 1 (including the later A 军队 and N 农业农村 additions).</summary>
    public const string RegistrationAuthorityCodes = "123456789ANY";

    /// <summary>Weights 3<sup>i−1</sup> mod 31 for positions 1–17 (GB 32100-2015 §5).</summary>
    private static ReadOnlySpan<byte> Weights => [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Weights for the eight body characters of a GB 11714 organisation code.</summary>
    private static ReadOnlySpan<byte> OrganizationCodeWeights => [3, 7, 9, 10, 5, 8, 4, 2];

    private UnifiedSocialCreditCode(string value) => Value = value;

    /// <summary>The normalised 18-character code.</summary>
    public string Value { get; }

    /// <summary>登记管理部门码 (position 1): 1 机构编制, 5 民政, 9 工商/市场监管, Y 其他, ….</summary>
    public char RegistrationAuthorityCode => Value[0];

    /// <summary>机构类别码 (position 2), meaningful together with <see cref="RegistrationAuthorityCode"/> (e.g. 91 企业).</summary>
    public char OrganizationCategoryCode => Value[1];

    /// <summary>登记管理机关行政区划码 (positions 3–8), six digits.</summary>
    public string RegionCode => Value.Substring(2, 6);

    /// <summary>主体标识码 / 组织机构代码 (positions 9–17), nine characters including its GB 11714 check character.</summary>
    public string OrganizationCode => Value.Substring(8, 9);

    /// <summary>
    /// Parses a 统一社会信用代码 typed or pasted by a person. The input is first normalised with
    /// <see cref="IdentifierText.Normalize"/> (spaces, full-width characters and lower case are accepted).
    /// Every rejection carries a Chinese explanation naming the offending position.
    /// </summary>
    public static Result<UnifiedSocialCreditCode> Parse(string? input)
    {
        var text = IdentifierText.Normalize(input);
        if (text.Length == 0)
        {
            return Fail("统一社会信用代码不能为空");
        }

        if (text.Length != Length)
        {
            return Fail(string.Create(CultureInfo.InvariantCulture, $"统一社会信用代码应为18位，实为{text.Length}位"));
        }

        for (var i = 0; i < Length; i++)
        {
            if (!Alphabet.Contains(text[i], StringComparison.Ordinal))
            {
                return Fail(string.Create(CultureInfo.InvariantCulture, $"统一社会信用代码第{i + 1}位“{IdentifierText.CharacterAt(text, i)}”不是允许的字符（不使用I、O、Z、S、V）"));
            }
        }

        if (!RegistrationAuthorityCodes.Contains(text[0], StringComparison.Ordinal))
        {
            return Fail(string.Create(CultureInfo.InvariantCulture, $"统一社会信用代码第1位登记管理部门码“{text[0]}”无效（应为1–9、A、N、Y之一）"));
        }

        if (text.AsSpan(2, 6).ContainsAnyExceptInRange('0', '9'))
        {
            return Fail("统一社会信用代码第3至8位登记管理机关行政区划码应为6位数字");
        }

        var expectedOrganizationCheck = ComputeOrganizationCodeCheck(text.AsSpan(8, 8));
        if (text[16] != expectedOrganizationCheck)
        {
            return Fail(string.Create(CultureInfo.InvariantCulture, $"统一社会信用代码第9至17位组织机构代码校验码错误：应为“{expectedOrganizationCheck}”"));
        }

        var expected = ComputeCheckCharacter(text.AsSpan(0, 17));
        if (text[17] != expected)
        {
            return Fail(string.Create(CultureInfo.InvariantCulture, $"统一社会信用代码校验码错误：第18位应为“{expected}”，实为“{text[17]}”"));
        }

        return Result<UnifiedSocialCreditCode>.Ok(new UnifiedSocialCreditCode(text));
    }

    /// <summary>
    /// The GB 32100-2015 §5 check character for positions 1–17: C<sub>18</sub> = 31 − (Σ C<sub>i</sub>·W<sub>i</sub> mod 31),
    /// with 31 written as “0”, mapped back through <see cref="Alphabet"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="first17"/> is not 17 characters of <see cref="Alphabet"/>.</exception>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("应为17个字符（统一社会信用代码前17位）", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException("含有统一社会信用代码不允许的字符", nameof(first17));
            }

            sum += value * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>
    /// The GB 11714-1997 check character of an 组织机构代码 body of eight digits or upper-case letters (A=10, …, Z=35):
    /// C<sub>9</sub> = 11 − (Σ C<sub>i</sub>·W<sub>i</sub> mod 11) with weights 3 7 9 10 5 8 4 2; 10 is written “X” and 11 “0”.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="first8"/> is not eight ASCII digits or upper-case letters.</exception>
    public static char ComputeOrganizationCodeCheck(ReadOnlySpan<char> first8)
    {
        if (first8.Length != 8)
        {
            throw new ArgumentException("应为8个字符（组织机构代码本体代码）", nameof(first8));
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            var value = char.IsAsciiDigit(c) ? c - '0'
                : char.IsAsciiLetterUpper(c) ? c - 'A' + 10
                : throw new ArgumentException("组织机构代码本体代码只能由数字和大写字母组成", nameof(first8));
            sum += value * OrganizationCodeWeights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var digit => (char)('0' + digit),
        };
    }

    /// <summary>Returns <see cref="Value"/>.</summary>
    public override string ToString() => Value;

    private static Result<UnifiedSocialCreditCode> Fail(string message) => Result<UnifiedSocialCreditCode>.Fail(message);
}
