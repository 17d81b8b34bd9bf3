using System.Globalization;
using Gongjiang.Core.Supervision;
using Gongjiang.Web.Features.Supervision.Data;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using P = Gongjiang.Web.Features.Supervision.SupervisionPermissions;

namespace Gongjiang.Web.Features.Supervision;

/// <summary>The matrix API of issue 13: <c>{"year","measures":[{"code","name"}],"regions":[{"code","name","cells":[…]}]}</c>.</summary>
public sealed record MatrixDto(int Year, string Region, string RegionName, IReadOnlyList<MatrixMeasureDto> Measures, IReadOnlyList<MatrixRegionDto> Regions);

public sealed record MatrixMeasureDto(string Code, string Name);

public sealed record MatrixRegionDto(string Code, string Name, string? ReportPeriod, IReadOnlyList<MatrixCellDto> Cells);

/// <summary>A cell: <c>status</c> is NotReported | NotStarted | InProgress | Completed, <c>statusText</c> its Chinese name.</summary>
public sealed record MatrixCellDto(string Measure, string Status, string StatusText, int Documents, bool Overdue);

public sealed record CreateReportRequest(string? Period);

public sealed record ReportLineRequest(string? Measure, string? Status, string? Narrative);

public sealed record SaveReportRequest(IReadOnlyList<ReportLineRequest>? Lines, string? Summary, bool Submit);

public sealed record ReasonRequest(string? Reason);

public sealed record ReportDto(Guid Id, string Region, string RegionName, string Period, string PeriodName, string Status, string StatusText,
    DateOnly? FirstSubmittedOn, string? ReturnReason, IReadOnlyList<ReportLineDto> Lines, IReadOnlyList<IndicatorDto> Indicators, string? Summary);

public sealed record ReportLineDto(string Measure, string Status, string StatusText, string? Narrative);

public sealed record IndicatorDto(string Code, string Name, decimal Value, string Unit);

internal static class SupervisionEndpoints
{
    public static void MapSupervision(this IEndpointRouteBuilder app)
    {
        var bearer = IdentityConstants.BearerScheme;
        var api = app.MapApiGroup("supervision", "督查", P.View);
        api.MapGet("/matrix", Matrix).RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = bearer, Policy = P.Review })
            .WithSummary("地区×政策措施矩阵（year=年度，region=行政区划代码，默认本辖区；只能查看管辖范围内的地区）");
        api.MapGet("/year-end.xlsx", (int? year, string? region, SupervisionService s, HttpContext h, CancellationToken ct) => ExportXlsx(year, region, s, ct))
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = bearer, Policy = P.Review })
            .WithSummary("年度报告汇总导出（XLSX，流式生成）");
        api.MapPost("/reports", CreateReport).RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = bearer, Policy = P.File })
            .WithSummary("新建本地区的进展报告（period：2026-Q1、2026-H1 或 2026）");
        api.MapGet("/reports/{id:guid}", async Task<Results<Ok<ReportDto>, ProblemHttpResult>> (Guid id, SupervisionService s, CancellationToken ct) =>
            await ReportDtoAsync(s, id, ct) is { } dto ? TypedResults.Ok(dto) : Problems.NotFound("该进展报告")).WithSummary("一份进展报告");
        api.MapPut("/reports/{id:guid}", SaveReport).RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = bearer, Policy = P.File })
            .WithSummary("修改进展报告（lines：measure、status=NotStarted|InProgress|Completed、narrative；submit=true 时提交上级）");
        api.MapPost("/reports/{id:guid}/accept", (Guid id, SupervisionService s, CancellationToken ct) => Decide(s, id, ReportAction.Accept, null, ct))
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = bearer, Policy = P.Review }).WithSummary("上级接收进展报告");
        api.MapPost("/reports/{id:guid}/return", (Guid id, ReasonRequest request, SupervisionService s, CancellationToken ct) => Decide(s, id, ReportAction.Return, request.Reason, ct))
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = bearer, Policy = P.Review }).WithSummary("上级退回修改（reason 不少于5个字）");
        api.MapPost("/documents", FileDocumentApi).RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = bearer, Policy = P.File }).DisableAntiforgery()
            .WithSummary("报送配套文件（multipart：title、number、issuer、issuedOn、measures（可多个）、attachment）");
        api.MapGet("/documents/{id:guid}/attachment", Attachment).WithSummary("下载配套文件附件（校验 SHA-256）");

        // Downloads for the pages (cookie sign-in).
        app.MapGet("/supervision/documents/{id:guid}/attachment", Attachment).RequireAuthorization(P.View).ExcludeFromDescription();
        app.MapGet("/supervision/export/year-end.xlsx", (int? year, string? region, SupervisionService s, CancellationToken ct) => ExportXlsx(year, region, s, ct))
            .RequireAuthorization(P.Review).ExcludeFromDescription();
        app.MapGet("/supervision/export/year-end.pdf", (int? year, string? region, SupervisionService s, CancellationToken ct) => ExportPdf(year, region, s, ct))
            .RequireAuthorization(P.Review).ExcludeFromDescription();
        app.MapGet("/supervision/supervision.css", () => Results.Text(SupervisionStyles.Css, "text/css; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>The year and region asked for, checked: a year 2018–this year, a region in the actor's jurisdiction (else 403).</summary>
    internal static (int Year, string Region, ProblemHttpResult? Problem) Query(SupervisionService s, int? year, string? region)
    {
        var errors = new FieldErrors();
        var y = year ?? s.Today.Year;
        if (y < SupervisionDashboard.FirstYear || y > s.Today.Year)
        {
            errors.Add("year", $"年份（year）应在{SupervisionDashboard.FirstYear}年至{s.Today.Year}年之间");
        }

        var code = string.IsNullOrWhiteSpace(region) ? s.OwnRegion : region.Trim();
        if (!SupervisionService.Hierarchy.TakesPart(code))
        {
            errors.Add("region", $"行政区划（region）“{code}”不存在或不在报送范围内");
        }
        else if (!s.Actor.Jurisdiction.Contains(code))
        {
            return (y, code, Problems.Forbidden($"{SupervisionService.Name(code)}不在您的管辖范围（{SupervisionService.Name(s.OwnRegion)}）内，不能查看。"));
        }

        return errors.IsEmpty ? (y, code, null) : (y, code, Problems.Validation(errors));
    }

    private static async Task<Results<Ok<MatrixDto>, ProblemHttpResult>> Matrix(int? year, string? region, SupervisionService s, CancellationToken ct)
    {
        var (y, code, problem) = Query(s, year, region);
        if (problem is not null)
        {
            return problem;
        }

        var matrix = await s.MatrixAsync(y, code, ct);
        if (!matrix.IsValid)
        {
            var errors = new FieldErrors();
            matrix.Reasons.ToList().ForEach(r => errors.Add(r.StartsWith("年份", StringComparison.Ordinal) ? "year" : "region", r));
            return Problems.Validation(errors);
        }

        var m = matrix.Value!;
        return TypedResults.Ok(new MatrixDto(m.Year, m.RegionCode, m.RegionName,
            [.. m.Measures.Select(x => new MatrixMeasureDto(x.Code, x.Name))],
            [.. m.Regions.Select(r => new MatrixRegionDto(r.Code, r.Name, r.ReportPeriod?.Key,
                [.. r.Cells.Select(c => new MatrixCellDto(c.Measure, c.Status.ToString(), c.StatusText, c.Documents, c.Overdue))]))]));
    }

    private static async Task<IResult> ExportXlsx(int? year, string? region, SupervisionService s, CancellationToken ct)
    {
        var (y, code, problem) = Query(s, year, region);
        if (problem is not null)
        {
            return problem;
        }

        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            await s.WriteYearEndXlsxAsync(y, code, file, ct);
            file.Position = 0;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        var name = $"{SupervisionService.ShortName(code)}{y}年度报告汇总.xlsx";
        return TypedResults.File(file, SupervisionService.XlsxType, name);
    }

    private static async Task<IResult> ExportPdf(int? year, string? region, SupervisionService s, CancellationToken ct)
    {
        var (y, code, problem) = Query(s, year, region);
        if (problem is not null)
        {
            return problem;
        }

        var (bytes, error) = await s.YearEndPdfAsync(y, code, ct);
        if (bytes is null)
        {
            return Results.Problem(new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "无法生成PDF", Detail = error });
        }

        return TypedResults.File(bytes, "application/pdf", $"{SupervisionService.ShortName(code)}{y}年度报告汇总.pdf");
    }

    private static async Task<IResult> Attachment(Guid id, SupervisionService s, AttachmentStore store, CancellationToken ct)
    {
        var document = await s.Db.Set<DocumentRow>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document?.AttachmentSha256 is null)
        {
            return Problems.NotFound("该配套文件的附件");
        }

        var stream = await store.OpenVerifiedAsync(id, document.AttachmentSha256, ct);
        if (stream is null)
        {
            return Problems.Conflict("附件校验失败（SHA-256 不符或文件缺失），文件可能已损坏或被改动，请联系系统管理员。");
        }

        await s.Db.RecordAsync(new AuditEvent(AuditActions.Export, SupervisionService.DocumentEntity, id.ToString(), Detail: "下载配套文件附件：" + document.Number), ct);
        return TypedResults.File(stream, document.AttachmentType ?? "application/octet-stream", document.AttachmentName);
    }

    private static async Task<Results<Created<ReportDto>, ProblemHttpResult>> CreateReport(CreateReportRequest request, SupervisionService s, CancellationToken ct)
    {
        var (id, errors) = await s.CreateReportAsync(request.Period, ct);
        if (id is null)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Created($"/api/v1/supervision/reports/{id}", (await ReportDtoAsync(s, id.Value, ct))!);
    }

    private static async Task<Results<Ok<ReportDto>, ProblemHttpResult>> SaveReport(Guid id, SaveReportRequest request, SupervisionService s, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var lines = new List<LineInput>();
        foreach (var line in request.Lines ?? [])
        {
            MeasureStatus? status = null;
            if (!string.IsNullOrWhiteSpace(line.Status))
            {
                if (ParseStatus(line.Status) is { } parsed)
                {
                    status = parsed;
                }
                else
                {
                    errors.Add("lines", $"政策措施“{line.Measure}”的进展状态“{line.Status}”无效，应为 NotStarted（未启动）、InProgress（推进中）或 Completed（已完成）");
                }
            }

            lines.Add(new LineInput(line.Measure ?? "", status, line.Narrative));
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var result = await s.SaveReportAsync(id, new ReportInput(lines, request.Summary), request.Submit, ct);
        if (result is null)
        {
            return Problems.NotFound("该进展报告");
        }

        return result.IsEmpty ? TypedResults.Ok((await ReportDtoAsync(s, id, ct))!) : Problems.Validation(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Decide(SupervisionService s, Guid id, ReportAction action, string? reason, CancellationToken ct) =>
        await s.DecideReportAsync(id, action, reason, ct) switch
        {
            null => Problems.NotFound("该进展报告"),
            { IsEmpty: true } => TypedResults.NoContent(),
            var errors => Problems.Validation(errors),
        };

    private static async Task<Results<Created, ProblemHttpResult>> FileDocumentApi(HttpRequest request, SupervisionService s, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            var errors = new FieldErrors();
            errors.Add("body", "请以 multipart/form-data 提交（title、number、issuer、issuedOn、measures、attachment）");
            return Problems.Validation(errors);
        }

        var form = await request.ReadFormAsync(ct);
        var (input, attachment, inputErrors) = DocumentForm.Read(form);
        if (!inputErrors.IsEmpty)
        {
            return Problems.Validation(inputErrors);
        }

        var (id, fileErrors) = await s.FileDocumentAsync(input, attachment, ct);
        return id is null ? Problems.Validation(fileErrors) : TypedResults.Created($"/api/v1/supervision/documents/{id}");
    }

    internal static MeasureStatus? ParseStatus(string? text) => text?.Trim() switch
    {
        "NotStarted" or "1" or "未启动" => MeasureStatus.NotStarted,
        "InProgress" or "2" or "推进中" => MeasureStatus.InProgress,
        "Completed" or "3" or "已完成" => MeasureStatus.Completed,
        _ => null,
    };

    internal static async Task<ReportDto?> ReportDtoAsync(SupervisionService s, Guid id, CancellationToken ct)
    {
        var report = await s.Db.Set<ReportRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return null;
        }

        var lines = await s.Db.Set<ReportLineRow>().AsNoTracking().Where(l => l.ReportId == id).ToListAsync(ct);
        var values = await s.Db.Set<ReportIndicatorRow>().AsNoTracking().Where(v => v.ReportId == id).ToListAsync(ct);
        var period = SupervisionService.PeriodOf(report);
        return new ReportDto(report.Id, report.RegionCode, report.RegionName, report.PeriodKey, period.DisplayName, report.Status.ToString(),
            ProgressReportWorkflow.ChineseName(report.Status), report.FirstSubmittedOn, report.ReturnReason,
            [.. SupervisionService.Catalog.All.Select(m => lines.FirstOrDefault(l => l.MeasureCode == m.Code)).Where(l => l is not null)
                .Select(l => new ReportLineDto(l!.MeasureCode, l.Status.ToString(), MeasureStatuses.ChineseName(l.Status), l.Narrative))],
            [.. values.Select(v => new IndicatorDto(v.Code, s.Indicators.Find(v.Code)?.Name ?? v.Code, v.Value, s.Indicators.Find(v.Code)?.Unit ?? ""))],
            report.Summary);
    }
}

/// <summary>Reads an implementing document from a submitted form (the page and the API share it).</summary>
internal static class DocumentForm
{
    public static (Gongjiang.Core.Supervision.ImplementingDocumentInput Input, AttachmentUpload? Attachment, FieldErrors Errors) Read(IFormCollection form)
    {
        var errors = new FieldErrors();
        DateOnly? issuedOn = null;
        var issuedText = form["issuedOn"].ToString().Trim();
        if (issuedText.Length > 0)
        {
            if (DateOnly.TryParseExact(issuedText, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                issuedOn = parsed;
            }
            else
            {
                errors.Add("issuedOn", $"成文日期“{issuedText}”格式不正确，应如 2019-03-15");
            }
        }

        var measures = form["measures"].SelectMany(m => (m ?? "").Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var file = form.Files["attachment"];
        var attachment = file is { Length: > 0 } f ? new AttachmentUpload(f.FileName, f.ContentType, f.Length, f.OpenReadStream) : null;
        return (new Gongjiang.Core.Supervision.ImplementingDocumentInput(form["title"], form["number"], form["issuer"], issuedOn, measures), attachment, errors);
    }
}
