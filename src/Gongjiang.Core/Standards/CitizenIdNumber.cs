using System.Globalization;
using Gongjiang.Core.Common;
using Gongjiang.Core.Reference;

namespace Gongjiang.Core.Standards;

/// <summary>
/// 公民身份号码 per GB 11643-1999: 6-digit 地址码 (GB/T 2260 code of the county at the time of issue),
/// 8-digit 出生日期码 (YYYYMMDD), 3-digit 顺序码 (odd last digit = male, even = female) and a check character
/// computed with ISO 7064:1983 MOD 11-2.
/// </summary>
/// <remarks>
/// <para>Invariants (instances are only created by <see cref="Parse"/>):</para>
/// <list type="bullet">
/// <item><see cref="Value"/> is exactly 18 characters: 17 ASCII digits followed by a digit or upper-case “X”,
/// and the 18th character is the MOD 11-2 check character of the first 17 (§5.2/§7).</item>
/// <item><see cref="BirthDate"/> is digits 7–14, a real calendar date between 1900-01-01 and the “today” passed to
/// <see cref="Parse"/>, inclusive (§5.1.2).</item>
/// <item><see cref="Sex"/> follows the parity of digit 17 (§5.1.3).</item>
/// <item><see cref="ProvinceCode"/> (digits 1–2) was a known province-level code of the <see cref="IRegionDirectory"/>
/// used to parse. The county digits 3–6 are deliberately NOT checked against the current GB/T 2260 list: the
/// 地址码 is the code in force when the number was issued and stays valid after that county is abolished or renumbered.</item>
/// <item>A 15-digit number issued before GB 11643-1999 (two-digit year, no check character) is accepted and upgraded:
/// “19” is inserted before the year and the check character appended; <see cref="UpgradedFromLegacy"/> is then true.</item>
/// </list>
/// <para><see cref="ToString"/> returns <see cref="Masked"/> so that logging or string interpolation never discloses
/// the full number (personal information); use <see cref="Value"/> explicitly to store or compare it.</para>
/// </remarks>
public sealed record CitizenIdNumber
{
    /// <summary>The length of a GB 11643-1999 number.</summary>
    public const int Length = 18;

    /// <summary>The length of the pre-1999 (GB 11643-1989) number.</summary>
    public const int LegacyLength = 15;

    private const int MaskedHead = 3;
    private const int MaskedTail = 2;

    /// <summary>ISO 7064 MOD 11-2 weights W<sub>i</sub> = 2<sup>(18−i)</sup> mod 11 for positions 1–17 (GB 11643-1999 §7.1).</summary>
    private static ReadOnlySpan<byte> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Check character by (Σ a<sub>i</sub>·W<sub>i</sub>) mod 11 (GB 11643-1999 §7.2).</summary>
    private const string CheckCharacters = "10X98765432";

    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    private CitizenIdNumber(string value, DateOnly birthDate, bool upgradedFromLegacy)
    {
        Value = value;
        BirthDate = birthDate;
        UpgradedFromLegacy = upgradedFromLegacy;
    }

    /// <summary>The normalised 18-character number (a 15-digit input is stored upgraded).</summary>
    public string Value { get; }

    /// <summary>出生日期, from digits 7–14.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>性别, from the parity of digit 17.</summary>
    public Sex Sex => (Value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>Two-digit province-level code (digits 1–2), e.g. “44”.</summary>
    public string ProvinceCode => Value[..2];

    /// <summary>Six-digit 地址码 (digits 1–6): the GB/T 2260 code at the time of issue, which may no longer be current.</summary>
    public string RegionCode => Value[..6];

    /// <summary>True when the input was a 15-digit legacy number that was upgraded to 18 characters.</summary>
    public bool UpgradedFromLegacy { get; }

    /// <summary>The number for display: see <see cref="Mask"/>, e.g. “110*************2X”.</summary>
    public string Masked => Mask(Value);

    /// <summary>
    /// Parses a 公民身份号码 typed or pasted by a person. The input is first normalised with
    /// <see cref="IdentifierText.Normalize"/> (full-width digits, spaces and lower-case “x” are accepted).
    /// Every rejection carries a Chinese explanation.
    /// </summary>
    /// <param name="input">The number as entered.</param>
    /// <param name="today">The caller's current date; birth dates after it are rejected.</param>
    /// <param name="regions">Source of the province-level codes accepted in digits 1–2.</param>
    public static Result<CitizenIdNumber> Parse(string? input, DateOnly today, IRegionDirectory regions)
    {
        ArgumentNullException.ThrowIfNull(regions);

        var text = IdentifierText.Normalize(input);
        if (text.Length == 0)
        {
            return Result<CitizenIdNumber>.Fail("公民身份号码不能为空");
        }

        // Only digits and the check character “X” can occur at all (GB 11643-1999 §6, §7.2).
        var illegal = FirstIllegalCharacter(text, allowX: true);
        if (illegal is not null)
        {
            return Result<CitizenIdNumber>.Fail(string.Create(CultureInfo.InvariantCulture, $"公民身份号码含有非法字符“{illegal}”"));
        }

        if (text.Length is not (Length or LegacyLength))
        {
            return Result<CitizenIdNumber>.Fail(string.Create(
                CultureInfo.InvariantCulture, $"公民身份号码应为18位（或15位旧号码），实为{text.Length}位"));
        }

        // “X” is legal only as the 18th (check) character; a 15-digit number has no check character.
        var body = text.Length == Length ? text[..17] : text;
        illegal = FirstIllegalCharacter(body, allowX: false);
        if (illegal is not null)
        {
            return Result<CitizenIdNumber>.Fail(string.Create(CultureInfo.InvariantCulture, $"公民身份号码含有非法字符“{illegal}”"));
        }

        var upgraded = text.Length == LegacyLength;
        var first17 = upgraded ? string.Concat(text.AsSpan(0, 6), "19", text.AsSpan(6)) : body;

        var province = first17[..2];
        if (!regions.IsKnownProvince(province))
        {
            return Result<CitizenIdNumber>.Fail(string.Create(CultureInfo.InvariantCulture, $"公民身份号码前两位“{province}”不是有效的省级行政区划代码"));
        }

        var birthDigits = first17.Substring(6, 8);
        if (!DateOnly.TryParseExact(birthDigits, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
        {
            return Result<CitizenIdNumber>.Fail(string.Create(CultureInfo.InvariantCulture, $"出生日期“{birthDigits}”不存在"));
        }

        if (birthDate > today)
        {
            return Result<CitizenIdNumber>.Fail(string.Create(CultureInfo.InvariantCulture, $"出生日期“{birthDigits}”晚于今天"));
        }

        if (birthDate < EarliestBirthDate)
        {
            return Result<CitizenIdNumber>.Fail(string.Create(CultureInfo.InvariantCulture, $"出生日期“{birthDigits}”早于1900年1月1日"));
        }

        var expected = CheckCharacters[CheckIndex(first17)];
        if (upgraded)
        {
            return Result<CitizenIdNumber>.Ok(new CitizenIdNumber(first17 + expected, birthDate, upgradedFromLegacy: true));
        }

        var actual = text[17];
        if (actual != expected)
        {
            return Result<CitizenIdNumber>.Fail(string.Create(CultureInfo.InvariantCulture, $"公民身份号码校验码错误：第18位应为“{expected}”，实为“{actual}”"));
        }

        return Result<CitizenIdNumber>.Ok(new CitizenIdNumber(text, birthDate, upgradedFromLegacy: false));
    }

    /// <summary>
    /// The ISO 7064 MOD 11-2 check character (“0”–“9” or “X”) for the first 17 digits of a number
    /// (GB 11643-1999 §7): S = Σ a<sub>i</sub>·W<sub>i</sub>, and S mod 11 = 0,1,2,…,10 gives 1,0,X,9,8,7,6,5,4,3,2.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="first17"/> is not exactly 17 ASCII digits.</exception>
    public static string ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17 || first17.ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("应为17位数字（公民身份号码前17位）", nameof(first17));
        }

        return CheckCharacters[CheckIndex(first17)].ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Masks a number for display: the first 3 and last 2 characters are kept and the 13 between are shown as “*”,
    /// e.g. “440*************1X”. The result is always 18 characters, whatever the input, so the length never
    /// reveals anything; an input (after <see cref="IdentifierText.Normalize"/>) shorter than 5 characters gives 18 “*”.
    /// </summary>
    public static string Mask(string? value)
    {
        var text = IdentifierText.Normalize(value);
        if (text.Length < MaskedHead + MaskedTail)
        {
            return new string('*', Length);
        }

        return string.Concat(text.AsSpan(0, MaskedHead), new string('*', Length - MaskedHead - MaskedTail), text.AsSpan(text.Length - MaskedTail));
    }

    /// <summary>Returns <see cref="Masked"/>, never the full number.</summary>
    public override string ToString() => Masked;

    private static int CheckIndex(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return sum % 11;
    }

    private static string? FirstIllegalCharacter(string text, bool allowX)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsAsciiDigit(c) && !(allowX && c == 'X'))
            {
                return IdentifierText.CharacterAt(text, i);
            }
        }

        return null;
    }
}
