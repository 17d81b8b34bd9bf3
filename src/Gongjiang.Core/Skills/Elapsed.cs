using System.Globalization;
using System.Text;

namespace Gongjiang.Core.Skills;

/// <summary>
/// Calendar spans as people state them in eligibility texts: “满5年” is reached on the anniversary (2020-03-01 + 5 年 =
/// 2025-03-01; a 29 February start reaches it on 28 February), and a shortfall reads “1年3个月12天”.
/// </summary>
public static class Elapsed
{
    /// <summary>The day on which <paramref name="months"/> whole months have passed since <paramref name="start"/>.</summary>
    public static DateOnly After(DateOnly start, int months) => start.AddMonths(months);

    /// <summary>Whole years, months and remaining days from <paramref name="from"/> to <paramref name="to"/> (to ≥ from).</summary>
    public static (int Years, int Months, int Days) Between(DateOnly from, DateOnly to)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        if (from.AddMonths(months) > to)
        {
            months--;
        }

        var anchor = from.AddMonths(months);
        var days = to.DayNumber - anchor.DayNumber;
        return (months / 12, months % 12, days);
    }

    /// <summary>
    /// The span from <paramref name="from"/> to <paramref name="to"/> in Chinese: “1年3个月”, “2个月5天”, “3天”; “0天” when equal.
    /// </summary>
    public static string Describe(DateOnly from, DateOnly to)
    {
        var (years, months, days) = Between(from, to);
        var text = new StringBuilder();
        if (years > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{years}年");
        }

        if (months > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{months}个月");
        }

        if (days > 0 || text.Length == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{days}天");
        }

        return text.ToString();
    }

    /// <summary>A duration given in months as Chinese: 60 → “5年”, 18 → “1年6个月”, 6 → “6个月”.</summary>
    public static string Months(int months)
    {
        var years = months / 12;
        var rest = months % 12;
        return (years, rest) switch
        {
            (0, _) => string.Create(CultureInfo.InvariantCulture, $"{rest}个月"),
            (_, 0) => string.Create(CultureInfo.InvariantCulture, $"{years}年"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{years}年{rest}个月"),
        };
    }

    /// <summary>“2027年6月1日”.</summary>
    public static string Date(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
