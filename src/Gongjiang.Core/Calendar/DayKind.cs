namespace Gongjiang.Core.Calendar;

/// <summary>What kind of day a date is in a <see cref="WorkingDayCalendar"/>.</summary>
public enum DayKind
{
    /// <summary>工作日: Monday to Friday, not a holiday.</summary>
    Workday = 1,

    /// <summary>休息日: Saturday or Sunday, not a make-up working day.</summary>
    Weekend = 2,

    /// <summary>节假日: a day off under the year's holiday notice (放假), on a weekday or a weekend.</summary>
    Holiday = 3,

    /// <summary>调休上班: a Saturday or Sunday that is a working day under the year's holiday notice.</summary>
    MakeUpWorkday = 4,
}
