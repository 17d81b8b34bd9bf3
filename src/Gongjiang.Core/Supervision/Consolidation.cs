using Gongjiang.Core.Reference;
using static Gongjiang.Core.Supervision.SupervisionText;

namespace Gongjiang.Core.Supervision;

/// <summary>One measure consolidated at a level: the status and how many units stand where.</summary>
/// <param name="MeasureCode">The measure.</param>
/// <param name="Status">The consolidated status (see <see cref="Consolidation"/>); null when no unit has reported it.</param>
/// <param name="NotStarted">Units reporting 未启动.</param>
/// <param name="InProgress">Units reporting 推进中.</param>
/// <param name="Completed">Units reporting 已完成.</param>
/// <param name="NotReported">Units expected to report that have no accepted report (or whose report lacks the measure).</param>
public sealed record ConsolidatedMeasure(string MeasureCode, MeasureStatus? Status, int NotStarted, int InProgress, int Completed, int NotReported);

/// <summary>One indicator consolidated at a level.</summary>
/// <param name="Definition">The indicator.</param>
/// <param name="Total">The sum over the accepted reports of the level below (for a percentage, 100 × Σ numerator ÷ Σ
/// denominator, two decimals); null when none of them has it (or a percentage's denominator sums to 0).</param>
/// <param name="Reporting">How many of those reports have it (for a percentage: both numerator and denominator).</param>
/// <param name="Own">The level's own report's value (its whole jurisdiction, for comparison — never added to <paramref name="Total"/>).</param>
public sealed record ConsolidatedIndicator(IndicatorDefinition Definition, decimal? Total, int Reporting, decimal? Own);

/// <summary>A level's consolidation (汇总) for a period.</summary>
/// <param name="RegionCode">The consolidating region.</param>
/// <param name="Period">The period.</param>
/// <param name="Measures">Every measure in policy order.</param>
/// <param name="Indicators">Every registered indicator in registration order.</param>
/// <param name="Reported">The regions below whose accepted report was included, by code.</param>
/// <param name="NotReported">The regions below that must report and have no accepted report (未报送), by code.</param>
/// <param name="IncludesOwn">Whether the level's own report was counted as one unit.</param>
public sealed record ConsolidatedReport(
    string RegionCode,
    ReportPeriod Period,
    IReadOnlyList<ConsolidatedMeasure> Measures,
    IReadOnlyList<ConsolidatedIndicator> Indicators,
    IReadOnlyList<Region> Reported,
    IReadOnlyList<Region> NotReported,
    bool IncludesOwn);

/// <summary>
/// Consolidation (汇总) at each level: from the accepted reports of the regions that report to it (and its own report), the
/// status per measure with counts, indicator totals, and who has not reported. Notice 二: “各地制定出台的政策措施情况请于
/// 今年年底前报我部”, each level collecting from the one below; policy 七 “密切跟踪技术工人待遇政策落实情况”.
/// </summary>
/// <remarks>
/// <para>The units are the regions that must report (<see cref="ReportingHierarchy.ReportingTo"/>) and, when given, the
/// level's own report. Per measure (a local rule, stated here):</para>
/// <list type="bullet">
/// <item>no unit has reported it → no status (未报送);</item>
/// <item>every unit that reported it says 未启动 → 未启动 (none started);</item>
/// <item>every unit has reported it and all say 已完成 → 已完成 (a missing unit keeps it from being complete);</item>
/// <item>otherwise → 推进中.</item>
/// </list>
/// <para>Indicators: reports give figures for their whole jurisdiction, so the total is the sum over the level below only
/// (the own report's figure is shown beside it, not added); percentages are recomputed from the summed numerator and
/// denominator, never summed.</para>
/// </remarks>
public static class Consolidation
{
    /// <summary>
    /// Consolidates <paramref name="acceptedBelow"/> (at most one accepted report per region, each of a region that reports
    /// to <paramref name="regionCode"/>, for <paramref name="period"/>) and <paramref name="own"/> (the level's own report,
    /// if it is to be counted).
    /// </summary>
    /// <exception cref="ArgumentException">A report is for another period or region, or a region is given twice (a caller's error).</exception>
    public static ConsolidatedReport Consolidate(
        string regionCode,
        ReportPeriod period,
        ProgressReportContent? own,
        IEnumerable<ProgressReportContent> acceptedBelow,
        ReportingHierarchy hierarchy,
        MeasureCatalog catalog,
        IndicatorRegistry indicators)
    {
        ArgumentNullException.ThrowIfNull(acceptedBelow);
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(indicators);
        if (own is not null && (!string.Equals(own.RegionCode, regionCode, StringComparison.Ordinal) || own.Period != period))
        {
            throw new ArgumentException(Invariant($"The own report is for {own.RegionCode} {own.Period}, not {regionCode} {period}."), nameof(own));
        }

        var expected = hierarchy.ReportingTo(regionCode);
        var expectedCodes = expected.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var byRegion = new Dictionary<string, ProgressReportContent>(StringComparer.Ordinal);
        foreach (var report in acceptedBelow)
        {
            if (report.Period != period || !expectedCodes.Contains(report.RegionCode))
            {
                throw new ArgumentException(Invariant($"Report of {report.RegionCode} for {report.Period} does not belong to {regionCode} {period}."), nameof(acceptedBelow));
            }

            if (!byRegion.TryAdd(report.RegionCode, report))
            {
                throw new ArgumentException(Invariant($"Region {report.RegionCode} is given twice."), nameof(acceptedBelow));
            }
        }

        var units = expected.Select(r => byRegion.GetValueOrDefault(r.Code)).ToList();
        if (own is not null)
        {
            units.Add(own);
        }

        var statusMaps = units.Select(u => u?.Measures.ToDictionary(l => l.MeasureCode, l => l.Status, StringComparer.Ordinal)).ToList();
        var measures = catalog.All.Select(m => ConsolidateMeasure(m.Code, statusMaps)).ToArray();

        var below = byRegion.Values.Select(r => r.Indicators.ToDictionary(v => v.Code, v => v.Value, StringComparer.Ordinal)).ToList();
        var ownValues = own?.Indicators.ToDictionary(v => v.Code, v => v.Value, StringComparer.Ordinal);
        var totals = indicators.All.Select(d => ConsolidateIndicator(d, below, ownValues)).ToArray();

        return new ConsolidatedReport(
            regionCode,
            period,
            measures,
            totals,
            [.. expected.Where(r => byRegion.ContainsKey(r.Code))],
            [.. expected.Where(r => !byRegion.ContainsKey(r.Code))],
            own is not null);
    }

    /// <summary>The consolidated status of one measure from the units' statuses (null = the unit has not reported it).</summary>
    public static MeasureStatus? ConsolidatedStatus(IEnumerable<MeasureStatus?> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var (notStarted, inProgress, completed, missing) = Count(units);
        return Decide(notStarted, inProgress, completed, missing);
    }

    private static ConsolidatedMeasure ConsolidateMeasure(string code, List<Dictionary<string, MeasureStatus>?> units)
    {
        var (notStarted, inProgress, completed, missing) = Count(units.Select(u => u is not null && u.TryGetValue(code, out var s) ? s : (MeasureStatus?)null));
        return new ConsolidatedMeasure(code, Decide(notStarted, inProgress, completed, missing), notStarted, inProgress, completed, missing);
    }

    private static (int NotStarted, int InProgress, int Completed, int Missing) Count(IEnumerable<MeasureStatus?> units)
    {
        int notStarted = 0, inProgress = 0, completed = 0, missing = 0;
        foreach (var unit in units)
        {
            switch (unit)
            {
                case MeasureStatus.NotStarted: notStarted++; break;
                case MeasureStatus.InProgress: inProgress++; break;
                case MeasureStatus.Completed: completed++; break;
                default: missing++; break;
            }
        }

        return (notStarted, inProgress, completed, missing);
    }

    private static MeasureStatus? Decide(int notStarted, int inProgress, int completed, int missing)
    {
        var reported = notStarted + inProgress + completed;
        if (reported == 0)
        {
            return null;
        }

        if (notStarted == reported)
        {
            return MeasureStatus.NotStarted;
        }

        return completed == reported && missing == 0 ? MeasureStatus.Completed : MeasureStatus.InProgress;
    }

    private static ConsolidatedIndicator ConsolidateIndicator(IndicatorDefinition definition, List<Dictionary<string, decimal>> below, Dictionary<string, decimal>? own)
    {
        decimal? ownValue = own is not null && own.TryGetValue(definition.Code, out var o) ? o : null;
        if (definition.Kind == IndicatorKind.Percentage)
        {
            decimal numerator = 0, denominator = 0;
            var reporting = 0;
            foreach (var values in below)
            {
                if (values.TryGetValue(definition.Numerator!, out var n) && values.TryGetValue(definition.Denominator!, out var d))
                {
                    numerator += n;
                    denominator += d;
                    reporting++;
                }
            }

            decimal? rate = denominator > 0 ? Math.Round(100m * numerator / denominator, 2, MidpointRounding.AwayFromZero) : null;
            return new ConsolidatedIndicator(definition, rate, reporting, ownValue);
        }

        decimal? total = null;
        var count = 0;
        foreach (var values in below)
        {
            if (values.TryGetValue(definition.Code, out var v))
            {
                total = (total ?? 0) + v;
                count++;
            }
        }

        return new ConsolidatedIndicator(definition, total, count, ownValue);
    }
}
