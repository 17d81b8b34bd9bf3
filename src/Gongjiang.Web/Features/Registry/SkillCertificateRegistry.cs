using Gongjiang.Core.Reference;
using Gongjiang.Core.Skills;
using Gongjiang.Core.Standards;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Protection;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry;

/// <summary>The registry's side of <see cref="ISkillCertificateRegistry"/> (scoped: one per request).</summary>
internal sealed class SkillCertificateRegistry(GongjiangDbContext db, TimeProvider clock, IdNumberProtector protector) : ISkillCertificateRegistry
{
    public async Task<(Guid? PersonId, string? Error)> FindByIdNumberAsync(string? idNumber, DateOnly today, CancellationToken ct)
    {
        var parsed = CitizenIdNumber.Parse(idNumber, today, RegionCatalog.Default);
        if (!parsed.IsValid)
        {
            return (null, parsed.Error);
        }

        var hash = protector.Hash(parsed.Value!.Value);
        var id = await db.Set<Person>().Where(p => p.IdNumberHash == hash).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct);
        return id is null ? (null, "该公民身份号码的人员不在本辖区（或本单位）的人员库中，请先登记人员") : (id, null);
    }

    public async Task<SkillHolder?> FindHolderAsync(Guid personId, CancellationToken ct) =>
        await db.Set<Person>().AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new SkillHolder(p.Id, p.Name, p.IdNumberMasked, p.RegionCode, p.EnterpriseId, p.Occupation, p.HighestSkillLevel, p.IsLeadingTalent, p.BasesSummary))
            .SingleOrDefaultAsync(ct);

    public async Task<DateOnly?> OccupationSinceAsync(Guid personId, string? occupationCode, string occupation, CancellationToken ct) =>
        await db.Set<Employment>().AsNoTracking()
            .Where(e => e.PersonId == personId && e.StartDate != null && (e.Occupation == occupation || (occupationCode != null && e.OccupationCode == occupationCode)))
            .MinAsync(e => e.StartDate, ct);

    public async Task<IReadOnlyList<CertificateRecord>> CertificatesOfAsync(Guid personId, CancellationToken ct) =>
        await RecordsAsync(db.Set<SkillCertificate>().AsNoTracking().Where(c => c.PersonId == personId).OrderByDescending(c => c.IssuedOn), ct);

    public async Task<CertificateRecord?> FindAsync(Guid certificateId, CancellationToken ct) =>
        (await RecordsAsync(db.Set<SkillCertificate>().AsNoTracking().Where(c => c.Id == certificateId), ct)).SingleOrDefault();

    public async Task<(IReadOnlyList<CertificateRecord> Items, int Total)> IssuedAsync(Guid? bodyId, string? number, int skip, int take, CancellationToken ct)
    {
        var query = db.Set<SkillCertificate>().AsNoTracking().Where(c => c.EvaluationBodyId != null);
        if (bodyId is { } b)
        {
            query = query.Where(c => c.EvaluationBodyId == b);
        }

        if (!string.IsNullOrWhiteSpace(number))
        {
            var n = number.Trim().ToUpperInvariant();
            query = query.Where(c => c.CertificateNumber == n);
        }

        var total = await query.CountAsync(ct);
        var items = await RecordsAsync(query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Skip(skip).Take(take), ct);
        return (items, total);
    }

    public Task<bool> NumberExistsAsync(string number, CancellationToken ct) =>
        db.Unscoped<SkillCertificate>("发证时核对证书编号是否已在全国任何地区使用（证书编号全国唯一）").AnyAsync(c => c.CertificateNumber == number, ct);

    public async Task<Guid> IssueAsync(NewCertificate certificate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var person = await db.Set<Person>().SingleAsync(p => p.Id == certificate.PersonId, ct);
        var now = clock.GetUtcNow();
        var record = new SkillCertificate
        {
            PersonId = person.Id,
            RegionCode = person.RegionCode,
            EnterpriseId = person.EnterpriseId,
            CreatedAt = now,
            Level = certificate.Level,
            Occupation = certificate.Occupation,
            OccupationCode = certificate.OccupationCode,
            CertificateNumber = certificate.Number,
            Issuer = certificate.Issuer,
            IssuedOn = certificate.IssuedOn,
            EvaluationBodyId = certificate.EvaluationBodyId,
            HolderName = person.Name,
            ExceptionalPromotion = certificate.ExceptionalPromotion,
        };
        db.Add(record);
        if (person.HighestSkillLevel is null || person.HighestSkillLevel < certificate.Level)
        {
            person.HighestSkillLevel = certificate.Level;
        }

        person.UpdatedAt = now;
        await Determination.RecomputeAsync(db, [person], ChinaTime.Today(clock), ct);
        await db.SaveChangesAsync(ct);
        return record.Id;
    }

    public async Task<bool> RevokeAsync(Guid certificateId, DateOnly on, string reason, CancellationToken ct)
    {
        var certificate = await db.Set<SkillCertificate>().SingleOrDefaultAsync(c => c.Id == certificateId, ct);
        if (certificate is null || certificate.RevokedOn is not null)
        {
            return false;
        }

        certificate.RevokedOn = on;
        certificate.RevocationReason = reason;
        var person = await db.Set<Person>().SingleAsync(p => p.Id == certificate.PersonId, ct);
        var levels = await db.Set<SkillCertificate>().Where(c => c.PersonId == person.Id && c.Id != certificateId && c.RevokedOn == null)
            .Select(c => (SkillLevel?)c.Level).ToListAsync(ct);
        person.HighestSkillLevel = levels.Max();
        person.UpdatedAt = clock.GetUtcNow();
        await Determination.RecomputeAsync(db, [person], ChinaTime.Today(clock), ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<PublicCertificateRecord?> FindPublicAsync(string number, CancellationToken ct) =>
        await db.PublicView<SkillCertificate>().AsNoTracking().Where(c => c.CertificateNumber == number)
            .Select(c => new PublicCertificateRecord(c.CertificateNumber!, c.HolderName ?? "", c.Occupation, c.Level, c.IssuedOn, c.Issuer, c.RevokedOn))
            .FirstOrDefaultAsync(ct);

    /// <summary>The certificates of the (ordered) query with their holders' names, in the query's order.</summary>
    private async Task<IReadOnlyList<CertificateRecord>> RecordsAsync(IQueryable<SkillCertificate> query, CancellationToken ct)
    {
        var rows = await query.ToListAsync(ct);
        var personIds = rows.Select(c => c.PersonId).Distinct().ToList();
        var names = await db.Set<Person>().AsNoTracking().Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return [.. rows.Select(c => new CertificateRecord(c.Id, c.PersonId, c.HolderName ?? names.GetValueOrDefault(c.PersonId) ?? "", c.CertificateNumber, c.Occupation,
            c.OccupationCode, c.Level, c.IssuedOn, c.Issuer, c.EvaluationBodyId, c.ExceptionalPromotion, c.RevokedOn, c.RevocationReason))];
    }
}
