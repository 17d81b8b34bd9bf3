using System.Globalization;
using Gongjiang.Core.Common;
using Gongjiang.Core.Policies;
using Gongjiang.Web.Features.Policies.Contracts;
using Gongjiang.Web.Features.Policies.Data;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Policies.Engine;

/// <summary>
/// Reads the facts of persons on a day: every module's <see cref="IFactSource"/> in turn, then the facts clerks recorded
/// for facts no module supplies — one fixed set of queries per batch, whatever its size. Reads through the caller's
/// context, so persons outside the actor's scope stay empty.
/// </summary>
public sealed class FactLoader(GongjiangDbContext db, PolicyFacts facts, IEnumerable<IFactSource> sources)
{
    /// <summary>The largest batch read at once (the simulation and the recompute read in batches of this size).</summary>
    public const int BatchSize = 5000;

    public FactRegistry Registry => facts.Registry;

    /// <summary>Fills the facts of a batch of persons on <paramref name="asOf"/>.</summary>
    public async Task<FactBatch> LoadAsync(IReadOnlyList<Guid> personIds, DateOnly asOf, CancellationToken ct)
    {
        var batch = new FactBatch(facts.Registry, asOf, personIds);
        foreach (var source in sources)
        {
            await source.FillAsync(batch, ct);
        }

        if (facts.Recordable.Count > 0 && personIds.Count > 0)
        {
            var ids = personIds as List<Guid> ?? [.. personIds];
            var recorded = await db.Set<RecordedFact>().AsNoTracking()
                .Where(f => ids.Contains(f.PersonId) && f.ValidFrom <= asOf)
                .Select(f => new { f.Id, f.PersonId, f.FactName, f.Value, f.ValidFrom })
                .ToListAsync(ct);
            foreach (var latest in recorded.GroupBy(f => (f.PersonId, f.FactName))
                .Select(g => g.OrderByDescending(f => f.ValidFrom).ThenByDescending(f => f.Id).First()))
            {
                if (facts.IsRecordable(latest.FactName) && batch.TryGet(latest.PersonId, out var set))
                {
                    Apply(set, facts.Registry.Find(latest.FactName)!, latest.Value);
                }
            }
        }

        return batch;
    }

    /// <summary>The facts of one person on <paramref name="asOf"/>.</summary>
    public async Task<FactSet> LoadOneAsync(Guid personId, DateOnly asOf, CancellationToken ct) =>
        (await LoadAsync([personId], asOf, ct)).For(personId);

    /// <summary>Sets a fact from its canonical text (<see cref="FactSet.ToCanonical"/>); null or text that does not parse leaves it unknown.</summary>
    internal static void Apply(FactSet set, FactDefinition fact, string? value)
    {
        if (value is null)
        {
            set.Clear(fact.Name);
            return;
        }

        var parsed = FactSet.Parse(set.Registry, set.AsOf, [new(fact.Name, value)]);
        if (!parsed.IsValid)
        {
            return;
        }

        var name = fact.Name;
        var one = parsed.Value!;
        switch (fact.Type.Kind)
        {
            case RuleTypeKind.Bool:
                set.Set(name, value.Trim() is "true" or "是");
                break;
            case RuleTypeKind.Int:
                set.Set(name, long.Parse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
                break;
            case RuleTypeKind.Decimal:
                set.Set(name, decimal.Parse(value.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
                break;
            case RuleTypeKind.Money:
                set.Set(name, Money.Parse(value.Trim(), allowNegative: true).Value);
                break;
            case RuleTypeKind.Date:
                set.Set(name, DateOnly.ParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case RuleTypeKind.String or RuleTypeKind.Enum:
                set.Set(name, value.Trim());
                break;
            case RuleTypeKind.Set:
                set.SetMembers(name, (one.ToCanonical(name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries));
                break;
            case RuleTypeKind.Years:
                set.SetYears(name, (one.ToCanonical(name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => new KeyValuePair<string, int>(p[..p.LastIndexOf(':')], int.Parse(p[(p.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture))));
                break;
            case RuleTypeKind.List or RuleTypeKind.Map:
            default:
                break;
        }
    }
}
