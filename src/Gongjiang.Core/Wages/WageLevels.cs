using Gongjiang.Core.Common;
using Gongjiang.Core.Skills;

namespace Gongjiang.Core.Wages;

/// <summary>One person's annual pay in one cell of the wage-level table (工资价位, policy 四(一)).</summary>
/// <param name="RegionCode">The region (GB/T 2260) of the cell.</param>
/// <param name="OccupationCode">职业编码.</param>
/// <param name="Level">职业技能等级.</param>
/// <param name="EnterpriseKey">The reporting enterprise (counted for suppression).</param>
/// <param name="PersonKey">The person (counted for suppression).</param>
/// <param name="PayFen">Annual pay in 分 (see <see cref="WageLevels.AnnualPay"/>).</param>
public sealed record WageSample(string RegionCode, string OccupationCode, SkillLevel Level, string EnterpriseKey, string PersonKey, long PayFen);

/// <summary>A cell's key; a null part means “all” (a total over that dimension).</summary>
/// <param name="RegionCode">Region, or null for all regions.</param>
/// <param name="OccupationCode">Occupation, or null for all occupations.</param>
/// <param name="Level">Level, or null for all levels.</param>
public sealed record WageLevelKey(string? RegionCode, string? OccupationCode, SkillLevel? Level);

/// <summary>
/// A published cell. When <see cref="Suppressed"/> every figure is null, the counts included (issue 15 API: a
/// suppressed cell carries its keys and nothing else).
/// </summary>
/// <param name="Key">The cell.</param>
/// <param name="Suppressed">Whether suppressed.</param>
/// <param name="Enterprises">Distinct enterprises behind the figures.</param>
/// <param name="Persons">Distinct persons behind the figures.</param>
/// <param name="P10">10th percentile in 分, as PostgreSQL's <c>percentile_cont(0.1)</c>.</param>
/// <param name="P25">25th percentile in 分.</param>
/// <param name="P50">Median in 分.</param>
/// <param name="P75">75th percentile in 分.</param>
/// <param name="P90">90th percentile in 分.</param>
/// <param name="Mean">Mean rounded to the 分 half away from zero, as PostgreSQL's <c>round(avg(pay_fen))</c>.</param>
public sealed record WageLevelCell(
    WageLevelKey Key,
    bool Suppressed,
    int? Enterprises,
    int? Persons,
    double? P10,
    double? P25,
    double? P50,
    double? P75,
    double? P90,
    Money? Mean);

/// <summary>The suppression thresholds (issue 15: fewer than 3 enterprises or 10 persons → suppressed). Parameters.</summary>
/// <param name="MinimumEnterprises">Fewest distinct enterprises for a published cell.</param>
/// <param name="MinimumPersons">Fewest distinct persons for a published cell.</param>
public sealed record SuppressionRule(int MinimumEnterprises, int MinimumPersons)
{
    /// <summary>3 enterprises and 10 persons.</summary>
    public static SuppressionRule Default { get; } = new(3, 10);

    /// <summary>Whether a cell of these counts is suppressed.</summary>
    public bool Suppresses(int enterprises, int persons) => enterprises < MinimumEnterprises || persons < MinimumPersons;
}

/// <summary>Which rows count for wage levels.</summary>
public enum WagePopulation
{
    /// <summary>Only rows with 12 months worked; pay as reported.</summary>
    FullYearOnly = 1,
    /// <summary>Every row, pay annualised: <c>round(pay × 12 ÷ months)</c> half away from zero.</summary>
    Annualised = 2,
}

/// <summary>
/// Wage levels of technical workers (工资价位, policy 四(一) “发布…技术工人工资价位信息”): P10, P25, P50, P75, P90 and the
/// mean per region × occupation × level, computed exactly as PostgreSQL so that the database and C# agree, with
/// small cells suppressed and totals that never reveal a suppressed cell.
/// </summary>
/// <remarks>
/// <para><b>Percentiles</b> follow <c>percentile_cont(f) WITHIN GROUP (ORDER BY pay_fen)</c> bit for bit: the values
/// are doubles (分 below 2^53 are exact), <c>first = floor(f·(n−1))</c>, <c>second = ceil(f·(n−1))</c>,
/// <c>proportion = f·(n−1) − first</c>, result <c>lo + proportion·(hi − lo)</c> in IEEE double arithmetic.</para>
/// <para><b>Mean</b> is <c>round(avg(pay_fen))</c>: the exact average rounded half away from zero to the 分.</para>
/// <para><b>Totals</b> (a null key part): computed only from the samples of the base cells (region × occupation ×
/// level) that are not suppressed, then suppressed again by the same thresholds. A suppressed cell's samples enter no
/// published figure, so no total minus its published parts can reveal it (no complementary suppression is needed);
/// the price is that a total covers the published cells only, which the methodology note must say
/// (<see cref="TotalsNote"/>).</para>
/// </remarks>
public static class WageLevels
{
    /// <summary>The fractions of the five percentiles.</summary>
    public static IReadOnlyList<double> Fractions { get; } = [0.1, 0.25, 0.5, 0.75, 0.9];

    /// <summary>The methodology sentence on totals.</summary>
    public const string TotalsNote = "合计行只汇总已公布的单元格：样本不足（企业少于规定数或人数少于规定数）而不予公布的单元格，其样本不计入任何合计，合计本身也按同一标准判断是否公布。";

    /// <summary>
    /// The pay a row contributes: null when it does not count (<see cref="WagePopulation.FullYearOnly"/> and months ≠ 12,
    /// or months outside 1–12). SQL: <c>round(pay_fen * 12.0 / months)</c>.
    /// </summary>
    public static long? AnnualPay(Money pay, int months, WagePopulation population)
    {
        if (months is < 1 or > 12)
        {
            return null;
        }

        return population switch
        {
            WagePopulation.FullYearOnly => months == 12 ? pay.Fen : null,
            WagePopulation.Annualised => (long)RoundHalfAway((Int128)pay.Fen * 12, months),
            _ => throw new ArgumentOutOfRangeException(nameof(population), population, null),
        };
    }

    /// <summary>PostgreSQL's <c>percentile_cont(fraction)</c> over values already sorted ascending.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is not within [0, 1] or there are no values.</exception>
    public static double PercentileCont(IReadOnlyList<long> sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        if (fraction is < 0 or > 1 || double.IsNaN(fraction))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "百分位应在0至1之间");
        }

        var position = fraction * (sorted.Count - 1);
        var first = (long)Math.Floor(position);
        var second = (long)Math.Ceiling(position);
        double lo = sorted[(int)first];
        if (first == second)
        {
            return lo;
        }

        double hi = sorted[(int)second];
        var proportion = position - first;
        return lo + (proportion * (hi - lo));
    }

    /// <summary>The mean of <paramref name="values"/> rounded half away from zero to the 分 (PostgreSQL <c>round(avg(x))</c>).</summary>
    public static Money Mean(IReadOnlyCollection<long> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        Int128 sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return new Money((long)RoundHalfAway(sum, values.Count));
    }

    /// <summary>
    /// The base cells (region × occupation × level) of <paramref name="samples"/>, ordered by region, occupation and
    /// level (ordinal), each published or suppressed by <paramref name="rule"/>.
    /// </summary>
    public static IReadOnlyList<WageLevelCell> Cells(IEnumerable<WageSample> samples, SuppressionRule rule)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(rule);
        return [.. samples
            .GroupBy(s => new WageLevelKey(s.RegionCode, s.OccupationCode, s.Level))
            .OrderBy(g => g.Key.RegionCode, StringComparer.Ordinal).ThenBy(g => g.Key.OccupationCode, StringComparer.Ordinal).ThenBy(g => g.Key.Level)
            .Select(g => Cell(g.Key, [.. g], rule))];
    }

    /// <summary>
    /// Totals at <paramref name="rollUp"/> (e.g. <c>k =&gt; k with { Level = null }</c> for all levels of a region and
    /// occupation): built from the samples of unsuppressed base cells only, then suppressed by the same thresholds.
    /// </summary>
    public static IReadOnlyList<WageLevelCell> Totals(IEnumerable<WageSample> samples, SuppressionRule rule, Func<WageLevelKey, WageLevelKey> rollUp)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(rollUp);
        var published = samples
            .GroupBy(s => new WageLevelKey(s.RegionCode, s.OccupationCode, s.Level))
            .Where(g => !rule.Suppresses(g.Select(s => s.EnterpriseKey).Distinct(StringComparer.Ordinal).Count(), g.Select(s => s.PersonKey).Distinct(StringComparer.Ordinal).Count()))
            .SelectMany(g => g.Select(s => (Key: rollUp(g.Key), Sample: s)));
        return [.. published
            .GroupBy(p => p.Key)
            .OrderBy(g => g.Key.RegionCode, StringComparer.Ordinal).ThenBy(g => g.Key.OccupationCode, StringComparer.Ordinal).ThenBy(g => g.Key.Level)
            .Select(g => Cell(g.Key, [.. g.Select(p => p.Sample)], rule))];
    }

    /// <summary>One cell from its samples.</summary>
    public static WageLevelCell Cell(WageLevelKey key, IReadOnlyList<WageSample> samples, SuppressionRule rule)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(rule);
        var enterprises = samples.Select(s => s.EnterpriseKey).Distinct(StringComparer.Ordinal).Count();
        var persons = samples.Select(s => s.PersonKey).Distinct(StringComparer.Ordinal).Count();
        if (samples.Count == 0 || rule.Suppresses(enterprises, persons))
        {
            return new WageLevelCell(key, true, null, null, null, null, null, null, null, null);
        }

        long[] sorted = [.. samples.Select(s => s.PayFen).Order()];
        return new WageLevelCell(key, false, enterprises, persons,
            PercentileCont(sorted, 0.1), PercentileCont(sorted, 0.25), PercentileCont(sorted, 0.5),
            PercentileCont(sorted, 0.75), PercentileCont(sorted, 0.9), Mean(sorted));
    }

    private static Int128 RoundHalfAway(Int128 numerator, Int128 denominator)
    {
        var quotient = Int128.DivRem(numerator, denominator);
        var q = quotient.Quotient;
        if (Int128.Abs(quotient.Remainder) * 2 >= denominator)
        {
            q += Int128.Sign(numerator);
        }

        return q;
    }
}
