using Gongjiang.Core.Common;
using Gongjiang.Core.Policies;
using Gongjiang.Web.Features.Policies.Catalogue;
using Gongjiang.Web.Features.Policies.Contracts;
using Gongjiang.Web.Features.Policies.Data;
using Gongjiang.Web.Features.Policies.Engine;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Policies.Entitlements;

/// <summary>
/// Entitlements of a person on a day (<see cref="IEntitlements"/>) and stored decisions (<see cref="IEntitlementDecisions"/>):
/// the person's region's items in force (compiled set from the cache), the person's facts from every module, the Core
/// engine's evaluation with its trace.
/// </summary>
public sealed class EntitlementService(
    GongjiangDbContext db, IRegistryPersons persons, PolicyCatalogue catalogue, FactLoader loader, TimeProvider clock) : IEntitlements, IEntitlementDecisions
{
    public async Task<EntitlementReport?> ForPersonAsync(Guid personId, DateOnly asOf, CancellationToken ct)
    {
        var person = await persons.FindAsync(personId, ct);
        if (person is null)
        {
            return null;
        }

        var set = await catalogue.CompiledAsync(person.RegionCode, asOf, ct);
        if (!set.IsValid)
        {
            return new EntitlementReport(person.RegionCode, asOf, []);
        }

        var facts = await loader.LoadOneAsync(personId, asOf, ct);
        return set.Value!.Evaluate(facts);
    }

    /// <summary>The person's facts on the day (the inputs a preview or a decision uses); null when out of scope.</summary>
    public async Task<(PersonRef Person, FactSet Facts)?> FactsAsync(Guid personId, DateOnly asOf, CancellationToken ct)
    {
        var person = await persons.FindAsync(personId, ct);
        return person is null ? null : (person, await loader.LoadOneAsync(personId, asOf, ct));
    }

    public async Task<Result<Guid>> RecordAsync(Guid personId, string itemVersionId, DateOnly asOf, string? reference, CancellationToken ct)
    {
        if (!db.Actor.IsSystem && !db.Actor.Can(PolicyPermissions.Decide))
        {
            return Result<Guid>.Fail("您的角色不能作出待遇决定");
        }

        var person = await persons.FindAsync(personId, ct);
        if (person is null)
        {
            return Result<Guid>.Fail("未找到该人员，或该人员不在您的管辖范围内");
        }

        if (reference is { Length: > 100 })
        {
            return Result<Guid>.Fail("关联办件编号不能超过100个字符");
        }

        var resolved = await catalogue.ResolveAsync(person.RegionCode, asOf, ct);
        if (!resolved.IsValid)
        {
            return Result<Guid>.Fail(resolved.Reasons);
        }

        var set = catalogue.Compile(resolved.Value!);
        var item = set.Items.FirstOrDefault(i => i.Version.VersionId == itemVersionId);
        if (item is null)
        {
            return Result<Guid>.Fail($"事项版本“{itemVersionId}”在{asOf:yyyy-MM-dd}不适用于该人员所在地区（{RegionNames.Full(person.RegionCode)}）");
        }

        var facts = await loader.LoadOneAsync(personId, asOf, ct);
        var record = EntitlementDecisions.Record(item, facts, person.RegionCode);
        var stored = new StoredDecision
        {
            PersonId = person.Id,
            RegionCode = person.RegionCode,
            EnterpriseId = person.EnterpriseId,
            PersonName = person.Name,
            VersionId = item.Version.VersionId,
            ItemKey = item.Version.ItemKey,
            ItemName = item.Version.Name,
            AsOf = asOf,
            Status = record.Outcome.Status,
            AmountFen = record.Outcome.Amount?.Fen,
            Record = PolicyJson.Serialize(record),
            Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(),
            DecidedAt = clock.GetUtcNow(),
            DecidedBy = db.Actor.UserName,
        };
        db.Add(stored);
        await db.SaveChangesAsync(ct);
        return Result<Guid>.Ok(stored.Id);
    }

    public async Task<Result<DecisionReplay>> ReplayAsync(Guid decisionId, CancellationToken ct)
    {
        var stored = await db.Set<StoredDecision>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == decisionId, ct);
        if (stored is null)
        {
            return Result<DecisionReplay>.Fail("未找到该待遇决定，或它不在您的管辖范围内");
        }

        var record = PolicyJson.Deserialize<EntitlementDecisionRecord>(stored.Record);
        var replay = EntitlementDecisions.Replay(record, catalogue.Registry);
        if (!replay.IsValid)
        {
            return Result<DecisionReplay>.Fail(replay.Reasons);
        }

        Entitlement? current = null;
        if (await ForPersonAsync(stored.PersonId, stored.AsOf, ct) is { } report)
        {
            current = report.Items.FirstOrDefault(i => i.ItemKey == stored.ItemKey);
        }

        return Result<DecisionReplay>.Ok(new DecisionReplay(stored.Id, record, replay.Value!, current));
    }

    /// <summary>The stored decision's record (for the page), or null when unknown or out of scope.</summary>
    public async Task<(StoredDecision Row, EntitlementDecisionRecord Record)?> DecisionAsync(Guid decisionId, CancellationToken ct) =>
        await db.Set<StoredDecision>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == decisionId, ct) is { } stored
            ? (stored, PolicyJson.Deserialize<EntitlementDecisionRecord>(stored.Record))
            : null;

    /// <summary>Stored decisions in scope, newest first (one person's when given).</summary>
    public async Task<IReadOnlyList<StoredDecision>> DecisionsAsync(Guid? personId, int take, CancellationToken ct)
    {
        var query = db.Set<StoredDecision>().AsNoTracking();
        if (personId is { } id)
        {
            query = query.Where(d => d.PersonId == id);
        }

        // Version-7 ids order by creation on both databases.
        return await query.OrderByDescending(d => d.Id).Take(take).ToListAsync(ct);
    }
}
