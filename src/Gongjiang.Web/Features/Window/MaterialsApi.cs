using Gongjiang.Core.Window;
using Gongjiang.Web.Features.Window.Data;
using Gongjiang.Web.Features.Window.Requests;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using W = Gongjiang.Web.Features.Window.WindowPermissions;

namespace Gongjiang.Web.Features.Window;

/// <summary>An uploaded material of a request, with its checksum.</summary>
public sealed record MaterialDto(Guid Id, string Code, string Name, string FileName, string Type, long Length, string Sha256, DateTimeOffset UploadedAt, string Download);

/// <summary>A request's materials and the required ones still missing (by name).</summary>
public sealed record MaterialListDto(IReadOnlyList<MaterialDto> Materials, IReadOnlyList<string> Missing);

/// <summary>Material uploads and downloads of a request (API with bearer tokens; the request page posts to its own route).</summary>
internal static class MaterialsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("window/requests", "人才服务窗口：申请材料", W.Requests);
        api.MapPost("/{id:guid}/materials", UploadAsync)
            .WithSummary("上传申请材料：multipart 字段 code（材料代码，见办事指南）和 file；按文件内容核验类型（PDF、OFD、JPG、PNG、DOCX、XLSX），限制大小，记录 SHA-256")
            .WithMetadata(new RequestSizeLimitAttribute(MaterialStore.MaxBytes + (1024 * 1024)))
            .DisableAntiforgery();
        api.MapGet("/{id:guid}/materials", ListAsync).WithSummary("办件的申请材料和尚未提交的必需材料");
        api.MapGet("/{id:guid}/materials/{materialId:guid}", DownloadAsync).WithSummary("下载一份申请材料（记入审计）");

        // The same for the request page (cookie sign-in, antiforgery checked).
        app.MapPost("/window/requests/{id:guid}/materials", UploadFromPageAsync)
            .RequireAuthorization(W.Requests)
            .WithMetadata(new RequestSizeLimitAttribute(MaterialStore.MaxBytes + (1024 * 1024)), new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        app.MapGet("/window/requests/{id:guid}/materials/{materialId:guid}", PageDownloadAsync)
            .RequireAuthorization(W.Requests).ExcludeFromDescription();
    }

    public static MaterialDto ToDto(RequestMaterial m, ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(request);
        var name = MaterialStore.RequiredFor(request).FirstOrDefault(r => r.Code == m.MaterialCode)?.Name ?? m.MaterialCode;
        return new MaterialDto(m.Id, m.MaterialCode, name, m.FileName, MaterialFiles.ChineseName(m.Type), m.Length, m.Sha256, m.UploadedAt,
            $"/api/v1/window/requests/{m.RequestId}/materials/{m.Id}");
    }

    private static async Task<Results<Created<MaterialDto>, ProblemHttpResult>> UploadAsync(Guid id, HttpRequest request, MaterialStore store,
        Platform.Data.GongjiangDbContext db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!request.HasFormContentType)
        {
            errors.Add("file", "请以 multipart/form-data 上传材料（字段 code 和 file）");
            return Problems.Validation(errors);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            errors.Add("file", "材料文件超过上限 20 MB");
            return Problems.Validation(errors);
        }

        var file = form.Files["file"];
        if (file is null)
        {
            errors.Add("file", "请选择要上传的材料文件（字段 file）");
            return Problems.Validation(errors);
        }

        await using var stream = file.OpenReadStream();
        var result = await store.UploadAsync(id, form["code"].ToString(), file.FileName, stream, ct);
        if (!result.IsValid)
        {
            if (result.Reasons is [var only] && only.StartsWith("未找到该办件", StringComparison.Ordinal))
            {
                return Problems.NotFound("办件");
            }

            foreach (var reason in result.Reasons)
            {
                errors.Add(reason.Contains("code", StringComparison.Ordinal) ? "code" : "file", reason);
            }

            return Problems.Validation(errors);
        }

        var owner = await store.RequestAsync(id, ct);
        var dto = ToDto(result.Value!, owner!);
        return TypedResults.Created(dto.Download, dto);
    }

    private static async Task<Results<Ok<MaterialListDto>, ProblemHttpResult>> ListAsync(Guid id, MaterialStore store, CancellationToken ct)
    {
        if (await store.RequestAsync(id, ct) is not { } request)
        {
            return Problems.NotFound("办件");
        }

        var materials = await store.ListAsync(id, ct);
        return TypedResults.Ok(new MaterialListDto([.. materials.Select(m => ToDto(m, request))], await store.MissingAsync(request, ct)));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(Guid id, Guid materialId, MaterialStore store, CancellationToken ct)
    {
        if (await store.OpenAsync(id, materialId, ct) is not { } found)
        {
            return Problems.NotFound("申请材料");
        }

        return TypedResults.File(File.OpenRead(found.Path), MaterialFiles.ContentType(found.Material.Type), found.Material.FileName);
    }

    private static async Task<IResult> PageDownloadAsync(Guid id, Guid materialId, MaterialStore store, CancellationToken ct) =>
        await store.OpenAsync(id, materialId, ct) is { } found
            ? Results.File(found.Path, MaterialFiles.ContentType(found.Material.Type), found.Material.FileName)
            : Results.NotFound();

    private static async Task<IResult> UploadFromPageAsync(Guid id, HttpContext context, MaterialStore store, CancellationToken ct)
    {
        IResult Back(string? message) => Results.LocalRedirect($"/window/requests/{id}" + (message is null ? "?uploaded=1" : "?materialError=" + Uri.EscapeDataString(message)));
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return Back("材料文件超过上限 20 MB");
        }

        var file = form.Files["file"];
        if (file is null || file.Length == 0)
        {
            return Back(file is null ? "请选择要上传的材料文件" : "所选材料文件为空");
        }

        await using var stream = file.OpenReadStream();
        var result = await store.UploadAsync(id, form["code"].ToString(), file.FileName, stream, ct);
        return Back(result.IsValid ? null : result.Error);
    }
}
