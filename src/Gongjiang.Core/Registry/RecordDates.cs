using System.Globalization;
using Gongjiang.Core.Common;
using Gongjiang.Core.Standards;

namespace Gongjiang.Core.Registry;

/// <summary>
/// Plausibility floors for the dates a roster or honours list carries (start of employment, certificate date,
/// revocation date, award year). They catch typing errors, they are not legal thresholds:
/// <list type="bullet">
/// <item>No date after the day of the check (“today”, an argument, so any past import replays).</item>
/// <item>No employment or certificate before the person was <see cref="MinimumAge"/> (14). 《劳动法》第十五条 forbids employing
/// anyone under 16, but records of apprentices and 技工学校 pupils from before that law (1995) start earlier, so the
/// floor stays two years below it. A data-quality value chosen by the registry [M]: a parameter, not a cited figure.</item>
/// <item>No date before <see cref="EarliestYear"/> (1950): the first national honours were conferred at the
/// 全国工农兵劳动模范代表会议 of September 1950, and the registry keeps no earlier record.</item>
/// </list>
/// </summary>
public static class RecordDates
{
    /// <summary>The youngest age at which a record of employment or a certificate is accepted (see the class remarks).</summary>
    public const int MinimumAge = 14;

    /// <summary>The earliest year of any date or award year the registry accepts (see the class remarks).</summary>
    public const int EarliestYear = 1950;

    /// <summary>
    /// Checks one date of a record: not after <paramref name="today"/>, not before the person's 14th birthday when the
    /// birth date is known (null for dates not tied to the person's age, such as a revocation), not before 1950. The
    /// reason names the field by <paramref name="field"/>, its Chinese header.
    /// </summary>
    public static Result<DateOnly> Check(string field, DateOnly date, DateOnly today, DateOnly? birthDate)
    {
        if (date > today)
        {
            return Result<DateOnly>.Fail(string.Create(CultureInfo.InvariantCulture, $"{field}{date:yyyy-MM-dd}晚于今天"));
        }

        if (birthDate is { } birth && date < birth.AddYears(MinimumAge))
        {
            return Result<DateOnly>.Fail(string.Create(CultureInfo.InvariantCulture, $"{field}{date:yyyy-MM-dd}早于本人{MinimumAge}周岁，请核对"));
        }

        if (date.Year < EarliestYear)
        {
            return Result<DateOnly>.Fail(string.Create(CultureInfo.InvariantCulture, $"{field}{date:yyyy-MM-dd}早于{EarliestYear}年，请核对"));
        }

        return Result<DateOnly>.Ok(date);
    }

    /// <summary>
    /// Reads an award year as written (“2019”, “２０１９”, “2019年”): a four-digit year from 1950 to the year of
    /// <paramref name="today"/>.
    /// </summary>
    public static Result<int> AwardYear(string text, DateOnly today)
    {
        var digits = IdentifierText.Normalize(text).TrimEnd('年');
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= EarliestYear && year <= today.Year
            ? Result<int>.Ok(year)
            : Result<int>.Fail(string.Create(CultureInfo.InvariantCulture, $"授予年份“{text}”应为{EarliestYear}至{today.Year}之间的四位年份"));
    }
}
