using Gongjiang.Core.Access;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Policies;

/// <summary>
/// One item in force for a region on a day, with where it came from (全国 / 省 / 市 / 县) and the higher versions it
/// replaced. Invariant: <see cref="Overridden"/> holds only versions whose <see cref="BenefitItemVersion.OverridableBelow"/>
/// was true; a refused override is listed in <see cref="Notes"/> instead.
/// </summary>
/// <param name="Version">The version in force.</param>
/// <param name="Overridden">Versions of the same item from higher jurisdictions that this one replaces, highest first.</param>
/// <param name="Notes">Chinese notes, e.g. why a lower override did not take effect.</param>
public sealed record ResolvedItem(BenefitItemVersion Version, IReadOnlyList<BenefitItemVersion> Overridden, IReadOnlyList<string> Notes)
{
    /// <summary>Where the version in force comes from.</summary>
    public JurisdictionLevel Source => Version.Level;

    /// <summary>全国 / 省 / 市 / 县.</summary>
    public string SourceName => PolicyNames.Of(Source);

    /// <summary>“调整了全国事项（金额由各地确定）” when it overrides, else null.</summary>
    public string? OverrideText => Overridden.Count == 0
        ? null
        : "调整了" + string.Join("、", Overridden.Select(o => PolicyNames.Of(o.Level) + "事项（" + o.Amount.Describe() + "）"));
}

/// <summary>The items in force for one region on one day: inherited, added and overridden, in catalogue order.</summary>
public sealed record ResolvedItemSet(string RegionCode, DateOnly AsOf, IReadOnlyList<ResolvedItem> Items)
{
    public ResolvedItem? Find(string itemKey) => Items.FirstOrDefault(i => i.Version.ItemKey == itemKey);
}

/// <summary>
/// Resolves which benefit items are in force for a region on a day. A region inherits the items of 全国, its province and
/// its city; a lower jurisdiction's version with the same <see cref="BenefitItemVersion.ItemKey"/> replaces the higher one
/// where the higher allows it (<see cref="BenefitItemVersion.OverridableBelow"/>), and other keys add to the set —
/// policy 三(一) “各地要…结合实际制定支持政策”, 三(四) “鼓励各地根据实际情况，研究探索…支持政策”.
/// </summary>
public static class PolicyResolver
{
    /// <summary>The items in force for <paramref name="regionCode"/> on <paramref name="asOf"/>, or why the code is refused.</summary>
    public static Result<ResolvedItemSet> Resolve(IEnumerable<BenefitItemVersion> catalogue, string regionCode, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var jurisdiction = Jurisdiction.Parse(regionCode);
        if (!jurisdiction.IsValid)
        {
            return Result<ResolvedItemSet>.Fail(jurisdiction.Error!);
        }

        var chain = ChainOf(jurisdiction.Value.Code);
        var byRegion = catalogue
            .Where(v => v.IsEffectiveOn(asOf) && chain.Contains(v.RegionCode))
            .GroupBy(v => v.RegionCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var order = new List<string>();
        var current = new Dictionary<string, (BenefitItemVersion Version, List<BenefitItemVersion> Overridden, List<string> Notes)>(StringComparer.Ordinal);
        foreach (var code in chain)
        {
            if (!byRegion.TryGetValue(code, out var versions))
            {
                continue;
            }

            // Should overlapping versions slip through, the latest start wins (it is the newer rule).
            foreach (var version in versions.GroupBy(v => v.ItemKey, StringComparer.Ordinal)
                .Select(g => g.OrderByDescending(v => v.EffectiveFrom).ThenBy(v => v.VersionId, StringComparer.Ordinal).First()))
            {
                if (!current.TryGetValue(version.ItemKey, out var inherited))
                {
                    order.Add(version.ItemKey);
                    current[version.ItemKey] = (version, [], []);
                }
                else if (inherited.Version.OverridableBelow)
                {
                    current[version.ItemKey] = (version, [.. inherited.Overridden, inherited.Version], inherited.Notes);
                }
                else
                {
                    inherited.Notes.Add($"{PolicyNames.Of(version.Level)}级同名事项（版本{version.VersionId}）未生效：{PolicyNames.Of(inherited.Version.Level)}级事项不允许下级调整");
                }
            }
        }

        var items = order.Select(key => current[key]).Select(e => new ResolvedItem(e.Version, e.Overridden, e.Notes)).ToList();
        return Result<ResolvedItemSet>.Ok(new ResolvedItemSet(jurisdiction.Value.Code, asOf, items));
    }

    /// <summary>The jurisdictions a region inherits from, highest first, ending with the region: 440305 → 000000, 440000, 440300, 440305.</summary>
    public static IReadOnlyList<string> ChainOf(string regionCode)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        var chain = new List<string> { Jurisdiction.CountryCode };
        if (regionCode == Jurisdiction.CountryCode || regionCode.Length != 6)
        {
            return chain;
        }

        foreach (var code in (ReadOnlySpan<string>)[regionCode[..2] + "0000", regionCode[..4] + "00", regionCode])
        {
            if (!chain.Contains(code))
            {
                chain.Add(code);
            }
        }

        return chain;
    }
}
