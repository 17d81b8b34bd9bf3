namespace Gongjiang.Web.Platform.Audit;

/// <summary>An audited event that is not a row change: a view of sensitive data, an export, a sign-in, a denial.</summary>
public sealed record AuditEvent(
    string Action,
    string EntityType,
    string? EntityId,
    string Outcome = AuditOutcomes.Succeeded,
    string? Detail = null,
    string? ActorNameOverride = null);
