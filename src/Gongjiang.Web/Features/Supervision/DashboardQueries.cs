using Gongjiang.Core.Common;
using Gongjiang.Core.Supervision;
using Gongjiang.Web.Features.Supervision.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Supervision;

public sealed partial class SupervisionService
{
    /// <summary>
    /// The matrix of a year for a region (the regions that report to it × the 16 measures), built by
    /// <see cref="SupervisionDashboard.Build"/> from what is loaded here: the rows' accepted reports of the year (lines
    /// only), their document counts per measure and their work targets. Queries are bounded by the rows (31 provinces, a
    /// province's cities), never by the size of the country below them.
    /// </summary>
    public async Task<Result<SupervisionMatrix>> MatrixAsync(int year, string regionCode, CancellationToken ct)
    {
        var rows = Hierarchy.ReportingTo(regionCode).Select(r => r.Code).ToList();
        var accepted = await AcceptedReportsAsync(rows, year, latestOnly: true, ct);
        var yearEnd = new DateOnly(year, 12, 31);
        var counts = await db.Set<DocumentMeasureRow>().AsNoTracking()
            .Where(d => rows.Contains(d.RegionCode) && d.IssuedOn <= yearEnd)
            .GroupBy(d => new { d.RegionCode, d.MeasureCode })
            .Select(g => new { g.Key.RegionCode, g.Key.MeasureCode, Count = g.Count() })
            .ToListAsync(ct);
        var documents = counts.SelectMany(c => Enumerable.Repeat(new FiledDocument(c.RegionCode, yearEnd, [c.MeasureCode]), c.Count));
        var targets = await TargetsOfAsync(rows, ct);
        return SupervisionDashboard.Build(year, regionCode, Today, accepted, documents, targets, Hierarchy, Catalog);
    }

    /// <summary>The trend of a year: per period, the rows' cells by status.</summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(int year, string regionCode, CancellationToken ct)
    {
        var rows = Hierarchy.ReportingTo(regionCode).Select(r => r.Code).ToList();
        var accepted = await AcceptedReportsAsync(rows, year, latestOnly: false, ct);
        var periods = Schedule.PeriodsOf(year).Where(p => p.Start <= Today).ToList();
        return SupervisionDashboard.Trend(periods, regionCode, accepted, Hierarchy, Catalog);
    }

    /// <summary>The accepted reports of some regions in a year (only the latest per region when asked), with their statuses.</summary>
    internal async Task<List<AcceptedReport>> AcceptedReportsAsync(IReadOnlyCollection<string> regions, int year, bool latestOnly, CancellationToken ct)
    {
        var reports = await db.Set<ReportRow>().AsNoTracking()
            .Where(r => r.Year == year && r.Status == ReportStatus.Accepted && regions.Contains(r.RegionCode))
            .Select(r => new { r.Id, r.RegionCode, r.Year, r.Kind, r.Number, r.PeriodEnd })
            .ToListAsync(ct);
        if (latestOnly)
        {
            reports = [.. reports.GroupBy(r => r.RegionCode).Select(g => g.OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.Kind).First())];
        }

        var ids = reports.Select(r => r.Id).ToList();
        var lines = (await db.Set<ReportLineRow>().AsNoTracking().Where(l => ids.Contains(l.ReportId))
            .Select(l => new { l.ReportId, l.MeasureCode, l.Status }).ToListAsync(ct)).ToLookup(l => l.ReportId);
        return
        [
            .. reports.Select(r => new AcceptedReport(r.RegionCode, new ReportPeriod(r.Year, r.Kind, r.Number),
                lines[r.Id].ToDictionary(l => l.MeasureCode, l => l.Status, StringComparer.Ordinal))),
        ];
    }
}
