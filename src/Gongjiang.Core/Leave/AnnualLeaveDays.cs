using Gongjiang.Core.Calendar;
using Gongjiang.Core.Common;
using static Gongjiang.Core.Leave.AnnualLeaveRules;

namespace Gongjiang.Core.Leave;

/// <summary>
/// Converts between calendar dates and annual-leave days. 条例 art 3 ¶2: “国家法定休假日、休息日不计入年休假的假期” — a
/// leave day is a working day of the <see cref="WorkingDayCalendar"/> (a 调休上班 Saturday is one; a holiday on a weekday
/// is not). Years the calendar does not cover are refused with a Chinese reason, never guessed.
/// </summary>
public static class AnnualLeaveDays
{
    /// <summary>
    /// How many annual-leave days an absence from <paramref name="firstDay"/> to <paramref name="lastDay"/> (both
    /// included) uses: its working days (2026-09-28 to 2026-10-09, across 国庆节, uses 5).
    /// </summary>
    public static Result<int> Used(WorkingDayCalendar calendar, DateOnly firstDay, DateOnly lastDay)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.WorkingDaysBetween(firstDay, lastDay);
    }

    /// <summary>
    /// The last day off when <paramref name="days"/> leave days are taken from <paramref name="firstDay"/> on: the
    /// <paramref name="days"/>-th working day from <paramref name="firstDay"/> (included), holidays and rest days in
    /// between extending the absence. The first day must itself be a working day.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1.</exception>
    public static Result<DateOnly> LastDayOff(WorkingDayCalendar calendar, DateOnly firstDay, int days)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        if (!calendar.Covers(firstDay))
        {
            return Result<DateOnly>.Fail(Text($"{firstDay.Year}年不在工作日历覆盖范围（{calendar.FirstYear}年至{calendar.LastYear}年）内，无法计算年休假天数"));
        }

        if (!calendar.IsWorkingDay(firstDay))
        {
            return Result<DateOnly>.Fail(Text($"{Format(firstDay)}不是工作日（法定节假日或休息日不计入年休假），年休假应从工作日开始"));
        }

        return days == 1 ? Result<DateOnly>.Ok(firstDay) : calendar.AddWorkingDays(firstDay, days - 1);
    }
}
