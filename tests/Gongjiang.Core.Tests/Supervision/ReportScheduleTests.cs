using System.Globalization;
using Gongjiang.Core.Calendar;
using Gongjiang.Core.Supervision;

namespace Gongjiang.Core.Tests.Supervision;

/// <summary>
/// Report schedules and who is late. Notice 二: “各地制定出台的政策措施情况请于今年年底前报我部”; policy 七 “密切跟踪技术工人
/// 待遇政策落实情况，加强督查检查”. The in-year deadlines are local parameters; the tests set them explicitly.
/// </summary>
public sealed class ReportScheduleTests
{
    private static readonly ReportingHierarchy Hierarchy = ReportingHierarchy.Default;
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.China;

    /// <summary>Quarterly, a province 15 working days after the quarter, 5 working days earlier per level, the year-end report by 31 December.</summary>
    private static ReportSchedule Quarterly() => new(ReportKind.Quarterly, 15, 12, 31, 5);

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void A_quarterly_year_has_three_quarters_and_the_year_end_report()
    {
        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3", "2026"], Quarterly().PeriodsOf(2026).Select(p => p.Key));
        Assert.Equal(["2026-H1", "2026"], (Quarterly() with { PeriodicKind = ReportKind.HalfYearly }).PeriodsOf(2026).Select(p => p.Key));
    }

    [Theory]
    [InlineData("2026-Q1", "2026年第一季度", "2026-01-01", "2026-03-31")]
    [InlineData("2026-H1", "2026年上半年", "2026-01-01", "2026-06-30")]
    [InlineData("2026", "2026年度", "2026-01-01", "2026-12-31")]
    public void Periods_parse_name_and_span(string key, string name, string start, string end)
    {
        var period = ReportPeriod.Parse(key).GetValueOrThrow();

        Assert.Equal(name, period.DisplayName);
        Assert.Equal(D(start), period.Start);
        Assert.Equal(D(end), period.End);
    }

    [Theory]
    [InlineData("2026-Q4", "2026年第四季度不单独报告，请填报2026年度报告（“2026”）")] // the year-end report replaces it
    [InlineData("2026-H2", "2026年下半年不单独报告，请填报2026年度报告（“2026”）")]
    [InlineData("2026-Q5", "报告期次格式不正确，应为“2026-Q1”（季度）、“2026-H1”（半年）或“2026”（年度）")]
    [InlineData(" ", "请选择报告期次")]
    public void Bad_periods_are_refused_naming_the_field(string key, string message)
    {
        Assert.Equal(message, ReportPeriod.Parse(key).Error);
    }

    [Theory]
    // 2025-Q2 ends Monday 30 June; July 2025 has no holiday. Province: 15 working days after → Monday 21 July.
    [InlineData("2025-Q2", "440000", "2025-07-21")]
    // A city reports one level earlier: 5 working days before the province → Monday 14 July.
    [InlineData("2025-Q2", "440300", "2025-07-14")]
    // A county two levels earlier: 10 working days before the province → Monday 7 July.
    [InlineData("2025-Q2", "440305", "2025-07-07")]
    // A 直辖市 district is one step below the municipality, as a city is below its province.
    [InlineData("2025-Q2", "110101", "2025-07-14")]
    // A 省直辖县级 unit reports straight to its province: one step, like a city.
    [InlineData("2025-Q2", "429004", "2025-07-14")]
    // 2025-Q3 ends 30 September; 国庆节、中秋节 1–8 October are holidays and Saturday 11 October is worked
    // (国务院办公厅关于2025年部分节假日安排的通知). Province: 9, 10, 11 (Sat, 调休上班), 13–17, 20–24, 27, 28 October →
    // the 15th working day is Tuesday 28 October.
    [InlineData("2025-Q3", "440000", "2025-10-28")]
    // Notice 二 “今年年底前报我部”: the province's year-end report is due 31 December.
    [InlineData("2025", "440000", "2025-12-31")]
    // A city's year-end report 5 working days before: 24 December 2025.
    [InlineData("2025", "440300", "2025-12-24")]
    // A county's 10 working days before: 17 December 2025.
    [InlineData("2025", "440305", "2025-12-17")]
    public void Due_dates_count_working_days_on_the_Chinese_calendar_and_come_earlier_for_each_lower_level(string period, string region, string due)
    {
        var result = Quarterly().DueOn(ReportPeriod.Parse(period).GetValueOrThrow(), region, Hierarchy, China).GetValueOrThrow();

        Assert.Equal(D(due), result.DueOn);
        Assert.False(result.Provisional);
    }

    [Fact]
    public void The_year_end_due_date_is_a_parameter()
    {
        // A province that wants its own year-end reports by 15 December.
        var schedule = Quarterly() with { YearEndDueMonth = 12, YearEndDueDay = 15 };

        Assert.Equal(D("2025-12-15"), schedule.DueOn(ReportPeriod.YearEndOf(2025), "440000", Hierarchy, China).GetValueOrThrow().DueOn);
    }

    [Fact]
    public void A_due_date_in_a_year_without_a_published_holiday_arrangement_is_provisional()
    {
        var only2025 = WorkingDayCalendar.FromDays(2025, 2025, new Dictionary<DateOnly, (DayKind, string)>());
        var schedule = Quarterly() with { PeriodicKind = ReportKind.HalfYearly };

        var due = schedule.DueOn(ReportPeriod.Parse("2026-H1").GetValueOrThrow(), "440000", Hierarchy, only2025).GetValueOrThrow();

        Assert.True(due.Provisional);
        Assert.Equal(D("2026-07-21"), due.DueOn); // Monday to Friday: 1–3, 6–10, 13–17, 20, 21 July
        Assert.EndsWith("暂按周一至周五计算）", ReportSchedule.Describe(due), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000000", "全国（人力资源社会保障部）为最高一级，没有上一级")] // the ministry reports to no one
    [InlineData("820000", "澳门特别行政区不在人社部发〔2018〕24号的报送范围内")]
    public void Regions_that_do_not_report_have_no_due_date(string region, string message)
    {
        Assert.Equal(message, Quarterly().DueOn(ReportPeriod.YearEndOf(2025), region, Hierarchy, China).Error);
    }

    [Theory]
    [InlineData(ReportKind.YearEnd, 15, 12, 31, 5, "报告频次应为按季度或按半年")]
    [InlineData(ReportKind.Quarterly, 0, 12, 31, 5, "报送期限（期末后工作日数）应在1至60之间")]
    [InlineData(ReportKind.Quarterly, 15, 2, 30, 5, "年度报告截止日期无效")]
    [InlineData(ReportKind.Quarterly, 15, 12, 31, -1, "下级提前报送的工作日数应在0至30之间")]
    public void A_schedule_with_bad_parameters_is_refused(ReportKind kind, int days, int month, int day, int perLevel, string message)
    {
        Assert.Equal(message, new ReportSchedule(kind, days, month, day, perLevel).Validate().Error);
    }

    [Fact]
    public void Who_is_late_is_judged_on_the_first_submission()
    {
        // Guangdong's cities, 2025-Q2, due 14 July 2025; checked on 20 July.
        var submitted = new Dictionary<string, DateOnly>
        {
            ["440300"] = D("2025-07-14"), // 深圳: on the due day
            ["440100"] = D("2025-07-16"), // 广州: two days late
            ["440400"] = D("2025-07-01"), // 珠海: early (returned and resubmitted later, which does not count)
        };

        var statuses = Quarterly().Check(ReportPeriod.Parse("2025-Q2").GetValueOrThrow(), "440000", submitted, D("2025-07-20"), Hierarchy, China);

        Assert.Equal(21, statuses.Count); // 广东 has 21 地级市
        Assert.Equal(ReportTimeliness.OnTime, statuses.Single(s => s.Region.Code == "440300").Timeliness);
        Assert.Equal(ReportTimeliness.OnTime, statuses.Single(s => s.Region.Code == "440400").Timeliness);
        var guangzhou = statuses.Single(s => s.Region.Code == "440100");
        Assert.Equal((ReportTimeliness.Late, 2), (guangzhou.Timeliness, guangzhou.DaysOverdue));
        var shantou = statuses.Single(s => s.Region.Code == "440500");
        Assert.Equal((ReportTimeliness.Missing, 6), (shantou.Timeliness, shantou.DaysOverdue));

        var late = Quarterly().Late(ReportPeriod.Parse("2025-Q2").GetValueOrThrow(), "440000", submitted, D("2025-07-20"), Hierarchy, China);
        Assert.Equal(19, late.Count);
        Assert.DoesNotContain(late, s => s.Region.Code is "440300" or "440400");
    }

    [Fact]
    public void Nobody_is_late_before_the_due_date()
    {
        var statuses = Quarterly().Check(ReportPeriod.Parse("2025-Q2").GetValueOrThrow(), "440000", new Dictionary<string, DateOnly>(), D("2025-07-14"), Hierarchy, China);

        Assert.All(statuses, s => Assert.Equal(ReportTimeliness.NotYetDue, s.Timeliness));
    }

    [Fact]
    public void The_ministry_chases_the_provinces_for_the_year_end_report()
    {
        // Notice 二 “请于今年年底前报我部”: on 2 January 2026 the provinces without a report are 逾期未报.
        var submitted = new Dictionary<string, DateOnly> { ["440000"] = D("2025-12-30") };

        var late = Quarterly().Late(ReportPeriod.YearEndOf(2025), "000000", submitted, D("2026-01-02"), Hierarchy, China);

        Assert.Equal(30, late.Count);
        Assert.All(late, s => Assert.Equal((ReportTimeliness.Missing, 2), (s.Timeliness, s.DaysOverdue)));
        Assert.Equal("逾期未报", ReportSchedule.ChineseName(late[0].Timeliness));
    }
}
