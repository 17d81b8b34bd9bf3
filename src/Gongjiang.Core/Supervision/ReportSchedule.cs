using Gongjiang.Core.Calendar;
using Gongjiang.Core.Common;
using Gongjiang.Core.Reference;
using static Gongjiang.Core.Supervision.SupervisionText;

namespace Gongjiang.Core.Supervision;

/// <summary>A report's due date; <see cref="Provisional"/> when it was counted Monday to Friday through a year whose holiday arrangement is not yet in the calendar.</summary>
public readonly record struct ReportDue(DateOnly DueOn, bool Provisional);

/// <summary>Whether a region's report for a period came in on time. The int values are stored; never renumber them.</summary>
public enum ReportTimeliness
{
    /// <summary>未到期: not submitted, and the due date has not passed.</summary>
    NotYetDue = 1,
    /// <summary>按时报送: first submitted on or before the due date.</summary>
    OnTime = 2,
    /// <summary>逾期报送: first submitted after the due date.</summary>
    Late = 3,
    /// <summary>逾期未报: not submitted, and the due date has passed.</summary>
    Missing = 4,
}

/// <summary>Where one region stands on one period's report: its due date, when it first submitted, and the verdict.</summary>
/// <param name="Region">The region that must report.</param>
/// <param name="Due">Its due date.</param>
/// <param name="FirstSubmittedOn">The day it first submitted the report (a later resubmission after 退回修改 does not count), or null.</param>
/// <param name="Timeliness">The verdict on <c>AsOf</c>.</param>
/// <param name="DaysOverdue">Calendar days past the due date: until submission for <see cref="ReportTimeliness.Late"/>,
/// until <c>AsOf</c> for <see cref="ReportTimeliness.Missing"/>; 0 otherwise.</param>
public sealed record ReportDeadlineStatus(Region Region, ReportDue Due, DateOnly? FirstSubmittedOn, ReportTimeliness Timeliness, int DaysOverdue)
{
    /// <summary>Late or missing — what the level above chases.</summary>
    public bool IsLate => Timeliness is ReportTimeliness.Late or ReportTimeliness.Missing;
}

/// <summary>
/// When progress reports are due. Policy 七 “密切跟踪技术工人待遇政策落实情况，加强督查检查”; notice 二 “各地制定出台的政策
/// 措施情况请于今年年底前报我部”. Only the year-end deadline to the ministry comes from the notice (年底前, i.e. by 31
/// December: <see cref="YearEndDueMonth"/>/<see cref="YearEndDueDay"/>); the in-year frequency, the working days after a
/// period's end and the working days each lower level reports earlier are local choices, kept as parameters.
/// </summary>
/// <remarks>
/// <para>Rules:</para>
/// <list type="number">
/// <item>The year has <see cref="PeriodicKind"/> reports (季度: Q1–Q3; 半年: H1) and one year-end report, which takes the
/// place of the last quarter or half-year (see <see cref="PeriodsOf"/>).</item>
/// <item>A province's in-year report is due <see cref="WorkingDaysAfterPeriodEnd"/> working days after the period ends
/// (the day after the end is the first); its year-end report on <see cref="YearEndDueMonth"/>/<see cref="YearEndDueDay"/>
/// of the year.</item>
/// <item>Each level further down is due <see cref="WorkingDaysPerLevel"/> working days earlier than the level it reports to,
/// so the level above can consolidate: a city (or 直辖市 district, or 省直辖县级行政单位) one step, a county two.</item>
/// <item>Working days are those of the Chinese calendar (statutory holidays and 调休); through a year not yet in the
/// calendar, Monday to Friday, and the due date is then provisional.</item>
/// <item>Timeliness is judged on the first submission: a report returned for revision (退回修改) and resubmitted is not
/// late because of the return.</item>
/// </list>
/// </remarks>
/// <param name="PeriodicKind"><see cref="ReportKind.Quarterly"/> or <see cref="ReportKind.HalfYearly"/>.</param>
/// <param name="WorkingDaysAfterPeriodEnd">Working days after an in-year period's end that a province's report is due (≥ 1).</param>
/// <param name="YearEndDueMonth">Month of the year-end due date (notice 二: 年底前 → 12).</param>
/// <param name="YearEndDueDay">Day of the year-end due date (notice 二: 年底前 → 31).</param>
/// <param name="WorkingDaysPerLevel">Working days each lower level reports before the level above it (≥ 0).</param>
public sealed record ReportSchedule(ReportKind PeriodicKind, int WorkingDaysAfterPeriodEnd, int YearEndDueMonth, int YearEndDueDay, int WorkingDaysPerLevel)
{
    /// <summary>
    /// Quarterly; a province's quarterly report 15 working days after the quarter, each lower level 5 working days earlier
    /// (a city 10, a county 5 working days after the quarter); the year-end report to the ministry by 31 December (notice 二),
    /// a city's 5 and a county's 10 working days before. Only 31 December is the notice's; the rest is a proposal to be set
    /// by each deployment.
    /// </summary>
    public static ReportSchedule Default { get; } = new(ReportKind.Quarterly, 15, 12, 31, 5);

    /// <summary>The schedule's parameters checked, with Chinese reasons naming each one.</summary>
    public Result<ReportSchedule> Validate()
    {
        var errors = new List<string>();
        if (PeriodicKind is not (ReportKind.Quarterly or ReportKind.HalfYearly))
        {
            errors.Add("报告频次应为按季度或按半年");
        }

        if (WorkingDaysAfterPeriodEnd is < 1 or > 60)
        {
            errors.Add("报送期限（期末后工作日数）应在1至60之间");
        }

        if (YearEndDueMonth is < 1 or > 12 || YearEndDueDay < 1 || YearEndDueDay > DateTime.DaysInMonth(2001, Math.Clamp(YearEndDueMonth, 1, 12)))
        {
            errors.Add("年度报告截止日期无效");
        }

        if (WorkingDaysPerLevel is < 0 or > 30)
        {
            errors.Add("下级提前报送的工作日数应在0至30之间");
        }

        return errors.Count > 0 ? Result<ReportSchedule>.Fail(errors) : Result<ReportSchedule>.Ok(this);
    }

    /// <summary>The reports of a year in order: Q1, Q2, Q3 and the year-end report; or H1 and the year-end report.</summary>
    public IReadOnlyList<ReportPeriod> PeriodsOf(int year) => PeriodicKind switch
    {
        ReportKind.Quarterly => [new(year, ReportKind.Quarterly, 1), new(year, ReportKind.Quarterly, 2), new(year, ReportKind.Quarterly, 3), ReportPeriod.YearEndOf(year)],
        ReportKind.HalfYearly => [new(year, ReportKind.HalfYearly, 1), ReportPeriod.YearEndOf(year)],
        ReportKind.YearEnd => [ReportPeriod.YearEndOf(year)],
    };

    /// <summary>
    /// The day <paramref name="regionCode"/>'s report for <paramref name="period"/> is due (rules 2–4), or why there is none:
    /// the ministry reports to no one; an unknown region or one outside the notice.
    /// </summary>
    public Result<ReportDue> DueOn(ReportPeriod period, string regionCode, ReportingHierarchy hierarchy, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(calendar);
        var steps = hierarchy.ChainUp(regionCode).Count;
        if (steps == 0)
        {
            return Result<ReportDue>.Fail(hierarchy.Above(regionCode).Error ?? "该行政区划不报送进展报告");
        }

        var top = period.Kind == ReportKind.YearEnd
            ? new ReportDue(new DateOnly(period.Year, YearEndDueMonth, YearEndDueDay), false)
            : Shift(calendar, period.End, WorkingDaysAfterPeriodEnd);
        var earlier = (steps - 1) * WorkingDaysPerLevel;
        if (earlier == 0)
        {
            return Result<ReportDue>.Ok(top);
        }

        var shifted = Shift(calendar, top.DueOn, -earlier);
        return Result<ReportDue>.Ok(shifted with { Provisional = shifted.Provisional || top.Provisional });
    }

    /// <summary>
    /// Every region that must report to <paramref name="parentRegionCode"/> (<see cref="ReportingHierarchy.ReportingTo"/>)
    /// with its due date and timeliness on <paramref name="asOf"/>, ordered by region code. <paramref name="firstSubmittedOn"/>
    /// maps a region code to the day it first submitted its report for the period; regions not in it have not submitted.
    /// </summary>
    public IReadOnlyList<ReportDeadlineStatus> Check(
        ReportPeriod period,
        string parentRegionCode,
        IReadOnlyDictionary<string, DateOnly> firstSubmittedOn,
        DateOnly asOf,
        ReportingHierarchy hierarchy,
        WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(firstSubmittedOn);
        ArgumentNullException.ThrowIfNull(hierarchy);
        var statuses = new List<ReportDeadlineStatus>();
        foreach (var region in hierarchy.ReportingTo(parentRegionCode))
        {
            var due = DueOn(period, region.Code, hierarchy, calendar).GetValueOrThrow();
            DateOnly? submitted = firstSubmittedOn.TryGetValue(region.Code, out var on) ? on : null;
            var (timeliness, overdue) = submitted switch
            {
                { } day when day <= due.DueOn => (ReportTimeliness.OnTime, 0),
                { } day => (ReportTimeliness.Late, day.DayNumber - due.DueOn.DayNumber),
                null when asOf > due.DueOn => (ReportTimeliness.Missing, asOf.DayNumber - due.DueOn.DayNumber),
                null => (ReportTimeliness.NotYetDue, 0),
            };
            statuses.Add(new ReportDeadlineStatus(region, due, submitted, timeliness, overdue));
        }

        return statuses;
    }

    /// <summary>Who is late (逾期报送 or 逾期未报) with <paramref name="parentRegionCode"/>'s report for a period; see <see cref="Check"/>.</summary>
    public IReadOnlyList<ReportDeadlineStatus> Late(
        ReportPeriod period,
        string parentRegionCode,
        IReadOnlyDictionary<string, DateOnly> firstSubmittedOn,
        DateOnly asOf,
        ReportingHierarchy hierarchy,
        WorkingDayCalendar calendar) =>
        [.. Check(period, parentRegionCode, firstSubmittedOn, asOf, hierarchy, calendar).Where(s => s.IsLate)];

    /// <summary>Chinese names of <see cref="ReportTimeliness"/>.</summary>
    public static string ChineseName(ReportTimeliness timeliness) => timeliness switch
    {
        ReportTimeliness.NotYetDue => "未到期",
        ReportTimeliness.OnTime => "按时报送",
        ReportTimeliness.Late => "逾期报送",
        ReportTimeliness.Missing => "逾期未报",
    };

    /// <summary>
    /// The day <paramref name="workingDays"/> working days after (positive) or before (negative) <paramref name="from"/>,
    /// counting the first day after (before) it as the first; Monday to Friday through years the calendar does not cover.
    /// </summary>
    internal static ReportDue Shift(WorkingDayCalendar calendar, DateOnly from, int workingDays)
    {
        var step = workingDays >= 0 ? 1 : -1;
        var day = from;
        var provisional = false;
        for (var counted = 0; counted < Math.Abs(workingDays);)
        {
            day = day.AddDays(step);
            bool working;
            if (calendar.Covers(day))
            {
                working = calendar.IsWorkingDay(day);
            }
            else
            {
                provisional = true;
                working = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            }

            if (working)
            {
                counted++;
            }
        }

        return new ReportDue(day, provisional);
    }

    /// <summary>“应于2027年1月15日前报送（暂按周一至周五计算）”.</summary>
    public static string Describe(ReportDue due) =>
        Invariant($"应于{Date(due.DueOn)}前报送") + (due.Provisional ? "（该年节假日安排尚未收录，暂按周一至周五计算）" : "");
}
