using Gongjiang.Core.Reference;
using Gongjiang.Core.Standards;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Protection;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry;

/// <summary>The registry's <see cref="IRegistryDirectory"/>: reads through the request's scoped context.</summary>
internal sealed class RegistryDirectory(GongjiangDbContext db, IdNumberProtector protector) : IRegistryDirectory
{
    public async Task<DirectoryEnterprise?> FindEnterpriseAsync(Guid id, CancellationToken ct) =>
        (await EnterprisesAsync([id], ct)).GetValueOrDefault(id);

    public async Task<IReadOnlyDictionary<Guid, DirectoryEnterprise>> EnterprisesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var list = await db.Set<Enterprise>().AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, e.RegionCode, e.OwnershipType }).ToListAsync(ct);
        return list.ToDictionary(e => e.Id, e => new DirectoryEnterprise(e.Id, e.Name, e.RegionCode,
            e.OwnershipType is OwnershipType.CentralSoe or OwnershipType.LocalSoe, OwnershipTypes.ChineseName(e.OwnershipType)));
    }

    public async Task<IReadOnlyDictionary<string, (DirectoryPerson? Person, string? Error)>> ResolveIdNumbersAsync(IReadOnlyCollection<string> idNumbers, DateOnly today, CancellationToken ct)
    {
        var result = new Dictionary<string, (DirectoryPerson?, string?)>(StringComparer.Ordinal);
        var parsed = new Dictionary<string, (string Hash, string Masked)>(StringComparer.Ordinal);
        foreach (var text in idNumbers.Distinct(StringComparer.Ordinal))
        {
            var id = CitizenIdNumber.Parse(text, today, RegionCatalog.Default);
            if (id.IsValid)
            {
                parsed[text] = (protector.Hash(id.Value!.Value), id.Value.Masked);
            }
            else
            {
                result[text] = (null, id.Error);
            }
        }

        var hashes = parsed.Values.Select(p => p.Hash).Distinct(StringComparer.Ordinal).ToList();
        var persons = new Dictionary<string, (Guid Id, string Name)>(StringComparer.Ordinal);
        foreach (var chunk in hashes.Chunk(1000))
        {
            foreach (var p in await db.Set<Person>().AsNoTracking().Where(p => chunk.Contains(p.IdNumberHash)).Select(p => new { p.IdNumberHash, p.Id, p.Name }).ToListAsync(ct))
            {
                persons[p.IdNumberHash] = (p.Id, p.Name);
            }
        }

        foreach (var (text, (hash, masked)) in parsed)
        {
            var found = persons.TryGetValue(hash, out var p);
            result[text] = (new DirectoryPerson(hash, masked, found ? p.Id : null, found ? p.Name : null), null);
        }

        return result;
    }

    public async Task<string?> HashOfPersonAsync(Guid personId, CancellationToken ct) =>
        await db.Set<Person>().AsNoTracking().Where(p => p.Id == personId).Select(p => p.IdNumberHash).FirstOrDefaultAsync(ct);
}
