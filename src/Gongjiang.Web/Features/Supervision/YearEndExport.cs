using System.Globalization;
using Gongjiang.Core.Supervision;
using Gongjiang.Web.Features.Supervision.Data;
using Gongjiang.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Supervision;

public sealed partial class SupervisionService
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// The consolidated year-end export (年度报告汇总) of <paramref name="regionCode"/>'s jurisdiction as XLSX, streamed:
    /// 汇总 (one row per region reporting to it: the year-end report's status and each measure's status), 各地进展明细 (every
    /// submitted or accepted year-end report in the jurisdiction, one row per measure, read from the database row by
    /// row), 指标 (their frozen indicator values) and 配套文件 (documents issued up to the year's end). Audited.
    /// </summary>
    public async Task WriteYearEndXlsxAsync(int year, string regionCode, Stream output, CancellationToken ct)
    {
        var key = ReportPeriod.YearEndOf(year).Key;
        var prefix = Gongjiang.Core.Access.Jurisdiction.Parse(regionCode).Value.Prefix;
        var rows = Hierarchy.ReportingTo(regionCode).Select(r => r.Code).ToList();
        using (var xlsx = new XlsxStreamWriter(output))
        {
            // 汇总
            xlsx.StartSheet("汇总", ["地区代码", "地区", "年度报告状态", "首次报送日期", .. Catalog.All.Select(m => m.DisplayName)]);
            var heads = await db.Set<ReportRow>().AsNoTracking().Where(r => rows.Contains(r.RegionCode) && r.PeriodKey == key)
                .Select(r => new { r.Id, r.RegionCode, r.Status, r.FirstSubmittedOn }).ToListAsync(ct);
            var headIds = heads.Where(h => h.Status != ReportStatus.Draft).Select(h => h.Id).ToList();
            var headLines = (await db.Set<ReportLineRow>().AsNoTracking().Where(l => headIds.Contains(l.ReportId))
                .Select(l => new { l.ReportId, l.MeasureCode, l.Status }).ToListAsync(ct)).ToLookup(l => l.ReportId);
            foreach (var region in rows)
            {
                var head = heads.FirstOrDefault(h => h.RegionCode == region);
                var statuses = head is null || head.Status == ReportStatus.Draft
                    ? new Dictionary<string, MeasureStatus>()
                    : headLines[head.Id].ToDictionary(l => l.MeasureCode, l => l.Status, StringComparer.Ordinal);
                xlsx.Row([region, Name(region), head is null ? "未填报" : ProgressReportWorkflow.ChineseName(head.Status), Date(head?.FirstSubmittedOn),
                    .. Catalog.All.Select(m => (object?)CellStatuses.ChineseName(CellStatuses.From(statuses.TryGetValue(m.Code, out var s) ? s : null)))]);
            }

            // 各地进展明细, streamed.
            xlsx.StartSheet("各地进展明细", "地区代码", "地区", "层级", "报告状态", "政策措施", "进展状态", "进展说明");
            var detail =
                from r in db.Set<ReportRow>().AsNoTracking()
                join l in db.Set<ReportLineRow>().AsNoTracking() on r.Id equals l.ReportId
                where r.PeriodKey == key && r.RegionCode.StartsWith(prefix) && r.Status != ReportStatus.Draft
                orderby r.RegionCode, l.MeasureCode
                select new { r.RegionCode, r.RegionName, r.Status, l.MeasureCode, LineStatus = l.Status, l.Narrative };
            await foreach (var d in detail.AsAsyncEnumerable().WithCancellation(ct))
            {
                xlsx.Row([d.RegionCode, d.RegionName, LevelName(d.RegionCode), ProgressReportWorkflow.ChineseName(d.Status),
                    Catalog.Find(d.MeasureCode)?.DisplayName ?? d.MeasureCode, MeasureStatuses.ChineseName(d.LineStatus), d.Narrative ?? ""]);
            }

            // 指标
            xlsx.StartSheet("指标", "地区代码", "地区", "指标", "数值", "单位");
            var values =
                from r in db.Set<ReportRow>().AsNoTracking()
                join v in db.Set<ReportIndicatorRow>().AsNoTracking() on r.Id equals v.ReportId
                where r.PeriodKey == key && r.RegionCode.StartsWith(prefix) && r.Status != ReportStatus.Draft
                orderby r.RegionCode, v.Code
                select new { r.RegionCode, r.RegionName, v.Code, v.Value };
            await foreach (var v in values.AsAsyncEnumerable().WithCancellation(ct))
            {
                var definition = Indicators.Find(v.Code);
                xlsx.Row([v.RegionCode, v.RegionName, definition?.Name ?? v.Code, v.Value, definition?.Unit ?? ""]);
            }

            // 配套文件
            xlsx.StartSheet("配套文件", "地区代码", "地区", "文件标题", "文号", "发文机关", "成文日期", "涉及政策措施");
            var yearEnd = new DateOnly(year, 12, 31);
            var documents = db.Set<DocumentRow>().AsNoTracking().Where(d => d.RegionCode.StartsWith(prefix) && d.IssuedOn <= yearEnd)
                .OrderBy(d => d.RegionCode).ThenBy(d => d.IssuedOn)
                .Select(d => new { d.RegionCode, d.Title, d.Number, d.Issuer, d.IssuedOn, d.Measures });
            await foreach (var d in documents.AsAsyncEnumerable().WithCancellation(ct))
            {
                xlsx.Row([d.RegionCode, Name(d.RegionCode), d.Title, d.Number, d.Issuer, Date(d.IssuedOn), MeasureNames(d.Measures)]);
            }
        }

        await db.RecordAsync(new AuditEvent(AuditActions.Export, ReportEntity, null, Detail: $"导出{Name(regionCode)}{year}年度报告汇总（XLSX）"), ct);
    }

    internal static string LevelName(string regionCode) =>
        Hierarchy.LevelOf(regionCode) is { } level ? GovernmentLevels.ChineseName(level) : "";

    internal static string MeasureNames(string codes) =>
        string.Join("、", codes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => Catalog.Find(c)?.DisplayCode ?? c));

    internal static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
