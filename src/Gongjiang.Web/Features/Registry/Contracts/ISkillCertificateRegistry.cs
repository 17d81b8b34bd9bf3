using Gongjiang.Core.Skills;

namespace Gongjiang.Web.Features.Registry.Contracts;

/// <summary>A person as the skills module needs them: name, masked ID, jurisdiction, employer and highest level.</summary>
public sealed record SkillHolder(Guid Id, string Name, string IdNumberMasked, string RegionCode, Guid? EnterpriseId, string? Occupation, SkillLevel? HighestSkillLevel, bool IsLeadingTalent, string? BasesSummary);

/// <summary>A certificate in the registry (scoped reads).</summary>
public sealed record CertificateRecord(
    Guid Id, Guid PersonId, string HolderName, string? Number, string Occupation, string? OccupationCode, SkillLevel Level,
    DateOnly? IssuedOn, string? Issuer, Guid? EvaluationBodyId, string? ExceptionalPromotion, DateOnly? RevokedOn, string? RevocationReason);

/// <summary>The public columns of an issued certificate (no person id, no ID number).</summary>
public sealed record PublicCertificateRecord(string Number, string HolderName, string Occupation, SkillLevel Level, DateOnly? IssuedOn, string? Issuer, DateOnly? RevokedOn);

/// <summary>A certificate to record for a person (the skills module has checked it against the Core rules).</summary>
public sealed record NewCertificate(
    Guid PersonId, string Number, string Occupation, string OccupationCode, SkillLevel Level, DateOnly IssuedOn,
    string Issuer, Guid EvaluationBodyId, string? ExceptionalPromotion);

/// <summary>
/// The registry's certificates and skill levels, for the skills module (issue 14): issuing or revoking a certificate
/// updates the person's highest level and re-runs the leading-talent determination of 三(一) in the same unit of work.
/// Reads go through the caller's scope; <see cref="FindPublicAsync"/> reads the public columns only.
/// </summary>
public interface ISkillCertificateRegistry
{
    /// <summary>The person, when in the actor's scope.</summary>
    Task<SkillHolder?> FindHolderAsync(Guid personId, CancellationToken ct);

    /// <summary>The id of the person in the actor's scope with this 公民身份号码 (as typed); an error in Chinese when malformed.</summary>
    Task<(Guid? PersonId, string? Error)> FindByIdNumberAsync(string? idNumber, DateOnly today, CancellationToken ct);

    /// <summary>The first day of the person's employment in the occupation (by code or name), if recorded.</summary>
    Task<DateOnly?> OccupationSinceAsync(Guid personId, string? occupationCode, string occupation, CancellationToken ct);

    /// <summary>The person's certificates (revoked ones included), newest first.</summary>
    Task<IReadOnlyList<CertificateRecord>> CertificatesOfAsync(Guid personId, CancellationToken ct);

    /// <summary>One certificate, when in the actor's scope.</summary>
    Task<CertificateRecord?> FindAsync(Guid certificateId, CancellationToken ct);

    /// <summary>Certificates issued through evaluation bodies in the actor's scope, newest first.</summary>
    Task<(IReadOnlyList<CertificateRecord> Items, int Total)> IssuedAsync(Guid? bodyId, string? number, int skip, int take, CancellationToken ct);

    /// <summary>Whether any certificate anywhere carries the number (uniqueness is national).</summary>
    Task<bool> NumberExistsAsync(string number, CancellationToken ct);

    /// <summary>Records the certificate, raises the person's highest level, re-runs the determination and saves.</summary>
    Task<Guid> IssueAsync(NewCertificate certificate, CancellationToken ct);

    /// <summary>Revokes it (reason kept), recomputes the highest level and the determination, and saves.</summary>
    Task<bool> RevokeAsync(Guid certificateId, DateOnly on, string reason, CancellationToken ct);

    /// <summary>The public columns of an issued certificate by its number; null when none.</summary>
    Task<PublicCertificateRecord?> FindPublicAsync(string number, CancellationToken ct);
}
