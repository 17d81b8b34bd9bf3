using System.Globalization;
using Gongjiang.Core.Calendar;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Window;

/// <summary>Which time limit a deadline implements. Stored; never renumber.</summary>
public enum TimeLimitKind
{
    /// <summary>法定时限: the limit the law or regulation sets for the matter.</summary>
    Statutory = 1,
    /// <summary>承诺时限: the shorter limit the window promises in its 办事指南.</summary>
    Committed = 2,
}

/// <summary>A time limit in working days.</summary>
/// <param name="Kind">法定 or 承诺.</param>
/// <param name="WorkingDays">At least 1, at most <see cref="ServiceTimeLimits.MaxWorkingDays"/>.</param>
public sealed record TimeLimit(TimeLimitKind Kind, int WorkingDays);

/// <summary>
/// The time limits of a service item (办事指南): an optional statutory limit and the committed limit, in working days
/// (《行政许可法》第四十二条: 二十日 / 第八十二条: 以工作日计算; 承诺时限 as the 政务服务 practice of 压缩办理时限 — a
/// promise shorter than or equal to the law, never longer).
/// </summary>
/// <param name="StatutoryWorkingDays">法定时限; null when no law sets one for the matter.</param>
/// <param name="CommittedWorkingDays">承诺时限.</param>
public sealed record ServiceTimeLimits(int? StatutoryWorkingDays, int CommittedWorkingDays)
{
    /// <summary>The longest limit accepted (a sanity bound: a year of working days).</summary>
    public const int MaxWorkingDays = 250;

    /// <summary>The limits, or every reason they are not acceptable (each naming the field).</summary>
    public static Result<ServiceTimeLimits> Create(int? statutoryWorkingDays, int committedWorkingDays)
    {
        var reasons = new List<string>();
        if (statutoryWorkingDays is < 1 or > MaxWorkingDays)
        {
            reasons.Add($"法定时限应为1至{MaxWorkingDays}个工作日");
        }

        if (committedWorkingDays is < 1 or > MaxWorkingDays)
        {
            reasons.Add($"承诺时限应为1至{MaxWorkingDays}个工作日");
        }

        if (reasons.Count == 0 && committedWorkingDays > statutoryWorkingDays)
        {
            reasons.Add($"承诺时限（{committedWorkingDays}个工作日）不得长于法定时限（{statutoryWorkingDays}个工作日）");
        }

        return reasons.Count > 0 ? Result<ServiceTimeLimits>.Fail(reasons) : Result<ServiceTimeLimits>.Ok(new ServiceTimeLimits(statutoryWorkingDays, committedWorkingDays));
    }

    /// <summary>The committed limit.</summary>
    public TimeLimit Committed => new(TimeLimitKind.Committed, CommittedWorkingDays);

    /// <summary>The statutory limit, if any.</summary>
    public TimeLimit? Statutory => StatutoryWorkingDays is { } days ? new TimeLimit(TimeLimitKind.Statutory, days) : null;
}

/// <summary>
/// A 补正 pause: the clock stops from the day the 补正 is requested (that day is not counted) and runs again on the day
/// the materials arrive (that day counts if it is a working day). So the paused days are [<paramref name="RequestedOn"/>,
/// <paramref name="ResumedOn"/>). 《行政许可法》第三十二条: 补正 is told at once; 政务服务 practice: 补正期间不计入办理时限.
/// </summary>
/// <param name="RequestedOn">The day the 补正 was requested.</param>
/// <param name="ResumedOn">The day the materials arrived; null while still waiting.</param>
public sealed record Suspension(DateOnly RequestedOn, DateOnly? ResumedOn);

/// <summary>What a line of a deadline's explanation says (for styling).</summary>
public enum DeadlineLineKind
{
    /// <summary>The start: accepted on, the limit, counting from the next day.</summary>
    Start = 1,
    /// <summary>A working day that counts.</summary>
    Counted = 2,
    /// <summary>A weekend, holiday or 调休 rest day that does not count (consecutive days of one kind are one line).</summary>
    Skipped = 3,
    /// <summary>补正 requested: the clock stops.</summary>
    PauseStarted = 4,
    /// <summary>The days of a pause (one line for the whole pause).</summary>
    Paused = 5,
    /// <summary>Materials arrived: the clock runs again.</summary>
    Resumed = 6,
    /// <summary>The due date.</summary>
    Due = 7,
    /// <summary>A note (provisional years, a pause still open).</summary>
    Note = 8,
}

/// <summary>One line of a deadline's explanation.</summary>
/// <param name="From">The first day the line is about; null for a note without a date.</param>
/// <param name="To">The last day (the same as <paramref name="From"/> for one day).</param>
/// <param name="Kind">What the line says.</param>
/// <param name="Text">The line in Chinese, ready to show.</param>
public sealed record DeadlineLine(DateOnly? From, DateOnly? To, DeadlineLineKind Kind, string Text);

/// <summary>
/// A request's (or a task's) deadline as of a day, with its explanation.
/// </summary>
/// <param name="Limit">The limit computed.</param>
/// <param name="StartsAfter">The day the clock starts after (受理 for a request, 分送 for a task).</param>
/// <param name="DueOn">The last day of the limit; null while a 补正 pause is open and the limit not yet reached.</param>
/// <param name="Provisional">A counted year is not in the calendar (Monday to Friday counted there).</param>
/// <param name="Paused">A 补正 pause is open on the day asked about.</param>
/// <param name="PausedWorkingDays">Working days inside pauses before the limit was reached: the due date moved by this many.</param>
/// <param name="UsedWorkingDays">Working days counted up to and including the day asked about (at most the limit).</param>
/// <param name="Explanation">Day by day: start, each counted day, skipped days with the holiday's name, pauses, the due date.</param>
public sealed record Deadline(
    TimeLimit Limit,
    DateOnly StartsAfter,
    DateOnly? DueOn,
    bool Provisional,
    bool Paused,
    int PausedWorkingDays,
    int UsedWorkingDays,
    IReadOnlyList<DeadlineLine> Explanation)
{
    /// <summary>Working days of the limit not yet used on the day asked about.</summary>
    public int RemainingWorkingDays => Limit.WorkingDays - UsedWorkingDays;
}

/// <summary>
/// Computes deadlines in Chinese working days (policy 三(一) 服务窗口 with the time limits of 政务服务 practice; 《民法典》
/// 第二百零一条: the day of the event is not counted; 《行政许可法》第八十二条: working days, without statutory holidays).
/// </summary>
/// <remarks>
/// The clock starts the working day after <c>startsAfter</c> (acceptance); each working day outside a 补正 pause counts;
/// the due date is the day the limit's last working day is counted. A pause that begins before the due date therefore
/// moves it by the working days paused; a pause requested after the due date does not move it (the request was already
/// overdue). Facts dated after <c>asOf</c> are ignored, so a past day replays as it was known then. The request's pauses
/// apply to every department task of the request.
/// </remarks>
public static class Deadlines
{
    /// <summary>The deadline of <paramref name="limit"/> counted after <paramref name="startsAfter"/>, as known on <paramref name="asOf"/>.</summary>
    /// <returns>The deadline, or every reason the pauses are inconsistent (in Chinese).</returns>
    public static Result<Deadline> Compute(
        WorkingDayCalendar calendar,
        TimeLimit limit,
        DateOnly startsAfter,
        IReadOnlyList<Suspension> suspensions,
        DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentNullException.ThrowIfNull(suspensions);
        if (limit.WorkingDays is < 1 or > ServiceTimeLimits.MaxWorkingDays)
        {
            return Result<Deadline>.Fail($"{KindName(limit.Kind)}应为1至{ServiceTimeLimits.MaxWorkingDays}个工作日");
        }

        var known = Known(suspensions, asOf);
        var problems = Check(known, startsAfter);
        if (problems.Count > 0)
        {
            return Result<Deadline>.Fail(problems);
        }

        var lines = new List<DeadlineLine>
        {
            new(startsAfter, startsAfter, DeadlineLineKind.Start, Invariant(
                $"{WorkingDays.FormatWithWeekday(startsAfter)}受理，{KindName(limit.Kind)}{limit.WorkingDays}个工作日，自受理次日起算")),
        };

        var counted = 0;
        var used = 0;
        var pausedWorking = 0;
        var provisional = false;
        var provisionalYears = new SortedSet<int>();
        DateOnly? due = null;
        var openPause = false;
        Run? run = null;
        var day = startsAfter;
        var pauseIndex = 0;

        while (counted < limit.WorkingDays)
        {
            day = day.AddDays(1);
            while (pauseIndex < known.Count && known[pauseIndex].ResumedOn is { } resumed && resumed <= day)
            {
                pauseIndex++;
            }

            var pause = pauseIndex < known.Count && known[pauseIndex].RequestedOn <= day ? known[pauseIndex] : null;
            var info = WorkingDays.Classify(calendar, day);
            if (info.Provisional)
            {
                provisional = true;
                provisionalYears.Add(day.Year);
            }

            if (run is { Kind: RunKind.Paused } ended && !ReferenceEquals(ended.Pause, pause))
            {
                // The previous pause is over (materials arrived today, or a new 补正 starts the same day).
                Flush(lines, ref run);
                lines.Add(new DeadlineLine(ended.Pause!.ResumedOn, ended.Pause.ResumedOn, DeadlineLineKind.Resumed, Invariant(
                    $"{WorkingDays.FormatWithWeekday(ended.Pause.ResumedOn!.Value)}收到补正材料，当日恢复计时")));
            }

            if (pause is not null)
            {
                if (run is not { Kind: RunKind.Paused })
                {
                    Flush(lines, ref run);
                    lines.Add(new DeadlineLine(pause.RequestedOn, pause.RequestedOn, DeadlineLineKind.PauseStarted, Invariant(
                        $"{WorkingDays.FormatWithWeekday(pause.RequestedOn)}要求补正，自当日起暂停计时")));
                    if (pause.ResumedOn is null)
                    {
                        // Still waiting for the materials: the due date is not known yet.
                        openPause = true;
                        break;
                    }

                    run = new Run(RunKind.Paused, day, day, null, 0, pause);
                }

                run = run with
                {
                    To = day,
                    WorkingDays = run.WorkingDays + (info.IsWorkingDay ? 1 : 0),
                    Name = info.Kind == DayKind.Holiday && info.HolidayName is { } holiday && !(run.Name?.Split('、').Contains(holiday) ?? false)
                        ? (run.Name is null ? holiday : run.Name + "、" + holiday)
                        : run.Name,
                };
                if (info.IsWorkingDay)
                {
                    pausedWorking++;
                }

                continue;
            }

            if (info.IsWorkingDay)
            {
                Flush(lines, ref run);
                counted++;
                if (day <= asOf)
                {
                    used++;
                }

                var what = info.Kind == DayKind.MakeUpWorkday ? $"调休上班（{info.HolidayName}）" : "工作日";
                if (counted == limit.WorkingDays)
                {
                    due = day;
                    lines.Add(new DeadlineLine(day, day, DeadlineLineKind.Due, Invariant(
                        $"{WorkingDays.FormatWithWeekday(day)}{what}，第{counted}个工作日，{KindName(limit.Kind)}届满（到期日）")));
                }
                else
                {
                    lines.Add(new DeadlineLine(day, day, DeadlineLineKind.Counted, Invariant(
                        $"{WorkingDays.FormatWithWeekday(day)}{what}，第{counted}个工作日")));
                }

                continue;
            }

            var name = info.Kind == DayKind.Holiday ? info.HolidayName : null;
            if (run is { Kind: RunKind.Skipped } current && current.Name == name && current.DayKind == info.Kind)
            {
                run = current with { To = day };
            }
            else
            {
                Flush(lines, ref run);
                run = new Run(RunKind.Skipped, day, day, name, 0, null, info.Kind);
            }
        }

        Flush(lines, ref run);
        if (openPause)
        {
            lines.Add(new DeadlineLine(null, null, DeadlineLineKind.Note, Invariant(
                $"补正中，计时暂停：已用{counted}个工作日，尚余{limit.WorkingDays - counted}个工作日，自收到补正材料之日起恢复计时")));
        }

        foreach (var year in provisionalYears)
        {
            lines.Add(new DeadlineLine(null, null, DeadlineLineKind.Note, Invariant(
                $"{year}年的节假日安排尚未收录，该年暂按周一至周五计算，到期日为暂定")));
        }

        var paused = known.Count > 0 && known[^1].ResumedOn is null;
        return Result<Deadline>.Ok(new Deadline(limit, startsAfter, due, provisional, paused, pausedWorking, used, lines));
    }

    /// <summary>The committed deadline and, when the item has one, the statutory deadline, on the same clock.</summary>
    public static Result<(Deadline Committed, Deadline? Statutory)> ComputeBoth(
        WorkingDayCalendar calendar,
        ServiceTimeLimits limits,
        DateOnly startsAfter,
        IReadOnlyList<Suspension> suspensions,
        DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var committed = Compute(calendar, limits.Committed, startsAfter, suspensions, asOf);
        if (!committed.IsValid)
        {
            return Result<(Deadline, Deadline?)>.Fail(committed.Reasons);
        }

        if (limits.Statutory is not { } statutoryLimit)
        {
            return Result<(Deadline, Deadline?)>.Ok((committed.Value!, null));
        }

        var statutory = Compute(calendar, statutoryLimit, startsAfter, suspensions, asOf);
        return statutory.IsValid
            ? Result<(Deadline, Deadline?)>.Ok((committed.Value!, statutory.Value))
            : Result<(Deadline, Deadline?)>.Fail(statutory.Reasons);
    }

    /// <summary>“承诺时限” / “法定时限”.</summary>
    public static string KindName(TimeLimitKind kind) => kind switch
    {
        TimeLimitKind.Statutory => "法定时限",
        TimeLimitKind.Committed => "承诺时限",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The pauses as known on <paramref name="asOf"/>: later ones dropped, a resumption after it not yet happened.</summary>
    private static List<Suspension> Known(IReadOnlyList<Suspension> suspensions, DateOnly asOf) =>
        [.. suspensions
            .Where(s => s.RequestedOn <= asOf)
            .Select(s => s.ResumedOn > asOf ? s with { ResumedOn = null } : s)
            .OrderBy(s => s.RequestedOn)];

    private static List<string> Check(List<Suspension> pauses, DateOnly startsAfter)
    {
        var problems = new List<string>();
        for (var i = 0; i < pauses.Count; i++)
        {
            var pause = pauses[i];
            if (pause.RequestedOn < startsAfter)
            {
                problems.Add($"补正要求日期{WorkingDays.Format(pause.RequestedOn)}早于受理日期{WorkingDays.Format(startsAfter)}");
            }

            if (pause.ResumedOn < pause.RequestedOn)
            {
                problems.Add($"收到补正材料日期{WorkingDays.Format(pause.ResumedOn.Value)}早于要求补正日期{WorkingDays.Format(pause.RequestedOn)}");
            }

            if (i + 1 < pauses.Count)
            {
                if (pause.ResumedOn is null)
                {
                    problems.Add($"{WorkingDays.Format(pause.RequestedOn)}的补正尚未收到材料，不能再次要求补正");
                }
                else if (pauses[i + 1].RequestedOn < pause.ResumedOn)
                {
                    problems.Add($"{WorkingDays.Format(pauses[i + 1].RequestedOn)}的补正与{WorkingDays.Format(pause.RequestedOn)}的补正时间重叠");
                }
            }
        }

        return problems;
    }

    private static void Flush(List<DeadlineLine> lines, ref Run? run)
    {
        if (run is not { } r)
        {
            return;
        }

        run = null;
        var span = r.From == r.To
            ? WorkingDays.FormatWithWeekday(r.From)
            : WorkingDays.FormatWithWeekday(r.From) + "至" + WorkingDays.FormatWithWeekday(r.To);
        var days = r.To.DayNumber - r.From.DayNumber + 1;
        if (r.Kind == RunKind.Paused)
        {
            var holidays = r.Name is null ? "" : "；其间" + r.Name + "放假";
            lines.Add(new DeadlineLine(r.From, r.To, DeadlineLineKind.Paused, Invariant(
                $"{span}补正期间暂停计时（共{days}天，其中工作日{r.WorkingDays}天{holidays}），期限顺延{r.WorkingDays}个工作日")));
            return;
        }

        var what = r.DayKind == DayKind.Holiday
            ? (r.Name is null ? "放假" : r.Name + "放假")
            : "休息日";
        var count = days == 1 ? "" : Invariant($"（共{days}天）");
        lines.Add(new DeadlineLine(r.From, r.To, DeadlineLineKind.Skipped, $"{span}{what}，不计{count}"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private enum RunKind
    {
        Skipped,
        Paused,
    }

    private sealed record Run(RunKind Kind, DateOnly From, DateOnly To, string? Name, int WorkingDays, Suspension? Pause, DayKind DayKind = DayKind.Weekend);
}
