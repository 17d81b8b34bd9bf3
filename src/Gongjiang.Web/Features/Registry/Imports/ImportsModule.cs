using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Imports.Reading;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Export;
using Gongjiang.Web.Platform.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry.Imports;

/// <summary>Roster and honours imports: API, error report, templates (page and API share <see cref="ImportService"/>).</summary>
internal static class ImportsModule
{
    /// <summary>
    /// The largest upload (512 MB, a million-row roster fits). ASP.NET Core buffers a form's file to a temporary file on
    /// disk (above 64 KB), and the import copies it once more to hash it and read it as a stream: memory does not grow
    /// with the size.
    /// </summary>
    public static readonly long MaxUploadBytes = ImportReadOptions.Default.MaxBytes;

    public static IServiceCollection AddRegistryImports(this IServiceCollection services)
    {
        services.AddScoped<ImportService>();
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxUploadBytes + (1024 * 1024));
        return services;
    }

    public static IEndpointRouteBuilder MapRegistryImports(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("registry/imports", "人员名册与荣誉名单导入", Permissions.RegistryImport);
        api.MapPost("/", Upload)
            .WithSummary("导入人员名册（kind=roster）或荣誉名单（kind=honours）：multipart 字段 file；可选 encoding=utf-8|gbk|gb18030")
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes + (1024 * 1024)))
            .DisableAntiforgery();
        api.MapGet("/{id:guid}", Get).WithSummary("查看一次导入的结果");
        api.MapGet("/{id:guid}/errors.csv", (Guid id, GongjiangDbContext db, CancellationToken ct) => ErrorReport(id, db, ct)).WithSummary("下载错误报告（行号、列、值、原因）");
        api.MapGet("/templates/{kind}.{format}", Template).WithSummary("下载导入模板（kind=roster|honours，format=csv|xlsx）").AllowAnonymous();

        // The same downloads for the pages (cookie sign-in).
        app.MapGet("/registry/imports/{id:guid}/errors.csv", (Guid id, GongjiangDbContext db, CancellationToken ct) => ErrorReport(id, db, ct))
            .RequireAuthorization(Permissions.RegistryImport).ExcludeFromDescription();
        app.MapGet("/registry/imports/templates/{kind}.{format}", Template).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/registry/imports/upload", UploadFromPage)
            .RequireAuthorization(Permissions.RegistryImport)
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes + (1024 * 1024)), new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The page's form posts here (cookie sign-in, antiforgery checked); the result page shows the import.</summary>
    private static async Task<IResult> UploadFromPage(HttpContext context, GongjiangDbContext db, ImportService imports, CancellationToken ct)
    {
        static IResult Back(string message) => Results.LocalRedirect("/registry/imports?error=" + Uri.EscapeDataString(message));
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return Back($"文件超过上限 {TempUpload.FormatSize(MaxUploadBytes, oneDecimal: false)}，请拆分后分批导入");
        }

        var kind = ParseKind(form["kind"]);
        if (kind is null)
        {
            return Back("请选择导入类型");
        }

        if (kind == ImportKind.Honours && !db.Actor.Can(Permissions.RegistryImportHonours))
        {
            return Back("荣誉名单由窗口经办人导入，您的角色只能导入本单位人员名册");
        }

        var file = form.Files["file"];
        if (file is null || file.Length == 0)
        {
            return Back(file is null ? "请选择要导入的文件" : "所选文件为空");
        }

        var encoding = form["encoding"].ToString();
        await using var stream = file.OpenReadStream();
        var summary = await imports.RunAsync(stream, file.FileName, kind.Value, encoding is "" or "auto" ? null : encoding, ct);
        return Results.LocalRedirect($"/registry/imports/{summary.Id}");
    }

    public static ImportKind? ParseKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "roster" or "人员名册" => ImportKind.Roster,
        "honours" or "honors" or "荣誉名单" => ImportKind.Honours,
        _ => null,
    };

    private static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> Upload(
        HttpRequest request, GongjiangDbContext db, ImportService imports, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!request.HasFormContentType)
        {
            errors.Add("file", "请以 multipart/form-data 上传文件（字段 file）");
            return Problems.Validation(errors);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            errors.Add("file", $"文件超过上限 {TempUpload.FormatSize(MaxUploadBytes, oneDecimal: false)}，或上传内容不完整");
            return Problems.Validation(errors);
        }

        var kind = ParseKind(form["kind"]);
        if (kind is null)
        {
            errors.Add("kind", "导入类型（kind）应为 roster（人员名册）或 honours（荣誉名单）");
        }
        else if (kind == ImportKind.Honours && !db.Actor.Can(Permissions.RegistryImportHonours))
        {
            errors.Add("kind", "荣誉名单由窗口经办人导入，您的角色只能导入本单位人员名册");
        }

        var file = form.Files["file"];
        if (file is null || file.Length == 0)
        {
            errors.Add("file", file is null ? "请选择要导入的文件（字段 file）" : "文件为空");
        }
        else if (file.Length > MaxUploadBytes)
        {
            errors.Add("file", $"文件大小 {TempUpload.FormatSize(file.Length, oneDecimal: true)} 超过上限 {TempUpload.FormatSize(MaxUploadBytes, oneDecimal: false)}，请拆分后分批导入");
        }

        var encoding = form["encoding"].ToString();
        if (encoding.Length > 0 && encoding.ToLowerInvariant() is not ("utf-8" or "utf8" or "gbk" or "gb18030" or "auto"))
        {
            errors.Add("encoding", "编码（encoding）应为 utf-8、gbk 或 gb18030，不填则自动识别");
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        await using var stream = file!.OpenReadStream();
        var summary = await imports.RunAsync(stream, file.FileName, kind!.Value, encoding is "" or "auto" ? null : encoding, ct);
        if (summary.FileError is not null)
        {
            errors.Add("file", summary.FileError);
            return Problems.Validation(errors, "文件无法导入，未作任何更改。");
        }

        return TypedResults.Ok(summary);
    }

    private static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> Get(Guid id, GongjiangDbContext db, CancellationToken ct)
    {
        var import = await db.Set<RegistryImport>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null)
        {
            return Problems.NotFound("该导入记录");
        }

        var errors = await db.Set<ImportError>().AsNoTracking().Where(e => e.ImportId == id).OrderBy(e => e.Row).Take(ImportService.ErrorsInAnswer)
            .Select(e => new ImportErrorDto(e.Row, e.Column, e.Value, e.Message)).ToListAsync(ct);
        return TypedResults.Ok(new ImportSummary(import.Id, import.Kind == ImportKind.Roster ? "roster" : "honours", import.Accepted, import.Rejected,
            import.Duplicates, import.Unchanged, import.FileError, errors));
    }

    /// <summary>错误报告: UTF-8 CSV with BOM, every problem of the import (row, column, value, reason), audited as an export.</summary>
    public static async Task<IResult> ErrorReport(Guid id, GongjiangDbContext db, CancellationToken ct)
    {
        // The import is read through the scope filter; its errors only through it.
        var import = await db.Set<RegistryImport>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null)
        {
            return Problems.NotFound("该导入记录");
        }

        await db.RecordAsync(new AuditEvent(AuditActions.Export, nameof(RegistryImport), id.ToString(), Detail: "下载导入错误报告"), ct);
        var lines = db.Set<ImportError>().AsNoTracking().Where(e => e.ImportId == id).OrderBy(e => e.Row).ThenBy(e => e.Id)
            .Select(e => new ErrorReportLine(e.Row, e.Column, e.Value, e.Message, e.IsDuplicate)).AsAsyncEnumerable();
        if (import.FileError is not null)
        {
            lines = lines.Prepend(new ErrorReportLine(null, "文件", null, import.FileError, null));
        }

        return TableDownload.Csv(ErrorReportTable.Sheet("错误报告", lines),
            $"导入错误报告-{import.CreatedAt.ToOffset(Gongjiang.Web.Platform.ChinaTime.Offset):yyyyMMdd-HHmmss}.csv", ct);
    }

    /// <summary>One line of the error report; a problem with the whole file has no row and no kind of duplicate.</summary>
    private sealed record ErrorReportLine(int? Row, string Column, string? Value, string Message, bool? IsDuplicate);

    /// <summary>The columns of the error report; values of personal columns are masked.</summary>
    private static readonly TableExport<ErrorReportLine> ErrorReportTable = new(
        new("行号", e => e.Row),
        new("列", e => e.Column),
        new("值", e => e.Row is null ? null : ImportErrorText.Mask(e.Column, e.Value)),
        new("原因", e => e.Message),
        new("类型", e => e.IsDuplicate switch { true => "重复", false => "错误", null => "文件错误" }));

    private static Results<FileContentHttpResult, ProblemHttpResult> Template(string kind, string format)
    {
        var parsed = ParseKind(kind);
        if (parsed is null || format.ToLowerInvariant() is not ("csv" or "xlsx"))
        {
            return Problems.NotFound("该模板（kind 应为 roster 或 honours，格式应为 csv 或 xlsx）");
        }

        var name = ImportColumns.ChineseName(parsed.Value) + "导入模板." + format.ToLowerInvariant();
        return format.Equals("csv", StringComparison.OrdinalIgnoreCase)
            ? TypedResults.File(ImportTemplates.Csv(parsed.Value), "text/csv; charset=utf-8", name)
            : TypedResults.File(ImportTemplates.Xlsx(parsed.Value), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}
