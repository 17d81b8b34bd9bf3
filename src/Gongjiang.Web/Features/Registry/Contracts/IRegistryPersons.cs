namespace Gongjiang.Web.Features.Registry.Contracts;

/// <summary>A person of the registry as other modules may see it: no ID number, only its masked form.</summary>
/// <param name="Id">The person's id.</param>
/// <param name="Name">姓名.</param>
/// <param name="IdNumberMasked">公民身份号码, masked (e.g. 440306********321X).</param>
/// <param name="RegionCode">The GB/T 2260 code of the region the person works in.</param>
/// <param name="EnterpriseId">The current employer, if any.</param>
public sealed record PersonRef(Guid Id, string Name, string IdNumberMasked, string RegionCode, Guid? EnterpriseId);

/// <summary>
/// The registry's read interface for other modules (benefit policies, the service window…): find, search and stream
/// persons. Every call reads through the caller's context, so only persons in the acting user's scope are returned.
/// Registered by <see cref="Facts.RegistryFactsRegistration.AddRegistryFacts"/>.
/// </summary>
public interface IRegistryPersons
{
    /// <summary>The person, or null when unknown or outside the caller's scope.</summary>
    Task<PersonRef?> FindAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// Up to <paramref name="limit"/> persons in scope whose name contains <paramref name="text"/>, or whose masked ID
    /// number equals it (e.g. “440306********321X”), by name.
    /// </summary>
    Task<IReadOnlyList<PersonRef>> SearchAsync(string text, int limit, CancellationToken ct);

    /// <summary>How many persons in scope work in a region whose code starts with <paramref name="regionPrefix"/> ("" = all).</summary>
    Task<long> CountAsync(string regionPrefix, CancellationToken ct);

    /// <summary>
    /// Every person in scope under <paramref name="regionPrefix"/>, in id order, in batches of at most
    /// <paramref name="batchSize"/> (keyset paging: one query per batch, memory bounded by the batch).
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<PersonRef>> BatchesAsync(string regionPrefix, int batchSize, CancellationToken ct);
}
