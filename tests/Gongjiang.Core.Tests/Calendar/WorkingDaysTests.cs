using System.Globalization;
using Gongjiang.Core.Calendar;
using Gongjiang.Core.Publication;

namespace Gongjiang.Core.Tests.Calendar;

/// <summary>
/// <see cref="WorkingDays"/>: the functions behind <c>GET /api/v1/calendar/working-days</c>, checked against the State
/// Council's holiday notices (国务院办公厅关于XXXX年部分节假日安排的通知) for 春节, 劳动节 and 国庆节 with their 调休 days:
/// <list type="bullet">
/// <item>2024: 国办发明电〔2023〕7号 (2023年10月25日) — 春节 2月10日至17日放假，2月4日（星期日）、2月18日（星期日）上班；
/// 劳动节 5月1日至5日放假，4月28日（星期日）、5月11日（星期六）上班；国庆节 10月1日至7日放假，9月29日（星期日）、
/// 10月12日（星期六）上班。</item>
/// <item>2025: 国办发明电〔2024〕12号 (2024年11月12日) — 春节 1月28日至2月4日放假，1月26日（周日）、2月8日（周六）上班；
/// 劳动节 5月1日至5日放假，4月27日（周日）上班；国庆节、中秋节 10月1日至8日放假，9月28日（周日）、10月11日（周六）上班。</item>
/// <item>2026: the notice dated 2025年11月4日 (its text checked against several reprints of the 新华社 release; the
/// document number 国办发明电〔2025〕7号 given in the brief could NOT be confirmed from the sources available here) —
/// 春节 2月15日至23日放假，2月14日（周六）、2月28日（周六）上班；劳动节 5月1日至5日放假，5月9日（周六）上班；中秋节 9月25日
/// 至27日放假；国庆节 10月1日至7日放假，9月20日（周日）、10月10日（周六）上班。</item>
/// </list>
/// The vendored data (Calendar/Data/chinese-days.json, chinese-days 1.5.7) agrees with each date used below.
/// </summary>
public sealed class WorkingDaysTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.China;

    [Theory]
    // 2024 春节 (国办发明电〔2023〕7号 二): 2月4日 周日上班 (1), 5日至9日 (2–6; 除夕 9日 is a working day, rest only
    // “鼓励”), 10日至17日 放假, 18日 周日上班 (7), 19日至23日 (8–12).
    [InlineData("2024-02-02", "2024-02-23", 12)]
    // 2024 劳动节 (四): 4月28日 周日上班 (1), 29日、30日 (2–3), 5月1日至5日 放假, 6日至10日 (4–8), 11日 周六上班 (9).
    [InlineData("2024-04-26", "2024-05-12", 9)]
    // 2024 国庆节 (七): 9月29日 周日上班 (1), 30日 (2), 10月1日至7日 放假, 8日至11日 (3–6), 12日 周六上班 (7).
    [InlineData("2024-09-27", "2024-10-13", 7)]
    // 2025 春节 (国办发明电〔2024〕12号 二): 1月26日 周日上班 (1), 27日 (2), 28日至2月4日 放假, 5日至7日 (3–5), 8日 周六上班 (6).
    [InlineData("2025-01-24", "2025-02-09", 6)]
    // 2025 劳动节 (四): 4月27日 周日上班 (1), 28日至30日 (2–4), 5月1日至5日 放假, 6日至9日 (5–8).
    [InlineData("2025-04-25", "2025-05-11", 8)]
    // 2025 国庆节、中秋节 (六): 9月28日 周日上班 (1), 29日、30日 (2–3), 10月1日至8日 放假, 9日、10日 (4–5), 11日 周六上班 (6).
    [InlineData("2025-09-26", "2025-10-12", 6)]
    // 2026 春节 (2026年通知 二): 2月14日 周六上班 (1), 15日至23日 放假, 24日至27日 (2–5), 28日 周六上班 (6).
    [InlineData("2026-02-13", "2026-03-01", 6)]
    // 2026 劳动节 (四): 5月1日至5日 放假, 6日至8日 (1–3), 9日 周六上班 (4).
    [InlineData("2026-04-30", "2026-05-10", 4)]
    // 2026 中秋节 (六) and 国庆节 (七): 9月20日 周日上班 (1), 21日至24日 (2–5), 25日至27日 中秋 放假, 28日至30日 (6–8),
    // 10月1日至7日 放假, 8日、9日 (9–10), 10日 周六上班 (11).
    [InlineData("2026-09-18", "2026-10-11", 11)]
    public void CountWorkingDays_follows_the_holiday_notices(string from, string to, int expected)
    {
        var result = WorkingDays.CountWorkingDays(China, Day(from), Day(to));

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(new WorkingDaysCounted(Day(from), Day(to), expected, false), result.Value);
    }

    [Theory]
    // 2024 春节: 除夕 2月9日 (星期五) is a working day under 国办发明电〔2023〕7号 (rest there is only encouraged).
    [InlineData("2024-02-08", 1, "2024-02-09")]
    // … and the next one is the make-up Sunday 2月18日 after 10日至17日 放假.
    [InlineData("2024-02-08", 2, "2024-02-18")]
    // 2024 劳动节: after 4月30日 the first working day is 5月6日; the sixth is the make-up Saturday 5月11日.
    [InlineData("2024-04-30", 1, "2024-05-06")]
    [InlineData("2024-04-30", 6, "2024-05-11")]
    // 2024 国庆节: after 9月30日 → 10月8日; the fifth is the make-up Saturday 10月12日.
    [InlineData("2024-09-30", 1, "2024-10-08")]
    [InlineData("2024-09-30", 5, "2024-10-12")]
    // 2025 春节 (国办发明电〔2024〕12号): after 1月27日 → 2月5日.
    [InlineData("2025-01-27", 1, "2025-02-05")]
    // 2025 劳动节: after 4月30日 → 5月6日 (5日 周一 is still 放假).
    [InlineData("2025-04-30", 1, "2025-05-06")]
    // 2025 国庆节、中秋节: after 9月30日 → 9日 (1), 10日 (2), 11日 周六上班 (3).
    [InlineData("2025-09-30", 3, "2025-10-11")]
    // 2026 春节: after Friday 2月13日 the first working day is the make-up Saturday 2月14日.
    [InlineData("2026-02-13", 1, "2026-02-14")]
    // 2026 劳动节: after 4月30日 → 6日, 7日, 8日, 9日 周六上班 (4).
    [InlineData("2026-04-30", 4, "2026-05-09")]
    // 2026 国庆节: after 9月30日 → 10月8日; 2026 中秋节 9月25日 (周五) 放假: after 9月24日 → 28日.
    [InlineData("2026-09-30", 1, "2026-10-08")]
    [InlineData("2026-09-24", 1, "2026-09-28")]
    public void AddWorkingDays_counts_from_the_day_after_across_the_holidays(string from, int add, string expected)
    {
        var result = WorkingDays.AddWorkingDays(China, Day(from), add);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(new WorkingDaysAdded(Day(from), add, Day(expected), false), result.Value);
    }

    [Theory]
    [InlineData("2024-02-02", 12)]
    [InlineData("2025-09-26", 6)]
    [InlineData("2025-12-31", 1)] // 2026 元旦: 1月1日至3日 放假, 4日 周日上班.
    [InlineData("2026-02-13", 30)]
    [InlineData("2024-01-01", 500)]
    public void Count_undoes_Add(string from, int add)
    {
        var added = WorkingDays.AddWorkingDays(China, Day(from), add).GetValueOrThrow();

        var counted = WorkingDays.CountWorkingDays(China, Day(from), added.Date).GetValueOrThrow();

        Assert.Equal(add, counted.WorkingDays);
        // The day before the result is one working day short: Add returns the first day that reaches the count.
        Assert.Equal(add - 1, WorkingDays.CountWorkingDays(China, Day(from), added.Date.AddDays(-1)).GetValueOrThrow().WorkingDays);
    }

    [Fact]
    public void Adding_zero_gives_the_start_day_even_on_a_holiday()
    {
        var result = WorkingDays.AddWorkingDays(China, Day("2025-10-01"), 0);

        Assert.Equal(new WorkingDaysAdded(Day("2025-10-01"), 0, Day("2025-10-01"), false), result.Value);
    }

    [Fact]
    public void Counting_to_the_same_day_gives_zero()
    {
        Assert.Equal(0, WorkingDays.CountWorkingDays(China, Day("2025-03-10"), Day("2025-03-10")).GetValueOrThrow().WorkingDays);
    }

    [Theory]
    [InlineData(-1, "工作日数（add）不能为负数")]
    [InlineData(3651, "工作日数（add）不能超过3650")]
    public void AddWorkingDays_refuses_bad_counts_in_Chinese(int add, string message)
    {
        var result = WorkingDays.AddWorkingDays(China, Day("2025-03-10"), add);

        Assert.False(result.IsValid);
        Assert.Equal(message, result.Error);
    }

    [Fact]
    public void AddWorkingDays_accepts_the_largest_count_and_marks_it_provisional()
    {
        var result = WorkingDays.AddWorkingDays(China, Day("2025-03-10"), WorkingDays.MaxAdd);

        Assert.True(result.IsValid, result.Error);
        Assert.True(result.Value!.Provisional);
        Assert.True(result.Value.Date.Year > China.LastYear);
    }

    [Fact]
    public void CountWorkingDays_refuses_a_reversed_range_naming_both_fields()
    {
        var result = WorkingDays.CountWorkingDays(China, Day("2025-03-14"), Day("2025-03-10"));

        Assert.Equal("截止日期（to）2025年3月10日早于起始日期（from）2025年3月14日", result.Error);
    }

    [Fact]
    public void CountWorkingDays_refuses_a_span_over_twenty_years()
    {
        Assert.Equal("起止日期相隔不能超过20年", WorkingDays.CountWorkingDays(China, Day("2004-01-01"), Day("2025-01-01")).Error);
        Assert.True(WorkingDays.CountWorkingDays(China, Day("2005-01-01"), Day("2025-01-01")).IsValid);
    }

    [Fact]
    public void A_year_without_a_notice_counts_Monday_to_Friday_and_is_provisional()
    {
        // A calendar that knows only 2030: 2031 has no notice yet.
        var calendar = WorkingDayCalendar.FromDays(2030, 2030, new Dictionary<DateOnly, (DayKind Kind, string Name)>
        {
            [Day("2030-12-31")] = (DayKind.Holiday, "测试假日"),
        });

        // After Monday 2030-12-30: 31日 放假; 2031-01-01 (Wednesday) counts, as do 2日 (Thu) and 3日 (Fri).
        var added = WorkingDays.AddWorkingDays(calendar, Day("2030-12-30"), 3).GetValueOrThrow();
        var inside = WorkingDays.AddWorkingDays(calendar, Day("2030-12-20"), 1).GetValueOrThrow();
        var counted = WorkingDays.CountWorkingDays(calendar, Day("2030-12-30"), Day("2031-01-05")).GetValueOrThrow();

        Assert.Equal(new WorkingDaysAdded(Day("2030-12-30"), 3, Day("2031-01-03"), true), added);
        Assert.False(inside.Provisional);
        Assert.Equal(new WorkingDaysCounted(Day("2030-12-30"), Day("2031-01-05"), 3, true), counted);
    }

    [Theory]
    [InlineData("2025-09-30", 5)]
    [InlineData("2026-02-13", 6)]
    [InlineData("2026-12-24", 30)] // runs into the first year without a notice
    [InlineData("2027-06-01", 5)] // wholly outside the data
    [InlineData("2003-12-30", 3)] // before the first covered year
    public void AddWorkingDays_generalises_the_publication_notice_period(string start, int days)
    {
        var (endsOn, provisional) = PublicationWorkflow.NoticeEndsOn(China, Day(start), days);

        var added = WorkingDays.AddWorkingDays(China, Day(start), days).GetValueOrThrow();

        Assert.Equal(endsOn, added.Date);
        Assert.Equal(provisional, added.Provisional);
    }

    [Theory]
    // 2025 国庆节、中秋节 (国办发明电〔2024〕12号 六): a holiday and a make-up day with the festival's name.
    [InlineData("2025-10-01", DayKind.Holiday, "国庆节", false)]
    [InlineData("2025-09-28", DayKind.MakeUpWorkday, "国庆节", false)]
    [InlineData("2025-09-27", DayKind.Weekend, null, false)]
    // No notice for 2099: Monday to Friday, provisional, no names.
    [InlineData("2099-01-01", DayKind.Workday, null, true)] // a Thursday
    [InlineData("2099-01-03", DayKind.Weekend, null, true)] // a Saturday
    public void Classify_names_the_holiday_and_marks_unknown_years(string date, DayKind kind, string? name, bool provisional)
    {
        var day = WorkingDays.Classify(China, Day(date));

        Assert.Equal(new CalendarDay(Day(date), kind, name, provisional), day);
        Assert.Equal(kind is DayKind.Workday or DayKind.MakeUpWorkday, day.IsWorkingDay);
    }

    [Theory]
    [InlineData("2025-10-01", true, null)]
    [InlineData(" ２０２５-１０-０１ ", true, null)] // full-width digits and spaces typed on a Chinese keyboard
    [InlineData("", false, "起始日期（from）不能为空，格式为YYYY-MM-DD")]
    [InlineData("2025/10/01", false, "起始日期（from）“2025/10/01”不是有效日期，格式为YYYY-MM-DD")]
    [InlineData("2025-02-30", false, "起始日期（from）“2025-02-30”不是有效日期，格式为YYYY-MM-DD")]
    public void ParseDate_reads_the_query_field(string text, bool valid, string? error)
    {
        var result = WorkingDays.ParseDate(text, "起始日期（from）");

        Assert.Equal(valid, result.IsValid);
        Assert.Equal(error, result.Error);
        if (valid)
        {
            Assert.Equal(Day("2025-10-01"), result.Value);
        }
    }

    [Theory]
    [InlineData("5", true, 5)]
    [InlineData("-3", true, -3)] // parsed; AddWorkingDays refuses it with its own message
    [InlineData("五", false, 0)]
    [InlineData("1.5", false, 0)]
    public void ParseCount_reads_whole_numbers(string text, bool valid, int value)
    {
        var result = WorkingDays.ParseCount(text, "工作日数（add）");

        Assert.Equal(valid, result.IsValid);
        if (valid)
        {
            Assert.Equal(value, result.Value);
        }
        else
        {
            Assert.Equal($"工作日数（add）“{text}”不是整数", result.Error);
        }
    }

    [Fact]
    public void Formats_dates_with_the_weekday()
    {
        Assert.Equal("2025年10月1日（周三）", WorkingDays.FormatWithWeekday(Day("2025-10-01")));
        Assert.Equal("2026年2月15日（周日）", WorkingDays.FormatWithWeekday(Day("2026-02-15")));
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
