using Gongjiang.Core.Policies;

namespace Gongjiang.Web.Features.Policies.Contracts;

/// <summary>
/// A module's contribution of facts to the benefit-rule engine (docs/adr/0010, 0014). A module registers its source as a
/// scoped service in its <c>AddServices</c> (<c>services.AddScoped&lt;IFactSource, MyFactSource&gt;()</c>); the engine
/// knows no fact by name and never reads another module's tables. The engine reads facts through the caller's
/// <see cref="Platform.Data.GongjiangDbContext"/>, so a source sees only the persons the acting user may see.
/// </summary>
/// <remarks>
/// Invariants a source keeps: <see cref="FillAsync"/> runs a fixed number of queries per batch, whatever the number of
/// persons in it (never one query per person: a what-if over a province's registry reads millions of persons); it sets
/// only the facts it names in <see cref="Supplies"/>; a fact it does not know for a person stays absent (unknown), and
/// rules that need it say so in their trace; values are those in force on <see cref="FactBatch.AsOf"/> (no clock).
/// Fact names are never reused for a different meaning: stored decisions refer to them.
/// </remarks>
public interface IFactSource
{
    /// <summary>The providing module, e.g. "registry"; shown in the rule editor next to each fact it supplies.</summary>
    string Name { get; }

    /// <summary>Facts this source adds beyond <see cref="StandardFacts.All"/> (new names; empty when it fills standard facts only).</summary>
    IReadOnlyList<FactDefinition> Declares { get; }

    /// <summary>The names of the facts this source fills (standard ones or its own).</summary>
    IReadOnlyCollection<string> Supplies { get; }

    /// <summary>Fills <see cref="Supplies"/> for every person of the batch the actor may see, in a fixed number of queries.</summary>
    Task FillAsync(FactBatch batch, CancellationToken ct);
}

/// <summary>
/// The facts of a batch of persons on one day, one <see cref="FactSet"/> per person, filled by every <see cref="IFactSource"/>
/// in turn.
/// </summary>
public sealed class FactBatch
{
    private readonly Dictionary<Guid, FactSet> _facts;

    public FactBatch(FactRegistry registry, DateOnly asOf, IReadOnlyList<Guid> personIds)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(personIds);
        Registry = registry;
        AsOf = asOf;
        PersonIds = personIds;
        _facts = new Dictionary<Guid, FactSet>(personIds.Count);
        foreach (var id in personIds)
        {
            _facts.TryAdd(id, registry.NewFactSet(asOf));
        }
    }

    public FactRegistry Registry { get; }

    /// <summary>The day the facts describe (rules read it as <c>asOf</c>).</summary>
    public DateOnly AsOf { get; }

    /// <summary>The persons of the batch, in the order given.</summary>
    public IReadOnlyList<Guid> PersonIds { get; }

    /// <summary>The facts of one person of the batch.</summary>
    public FactSet For(Guid personId) => _facts.TryGetValue(personId, out var facts)
        ? facts
        : throw new ArgumentException("The person is not in this batch.", nameof(personId));

    /// <summary>The facts of one person, or false when the person is not in the batch.</summary>
    public bool TryGet(Guid personId, out FactSet facts) => _facts.TryGetValue(personId, out facts!);
}
