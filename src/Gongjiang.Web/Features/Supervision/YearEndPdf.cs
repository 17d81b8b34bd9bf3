using Gongjiang.Core.Supervision;
using Gongjiang.Web.Features.Supervision.Data;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Pdf;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Gongjiang.Web.Features.Supervision;

public sealed partial class SupervisionService
{
    /// <summary>
    /// The year-end consolidation as a printable A4 PDF (CJK font embedded): per region reporting to
    /// <paramref name="regionCode"/>, its year-end report's status and each measure's status with the narrative's first
    /// line. Returns the Chinese reason instead when the CJK font is not installed.
    /// </summary>
    public async Task<(byte[]? Pdf, string? Error)> YearEndPdfAsync(int year, string regionCode, CancellationToken ct)
    {
        if (!CjkFontResolver.TryInstall())
        {
            return (null, CjkFontResolver.MissingMessage);
        }

        var key = ReportPeriod.YearEndOf(year).Key;
        var rows = Hierarchy.ReportingTo(regionCode).Select(r => r.Code).ToList();
        var reports = await db.Set<ReportRow>().AsNoTracking().Where(r => rows.Contains(r.RegionCode) && r.PeriodKey == key)
            .Select(r => new { r.Id, r.RegionCode, r.Status, r.FirstSubmittedOn }).ToListAsync(ct);
        var ids = reports.Where(r => r.Status != ReportStatus.Draft).Select(r => r.Id).ToList();
        var lines = (await db.Set<ReportLineRow>().AsNoTracking().Where(l => ids.Contains(l.ReportId)).ToListAsync(ct)).ToLookup(l => l.ReportId);

        using var document = new PdfDocument();
        document.Info.Title = $"{Name(regionCode)}{year}年度贯彻落实《关于提高技术工人待遇的意见》情况汇总";
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var title = new XFont(CjkFontResolver.Family, 14, XFontStyleEx.Regular, options);
        var heading = new XFont(CjkFontResolver.Family, 11, XFontStyleEx.Regular, options);
        var body = new XFont(CjkFontResolver.Family, 9, XFontStyleEx.Regular, options);
        PdfPage page = null!;
        XGraphics gfx = null!;
        double y = 0;
        const double Left = 50, Bottom = 800;

        void NewPage()
        {
            gfx?.Dispose();
            page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            y = 50;
        }

        void Line(string text, XFont font, double height, double indent = 0)
        {
            if (y + height > Bottom)
            {
                NewPage();
            }

            gfx.DrawString(text, font, XBrushes.Black, new XPoint(Left + indent, y));
            y += height;
        }

        NewPage();
        Line(document.Info.Title, title, 24);
        Line($"生成日期：{Date(Today)}　　应报地区：{rows.Count}个　　已报送：{reports.Count(r => r.FirstSubmittedOn != null)}个", body, 20);
        foreach (var region in rows)
        {
            var report = reports.FirstOrDefault(r => r.RegionCode == region);
            var state = report is null ? "未填报" : ProgressReportWorkflow.ChineseName(report.Status);
            Line($"{Name(region)}（{state}{(report?.FirstSubmittedOn is { } on ? "，" + Date(on) + "报送" : "")}）", heading, 17);
            if (report is null || report.Status == ReportStatus.Draft)
            {
                continue;
            }

            foreach (var measure in Catalog.All)
            {
                var line = lines[report.Id].FirstOrDefault(l => l.MeasureCode == measure.Code);
                var status = line is null ? "未报送" : MeasureStatuses.ChineseName(line.Status);
                var narrative = line?.Narrative?.Split('\n')[0] ?? "";
                var text = $"{measure.DisplayCode}　{status}　{narrative}";
                Line(text.Length > 48 ? text[..47] + "…" : text, body, 13, 12);
            }
        }

        gfx.Dispose();
        using var output = new MemoryStream();
        document.Save(output, false);
        await db.RecordAsync(new AuditEvent(AuditActions.Export, ReportEntity, null, Detail: $"导出{Name(regionCode)}{year}年度报告汇总（PDF）"), ct);
        return (output.ToArray(), null);
    }
}
