namespace Gongjiang.Web.Platform.Audit;

/// <summary>
/// An audited event that is not a row change: a view of sensitive data, an export, a sign-in, a denial. The overrides
/// name the account an event is about when the request has no actor yet (a sign-in records the account's role and
/// jurisdiction, not 社会公众).
/// </summary>
public sealed record AuditEvent(
    string Action,
    string EntityType,
    string? EntityId,
    string Outcome = AuditOutcomes.Succeeded,
    string? Detail = null,
    string? ActorNameOverride = null,
    string? ActorRoleOverride = null,
    string? ActorJurisdictionOverride = null);
