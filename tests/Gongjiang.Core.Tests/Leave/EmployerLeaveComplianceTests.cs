using Gongjiang.Core.Common;
using Gongjiang.Core.Leave;

namespace Gongjiang.Core.Tests.Leave;

public sealed class EmployerLeaveComplianceTests
{
    private static readonly AnnualLeaveParameters National = AnnualLeaveParameters.Enterprise;
    private static readonly DateOnly YearEnd = new(2027, 1, 1);
    private static readonly Money Wage8000 = new(800_000);

    private static EmployeeLeaveRecord Record(
        string id = "E1",
        int entitled = 5,
        int arranged = 5,
        int taken = 5,
        long paidFen = 0,
        bool refusal = false,
        int carried = 0,
        int carriedTaken = 0,
        DateOnly? leftOn = null) =>
        new(id, 2026, entitled, arranged, taken, Wage8000, new Money(paidFen), refusal, carried, carriedTaken, leftOn);

    public static TheoryData<string, EmployeeLeaveRecord, DateOnly, LeaveYearStatus, int, long, long> Cases => new()
    {
        {
            // 条例 art 2: all leave taken
            "all taken", Record(), YearEnd, LeaveYearStatus.Taken, 0, 0L, 0L
        },
        {
            // 条例 art 5: in the year, arranged days cover the entitlement
            "in the year, arranged", Record(taken: 2), new DateOnly(2026, 11, 1), LeaveYearStatus.Scheduled, 3, 0L, 0L
        },
        {
            // 条例 art 5: in the year, 3 days not yet arranged — owed days, not yet a breach
            "in the year, not arranged", Record(arranged: 2, taken: 2), new DateOnly(2026, 12, 31), LeaveYearStatus.Outstanding, 3, 0L, 0L
        },
        {
            // 办法 art 10: after the year, 2 untaken days and nothing paid → 367.82 × 200 % × 2 = 1471.28 owed
            "after the year, unpaid", Record(arranged: 3, taken: 3), YearEnd, LeaveYearStatus.CompensationOwed, 0, 147_128L, 147_128L
        },
        {
            // 办法 art 10: paid in full
            "after the year, paid", Record(arranged: 3, taken: 3, paidFen: 147_128), YearEnd, LeaveYearStatus.Compensated, 0, 147_128L, 0L
        },
        {
            // 办法 art 10: partly paid → the rest is owed
            "after the year, partly paid", Record(arranged: 3, taken: 3, paidFen: 100_000), YearEnd, LeaveYearStatus.CompensationOwed, 0, 147_128L, 47_128L
        },
        {
            // 办法 art 10 ¶2: arranged 5, took 3, refused the other 2 in writing → normal pay only
            "written refusal of arranged days", Record(arranged: 5, taken: 3, refusal: true), YearEnd, LeaveYearStatus.WrittenRefusal, 0, 0L, 0L
        },
        {
            // 办法 art 10 ¶2: a refusal covers only arranged days; 2 never arranged are still owed
            "written refusal without arrangement", Record(arranged: 3, taken: 3, refusal: true), YearEnd, LeaveYearStatus.CompensationOwed, 0, 147_128L, 147_128L
        },
        {
            // 条例 art 5, 办法 art 9: 2 days carried into 2027 with consent, still within 2027
            "carried over, within the next year", Record(arranged: 3, taken: 3, carried: 2), new DateOnly(2027, 6, 1), LeaveYearStatus.CarriedOver, 2, 0L, 0L
        },
        {
            // 条例 art 5: carried days not taken by the end of 2027 → compensation owed
            "carried over, not taken by the end of the next year", Record(arranged: 3, taken: 3, carried: 2), new DateOnly(2028, 1, 1), LeaveYearStatus.CompensationOwed, 0, 147_128L, 147_128L
        },
        {
            // 条例 art 5: carried days taken in the next year
            "carried over and taken", Record(arranged: 3, taken: 3, carried: 2, carriedTaken: 2), new DateOnly(2028, 1, 1), LeaveYearStatus.Taken, 0, 0L, 0L
        },
        {
            // 办法 art 12: left 2026-06-30 with 2 untaken days → owed from the day after
            "leaver after leaving", Record(entitled: 4, arranged: 2, taken: 2, leftOn: new DateOnly(2026, 6, 30)), new DateOnly(2026, 7, 1), LeaveYearStatus.CompensationOwed, 0, 147_128L, 147_128L
        },
        {
            // 办法 art 12: on the leaving day itself the days are still to be arranged
            "leaver on the leaving day", Record(entitled: 4, arranged: 2, taken: 2, leftOn: new DateOnly(2026, 6, 30)), new DateOnly(2026, 6, 30), LeaveYearStatus.Outstanding, 2, 0L, 0L
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Status_of_a_year_follows_the_deadlines_of_articles_5_10_and_12(
        string why, EmployeeLeaveRecord record, DateOnly asOf, LeaveYearStatus status, int owedDays, long dueFen, long shortfallFen)
    {
        var result = EmployerLeaveCompliance.Evaluate(record, asOf, National);

        Assert.Equal(status, result.Status);
        Assert.Equal(owedDays, result.OwedDays);
        Assert.Equal(new Money(dueFen), result.CompensationDue);
        Assert.Equal(new Money(shortfallFen), result.Shortfall);
        Assert.Equal(shortfallFen == 0, result.IsCompliant);
        Assert.False(string.IsNullOrEmpty(why));
        var numbers = EmployerLeaveCompliance.Assess(record, asOf, National);
        Assert.Equal((result.Status, result.OwedDays, result.CompensableDays, result.Shortfall), (numbers.Status, numbers.OwedDays, numbers.CompensableDays, numbers.Shortfall));
    }

    [Fact]
    public void Owed_compensation_cites_article_5_and_warns_of_article_7_damages()
    {
        var result = EmployerLeaveCompliance.Evaluate(Record(arranged: 3, taken: 3), YearEnd, National);

        Assert.Equal("应另付367.82元×200%×2天＝1,471.28元，已付0.00元，尚欠1,471.28元", Assert.Single(result.Rules, r => r.RuleId == "leave-tiaoli5-compensation").Reason);
        Assert.Equal("经责令限期改正逾期仍不支付的，还应加付赔偿金1,471.28元", Assert.Single(result.Rules, r => r.RuleId == "leave-tiaoli7-damages").Reason);
    }

    [Fact]
    public void Year_end_summary_counts_each_status_and_lists_who_needs_action()
    {
        var records = new[]
        {
            Record("A"),
            Record("B", arranged: 3, taken: 3),
            Record("C", arranged: 4, taken: 4),
            Record("D", arranged: 3, taken: 3, carried: 2),
            Record("E", arranged: 3, taken: 3, paidFen: 147_128),
            new EmployeeLeaveRecord("F", 2025, 5, 0, 0, Wage8000, Money.Zero, false), // another year: ignored
        };

        var summary = EmployerLeaveCompliance.Summarize(records, 2026, YearEnd, National);

        Assert.Equal(5, summary.Employees);
        Assert.Equal(1, summary.ByStatus[LeaveYearStatus.Taken]);
        Assert.Equal(2, summary.ByStatus[LeaveYearStatus.CompensationOwed]);
        Assert.Equal(1, summary.ByStatus[LeaveYearStatus.CarriedOver]);
        Assert.Equal(1, summary.ByStatus[LeaveYearStatus.Compensated]);
        Assert.Equal(0, summary.ByStatus[LeaveYearStatus.Outstanding]);
        Assert.Equal(2, summary.OwedDays);
        Assert.Equal(new Money(147_128 + 73_564), summary.TotalShortfall);
        Assert.Equal(["B", "C", "D"], summary.NeedingAction.Select(s => s.EmployeeId));
    }

    [Fact]
    public void Inspection_list_shows_enterprises_with_untaken_leave_and_no_compensation_most_owed_first()
    {
        var enterprises = new[]
        {
            new EnterpriseLeaveRecords("91440300A", "甲公司", "440304",
            [
                Record("A1", arranged: 3, taken: 3), // 2 days, nothing paid: 1471.28
                Record("A2", arranged: 4, taken: 4, paidFen: 50_000), // 1 day 735.64, paid 500 → 235.64
                Record("A3"),
            ]),
            new EnterpriseLeaveRecords("91440300B", "乙公司", "440305", [Record("B1"), Record("B2", arranged: 3, taken: 3, paidFen: 147_128)]),
            new EnterpriseLeaveRecords("91440300C", "丙公司", "440306", [Record("C1", entitled: 15, arranged: 10, taken: 10, carried: 0)]),
        };

        var list = EmployerLeaveCompliance.InspectionList(enterprises, 2026, YearEnd, National);

        Assert.Equal(["91440300C", "91440300A"], list.Select(e => e.EnterpriseId));
        var c = list[0];
        Assert.Equal(new Money(367_820), c.TotalOwed); // 5 days × 735.64
        Assert.Equal(c.TotalOwed, c.DamagesIfNotCorrected); // 条例 art 7: an equal amount
        var a = list[1];
        Assert.Equal(3, a.EmployeesRecorded);
        Assert.Equal(["A1", "A2"], a.Employees.Select(e => e.EmployeeId));
        Assert.True(a.Employees[0].NothingPaid);
        Assert.False(a.Employees[1].NothingPaid);
        Assert.Equal(new Money(147_128 + 23_564), a.TotalOwed);
        Assert.Equal(3, a.UntakenDays);
    }

    [Fact]
    public void Inspection_list_is_empty_before_the_deadline_passes()
    {
        var enterprises = new[] { new EnterpriseLeaveRecords("X", "丁公司", "440304", [Record("X1", arranged: 0, taken: 0)]) };

        Assert.Empty(EmployerLeaveCompliance.InspectionList(enterprises, 2026, new DateOnly(2026, 12, 31), National));
        Assert.Single(EmployerLeaveCompliance.InspectionList(enterprises, 2026, YearEnd, National));
    }

    [Fact]
    public void Record_validation_names_each_bad_field()
    {
        var record = new EmployeeLeaveRecord("E", 2026, 16, -1, 2, new Money(-1), new Money(-5), false, 20, 21, new DateOnly(2027, 1, 1));

        var errors = EmployerLeaveCompliance.Validate(record, National);

        Assert.Equal(
            ["arrangedDays", "averageMonthlyWage", "carriedOverDays", "carriedOverTakenDays", "compensationPaid", "entitledDays", "leftOn"],
            errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e.Message == "应休天数（entitledDays）须在0至15天之间（《职工带薪年休假条例》第三条）");
        Assert.Empty(EmployerLeaveCompliance.Validate(Record(), National));
    }
}
