using Gongjiang.Core.Common;

namespace Gongjiang.Core.Policies;

/// <summary>Cost and take-up of one region and category, under the current rules and under the reform.</summary>
/// <param name="RegionCode">The persons' <c>region.code</c> (or what the caller groups by); “未知” when absent.</param>
/// <param name="Category">The items' category.</param>
/// <param name="BaselineEntitlements">Entitlements (person × item) under the current rules.</param>
/// <param name="ReformEntitlements">Entitlements under the reform.</param>
/// <param name="BaselineCost">Annual cost under the current rules (<see cref="WhatIfSimulation.AnnualAmount"/>).</param>
/// <param name="ReformCost">Annual cost under the reform.</param>
public sealed record CostRow(string RegionCode, BenefitCategory Category, long BaselineEntitlements, long ReformEntitlements, Money BaselineCost, Money ReformCost)
{
    public Money Change => ReformCost - BaselineCost;
}

/// <summary>Take-up and cost of one item under the current rules and under the reform.</summary>
public sealed record ItemChange(string ItemKey, string Name, long BaselineEntitled, long ReformEntitled, Money BaselineCost, Money ReformCost);

/// <summary>
/// The result of a what-if simulation. Invariant: <see cref="Gainers"/> + <see cref="Losers"/> + <see cref="Unchanged"/>
/// = <see cref="Persons"/>.
/// </summary>
/// <param name="Persons">Persons evaluated.</param>
/// <param name="Gainers">Persons whose annual amount rises, or who gain items and lose none at the same amount.</param>
/// <param name="Losers">Persons whose annual amount falls, or who lose items and gain none at the same amount.</param>
/// <param name="Unchanged">Everyone else.</param>
/// <param name="Undetermined">Persons with at least one item undetermined (a fact unknown…) under either rules; counted above too.</param>
/// <param name="BaselineCost">Total annual cost under the current rules.</param>
/// <param name="ReformCost">Total annual cost under the reform.</param>
/// <param name="ByRegionAndCategory">Cost by region and category, ordered by region then category.</param>
/// <param name="ByItem">Take-up and cost by item, in the order of the current rules then new items.</param>
public sealed record SimulationSummary(
    long Persons,
    long Gainers,
    long Losers,
    long Unchanged,
    long Undetermined,
    Money BaselineCost,
    Money ReformCost,
    IReadOnlyList<CostRow> ByRegionAndCategory,
    IReadOnlyList<ItemChange> ByItem)
{
    public Money Change => ReformCost - BaselineCost;
}

/// <summary>
/// What-if simulation (issue 11, 4): evaluates the current rules and a reform over a stream of persons and aggregates who
/// gains, who loses and the cost by region and category — without touching the live rules (both sets are values).
/// Streaming: one pass, one <see cref="FactSet"/> at a time, memory bounded by regions × categories × items, never by
/// the number of persons. Pure: progress and cancellation are the caller's.
/// </summary>
public static class WhatIfSimulation
{
    /// <summary>
    /// The annual cost of one entitlement: 按月 × 12, 按年 × 1, 一次性 × 1 (counted in the year it is paid).
    /// </summary>
    public static Money AnnualAmount(Money amount, PaymentFrequency frequency) => frequency switch
    {
        PaymentFrequency.Monthly => amount * 12,
        PaymentFrequency.Yearly or PaymentFrequency.OneTime => amount,
        _ => throw new ArgumentOutOfRangeException(nameof(frequency)),
    };

    /// <summary>
    /// Runs both item sets over <paramref name="persons"/> (which may be produced lazily, e.g. read from the database in
    /// batches). Persons are grouped by <paramref name="regionOf"/>, by default their <c>region.code</c>.
    /// <paramref name="progress"/> is told the number of persons done every 10,000 persons.
    /// </summary>
    public static SimulationSummary Run(
        CompiledItemSet baseline,
        CompiledItemSet reform,
        IEnumerable<FactSet> persons,
        Func<FactSet, string>? regionOf = null,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(reform);
        ArgumentNullException.ThrowIfNull(persons);
        if (!ReferenceEquals(baseline.Registry, reform.Registry))
        {
            throw new ArgumentException("Both item sets must be compiled against the same registry.", nameof(reform));
        }

        regionOf ??= DefaultRegion(baseline.Registry);

        // Items matched by key across the two sets.
        var keys = baseline.Items.Select(i => i.Version.ItemKey).Concat(reform.Items.Select(i => i.Version.ItemKey)).Distinct(StringComparer.Ordinal).ToList();
        var slot = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        var baselineSlots = baseline.Items.Select(i => slot[i.Version.ItemKey]).ToArray();
        var reformSlots = reform.Items.Select(i => slot[i.Version.ItemKey]).ToArray();
        var names = new string[keys.Count];
        foreach (var item in reform.Items.Concat(baseline.Items))
        {
            names[slot[item.Version.ItemKey]] = item.Version.Name;
        }

        var baselineOutcomes = baseline.CreateOutcomes();
        var reformOutcomes = reform.CreateOutcomes();
        var itemTotals = new (long BaselineEntitled, long ReformEntitled, long BaselineFen, long ReformFen)[keys.Count];
        var rows = new Dictionary<(string Region, BenefitCategory Category), long[]>();
        long count = 0, gainers = 0, losers = 0, unchanged = 0, undetermined = 0, baselineTotal = 0, reformTotal = 0;
        var entitledBefore = new bool[keys.Count];
        var entitledAfter = new bool[keys.Count];

        foreach (var person in persons)
        {
            cancellationToken.ThrowIfCancellationRequested();
            baseline.EvaluateInto(person, baselineOutcomes);
            reform.EvaluateInto(person, reformOutcomes);
            Array.Clear(entitledBefore);
            Array.Clear(entitledAfter);
            var region = regionOf(person);
            var anyUndetermined = false;
            long before = 0, after = 0;
            before = Accumulate(baseline, baselineOutcomes, baselineSlots, entitledBefore, region, rows, itemTotals, isReform: false, ref anyUndetermined);
            after = Accumulate(reform, reformOutcomes, reformSlots, entitledAfter, region, rows, itemTotals, isReform: true, ref anyUndetermined);

            baselineTotal = checked(baselineTotal + before);
            reformTotal = checked(reformTotal + after);
            if (after > before)
            {
                gainers++;
            }
            else if (after < before)
            {
                losers++;
            }
            else
            {
                var gained = false;
                var lost = false;
                for (var k = 0; k < keys.Count; k++)
                {
                    gained |= entitledAfter[k] && !entitledBefore[k];
                    lost |= entitledBefore[k] && !entitledAfter[k];
                }

                if (gained && !lost)
                {
                    gainers++;
                }
                else if (lost && !gained)
                {
                    losers++;
                }
                else
                {
                    unchanged++;
                }
            }

            if (anyUndetermined)
            {
                undetermined++;
            }

            if (++count % 10_000 == 0)
            {
                progress?.Report(count);
            }
        }

        progress?.Report(count);
        var byRegion = rows
            .OrderBy(r => r.Key.Region, StringComparer.Ordinal).ThenBy(r => r.Key.Category)
            .Select(r => new CostRow(r.Key.Region, r.Key.Category, r.Value[0], r.Value[1], new Money(r.Value[2]), new Money(r.Value[3])))
            .ToList();
        var byItem = keys.Select((k, i) => new ItemChange(k, names[i], itemTotals[i].BaselineEntitled, itemTotals[i].ReformEntitled,
            new Money(itemTotals[i].BaselineFen), new Money(itemTotals[i].ReformFen))).ToList();
        return new SimulationSummary(count, gainers, losers, unchanged, undetermined, new Money(baselineTotal), new Money(reformTotal), byRegion, byItem);
    }

    private static long Accumulate(
        CompiledItemSet set,
        ItemOutcomes outcomes,
        int[] slots,
        bool[] entitled,
        string region,
        Dictionary<(string, BenefitCategory), long[]> rows,
        (long BaselineEntitled, long ReformEntitled, long BaselineFen, long ReformFen)[] itemTotals,
        bool isReform,
        ref bool anyUndetermined)
    {
        long total = 0;
        for (var i = 0; i < set.Items.Count; i++)
        {
            var status = outcomes.Status(i);
            if (status == EntitlementStatus.Undetermined)
            {
                anyUndetermined = true;
                continue;
            }

            if (status != EntitlementStatus.Eligible)
            {
                continue;
            }

            var version = set.Items[i].Version;
            var annual = outcomes.Amount(i) is { } amount ? AnnualAmount(amount, version.Frequency).Fen : 0;
            total = checked(total + annual);
            entitled[slots[i]] = true;
            var key = (region, version.Category);
            if (!rows.TryGetValue(key, out var row))
            {
                row = new long[4];
                rows.Add(key, row);
            }

            ref var item = ref itemTotals[slots[i]];
            if (isReform)
            {
                row[1]++;
                row[3] = checked(row[3] + annual);
                item.ReformEntitled++;
                item.ReformFen = checked(item.ReformFen + annual);
            }
            else
            {
                row[0]++;
                row[2] = checked(row[2] + annual);
                item.BaselineEntitled++;
                item.BaselineFen = checked(item.BaselineFen + annual);
            }
        }

        return total;
    }

    private static Func<FactSet, string> DefaultRegion(FactRegistry registry)
    {
        var fact = registry.Find(StandardFacts.RegionCode);
        if (fact is null || fact.Type.Kind != RuleTypeKind.String)
        {
            return _ => "未知";
        }

        var index = registry.IndexOf(fact.Name);
        var slot = registry.Slot[index];
        return facts => facts.IsPresent(index) ? facts.Strings[slot] ?? "未知" : "未知";
    }
}
