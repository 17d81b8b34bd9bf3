using System.Collections.Concurrent;
using Gongjiang.Core.Policies;

namespace Gongjiang.Web.Features.Policies.Engine;

/// <summary>
/// Compiled item sets by region and set of versions (compiling a region's items takes about 0.3 s; ADR 0010): a request
/// for a region whose versions in force have not changed reuses the set compiled before, whatever the day asked for.
/// A version's end date is part of the key, so closing a version compiles afresh. Bounded: past
/// <see cref="Capacity"/> sets the cache starts over (sets are cheap to rebuild, never wrong).
/// </summary>
public sealed class CompiledSetCache
{
    public const int Capacity = 512;

    private readonly ConcurrentDictionary<string, Lazy<CompiledItemSet>> _sets = new(StringComparer.Ordinal);

    /// <summary>How many sets were compiled (not taken from the cache) since start: for tests and diagnostics.</summary>
    public int Compilations => _compilations;

    private int _compilations;

    public CompiledItemSet Get(ResolvedItemSet resolved, FactRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(registry);
        var key = KeyOf(resolved);
        if (_sets.Count >= Capacity && !_sets.ContainsKey(key))
        {
            _sets.Clear();
        }

        return _sets.GetOrAdd(key, _ => new Lazy<CompiledItemSet>(() =>
        {
            Interlocked.Increment(ref _compilations);
            return CompiledItemSet.Compile(resolved, registry);
        })).Value;
    }

    internal static string KeyOf(ResolvedItemSet resolved) =>
        resolved.RegionCode + "|" + string.Join(";", resolved.Items.Select(i =>
            i.Version.VersionId + "@" + (i.Version.EffectiveTo?.DayNumber ?? 0) + "<" + string.Join(",", i.Overridden.Select(o => o.VersionId)) + "#" + i.Notes.Count));
}
