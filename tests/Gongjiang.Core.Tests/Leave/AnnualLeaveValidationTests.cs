using Gongjiang.Core.Calendar;
using Gongjiang.Core.Leave;

namespace Gongjiang.Core.Tests.Leave;

public sealed class AnnualLeaveValidationTests
{
    private static AnnualLeaveInput Valid() =>
        new(2026, new DateOnly(2015, 7, 1), null, null, 0m, 0m, true, 0, 0, 8000m);

    public static TheoryData<string, AnnualLeaveInput, string, string> BadInputs => new()
    {
        {
            // 条例 in force 2008-01-01: no rule before
            "year before the regulation", Valid() with { Year = 2007 },
            AnnualLeaveFields.Year, "年度（year）须在2008年至2100年之间（《职工带薪年休假条例》自2008年1月1日起施行），当前为2007"
        },
        {
            "year far in the future", Valid() with { Year = 2101 },
            AnnualLeaveFields.Year, "年度（year）须在2008年至2100年之间（《职工带薪年休假条例》自2008年1月1日起施行），当前为2101"
        },
        {
            // dates out of order: first work after the year
            "first work date after the year", Valid() with { FirstWorkDate = new DateOnly(2027, 1, 1) },
            AnnualLeaveFields.FirstWorkDate, "参加工作日期（firstWorkDate）2027年1月1日晚于计算年度末（2026年12月31日）"
        },
        {
            "first work date implausibly early", Valid() with { FirstWorkDate = new DateOnly(1960, 1, 1) },
            AnnualLeaveFields.FirstWorkDate, "参加工作日期（firstWorkDate）1960年1月1日早于计算年度60年以上，请核对"
        },
        {
            // 办法 art 5 applies to a hire during the year only
            "hire date outside the year", Valid() with { HireDate = new DateOnly(2025, 12, 31) },
            AnnualLeaveFields.HireDate, "入职日期（hireDate）2025年12月31日不在计算年度2026年内；在2026年以前入职的，请不填入职日期"
        },
        {
            "hire date before the first work date", Valid() with { FirstWorkDate = new DateOnly(2026, 5, 1), HireDate = new DateOnly(2026, 4, 1) },
            AnnualLeaveFields.HireDate, "入职日期（hireDate）2026年4月1日早于参加工作日期2026年5月1日，日期顺序有误"
        },
        {
            // 办法 art 12 applies to a leaving date during the year only
            "leave date outside the year", Valid() with { LeaveDate = new DateOnly(2027, 1, 1) },
            AnnualLeaveFields.LeaveDate, "离职日期（leaveDate）2027年1月1日不在计算年度2026年内；不在本年度离职的，请不填离职日期"
        },
        {
            "leave date before the hire date", Valid() with { HireDate = new DateOnly(2026, 6, 1), LeaveDate = new DateOnly(2026, 5, 31) },
            AnnualLeaveFields.LeaveDate, "离职日期（leaveDate）2026年5月31日早于入职日期2026年6月1日，日期顺序有误"
        },
        {
            "negative sick leave", Valid() with { SickLeaveMonths = -1m },
            AnnualLeaveFields.SickLeaveMonths, "病假累计月数（sickLeaveMonths）不能为负数"
        },
        {
            // 条例 art 4 (3)–(5) count sick leave within one year
            "sick leave over 12 months", Valid() with { SickLeaveMonths = 12.5m },
            AnnualLeaveFields.SickLeaveMonths, "病假累计月数（sickLeaveMonths）不能超过12个月，当前为12.5"
        },
        {
            "negative personal leave", Valid() with { PersonalLeaveDays = -2m },
            AnnualLeaveFields.PersonalLeaveDays, "事假累计天数（personalLeaveDays）不能为负数"
        },
        {
            "negative vacation days", Valid() with { VacationDays = -1 },
            AnnualLeaveFields.VacationDays, "寒暑假天数（vacationDays）不能为负数"
        },
        {
            "negative days taken", Valid() with { DaysTaken = -3 },
            AnnualLeaveFields.DaysTaken, "已休年休假天数（daysTaken）不能为负数"
        },
        {
            "days taken above a year", Valid() with { DaysTaken = 400 },
            AnnualLeaveFields.DaysTaken, "已休年休假天数（daysTaken）不能超过366天，当前为400"
        },
        {
            // ADR 0009: amounts to the 分, no silent rounding
            "wage with three decimals", Valid() with { AverageMonthlyWage = 8000.005m },
            AnnualLeaveFields.AverageMonthlyWage, "月平均工资（averageMonthlyWage）最多保留两位小数（精确到分），当前为8000.005"
        },
        {
            "negative wage", Valid() with { AverageMonthlyWage = -1m },
            AnnualLeaveFields.AverageMonthlyWage, "月平均工资（averageMonthlyWage）不能为负数"
        },
        {
            "wage above the sanity limit", Valid() with { AverageMonthlyWage = 2_000_000_000m },
            AnnualLeaveFields.AverageMonthlyWage, "月平均工资（averageMonthlyWage）超过上限（10亿元），请核对"
        },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_field_gets_a_Chinese_message_keyed_by_its_name(string why, AnnualLeaveInput input, string field, string message)
    {
        var calculation = AnnualLeaveCalculator.Calculate(input);

        Assert.False(calculation.IsValid, why);
        Assert.Null(calculation.Result);
        var error = Assert.Single(calculation.Errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once_and_grouped_by_field()
    {
        var input = Valid() with { HireDate = new DateOnly(2025, 1, 1), SickLeaveMonths = 13m, DaysTaken = -1, AverageMonthlyWage = 1.234m };

        var errors = AnnualLeaveCalculator.Calculate(input).ErrorsByField();

        Assert.Equal(
            [AnnualLeaveFields.AverageMonthlyWage, AnnualLeaveFields.DaysTaken, AnnualLeaveFields.HireDate, AnnualLeaveFields.SickLeaveMonths],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_valid_input_has_no_errors_and_days_taken_above_entitlement_is_accepted()
    {
        // 办法 art 12: “多于折算应休年休假的天数不再扣回” — not an input error.
        var input = Valid() with { LeaveDate = new DateOnly(2026, 2, 1), DaysTaken = 15 };

        Assert.Empty(AnnualLeaveCalculator.Validate(input));
    }

    [Fact]
    public void A_year_the_chosen_parameters_do_not_cover_is_refused_on_the_year_field()
    {
        var later = AnnualLeaveParameters.Enterprise with { Name = "某省2030年规则", EffectiveFrom = new DateOnly(2030, 1, 1) };

        var error = Assert.Single(AnnualLeaveCalculator.Calculate(Valid(), later).Errors);

        Assert.Equal(AnnualLeaveFields.Year, error.Field);
        Assert.Equal("年度（year）2026年不在所选规则“某省2030年规则”的施行期间内（自2030年1月1日起）", error.Message);
    }

    [Fact]
    public void Inconsistent_parameters_are_a_programming_error()
    {
        var broken = AnnualLeaveParameters.Enterprise with { Tiers = [new LeaveTier(10, 10, 3m), new LeaveTier(1, 5, 2m)] };

        Assert.Contains("年休假档次须按累计工作年限从低到高排列", broken.Check());
        Assert.Throws<ArgumentException>(() => AnnualLeaveCalculator.Calculate(Valid(), broken));
        Assert.Empty(AnnualLeaveParameters.Enterprise.Check());
    }

    [Theory]
    // 条例 in force 2008-01-01
    [InlineData(2008, true)]
    [InlineData(2026, true)]
    [InlineData(2007, false)]
    public void Parameters_are_dated_from_the_regulation(int year, bool found) =>
        Assert.Equal(found, AnnualLeaveParameters.ForYear(year).IsValid);
}

public sealed class AnnualLeaveDaysTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.China;

    [Theory]
    // 条例 art 3 ¶2: 2026-09-28 to 10-09 spans 国庆节 (10-01 to 10-07): only the 5 working days count
    [InlineData("2026-09-28", "2026-10-09", 5)]
    // 条例 art 3 ¶2: a 调休上班 Sunday (2026-09-20) is a working day and uses a leave day
    [InlineData("2026-09-20", "2026-09-20", 1)]
    // 条例 art 3 ¶2: a weekend uses none
    [InlineData("2026-09-12", "2026-09-13", 0)]
    // a plain week uses 5
    [InlineData("2026-06-01", "2026-06-07", 5)]
    public void Art3_leave_days_used_are_working_days_only(string first, string last, int days) =>
        Assert.Equal(days, AnnualLeaveDays.Used(China, DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture)).GetValueOrThrow());

    [Fact]
    public void Art3_five_leave_days_from_before_the_national_day_end_after_the_holiday()
    {
        // 条例 art 3 ¶2: 9-28, 9-29, 9-30, (10-01…10-07 holiday), 10-08, 10-09.
        Assert.Equal(new DateOnly(2026, 10, 9), AnnualLeaveDays.LastDayOff(China, new DateOnly(2026, 9, 28), 5).GetValueOrThrow());
        Assert.Equal(new DateOnly(2026, 9, 28), AnnualLeaveDays.LastDayOff(China, new DateOnly(2026, 9, 28), 1).GetValueOrThrow());
    }

    [Fact]
    public void Leave_cannot_start_on_a_holiday_nor_in_a_year_the_calendar_lacks()
    {
        Assert.Equal("2026年10月1日不是工作日（法定节假日或休息日不计入年休假），年休假应从工作日开始", AnnualLeaveDays.LastDayOff(China, new DateOnly(2026, 10, 1), 3).Error);
        Assert.StartsWith("2031年不在工作日历覆盖范围", AnnualLeaveDays.LastDayOff(China, new DateOnly(2031, 3, 3), 3).Error, StringComparison.Ordinal);
        Assert.False(AnnualLeaveDays.Used(China, new DateOnly(2031, 3, 3), new DateOnly(2031, 3, 7)).IsValid);
    }
}
