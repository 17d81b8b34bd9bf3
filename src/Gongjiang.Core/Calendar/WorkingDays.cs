using System.Globalization;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Calendar;

/// <summary>
/// One date as a time limit sees it: its kind, the holiday it belongs to (for a holiday or a 调休 working day), and
/// whether the answer is provisional because the date's year is not covered by the calendar (then Monday to Friday
/// count as working days and <see cref="HolidayName"/> is null).
/// </summary>
/// <param name="Date">The date.</param>
/// <param name="Kind">Its kind; only <see cref="DayKind.Workday"/> or <see cref="DayKind.Weekend"/> when provisional.</param>
/// <param name="HolidayName">The holiday's name (“春节”, “国庆节” …) for a holiday or a make-up working day; else null.</param>
/// <param name="Provisional">True when the year's holiday notice is not in the calendar.</param>
public readonly record struct CalendarDay(DateOnly Date, DayKind Kind, string? HolidayName, bool Provisional)
{
    /// <summary>Whether the day counts in a time limit given in working days.</summary>
    public bool IsWorkingDay => Kind is DayKind.Workday or DayKind.MakeUpWorkday;
}

/// <summary>The answer of <see cref="WorkingDays.AddWorkingDays"/> (the fields of <c>GET /api/v1/calendar/working-days?from&amp;add</c>).</summary>
/// <param name="From">The day counting starts after.</param>
/// <param name="Add">The number of working days added.</param>
/// <param name="Date">The <paramref name="Add"/>-th working day after <paramref name="From"/>; <paramref name="From"/> itself when 0.</param>
/// <param name="Provisional">True when a counted year is not covered by the calendar (Monday to Friday were counted there).</param>
public sealed record WorkingDaysAdded(DateOnly From, int Add, DateOnly Date, bool Provisional);

/// <summary>The answer of <see cref="WorkingDays.CountWorkingDays"/> (the fields of <c>GET /api/v1/calendar/working-days?from&amp;to</c>).</summary>
/// <param name="From">The day counting starts after (not counted).</param>
/// <param name="To">The last day counted.</param>
/// <param name="WorkingDays">Working days in (<paramref name="From"/>, <paramref name="To"/>]; 0 when they are the same day.</param>
/// <param name="Provisional">True when a counted year is not covered by the calendar (Monday to Friday were counted there).</param>
public sealed record WorkingDaysCounted(DateOnly From, DateOnly To, int WorkingDays, bool Provisional);

/// <summary>
/// Time limits in working days the way Chinese administrative practice counts them: the day of the event (受理, 公示,
/// 评价 …) is not counted and the day after it is the first (《中华人民共和国民法典》第二百零一条: 按照年、月、日计算期间的，
/// 开始的当日不计入，自下一日开始计算; 《中华人民共和国行政许可法》第八十二条: 期限以工作日计算，不含法定节假日). Holidays and
/// 调休 follow the State Council's annual notices in <see cref="WorkingDayCalendar"/>.
/// </summary>
/// <remarks>
/// <para>Unlike <see cref="WorkingDayCalendar.AddWorkingDays"/>, which refuses to count into a year whose notice is not yet
/// published, these functions count such a year Monday to Friday and mark the answer provisional (暂按周一至周五计算) —
/// the generalisation of <c>PublicationWorkflow.NoticeEndsOn</c>, which gives the same date for the same input. Years
/// before <see cref="WorkingDayCalendar.FirstYear"/> are counted the same way.</para>
/// <para>Bounds (bad input gets a Chinese message naming the query field): 0 ≤ add ≤ <see cref="MaxAdd"/>; for a count,
/// <c>to</c> not before <c>from</c> and at most <see cref="MaxSpanYears"/> years after it.</para>
/// </remarks>
public static class WorkingDays
{
    /// <summary>The most working days <see cref="AddWorkingDays"/> adds (about 14 years).</summary>
    public const int MaxAdd = 3650;

    /// <summary>The longest span <see cref="CountWorkingDays"/> counts, in years (longer than <see cref="MaxAdd"/> working days).</summary>
    public const int MaxSpanYears = 20;

    private static readonly string[] WeekdayNames = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    /// <summary>The day as the calendar sees it, provisional (Monday to Friday) outside the covered years.</summary>
    public static CalendarDay Classify(WorkingDayCalendar calendar, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (calendar.Covers(date))
        {
            return new CalendarDay(date, calendar.KindOf(date), calendar.HolidayName(date), false);
        }

        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        return new CalendarDay(date, weekend ? DayKind.Weekend : DayKind.Workday, null, true);
    }

    /// <summary>
    /// The date <paramref name="add"/> working days after <paramref name="from"/>: the day after <paramref name="from"/>
    /// counts as the first, so adding 1 to a Friday gives the next working Monday, and adding 0 gives
    /// <paramref name="from"/> itself.
    /// </summary>
    /// <returns>The date and whether it is provisional; a Chinese reason for add &lt; 0, add &gt; <see cref="MaxAdd"/>, or a
    /// date past the end of the calendar range of <see cref="DateOnly"/>.</returns>
    public static Result<WorkingDaysAdded> AddWorkingDays(WorkingDayCalendar calendar, DateOnly from, int add)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (add < 0)
        {
            return Result<WorkingDaysAdded>.Fail("工作日数（add）不能为负数");
        }

        if (add > MaxAdd)
        {
            return Result<WorkingDaysAdded>.Fail(Invariant($"工作日数（add）不能超过{MaxAdd}"));
        }

        var day = from;
        var provisional = false;
        for (var counted = 0; counted < add;)
        {
            if (day == DateOnly.MaxValue)
            {
                return Result<WorkingDaysAdded>.Fail("起始日期（from）过晚，超出可计算的日期范围");
            }

            day = day.AddDays(1);
            var classified = Classify(calendar, day);
            provisional |= classified.Provisional;
            if (classified.IsWorkingDay)
            {
                counted++;
            }
        }

        return Result<WorkingDaysAdded>.Ok(new WorkingDaysAdded(from, add, day, provisional));
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>: 0 when they
    /// are the same day, and for any n, <c>CountWorkingDays(from, AddWorkingDays(from, n).Date) == n</c>.
    /// </summary>
    /// <returns>The count and whether it is provisional; a Chinese reason when <paramref name="to"/> is before
    /// <paramref name="from"/> or more than <see cref="MaxSpanYears"/> years after it.</returns>
    public static Result<WorkingDaysCounted> CountWorkingDays(WorkingDayCalendar calendar, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (to < from)
        {
            return Result<WorkingDaysCounted>.Fail($"截止日期（to）{Format(to)}早于起始日期（from）{Format(from)}");
        }

        if (to.DayNumber - from.DayNumber > MaxSpanYears * 366)
        {
            return Result<WorkingDaysCounted>.Fail(Invariant($"起止日期相隔不能超过{MaxSpanYears}年"));
        }

        var count = 0;
        var provisional = false;
        for (var day = from; day < to;)
        {
            day = day.AddDays(1);
            var classified = Classify(calendar, day);
            provisional |= classified.Provisional;
            if (classified.IsWorkingDay)
            {
                count++;
            }
        }

        return Result<WorkingDaysCounted>.Ok(new WorkingDaysCounted(from, to, count, provisional));
    }

    /// <summary>
    /// Reads a query date “YYYY-MM-DD” (full-width digits and surrounding spaces tolerated).
    /// </summary>
    /// <param name="text">What was typed.</param>
    /// <param name="field">The field as shown in the message, e.g. “起始日期（from）”.</param>
    public static Result<DateOnly> ParseDate(string? text, string field)
    {
        var normal = Standards.IdentifierText.Normalize(text);
        if (normal.Length == 0)
        {
            return Result<DateOnly>.Fail($"{field}不能为空，格式为YYYY-MM-DD");
        }

        return DateOnly.TryParseExact(normal, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Result<DateOnly>.Ok(date)
            : Result<DateOnly>.Fail($"{field}“{text!.Trim()}”不是有效日期，格式为YYYY-MM-DD");
    }

    /// <summary>Reads a whole number of working days (the query field <c>add</c>); the bounds are checked by <see cref="AddWorkingDays"/>.</summary>
    public static Result<int> ParseCount(string? text, string field)
    {
        var normal = Standards.IdentifierText.Normalize(text);
        if (normal.Length == 0)
        {
            return Result<int>.Fail($"{field}不能为空");
        }

        return int.TryParse(normal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? Result<int>.Ok(value)
            : Result<int>.Fail($"{field}“{text!.Trim()}”不是整数");
    }

    /// <summary>“2025年10月1日”.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>“2025年10月1日（周三）”.</summary>
    public static string FormatWithWeekday(DateOnly date) => Format(date) + "（" + WeekdayNames[(int)date.DayOfWeek] + "）";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
