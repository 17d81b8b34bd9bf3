using Gongjiang.Core.Supervision;
using Gongjiang.Web.Features.Supervision.Data;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Supervision;

/// <summary>
/// 催报 (daily, recurring): for every region with a reporting office (an account that files for it) that has not yet
/// submitted a report whose due date is near (<see cref="SupervisionOptions.ReminderWorkingDays"/> working days) or has
/// passed (up to 60 days), records an in-app reminder, once per region, period and stage. There is no notification outbox
/// yet; the reminders are shown on the supervision pages of the region concerned.
/// </summary>
internal sealed class ReminderJob(SupervisionService supervision) : IJobHandler
{
    public const string KindName = "supervision.reminders";

    public string Kind => KindName;

    public async Task RunAsync(JobContext context, CancellationToken ct) =>
        await supervision.RecordRemindersAsync((done, total, added) => context.ReportAsync(done, total, $"已检查 {done} / {total} 个地区，新增催报 {added} 条", ct), ct);
}

public sealed partial class SupervisionService
{
    /// <summary>
    /// Records the due reminders (催报) as <see cref="ReminderJob"/> describes; returns how many were added. Run by the
    /// daily job (as the system) and by the demo seeding.
    /// </summary>
    public async Task<int> RecordRemindersAsync(Func<int, int, int, Task>? progress, CancellationToken ct)
    {
        var today = Today;
        var hierarchy = Hierarchy;
        var regions = await db.Users.AsNoTracking()
            .Where(u => u.Role == Roles.Clerk || u.Role == Roles.Supervisor)
            .Select(u => u.RegionCode).Distinct().ToListAsync(ct);
        regions = [.. regions.Where(r => r is not null && hierarchy.Above(r).IsValid).Order(StringComparer.Ordinal)];
        var horizon = Calendar.AddWorkingDays(today, Options.ReminderWorkingDays) is { IsValid: true } h ? h.Value : today.AddDays(Options.ReminderWorkingDays + 4);
        var periods = Schedule.PeriodsOf(today.Year - 1).Concat(Schedule.PeriodsOf(today.Year)).Where(p => p.Start <= today).ToList();
        var keys = periods.Select(p => p.Key).ToList();
        var submitted = (await db.Set<ReportRow>().AsNoTracking()
                .Where(r => regions.Contains(r.RegionCode) && keys.Contains(r.PeriodKey) && r.FirstSubmittedOn != null)
                .Select(r => new { r.RegionCode, r.PeriodKey }).ToListAsync(ct))
            .Select(r => (r.RegionCode, r.PeriodKey)).ToHashSet();
        var existing = (await db.Set<ReminderRow>().AsNoTracking().Where(r => keys.Contains(r.PeriodKey))
                .Select(r => new { r.RegionCode, r.PeriodKey, r.Stage }).ToListAsync(ct))
            .Select(r => (r.RegionCode, r.PeriodKey, r.Stage)).ToHashSet();
        var added = 0;
        var done = 0;
        foreach (var region in regions)
        {
            foreach (var period in periods)
            {
                if (submitted.Contains((region, period.Key)) || Schedule.DueOn(period, region, hierarchy, Calendar) is not { IsValid: true } due)
                {
                    continue;
                }

                var dueOn = due.Value.DueOn;
                ReminderStage? stage = today > dueOn && today.DayNumber - dueOn.DayNumber <= 60 ? ReminderStage.Overdue
                    : today <= dueOn && dueOn <= horizon ? ReminderStage.Upcoming
                    : null;
                if (stage is not { } s || !existing.Add((region, period.Key, s)))
                {
                    continue;
                }

                var name = Name(region);
                db.Add(new ReminderRow
                {
                    RegionCode = region,
                    PeriodKey = period.Key,
                    Stage = s,
                    DueOn = dueOn,
                    CreatedOn = today,
                    Text = s == ReminderStage.Overdue
                        ? $"{name}{period.DisplayName}进展报告应于{Date(dueOn)}前报送，已逾期{today.DayNumber - dueOn.DayNumber}天仍未提交，请尽快填报提交。"
                        : $"{name}{period.DisplayName}进展报告应于{Date(dueOn)}前报送（{ReportSchedule.Describe(due.Value)}），尚未提交，请及时填报。",
                });
                added++;
            }

            if (progress is not null)
            {
                await progress(++done, regions.Count, added);
            }
        }

        await db.SaveChangesAsync(ct);
        return added;
    }
}
