using Gongjiang.Core.Common;
using Gongjiang.Core.Policies;

namespace Gongjiang.Web.Features.Policies.Contracts;

/// <summary>
/// What a person is entitled to on a day, for other modules (the service window shows it at the counter). Reads through
/// the caller's scope: null for a person the actor may not see.
/// </summary>
public interface IEntitlements
{
    /// <summary>Every item in force for the person's region on <paramref name="asOf"/>, each with status, amount and trace.</summary>
    Task<EntitlementReport?> ForPersonAsync(Guid personId, DateOnly asOf, CancellationToken ct);
}

/// <summary>A stored decision replayed: the record as stored, its replay, and what today's rules and data would say.</summary>
/// <param name="DecisionId">The stored decision.</param>
/// <param name="Stored">The record as it was made (version copy, inputs, outcome and trace).</param>
/// <param name="Replay">The stored version re-evaluated with the stored inputs (never the current rules).</param>
/// <param name="UnderCurrentRules">The same item for the same person and day under the rules and data of now (null when no longer in force or the person is out of scope).</param>
public sealed record DecisionReplay(Guid DecisionId, EntitlementDecisionRecord Stored, ReplayOutcome Replay, Entitlement? UnderCurrentRules);

/// <summary>
/// Stored entitlement decisions (issue 11: “a decision that grants something stores the rule version, the inputs and the
/// trace, so it can be shown and replayed later with the same result even after the rules changed”). The service window
/// calls <see cref="RecordAsync"/> when it decides a request.
/// </summary>
public interface IEntitlementDecisions
{
    /// <summary>
    /// Decides the item version for the person on <paramref name="asOf"/> and stores the decision (version copy, inputs,
    /// trace), audited. Fails with a Chinese reason when the person is not in scope or the version is not the one in force
    /// for the person's region on that day. <paramref name="reference"/>: what the decision belongs to (a receipt number).
    /// </summary>
    Task<Result<Guid>> RecordAsync(Guid personId, string itemVersionId, DateOnly asOf, string? reference, CancellationToken ct);

    /// <summary>Replays a stored decision; fails when it is unknown or out of scope.</summary>
    Task<Result<DecisionReplay>> ReplayAsync(Guid decisionId, CancellationToken ct);
}
