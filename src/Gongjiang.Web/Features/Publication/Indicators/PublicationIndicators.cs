using Gongjiang.Core.Publication;
using Gongjiang.Core.Supervision;
using Gongjiang.Web.Features.Publication.Data;
using Gongjiang.Web.Features.Supervision.Contracts;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Publication.Indicators;

/// <summary>
/// 应公布期数 / 按期公布期数 / 按期公布率 (notice 三 “定期更新并向各部门和社会公布”) for a region's jurisdiction and a report
/// period. A publication is due for every period of a jurisdiction's publishing schedule that ends inside the report
/// period and on or before the day asked; it is on time when published no later than <see cref="GraceDays"/> days after
/// its period ends (a local choice, not in the notice: the 公示期 and 复核 take time after the period).
/// </summary>
internal sealed class PublicationIndicators(GongjiangDbContext db) : IIndicatorSource
{
    /// <summary>Days after a period's end within which its publication still counts as on time (local choice).</summary>
    public const int GraceDays = 31;

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        IndicatorRegistry.Foundation.Find("publication.due")!,
        IndicatorRegistry.Foundation.Find("publication.on-time")!,
        IndicatorRegistry.Foundation.Find("publication.on-time-rate")!,
    ];

    public async Task<IReadOnlyList<IndicatorValue>> ValuesAsync(string regionCode, ReportPeriod period, DateOnly asOf, CancellationToken ct)
    {
        var prefix = Gongjiang.Core.Access.Jurisdiction.Parse(regionCode) is { IsValid: true } j ? j.Value.Prefix : regionCode;
        var schedules = await db.Set<PublicationSchedule>().AsNoTracking()
            .Where(s => s.RegionCode.StartsWith(prefix))
            .Select(s => new { s.RegionCode, s.Frequency })
            .ToListAsync(ct);
        if (schedules.Count == 0)
        {
            return [];
        }

        var published = await db.Set<Data.Publication>().AsNoTracking()
            .Where(p => p.RegionCode.StartsWith(prefix) && p.Status == PublicationStatus.Published && p.PublishedOn != null)
            .Select(p => new { p.RegionCode, p.PeriodKey, p.PublishedOn })
            .ToListAsync(ct);
        var publishedOn = published.GroupBy(p => (p.RegionCode, p.PeriodKey)).ToDictionary(g => g.Key, g => g.Min(p => p.PublishedOn!.Value));

        int due = 0, onTime = 0;
        foreach (var schedule in schedules)
        {
            var candidate = PublicationPeriod.Containing(period.Start, schedule.Frequency);
            while (candidate.Start <= period.End)
            {
                if (candidate.End >= period.Start && candidate.End <= period.End && candidate.End <= asOf)
                {
                    due++;
                    if (publishedOn.TryGetValue((schedule.RegionCode, candidate.Key), out var on) && on <= candidate.End.AddDays(GraceDays))
                    {
                        onTime++;
                    }
                }

                candidate = Next(candidate);
            }
        }

        List<IndicatorValue> values = [new("publication.due", due), new("publication.on-time", onTime)];
        if (due > 0)
        {
            values.Add(new("publication.on-time-rate", Math.Round(100m * onTime / due, 2, MidpointRounding.AwayFromZero)));
        }

        return values;
    }

    private static PublicationPeriod Next(PublicationPeriod period) => PublicationPeriod.Containing(period.End.AddDays(1), period.Frequency);
}
