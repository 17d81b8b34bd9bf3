using Gongjiang.Core.Supervision;
using Gongjiang.Web.Features.Supervision.Data;
using Gongjiang.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Gongjiang.Web.Features.Supervision;

/// <summary>
/// The CJK font of printable exports: Noto Sans CJK SC from Debian's <c>fonts-noto-cjk</c> (the first file of
/// <see cref="Candidates"/> that exists), embedded (subset) into every PDF so it prints the same everywhere.
/// </summary>
internal sealed class CjkFontResolver : IFontResolver
{
    public const string Family = "NotoSansCJK";

    /// <summary>Where Debian and other distributions install Noto Sans CJK; the collection index of its SC face.</summary>
    private static readonly (string Path, int Index)[] Candidates =
    [
        ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
        ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
        ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2),
        ("/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf", 0),
    ];

    private static readonly Lazy<(string Path, int Index)?> Found = new(() => Candidates.FirstOrDefault(c => File.Exists(c.Path)) is { Path: not null } c ? c : null);

    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Installs the resolver once; false (with nothing installed) when the font is missing.</summary>
    public static bool TryInstall()
    {
        if (Found.Value is null)
        {
            return false;
        }

        lock (Gate)
        {
            if (!_installed)
            {
                GlobalFontSettings.FontResolver = new CjkFontResolver();
                _installed = true;
            }
        }

        return true;
    }

    private static readonly Lazy<byte[]?> Face = new(() => Found.Value is { } f ? ExtractFace(File.ReadAllBytes(f.Path), f.Index) : null);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        Found.Value is null ? null : new FontResolverInfo(Family);

    public byte[]? GetFont(string faceName) => Face.Value;

    /// <summary>One face of a font collection (.ttc) as a standalone font: its table directory with the tables it points to.</summary>
    internal static byte[] ExtractFace(byte[] file, int index)
    {
        static uint U32(byte[] b, int at) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at));
        static ushort U16(byte[] b, int at) => System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(at));
        if (file.Length < 12 || U32(file, 0) != 0x74746366) // 'ttcf': a single font already
        {
            return file;
        }

        var start = (int)U32(file, 12 + (4 * index));
        var tables = U16(file, start + 4);
        var headerLength = 12 + (16 * tables);
        var records = Enumerable.Range(0, tables).Select(i => start + 12 + (16 * i))
            .Select(at => (Record: at, Offset: (int)U32(file, at + 8), Length: (int)U32(file, at + 12))).ToList();
        var size = headerLength + records.Sum(r => (r.Length + 3) & ~3);
        var output = new byte[size];
        Array.Copy(file, start, output, 0, 12);
        var position = headerLength;
        for (var i = 0; i < records.Count; i++)
        {
            var (record, offset, length) = records[i];
            Array.Copy(file, record, output, 12 + (16 * i), 16);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(12 + (16 * i) + 8), (uint)position);
            Array.Copy(file, offset, output, position, length);
            position += (length + 3) & ~3;
        }

        return output;
    }
}

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
            return (null, "服务器未安装中文字体（Noto Sans CJK，Debian 软件包 fonts-noto-cjk），无法生成PDF，请联系系统管理员安装后重试。");
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
