namespace Gongjiang.Web.Features.Registry.Contracts;

/// <summary>An enterprise as other modules see it (no registry data types).</summary>
/// <param name="Id">The enterprise.</param>
/// <param name="Name">单位名称.</param>
/// <param name="RegionCode">所在地区 (GB/T 2260).</param>
/// <param name="StateOwned">中央企业 or 地方国有企业 (the SOE pay rule of policy 四(二) applies).</param>
/// <param name="OwnershipName">企业性质, in Chinese.</param>
public sealed record DirectoryEnterprise(Guid Id, string Name, string RegionCode, bool StateOwned, string OwnershipName);

/// <summary>A citizen ID number as other modules may keep it: the registry's lookup hash, the masked form and the registered person if any.</summary>
/// <param name="Hash">The registry's keyed hash of the number (stable across years; the person key of wage reports).</param>
/// <param name="Masked">The masked number (e.g. 440***********123X).</param>
/// <param name="PersonId">The registered person with this number in the caller's scope, or null.</param>
/// <param name="Name">That person's name, or null.</param>
public sealed record DirectoryPerson(string Hash, string Masked, Guid? PersonId, string? Name);

/// <summary>
/// The registry's read interface for other modules (wages…): enterprises and persons by ID number, read through the
/// caller's scope (the scoped context of the request).
/// </summary>
public interface IRegistryDirectory
{
    /// <summary>The enterprise if the caller's scope can read it, else null.</summary>
    Task<DirectoryEnterprise?> FindEnterpriseAsync(Guid id, CancellationToken ct);

    /// <summary>Enterprises by id that the caller's scope can read.</summary>
    Task<IReadOnlyDictionary<Guid, DirectoryEnterprise>> EnterprisesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>
    /// Validates a citizen ID number (GB 11643) and returns its hash, masked form and the registered person (in scope)
    /// or the Chinese reason it is not valid.
    /// </summary>
    Task<IReadOnlyDictionary<string, (DirectoryPerson? Person, string? Error)>> ResolveIdNumbersAsync(IReadOnlyCollection<string> idNumbers, DateOnly today, CancellationToken ct);

    /// <summary>The registry's hash of the person's ID number (for a worker looking at their own records), or null.</summary>
    Task<string?> HashOfPersonAsync(Guid personId, CancellationToken ct);
}
