using System.Globalization;
using Gongjiang.Core.Common;
using Gongjiang.Core.Skills;

namespace Gongjiang.Core.Wages;

/// <summary>
/// An enterprise's seniority-wage scheme (年资（年功）工资制度, policy 三(三): “合理确定年资起加点和工资级差”), in force
/// from <see cref="EffectiveFrom"/> until <see cref="EffectiveTo"/> (exclusive).
/// </summary>
/// <remarks>
/// A month's seniority pay is <c>min(cap, steps × StepPerYear)</c> with <c>steps = Y − StartYears + 1</c> once the
/// completed years of service Y on the month's first day reach <see cref="StartYears"/> (起加点: the years at which the
/// first step is paid), else 0. A raise starts in the month after the anniversary unless it falls on the 1st.
/// </remarks>
/// <param name="StartYears">起加点 in years of service (≥ 0).</param>
/// <param name="StepPerYear">级差: the monthly amount each year of service adds.</param>
/// <param name="MonthlyCap">The most a month pays; null = no cap.</param>
/// <param name="EffectiveFrom">First day in force.</param>
/// <param name="EffectiveTo">First day no longer in force; null = open.</param>
public sealed record SeniorityWageScheme(int StartYears, Money StepPerYear, Money? MonthlyCap, DateOnly EffectiveFrom, DateOnly? EffectiveTo)
{
    /// <summary>Whether in force on <paramref name="date"/>.</summary>
    public bool InForce(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is null || date < EffectiveTo);

    /// <summary>The monthly amount for <paramref name="completedYears"/> of service.</summary>
    public Money MonthlyAmount(int completedYears)
    {
        var steps = completedYears >= StartYears ? completedYears - StartYears + 1 : 0;
        var amount = StepPerYear * steps;
        return MonthlyCap is { } cap ? Money.Min(amount, cap) : amount;
    }
}

/// <summary>The kinds of allowance policy 三(三) names (“鼓励各类企业设立特聘岗位津贴、带徒津贴等”).</summary>
public enum AllowanceKind
{
    /// <summary>特聘岗位津贴: paid for months in a special post.</summary>
    SpecialPost = 1,
    /// <summary>带徒津贴: paid for months with apprentices.</summary>
    Mentoring = 2,
}

/// <summary>
/// An enterprise's allowance scheme: a monthly amount, paid when its condition holds in the month, in force from
/// <see cref="EffectiveFrom"/> until <see cref="EffectiveTo"/> (exclusive).
/// </summary>
/// <param name="Id">Stable id.</param>
/// <param name="Kind">特聘岗位津贴 or 带徒津贴.</param>
/// <param name="Name">Its name in the enterprise's rules.</param>
/// <param name="MonthlyAmount">The amount a month (per apprentice when <paramref name="PerApprentice"/>).</param>
/// <param name="MinimumLevel">The lowest skill level entitled; null = any.</param>
/// <param name="PerApprentice">带徒津贴: the amount is per apprentice.</param>
/// <param name="MinimumApprentices">带徒津贴: apprentices needed in the month (≥ 1).</param>
/// <param name="MaximumApprentices">带徒津贴: apprentices counted at most; null = all.</param>
/// <param name="EffectiveFrom">First day in force.</param>
/// <param name="EffectiveTo">First day no longer in force; null = open.</param>
public sealed record AllowanceScheme(
    string Id,
    AllowanceKind Kind,
    string Name,
    Money MonthlyAmount,
    SkillLevel? MinimumLevel,
    bool PerApprentice,
    int MinimumApprentices,
    int? MaximumApprentices,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo)
{
    /// <summary>Whether in force on <paramref name="date"/>.</summary>
    public bool InForce(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is null || date < EffectiveTo);
}

/// <summary>What is known of a worker's year for the schemes.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="ServiceStart">The day service years count from (本企业工龄起算日).</param>
/// <param name="MonthsEmployed">The months (1–12) employed in the year.</param>
/// <param name="MonthsInSpecialPost">The months in a special post (特聘岗位).</param>
/// <param name="ApprenticesByMonth">Apprentices mentored in each month (师带徒 records).</param>
/// <param name="Level">The worker's skill level in the year.</param>
public sealed record WorkerWageYear(
    int Year,
    DateOnly ServiceStart,
    IReadOnlySet<int> MonthsEmployed,
    IReadOnlySet<int> MonthsInSpecialPost,
    IReadOnlyDictionary<int, int> ApprenticesByMonth,
    SkillLevel? Level);

/// <summary>What the enterprise's own schemes say a worker should receive in a year.</summary>
/// <param name="SeniorityPay">年资工资.</param>
/// <param name="SpecialPostAllowance">特聘岗位津贴.</param>
/// <param name="MentorAllowance">带徒津贴.</param>
public sealed record WageEntitlement(Money SeniorityPay, Money SpecialPostAllowance, Money MentorAllowance)
{
    /// <summary>The three together.</summary>
    public Money Total => SeniorityPay + SpecialPostAllowance + MentorAllowance;
}

/// <summary>
/// Computes what a worker should receive under the enterprise's seniority-wage and allowance schemes (policy 三(三)),
/// month by month with the scheme version in force on each month's first day, and flags a wage-report row that pays
/// less.
/// </summary>
public static class WageSchemes
{
    private const string Citation = "《关于提高技术工人待遇的意见》三（三）";

    /// <summary>
    /// The year's entitlement. Rules (one per scheme kind that applied): 3.3-seniority, 3.3-special-post, 3.3-mentoring,
    /// each with the months and amount.
    /// </summary>
    public static Decision<WageEntitlement> Entitlement(IReadOnlyList<SeniorityWageScheme> seniority, IReadOnlyList<AllowanceScheme> allowances, WorkerWageYear worker)
    {
        ArgumentNullException.ThrowIfNull(seniority);
        ArgumentNullException.ThrowIfNull(allowances);
        ArgumentNullException.ThrowIfNull(worker);
        var rules = new List<RuleOutcome>();
        var months = worker.MonthsEmployed.Where(m => m is >= 1 and <= 12).Order().ToList();

        var seniorityPay = Money.Zero;
        var seniorityMonths = 0;
        foreach (var month in months)
        {
            var first = new DateOnly(worker.Year, month, 1);
            if (seniority.FirstOrDefault(s => s.InForce(first)) is not { } scheme)
            {
                continue;
            }

            var amount = scheme.MonthlyAmount(CompletedYears(worker.ServiceStart, first));
            seniorityPay += amount;
            seniorityMonths += amount > Money.Zero ? 1 : 0;
        }

        if (seniority.Count > 0)
        {
            rules.Add(new RuleOutcome("3.3-seniority", true,
                string.Create(CultureInfo.InvariantCulture, $"年资工资：本企业工龄自{Elapsed.Date(worker.ServiceStart)}起算，{worker.Year}年计发{seniorityMonths}个月，应发{seniorityPay.ToChinese()}"), Citation));
        }

        var special = Money.Zero;
        var mentor = Money.Zero;
        var specialMonths = 0;
        var mentorMonths = 0;
        foreach (var month in months)
        {
            var first = new DateOnly(worker.Year, month, 1);
            foreach (var scheme in allowances.Where(a => a.InForce(first) && (a.MinimumLevel is null || worker.Level >= a.MinimumLevel)))
            {
                switch (scheme.Kind)
                {
                    case AllowanceKind.SpecialPost when worker.MonthsInSpecialPost.Contains(month):
                        special += scheme.MonthlyAmount;
                        specialMonths++;
                        break;
                    case AllowanceKind.Mentoring:
                        var apprentices = worker.ApprenticesByMonth.GetValueOrDefault(month);
                        if (apprentices >= Math.Max(1, scheme.MinimumApprentices))
                        {
                            var counted = scheme.MaximumApprentices is { } max ? Math.Min(apprentices, max) : apprentices;
                            mentor += scheme.PerApprentice ? scheme.MonthlyAmount * counted : scheme.MonthlyAmount;
                            mentorMonths++;
                        }

                        break;
                    case AllowanceKind.SpecialPost:
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(allowances), scheme.Kind, null);
                }
            }
        }

        if (allowances.Any(a => a.Kind == AllowanceKind.SpecialPost))
        {
            rules.Add(new RuleOutcome("3.3-special-post", true,
                string.Create(CultureInfo.InvariantCulture, $"特聘岗位津贴：{worker.Year}年在特聘岗位计发{specialMonths}个月，应发{special.ToChinese()}"), Citation));
        }

        if (allowances.Any(a => a.Kind == AllowanceKind.Mentoring))
        {
            rules.Add(new RuleOutcome("3.3-mentoring", true,
                string.Create(CultureInfo.InvariantCulture, $"带徒津贴：{worker.Year}年带徒计发{mentorMonths}个月，应发{mentor.ToChinese()}"), Citation));
        }

        return new Decision<WageEntitlement>(new WageEntitlement(seniorityPay, special, mentor), new DateOnly(worker.Year, 12, 31), rules);
    }

    /// <summary>
    /// Flags a report row that pays less than the enterprise's own schemes: 年资工资, 特聘岗位津贴 and 带徒津贴 each at
    /// least what <paramref name="due"/> says. The outcome is true when nothing is underpaid. Rule ids:
    /// 3.3-seniority-paid, 3.3-special-post-paid, 3.3-mentoring-paid.
    /// </summary>
    public static Decision<bool> CheckReport(WageReportRow row, WageEntitlement due, int year)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(due);
        RuleOutcome Paid(string id, string name, Money paid, Money owed) => paid >= owed
            ? new RuleOutcome(id, true, $"{name}实发{paid.ToChinese()}，不低于本企业制度应发{owed.ToChinese()}", Citation)
            : new RuleOutcome(id, false, $"{name}实发{paid.ToChinese()}，低于本企业制度应发{owed.ToChinese()}（差{(owed - paid).ToChinese()}）", Citation);

        List<RuleOutcome> rules =
        [
            Paid("3.3-seniority-paid", "年资工资", row.SeniorityPay, due.SeniorityPay),
            Paid("3.3-special-post-paid", "特聘岗位津贴", row.SpecialPostAllowance, due.SpecialPostAllowance),
            Paid("3.3-mentoring-paid", "带徒津贴", row.MentorAllowance, due.MentorAllowance),
        ];
        return new Decision<bool>(rules.TrueForAll(r => r.Holds), new DateOnly(year, 12, 31), rules);
    }

    /// <summary>Whole years of service from <paramref name="start"/> to <paramref name="on"/> (0 before the first anniversary).</summary>
    public static int CompletedYears(DateOnly start, DateOnly on) => on < start ? 0 : Elapsed.Between(start, on).Years;
}
