using Gongjiang.Core.Common;

namespace Gongjiang.Core.Leave;

/// <summary>
/// What a worker (or an employer for a worker) enters to find one year's paid annual leave at one employer — the body
/// of <c>POST /api/v1/leave/annual/calculate</c>. Nothing is trusted: <see cref="AnnualLeaveCalculator.Validate"/>
/// names every bad field.
/// </summary>
/// <param name="Year">The leave year, a calendar year (办法 art 18), 2008–2100.</param>
/// <param name="FirstWorkDate">
/// 参加工作日期: the start of cumulative working years (办法 art 4: at this or other employers, plus periods deemed work
/// by law). Continuous work since then is assumed, so 12 months of continuous work (条例 art 2, 办法 art 3) are complete
/// on the first anniversary.
/// </param>
/// <param name="HireDate">入职日期 when the worker joined the current employer during <paramref name="Year"/> (办法 art 5); null when earlier.</param>
/// <param name="LeaveDate">离职日期 when the contract ends during <paramref name="Year"/> (办法 art 12); null when not.</param>
/// <param name="SickLeaveMonths">病假累计月数 in the year, 0–12 (条例 art 4 (3)–(5)); 工伤停工留薪期 is not sick leave (办法 art 6).</param>
/// <param name="PersonalLeaveDays">事假累计天数 in the year (条例 art 4 (2)).</param>
/// <param name="PersonalLeaveWagesDeducted">Whether the employer deducted wages for the personal leave (条例 art 4 (2) excludes only when it did not).</param>
/// <param name="VacationDays">
/// 寒暑假天数 the worker enjoys by law in the year (teachers…), counted like leave days (working days); 0 when none
/// (条例 art 4 (1), 办法 art 7).
/// </param>
/// <param name="DaysTaken">已休（已安排）年休假天数 in the year — annual leave only, not 探亲假, 婚丧假, 产假 (办法 art 6).</param>
/// <param name="AverageMonthlyWage">
/// 月平均工资 in 元: the average of the 12 months before payment, overtime pay excluded (办法 art 11); at most two decimals.
/// </param>
/// <param name="WrittenRefusal">
/// 职工因本人原因书面提出不休年休假: the employer arranged the leave and the worker refused it in writing, so only the
/// normal pay is owed (办法 art 10 ¶2). Optional, default false.
/// </param>
/// <param name="ExcludedByPreviousYear">
/// The worker took the previous year's leave and then met a case of 条例 art 4 (2)–(5) in that year, so has no leave
/// this year (办法 art 8). Optional, default false.
/// </param>
public sealed record AnnualLeaveInput(
    int Year,
    DateOnly FirstWorkDate,
    DateOnly? HireDate,
    DateOnly? LeaveDate,
    decimal SickLeaveMonths,
    decimal PersonalLeaveDays,
    bool PersonalLeaveWagesDeducted,
    int VacationDays,
    int DaysTaken,
    decimal AverageMonthlyWage,
    bool WrittenRefusal = false,
    bool ExcludedByPreviousYear = false);

/// <summary>The request field names (camelCase, as in the JSON body), used as keys of <see cref="LeaveInputError"/>.</summary>
public static class AnnualLeaveFields
{
    public const string Year = "year";
    public const string FirstWorkDate = "firstWorkDate";
    public const string HireDate = "hireDate";
    public const string LeaveDate = "leaveDate";
    public const string SickLeaveMonths = "sickLeaveMonths";
    public const string PersonalLeaveDays = "personalLeaveDays";
    public const string VacationDays = "vacationDays";
    public const string DaysTaken = "daysTaken";
    public const string AverageMonthlyWage = "averageMonthlyWage";
}

/// <summary>One bad field: its request name (camelCase, see <see cref="AnnualLeaveFields"/>) and a Chinese message naming it.</summary>
public sealed record LeaveInputError(string Field, string Message);

/// <summary>
/// One year's paid annual leave at one employer, with every step and the article it applies.
/// </summary>
/// <remarks>
/// Invariants: <see cref="Reason"/> is non-null exactly when <see cref="EntitledDays"/> is 0;
/// 0 ≤ <see cref="UntakenDays"/> ≤ <see cref="EntitledDays"/> ≤ <see cref="FullYearDays"/>;
/// <see cref="Compensation"/> = <see cref="UntakenDays"/> × 200 % of the daily wage (0 after a written refusal);
/// <see cref="Trace"/> lists the steps in the order applied, each a <see cref="RuleOutcome"/> whose
/// <see cref="RuleOutcome.Citation"/> is “article：rule” (null for a parameter the national text leaves open) and whose
/// <see cref="RuleOutcome.Reason"/> carries the values used.
/// </remarks>
/// <param name="Year">The leave year.</param>
/// <param name="AsOf">The last day counted (31 December, or the leaving day).</param>
/// <param name="EntitledDays">应休年休假天数 this year at this employer, after proration, exclusions and the vacation top-up.</param>
/// <param name="Reason">Why <see cref="EntitledDays"/> is 0, in Chinese; null otherwise.</param>
/// <param name="UntakenDays">应休未休天数: <see cref="EntitledDays"/> − days taken, never negative (excess is not clawed back).</param>
/// <param name="DailyWage">日工资收入 (办法 art 11), rounded to the 分.</param>
/// <param name="Compensation">The extra owed for the untaken days (200 % of the daily wage each), rounded to the 分.</param>
/// <param name="Trace">Every step with its article and values.</param>
/// <param name="FullYearDays">全年应当享受的年休假天数 of the tier (条例 art 3), before proration and exclusions; 0 when not eligible.</param>
/// <param name="CumulativeYears">Complete years of cumulative work on <paramref name="AsOf"/>.</param>
/// <param name="NoLeaveNextYear">办法 art 8: leave was taken and a case of 条例 art 4 (2)–(5) arose in the year, so none next year.</param>
/// <param name="CarryOverUntil">条例 art 5: the last day untaken days may still be taken if carried over with consent; null for a leaver or when nothing is untaken.</param>
public sealed record AnnualLeaveResult(
    int Year,
    DateOnly AsOf,
    int EntitledDays,
    string? Reason,
    int UntakenDays,
    Money DailyWage,
    Money Compensation,
    IReadOnlyList<RuleOutcome> Trace,
    int FullYearDays,
    int CumulativeYears,
    bool NoLeaveNextYear,
    DateOnly? CarryOverUntil)
{
    /// <summary>The entitlement as the platform's <see cref="Decision{T}"/> (to store and replay).</summary>
    public Decision<int> ToDecision() => new(EntitledDays, AsOf, Trace);
}

/// <summary>The calculator's answer: a <see cref="Result"/> when the input is valid, else every field error.</summary>
public sealed record AnnualLeaveCalculation(AnnualLeaveResult? Result, IReadOnlyList<LeaveInputError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>Errors grouped by field (for a problem+json <c>errors</c> member).</summary>
    public IReadOnlyDictionary<string, string[]> ErrorsByField() =>
        Errors.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
}
