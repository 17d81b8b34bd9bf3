using System.IO.Compression;
using System.Security.Cryptography;
using Gongjiang.Core.Common;
using Gongjiang.Core.Window;
using Gongjiang.Web.Features.Window.Catalogue;
using Gongjiang.Web.Features.Window.Data;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Window.Requests;

/// <summary>A stored material ready to be served: its record and the file on disk.</summary>
public sealed record MaterialDownload(RequestMaterial Material, string Path);

/// <summary>
/// Material uploads of a request (申请材料): each file is streamed to a temporary file in the materials folder while its
/// SHA-256 and size are computed, checked by content with Core's <see cref="MaterialFiles"/> (an .exe renamed .pdf is
/// refused with a Chinese message naming the file; ZIP-based types are confirmed on their entries), then kept under its
/// hash in <c>Window:MaterialFolder</c> (default <c>&lt;data folder&gt;/window-materials</c>, outside the web root).
/// Uploads and downloads are limited to those who may see the request (the scope filter); downloads are audited.
/// </summary>
public sealed class MaterialStore(GongjiangDbContext db, PlatformSettings settings, IConfiguration configuration, TimeProvider clock)
{
    /// <summary>The largest file the endpoints accept (Core's document limit; images are limited lower by Core).</summary>
    public static readonly long MaxBytes = MaterialLimits.Default.MaxDocumentBytes;

    private Actor Actor => db.Actor;

    /// <summary>Where materials are kept.</summary>
    public string Folder => configuration["Window:MaterialFolder"] is { Length: > 0 } configured
        ? Path.GetFullPath(configured, settings.DataFolder)
        : Path.Combine(settings.DataFolder, "window-materials");

    /// <summary>The required materials of a request's items (each code once, in the items' order).</summary>
    public static IReadOnlyList<RequiredMaterial> RequiredFor(ServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return [.. request.ItemCodes.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(ServiceCatalogue.Find).OfType<ServiceItem>()
            .SelectMany(i => i.Materials).DistinctBy(m => m.Code)];
    }

    /// <summary>A request in the caller's scope, or null.</summary>
    public Task<ServiceRequest?> RequestAsync(Guid requestId, CancellationToken ct) =>
        db.Set<ServiceRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);

    /// <summary>The materials uploaded to a request in scope (oldest first).</summary>
    public async Task<IReadOnlyList<RequestMaterial>> ListAsync(Guid requestId, CancellationToken ct) =>
        await db.Set<RequestMaterial>().AsNoTracking().Where(m => m.RequestId == requestId).OrderBy(m => m.UploadedAt).ToListAsync(ct);

    /// <summary>The names of the request's required materials not yet uploaded (<see cref="MaterialFiles.Missing"/>).</summary>
    public async Task<IReadOnlyList<string>> MissingAsync(ServiceRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var codes = await db.Set<RequestMaterial>().Where(m => m.RequestId == request.Id).Select(m => m.MaterialCode).Distinct().ToListAsync(ct);
        return MaterialFiles.Missing(RequiredFor(request), codes);
    }

    /// <summary>
    /// Uploads one material of a request: the applicant (worker), the employer or a window clerk may upload while the
    /// request is open. Every refusal is a Chinese message naming the file or the field.
    /// </summary>
    public async Task<Result<RequestMaterial>> UploadAsync(Guid requestId, string? materialCode, string? fileName, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (Actor.Role is not (Roles.Worker or Roles.Employer or Roles.Clerk))
        {
            return Result<RequestMaterial>.Fail("只有申请人、用人单位经办人或窗口经办人可以上传申请材料");
        }

        var request = await db.Set<ServiceRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || (Actor.Role == Roles.Worker && request.PersonId != Actor.PersonId))
        {
            return Result<RequestMaterial>.Fail("未找到该办件，或该办件不在您的办理范围内");
        }

        if (request.Status is ServiceRequestStatus.Closed or ServiceRequestStatus.Rated or ServiceRequestStatus.NotAccepted or ServiceRequestStatus.Withdrawn)
        {
            return Result<RequestMaterial>.Fail("该办件已办结、不予受理或已撤回，不能再上传材料");
        }

        var required = RequiredFor(request);
        var material = required.FirstOrDefault(m => string.Equals(m.Code, materialCode?.Trim(), StringComparison.Ordinal));
        if (material is null)
        {
            return Result<RequestMaterial>.Fail("材料名称（code）不是该办件所需的材料，应为：" + string.Join("、", required.Select(m => $"{m.Name}（{m.Code}）")));
        }

        var folder = Folder;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, "upload-" + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            long size = 0;
            string sha;
            CheckedMaterial checkedFile;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > MaxBytes)
                    {
                        // Let Core word the refusal with the file's name and the limit.
                        var tooBig = MaterialFiles.Check(fileName, size, buffer.AsSpan(0, Math.Min(read, MaterialFiles.HeaderLength)));
                        return tooBig.IsValid ? Result<RequestMaterial>.Fail($"材料文件“{Path.GetFileName(fileName)}”超过上限") : Result<RequestMaterial>.Fail(tooBig.Reasons);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
                file.Position = 0;
                var header = new byte[MaterialFiles.HeaderLength];
                var headerLength = await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
                var check = MaterialFiles.Check(fileName, size, header.AsSpan(0, headerLength));
                if (!check.IsValid)
                {
                    return Result<RequestMaterial>.Fail(check.Reasons);
                }

                checkedFile = check.Value!;
                if (checkedFile.Type is MaterialFileType.Ofd or MaterialFileType.Docx or MaterialFileType.Xlsx)
                {
                    file.Position = 0;
                    List<string> entries;
                    try
                    {
                        await using var zip = await ZipArchive.CreateAsync(file, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, ct);
                        entries = [.. zip.Entries.Select(e => e.FullName)];
                    }
                    catch (InvalidDataException)
                    {
                        return Result<RequestMaterial>.Fail($"材料文件“{checkedFile.FileName}”已损坏，无法打开，请重新导出后上传");
                    }

                    var package = MaterialFiles.CheckPackage(checkedFile.Type, entries);
                    if (!package.IsValid)
                    {
                        return Result<RequestMaterial>.Fail(package.Reasons.Select(r => $"材料文件“{checkedFile.FileName}”：{r}").ToList());
                    }
                }
            }

            var target = Path.Combine(folder, sha);
            if (!File.Exists(target))
            {
                File.Move(temp, target);
            }

            var record = new RequestMaterial
            {
                RequestId = request.Id,
                RegionCode = request.RegionCode,
                PersonId = request.PersonId,
                EnterpriseId = request.EnterpriseId,
                MaterialCode = material.Code,
                FileName = checkedFile.FileName,
                Type = checkedFile.Type,
                Length = size,
                Sha256 = sha,
                UploadedBy = Actor.UserName,
                UploadedAt = clock.GetUtcNow(),
            };
            db.Add(record);
            await db.SaveChangesAsync(ct);
            return Result<RequestMaterial>.Ok(record);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>A material of a request in scope, for download (audited); null when unknown, out of scope or its file is gone.</summary>
    public async Task<MaterialDownload?> OpenAsync(Guid requestId, Guid materialId, CancellationToken ct)
    {
        var material = await db.Set<RequestMaterial>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == materialId && m.RequestId == requestId, ct);
        if (material is null)
        {
            return null;
        }

        var path = Path.Combine(Folder, material.Sha256);
        if (!File.Exists(path))
        {
            return null;
        }

        await db.RecordAsync(new AuditEvent(AuditActions.View, nameof(RequestMaterial), material.Id.ToString(), Detail: $"下载申请材料：{material.FileName}"), ct);
        return new MaterialDownload(material, path);
    }
}
