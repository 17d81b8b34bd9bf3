using Gongjiang.Core.Common;

namespace Gongjiang.Core.Leave;

/// <summary>
/// What employees' leave years add up to on a day: the figures of the employer's year-end view and of the labour
/// inspector's list (<see cref="EmployerLeaveCompliance.Summarize"/>, <see cref="EmployerLeaveCompliance.InspectionList"/>)
/// as a sum that can be kept. Invariants: for the records of one year and a day, the sum of <see cref="Of(LeaveYearAssessment)"/>
/// over their <see cref="EmployerLeaveCompliance.Assess"/> gives <see cref="EnterpriseLeaveSummary.Employees"/>,
/// <see cref="EnterpriseLeaveSummary.ByStatus"/> (<see cref="Count"/>), <see cref="EnterpriseLeaveSummary.OwedDays"/>,
/// <see cref="EnterpriseLeaveSummary.TotalShortfall"/> and the number of <see cref="EnterpriseLeaveSummary.NeedingAction"/>;
/// restricted to the employees owed compensation (条例 art 5, 办法 art 10) it gives an <see cref="InspectionEntry"/>'s
/// employees, untaken days, due, shortfall and those paid nothing. Tallies form a group under + and −, so a stored sum
/// stays exact when a record changes by adding its new tally and subtracting its old one.
/// </summary>
/// <param name="Employees">Records counted.</param>
/// <param name="Taken">In <see cref="LeaveYearStatus.Taken"/>.</param>
/// <param name="Scheduled">In <see cref="LeaveYearStatus.Scheduled"/>.</param>
/// <param name="Outstanding">In <see cref="LeaveYearStatus.Outstanding"/>.</param>
/// <param name="CarriedOver">In <see cref="LeaveYearStatus.CarriedOver"/>.</param>
/// <param name="WrittenRefusal">In <see cref="LeaveYearStatus.WrittenRefusal"/>.</param>
/// <param name="Compensated">In <see cref="LeaveYearStatus.Compensated"/>.</param>
/// <param name="CompensationOwed">In <see cref="LeaveYearStatus.CompensationOwed"/>: the employees on the inspection list.</param>
/// <param name="OwedDays">Untaken days whose deadline has not passed.</param>
/// <param name="CompensableDays">Untaken days past their deadline to be paid.</param>
/// <param name="Shortfall">Compensation still owed (only employees owed compensation have any).</param>
/// <param name="NeedingAction">Employees with owed days or a shortfall (the year-end view's list).</param>
/// <param name="OwedNothingPaid">Of the employees owed compensation, those paid nothing at all.</param>
/// <param name="OwedCompensableDays">The untaken days past their deadline of the employees owed compensation.</param>
/// <param name="OwedDue">The compensation due to the employees owed compensation.</param>
public readonly record struct LeaveYearTally(
    int Employees,
    int Taken,
    int Scheduled,
    int Outstanding,
    int CarriedOver,
    int WrittenRefusal,
    int Compensated,
    int CompensationOwed,
    int OwedDays,
    int CompensableDays,
    Money Shortfall,
    int NeedingAction,
    int OwedNothingPaid,
    int OwedCompensableDays,
    Money OwedDue)
{
    /// <summary>Nothing counted.</summary>
    public static LeaveYearTally Zero => default;

    /// <summary>True when every figure is zero (a stored sum that no record contributes to any more).</summary>
    public bool IsZero => this == default;

    /// <summary>One employee's year in one status, with its figures (as <see cref="EmployerLeaveCompliance.Assess"/> gives them).</summary>
    public static LeaveYearTally Of(LeaveYearStatus status, int owedDays, int compensableDays, Money due, Money paid, Money shortfall)
    {
        var owed = status == LeaveYearStatus.CompensationOwed;
        return new LeaveYearTally(
            Employees: 1,
            Taken: status == LeaveYearStatus.Taken ? 1 : 0,
            Scheduled: status == LeaveYearStatus.Scheduled ? 1 : 0,
            Outstanding: status == LeaveYearStatus.Outstanding ? 1 : 0,
            CarriedOver: status == LeaveYearStatus.CarriedOver ? 1 : 0,
            WrittenRefusal: status == LeaveYearStatus.WrittenRefusal ? 1 : 0,
            Compensated: status == LeaveYearStatus.Compensated ? 1 : 0,
            CompensationOwed: owed ? 1 : 0,
            OwedDays: owedDays,
            CompensableDays: compensableDays,
            Shortfall: shortfall,
            NeedingAction: owedDays > 0 || shortfall.Fen > 0 ? 1 : 0,
            OwedNothingPaid: owed && paid.Fen == 0 ? 1 : 0,
            OwedCompensableDays: owed ? compensableDays : 0,
            OwedDue: owed ? due : Money.Zero);
    }

    /// <summary>One employee's year as assessed on a day.</summary>
    public static LeaveYearTally Of(LeaveYearAssessment assessment) =>
        Of(assessment.Status, assessment.OwedDays, assessment.CompensableDays, assessment.CompensationDue, assessment.CompensationPaid, assessment.Shortfall);

    /// <summary>The employees in <paramref name="status"/>.</summary>
    public int Count(LeaveYearStatus status) => status switch
    {
        LeaveYearStatus.Taken => Taken,
        LeaveYearStatus.Scheduled => Scheduled,
        LeaveYearStatus.Outstanding => Outstanding,
        LeaveYearStatus.CarriedOver => CarriedOver,
        LeaveYearStatus.WrittenRefusal => WrittenRefusal,
        LeaveYearStatus.Compensated => Compensated,
        LeaveYearStatus.CompensationOwed => CompensationOwed,
        _ => 0,
    };

    public static LeaveYearTally operator +(LeaveYearTally a, LeaveYearTally b) => new(
        checked(a.Employees + b.Employees), checked(a.Taken + b.Taken), checked(a.Scheduled + b.Scheduled), checked(a.Outstanding + b.Outstanding),
        checked(a.CarriedOver + b.CarriedOver), checked(a.WrittenRefusal + b.WrittenRefusal), checked(a.Compensated + b.Compensated),
        checked(a.CompensationOwed + b.CompensationOwed), checked(a.OwedDays + b.OwedDays), checked(a.CompensableDays + b.CompensableDays),
        a.Shortfall + b.Shortfall, checked(a.NeedingAction + b.NeedingAction), checked(a.OwedNothingPaid + b.OwedNothingPaid),
        checked(a.OwedCompensableDays + b.OwedCompensableDays), a.OwedDue + b.OwedDue);

    public static LeaveYearTally operator -(LeaveYearTally a) => new(
        -a.Employees, -a.Taken, -a.Scheduled, -a.Outstanding, -a.CarriedOver, -a.WrittenRefusal, -a.Compensated, -a.CompensationOwed,
        -a.OwedDays, -a.CompensableDays, Money.Zero - a.Shortfall, -a.NeedingAction, -a.OwedNothingPaid, -a.OwedCompensableDays, Money.Zero - a.OwedDue);

    public static LeaveYearTally operator -(LeaveYearTally a, LeaveYearTally b) => a + -b;

    /// <summary>Named alternative to the + operator (CA2225).</summary>
    public static LeaveYearTally Add(LeaveYearTally left, LeaveYearTally right) => left + right;

    /// <summary>Named alternative to the − operator (CA2225).</summary>
    public static LeaveYearTally Subtract(LeaveYearTally left, LeaveYearTally right) => left - right;

    /// <summary>Named alternative to the unary − operator (CA2225).</summary>
    public static LeaveYearTally Negate(LeaveYearTally item) => -item;
}
