using System.Globalization;
using Gongjiang.Core.Reference;
using Gongjiang.Core.Skills;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Features.Skills.Data;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Skills;

/// <summary>A licence as submitted (form or API): occupation code and name, lowest and highest level, first day valid.</summary>
public sealed record LicenceInput(string? OccupationCode, string? OccupationName, string? LowestLevel, string? HighestLevel, DateOnly? ValidFrom, DateOnly? ValidUntil = null);

/// <summary>An evaluation body as submitted.</summary>
public sealed record BodyInput(string? Name, string? Kind, string? IssuerPart, string? RegionCode, IReadOnlyList<LicenceInput>? Licences);

/// <summary>A licence as shown.</summary>
public sealed record LicenceView(string OccupationCode, string OccupationName, string LowestLevel, string HighestLevel, DateOnly ValidFrom, DateOnly? ValidUntil);

/// <summary>An evaluation body as shown.</summary>
public sealed record BodyView(Guid Id, string Name, string Kind, string? IssuerPart, string RegionCode, string RegionName, DateOnly? SuspendedFrom, IReadOnlyList<LicenceView> Licences);

/// <summary>A certificate to issue as submitted.</summary>
public sealed record IssueInput(Guid? PersonId, Guid? BodyId, string? Number, string? OccupationCode, string? Level, DateOnly? IssuedOn);

/// <summary>A certificate as shown to the office (the holder's ID number is never part of it).</summary>
public sealed record CertificateView(
    Guid Id, Guid PersonId, string HolderName, string? Number, string Occupation, string? OccupationCode, string Level,
    DateOnly? IssuedOn, string? Issuer, Guid? EvaluationBodyId, string Status, string? ExceptionalPromotion, DateOnly? RevokedOn, string? RevocationReason)
{
    internal static CertificateView From(CertificateRecord r) => new(
        r.Id, r.PersonId, r.HolderName, r.Number, r.Occupation, r.OccupationCode, SkillLevels.DisplayName(r.Level), r.IssuedOn, r.Issuer,
        r.EvaluationBodyId, r.RevokedOn is null ? "valid" : "revoked", r.ExceptionalPromotion, r.RevokedOn, r.RevocationReason);
}

/// <summary>
/// Evaluation bodies and certificates (issue 14, Deliver 1): registering a body with its licences, issuing a certificate
/// after the Core checks (<see cref="CertificateIssueRules"/>: number, licence, ladder) and a national duplicate check,
/// and revoking one with a confirmed reason. The registry records the certificate and re-runs the determination.
/// </summary>
public static class SkillsUseCases
{
    public static async Task<IReadOnlyList<BodyView>> BodiesAsync(GongjiangDbContext db, CancellationToken ct)
    {
        var bodies = await db.Set<EvaluationBodyRecord>().AsNoTracking().OrderBy(b => b.RegionCode).ThenBy(b => b.Name).ToListAsync(ct);
        var ids = bodies.Select(b => b.Id).ToList();
        var licences = await db.Set<EvaluationBodyLicenceRecord>().AsNoTracking().Where(l => ids.Contains(l.BodyId)).ToListAsync(ct);
        return [.. bodies.Select(b => View(b, licences.Where(l => l.BodyId == b.Id)))];
    }

    public static async Task<BodyView?> BodyAsync(GongjiangDbContext db, Guid id, CancellationToken ct)
    {
        var body = await db.Set<EvaluationBodyRecord>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (body is null)
        {
            return null;
        }

        var licences = await db.Set<EvaluationBodyLicenceRecord>().AsNoTracking().Where(l => l.BodyId == id).ToListAsync(ct);
        return View(body, licences);
    }

    /// <summary>Registers a body with at least one licence; refusals name the field in Chinese, nothing stored.</summary>
    public static async Task<(Guid? Id, FieldErrors Errors)> CreateBodyAsync(GongjiangDbContext db, BodyInput input, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            errors.Add("name", "机构名称不能为空，且不超过200字");
        }

        EvaluationBodyKind? kind = input.Kind?.Trim() switch
        {
            "Employer" or "用人单位" or "用人单位自主评价" => EvaluationBodyKind.Employer,
            "SocialTrainingOrganization" or "社会培训评价组织" => EvaluationBodyKind.SocialTrainingOrganization,
            _ => null,
        };
        if (kind is null)
        {
            errors.Add("kind", "机构类别应为“社会培训评价组织”或“用人单位自主评价”");
        }

        var issuerPart = string.IsNullOrWhiteSpace(input.IssuerPart) ? null : input.IssuerPart.Trim();
        if (issuerPart is not null && (issuerPart.Length != 12 || !issuerPart.All(char.IsAsciiDigit)))
        {
            errors.Add("issuerPart", "机构代码（证书编号第2至13位）应为12位数字");
        }

        var actor = db.Actor;
        var region = string.IsNullOrWhiteSpace(input.RegionCode) ? actor.Jurisdiction.Code : input.RegionCode.Trim();
        if (RegionCatalog.Default.Find(region) is null || region == Gongjiang.Core.Access.Jurisdiction.CountryCode)
        {
            errors.Add("regionCode", $"所在地区代码“{region}”不存在");
        }
        else if (!actor.Jurisdiction.Contains(region))
        {
            errors.Add("regionCode", "只能登记本辖区的评价机构");
        }

        Guid? enterprise = null;
        if (kind == EvaluationBodyKind.Employer)
        {
            enterprise = actor.EnterpriseId;
        }
        else if (actor.EnterpriseId is not null)
        {
            errors.Add("kind", "用人单位只能登记本单位的自主评价机构");
        }

        var licences = new List<EvaluationBodyLicenceRecord>();
        var inputs = input.Licences ?? [];
        if (inputs.Count == 0)
        {
            errors.Add("licences", "至少登记一项可评价的职业（工种）和等级");
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            if (ParseLicence(inputs[i], i, errors) is { } licence)
            {
                licences.Add(licence);
            }
        }

        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var body = new EvaluationBodyRecord
        {
            Name = name,
            Kind = kind!.Value,
            IssuerPart = issuerPart,
            RegionCode = region,
            EnterpriseId = enterprise,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(body);
        foreach (var licence in licences)
        {
            licence.BodyId = body.Id;
            licence.RegionCode = region;
            licence.EnterpriseId = enterprise;
            db.Add(licence);
        }

        await db.SaveChangesAsync(ct);
        return (body.Id, errors);
    }

    /// <summary>
    /// Issues a certificate: the person and body must be in scope; the Core checks the number, the licence and the ladder
    /// (an approved exceptional promotion lets the level skip); the number must be unused nationally. Nothing is stored
    /// on any refusal.
    /// </summary>
    public static async Task<(Guid? Id, FieldErrors Errors)> IssueAsync(GongjiangDbContext db, ISkillCertificateRegistry registry, IssueInput input,
        TimeProvider clock, CancellationToken ct, ExceptionalPromotionApproval? approval = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var today = ChinaTime.Today(clock);
        SkillHolder? holder = null;
        if (input.PersonId is not { } personId || (holder = await registry.FindHolderAsync(personId, ct)) is null)
        {
            errors.Add("personId", "持证人不存在或不在您的管辖范围内");
        }

        EvaluationBodyRecord? body = null;
        if (input.BodyId is not { } bodyId || (body = await db.Set<EvaluationBodyRecord>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == bodyId, ct)) is null)
        {
            errors.Add("bodyId", "评价机构不存在或不在您的管辖范围内");
        }

        var level = SkillLevels.Parse(input.Level);
        if (!level.IsValid)
        {
            errors.Add("level", level.Error!);
        }
        else if (!SkillLevels.IsGraded(level.Value))
        {
            errors.Add("level", $"{SkillLevels.DisplayName(level.Value)}不由评价机构发证（学徒工由企业确定，特级技师、首席技师由企业聘任）");
        }

        if (input.IssuedOn is not { } issuedOn)
        {
            errors.Add("issuedOn", "发证日期不能为空");
            issuedOn = today;
        }
        else if (issuedOn > today)
        {
            errors.Add("issuedOn", $"发证日期{Elapsed.Date(issuedOn)}晚于今天");
        }

        var occupationCode = input.OccupationCode?.Trim() ?? "";
        if (occupationCode.Length == 0)
        {
            errors.Add("occupationCode", "职业（工种）编码不能为空");
        }

        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var licences = await db.Set<EvaluationBodyLicenceRecord>().AsNoTracking().Where(l => l.BodyId == body!.Id).ToListAsync(ct);
        var occupationName = licences.FirstOrDefault(l => l.OccupationCode == occupationCode)?.OccupationName;
        if (occupationName is null)
        {
            errors.Add("occupationCode", $"{body!.Name}未获准评价职业（工种）{occupationCode}");
            return (null, errors);
        }

        // The ladder of the standard in force on the day; before the stored standards, the five-level ladder.
        var conditions = PromotionConditionBook.Default.Resolve(occupationCode, occupationName, issuedOn);
        var ladder = conditions.IsValid ? conditions.Value!.Ladder : OccupationLadder.Standard(occupationCode, occupationName);

        var held = (await registry.CertificatesOfAsync(holder!.Id, ct))
            .Where(c => c.RevokedOn is null && (c.OccupationCode == occupationCode || string.Equals(c.Occupation, occupationName, StringComparison.Ordinal)))
            .Select(c => (SkillLevel?)c.Level).Max();
        var core = ToCore(body!, licences);
        var decision = CertificateIssueRules.Check(new CertificateIssue(input.Number, occupationCode, level.Value, issuedOn), core,
            ladder, held, new HashSet<Schooling>(), approval);
        foreach (var rule in decision.Rules.Where(r => !r.Holds))
        {
            errors.Add(rule.RuleId.StartsWith("cert-number", StringComparison.Ordinal) ? "number" : "level", rule.Reason);
        }

        var number = SkillCertificateNumber.Parse(input.Number);
        if (errors.IsEmpty && await registry.NumberExistsAsync(number.Value!.Value, ct))
        {
            errors.Add("number", $"证书编号{number.Value!.Value}已存在，不能重复发证");
        }

        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var id = await registry.IssueAsync(new NewCertificate(holder.Id, number.Value!.Value, occupationName, occupationCode, level.Value, issuedOn,
            body!.Name, body.Id, approval?.Reference), ct);
        return (id, errors);
    }

    /// <summary>Revokes a certificate (irreversible: confirmed, with a reason); the registry recomputes level and determination.</summary>
    public static async Task<FieldErrors> RevokeAsync(ISkillCertificateRegistry registry, Guid id, Confirmation confirmation, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        var errors = new FieldErrors();
        var certificate = await registry.FindAsync(id, ct);
        if (certificate is null || certificate.EvaluationBodyId is null)
        {
            errors.Add("id", "证书不存在或不在您的管辖范围内");
            return errors;
        }

        if (certificate.RevokedOn is { } on)
        {
            errors.Add("id", $"该证书已于{Elapsed.Date(on)}撤销");
            return errors;
        }

        confirmation.Check(errors, "撤销证书");
        if (errors.IsEmpty)
        {
            await registry.RevokeAsync(id, ChinaTime.Today(clock), confirmation.Text!, ct);
        }

        return errors;
    }

    /// <summary>The Core view of a stored body.</summary>
    public static EvaluationBody ToCore(EvaluationBodyRecord body, IEnumerable<EvaluationBodyLicenceRecord> licences)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new EvaluationBody(body.Id.ToString(), body.Name, body.Kind, body.IssuerPart,
            [.. licences.Select(l => new EvaluationLicence(l.OccupationCode, l.LowestLevel, l.HighestLevel, l.ValidFrom, l.ValidUntil))], body.SuspendedFrom);
    }

    private static EvaluationBodyLicenceRecord? ParseLicence(LicenceInput input, int index, FieldErrors errors)
    {
        var field = string.Create(CultureInfo.InvariantCulture, $"licences[{index}]");
        var ok = true;
        var code = input.OccupationCode?.Trim() ?? "";
        var name = input.OccupationName?.Trim() ?? "";
        if (code.Length is 0 or > 20)
        {
            errors.Add(field + ".occupationCode", "职业（工种）编码不能为空，且不超过20位");
            ok = false;
        }

        if (name.Length is 0 or > 100)
        {
            errors.Add(field + ".occupationName", "职业（工种）名称不能为空，且不超过100字");
            ok = false;
        }

        var lowest = SkillLevels.Parse(input.LowestLevel);
        var highest = SkillLevels.Parse(input.HighestLevel);
        if (!lowest.IsValid || !SkillLevels.IsGraded(lowest.Value))
        {
            errors.Add(field + ".lowestLevel", "最低等级应为五级至一级之一");
            ok = false;
        }

        if (!highest.IsValid || !SkillLevels.IsGraded(highest.Value))
        {
            errors.Add(field + ".highestLevel", "最高等级应为五级至一级之一");
            ok = false;
        }
        else if (lowest.IsValid && highest.Value < lowest.Value)
        {
            errors.Add(field + ".highestLevel", "最高等级不能低于最低等级");
            ok = false;
        }

        if (input.ValidFrom is null)
        {
            errors.Add(field + ".validFrom", "备案生效日期不能为空");
            ok = false;
        }

        return ok
            ? new EvaluationBodyLicenceRecord
            {
                OccupationCode = code,
                OccupationName = name,
                LowestLevel = lowest.Value,
                HighestLevel = highest.Value,
                ValidFrom = input.ValidFrom!.Value,
                ValidUntil = input.ValidUntil,
            }
            : null;
    }

    private static BodyView View(EvaluationBodyRecord b, IEnumerable<EvaluationBodyLicenceRecord> licences) => new(
        b.Id, b.Name, CertificateIssueRules.KindName(b.Kind), b.IssuerPart, b.RegionCode, RegionCatalog.Default.FullName(b.RegionCode), b.SuspendedFrom,
        [.. licences.OrderBy(l => l.OccupationCode, StringComparer.Ordinal).Select(l => new LicenceView(l.OccupationCode, l.OccupationName,
            SkillLevels.DisplayName(l.LowestLevel), SkillLevels.DisplayName(l.HighestLevel), l.ValidFrom, l.ValidUntil))]);
}
