using Gongjiang.Core.Skills;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Protection;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry.Contracts;

/// <summary>
/// What another module may know about a person and their employment, as the registry holds it now: the name, the
/// masked ID number, the workplace, the current employment's dates, 一线岗位, the highest skill level and the stored
/// determination of 高技能领军人才 (policy 三(一)).
/// </summary>
/// <param name="PersonId">The person.</param>
/// <param name="Name">姓名.</param>
/// <param name="IdNumberMasked">公民身份号码, masked (ADR 0005).</param>
/// <param name="RegionCode">The region of the person's record (their workplace's).</param>
/// <param name="EnterpriseId">The current employer, if any.</param>
/// <param name="EnterpriseName">Its name.</param>
/// <param name="EmploymentStart">The start of the current employment at <paramref name="EnterpriseId"/> (入职日期), if recorded.</param>
/// <param name="EmploymentEnd">Its end (离职日期), if recorded.</param>
/// <param name="Frontline">长期坚守在生产服务一线岗位, as recorded (null: not stated).</param>
/// <param name="HighestSkillLevel">Highest skill level held.</param>
/// <param name="IsLeadingTalent">The stored determination of 高技能领军人才.</param>
public sealed record EmployeeFacts(
    Guid PersonId,
    string Name,
    string IdNumberMasked,
    string RegionCode,
    Guid? EnterpriseId,
    string? EnterpriseName,
    DateOnly? EmploymentStart,
    DateOnly? EmploymentEnd,
    bool? Frontline,
    SkillLevel? HighestSkillLevel,
    bool IsLeadingTalent);

/// <summary>An enterprise's name and region, for lists of other modules.</summary>
public sealed record EnterpriseFacts(Guid Id, string Name, string RegionCode);

/// <summary>
/// The registry's read interface onto persons, employment and enterprises for other modules (issue 16: leave). Every
/// read goes through the caller's scope (an employer finds only its own staff, a worker only themself, a clerk their
/// jurisdiction); nothing here writes.
/// </summary>
public interface IEmploymentDirectory
{
    /// <summary>The facts of one person, or null when not found or out of scope.</summary>
    Task<EmployeeFacts?> FindAsync(Guid personId, CancellationToken ct);

    /// <summary>The facts of the persons found in scope among <paramref name="personIds"/>, keyed by id.</summary>
    Task<IReadOnlyDictionary<Guid, EmployeeFacts>> FindManyAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct);

    /// <summary>
    /// The persons in scope with these citizen ID numbers (already validated and normalised to 18 characters, upper-case
    /// X — <c>CitizenIdNumber.Value</c>), keyed by the number; numbers not found are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, EmployeeFacts>> FindByIdNumbersAsync(IReadOnlyCollection<string> idNumbers, CancellationToken ct);

    /// <summary>The persons whose current employer is <paramref name="enterpriseId"/>, by name, a page at a time.</summary>
    Task<(IReadOnlyList<EmployeeFacts> Items, int Total)> EmployeesOfAsync(Guid enterpriseId, int skip, int take, CancellationToken ct);

    /// <summary>The enterprises found (readable by the caller) among <paramref name="ids"/>, keyed by id.</summary>
    Task<IReadOnlyDictionary<Guid, EnterpriseFacts>> EnterprisesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);
}

/// <summary>The registry's implementation of <see cref="IEmploymentDirectory"/> over its own tables (scope filters apply).</summary>
internal sealed class EmploymentDirectory(GongjiangDbContext db, IdNumberProtector protector) : IEmploymentDirectory
{
    private const int Chunk = 1000;

    public async Task<EmployeeFacts?> FindAsync(Guid personId, CancellationToken ct) =>
        (await FindManyAsync([personId], ct)).GetValueOrDefault(personId);

    public async Task<IReadOnlyDictionary<Guid, EmployeeFacts>> FindManyAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var result = new Dictionary<Guid, EmployeeFacts>();
        foreach (var chunk in personIds.Distinct().Chunk(Chunk))
        {
            var ids = chunk.ToList();
            foreach (var facts in await LoadAsync(db.Set<Person>().AsNoTracking().Where(p => ids.Contains(p.Id)), ct))
            {
                result[facts.PersonId] = facts;
            }
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<string, EmployeeFacts>> FindByIdNumbersAsync(IReadOnlyCollection<string> idNumbers, CancellationToken ct)
    {
        var result = new Dictionary<string, EmployeeFacts>(StringComparer.Ordinal);
        foreach (var chunk in idNumbers.Distinct(StringComparer.Ordinal).Chunk(Chunk))
        {
            var byHash = chunk.ToDictionary(protector.Hash, n => n, StringComparer.Ordinal);
            var hashes = byHash.Keys.ToList();
            var rows = await db.Set<Person>().AsNoTracking().Where(p => hashes.Contains(p.IdNumberHash)).Select(p => new { p.Id, p.IdNumberHash }).ToListAsync(ct);
            var facts = await FindManyAsync(rows.Select(r => r.Id).ToList(), ct);
            foreach (var row in rows)
            {
                if (facts.TryGetValue(row.Id, out var f))
                {
                    result[byHash[row.IdNumberHash]] = f;
                }
            }
        }

        return result;
    }

    public async Task<(IReadOnlyList<EmployeeFacts> Items, int Total)> EmployeesOfAsync(Guid enterpriseId, int skip, int take, CancellationToken ct)
    {
        var query = db.Set<Person>().AsNoTracking().Where(p => p.EnterpriseId == enterpriseId);
        var total = await query.CountAsync(ct);
        var items = await LoadAsync(query.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(skip).Take(take), ct);
        return (items, total);
    }

    public async Task<IReadOnlyDictionary<Guid, EnterpriseFacts>> EnterprisesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var result = new Dictionary<Guid, EnterpriseFacts>();
        foreach (var chunk in ids.Distinct().Chunk(Chunk))
        {
            var list = chunk.ToList();
            foreach (var e in await db.Set<Enterprise>().AsNoTracking().Where(e => list.Contains(e.Id)).Select(e => new EnterpriseFacts(e.Id, e.Name, e.RegionCode)).ToListAsync(ct))
            {
                result[e.Id] = e;
            }
        }

        return result;
    }

    private async Task<List<EmployeeFacts>> LoadAsync(IQueryable<Person> persons, CancellationToken ct)
    {
        var rows = await (
            from p in persons
            join e in db.Set<Enterprise>() on p.EnterpriseId equals e.Id into employers
            from e in employers.DefaultIfEmpty()
            select new { Person = p, EnterpriseName = e == null ? null : e.Name }).ToListAsync(ct);
        var ids = rows.Select(r => r.Person.Id).ToList();
        var employments = ids.Count == 0 ? [] : await db.Set<Employment>().AsNoTracking()
            .Where(x => ids.Contains(x.PersonId))
            .Select(x => new { x.PersonId, x.EmployerId, x.StartDate, x.EndDate, x.Id })
            .ToListAsync(ct);
        return [.. rows.Select(r =>
        {
            // The current employment: at the person's employer, the latest start (then the latest record).
            var current = employments
                .Where(x => x.PersonId == r.Person.Id && x.EmployerId == r.Person.EnterpriseId)
                .OrderByDescending(x => x.StartDate ?? DateOnly.MinValue).ThenByDescending(x => x.Id)
                .FirstOrDefault();
            return new EmployeeFacts(r.Person.Id, r.Person.Name, r.Person.IdNumberMasked, r.Person.RegionCode, r.Person.EnterpriseId, r.EnterpriseName,
                current?.StartDate, current?.EndDate, r.Person.Frontline, r.Person.HighestSkillLevel, r.Person.IsLeadingTalent);
        })];
    }
}
