using System.Runtime.CompilerServices;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Persons;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry.Facts;

/// <summary>The registry's <see cref="IRegistryPersons"/>: reads through the caller's scoped context.</summary>
public sealed class RegistryPersons(GongjiangDbContext db) : IRegistryPersons
{
    public async Task<PersonRef?> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<Person>().AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PersonRef(p.Id, p.Name, p.IdNumberMasked, p.RegionCode, p.EnterpriseId))
            .FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<PersonRef>> SearchAsync(string text, int limit, CancellationToken ct)
    {
        text = (text ?? "").Trim();
        if (text.Length == 0 || limit < 1)
        {
            return [];
        }

        var query = db.Set<Person>().AsNoTracking();
        var upper = text.ToUpperInvariant();
        query = text.Contains('*', StringComparison.Ordinal)
            ? query.Where(p => p.IdNumberMasked == upper)
            : query.Where(p => EF.Functions.Like(p.Name, "%" + PersonUseCases.LikeEscape(text) + "%", "\\"));
        return await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(Math.Min(limit, 100))
            .Select(p => new PersonRef(p.Id, p.Name, p.IdNumberMasked, p.RegionCode, p.EnterpriseId))
            .ToListAsync(ct);
    }

    public Task<long> CountAsync(string regionPrefix, CancellationToken ct) =>
        Under(db.Set<Person>().AsNoTracking(), regionPrefix).LongCountAsync(ct);

    public async IAsyncEnumerable<IReadOnlyList<PersonRef>> BatchesAsync(string regionPrefix, int batchSize, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        Guid? last = null;
        while (true)
        {
            var query = Under(db.Set<Person>().AsNoTracking(), regionPrefix);
            if (last is { } after)
            {
                query = query.Where(p => p.Id.CompareTo(after) > 0);
            }

            var batch = await query.OrderBy(p => p.Id).Take(batchSize)
                .Select(p => new PersonRef(p.Id, p.Name, p.IdNumberMasked, p.RegionCode, p.EnterpriseId))
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                yield break;
            }

            yield return batch;
            if (batch.Count < batchSize)
            {
                yield break;
            }

            last = batch[^1].Id;
        }
    }

    private static IQueryable<Person> Under(IQueryable<Person> query, string regionPrefix) =>
        string.IsNullOrEmpty(regionPrefix) ? query : query.Where(p => p.RegionCode.StartsWith(regionPrefix));
}
