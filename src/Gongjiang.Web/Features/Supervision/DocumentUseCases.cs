using System.Security.Cryptography;
using Gongjiang.Core.Supervision;
using Gongjiang.Web.Features.Supervision.Data;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongjiang.Web.Features.Supervision;

/// <summary>An uploaded attachment: its name as sent, the declared content type, and its bytes.</summary>
public sealed record AttachmentUpload(string FileName, string? ContentType, long Length, Func<Stream> Open);

/// <summary>
/// Attachments of implementing documents, kept outside the web root (<see cref="SupervisionOptions.AttachmentFolder"/>)
/// under the document's id: never served by the static-file middleware, only through the scoped download, which checks
/// the SHA-256 stored with the record before sending a byte.
/// </summary>
public sealed class AttachmentStore(IOptions<SupervisionOptions> options, PlatformSettings settings)
{
    /// <summary>The kinds accepted: extension → (content type, magic bytes at the start).</summary>
    private static readonly Dictionary<string, (string Type, byte[] Magic)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", "%PDF-"u8.ToArray()),
        [".ofd"] = ("application/ofd", [0x50, 0x4B, 0x03, 0x04]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [0x50, 0x4B, 0x03, 0x04]),
        [".doc"] = ("application/msword", [0xD0, 0xCF, 0x11, 0xE0]),
        [".wps"] = ("application/vnd.ms-works", [0xD0, 0xCF, 0x11, 0xE0]),
        [".jpg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".jpeg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".png"] = ("image/png", [0x89, 0x50, 0x4E, 0x47]),
    };

    public string Folder => Path.GetFullPath(options.Value.AttachmentFolder is { Length: > 0 } f ? f : Path.Combine(settings.DataFolder, "supervision-attachments"));

    public long MaxBytes => options.Value.MaxAttachmentMegabytes * 1024L * 1024L;

    /// <summary>“PDF、OFD、文字文档（DOC、DOCX、WPS）或图片（JPG、PNG）”.</summary>
    public static string AcceptedText => "PDF、OFD、文字文档（DOC、DOCX、WPS）或图片（JPG、PNG）";

    public static string AcceptAttribute => string.Join(",", Kinds.Keys);

    /// <summary>Checks an upload (size, extension, declared type, the file's own first bytes) and stores it; the error names the field 附件.</summary>
    public async Task<(StoredAttachment? Stored, string? Error)> StoreAsync(Guid documentId, AttachmentUpload upload, CancellationToken ct)
    {
        if (upload.Length <= 0)
        {
            return (null, "附件是空文件，请重新选择");
        }

        if (upload.Length > MaxBytes)
        {
            return (null, $"附件超过上限 {options.Value.MaxAttachmentMegabytes} MB，请压缩后上传");
        }

        var extension = Path.GetExtension(upload.FileName);
        if (!Kinds.TryGetValue(extension, out var kind))
        {
            return (null, $"附件格式不支持，应为{AcceptedText}");
        }

        var declared = upload.ContentType?.Split(';')[0].Trim();
        if (!string.IsNullOrEmpty(declared) && declared != "application/octet-stream" && !string.Equals(declared, kind.Type, StringComparison.OrdinalIgnoreCase) &&
            !(kind.Type == "application/ofd" && declared.Contains("zip", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, $"附件的内容类型（{declared}）与扩展名 {extension} 不符");
        }

        Directory.CreateDirectory(Folder);
        var path = PathOf(documentId);
        var temporary = path + ".uploading";
        string hash;
        await using (var source = upload.Open())
        {
            var head = new byte[kind.Magic.Length];
            var read = await source.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            if (read < head.Length || !head.AsSpan().SequenceEqual(kind.Magic))
            {
                return (null, $"附件内容不是有效的{extension.TrimStart('.').ToUpperInvariant()}文件（文件头不符），请检查后重新上传");
            }

            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var target = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                sha.AppendData(head);
                await target.WriteAsync(head, ct);
                var buffer = new byte[81920];
                int n;
                while ((n = await source.ReadAsync(buffer, ct)) > 0)
                {
                    sha.AppendData(buffer, 0, n);
                    await target.WriteAsync(buffer.AsMemory(0, n), ct);
                }
            }

            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }

        File.Move(temporary, path, overwrite: true);
        var name = Path.GetFileName(upload.FileName);
        return (new StoredAttachment(name.Length > 200 ? name[^200..] : name, kind.Type, upload.Length, hash), null);
    }

    /// <summary>Opens a stored attachment after checking its SHA-256; null when it is missing or does not match (damaged or altered).</summary>
    public async Task<Stream?> OpenVerifiedAsync(Guid documentId, string sha256, CancellationToken ct)
    {
        var path = PathOf(documentId);
        if (!File.Exists(path))
        {
            return null;
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        if (!string.Equals(actual, sha256, StringComparison.Ordinal))
        {
            await stream.DisposeAsync();
            return null;
        }

        stream.Position = 0;
        return stream;
    }

    public void Delete(Guid documentId)
    {
        var path = PathOf(documentId);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string PathOf(Guid documentId) => Path.Combine(Folder, documentId.ToString("N"));
}

/// <summary>What is kept of an attachment.</summary>
public sealed record StoredAttachment(string FileName, string ContentType, long Size, string Sha256);

public sealed partial class SupervisionService
{
    public const string DocumentEntity = "ImplementingDocument";

    /// <summary>
    /// Files an implementing document for the actor's own region, with an optional attachment. Every field is checked
    /// (<see cref="ImplementingDocuments.Validate"/>: 文号, 成文日期…) and a 文号 the region already filed is refused.
    /// </summary>
    public async Task<(Guid? Id, FieldErrors Errors)> FileDocumentAsync(ImplementingDocumentInput input, AttachmentUpload? attachment, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var region = OwnRegion;
        if (!Hierarchy.TakesPart(region))
        {
            errors.Add("region", $"{Name(region)}不在报送范围内，不能报送配套文件");
            return (null, errors);
        }

        var valid = ImplementingDocuments.Validate(region, input, Today, Catalog);
        if (!valid.IsValid)
        {
            foreach (var reason in valid.Reasons)
            {
                AddReason(errors, reason, "title", ("文件标题", "title"), ("文号", "number"), ("发文机关", "issuer"), ("成文日期", "issuedOn"), ("涉及政策措施", "measures"));
            }
        }
        else
        {
            var number = valid.Value!.Number.ToString();
            if (await db.Set<DocumentRow>().AnyAsync(d => d.RegionCode == region && d.Number == number, ct))
            {
                errors.Add("number", $"本地区已报送文号为“{number}”的配套文件，不能重复报送");
            }
        }

        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var document = valid.Value!;
        var row = new DocumentRow
        {
            RegionCode = region,
            Title = document.Title,
            Number = document.Number.ToString(),
            Issuer = document.Issuer,
            IssuedOn = document.IssuedOn,
            Measures = string.Join(",", document.MeasureCodes),
            FiledByName = Actor.DisplayName,
            FiledAt = clock.GetUtcNow(),
        };
        if (attachment is not null)
        {
            var (stored, error) = await attachments.StoreAsync(row.Id, attachment, ct);
            if (stored is null)
            {
                errors.Add("attachment", error!);
                return (null, errors);
            }

            row.AttachmentName = stored.FileName;
            row.AttachmentType = stored.ContentType;
            row.AttachmentSize = stored.Size;
            row.AttachmentSha256 = stored.Sha256;
        }

        db.Add(row);
        foreach (var measure in document.MeasureCodes)
        {
            db.Add(new DocumentMeasureRow { DocumentId = row.Id, RegionCode = region, MeasureCode = measure, IssuedOn = document.IssuedOn });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            attachments.Delete(row.Id);
            errors.Add("number", $"本地区已报送文号为“{row.Number}”的配套文件，不能重复报送");
            return (null, errors);
        }

        return (row.Id, errors);
    }
}
