using System.Globalization;
using Gongjiang.Core.Calendar;
using Gongjiang.Core.Window;

namespace Gongjiang.Core.Tests.Window;

/// <summary>
/// Time limits of the service window in Chinese working days (《民法典》第二百零一条: the day of acceptance is not counted;
/// 《行政许可法》第八十二条: working days without statutory holidays), paused during 补正 from the day it is requested and
/// resumed on the day the materials arrive. Holidays follow 国办发明电〔2023〕7号 (2024), 国办发明电〔2024〕12号 (2025) and
/// the 2026 notice of 2025年11月4日 (document number not confirmed here), as in the vendored calendar.
/// </summary>
public sealed class DeadlinesTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.China;

    private static readonly TimeLimit TenDays = new(TimeLimitKind.Committed, 10);

    [Theory]
    // No pause: after Wednesday 2025-09-24 — 25日 (1), 26日 (2), 28日 周日调休上班 (3), 29日 (4), 30日 (5),
    // 10月1日至8日 国庆节、中秋节 放假, 9日 (6), 10日 (7), 11日 周六调休上班 (8), 13日 (9), 14日 (10).
    [InlineData("2025-09-24", 10, null, null, "2025-10-14", 0)]
    // 补正 requested 9月30日 (paused from that day), materials on 10月10日 (counts again): 30日 and 10月9日 are the
    // paused working days, so the due date moves by 2: 10日 (5), 11日 (6), 13日–16日 (7–10).
    [InlineData("2025-09-24", 10, "2025-09-30", "2025-10-10", "2025-10-16", 2)]
    // 2026 春节 (2026年通知 二): accepted Monday 2月9日; 10日 (1), 11日 (2); 补正 from 12日, materials on 25日:
    // 12日, 13日, 14日 周六调休上班, 24日 are paused working days (15日至23日 放假 anyway); 25日 (3), 26日 (4), 27日 (5).
    [InlineData("2026-02-09", 5, "2026-02-12", "2026-02-25", "2026-02-27", 4)]
    // 2024 劳动节 (国办发明电〔2023〕7号 四): accepted 4月25日; 26日 (1), 28日 周日调休上班 (2); 补正 from 29日,
    // materials on 5月8日: 29日, 30日, 5月6日, 7日 paused (1日至5日 放假); 8日 (3) … 11日 周六调休上班 (6) … 16日 (10).
    [InlineData("2024-04-25", 10, "2024-04-29", "2024-05-08", "2024-05-16", 4)]
    // A 补正 answered the same day it is asked for pauses nothing.
    [InlineData("2025-03-03", 3, "2025-03-04", "2025-03-04", "2025-03-06", 0)]
    // A 补正 requested after the due date does not move it: the request was already overdue.
    [InlineData("2025-03-03", 3, "2025-03-10", "2025-03-12", "2025-03-06", 0)]
    public void Due_date_extends_by_the_paused_working_days(string accepted, int days, string? requested, string? resumed, string due, int paused)
    {
        Suspension[] pauses = requested is null ? [] : [new Suspension(Day(requested), Day(resumed!))];

        var deadline = Deadlines.Compute(China, new TimeLimit(TimeLimitKind.Committed, days), Day(accepted), pauses, Day("2026-12-31")).GetValueOrThrow();

        Assert.Equal(Day(due), deadline.DueOn);
        Assert.Equal(paused, deadline.PausedWorkingDays);
        Assert.False(deadline.Paused);
        Assert.False(deadline.Provisional);
        Assert.Equal(days, deadline.UsedWorkingDays);
        Assert.Equal(0, deadline.RemainingWorkingDays);
    }

    [Fact]
    public void The_explanation_goes_day_by_day_through_a_pause_that_spans_the_National_Day_holiday()
    {
        var deadline = Deadlines.Compute(China, TenDays, Day("2025-09-24"), [new Suspension(Day("2025-09-30"), Day("2025-10-10"))], Day("2025-10-20"))
            .GetValueOrThrow();

        Assert.Equal(
            [
                "2025年9月24日（周三）受理，承诺时限10个工作日，自受理次日起算",
                "2025年9月25日（周四）工作日，第1个工作日",
                "2025年9月26日（周五）工作日，第2个工作日",
                "2025年9月27日（周六）休息日，不计",
                "2025年9月28日（周日）调休上班（国庆节），第3个工作日",
                "2025年9月29日（周一）工作日，第4个工作日",
                "2025年9月30日（周二）要求补正，自当日起暂停计时",
                "2025年9月30日（周二）至2025年10月9日（周四）补正期间暂停计时（共10天，其中工作日2天；其间国庆节、中秋节放假），期限顺延2个工作日",
                "2025年10月10日（周五）收到补正材料，当日恢复计时",
                "2025年10月10日（周五）工作日，第5个工作日",
                "2025年10月11日（周六）调休上班（国庆节），第6个工作日",
                "2025年10月12日（周日）休息日，不计",
                "2025年10月13日（周一）工作日，第7个工作日",
                "2025年10月14日（周二）工作日，第8个工作日",
                "2025年10月15日（周三）工作日，第9个工作日",
                "2025年10月16日（周四）工作日，第10个工作日，承诺时限届满（到期日）",
            ],
            deadline.Explanation.Select(l => l.Text));
        Assert.Equal(
            [
                DeadlineLineKind.Start, DeadlineLineKind.Counted, DeadlineLineKind.Counted, DeadlineLineKind.Skipped, DeadlineLineKind.Counted,
                DeadlineLineKind.Counted, DeadlineLineKind.PauseStarted, DeadlineLineKind.Paused, DeadlineLineKind.Resumed, DeadlineLineKind.Counted,
                DeadlineLineKind.Counted, DeadlineLineKind.Skipped, DeadlineLineKind.Counted, DeadlineLineKind.Counted, DeadlineLineKind.Counted,
                DeadlineLineKind.Due,
            ],
            deadline.Explanation.Select(l => l.Kind));
        var pause = deadline.Explanation.Single(l => l.Kind == DeadlineLineKind.Paused);
        Assert.Equal((Day("2025-09-30"), Day("2025-10-09")), (pause.From!.Value, pause.To!.Value));
    }

    [Fact]
    public void Holidays_without_a_pause_are_one_line_with_their_name()
    {
        // 2025 春节 (国办发明电〔2024〕12号 二): 1月28日至2月4日 放假 is one line.
        var deadline = Deadlines.Compute(China, new TimeLimit(TimeLimitKind.Statutory, 3), Day("2025-01-26"), [], Day("2025-01-26")).GetValueOrThrow();

        Assert.Equal(
            [
                "2025年1月26日（周日）受理，法定时限3个工作日，自受理次日起算",
                "2025年1月27日（周一）工作日，第1个工作日",
                "2025年1月28日（周二）至2025年2月4日（周二）春节放假，不计（共8天）",
                "2025年2月5日（周三）工作日，第2个工作日",
                "2025年2月6日（周四）工作日，第3个工作日，法定时限届满（到期日）",
            ],
            deadline.Explanation.Select(l => l.Text));
        Assert.Equal(0, deadline.UsedWorkingDays); // asked on the day of acceptance
        Assert.Equal(3, deadline.RemainingWorkingDays);
    }

    [Fact]
    public void An_open_pause_stops_the_clock_and_leaves_the_due_date_unknown()
    {
        // 2024 劳动节: 补正 from Monday 4月29日, materials not yet arrived on 5月8日.
        var deadline = Deadlines.Compute(China, TenDays, Day("2024-04-25"), [new Suspension(Day("2024-04-29"), null)], Day("2024-05-08")).GetValueOrThrow();

        Assert.Null(deadline.DueOn);
        Assert.True(deadline.Paused);
        Assert.Equal(2, deadline.UsedWorkingDays);
        Assert.Equal(8, deadline.RemainingWorkingDays);
        Assert.Equal(
            [
                "2024年4月25日（周四）受理，承诺时限10个工作日，自受理次日起算",
                "2024年4月26日（周五）工作日，第1个工作日",
                "2024年4月27日（周六）休息日，不计",
                "2024年4月28日（周日）调休上班（劳动节），第2个工作日",
                "2024年4月29日（周一）要求补正，自当日起暂停计时",
                "补正中，计时暂停：已用2个工作日，尚余8个工作日，自收到补正材料之日起恢复计时",
            ],
            deadline.Explanation.Select(l => l.Text));
    }

    [Fact]
    public void A_past_day_replays_as_it_was_known_then()
    {
        Suspension[] pauses = [new Suspension(Day("2024-04-29"), Day("2024-05-08"))];

        var beforePause = Deadlines.Compute(China, TenDays, Day("2024-04-25"), pauses, Day("2024-04-28")).GetValueOrThrow();
        var duringPause = Deadlines.Compute(China, TenDays, Day("2024-04-25"), pauses, Day("2024-05-07")).GetValueOrThrow();
        var afterPause = Deadlines.Compute(China, TenDays, Day("2024-04-25"), pauses, Day("2024-05-09")).GetValueOrThrow();

        // On 4月28日 nobody knew of the 补正: due 5月11日 (a make-up Saturday), 2 days used.
        Assert.Equal((Day("2024-05-11"), false, 2), (beforePause.DueOn!.Value, beforePause.Paused, beforePause.UsedWorkingDays));
        // On 5月7日 the materials had not arrived yet.
        Assert.Equal((null, true, 2), (duringPause.DueOn, duringPause.Paused, duringPause.UsedWorkingDays));
        // On 5月9日: resumed on 8日 (3) and 9日 (4).
        Assert.Equal((Day("2024-05-16"), false, 4), (afterPause.DueOn!.Value, afterPause.Paused, afterPause.UsedWorkingDays));
    }

    [Fact]
    public void Two_pauses_each_show_their_start_and_end_even_back_to_back()
    {
        // Accepted Monday 2025-03-03, 5 working days. 补正 from 4日 to 6日, again from 6日 to 7日: 4日, 5日, 6日 paused.
        Suspension[] pauses = [new Suspension(Day("2025-03-04"), Day("2025-03-06")), new Suspension(Day("2025-03-06"), Day("2025-03-07"))];

        var deadline = Deadlines.Compute(China, new TimeLimit(TimeLimitKind.Committed, 5), Day("2025-03-03"), pauses, Day("2025-03-31")).GetValueOrThrow();

        Assert.Equal(Day("2025-03-13"), deadline.DueOn);
        Assert.Equal(3, deadline.PausedWorkingDays);
        Assert.Equal(
            [
                DeadlineLineKind.Start,
                DeadlineLineKind.PauseStarted, DeadlineLineKind.Paused, DeadlineLineKind.Resumed,
                DeadlineLineKind.PauseStarted, DeadlineLineKind.Paused, DeadlineLineKind.Resumed,
                DeadlineLineKind.Counted, DeadlineLineKind.Skipped, DeadlineLineKind.Counted, DeadlineLineKind.Counted, DeadlineLineKind.Counted, DeadlineLineKind.Due,
            ],
            deadline.Explanation.Select(l => l.Kind));
    }

    [Fact]
    public void A_year_without_a_notice_gives_a_provisional_due_date_and_says_so()
    {
        var calendar = WorkingDayCalendar.FromDays(2030, 2030, new Dictionary<DateOnly, (DayKind Kind, string Name)>());

        // After Friday 2030-12-27: 30日 (1), 31日 (2), then 2031 counted Monday to Friday: 1月1日 (3), 2日 (4), 3日 (5).
        var deadline = Deadlines.Compute(calendar, new TimeLimit(TimeLimitKind.Committed, 5), Day("2030-12-27"), [], Day("2030-12-27")).GetValueOrThrow();

        Assert.Equal(Day("2031-01-03"), deadline.DueOn);
        Assert.True(deadline.Provisional);
        Assert.Equal("2031年的节假日安排尚未收录，该年暂按周一至周五计算，到期日为暂定", deadline.Explanation[^1].Text);
    }

    [Fact]
    public void Inconsistent_pauses_are_refused_with_every_reason()
    {
        Suspension[] pauses =
        [
            new(Day("2025-03-01"), Day("2025-03-05")), // before acceptance
            new(Day("2025-03-10"), Day("2025-03-07")), // resumed before requested
            new(Day("2025-03-12"), null), // open, but another follows
            new(Day("2025-03-14"), Day("2025-03-17")),
        ];

        var result = Deadlines.Compute(China, TenDays, Day("2025-03-03"), pauses, Day("2025-03-31"));

        Assert.Equal(
            [
                "补正要求日期2025年3月1日早于受理日期2025年3月3日",
                "收到补正材料日期2025年3月7日早于要求补正日期2025年3月10日",
                "2025年3月12日的补正尚未收到材料，不能再次要求补正",
            ],
            result.Reasons);
    }

    [Fact]
    public void Overlapping_pauses_are_refused()
    {
        Suspension[] pauses = [new(Day("2025-03-04"), Day("2025-03-10")), new(Day("2025-03-06"), Day("2025-03-12"))];

        var result = Deadlines.Compute(China, TenDays, Day("2025-03-03"), pauses, Day("2025-03-31"));

        Assert.Equal("2025年3月6日的补正与2025年3月4日的补正时间重叠", result.Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(251)]
    public void A_limit_outside_one_to_250_working_days_is_refused(int days)
    {
        var result = Deadlines.Compute(China, new TimeLimit(TimeLimitKind.Statutory, days), Day("2025-03-03"), [], Day("2025-03-03"));

        Assert.Equal("法定时限应为1至250个工作日", result.Error);
    }

    [Fact]
    public void Committed_and_statutory_deadlines_run_on_the_same_clock()
    {
        // 《行政许可法》第四十二条: 二十日 (statutory); the window promises 10.
        var limits = ServiceTimeLimits.Create(20, 10).GetValueOrThrow();

        var (committed, statutory) = Deadlines.ComputeBoth(China, limits, Day("2025-09-24"), [new Suspension(Day("2025-09-30"), Day("2025-10-10"))], Day("2025-10-10"))
            .GetValueOrThrow();

        Assert.Equal(Day("2025-10-16"), committed.DueOn);
        // 20: … 16日 (10), 17日 (11), 20日–24日 (12–16), 27日–30日 (17–20).
        Assert.Equal(Day("2025-10-30"), statutory!.DueOn);
        Assert.Equal(2, statutory.PausedWorkingDays);
        Assert.Equal(5, committed.UsedWorkingDays);
    }

    [Fact]
    public void An_item_without_a_statutory_limit_has_only_the_committed_deadline()
    {
        var (committed, statutory) = Deadlines.ComputeBoth(China, new ServiceTimeLimits(null, 5), Day("2025-03-03"), [], Day("2025-03-03")).GetValueOrThrow();

        Assert.Equal(Day("2025-03-10"), committed.DueOn);
        Assert.Null(statutory);
    }

    [Theory]
    [InlineData(20, 10, null)]
    [InlineData(null, 10, null)] // no statutory limit for the matter
    [InlineData(10, 10, null)]
    [InlineData(10, 15, "承诺时限（15个工作日）不得长于法定时限（10个工作日）")]
    [InlineData(0, 0, "法定时限应为1至250个工作日；承诺时限应为1至250个工作日")]
    [InlineData(null, 300, "承诺时限应为1至250个工作日")]
    public void Time_limits_are_checked_naming_the_field(int? statutory, int committed, string? error)
    {
        var result = ServiceTimeLimits.Create(statutory, committed);

        Assert.Equal(error, result.Error);
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
