using System.Globalization;
using System.Security.Cryptography;
using Gongjiang.Core.Access;
using Gongjiang.Core.Policies;
using Gongjiang.Web.Features.Policies.Data;
using Gongjiang.Web.Features.Policies.Engine;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Policies.Catalogue;

/// <summary>
/// Enters policy documents and item versions inside the editor's jurisdiction: every rule parsed and type-checked with
/// its position, amounts non-negative whole 分, no two versions of an item in force on the same day, no override a
/// higher item forbids. A change is a new version; the previous one ends the day the new one starts.
/// </summary>
public sealed class CatalogueEditing(GongjiangDbContext db, PolicyFacts facts, PlatformSettings settings, TimeProvider clock)
{
    /// <summary>Largest attachment accepted.</summary>
    public const long MaxAttachmentBytes = 20 * 1024 * 1024;

    /// <summary>Why the actor may not edit the region's policies, or null when they may.</summary>
    public string? CannotEdit(string regionCode)
    {
        var actor = db.Actor;
        if (!actor.IsSystem && !actor.Can(PolicyPermissions.Edit))
        {
            return "您的角色不能编辑待遇政策";
        }

        return actor.IsSystem || actor.Jurisdiction.Contains(regionCode)
            ? null
            : $"只能编辑本辖区（{RegionNames.Of(actor.Jurisdiction.Code)}）及下级的政策，不能编辑{RegionNames.Of(regionCode)}的政策";
    }

    public async Task<(string? Id, FieldErrors Errors)> CreateDocumentAsync(DocumentInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        Require(input.Title, "title", "标题", 300, errors);
        Require(input.IssuingBody, "issuingBody", "发文机关", 200, errors);
        if (input.DocumentNumber is { Length: > 100 })
        {
            errors.Add("documentNumber", "文号不能超过100个字符");
        }

        var issuedOn = ItemInput.ParseDate(input.IssuedOn, "issuedOn", "成文日期", errors, required: true);
        var region = Jurisdiction.Parse(input.RegionCode?.Trim());
        if (!region.IsValid)
        {
            errors.Add("regionCode", "发文辖区：" + region.Error);
        }
        else if (CannotEdit(region.Value.Code) is { } refusal)
        {
            errors.Add("regionCode", refusal);
        }

        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var document = new StoredPolicyDocument
        {
            Id = "doc-" + Guid.CreateVersion7().ToString("N")[..20],
            Title = input.Title!.Trim(),
            DocumentNumber = string.IsNullOrWhiteSpace(input.DocumentNumber) ? null : input.DocumentNumber.Trim(),
            IssuingBody = input.IssuingBody!.Trim(),
            IssuedOn = issuedOn!.Value,
            RegionCode = region.Value.Code,
            IsExample = input.IsExample,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = db.Actor.UserName,
        };
        db.Add(document);
        await db.SaveChangesAsync(ct);
        return (document.Id, errors);
    }

    /// <summary>
    /// Keeps an attachment for a document: its type decided by its content (PDF, OFD, DOC, DOCX), stored outside the web
    /// root under its SHA-256. Returns the refusal, or null.
    /// </summary>
    public async Task<string?> AttachAsync(string documentId, Stream content, string? fileName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var document = await db.Set<StoredPolicyDocument>().FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
        {
            return "未找到该政策文件";
        }

        if (CannotEdit(document.RegionCode) is { } refusal)
        {
            return refusal;
        }

        var folder = AttachmentFolder(settings);
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, "upload-" + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            long size;
            string sha;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                size = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > MaxAttachmentBytes)
                    {
                        return "附件超过上限 20 MB";
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
                if (size == 0)
                {
                    return "附件为空";
                }

                file.Position = 0;
                var type = AttachmentTypes.Detect(file);
                if (type is null)
                {
                    return "附件应为 PDF、OFD、DOC 或 DOCX 文件（按文件内容判断，与扩展名无关）";
                }

                document.AttachmentType = type;
            }

            var target = Path.Combine(folder, sha);
            if (!File.Exists(target))
            {
                File.Move(temp, target);
            }

            document.AttachmentName = Path.GetFileName(fileName ?? "附件") is { Length: > 0 and <= 255 } name ? name : "附件." + document.AttachmentType;
            document.AttachmentSha256 = sha;
            document.AttachmentSize = size;
            await db.SaveChangesAsync(ct);
            return null;
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Where attachments are kept: the data folder, outside the web root.</summary>
    public static string AttachmentFolder(PlatformSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Path.Combine(settings.DataFolder, "policy-attachments");
    }

    /// <summary>
    /// Every refusal of the version the input describes — fields, rules (with line and column), amounts, overlap with
    /// another version, a forbidden override — without saving. The parsed version when there is none.
    /// </summary>
    public async Task<(BenefitItemVersion? Version, FieldErrors Errors, BenefitItemVersion? Closes)> CheckAsync(ItemInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var document = string.IsNullOrWhiteSpace(input.DocumentId)
            ? null
            : await db.PublicView<StoredPolicyDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == input.DocumentId, ct);
        if (document is null)
        {
            errors.Add("documentId", "请选择该事项所依据的政策文件");
            return (null, errors, null);
        }

        if (CannotEdit(document.RegionCode) is { } refusal)
        {
            errors.Add("documentId", refusal);
            return (null, errors, null);
        }

        var version = input.Parse(document.RegionCode, errors);
        if (version is null)
        {
            return (null, errors, null);
        }

        version = version with { IsExample = version.IsExample || document.IsExample };
        foreach (var error in BenefitItemRules.Validate(version, facts.Registry))
        {
            errors.Add(error.Field, error.Message);
        }

        var existing = (await db.PublicView<StoredItemVersion>().AsNoTracking()
            .Where(v => v.ItemKey == version.ItemKey && v.RegionCode == version.RegionCode).ToListAsync(ct))
            .Select(PolicyJson.ToVersion).ToList();
        if (existing.Any(v => v.VersionId == version.VersionId))
        {
            errors.Add("effectiveFrom", $"该事项已有自{version.EffectiveFrom:yyyy-MM-dd}起的版本，请换一个生效日期");
        }

        BenefitItemVersion? closes = null;
        if (input.ClosePrevious)
        {
            // The version in force when this one starts ends that day (it is not rewritten: only its end date is set).
            closes = existing.Where(v => v.EffectiveFrom < version.EffectiveFrom && (v.EffectiveTo is not { } to || to > version.EffectiveFrom))
                .OrderByDescending(v => v.EffectiveFrom).FirstOrDefault();
            if (closes is not null)
            {
                existing = [.. existing.Select(v => v.VersionId == closes.VersionId ? v with { EffectiveTo = version.EffectiveFrom } : v)];
            }
        }

        foreach (var error in BenefitItemRules.CheckOverlap(version, existing))
        {
            errors.Add(error.Field, error.Message);
        }

        var chain = PolicyResolver.ChainOf(version.RegionCode).ToList();
        var higher = (await db.PublicView<StoredItemVersion>().AsNoTracking().Where(v => v.ItemKey == version.ItemKey && chain.Contains(v.RegionCode)).ToListAsync(ct))
            .Select(PolicyJson.ToVersion);
        foreach (var error in BenefitItemRules.CheckOverride(version, higher))
        {
            errors.Add(error.Field, error.Message);
        }

        return (version, errors, closes);
    }

    /// <summary>Saves the version when <see cref="CheckAsync"/> finds nothing wrong (and ends the previous one); audited.</summary>
    public async Task<(string? VersionId, FieldErrors Errors)> SaveVersionAsync(ItemInput input, CancellationToken ct)
    {
        var (version, errors, closes) = await CheckAsync(input, ct);
        if (version is null || !errors.IsEmpty)
        {
            return (null, errors);
        }

        var now = clock.GetUtcNow();
        if (closes is not null)
        {
            var previous = await db.Set<StoredItemVersion>().FirstAsync(v => v.VersionId == closes.VersionId, ct);
            previous.EffectiveTo = version.EffectiveFrom;
            previous.Definition = PolicyJson.Serialize(PolicyJson.ToVersion(previous) with { EffectiveTo = version.EffectiveFrom });
        }

        db.Add(PolicyJson.ToStored(version, now, db.Actor.UserName));
        await db.SaveChangesAsync(ct);
        return (version.VersionId, errors);
    }

    /// <summary>Sets the end date (exclusive) of a version; it must stay after its first day. The rules are not touched.</summary>
    public async Task<FieldErrors?> CloseVersionAsync(string versionId, string? endsOn, CancellationToken ct)
    {
        var stored = await db.Set<StoredItemVersion>().FirstOrDefaultAsync(v => v.VersionId == versionId, ct);
        if (stored is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        if (CannotEdit(stored.RegionCode) is { } refusal)
        {
            errors.Add("effectiveTo", refusal);
            return errors;
        }

        var end = ItemInput.ParseDate(endsOn, "effectiveTo", "失效日期", errors, required: true);
        if (end is { } day && day <= stored.EffectiveFrom)
        {
            errors.Add("effectiveTo", string.Create(CultureInfo.InvariantCulture, $"失效日期应晚于生效日期（{stored.EffectiveFrom:yyyy-MM-dd}）"));
        }

        if (!errors.IsEmpty)
        {
            return errors;
        }

        stored.EffectiveTo = end;
        stored.Definition = PolicyJson.Serialize(PolicyJson.ToVersion(stored) with { EffectiveTo = end });
        await db.SaveChangesAsync(ct);
        return errors;
    }

    private static void Require(string? value, string field, string label, int max, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, label + "不能为空");
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"{label}不能超过{max}个字符"));
        }
    }
}
