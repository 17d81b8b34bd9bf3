using Gongjiang.Core.Common;
using Gongjiang.Core.Publication;

namespace Gongjiang.Core.Supervision;

/// <summary>The kinds of progress report (进展报告). The int values are stored; never renumber them.</summary>
public enum ReportKind
{
    /// <summary>季度报告 (第一至第三季度; the fourth is the year-end report).</summary>
    Quarterly = 1,
    /// <summary>半年报告 (上半年; the second half is the year-end report).</summary>
    HalfYearly = 2,
    /// <summary>年度报告: notice 二 “各地制定出台的政策措施情况请于今年年底前报我部”.</summary>
    YearEnd = 3,
}

/// <summary>
/// The period a progress report covers: “2026-Q1” (季度), “2026-H1” (半年) or “2026” (年度). A region has at most one
/// report per period. The calendar arithmetic is <see cref="PublicationPeriod"/>'s (same keys and spans), so the two
/// modules never disagree on what “2026年第一季度” is.
/// </summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Kind">Quarterly, half-yearly or year-end.</param>
/// <param name="Number">1–4 for a quarter, 1–2 for a half-year, 1 for the year.</param>
public readonly record struct ReportPeriod(int Year, ReportKind Kind, int Number)
{
    /// <summary>The same span as a <see cref="PublicationPeriod"/>.</summary>
    private PublicationPeriod Span => new(Year, Kind switch
    {
        ReportKind.Quarterly => PublicationFrequency.Quarterly,
        ReportKind.HalfYearly => PublicationFrequency.HalfYearly,
        ReportKind.YearEnd => PublicationFrequency.Yearly,
    }, Number);

    /// <summary>“2026-Q1”, “2026-H1”, “2026”.</summary>
    public string Key => Span.Key;

    /// <summary>“2026年第一季度”, “2026年上半年”, “2026年度”.</summary>
    public string DisplayName => Span.DisplayName;

    /// <summary>First day of the period.</summary>
    public DateOnly Start => Span.Start;

    /// <summary>Last day of the period.</summary>
    public DateOnly End => Span.End;

    /// <summary>The year-end report of a year.</summary>
    public static ReportPeriod YearEndOf(int year) => new(year, ReportKind.YearEnd, 1);

    /// <summary>
    /// Parses “2026-Q1”, “2026-H1” or “2026”; the error names the field 报告期次. “2026-Q4” and “2026-H2” are refused: the
    /// year-end report (“2026”) takes their place (see <see cref="ReportSchedule.PeriodsOf"/>).
    /// </summary>
    public static Result<ReportPeriod> Parse(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return Result<ReportPeriod>.Fail("请选择报告期次");
        }

        var parsed = PublicationPeriod.Parse(key);
        if (!parsed.IsValid)
        {
            return Result<ReportPeriod>.Fail("报告期次格式不正确，应为“2026-Q1”（季度）、“2026-H1”（半年）或“2026”（年度）");
        }

        var span = parsed.Value;
        var period = new ReportPeriod(span.Year, span.Frequency switch
        {
            PublicationFrequency.Quarterly => ReportKind.Quarterly,
            PublicationFrequency.HalfYearly => ReportKind.HalfYearly,
            PublicationFrequency.Yearly => ReportKind.YearEnd,
        }, span.Number);
        return period.IsLastOfYear
            ? Result<ReportPeriod>.Fail(SupervisionText.Invariant($"{period.DisplayName}不单独报告，请填报{span.Year}年度报告（“{span.Year}”）"))
            : Result<ReportPeriod>.Ok(period);
    }

    /// <summary>The fourth quarter or the second half-year, which the year-end report replaces.</summary>
    internal bool IsLastOfYear => Kind switch
    {
        ReportKind.Quarterly => Number == 4,
        ReportKind.HalfYearly => Number == 2,
        ReportKind.YearEnd => false,
    };

    /// <summary>Orders periods by their end, a year-end report after a quarter or half-year ending the same day.</summary>
    internal (DateOnly End, bool YearEnd) SortKey => (End, Kind == ReportKind.YearEnd);

    public override string ToString() => Key;
}
