using Gongjiang.Core.Access;
using Gongjiang.Core.Common;
using Gongjiang.Core.Policies;
using Gongjiang.Web.Features.Policies.Data;
using Gongjiang.Web.Features.Policies.Engine;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Policies.Catalogue;

/// <summary>
/// Reads the benefit catalogue: the versions a region inherits and adds (全国 → 省 → 市 → 县), the items in force on a
/// day (<see cref="PolicyResolver"/>) and their compiled set (cached, <see cref="CompiledSetCache"/>).
/// </summary>
public sealed class PolicyCatalogue(GongjiangDbContext db, PolicyFacts facts, CompiledSetCache cache)
{
    public FactRegistry Registry => facts.Registry;

    /// <summary>Every version of the jurisdictions <paramref name="regionCode"/> inherits from, and its own.</summary>
    public async Task<IReadOnlyList<BenefitItemVersion>> ChainVersionsAsync(string regionCode, CancellationToken ct)
    {
        var chain = PolicyResolver.ChainOf(regionCode).ToList();
        var stored = await db.PublicView<StoredItemVersion>().AsNoTracking().Where(v => chain.Contains(v.RegionCode)).ToListAsync(ct);
        return [.. stored.Select(PolicyJson.ToVersion)];
    }

    /// <summary>
    /// Every version that applies anywhere in a jurisdiction: those of its ancestors and those of every region inside it
    /// (what a simulation over the jurisdiction's registry needs).
    /// </summary>
    public async Task<IReadOnlyList<BenefitItemVersion>> JurisdictionVersionsAsync(string regionCode, CancellationToken ct)
    {
        var jurisdiction = Jurisdiction.Parse(regionCode).GetValueOrThrow();
        var chain = PolicyResolver.ChainOf(jurisdiction.Code).ToList();
        var prefix = jurisdiction.Prefix;
        var stored = await db.PublicView<StoredItemVersion>().AsNoTracking()
            .Where(v => chain.Contains(v.RegionCode) || v.RegionCode.StartsWith(prefix)).ToListAsync(ct);
        return [.. stored.Select(PolicyJson.ToVersion)];
    }

    /// <summary>The items in force for the region on the day, or why the region code is refused.</summary>
    public async Task<Result<ResolvedItemSet>> ResolveAsync(string regionCode, DateOnly asOf, CancellationToken ct)
    {
        var region = Jurisdiction.Parse(regionCode);
        return !region.IsValid
            ? Result<ResolvedItemSet>.Fail(region.Error!)
            : PolicyResolver.Resolve(await ChainVersionsAsync(region.Value.Code, ct), region.Value.Code, asOf);
    }

    /// <summary>The compiled items in force for the region on the day (from the cache when the versions are the same).</summary>
    public async Task<Result<CompiledItemSet>> CompiledAsync(string regionCode, DateOnly asOf, CancellationToken ct)
    {
        var resolved = await ResolveAsync(regionCode, asOf, ct);
        return resolved.IsValid ? Result<CompiledItemSet>.Ok(Compile(resolved.Value!)) : Result<CompiledItemSet>.Fail(resolved.Reasons);
    }

    /// <summary>A resolved set compiled through the cache.</summary>
    public CompiledItemSet Compile(ResolvedItemSet resolved) => cache.Get(resolved, facts.Registry);

    public Task<StoredPolicyDocument?> DocumentAsync(string id, CancellationToken ct) =>
        db.PublicView<StoredPolicyDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);

    /// <summary>The documents of the region's chain, highest jurisdiction first, newest first.</summary>
    public async Task<IReadOnlyList<StoredPolicyDocument>> ChainDocumentsAsync(string regionCode, CancellationToken ct)
    {
        var chain = PolicyResolver.ChainOf(regionCode).ToList();
        var documents = await db.PublicView<StoredPolicyDocument>().AsNoTracking().Where(d => chain.Contains(d.RegionCode)).ToListAsync(ct);
        return [.. documents.OrderBy(d => chain.IndexOf(d.RegionCode)).ThenByDescending(d => d.IssuedOn).ThenBy(d => d.Id, StringComparer.Ordinal)];
    }

    public async Task<BenefitItemVersion?> VersionAsync(string versionId, CancellationToken ct) =>
        await db.PublicView<StoredItemVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.VersionId == versionId, ct) is { } stored
            ? PolicyJson.ToVersion(stored)
            : null;

    /// <summary>Every version of one item in one jurisdiction, newest first.</summary>
    public async Task<IReadOnlyList<BenefitItemVersion>> VersionsOfAsync(string itemKey, string regionCode, CancellationToken ct)
    {
        var stored = await db.PublicView<StoredItemVersion>().AsNoTracking().Where(v => v.ItemKey == itemKey && v.RegionCode == regionCode).ToListAsync(ct);
        return [.. stored.Select(PolicyJson.ToVersion).OrderByDescending(v => v.EffectiveFrom)];
    }

    /// <summary>The versions that come from one document, by item then newest first.</summary>
    public async Task<IReadOnlyList<BenefitItemVersion>> VersionsOfDocumentAsync(string documentId, CancellationToken ct)
    {
        var stored = await db.PublicView<StoredItemVersion>().AsNoTracking().Where(v => v.DocumentId == documentId).ToListAsync(ct);
        return [.. stored.Select(PolicyJson.ToVersion).OrderBy(v => v.ItemKey, StringComparer.Ordinal).ThenByDescending(v => v.EffectiveFrom)];
    }

    /// <summary>The regions that have versions of their own (for comparisons), national first.</summary>
    public async Task<IReadOnlyList<string>> RegionsWithItemsAsync(CancellationToken ct)
    {
        var codes = await db.PublicView<StoredItemVersion>().AsNoTracking().Select(v => v.RegionCode).Distinct().ToListAsync(ct);
        return [.. codes.Order(StringComparer.Ordinal)];
    }

    /// <summary>Every item key with a name, for pickers.</summary>
    public async Task<IReadOnlyList<(string Key, string Name)>> ItemKeysAsync(CancellationToken ct)
    {
        var rows = await db.PublicView<StoredItemVersion>().AsNoTracking().Select(v => new { v.ItemKey, v.Name, v.RegionCode }).ToListAsync(ct);
        return [.. rows.GroupBy(r => r.ItemKey, StringComparer.Ordinal)
            .Select(g => (g.Key, g.OrderBy(r => r.RegionCode, StringComparer.Ordinal).First().Name))
            .OrderBy(r => r.Key, StringComparer.Ordinal)];
    }
}
