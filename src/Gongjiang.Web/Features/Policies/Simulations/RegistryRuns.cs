using System.Diagnostics;
using Gongjiang.Core.Access;
using Gongjiang.Core.Common;
using Gongjiang.Core.Policies;
using Gongjiang.Web.Features.Policies.Catalogue;
using Gongjiang.Web.Features.Policies.Contracts;
using Gongjiang.Web.Features.Policies.Engine;
using Gongjiang.Web.Features.Registry.Contracts;

namespace Gongjiang.Web.Features.Policies.Simulations;

/// <summary>The result of a simulation as stored: the merged summary, and how it was obtained.</summary>
/// <param name="Summary">Gainers, losers, unchanged and cost by region and category (baseline vs reform).</param>
/// <param name="ItemSets">How many distinct regional item sets were compiled (baseline and reform).</param>
/// <param name="Seconds">How long the run took.</param>
/// <param name="Changes">What the reform changed, in Chinese.</param>
public sealed record SimulationResult(SimulationSummary Summary, int ItemSets, double Seconds, IReadOnlyList<string> Changes);

/// <summary>A full recompute of a jurisdiction's entitlements: persons, entitlements and their annual cost.</summary>
public sealed record RecomputeSummary(long Persons, long Entitlements, long Undetermined, Money AnnualCost, double Seconds);

/// <summary>
/// Runs the engine over a jurisdiction's registry in batches (<see cref="FactLoader.BatchSize"/>): persons in id order,
/// their facts from every module in a fixed number of queries per batch, each region's compiled item set (one compile
/// per distinct set). Memory is bounded by a batch, never by the registry. Used by the simulation job and by
/// bench/Gongjiang.PolicyBench (reading only vs the full recompute, on the same data).
/// </summary>
public sealed class RegistryRuns(IRegistryPersons persons, FactLoader loader, PolicyCatalogue catalogue)
{
    /// <summary>Reads every person's facts and evaluates nothing: the baseline of the recompute figure. Returns persons read.</summary>
    public async Task<long> ReadFactsAsync(string jurisdiction, DateOnly asOf, Func<long, Task>? progress, CancellationToken ct)
    {
        long count = 0;
        await foreach (var (batch, _) in BatchesAsync(jurisdiction, asOf, ct))
        {
            count += batch.PersonIds.Count;
            if (progress is not null)
            {
                await progress(count);
            }
        }

        return count;
    }

    /// <summary>
    /// Recomputes every person's entitlements under the rules in force (fast path, <see cref="CompiledItemSet.EvaluateInto"/>)
    /// and totals them: entitlements and their annual cost.
    /// </summary>
    public async Task<RecomputeSummary> RecomputeAsync(string jurisdiction, DateOnly asOf, Func<long, Task>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var versions = await catalogue.JurisdictionVersionsAsync(jurisdiction, ct);
        var sets = new Dictionary<string, (CompiledItemSet Set, ItemOutcomes Outcomes)>(StringComparer.Ordinal);
        long count = 0, entitlements = 0, undetermined = 0, fen = 0;
        await foreach (var (batch, regions) in BatchesAsync(jurisdiction, asOf, ct))
        {
            foreach (var id in batch.PersonIds)
            {
                var region = regions[id];
                if (!sets.TryGetValue(region, out var entry))
                {
                    var set = catalogue.Compile(PolicyResolver.Resolve(versions, region, asOf).GetValueOrThrow());
                    sets[region] = entry = (set, set.CreateOutcomes());
                }

                entry.Set.EvaluateInto(batch.For(id), entry.Outcomes);
                for (var i = 0; i < entry.Outcomes.Count; i++)
                {
                    switch (entry.Outcomes.Status(i))
                    {
                        case EntitlementStatus.Eligible:
                            entitlements++;
                            if (entry.Outcomes.Amount(i) is { } amount)
                            {
                                fen = checked(fen + WhatIfSimulation.AnnualAmount(amount, entry.Set.Items[i].Version.Frequency).Fen);
                            }

                            break;
                        case EntitlementStatus.Undetermined:
                            undetermined++;
                            break;
                        case EntitlementStatus.NotEligible:
                        default:
                            break;
                    }
                }

                count++;
            }

            if (progress is not null)
            {
                await progress(count);
            }
        }

        return new RecomputeSummary(count, entitlements, undetermined, new Money(fen), watch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Simulates a reform over the jurisdiction's registry: for each person's region the items in force and the same
    /// items with the reform applied, through <see cref="WhatIfSimulation.Run"/> batch by batch, merged. Persons are
    /// grouped by <see cref="RegionNames.RollUp"/> of their region.
    /// </summary>
    public async Task<Result<SimulationResult>> SimulateAsync(string jurisdiction, DateOnly asOf, Reform reform, Func<long, long, Task>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reform);
        var watch = Stopwatch.StartNew();
        var versions = await catalogue.JurisdictionVersionsAsync(jurisdiction, ct);
        var reformed = new List<BenefitItemVersion>(versions);
        var changes = new List<string>();
        foreach (var change in reform.Changes)
        {
            var index = reformed.FindIndex(v => v.VersionId == change.VersionId);
            if (index < 0)
            {
                return Result<SimulationResult>.Fail($"未找到事项版本“{change.VersionId}”");
            }

            var applied = Reform.Apply(reformed[index], change, catalogue.Registry);
            if (!applied.IsValid)
            {
                return Result<SimulationResult>.Fail(applied.Reasons);
            }

            changes.Add($"{reformed[index].Name}（{RegionNames.Of(reformed[index].RegionCode)}，版本{change.VersionId}）：{Reform.ChineseName(change.Kind)}" +
                (change.Parameter is null ? "" : "“" + change.Parameter + "”") + "为“" + change.Value + "”");
            reformed[index] = applied.Value!;
        }

        var total = await persons.CountAsync(Jurisdiction.Parse(jurisdiction).GetValueOrThrow().Prefix, ct);
        var sets = new Dictionary<string, (CompiledItemSet Baseline, CompiledItemSet Reform)>(StringComparer.Ordinal);
        var reformCache = new CompiledSetCache();
        SimulationSummary? summary = null;
        long done = 0;
        await foreach (var (batch, regions) in BatchesAsync(jurisdiction, asOf, ct))
        {
            foreach (var group in batch.PersonIds.GroupBy(id => regions[id], StringComparer.Ordinal))
            {
                if (!sets.TryGetValue(group.Key, out var pair))
                {
                    var baselineItems = PolicyResolver.Resolve(versions, group.Key, asOf).GetValueOrThrow();
                    var reformItems = PolicyResolver.Resolve(reformed, group.Key, asOf).GetValueOrThrow();
                    var baseline = catalogue.Compile(baselineItems);
                    pair = (baseline, CompiledSetCache.KeyOf(reformItems) == CompiledSetCache.KeyOf(baselineItems) ? baseline : reformCache.Get(reformItems, catalogue.Registry));
                    sets[group.Key] = pair;
                }

                var rolledUp = RegionNames.RollUp(group.Key, jurisdiction);
                var part = WhatIfSimulation.Run(pair.Baseline, pair.Reform, group.Select(batch.For), _ => rolledUp, cancellationToken: ct);
                summary = summary is null ? part : Merge(summary, part);
            }

            done += batch.PersonIds.Count;
            if (progress is not null)
            {
                await progress(done, total);
            }
        }

        summary ??= new SimulationSummary(0, 0, 0, 0, 0, Money.Zero, Money.Zero, [], []);
        return Result<SimulationResult>.Ok(new SimulationResult(summary, sets.Count + reformCache.Compilations, watch.Elapsed.TotalSeconds, changes));
    }

    /// <summary>Two summaries over disjoint persons as one: counts and costs added, rows by region and category and by item merged.</summary>
    public static SimulationSummary Merge(SimulationSummary a, SimulationSummary b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var rows = a.ByRegionAndCategory.Concat(b.ByRegionAndCategory)
            .GroupBy(r => (r.RegionCode, r.Category))
            .Select(g => new CostRow(g.Key.RegionCode, g.Key.Category, g.Sum(r => r.BaselineEntitlements), g.Sum(r => r.ReformEntitlements),
                g.Aggregate(Money.Zero, (s, r) => s + r.BaselineCost), g.Aggregate(Money.Zero, (s, r) => s + r.ReformCost)))
            .OrderBy(r => r.RegionCode, StringComparer.Ordinal).ThenBy(r => r.Category).ToList();
        var items = a.ByItem.Concat(b.ByItem)
            .GroupBy(i => i.ItemKey, StringComparer.Ordinal)
            .Select(g => new ItemChange(g.Key, g.First().Name, g.Sum(i => i.BaselineEntitled), g.Sum(i => i.ReformEntitled),
                g.Aggregate(Money.Zero, (s, i) => s + i.BaselineCost), g.Aggregate(Money.Zero, (s, i) => s + i.ReformCost)))
            .ToList();
        return new SimulationSummary(a.Persons + b.Persons, a.Gainers + b.Gainers, a.Losers + b.Losers, a.Unchanged + b.Unchanged,
            a.Undetermined + b.Undetermined, a.BaselineCost + b.BaselineCost, a.ReformCost + b.ReformCost, rows, items);
    }

    /// <summary>The jurisdiction's persons in batches, each with its facts on the day and each person's region.</summary>
    private async IAsyncEnumerable<(FactBatch Batch, Dictionary<Guid, string> Regions)> BatchesAsync(
        string jurisdiction, DateOnly asOf, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var prefix = Jurisdiction.Parse(jurisdiction).GetValueOrThrow().Prefix;
        await foreach (var refs in persons.BatchesAsync(prefix, FactLoader.BatchSize, ct))
        {
            var batch = await loader.LoadAsync([.. refs.Select(r => r.Id)], asOf, ct);
            yield return (batch, refs.ToDictionary(r => r.Id, r => r.RegionCode));
        }
    }
}
