using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Export;
using Gongjiang.Web.Platform.Imports;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;

namespace Gongjiang.Web.Features.Skills;

/// <summary>A batch issued: how many certificates and their ids in file order.</summary>
public sealed record BatchIssued(int Issued, IReadOnlyList<Guid> CertificateIds);

/// <summary>The batch-issue endpoints: API (bearer) and the certificates page's form, templates and error report.</summary>
internal static class CertificateBatchEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapCertificateBatch(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("skills/certificate-batches", "证书批量发放", SkillsPermissions.Issue, "按模板批量颁发职业技能等级证书（全部成功或全部不颁发）");
        api.MapPost("/", UploadApi)
            .WithSummary("批量颁发证书：multipart 字段 file（CSV 或 XLSX）和 bodyId（评价机构）；任何一行有误则不颁发任何证书，返回各行错误和错误报告地址")
            .DisableAntiforgery();
        api.MapGet("/errors", (IMemoryCache cache, GongjiangDbContext db, string? token, string? format, CancellationToken ct) => ReportAsync(cache, db, token, format, ct))
            .WithSummary("下载被拒绝的批量发放的错误报告（token 见拒绝答复；format=csv|xlsx；保留1小时）");
        api.MapGet("/template.csv", () => TypedResults.File(ImportTemplates.Csv(CertificateBatch.Schema), "text/csv; charset=utf-8", "证书批量发放模板.csv"))
            .WithSummary("下载证书批量发放模板（CSV）");
        api.MapGet("/template.xlsx", () => TypedResults.File(ImportTemplates.Xlsx(CertificateBatch.Schema), Xlsx, "证书批量发放模板.xlsx"))
            .WithSummary("下载证书批量发放模板（XLSX）");

        // The same for the certificates page (cookie sign-in, antiforgery on the form).
        app.MapPost("/skills/certificates/batch", UploadFromPage)
            .RequireAuthorization(SkillsPermissions.Issue)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        app.MapGet("/skills/certificates/batch/errors", (IMemoryCache cache, GongjiangDbContext db, string? token, string? format, CancellationToken ct) => ReportAsync(cache, db, token, format, ct))
            .RequireAuthorization(SkillsPermissions.Issue).ExcludeFromDescription();
        app.MapGet("/skills/certificates/batch/template.csv", () => TypedResults.File(ImportTemplates.Csv(CertificateBatch.Schema), "text/csv; charset=utf-8", "证书批量发放模板.csv"))
            .RequireAuthorization(SkillsPermissions.Issue).ExcludeFromDescription();
        app.MapGet("/skills/certificates/batch/template.xlsx", () => TypedResults.File(ImportTemplates.Xlsx(CertificateBatch.Schema), Xlsx, "证书批量发放模板.xlsx"))
            .RequireAuthorization(SkillsPermissions.Issue).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<BatchIssued>, ProblemHttpResult>> UploadApi(
        HttpRequest request, GongjiangDbContext db, ISkillCertificateRegistry registry, IMemoryCache cache, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!request.HasFormContentType)
        {
            errors.Add("file", "请以 multipart/form-data 上传文件（字段 file）和评价机构（字段 bodyId）");
            return Problems.Validation(errors);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            errors.Add("file", "文件过大或上传内容不完整");
            return Problems.Validation(errors);
        }

        var file = form.Files["file"];
        if (file is null || file.Length == 0)
        {
            errors.Add("file", file is null ? "请选择要导入的文件（字段 file）" : "文件为空");
        }

        Guid? bodyId = Guid.TryParse(form["bodyId"], out var parsed) ? parsed : null;
        if (bodyId is null)
        {
            errors.Add("bodyId", "评价机构（bodyId）不能为空");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        await using var stream = file!.OpenReadStream();
        var result = await CertificateBatch.IssueAsync(db, registry, cache, stream, file.FileName, bodyId, clock, ct);
        if (result.Succeeded)
        {
            return TypedResults.Ok(new BatchIssued(result.Issued.Count, result.Issued));
        }

        foreach (var problem in result.Problems)
        {
            errors.Add(problem.RowNumber is { } row ? $"rows[{row}]" : "file", Describe(problem));
        }

        return Problems.Validation(errors,
            $"未颁发任何证书，请修改后重新上传。错误报告：/api/v1/skills/certificate-batches/errors?token={result.ReportToken}&format=csv");
    }

    private static async Task<IResult> UploadFromPage(HttpContext context, GongjiangDbContext db, ISkillCertificateRegistry registry, IMemoryCache cache,
        TimeProvider clock, CancellationToken ct)
    {
        static IResult Back(string query) => Results.LocalRedirect("/skills/certificates?" + query + "#batch");
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return Back("batchError=" + Uri.EscapeDataString("文件过大或上传内容不完整"));
        }

        var file = form.Files["file"];
        if (file is null || file.Length == 0)
        {
            return Back("batchError=" + Uri.EscapeDataString(file is null ? "请选择要导入的文件" : "所选文件为空"));
        }

        Guid? bodyId = Guid.TryParse(form["bodyId"], out var parsed) ? parsed : null;
        await using var stream = file.OpenReadStream();
        var result = await CertificateBatch.IssueAsync(db, registry, cache, stream, file.FileName, bodyId, clock, ct);
        return result.Succeeded
            ? Back("batchIssued=" + result.Issued.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : Back("batchReport=" + result.ReportToken);
    }

    /// <summary>One problem as a sentence: 第3行“证书编号”（S…）：… .</summary>
    public static string Describe(ImportProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.RowNumber is not { } row)
        {
            return problem.Message;
        }

        var value = AuditNames.MaskPersonalData(problem.Value);
        return $"第{row}行“{problem.Column}”" + (string.IsNullOrEmpty(value) ? "" : $"（{value}）") + "：" + problem.Message;
    }

    private static async Task<IResult> ReportAsync(IMemoryCache cache, GongjiangDbContext db, string? token, string? format, CancellationToken ct)
    {
        var problems = CertificateBatch.Report(cache, db, token);
        if (problems is null)
        {
            return Problems.NotFound("该错误报告（已过期或不存在）");
        }

        await db.RecordAsync(new AuditEvent(AuditActions.Export, "CertificateBatch", null, Detail: "下载证书批量发放错误报告"), ct);
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        return ImportErrorReport.Download(xlsx ? ExportFormat.Xlsx : ExportFormat.Csv, problems, "证书批量发放错误报告." + (xlsx ? "xlsx" : "csv"), ct);
    }
}
