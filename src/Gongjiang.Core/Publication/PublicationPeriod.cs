using System.Globalization;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Publication;

/// <summary>How often a jurisdiction publishes its leading-talent database (notice 三: “定期更新并向各部门和社会公布”).</summary>
public enum PublicationFrequency
{
    /// <summary>按季度.</summary>
    Quarterly = 1,
    /// <summary>按半年.</summary>
    HalfYearly = 2,
    /// <summary>按年度.</summary>
    Yearly = 3,
}

/// <summary>
/// The period a publication covers: one per jurisdiction and period. Its key ("2026-Q4", "2026-H2", "2026") is what
/// the uniqueness of publications is checked on; its name ("2026年第四季度") is what people read.
/// </summary>
public readonly record struct PublicationPeriod(int Year, PublicationFrequency Frequency, int Number)
{
    private static readonly string[] ChineseNumbers = ["一", "二", "三", "四"];

    public string Key => Frequency switch
    {
        PublicationFrequency.Quarterly => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}"),
        PublicationFrequency.HalfYearly => string.Create(CultureInfo.InvariantCulture, $"{Year}-H{Number}"),
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    public string DisplayName => Frequency switch
    {
        PublicationFrequency.Quarterly => string.Create(CultureInfo.InvariantCulture, $"{Year}年第{ChineseNumbers[Number - 1]}季度"),
        PublicationFrequency.HalfYearly => string.Create(CultureInfo.InvariantCulture, $"{Year}年{(Number == 1 ? "上" : "下")}半年"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year}年度"),
    };

    public DateOnly Start => new(Year, ((Number - 1) * MonthsPerPeriod(Frequency)) + 1, 1);

    public DateOnly End => Start.AddMonths(MonthsPerPeriod(Frequency)).AddDays(-1);

    /// <summary>The period of the given frequency that contains the date.</summary>
    public static PublicationPeriod Containing(DateOnly date, PublicationFrequency frequency) =>
        new(date.Year, frequency, ((date.Month - 1) / MonthsPerPeriod(frequency)) + 1);

    /// <summary>The period before this one.</summary>
    public PublicationPeriod Previous() =>
        Number > 1 ? this with { Number = Number - 1 } : new PublicationPeriod(Year - 1, Frequency, 12 / MonthsPerPeriod(Frequency));

    /// <summary>Parses a key ("2026-Q4", "2026-H1", "2026"); the error names the field 公布期次.</summary>
    public static Result<PublicationPeriod> Parse(string? key)
    {
        const string Invalid = "公布期次格式不正确，应为“2026-Q4”（季度）、“2026-H2”（半年）或“2026”（年度）";
        var text = (key ?? "").Trim().ToUpperInvariant();
        if (text.Length == 0)
        {
            return Result<PublicationPeriod>.Fail("请选择公布期次");
        }

        if (text.Length < 4 || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > 2100)
        {
            return Result<PublicationPeriod>.Fail(Invalid);
        }

        if (text.Length == 4)
        {
            return Result<PublicationPeriod>.Ok(new PublicationPeriod(year, PublicationFrequency.Yearly, 1));
        }

        if (text.Length != 7 || text[4] != '-' || !char.IsAsciiDigit(text[6]))
        {
            return Result<PublicationPeriod>.Fail(Invalid);
        }

        var number = text[6] - '0';
        return (text[5], number) switch
        {
            ('Q', >= 1 and <= 4) => Result<PublicationPeriod>.Ok(new PublicationPeriod(year, PublicationFrequency.Quarterly, number)),
            ('H', >= 1 and <= 2) => Result<PublicationPeriod>.Ok(new PublicationPeriod(year, PublicationFrequency.HalfYearly, number)),
            _ => Result<PublicationPeriod>.Fail(Invalid),
        };
    }

    public static string FrequencyName(PublicationFrequency frequency) => frequency switch
    {
        PublicationFrequency.Quarterly => "按季度",
        PublicationFrequency.HalfYearly => "按半年",
        _ => "按年度",
    };

    private static int MonthsPerPeriod(PublicationFrequency frequency) => frequency switch
    {
        PublicationFrequency.Quarterly => 3,
        PublicationFrequency.HalfYearly => 6,
        _ => 12,
    };

    public override string ToString() => Key;
}
