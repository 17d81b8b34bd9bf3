using System.Globalization;
using System.Numerics;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Wages;

/// <summary>
/// Which staff count when per-capita pay is compared year on year (none of the sources defines it; rules.md §7 gives
/// this as a proposal, so both are offered and the choice is stated with every result).
/// </summary>
public enum ComparablePopulation
{
    /// <summary>
    /// 全年在岗可比人员: only persons who worked 12 months in both years and were in the same group (category and tier)
    /// both years; per-capita pay = total ÷ persons.
    /// </summary>
    FullYearStaff = 1,
    /// <summary>
    /// 平均人数口径: everyone reported; per-capita pay = total ÷ average headcount, average headcount = months worked ÷ 12.
    /// </summary>
    AverageHeadcount = 2,
}

/// <summary>The comparisons of the SOE pay rule.</summary>
public enum SoeComparisonKind
{
    /// <summary>高技能人才 vs 管理人员 (2018 意见 四(二)).</summary>
    HighSkillVsManagers = 1,
    /// <summary>一线技能人才 vs 同层级管理人员 (2025 notice).</summary>
    FrontlineSkilledVsManagersSameTier = 2,
    /// <summary>一线技能人才 vs 同层级辅助人员 (2025 notice).</summary>
    FrontlineSkilledVsSupportSameTier = 3,
    /// <summary>高技能人才 vs 同层级专业技术人员 (2025 notice).</summary>
    HighSkillVsProfessionalsSameTier = 4,
    /// <summary>高技能人才 vs 同层级管理人员 (2025 notice).</summary>
    HighSkillVsManagersSameTier = 5,
}

/// <summary>
/// A dated comparison of the SOE pay rule: for report year <c>t</c> it applies when in force on 31 December of t.
/// </summary>
/// <param name="Id">Stable rule id.</param>
/// <param name="Kind">Which comparison.</param>
/// <param name="EffectiveFrom">First day in force.</param>
/// <param name="EffectiveTo">First day no longer in force; null = open.</param>
/// <param name="Citation">The source; “[M]” marks an unverified date.</param>
public sealed record SoePayRule(string Id, SoeComparisonKind Kind, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string Citation)
{
    /// <summary>Whether it applies to the comparison of <paramref name="year"/> with the year before.</summary>
    public bool AppliesTo(int year)
    {
        var end = new DateOnly(year, 12, 31);
        return EffectiveFrom <= end && (EffectiveTo is null || end < EffectiveTo);
    }
}

/// <summary>The rules that ship with the platform.</summary>
public static class SoePayRules
{
    /// <summary>The 2018 意见 四(二).</summary>
    public const string Policy2018 = "《关于提高技术工人待遇的意见》四（二）";

    /// <summary>The 2025 notice (人社部、财政部、国资委; number not found).</summary>
    public const string Notice2025 = "《关于加大国有企业技能人才薪酬分配激励的通知》（人社部、财政部、国务院国资委，2025年）";

    /// <summary>The 意见's release (中办、国办印发, 2018-03-22) [S].</summary>
    public static readonly DateOnly From2018 = new(2018, 3, 22);

    /// <summary>The 2025 notice: reported as issued by 2025-05-30 (新华社 “日前…联合印发”) [M: exact date not verified].</summary>
    public static readonly DateOnly From2025 = new(2025, 5, 30);

    /// <summary>
    /// From 2018: “高技能人才人均工资增幅应不低于本单位管理人员人均工资增幅”. From the 2025 notice (its date [M]):
    /// front-line skilled staff not below managers and support staff at the same level; 高技能人才 not below professional
    /// and technical staff and managers at the same level. The 2018 comparison stays in force.
    /// </summary>
    public static IReadOnlyList<SoePayRule> Default { get; } =
    [
        new("4.2-high-skill-vs-managers", SoeComparisonKind.HighSkillVsManagers, From2018, null, Policy2018),
        new("2025-frontline-vs-managers-tier", SoeComparisonKind.FrontlineSkilledVsManagersSameTier, From2025, null, Notice2025 + " [M]"),
        new("2025-frontline-vs-support-tier", SoeComparisonKind.FrontlineSkilledVsSupportSameTier, From2025, null, Notice2025 + " [M]"),
        new("2025-high-skill-vs-professionals-tier", SoeComparisonKind.HighSkillVsProfessionalsSameTier, From2025, null, Notice2025 + " [M]"),
        new("2025-high-skill-vs-managers-tier", SoeComparisonKind.HighSkillVsManagersSameTier, From2025, null, Notice2025 + " [M]"),
    ];
}

/// <summary>A group's pay in one year.</summary>
/// <param name="Total">Pay of the group's counted rows.</param>
/// <param name="Persons">Persons counted.</param>
/// <param name="MonthsWorked">Their months worked (average headcount = months ÷ 12).</param>
/// <param name="PerCapita">Per-capita pay rounded to the 分 for display (comparisons use the exact fraction).</param>
public sealed record GroupPay(Money Total, int Persons, int MonthsWorked, Money PerCapita);

/// <summary>The status of one comparison.</summary>
public enum ComparisonStatus
{
    /// <summary>符合: the left group's growth is not below the right group's.</summary>
    Holds = 1,
    /// <summary>不符合.</summary>
    Fails = 2,
    /// <summary>无法比较: a group is empty in one of the years (the reason says which).</summary>
    NotComparable = 3,
}

/// <summary>One comparison with its values.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Citation">Its source.</param>
/// <param name="Left">The group that must not grow less (e.g. 高技能人才).</param>
/// <param name="Right">The group compared with (e.g. 管理人员).</param>
/// <param name="Tier">The level compared at, for the same-level comparisons.</param>
/// <param name="LeftPrevious">Left group, previous year.</param>
/// <param name="LeftCurrent">Left group, report year.</param>
/// <param name="RightPrevious">Right group, previous year.</param>
/// <param name="RightCurrent">Right group, report year.</param>
/// <param name="LeftGrowthPercent">Growth in percent, two decimals (display).</param>
/// <param name="RightGrowthPercent">Growth in percent, two decimals (display).</param>
/// <param name="Status">Holds, fails or not comparable.</param>
/// <param name="Reason">In Chinese with the values.</param>
public sealed record PayComparison(
    string RuleId,
    string Citation,
    string Left,
    string Right,
    PostTier? Tier,
    GroupPay LeftPrevious,
    GroupPay LeftCurrent,
    GroupPay RightPrevious,
    GroupPay RightCurrent,
    decimal? LeftGrowthPercent,
    decimal? RightGrowthPercent,
    ComparisonStatus Status,
    string Reason);

/// <summary>The overall result.</summary>
public enum SoeComplianceOutcome
{
    /// <summary>符合: every comparison that could be made holds (and at least one could).</summary>
    Compliant = 1,
    /// <summary>不符合: at least one comparison fails — a rectification case (整改) follows.</summary>
    NonCompliant = 2,
    /// <summary>无法判定: no comparison could be made.</summary>
    Indeterminate = 3,
    /// <summary>不适用: not a 中央企业 or 地方国有企业.</summary>
    NotApplicable = 4,
}

/// <summary>The result of the SOE pay check of one enterprise and year.</summary>
/// <param name="Outcome">Overall.</param>
/// <param name="Year">The report year (compared with the year before).</param>
/// <param name="Population">The comparable-population choice.</param>
/// <param name="PopulationExplanation">What it means, in Chinese.</param>
/// <param name="Comparisons">Every comparison made, with values.</param>
public sealed record SoeComplianceResult(SoeComplianceOutcome Outcome, int Year, ComparablePopulation Population, string PopulationExplanation, IReadOnlyList<PayComparison> Comparisons);

/// <summary>
/// The SOE pay rule (policy 四(二) and the 2025 notice) as a check the system does itself: per-capita pay growth of
/// each group year on year, compared exactly (cross-multiplied fractions, no rounding) and shown rounded.
/// </summary>
/// <remarks>
/// Growth is <c>avg_t ÷ avg_(t−1) − 1</c> with <c>avg = total ÷ persons</c> (全年在岗可比人员) or <c>total ÷ (months ÷
/// 12)</c> (平均人数), pay as in 《关于工资总额组成的规定》 (rules.md §7, a proposal: the sources do not define it).
/// “不低于” means equal growth holds. Same-level comparisons are made per <see cref="PostTier"/> where both groups have
/// rows in both years; rows without a tier take part only in the whole-enterprise comparison.
/// </remarks>
public static class SoePayCompliance
{
    /// <summary>The explanation shown with each result.</summary>
    public static string Explain(ComparablePopulation population) => population switch
    {
        ComparablePopulation.FullYearStaff =>
            "全年在岗可比人员口径：只统计两个年度均在本单位工作满12个月、且两年人员类别和岗位层级相同的人员，人均工资＝工资总额÷人数；"
            + "当年入职、离职和类别变动的人员不计入，以免人员结构变化影响增幅。",
        ComparablePopulation.AverageHeadcount =>
            "平均人数口径：统计两个年度报送的全部人员，人均工资＝工资总额÷平均人数，平均人数＝全部人员工作月数之和÷12；"
            + "人员进出按在岗月数折算。",
        _ => throw new ArgumentOutOfRangeException(nameof(population), population, null),
    };

    /// <summary>
    /// Checks an enterprise's report for <paramref name="year"/> against <paramref name="previousRows"/> of the year
    /// before, under the rules of <paramref name="rules"/> that apply to that year. Applies only to 中央企业 and 地方国有
    /// 企业 (<paramref name="stateOwned"/> = OwnershipType CentralSoe or LocalSoe); others get NotApplicable.
    /// </summary>
    /// <param name="year">The report year.</param>
    /// <param name="stateOwned">Whether the enterprise is a 中央企业 or 地方国有企业.</param>
    /// <param name="currentRows">The report year's rows (valid by <see cref="WageRowRules"/>).</param>
    /// <param name="previousRows">The previous year's rows.</param>
    /// <param name="population">The comparable-population choice.</param>
    /// <param name="rules">The dated comparisons (<see cref="SoePayRules.Default"/>).</param>
    /// <param name="supportCategories">Which categories are 辅助人员 for the 2025 comparison (default: 其他) [M].</param>
    public static Decision<SoeComplianceResult> Evaluate(
        int year,
        bool stateOwned,
        IReadOnlyList<WageReportRow> currentRows,
        IReadOnlyList<WageReportRow> previousRows,
        ComparablePopulation population,
        IReadOnlyList<SoePayRule> rules,
        IReadOnlySet<StaffCategory>? supportCategories = null)
    {
        ArgumentNullException.ThrowIfNull(currentRows);
        ArgumentNullException.ThrowIfNull(previousRows);
        ArgumentNullException.ThrowIfNull(rules);
        var asOf = new DateOnly(year, 12, 31);
        var explanation = Explain(population);
        if (!stateOwned)
        {
            var na = new RuleOutcome("4.2-scope", true, "非中央企业或地方国有企业，不适用国有企业技能人才工资增幅规定", SoePayRules.Policy2018);
            return new Decision<SoeComplianceResult>(new SoeComplianceResult(SoeComplianceOutcome.NotApplicable, year, population, explanation, []), asOf, [na]);
        }

        var support = supportCategories ?? new HashSet<StaffCategory> { StaffCategory.Other };
        var (current, previous) = Population(currentRows, previousRows, population);
        var comparisons = new List<PayComparison>();
        foreach (var rule in rules.Where(r => r.AppliesTo(year)))
        {
            switch (rule.Kind)
            {
                case SoeComparisonKind.HighSkillVsManagers:
                    comparisons.Add(Compare(rule, population, "高技能人才", IsHighSkill, "管理人员", IsManager, null, current, previous));
                    break;
                case SoeComparisonKind.FrontlineSkilledVsManagersSameTier:
                    comparisons.AddRange(PerTier(rule, population, "一线技能人才", IsFrontlineSkilled, "管理人员", IsManager, current, previous));
                    break;
                case SoeComparisonKind.FrontlineSkilledVsSupportSameTier:
                    comparisons.AddRange(PerTier(rule, population, "一线技能人才", IsFrontlineSkilled, "辅助人员", r => support.Contains(r.Category), current, previous));
                    break;
                case SoeComparisonKind.HighSkillVsProfessionalsSameTier:
                    comparisons.AddRange(PerTier(rule, population, "高技能人才", IsHighSkill, "专业技术人员", r => r.Category == StaffCategory.ProfessionalTechnical, current, previous));
                    break;
                case SoeComparisonKind.HighSkillVsManagersSameTier:
                    comparisons.AddRange(PerTier(rule, population, "高技能人才", IsHighSkill, "管理人员", IsManager, current, previous));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(rules), rule.Kind, null);
            }
        }

        var outcome = comparisons.Any(c => c.Status == ComparisonStatus.Fails) ? SoeComplianceOutcome.NonCompliant
            : comparisons.Any(c => c.Status == ComparisonStatus.Holds) ? SoeComplianceOutcome.Compliant
            : SoeComplianceOutcome.Indeterminate;
        var outcomes = comparisons
            .Select(c => new RuleOutcome(c.RuleId, c.Status != ComparisonStatus.Fails, c.Reason, c.Citation))
            .Prepend(new RuleOutcome("4.2-population", true, explanation))
            .ToList();
        return new Decision<SoeComplianceResult>(new SoeComplianceResult(outcome, year, population, explanation, comparisons), asOf, outcomes);
    }

    /// <summary>A group's pay among <paramref name="rows"/> (already reduced to the comparable population).</summary>
    public static GroupPay Pay(IEnumerable<WageReportRow> rows, ComparablePopulation population)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        var total = list.Aggregate(Money.Zero, (sum, r) => sum + r.TotalPay);
        var months = list.Sum(r => r.MonthsWorked);
        var (num, den) = Average(total, list.Count, months, population);
        var perCapita = den.IsZero ? Money.Zero : new Money((long)RoundHalfAway(num, den));
        return new GroupPay(total, list.Count, months, perCapita);
    }

    private static bool IsHighSkill(WageReportRow r) => r.Category == StaffCategory.HighSkill;

    private static bool IsManager(WageReportRow r) => r.Category == StaffCategory.Manager;

    private static bool IsFrontlineSkilled(WageReportRow r) => r.Category is StaffCategory.HighSkill or StaffCategory.OtherSkilled && r.Frontline == true;

    private static (IReadOnlyList<WageReportRow> Current, IReadOnlyList<WageReportRow> Previous) Population(
        IReadOnlyList<WageReportRow> current, IReadOnlyList<WageReportRow> previous, ComparablePopulation population)
    {
        if (population == ComparablePopulation.AverageHeadcount)
        {
            return (current, previous);
        }

        // Full-year staff in the same category and tier both years; a person reported twice in a year is not comparable.
        static Dictionary<string, WageReportRow> FullYear(IReadOnlyList<WageReportRow> rows) =>
            rows.GroupBy(r => r.PersonKey, StringComparer.Ordinal)
                .Where(g => g.Count() == 1 && g.First().MonthsWorked == 12)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = FullYear(current);
        var before = FullYear(previous);
        var keys = now.Keys.Where(k => before.TryGetValue(k, out var p) && p.Category == now[k].Category && p.Tier == now[k].Tier
            && p.Frontline == now[k].Frontline).ToHashSet(StringComparer.Ordinal);
        return ([.. current.Where(r => keys.Contains(r.PersonKey))], [.. previous.Where(r => keys.Contains(r.PersonKey))]);
    }

    private static IEnumerable<PayComparison> PerTier(
        SoePayRule rule, ComparablePopulation population, string left, Func<WageReportRow, bool> isLeft, string right, Func<WageReportRow, bool> isRight,
        IReadOnlyList<WageReportRow> current, IReadOnlyList<WageReportRow> previous)
    {
        var tiers = current.Concat(previous).Where(r => isLeft(r) || isRight(r)).Select(r => r.Tier).OfType<PostTier>().Distinct().Order().ToList();
        if (tiers.Count == 0)
        {
            yield return Compare(rule, population, left, isLeft, right, isRight, null, [], [], "未填报岗位层级，无法按同层级比较");
            yield break;
        }

        foreach (var tier in tiers)
        {
            yield return Compare(rule, population, left, r => isLeft(r) && r.Tier == tier, right, r => isRight(r) && r.Tier == tier, tier, current, previous);
        }
    }

    private static PayComparison Compare(
        SoePayRule rule, ComparablePopulation population, string left, Func<WageReportRow, bool> isLeft, string right, Func<WageReportRow, bool> isRight, PostTier? tier,
        IReadOnlyList<WageReportRow> current, IReadOnlyList<WageReportRow> previous, string? notComparable = null)
    {
        var lp = Pay(previous.Where(isLeft), population);
        var lc = Pay(current.Where(isLeft), population);
        var rp = Pay(previous.Where(isRight), population);
        var rc = Pay(current.Where(isRight), population);
        var tierText = tier is { } t ? StaffCategories.ChineseName(t) : "";
        var l = tierText + left;
        var r = tierText + right;

        var empty = new List<string>();
        foreach (var (name, pay, which) in new[] { (l, lp, "上年"), (l, lc, "本年"), (r, rp, "上年"), (r, rc, "本年") })
        {
            if (pay.Persons == 0 || pay.Total == Money.Zero)
            {
                empty.Add($"{which}无{name}数据");
            }
        }

        if (notComparable is not null || empty.Count > 0)
        {
            var why = notComparable ?? string.Join("，", empty.Distinct());
            return new PayComparison(rule.Id, rule.Citation, l, r, tier, lp, lc, rp, rc, null, null, ComparisonStatus.NotComparable,
                $"{l}与{r}人均工资增幅无法比较：{why}");
        }

        var leftGrowth = Growth(lp, lc, population);
        var rightGrowth = Growth(rp, rc, population);
        var holds = NotBelow(lp, lc, rp, rc, population);
        var values = string.Create(CultureInfo.InvariantCulture,
            $"{l}人均工资由{lp.PerCapita.ToChinese()}增至{lc.PerCapita.ToChinese()}，增幅{leftGrowth:0.00}%；{r}人均工资由{rp.PerCapita.ToChinese()}增至{rc.PerCapita.ToChinese()}，增幅{rightGrowth:0.00}%");
        var reason = holds ? $"{values}；{l}增幅不低于{r}" : $"{values}；{l}增幅低于{r}，不符合规定";
        return new PayComparison(rule.Id, rule.Citation, l, r, tier, lp, lc, rp, rc, leftGrowth, rightGrowth,
            holds ? ComparisonStatus.Holds : ComparisonStatus.Fails, reason);
    }

    private static (BigInteger Numerator, BigInteger Denominator) Average(Money total, int persons, int months, ComparablePopulation population) =>
        population == ComparablePopulation.FullYearStaff
            ? (total.Fen, persons)
            : ((BigInteger)total.Fen * 12, months);

    /// <summary>Whether (lc/lp) ≥ (rc/rp), exactly.</summary>
    private static bool NotBelow(GroupPay lp, GroupPay lc, GroupPay rp, GroupPay rc, ComparablePopulation p)
    {
        var (a1, b1) = Average(lc.Total, lc.Persons, lc.MonthsWorked, p);
        var (a0, b0) = Average(lp.Total, lp.Persons, lp.MonthsWorked, p);
        var (c1, d1) = Average(rc.Total, rc.Persons, rc.MonthsWorked, p);
        var (c0, d0) = Average(rp.Total, rp.Persons, rp.MonthsWorked, p);
        // (a1/b1)/(a0/b0) ≥ (c1/d1)/(c0/d0)  ⇔  a1·b0·d1·c0 ≥ c1·d0·b1·a0 (all positive)
        return a1 * b0 * d1 * c0 >= c1 * d0 * b1 * a0;
    }

    private static decimal Growth(GroupPay previous, GroupPay current, ComparablePopulation p)
    {
        var (a1, b1) = Average(current.Total, current.Persons, current.MonthsWorked, p);
        var (a0, b0) = Average(previous.Total, previous.Persons, previous.MonthsWorked, p);
        // percent = (a1·b0 ÷ (b1·a0) − 1) × 100, rounded to two decimals half away from zero, in integers: hundredths of a percent.
        var num = ((a1 * b0) - (b1 * a0)) * 10_000;
        var den = b1 * a0;
        return (decimal)RoundHalfAway(num, den) / 100m;
    }

    private static BigInteger RoundHalfAway(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        if (BigInteger.Abs(remainder) * 2 >= denominator)
        {
            quotient += numerator.Sign;
        }

        return quotient;
    }
}
