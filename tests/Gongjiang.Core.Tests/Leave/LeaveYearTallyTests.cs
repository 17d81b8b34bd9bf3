using Gongjiang.Core.Common;
using Gongjiang.Core.Leave;

namespace Gongjiang.Core.Tests.Leave;

public sealed class LeaveYearTallyTests
{
    private static readonly AnnualLeaveParameters National = AnnualLeaveParameters.Enterprise;

    private static EmployeeLeaveRecord Record(string id, int entitled, int arranged, int taken, long wageFen, long paidFen, bool refusal = false, int carried = 0,
        int carriedTaken = 0, DateOnly? leftOn = null) =>
        new(id, 2026, entitled, arranged, taken, new Money(wageFen), new Money(paidFen), refusal, carried, carriedTaken, leftOn);

    /// <summary>An enterprise's records covering every status (条例 art 3–5, 办法 art 9–12).</summary>
    private static readonly EmployeeLeaveRecord[] Staff =
    [
        Record("A", 5, 5, 5, 800_000, 0), // 条例 art 3: all taken
        Record("B", 10, 10, 4, 870_000, 0), // 办法 art 10: 6 untaken, nothing paid
        Record("C", 10, 10, 4, 870_000, 240_000), // 办法 art 10: partly paid
        Record("D", 15, 15, 12, 870_000, 240_000), // 办法 art 10: paid in full (3 × 400 × 200 %)
        Record("E", 5, 5, 3, 800_000, 0, refusal: true), // 办法 art 10 ¶2: refused arranged days in writing
        Record("F", 10, 4, 4, 800_000, 0, carried: 6), // 条例 art 5, 办法 art 9: carried over with consent
        Record("G", 10, 4, 4, 800_000, 0, carried: 6, carriedTaken: 2), // 条例 art 5: carried over, partly taken in the next year
        Record("H", 10, 2, 2, 800_000, 0, leftOn: new DateOnly(2026, 6, 30)), // 办法 art 12: left mid-year, untaken days due at once
        Record("I", 15, 15, 0, 900_000, 0), // 条例 art 5: nothing taken
    ];

    [Theory]
    [InlineData("2026-03-01")] // 办法 art 10: within the year — owed days only
    [InlineData("2026-07-01")] // 办法 art 12: the leaver's deadline has passed, the others' not
    [InlineData("2027-01-01")] // 办法 art 10: the day after the year
    [InlineData("2027-12-31")] // 条例 art 5: the last day of the carry-over year
    [InlineData("2028-01-01")] // 条例 art 5: after the carry-over year
    public void The_sum_of_the_tallies_is_the_year_end_summary_of_Summarize(string day)
    {
        var asOf = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var summary = EmployerLeaveCompliance.Summarize(Staff, 2026, asOf, National);
        var sum = Staff.Aggregate(LeaveYearTally.Zero, (t, r) => t + LeaveYearTally.Of(EmployerLeaveCompliance.Assess(r, asOf, National)));

        Assert.Equal(summary.Employees, sum.Employees);
        foreach (var status in Enum.GetValues<LeaveYearStatus>())
        {
            Assert.Equal(summary.ByStatus[status], sum.Count(status));
        }

        Assert.Equal(summary.OwedDays, sum.OwedDays);
        Assert.Equal(summary.TotalShortfall, sum.Shortfall);
        Assert.Equal(summary.NeedingAction.Count, sum.NeedingAction);
        Assert.Equal(Staff.Sum(r => EmployerLeaveCompliance.Assess(r, asOf, National).CompensableDays), sum.CompensableDays);
    }

    [Theory]
    [InlineData("2026-07-01")] // 办法 art 12: only the leaver is past the deadline
    [InlineData("2027-01-01")] // 办法 art 10: after the year
    [InlineData("2028-01-01")] // 条例 art 5: after the carry-over year
    public void The_owed_part_of_the_tallies_is_the_inspection_entry(string day)
    {
        var asOf = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var entry = Assert.Single(EmployerLeaveCompliance.InspectionList([new EnterpriseLeaveRecords("X", "某公司", "440300", Staff)], 2026, asOf, National));
        var sum = Staff.Aggregate(LeaveYearTally.Zero, (t, r) => t + LeaveYearTally.Of(EmployerLeaveCompliance.Assess(r, asOf, National)));

        Assert.Equal(entry.EmployeesRecorded, sum.Employees);
        Assert.Equal(entry.Employees.Count, sum.CompensationOwed);
        Assert.Equal(entry.Employees.Count(e => e.NothingPaid), sum.OwedNothingPaid);
        Assert.Equal(entry.UntakenDays, sum.OwedCompensableDays);
        Assert.Equal(entry.TotalOwed, sum.Shortfall);
        Assert.Equal(entry.Employees.Aggregate(Money.Zero, (m, e) => m + e.CompensationDue), sum.OwedDue);
    }

    [Fact]
    public void Replacing_a_records_tally_in_a_sum_gives_the_sum_of_the_changed_records()
    {
        // 办法 art 10: B is paid after the year; the kept sum moves by B's new tally minus its old one.
        var asOf = new DateOnly(2027, 1, 1);
        LeaveYearTally Tally(EmployeeLeaveRecord r) => LeaveYearTally.Of(EmployerLeaveCompliance.Assess(r, asOf, National));
        var before = Staff.Aggregate(LeaveYearTally.Zero, (t, r) => t + Tally(r));
        var paid = Staff[1] with { CompensationPaid = new Money(480_000) };
        var after = Staff.Select(r => r.EmployeeId == "B" ? paid : r).Aggregate(LeaveYearTally.Zero, (t, r) => t + Tally(r));

        Assert.Equal(after, before - Tally(Staff[1]) + Tally(paid));
        Assert.NotEqual(before, after);
        Assert.True((before - before).IsZero);
    }
}
