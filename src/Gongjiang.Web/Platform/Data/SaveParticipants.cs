using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Gongjiang.Web.Platform.Data;

/// <summary>
/// Work a module does on a save's pending changes before they are checked against the actor's scope and audited, inside
/// the save's transaction: e.g. keeping a summary table current with the rows it adds up, so that the summary and its
/// rows are committed together or not at all (the derived rows are then scope-checked and audited like any other row).
/// Implementations are found in this assembly by reflection, like the entity configurations, and need a parameterless
/// constructor; they hold no state.
/// </summary>
public interface ISaveParticipant
{
    /// <summary>Whether the pending changes concern this participant; if so the save runs in a transaction (begun if none).</summary>
    bool Concerns(ChangeTracker changes);

    /// <summary>Adds, changes or removes tracked rows; called inside the save's transaction, before the scope check and the audit.</summary>
    Task BeforeSaveAsync(GongjiangDbContext db, CancellationToken ct);
}

/// <summary>The <see cref="ISaveParticipant"/>s of the assembly.</summary>
internal static class SaveParticipants
{
    public static IReadOnlyList<ISaveParticipant> All { get; } = [.. typeof(SaveParticipants).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ISaveParticipant).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (ISaveParticipant)Activator.CreateInstance(t)!)];

    public static List<ISaveParticipant> Concerned(ChangeTracker changes) => [.. All.Where(p => p.Concerns(changes))];
}
