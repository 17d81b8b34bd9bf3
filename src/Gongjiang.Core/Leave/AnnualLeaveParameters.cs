using System.Globalization;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Leave;

/// <summary>
/// How the entitlement is found in a year in which the worker's cumulative working years reach a new tier (满1年、满10年、
/// 满20年) — 条例 art 3 and 办法 do not say for enterprises (rules.md §1: “Make it a configurable policy. Local rules
/// differ.”). The choice is shown in every trace that depends on it. The int values are stored; never renumber them.
/// </summary>
public enum MidYearTierChange
{
    /// <summary>
    /// 按日历天数分段折算 (default): each calendar day of the year at this employer carries the full-year entitlement of
    /// the tier in force on that day, from the day the years are complete; the sum ÷ 365 is rounded down to whole days,
    /// the same arithmetic as 办法 art 5 and art 12.
    /// </summary>
    ProrateByCalendarDays = 1,

    /// <summary>
    /// 自满年限的次月起分段折算: as <see cref="ProrateByCalendarDays"/>, but a new tier counts from the first day of the
    /// month after the years are complete — the rule of 机关事业单位 (《机关事业单位工作人员带薪年休假实施办法》,
    /// 人事部令第9号, rules.md §1 [S], not verified against the primary text).
    /// </summary>
    FromFollowingMonth = 2,

    /// <summary>按本年度在本单位期间结束时的累计工作年限全年适用: the higher tier reached during the year counts for the whole year.</summary>
    HigherTierForWholeYear = 3,

    /// <summary>按本年度在本单位期间开始时的累计工作年限全年适用: a tier reached during the year counts from the next year.</summary>
    LowerTierForWholeYear = 4,
}

/// <summary>Where the daily wage of 办法 art 11 is rounded; the national text does not say. Stored; never renumber.</summary>
public enum DailyWageRounding
{
    /// <summary>
    /// 日工资先四舍五入到分 (default): the daily wage is rounded to the 分, then multiplied (8000 ÷ 21.75 = 367.82;
    /// 2 days × 200% → 1471.28), as payslips show it.
    /// </summary>
    RoundToFen = 1,

    /// <summary>只对报酬总额四舍五入到分: monthly wage × days × 200% ÷ 21.75, rounded once (2 days → 1471.26).</summary>
    RoundCompensationOnly = 2,
}

/// <summary>
/// One tier of 条例 art 3: from <see cref="MinimumYears"/> complete years of cumulative work the worker has
/// <see cref="Days"/> days a year, and loses the year's leave after <see cref="SickLeaveMonthsExcluding"/> months or more
/// of sick leave (条例 art 4 (3)–(5)).
/// </summary>
/// <param name="MinimumYears">Complete years of cumulative work (满N年) from which the tier applies; the first tier's is the eligibility threshold.</param>
/// <param name="Days">Leave days a full year (working days: holidays and rest days are not counted, 条例 art 3 ¶2).</param>
/// <param name="SickLeaveMonthsExcluding">Sick leave of this many months or more (以上 includes the number) excludes the year's leave.</param>
public sealed record LeaveTier(int MinimumYears, int Days, decimal SickLeaveMonthsExcluding);

/// <summary>
/// The dated parameters of the paid-annual-leave rules. <see cref="Enterprise"/> is the national enterprise set of
/// 《职工带薪年休假条例》 and 《企业职工带薪年休假实施办法》; a region or a later revision is a new instance (use
/// <c>with</c>) with its own <see cref="EffectiveFrom"/>, so any past year replays with the values then in force.
/// </summary>
/// <remarks>
/// Invariants (checked by <see cref="Check"/>): tiers ascend strictly in years, the first from at least 1 year, days
/// positive; divisor (365 nationally) and 月计薪天数 positive; extra pay 0–1000 %; carry-over 0 or more years.
/// </remarks>
/// <param name="Name">Shown in traces, e.g. “全国企业职工（条例、实施办法）”.</param>
/// <param name="EffectiveFrom">First day these values apply (a leave year is judged by its 1 January).</param>
/// <param name="EffectiveUntil">Last day they apply; null while in force.</param>
/// <param name="Tiers">条例 art 3 and art 4 (3)–(5): 1 year → 5 days (sick 2 months), 10 → 10 (3), 20 → 15 (4).</param>
/// <param name="PersonalLeaveDaysExcluding">条例 art 4 (2): personal leave of this many days or more, wages not deducted, excludes the year's leave (20).</param>
/// <param name="ProrationDivisor">办法 art 5 and 12: the fixed divisor 365, also in leap years.</param>
/// <param name="MonthlyPayDays">办法 art 11, 劳社部发〔2008〕3号: 月计薪天数 21.75 = (365 − 104) ÷ 12, unchanged by the 2025 holiday revision (rules.md §1).</param>
/// <param name="ExtraPayPercent">条例 art 5, 办法 art 10: 300 % including the normal pay already paid, so 200 % extra.</param>
/// <param name="CarryOverYears">条例 art 5: leave may be arranged at most this many years later (1).</param>
/// <param name="MidYearTierChange">The local choice for a tier reached during the year (default <see cref="MidYearTierChange.ProrateByCalendarDays"/>).</param>
/// <param name="LeaveDayCountsAsElapsed">
/// 办法 art 12 “已过日历天数”: whether the last day of employment counts as elapsed (default true: the worker is employed
/// that day). The national text does not say.
/// </param>
/// <param name="DailyWageRounding">Where the daily wage is rounded (default <see cref="DailyWageRounding.RoundToFen"/>).</param>
public sealed record AnnualLeaveParameters(
    string Name,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveUntil,
    IReadOnlyList<LeaveTier> Tiers,
    decimal PersonalLeaveDaysExcluding,
    int ProrationDivisor,
    decimal MonthlyPayDays,
    int ExtraPayPercent,
    int CarryOverYears,
    MidYearTierChange MidYearTierChange,
    bool LeaveDayCountsAsElapsed,
    DailyWageRounding DailyWageRounding)
{
    /// <summary>
    /// The national set for enterprise workers: 条例 (in force 2008-01-01) and 办法 (2008-09-18), with 21.75 of
    /// 劳社部发〔2008〕3号 — all [V] in rules.md §1 — and the defaults for the three points the national text leaves open.
    /// </summary>
    public static AnnualLeaveParameters Enterprise { get; } = new(
        "全国企业职工（《职工带薪年休假条例》《企业职工带薪年休假实施办法》）",
        new DateOnly(2008, 1, 1),
        null,
        [new LeaveTier(1, 5, 2m), new LeaveTier(10, 10, 3m), new LeaveTier(20, 15, 4m)],
        20m,
        365,
        21.75m,
        200,
        1,
        MidYearTierChange.ProrateByCalendarDays,
        LeaveDayCountsAsElapsed: true,
        DailyWageRounding.RoundToFen);

    /// <summary>The first year the national rules cover (条例 in force 2008-01-01).</summary>
    public const int FirstYear = 2008;

    /// <summary>The last year the calculator accepts (a sanity limit, not a law).</summary>
    public const int LastYear = 2100;

    /// <summary>Every enterprise parameter set, oldest first (one so far).</summary>
    public static IReadOnlyList<AnnualLeaveParameters> EnterpriseVersions { get; } = [Enterprise];

    /// <summary>The enterprise set in force on 1 January of <paramref name="year"/>, or why none is.</summary>
    public static Result<AnnualLeaveParameters> ForYear(int year) => ForYear(EnterpriseVersions, year);

    /// <summary>The set among <paramref name="versions"/> in force on 1 January of <paramref name="year"/>, or why none is.</summary>
    public static Result<AnnualLeaveParameters> ForYear(IEnumerable<AnnualLeaveParameters> versions, int year)
    {
        if (year is < 1 or > 9998)
        {
            return Result<AnnualLeaveParameters>.Fail(string.Create(CultureInfo.InvariantCulture, $"年度{year}无效"));
        }

        var day = new DateOnly(year, 1, 1);
        var found = versions.LastOrDefault(v => v.AppliesOn(day));
        return found is null
            ? Result<AnnualLeaveParameters>.Fail(string.Create(CultureInfo.InvariantCulture, $"{year}年没有适用的带薪年休假规则（《职工带薪年休假条例》自2008年1月1日起施行）"))
            : Result<AnnualLeaveParameters>.Ok(found);
    }

    /// <summary>Whether these values are in force on <paramref name="day"/>.</summary>
    public bool AppliesOn(DateOnly day) => day >= EffectiveFrom && (EffectiveUntil is null || day <= EffectiveUntil);

    /// <summary>The tier for <paramref name="completeYears"/> of cumulative work; null below the first (not eligible).</summary>
    public LeaveTier? TierFor(int completeYears) => Tiers.LastOrDefault(t => completeYears >= t.MinimumYears);

    /// <summary>The tier after <paramref name="tier"/>, or null for the highest.</summary>
    public LeaveTier? NextTier(LeaveTier tier)
    {
        var index = IndexOf(tier);
        return index >= 0 && index + 1 < Tiers.Count ? Tiers[index + 1] : null;
    }

    /// <summary>The position of <paramref name="tier"/> in <see cref="Tiers"/> (0 = the first), or −1.</summary>
    public int IndexOf(LeaveTier tier)
    {
        for (var i = 0; i < Tiers.Count; i++)
        {
            if (Tiers[i] == tier)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Why these parameters are inconsistent (in Chinese), or an empty list.</summary>
    public IReadOnlyList<string> Check()
    {
        var errors = new List<string>();
        if (Tiers.Count == 0)
        {
            errors.Add("年休假档次不能为空");
        }

        for (var i = 0; i < Tiers.Count; i++)
        {
            var tier = Tiers[i];
            if (tier.MinimumYears < 1 || tier.Days < 1 || tier.SickLeaveMonthsExcluding <= 0)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"第{i + 1}档：年限至少1年，天数和病假月数须为正数"));
            }

            if (i > 0 && tier.MinimumYears <= Tiers[i - 1].MinimumYears)
            {
                errors.Add("年休假档次须按累计工作年限从低到高排列");
            }
        }

        if (ProrationDivisor <= 0 || MonthlyPayDays <= 0 || PersonalLeaveDaysExcluding <= 0)
        {
            errors.Add("折算除数、月计薪天数和事假天数界限须为正数");
        }

        if (ExtraPayPercent is < 0 or > 1000 || CarryOverYears < 0)
        {
            errors.Add("加付比例须在0%至1000%之间，跨年度安排年数不能为负数");
        }

        return errors;
    }
}
