using System.Globalization;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Leave;

/// <summary>
/// The building blocks of the paid-annual-leave rules (《职工带薪年休假条例》, 《企业职工带薪年休假实施办法》): working
/// years, tier dates, proration, daily wage, compensation and carry-over. Pure functions of data, dates and
/// <see cref="AnnualLeaveParameters"/>; <see cref="AnnualLeaveCalculator"/> composes them with a trace.
/// </summary>
public static class AnnualLeaveRules
{
    /// <summary>
    /// The first day on which <paramref name="years"/> complete years of work have been done since
    /// <paramref name="firstWorkDate"/> (the first day of work counts): the same month and day <paramref name="years"/>
    /// years later, or 1 March when that day is a 29 February that does not exist (work from 2016-02-29 is 满10年 at
    /// the end of 2026-02-28, so the new tier starts 2026-03-01).
    /// </summary>
    public static DateOnly YearsCompleteOn(DateOnly firstWorkDate, int years)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        var day = firstWorkDate.AddYears(years);
        return firstWorkDate is { Month: 2, Day: 29 } && day.Day == 28 ? day.AddDays(1) : day;
    }

    /// <summary>Complete years of cumulative work on <paramref name="day"/> (办法 art 4; continuous work since <paramref name="firstWorkDate"/> assumed); 0 before the first anniversary.</summary>
    public static int CompleteYears(DateOnly firstWorkDate, DateOnly day)
    {
        if (day < firstWorkDate)
        {
            return 0;
        }

        var years = day.Year - firstWorkDate.Year;
        while (years > 0 && YearsCompleteOn(firstWorkDate, years) > day)
        {
            years--;
        }

        return years;
    }

    /// <summary>
    /// The first day a tier of <paramref name="years"/> counts under <paramref name="rule"/>: the day the years are
    /// complete, or for <see cref="MidYearTierChange.FromFollowingMonth"/> the first day of the month after the one in
    /// which they are complete (满N年 on 2026-03-14 → 2026-04-01; 满N年 on 2026-02-28 → 2026-03-01).
    /// </summary>
    public static DateOnly TierCountsFrom(DateOnly firstWorkDate, int years, MidYearTierChange rule)
    {
        var complete = YearsCompleteOn(firstWorkDate, years);
        if (rule != MidYearTierChange.FromFollowingMonth)
        {
            return complete;
        }

        var lastDayOfYears = complete.AddDays(-1);
        return new DateOnly(lastDayOfYears.Year, lastDayOfYears.Month, 1).AddMonths(1);
    }

    /// <summary>
    /// Whole days from a day-weighted entitlement (the sum over calendar days of the full-year days in force on each):
    /// floor(sum ÷ divisor), never more than <paramref name="cap"/> (the full-year days). 办法 art 5 and 12: “折算后不足1
    /// 整天的部分不享受/不支付”, divisor a fixed 365 — a leap year's 366th day never adds a day above the full entitlement.
    /// </summary>
    public static int ProratedDays(long dayWeightedDays, int cap, AnnualLeaveParameters parameters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dayWeightedDays);
        return (int)Math.Min(cap, dayWeightedDays / parameters.ProrationDivisor);
    }

    /// <summary>
    /// 办法 art 11: the daily wage = the average monthly wage of the 12 months before payment, overtime pay excluded,
    /// ÷ 月计薪天数 (21.75), rounded to the 分 half away from zero (8000.00 → 367.82).
    /// </summary>
    public static Money DailyWage(Money averageMonthlyWage, AnnualLeaveParameters parameters) =>
        DivideRounded(averageMonthlyWage, parameters.MonthlyPayDays);

    /// <summary>
    /// 条例 art 5, 办法 art 10: the extra pay owed for <paramref name="untakenDays"/> untaken days — 300 % of the daily
    /// wage including the normal pay already paid, so 200 % on top (the <see cref="AnnualLeaveParameters.ExtraPayPercent"/>),
    /// rounded as <see cref="AnnualLeaveParameters.DailyWageRounding"/> says. Zero when the worker refused the leave in
    /// writing for personal reasons (办法 art 10 ¶2: only the normal pay is owed).
    /// </summary>
    public static Money ExtraCompensation(Money averageMonthlyWage, int untakenDays, bool writtenRefusal, AnnualLeaveParameters parameters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(untakenDays);
        if (writtenRefusal || untakenDays == 0)
        {
            return Money.Zero;
        }

        return parameters.DailyWageRounding switch
        {
            DailyWageRounding.RoundToFen => DailyWage(averageMonthlyWage, parameters).Multiply(untakenDays * parameters.ExtraPayPercent / 100m),
            DailyWageRounding.RoundCompensationOnly => DivideRounded(
                averageMonthlyWage * ((long)untakenDays * parameters.ExtraPayPercent), parameters.MonthlyPayDays * 100m),
            _ => throw new ArgumentOutOfRangeException(nameof(parameters), parameters.DailyWageRounding, null),
        };
    }

    /// <summary>
    /// 条例 art 5, 办法 art 9: the last day on which leave of <paramref name="leaveYear"/> may be taken when the employer,
    /// with the worker's consent, carries it over — 31 December of the year <see cref="AnnualLeaveParameters.CarryOverYears"/>
    /// later (one year nationally).
    /// </summary>
    public static DateOnly CarryOverDeadline(int leaveYear, AnnualLeaveParameters parameters) =>
        new(leaveYear + parameters.CarryOverYears, 12, 31);

    /// <summary>
    /// Whether leave of <paramref name="leaveYear"/> may be arranged on <paramref name="day"/>: in its own year always;
    /// in a later year only when carried over with the worker's consent (办法 art 9) and not later than
    /// <see cref="CarryOverDeadline"/> (条例 art 5: 可以跨1个年度安排); never before the year.
    /// </summary>
    public static Decision<bool> MayArrangeOn(int leaveYear, DateOnly day, bool carriedOverWithConsent, AnnualLeaveParameters parameters)
    {
        const string ruleId = "leave-tiaoli5-carry-over";
        var deadline = CarryOverDeadline(leaveYear, parameters);
        var (holds, reason) = day.Year switch
        {
            var y when y < leaveYear => (false, Text($"{Format(day)}早于{leaveYear}年度，不能安排该年度的年休假")),
            var y when y == leaveYear => (true, Text($"{Format(day)}在{leaveYear}年度内，可以安排该年度的年休假")),
            _ when !carriedOverWithConsent => (false, Text($"{leaveYear}年度的年休假未经职工本人同意跨年度安排，一般不跨年度安排，{Format(day)}不能再安排，应休未休的应支付年休假工资报酬")),
            _ when day > deadline => (false, Text($"{leaveYear}年度的年休假最多跨{parameters.CarryOverYears}个年度安排，至{Format(deadline)}止；{Format(day)}已超过")),
            _ => (true, Text($"{leaveYear}年度的年休假经职工同意跨年度安排，可至{Format(deadline)}")),
        };

        return new Decision<bool>(holds, day, [new RuleOutcome(ruleId, holds, reason, LeaveArticles.Art5CarryOver)]);
    }

    /// <summary>
    /// <see cref="Money.Divide"/> with the same result (half away from zero, to the 分), in whole-number arithmetic when
    /// the divisor has at most four decimals (21.75 = 217500 ÷ 10000) — the year-end view and the inspection list
    /// compute it for every record.
    /// </summary>
    internal static Money DivideRounded(Money amount, decimal divisor)
    {
        const long scale = 10_000;
        var scaled = divisor * scale;
        if (divisor <= 0 || scaled != decimal.Truncate(scaled) || scaled > int.MaxValue || Math.Abs(amount.Fen) > long.MaxValue / scale)
        {
            return amount.Divide(divisor);
        }

        var denominator = (long)scaled;
        var numerator = amount.Fen * scale;
        var quotient = Math.DivRem(Math.Abs(numerator), denominator, out var remainder);
        if (remainder * 2 >= denominator)
        {
            quotient++;
        }

        return new Money(numerator < 0 ? -quotient : quotient);
    }

    internal static string Format(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    internal static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
