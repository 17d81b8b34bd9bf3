using System.Globalization;
using Gongjiang.Core.Common;
using Gongjiang.Core.Leave;

namespace Gongjiang.Core.Tests.Leave;

public sealed class AnnualLeaveCalculatorTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? OptionalDate(string? text) => text is null ? null : D(text);

    private static AnnualLeaveInput Input(
        string first,
        int year = 2026,
        string? hire = null,
        string? leave = null,
        decimal sick = 0m,
        decimal personal = 0m,
        bool deducted = true,
        int vacation = 0,
        int taken = 0,
        decimal wage = 8000m,
        bool refusal = false,
        bool previousYear = false) =>
        new(year, D(first), OptionalDate(hire), OptionalDate(leave), sick, personal, deducted, vacation, taken, wage, refusal, previousYear);

    private static AnnualLeaveResult Calculate(AnnualLeaveInput input, AnnualLeaveParameters? parameters = null)
    {
        var calculation = parameters is null ? AnnualLeaveCalculator.Calculate(input) : AnnualLeaveCalculator.Calculate(input, parameters);
        Assert.True(calculation.IsValid, string.Join("；", calculation.Errors.Select(e => e.Field + ":" + e.Message)));
        return calculation.Result!;
    }

    private static RuleOutcome Step(AnnualLeaveResult result, string ruleId) => Assert.Single(result.Trace, s => s.RuleId == ruleId);

    [Theory]
    // 条例 art 3: 已满1年不满10年 → 5 days; 2025-01-01 is exactly 12 months before 2026 (办法 art 3 boundary)
    [InlineData("2025-01-01", 5, 1)]
    // 条例 art 3: 6 years → 5 days
    [InlineData("2020-06-01", 5, 6)]
    // 条例 art 3: 9 years all year (10 only on 2027-01-01) → still 5 days
    [InlineData("2017-01-01", 5, 9)]
    // 条例 art 3: exactly 10 years on 1 January → 10 days all year
    [InlineData("2016-01-01", 10, 10)]
    // 条例 art 3: 19 years → 10 days
    [InlineData("2007-01-01", 10, 19)]
    // 条例 art 3: exactly 20 years on 1 January → 15 days
    [InlineData("2006-01-01", 15, 20)]
    // 条例 art 3: 35 years → 15 days
    [InlineData("1991-09-01", 15, 35)]
    public void Art3_tier_by_cumulative_years_gives_five_ten_or_fifteen_days(string firstWorkDate, int days, int years)
    {
        var result = Calculate(Input(firstWorkDate));

        Assert.Equal(days, result.EntitledDays);
        Assert.Equal(days, result.FullYearDays);
        Assert.Equal(years, result.CumulativeYears);
        Assert.Null(result.Reason);
        Assert.DoesNotContain(result.Trace, s => s.RuleId.StartsWith("leave-param", StringComparison.Ordinal));
    }

    [Fact]
    public void Art3_ten_to_twenty_years_gives_ten_days_and_cites_the_sentence()
    {
        var result = Calculate(Input("2014-03-01"));

        Assert.Equal(10, result.EntitledDays);
        var tier = Step(result, "leave-tiaoli3-tier-10");
        Assert.Equal("《职工带薪年休假条例》第三条：职工累计工作已满10年不满20年的，年休假10天", tier.Citation);
        Assert.Equal("累计工作已满12年（满10年不满20年），全年应当享受的年休假为10天", tier.Reason);
    }

    [Fact]
    public void Art2_less_than_twelve_months_of_work_gives_no_leave_with_the_reason()
    {
        // 条例 art 2, 办法 art 3: started 2026-01-01, 12 months only on 2027-01-01.
        var result = Calculate(Input("2026-01-01"));

        Assert.Equal(0, result.EntitledDays);
        Assert.Equal("自2026年1月1日参加工作，至2026年12月31日连续工作未满12个月（2027年1月1日起方满12个月），不享受2026年度的年休假", result.Reason);
        Assert.False(Step(result, "leave-tiaoli2-eligibility").Holds);
        Assert.Equal(0, result.UntakenDays);
        Assert.Equal(Money.Zero, result.Compensation);
    }

    [Theory]
    // 办法 art 3 boundary: 12 months complete on 2026-01-01 → a full year of 5 days
    [InlineData("2025-01-01", 5)]
    // 12 months complete on 2026-01-02: 364 of 365 days → floor(364×5/365 = 4.99) = 4 (mid-year parameter, default proration)
    [InlineData("2025-01-02", 4)]
    // 12 months complete on 2026-07-01: 184 days → floor(184×5/365 = 2.52) = 2
    [InlineData("2025-07-01", 2)]
    // 12 months complete on 2026-12-31: 1 day → 0
    [InlineData("2025-12-31", 0)]
    public void Art2_twelve_months_reached_during_the_year_prorates_by_calendar_days(string firstWorkDate, int days)
    {
        var result = Calculate(Input(firstWorkDate));

        Assert.Equal(days, result.EntitledDays);
        Assert.Equal(days == 0, result.Reason is not null);
    }

    [Theory]
    // Mid-year tier (no national rule): 满10年 on 2026-03-15.
    // Default, by calendar days: (73 days × 5 + 292 days × 10) ÷ 365 = 9.00 → 9
    [InlineData(MidYearTierChange.ProrateByCalendarDays, 9)]
    // 人事部令第9号 style, from the next month: (90 × 5 + 275 × 10) ÷ 365 = 8.77 → 8
    [InlineData(MidYearTierChange.FromFollowingMonth, 8)]
    // The higher tier for the whole year → 10
    [InlineData(MidYearTierChange.HigherTierForWholeYear, 10)]
    // The tier at the start of the year → 5
    [InlineData(MidYearTierChange.LowerTierForWholeYear, 5)]
    public void Art3_tier_reached_mid_year_follows_the_rule_parameter_shown_in_the_trace(MidYearTierChange rule, int days)
    {
        var parameters = AnnualLeaveParameters.Enterprise with { MidYearTierChange = rule };

        var result = Calculate(Input("2016-03-15"), parameters);

        Assert.Equal(days, result.EntitledDays);
        var choice = Step(result, "leave-param-mid-year-tier");
        Assert.Null(choice.Citation);
        Assert.Contains("国家规定未明确", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Art3_mid_year_proration_shows_each_part_of_the_year()
    {
        var result = Calculate(Input("2016-03-15"));

        Assert.Equal(
            "（2026年1月1日至2026年3月14日73天×5天＋2026年3月15日至2026年12月31日292天×10天）÷365天＝9.00天，不足1整天的部分不计，折算为9天",
            Step(result, "leave-param-mid-year-proration").Reason);
    }

    [Theory]
    // 办法 art 5 worked example: joined 2026-10-01, 10-day tier: 92 remaining days → floor(92 ÷ 365 × 10 = 2.52) = 2
    [InlineData(2026, "2026-10-01", "2010-05-01", 2)]
    // 办法 art 5, divisor a fixed 365 in a leap year: 2024-10-20 to 12-31 = 73 days × 15 ÷ 365 = 3.00 → 3 (÷366 would give 2)
    [InlineData(2024, "2024-10-20", "2000-01-01", 3)]
    // 办法 art 5, the same dates in a common year
    [InlineData(2026, "2026-10-20", "2000-01-01", 3)]
    // 办法 art 5: joined 1 January of a leap year: 366 × 10 ÷ 365 = 10.03, never above the full 10 days
    [InlineData(2024, "2024-01-01", "2010-01-01", 10)]
    // 办法 art 5: joined 2026-07-01 with a 5-day tier: 184 × 5 ÷ 365 = 2.52 → 2
    [InlineData(2026, "2026-07-01", "2020-01-01", 2)]
    public void Art5_new_employee_prorates_remaining_calendar_days_over_365(int year, string hireDate, string firstWorkDate, int days)
    {
        var result = Calculate(Input(firstWorkDate, year: year, hire: hireDate));

        Assert.Equal(days, result.EntitledDays);
        Assert.Equal(LeaveArticleText.NewEmployee, Step(result, "leave-banfa5-new-employee").Citation);
    }

    [Fact]
    public void Art5_new_employee_example_shows_the_formula()
    {
        var result = Calculate(Input("2010-05-01", hire: "2026-10-01"));

        Assert.Equal(
            "（当年度在本单位剩余日历天数92天÷365天）×10天＝2.52天，不足1整天的部分不计，折算为2天",
            Step(result, "leave-banfa5-new-employee").Reason);
    }

    [Fact]
    public void Art5_less_than_one_whole_day_after_proration_gives_no_leave()
    {
        // 办法 art 5: joined 2026-12-01, 31 days × 5 ÷ 365 = 0.42 → “不足1整天的部分不享受年休假”.
        var result = Calculate(Input("2020-01-01", hire: "2026-12-01"));

        Assert.Equal(0, result.EntitledDays);
        Assert.Equal("按在本单位的日历天数折算为0.42天，不足1整天，不享受年休假", result.Reason);
    }

    [Theory]
    // 办法 art 12: left 2026-06-30, 10-day tier: 181 elapsed days → floor(4.96) = 4, minus 2 arranged = 2 untaken
    [InlineData("2026-06-30", 2, 4, 2)]
    // 办法 art 12: left 2026-03-31: 90 days → floor(2.47) = 2; 5 already taken → 0, the excess not clawed back
    [InlineData("2026-03-31", 5, 2, 0)]
    // 办法 art 12: left 2026-12-31 (the whole year) → the full 10 days, 3 taken → 7
    [InlineData("2026-12-31", 3, 10, 7)]
    public void Art12_leaver_prorates_elapsed_days_minus_days_arranged(string leaveDate, int taken, int entitled, int untaken)
    {
        var result = Calculate(Input("2012-04-01", leave: leaveDate, taken: taken));

        Assert.Equal(entitled, result.EntitledDays);
        Assert.Equal(untaken, result.UntakenDays);
        Assert.Null(result.CarryOverUntil); // a leaver is paid, not carried over
        Assert.Equal(LeaveArticleText.Leaver, Step(result, "leave-banfa12-leaver").Citation);
    }

    [Fact]
    public void Art12_leaver_excess_days_are_not_clawed_back()
    {
        var result = Calculate(Input("2012-04-01", leave: "2026-03-31", taken: 5));

        Assert.Equal(0, result.UntakenDays);
        Assert.Equal(Money.Zero, result.Compensation);
        Assert.Equal("折算应休2天－当年度已安排5天，应休未休0天，多于折算应休天数的3天不再扣回", Step(result, "leave-banfa12-untaken").Reason);
    }

    [Fact]
    public void Art12_leaver_example_owes_two_days_at_two_hundred_percent()
    {
        // 办法 art 12 with art 10–11: 8000 ÷ 21.75 = 367.82; 2 days × 200 % = 1471.28.
        var result = Calculate(Input("2012-04-01", leave: "2026-06-30", taken: 2));

        Assert.Equal(new Money(36_782), result.DailyWage);
        Assert.Equal(new Money(147_128), result.Compensation);
    }

    [Theory]
    // 办法 art 12 “已过日历天数”: left 2026-03-14 — 73 days with the leaving day → 10 × 73 ÷ 365 = 2.00 → 2
    [InlineData(true, 2)]
    // without the leaving day (parameter): 72 days → 1.97 → 1
    [InlineData(false, 1)]
    public void Art12_whether_the_leaving_day_counts_is_a_parameter(bool counts, int days)
    {
        var parameters = AnnualLeaveParameters.Enterprise with { LeaveDayCountsAsElapsed = counts };

        var result = Calculate(Input("2012-04-01", leave: "2026-03-14"), parameters);

        Assert.Equal(days, result.EntitledDays);
        Assert.Contains(counts ? "2026年3月14日（含离职当日" : "2026年3月14日（不含离职当日", Step(result, "leave-banfa12-leaver").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Art5_and_art12_joined_and_left_in_the_same_year_count_the_days_between()
    {
        // 2026-03-01 to 2026-08-31 = 184 days × 10 ÷ 365 = 5.04 → 5.
        var result = Calculate(Input("2012-04-01", hire: "2026-03-01", leave: "2026-08-31"));

        Assert.Equal(5, result.EntitledDays);
        Assert.StartsWith("（当年度在本单位工作日历天数184天÷365天）", Step(result, "leave-banfa5-banfa12-proration").Reason, StringComparison.Ordinal);
    }

    [Theory]
    // 条例 art 5, 办法 art 10–11 worked example: 8000 → daily 367.82 → 2 untaken days → 1471.28 extra
    [InlineData(8000.00, 3, 36_782L, 147_128L)]
    // 12345.67 ÷ 21.75 = 567.617… → 567.62; 5 untaken days × 200 % = 5676.20
    [InlineData(12345.67, 0, 56_762L, 567_620L)]
    // nothing untaken → nothing owed
    [InlineData(8000.00, 5, 36_782L, 0L)]
    // wage unknown (0) → daily 0, nothing owed
    [InlineData(0.00, 0, 0L, 0L)]
    public void Art5_compensation_is_two_hundred_percent_extra_of_the_daily_wage(double wage, int taken, long dailyFen, long compensationFen)
    {
        var result = Calculate(Input("2020-01-01", taken: taken, wage: (decimal)wage));

        Assert.Equal(new Money(dailyFen), result.DailyWage);
        Assert.Equal(new Money(compensationFen), result.Compensation);
        Assert.Equal(5 - taken, result.UntakenDays);
    }

    [Fact]
    public void Art5_compensation_trace_shows_the_multiplication_and_the_three_hundred_percent()
    {
        var result = Calculate(Input("2020-01-01", taken: 3));

        var step = Step(result, "leave-tiaoli5-compensation");
        Assert.Equal("应另付367.82元×200%×2天＝1,471.28元（另含已发的正常工资100%，合计300%）", step.Reason);
        Assert.Equal("日工资收入＝月平均工资8,000.00元÷21.75天＝367.82元（四舍五入到分，规则参数）", Step(result, "leave-banfa11-daily-wage").Reason);
    }

    [Fact]
    public void Art11_rounding_only_the_total_is_a_parameter()
    {
        // 8000 × 2 × 200 % ÷ 21.75 = 1471.264… → 1471.26 (instead of 367.82 × 4 = 1471.28).
        var parameters = AnnualLeaveParameters.Enterprise with { DailyWageRounding = DailyWageRounding.RoundCompensationOnly };

        var result = Calculate(Input("2020-01-01", taken: 3), parameters);

        Assert.Equal(new Money(147_126), result.Compensation);
    }

    [Fact]
    public void Art10_written_refusal_by_the_worker_owes_only_the_normal_pay()
    {
        var result = Calculate(Input("2020-01-01", taken: 3, refusal: true));

        Assert.Equal(2, result.UntakenDays);
        Assert.Equal(Money.Zero, result.Compensation);
        Assert.True(Step(result, "leave-banfa10-written-refusal").Holds);
    }

    [Theory]
    // 条例 art 4 (1): vacation 10 days > 5 days of leave → none this year
    [InlineData(10, 0, "依法享受寒暑假10天，多于年休假5天，不享受当年的年休假")]
    // 办法 art 7: vacation 3 days < 5 → top up 2 days
    [InlineData(3, 2, null)]
    // 条例 art 4 (1) / 办法 art 7: vacation equal to the leave → nothing to top up
    [InlineData(5, 0, "寒暑假5天与年休假5天相同，无需补足")]
    public void Art4_item1_vacation_longer_than_leave_excludes_and_art7_tops_up_shorter(int vacation, int days, string? reason)
    {
        var result = Calculate(Input("2020-01-01", vacation: vacation));

        Assert.Equal(days, result.EntitledDays);
        Assert.Equal(reason, result.Reason);
    }

    [Theory]
    // 条例 art 4 (2): 20 days of personal leave, wages not deducted → none (以上 includes 20)
    [InlineData(20, false, 0)]
    // 条例 art 4 (2): 19.5 days → below 20
    [InlineData(19.5, false, 5)]
    // 条例 art 4 (2): 30 days but wages deducted → not excluded
    [InlineData(30, true, 5)]
    public void Art4_item2_personal_leave_of_twenty_days_without_deduction_excludes(double personalDays, bool deducted, int days)
    {
        var result = Calculate(Input("2020-01-01", personal: (decimal)personalDays, deducted: deducted));

        Assert.Equal(days, result.EntitledDays);
        Assert.Equal(days == 0, Step(result, "leave-tiaoli4-2-personal-leave").Holds);
    }

    [Theory]
    // 条例 art 4 (3): 满1年不满10年, sick leave exactly 2 months → none (以上 includes the number)
    [InlineData("2020-01-01", 2.0, 0, "leave-tiaoli4-3-sick-leave")]
    // 条例 art 4 (3): 1.99 months → 5 days
    [InlineData("2020-01-01", 1.99, 5, "leave-tiaoli4-3-sick-leave")]
    // 条例 art 4 (4): 满10年不满20年, 2.5 months is below 3 → 10 days
    [InlineData("2014-01-01", 2.5, 10, "leave-tiaoli4-4-sick-leave")]
    // 条例 art 4 (4): exactly 3 months → none
    [InlineData("2014-01-01", 3.0, 0, "leave-tiaoli4-4-sick-leave")]
    // 条例 art 4 (5): 满20年, 3.99 months → 15 days
    [InlineData("2000-01-01", 3.99, 15, "leave-tiaoli4-5-sick-leave")]
    // 条例 art 4 (5): exactly 4 months → none
    [InlineData("2000-01-01", 4.0, 0, "leave-tiaoli4-5-sick-leave")]
    public void Art4_items3_to_5_sick_leave_excludes_by_tier(string firstWorkDate, double sickMonths, int days, string ruleId)
    {
        var result = Calculate(Input(firstWorkDate, sick: (decimal)sickMonths));

        Assert.Equal(days, result.EntitledDays);
        Assert.Equal(days == 0, Step(result, ruleId).Holds);
        Assert.False(result.NoLeaveNextYear);
    }

    [Fact]
    public void Art4_item3_sick_leave_reason_names_the_months_and_the_threshold()
    {
        var result = Calculate(Input("2020-01-01", sick: 2m));

        Assert.Equal("累计工作满6年，病假累计2个月，达到2个月，不享受当年的年休假", result.Reason);
        Assert.Equal(
            "《职工带薪年休假条例》第四条第（三）项：累计工作满1年不满10年的职工，请病假累计2个月以上的，不享受当年的年休假",
            Step(result, "leave-tiaoli4-3-sick-leave").Citation);
    }

    [Fact]
    public void Art8_exclusion_after_leave_already_taken_means_no_leave_next_year()
    {
        // 办法 art 8: 3 days taken, then 2 months of sick leave → nothing owed now, none next year.
        var result = Calculate(Input("2020-01-01", sick: 2m, taken: 3));

        Assert.Equal(0, result.EntitledDays);
        Assert.Equal(0, result.UntakenDays);
        Assert.True(result.NoLeaveNextYear);
        Assert.Equal("本年度已休年休假3天后又出现上述情形：已休的天数不扣回，2027年度不享受年休假", Step(result, "leave-banfa8-next-year").Reason);
    }

    [Fact]
    public void Art8_the_year_after_an_exclusion_has_no_leave()
    {
        var result = Calculate(Input("2020-01-01", previousYear: true));

        Assert.Equal(0, result.EntitledDays);
        Assert.Equal("上一年度已享受年休假后又出现条例第四条第（二）至（五）项情形，2026年度不享受年休假", result.Reason);
    }

    [Fact]
    public void Art5_untaken_days_may_be_carried_over_one_year_at_most()
    {
        var result = Calculate(Input("2020-01-01", taken: 1));

        Assert.Equal(new DateOnly(2027, 12, 31), result.CarryOverUntil);
        Assert.Contains("最迟至2027年12月31日", Step(result, "leave-tiaoli5-carry-over").Reason, StringComparison.Ordinal);
    }

    [Theory]
    // 条例 art 5: in its own year
    [InlineData("2026-06-01", false, true)]
    // 条例 art 5: “一般不跨年度安排” without consent (办法 art 9)
    [InlineData("2027-01-04", false, false)]
    // 条例 art 5: “可以跨1个年度安排” with consent
    [InlineData("2027-12-31", true, true)]
    // 条例 art 5: not two years later
    [InlineData("2028-01-01", true, false)]
    // never before the year
    [InlineData("2025-12-31", true, false)]
    public void Art5_leave_of_a_year_may_be_arranged_until_the_end_of_the_next_with_consent(string day, bool consent, bool allowed)
    {
        var decision = AnnualLeaveRules.MayArrangeOn(2026, D(day), consent, AnnualLeaveParameters.Enterprise);

        Assert.Equal(allowed, decision.Outcome);
        Assert.Equal("leave-tiaoli5-carry-over", Assert.Single(decision.Rules).RuleId);
    }

    [Fact]
    public void Days_taken_above_the_entitlement_are_not_an_error_and_not_clawed_back()
    {
        var result = Calculate(Input("2020-01-01", taken: 8));

        Assert.Equal(5, result.EntitledDays);
        Assert.Equal(0, result.UntakenDays);
        Assert.EndsWith("多休的3天不计为欠休，也不扣回", Step(result, "leave-banfa10-untaken").Reason, StringComparison.Ordinal);
    }

    [Theory]
    // 办法 art 4: the first day counts; 满N年 on the anniversary
    [InlineData("2016-03-01", "2026-02-28", 9)]
    [InlineData("2016-03-01", "2026-03-01", 10)]
    // a 29 February start: 满10年 at the end of 2026-02-28, so 10 years from 2026-03-01
    [InlineData("2016-02-29", "2026-02-28", 9)]
    [InlineData("2016-02-29", "2026-03-01", 10)]
    // before the first day of work
    [InlineData("2016-03-01", "2015-01-01", 0)]
    public void Measures_art4_complete_years_count_from_the_first_day_of_work(string first, string day, int years) =>
        Assert.Equal(years, AnnualLeaveRules.CompleteYears(D(first), D(day)));

    [Fact]
    public void Every_step_cites_an_article_or_is_a_named_parameter()
    {
        var results = new[]
        {
            Calculate(Input("2016-03-15", taken: 2)),
            Calculate(Input("2010-05-01", hire: "2026-10-01")),
            Calculate(Input("2012-04-01", leave: "2026-06-30", taken: 2, sick: 1m, vacation: 1)),
        };

        foreach (var step in results.SelectMany(r => r.Trace))
        {
            Assert.False(string.IsNullOrWhiteSpace(step.Reason));
            if (step.Citation is null)
            {
                Assert.StartsWith("leave-param-", step.RuleId, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains("》第", step.Citation, StringComparison.Ordinal);
                Assert.Contains("：", step.Citation, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Art11_daily_wage_in_whole_numbers_equals_the_decimal_division_rounded_half_away_from_zero()
    {
        var random = new Random(2175);
        decimal[] divisors = [21.75m, 20.67m, 21m, 21.7501m, 3m, 0.0001m];
        for (var i = 0; i < 20_000; i++)
        {
            var amount = new Money(random.NextInt64(-10_000_000_000L, 10_000_000_000L));
            var divisor = divisors[i % divisors.Length];
            Assert.Equal(amount.Divide(divisor), AnnualLeaveRules.DivideRounded(amount, divisor));
        }

        // exact midpoints round half away from zero: 1.5 分 → 2 分, −1.5 分 → −2 分 (8000.00 ÷ 21.75 never lands on one)
        Assert.Equal(new Money(2), AnnualLeaveRules.DivideRounded(new Money(3), 2m));
        Assert.Equal(new Money(-2), AnnualLeaveRules.DivideRounded(new Money(-3), 2m));
        // a divisor with more than four decimals falls back to decimal division
        Assert.Equal(new Money(5).Divide(21.123456m), AnnualLeaveRules.DivideRounded(new Money(5), 21.123456m));
    }

    [Fact]
    public void Invariants_hold_over_many_generated_inputs()
    {
        var random = new Random(20260101);
        var checkedCount = 0;
        for (var i = 0; i < 3000; i++)
        {
            var year = random.Next(2008, 2031);
            var first = new DateOnly(year, 1, 1).AddDays(-random.Next(0, 365 * 30));
            DateOnly? hire = random.Next(3) == 0 ? new DateOnly(year, 1, 1).AddDays(random.Next(0, 365)) : null;
            DateOnly? leave = random.Next(3) == 0 ? new DateOnly(year, 12, 31).AddDays(-random.Next(0, 120)) : null;
            if (hire is { } h && first > h)
            {
                first = h;
            }

            if (leave is { } l && hire is { } h2 && l < h2)
            {
                leave = null;
            }

            var input = new AnnualLeaveInput(
                year, first, hire, leave,
                random.Next(0, 13) / 2m, random.Next(0, 30), random.Next(2) == 0, random.Next(0, 3) * random.Next(0, 12),
                random.Next(0, 16), random.Next(0, 3_000_000) / 100m, random.Next(10) == 0);
            var calculation = AnnualLeaveCalculator.Calculate(input);
            Assert.True(calculation.IsValid, string.Join("；", calculation.Errors.Select(e => e.Message)));
            var r = calculation.Result!;

            Assert.InRange(r.UntakenDays, 0, r.EntitledDays);
            Assert.InRange(r.EntitledDays, 0, r.FullYearDays);
            Assert.Equal(r.EntitledDays == 0, r.Reason is not null);
            Assert.Equal(Math.Max(0, r.EntitledDays - input.DaysTaken), r.UntakenDays);
            var wage = Money.FromYuan(input.AverageMonthlyWage).GetValueOrThrow();
            Assert.Equal(AnnualLeaveRules.ExtraCompensation(wage, r.UntakenDays, input.WrittenRefusal, AnnualLeaveParameters.Enterprise), r.Compensation);
            if (!input.WrittenRefusal)
            {
                Assert.Equal(r.DailyWage * (2L * r.UntakenDays), r.Compensation);
            }

            checkedCount++;
        }

        Assert.Equal(3000, checkedCount);
    }

    /// <summary>The citations the tests expect, spelled out here so that a change to the rule's text shows.</summary>
    private static class LeaveArticleText
    {
        public const string NewEmployee = "《企业职工带薪年休假实施办法》第五条：职工新进用人单位的，当年度年休假天数按照在本单位剩余日历天数折算确定，"
            + "折算后不足1整天的部分不享受年休假；（当年度在本单位剩余日历天数÷365天）×职工本人全年应当享受的年休假天数";

        public const string Leaver = "《企业职工带薪年休假实施办法》第十二条：解除或者终止劳动合同时，按照（当年度在本单位已过日历天数÷365天）×职工本人全年应当享受的年休假天数"
            + "－当年度已安排年休假天数折算应休未休天数，不足1整天的部分不支付；多于折算应休年休假的天数不再扣回";
    }
}
