using Gongjiang.Core.Common;

namespace Gongjiang.Core.Policies;

/// <summary>One item across the compared regions: the entitlement in each (null where the item is not in force there).</summary>
public sealed record ComparisonRow(string ItemKey, string Name, BenefitCategory Category, IReadOnlyList<Entitlement?> ByRegion);

/// <summary>What each region's items would give one person, side by side, with each region's annual total.</summary>
/// <param name="RegionCodes">The compared regions, in the order given.</param>
/// <param name="Rows">One row per item in force in any of them.</param>
/// <param name="AnnualTotals">Per region, the annual amount of everything the person is entitled to.</param>
public sealed record PersonComparison(IReadOnlyList<string> RegionCodes, IReadOnlyList<ComparisonRow> Rows, IReadOnlyList<Money> AnnualTotals);

/// <summary>How one item is set in one region: the version in force (null = none), where it comes from and its amount.</summary>
public sealed record ItemInRegion(string RegionCode, ResolvedItem? Item, string AmountText)
{
    public string SourceName => Item?.SourceName ?? "无";
}

/// <summary>
/// Cross-region comparison (issue 11, 5): one person against several regions' item sets, and one item across regions.
/// Pure: the caller resolves and compiles each region's items.
/// </summary>
public static class RegionComparison
{
    /// <summary>
    /// Evaluates <paramref name="facts"/> against each region's items. With <paramref name="asIfResident"/>, the person's
    /// <c>region.code</c> is set to each region in turn (what they would get had they worked there); other facts — years
    /// there, insured months — stay as they are.
    /// </summary>
    public static PersonComparison ComparePerson(FactSet facts, IReadOnlyList<CompiledItemSet> regions, bool asIfResident = true)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(regions);
        var canMove = asIfResident && facts.Registry.Find(StandardFacts.RegionCode) is { Type.Kind: RuleTypeKind.String };
        var reports = regions.Select(r => r.Evaluate(canMove ? facts.Copy().Set(StandardFacts.RegionCode, r.RegionCode) : facts)).ToList();
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in reports.SelectMany(r => r.Items))
        {
            if (seen.Add(item.ItemKey))
            {
                keys.Add(item.ItemKey);
            }
        }

        var rows = keys.Select(key =>
        {
            var cells = reports.Select(r => r.Items.FirstOrDefault(i => i.ItemKey == key)).ToList();
            var first = cells.First(c => c is not null)!;
            return new ComparisonRow(key, first.Name, first.Category, cells);
        }).ToList();
        var totals = reports.Select(r => r.Entitled
            .Where(e => e.Amount is not null)
            .Aggregate(Money.Zero, (sum, e) => sum + WhatIfSimulation.AnnualAmount(e.Amount!.Value, e.Frequency))).ToList();
        return new PersonComparison([.. regions.Select(r => r.RegionCode)], rows, totals);
    }

    /// <summary>How one item differs across regions: the version in force in each, its source level and amount.</summary>
    public static IReadOnlyList<ItemInRegion> CompareItem(string itemKey, IReadOnlyList<ResolvedItemSet> regions, FactRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(itemKey);
        ArgumentNullException.ThrowIfNull(regions);
        return [.. regions.Select(r => r.Find(itemKey) is { } item
            ? new ItemInRegion(r.RegionCode, item, item.Version.Amount.Describe(registry))
            : new ItemInRegion(r.RegionCode, null, "未设立"))];
    }
}
