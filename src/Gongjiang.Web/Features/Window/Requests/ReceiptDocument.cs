using Gongjiang.Core.Reference;
using Gongjiang.Core.Window;
using Gongjiang.Web.Features.Skills;
using Gongjiang.Web.Features.Window.Catalogue;
using Gongjiang.Web.Features.Window.Data;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Gongjiang.Web.Features.Window.Requests;

/// <summary>A 受理回执 ready to download, or the Chinese reason it cannot be made (<see cref="Error"/>).</summary>
public sealed record Receipt(byte[]? Pdf, string FileName, string? Error);

/// <summary>
/// The printable 受理回执 (issue 12, Deliver 2) of an accepted request: receipt number (办件编号), the applicant's masked
/// name, the items, the responsible and co-operating departments, the acceptance date, the committed and statutory
/// due dates as of today (or that the clock is paused for 补正), and a QR code to the public progress page
/// <c>/window/progress?receipt=…</c>. A4, the CJK font embedded (<see cref="CjkFontResolver"/>). Only the applicant
/// (the worker, or the employer of the enterprise) and the window clerk of the jurisdiction may download it; every
/// download is audited.
/// </summary>
public sealed class ReceiptDocument(RequestService requests, GongjiangDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The receipt of request <paramref name="id"/>; null when the request is unknown, outside the caller's scope, not
    /// the caller's to print, or not accepted yet. <paramref name="progressUrl"/> makes the absolute address of the public
    /// progress page for a receipt number (the QR code's link).
    /// </summary>
    public async Task<Receipt?> CreateAsync(Guid id, Func<string, string> progressUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(progressUrl);
        var view = await requests.ViewAsync(id, ct);
        if (view is null || view.Request.AcceptedOn is null || !MayPrint(db.Actor, view.Request))
        {
            return null;
        }

        var r = view.Request;
        var fileName = $"受理回执-{r.ReceiptNumber}.pdf";
        if (!CjkFontResolver.TryInstall())
        {
            return new Receipt(null, fileName, CjkFontResolver.MissingMessage);
        }

        var pdf = Render(view, progressUrl("/window/progress?receipt=" + Uri.EscapeDataString(r.ReceiptNumber)), ChinaTime.Today(clock));
        await db.RecordAsync(new AuditEvent(AuditActions.Export, nameof(ServiceRequest), r.Id.ToString(), Detail: "下载受理回执：" + r.ReceiptNumber), ct);
        return new Receipt(pdf, fileName, null);
    }

    /// <summary>The applicant (the worker themself, or the employer of the request's enterprise) and the window clerk.</summary>
    public static bool MayPrint(Actor actor, ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        return actor.Role switch
        {
            Roles.Clerk => true,
            Roles.Worker => actor.PersonId == request.PersonId,
            Roles.Employer => actor.EnterpriseId == request.EnterpriseId,
            _ => false,
        };
    }

    private static byte[] Render(RequestView view, string link, DateOnly today)
    {
        var r = view.Request;
        var items = r.ItemCodes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ServiceCatalogue.Find).OfType<ServiceItem>().ToList();
        var responsible = view.Tasks.Count > 0
            ? view.Tasks.Select(t => Departments.Find(t.DepartmentCode)?.Name ?? t.DepartmentCode).Distinct(StringComparer.Ordinal).ToList()
            : [.. items.Select(i => i.Department.Name).Distinct(StringComparer.Ordinal)];
        var cooperating = items.SelectMany(i => i.CoDepartments).Select(d => d.Name).Distinct(StringComparer.Ordinal).Except(responsible, StringComparer.Ordinal).ToList();

        using var document = new PdfDocument();
        document.Info.Title = "高技能领军人才服务窗口受理回执 " + r.ReceiptNumber;
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var title = new XFont(CjkFontResolver.Family, 18, XFontStyleEx.Regular, options);
        var label = new XFont(CjkFontResolver.Family, 11, XFontStyleEx.Regular, options);
        var small = new XFont(CjkFontResolver.Family, 9, XFontStyleEx.Regular, options);
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            const double Left = 60, LabelWidth = 110, Right = 535;
            double y = 70;
            gfx.DrawString("高技能领军人才服务窗口", label, XBrushes.Black, new XRect(0, y - 22, page.Width.Point, 20), XStringFormats.TopCenter);
            gfx.DrawString("受理回执", title, XBrushes.Black, new XRect(0, y, page.Width.Point, 26), XStringFormats.TopCenter);
            y += 50;

            void Row(string name, string value)
            {
                gfx.DrawString(name, label, XBrushes.Black, new XPoint(Left, y));
                foreach (var line in Wrap(value, 30))
                {
                    gfx.DrawString(line, label, XBrushes.Black, new XPoint(Left + LabelWidth, y));
                    y += 20;
                }

                y += 4;
            }

            string Due(Deadline? d) => d is null ? "—"
                : $"{d.Limit.WorkingDays}个工作日，" + (d.DueOn is { } due ? RequestService.Format(due) + "前" : "补正期间暂停计算，补正材料收到后恢复")
                  + (d.Provisional ? "（日历未收录的年份按周一至周五计算，仅供参考）" : "");

            Row("办件编号", r.ReceiptNumber);
            Row("申请人", PublicVerification.MaskName(r.ApplicantName));
            Row("办理事项", string.Join("、", items.Select(i => i.Name)));
            Row("办理部门", string.Join("、", responsible));
            if (cooperating.Count > 0)
            {
                Row("协办部门", string.Join("、", cooperating));
            }

            Row("申请方式", r.Channel + "，" + RequestService.Format(r.FiledOn) + "提交");
            Row("受理日期", RequestService.Format(r.AcceptedOn!.Value));
            Row("承诺办结时限", Due(view.Committed));
            Row("法定办结时限", Due(view.Statutory));
            Row("当前状态", PublicProgress.Status(r.Status, r.Outcome));
            y += 10;

            // The QR code, drawn module by module (vector, sharp at any print size).
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
            var modules = data.ModuleMatrix;
            const double Size = 130;
            var cell = Size / modules.Count;
            for (var row = 0; row < modules.Count; row++)
            {
                for (var column = 0; column < modules[row].Count; column++)
                {
                    if (modules[row][column])
                    {
                        gfx.DrawRectangle(XBrushes.Black, Left + (column * cell), y + (row * cell), cell + 0.05, cell + 0.05);
                    }
                }
            }

            // The same link, clickable in a PDF viewer.
            page.AddWebLink(new PdfRectangle(new XRect(Left, page.Height.Point - y - Size, Size, Size)), link);

            var textLeft = Left + Size + 16;
            var textY = y + 24;
            foreach (var line in new[] { "扫描二维码查询办理进度，", "或登录工匠平台“办件进度查询”，", "输入办件编号和申请人姓名查询。" })
            {
                gfx.DrawString(line, label, XBrushes.Black, new XPoint(textLeft, textY));
                textY += 20;
            }

            foreach (var line in Wrap(link, 60))
            {
                gfx.DrawString(line, small, XBrushes.Black, new XPoint(textLeft, textY + 4));
                textY += 14;
            }

            y += Size + 30;
            gfx.DrawLine(XPens.Gray, Left, y, Right, y);
            y += 20;
            foreach (var line in new[]
            {
                "时限以工作日计算，国家法定节假日不计入，调休上班日计入；补正期间暂停计算，自收到补正材料之日起恢复。",
                "本回执依据《关于提高技术工人待遇的意见》（人社部发〔2018〕24号）三（一）设立的高技能领军人才服务窗口出具。",
                "打印日期：" + RequestService.Format(today),
            })
            {
                foreach (var part in Wrap(line, 44))
                {
                    gfx.DrawString(part, small, XBrushes.Black, new XPoint(Left, y));
                    y += 15;
                }
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>Splits a text into lines of at most <paramref name="width"/> characters (CJK text has no spaces to break at).</summary>
    private static IEnumerable<string> Wrap(string text, int width)
    {
        for (var at = 0; at < text.Length; at += width)
        {
            yield return text.Substring(at, Math.Min(width, text.Length - at));
        }

        if (text.Length == 0)
        {
            yield return "";
        }
    }
}
