using System.Buffers;
using System.Globalization;
using System.Text;
using Gongjiang.Core.Common;
using Gongjiang.Core.Standards;

namespace Gongjiang.Core.Window;

/// <summary>
/// A request's receipt number (办件编号), 26 characters:
/// <c>RRRRRR YYYYMMDD SSSSSS XXXXX C</c> — the GB/T 2260 code of the window's region (6 digits), the filing day (8),
/// the day's sequence in that region (6, from 000001), five random characters and one check character, both from the
/// Crockford base-32 alphabet (0–9 and A–Z without I, L, O, U, so nothing is misread). Shown grouped
/// “440300-20260315-000123-7KQFM-X”; stored and compared without hyphens.
/// </summary>
/// <remarks>
/// <para>The public progress query (办件进度查询) asks for the number and the applicant's name. The sequence alone would be
/// guessable; the random part adds 32⁵ ≈ 3.4 × 10⁷ possibilities per sequence number, so a stranger cannot reach a
/// request by counting, and a wrong guess is also answered like a wrong name (rate-limited by Web). The random bytes
/// are an argument: Core has no random source (Web passes <c>RandomNumberGenerator.GetBytes(4)</c>).</para>
/// <para>The check character is the Luhn mod N algorithm over the same alphabet (N = 32): it catches every single
/// mistyped character and every swap of two adjacent characters except “0Z”↔“Z0” (the mod-N analogue of Luhn's
/// “09”↔“90”); the region, date and sequence are also checked for form.</para>
/// </remarks>
public sealed record ReceiptNumber
{
    /// <summary>Characters of a receipt number without separators.</summary>
    public const int Length = 26;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int RandomLength = 5;

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");
    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);

    private ReceiptNumber(string value) => Value = value;

    /// <summary>The 26 characters without separators (the stored form).</summary>
    public string Value { get; }

    /// <summary>The region code (GB/T 2260).</summary>
    public string RegionCode => Value[..6];

    /// <summary>The filing day.</summary>
    public DateOnly FiledOn => DateOnly.ParseExact(Value[6..14], "yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The day's sequence in the region.</summary>
    public int Sequence => int.Parse(Value[14..20], NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>
    /// A new number. <paramref name="random"/> must hold at least 4 bytes from a cryptographic random source; the first
    /// 25 bits are used.
    /// </summary>
    /// <exception cref="ArgumentException">The region is not six digits, the sequence is outside 1–999999, or fewer than 4 random bytes.</exception>
    public static ReceiptNumber Create(string regionCode, DateOnly filedOn, int sequence, ReadOnlySpan<byte> random)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        if (regionCode.Length != 6 || !regionCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Region code must be six digits.", nameof(regionCode));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 999_999);
        if (random.Length < 4)
        {
            throw new ArgumentException("At least 4 random bytes are needed.", nameof(random));
        }

        var bits = ((uint)random[0] << 24) | ((uint)random[1] << 16) | ((uint)random[2] << 8) | random[3];
        var builder = new StringBuilder(Length);
        builder.Append(regionCode)
            .Append(filedOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture))
            .Append(sequence.ToString("D6", CultureInfo.InvariantCulture));
        for (var i = 0; i < RandomLength; i++)
        {
            builder.Append(Alphabet[(int)((bits >> (27 - (5 * i))) & 31)]);
        }

        builder.Append(CheckCharacter(builder.ToString()));
        return new ReceiptNumber(builder.ToString());
    }

    /// <summary>
    /// Reads a number as typed: hyphens, spaces, full-width characters and lower case are tolerated, and O, I, L are read
    /// as 0, 1, 1 (Crockford). Refuses with a Chinese reason (naming 办件编号) anything of the wrong length, form or check.
    /// </summary>
    public static Result<ReceiptNumber> Parse(string? text)
    {
        var normal = IdentifierText.Normalize(text);
        var builder = new StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            if (c is '-' or '_')
            {
                continue;
            }

            builder.Append(c switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                _ => c,
            });
        }

        var value = builder.ToString();
        if (value.Length == 0)
        {
            return Result<ReceiptNumber>.Fail("办件编号不能为空");
        }

        if (value.Length != Length)
        {
            return Result<ReceiptNumber>.Fail(string.Create(CultureInfo.InvariantCulture,
                $"办件编号应为{Length}位（地区代码6位、日期8位、序号6位、查询码5位、校验码1位），您输入了{value.Length}位"));
        }

        if (value.AsSpan(0, 20).IndexOfAnyExcept(Digits) >= 0)
        {
            return Result<ReceiptNumber>.Fail("办件编号的前20位应为数字（地区代码、日期、序号）");
        }

        if (value.AsSpan(20).IndexOfAnyExcept(AlphabetValues) >= 0)
        {
            return Result<ReceiptNumber>.Fail("办件编号的末6位含有无效字符");
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return Result<ReceiptNumber>.Fail("办件编号中的日期无效");
        }

        if (value.AsSpan(14, 6).SequenceEqual("000000"))
        {
            return Result<ReceiptNumber>.Fail("办件编号中的序号无效");
        }

        return CheckCharacter(value[..^1]) == value[^1]
            ? Result<ReceiptNumber>.Ok(new ReceiptNumber(value))
            : Result<ReceiptNumber>.Fail("办件编号校验不符，请核对后重新输入");
    }

    /// <summary>“440300-20260315-000123-7KQFM-X”.</summary>
    public string ToDisplayString() =>
        string.Join('-', Value[..6], Value[6..14], Value[14..20], Value[20..25], Value[25..]);

    public override string ToString() => Value;

    /// <summary>Luhn mod 32 over <see cref="Alphabet"/>.</summary>
    private static char CheckCharacter(string payload)
    {
        const int N = 32;
        var factor = 2;
        var sum = 0;
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var addend = factor * Alphabet.IndexOf(payload[i], StringComparison.Ordinal);
            factor = factor == 2 ? 1 : 2;
            sum += (addend / N) + (addend % N);
        }

        return Alphabet[(N - (sum % N)) % N];
    }
}
