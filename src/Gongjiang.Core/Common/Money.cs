using System.Globalization;

namespace Gongjiang.Core.Common;

/// <summary>
/// An amount of money in 人民币, held as a whole number of 分 (fen). Every amount in the platform — benefit amounts,
/// wages, subsidies, leave compensation — is this type: exact (no binary fractions), stored as a 64-bit integer
/// column on both databases, and an integer in the rule language (see docs/adr/0009).
/// </summary>
/// <remarks>
/// Invariants: at most two decimals of a 元 (a 分 is the smallest unit); arithmetic never rounds silently — the only
/// rounding is <see cref="Multiply(decimal, MidpointRounding)"/> and <see cref="Divide"/>, which round half away from
/// zero (四舍五入) unless told otherwise.
/// </remarks>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    /// <summary>The largest amount accepted at the boundary: 10 亿元 (a sanity limit, not a law).</summary>
    public static readonly Money Limit = new(100_000_000_000L);

    public static Money Zero => default;

    /// <summary>The amount in 元.</summary>
    public decimal Yuan => Fen / 100m;

    public bool IsNegative => Fen < 0;

    /// <summary>An amount in 元; refuses more than two decimals (no silent rounding).</summary>
    public static Result<Money> FromYuan(decimal yuan)
    {
        var fen = yuan * 100m;
        if (fen != decimal.Truncate(fen))
        {
            return Result<Money>.Fail("金额最多保留两位小数（精确到分）");
        }

        if (fen > long.MaxValue || fen < long.MinValue)
        {
            return Result<Money>.Fail("金额超出范围");
        }

        return Result<Money>.Ok(new Money((long)fen));
    }

    /// <summary>
    /// Parses an amount typed or imported in 元: “12000”, “12,000.50”, “１２０００”, “¥12000”, “12000元”, “1.2万” (万 = ×10,000).
    /// Refuses negatives when <paramref name="allowNegative"/> is false, more than two decimals, and amounts above
    /// <see cref="Limit"/>, each with a Chinese message.
    /// </summary>
    public static Result<Money> Parse(string? text, bool allowNegative = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<Money>.Fail("金额不能为空");
        }

        var normalized = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            var ch = c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '．' or '。' => '.',
                '－' => '-',
                _ => c,
            };
            if (ch is ',' or '，' or ' ' or '　' or '¥' or '￥')
            {
                continue;
            }

            normalized.Append(ch);
        }

        var s = normalized.ToString();
        var multiplier = 1m;
        if (s.EndsWith('元'))
        {
            s = s[..^1];
        }

        if (s.EndsWith('万'))
        {
            s = s[..^1];
            multiplier = 10_000m;
        }

        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return Result<Money>.Fail($"金额“{text.Trim()}”不是有效的数字");
        }

        value *= multiplier;
        if (value < 0 && !allowNegative)
        {
            return Result<Money>.Fail("金额不能为负数");
        }

        if (Math.Abs(value) > Limit.Yuan)
        {
            return Result<Money>.Fail("金额超过上限（10亿元），请核对");
        }

        return FromYuan(value);
    }

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));

    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));

    public static Money operator *(Money a, long times) => new(checked(a.Fen * times));

    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;

    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;

    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;

    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    /// <summary>This amount times a factor (a rate, a percentage, a fraction of a year), rounded to the 分.</summary>
    public Money Multiply(decimal factor, MidpointRounding rounding = MidpointRounding.AwayFromZero) =>
        new(checked((long)Math.Round(Fen * factor, 0, rounding)));

    /// <summary>This amount divided by <paramref name="divisor"/> (e.g. 21.75 working days a month), rounded to the 分.</summary>
    public Money Divide(decimal divisor, MidpointRounding rounding = MidpointRounding.AwayFromZero)
    {
        if (divisor == 0)
        {
            throw new DivideByZeroException();
        }

        return new(checked((long)Math.Round(Fen / divisor, 0, rounding)));
    }

    public static Money Max(Money a, Money b) => a.Fen >= b.Fen ? a : b;

    public static Money Min(Money a, Money b) => a.Fen <= b.Fen ? a : b;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <summary>“12,000.50” (元, two decimals, thousands separated).</summary>
    public override string ToString() => Yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>“12,000.50元”.</summary>
    public string ToChinese() => ToString() + "元";
}
