using Gongjiang.Core.Reference;
using Gongjiang.Core.Skills;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry.Enterprises;

/// <summary>
/// An enterprise as listed. <see cref="Workers"/> and <see cref="LeadingTalents"/> count the persons recorded at the
/// enterprise that the actor may see; they are null where the actor's scope is narrower than the enterprise (an
/// employer looking at another enterprise, a worker), since a partial count would mislead.
/// </summary>
public sealed record EnterpriseSummary(
    Guid Id, string CreditCode, string Name, string OwnershipType, string? Industry, string RegionCode, string RegionName,
    int? Workers, int? LeadingTalents);

/// <summary>A person working at the enterprise, as listed on its page: the ID number only masked.</summary>
public sealed record EnterpriseWorker(
    Guid Id, string Name, string IdNumberMasked, string? Occupation, string? SkillLevel, bool IsLeadingTalent, string? Bases);

/// <summary>An enterprise with a page of its workers.</summary>
public sealed record EnterpriseDetail(
    Guid Id, string CreditCode, string Name, string OwnershipType, string? Industry, string RegionCode, string RegionName,
    int? Workers, int? LeadingTalents, bool WorkersComplete, Paged<EnterpriseWorker> WorkerPage, DateTimeOffset UpdatedAt);

/// <summary>Search criteria of the enterprise list (page query string and API parameters).</summary>
public sealed class EnterpriseSearch
{
    /// <summary>Part of the name, or the unified social credit code (or its beginning).</summary>
    public string? Q { get; set; }

    /// <summary>A region code: the enterprise's region lies in it.</summary>
    public string? Region { get; set; }

    public FieldErrors Validate(out string? regionPrefix)
    {
        var errors = new FieldErrors();
        regionPrefix = null;
        if (Q is { Length: > 64 })
        {
            errors.Add("q", "查询条件不能超过64个字符");
        }

        if (!string.IsNullOrWhiteSpace(Region))
        {
            var parsed = Core.Access.Jurisdiction.Parse(Region);
            if (!parsed.IsValid || RegionCatalog.Default.Find(parsed.Value.Code) is null)
            {
                errors.Add("region", $"地区代码“{Region.Trim()}”不是有效的行政区划代码");
            }
            else
            {
                regionPrefix = parsed.Value.Prefix;
            }
        }

        return errors;
    }
}

/// <summary>
/// 用人单位 reads. Every query goes through the context's scope filter: enterprise registration is public, so any
/// actor reads the enterprises of their jurisdiction; their workers are narrowed like every person record.
/// </summary>
public static class EnterpriseUseCases
{
    public static async Task<(Paged<EnterpriseSummary>? Page, FieldErrors Errors)> SearchAsync(
        GongjiangDbContext db, EnterpriseSearch search, PageRequest page, CancellationToken ct)
    {
        var errors = search.Validate(out var region);
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var enterprises = db.Set<Enterprise>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search.Q))
        {
            var text = search.Q.Trim();
            var code = text.ToUpperInvariant();
            enterprises = enterprises.Where(e => e.Name.Contains(text) || e.CreditCode.StartsWith(code));
        }

        if (region is not null)
        {
            enterprises = enterprises.Where(e => e.RegionCode.StartsWith(region));
        }

        var persons = db.Set<Person>().AsNoTracking();
        var total = await enterprises.CountAsync(ct);
        var rows = await enterprises
            .OrderBy(e => e.Name).ThenBy(e => e.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(e => new
            {
                Enterprise = e,
                Workers = persons.Count(p => p.EnterpriseId == e.Id),
                Leading = persons.Count(p => p.EnterpriseId == e.Id && p.IsLeadingTalent),
            })
            .ToListAsync(ct);
        var items = rows.Select(r =>
        {
            var complete = CountsComplete(db, r.Enterprise.Id);
            return new EnterpriseSummary(r.Enterprise.Id, r.Enterprise.CreditCode, r.Enterprise.Name,
                OwnershipTypes.ChineseName(r.Enterprise.OwnershipType), r.Enterprise.Industry, r.Enterprise.RegionCode,
                RegionCatalog.Default.FullName(r.Enterprise.RegionCode), complete ? r.Workers : null, complete ? r.Leading : null);
        }).ToList();
        return (new Paged<EnterpriseSummary>(items, total, page.Page, page.PageSize), errors);
    }

    /// <summary>The enterprise and a page of its workers (leading talents first); null when not found in scope.</summary>
    public static async Task<EnterpriseDetail?> GetAsync(GongjiangDbContext db, Guid id, PageRequest page, CancellationToken ct)
    {
        var e = await db.Set<Enterprise>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return null;
        }

        var workers = db.Set<Person>().AsNoTracking().Where(p => p.EnterpriseId == id);
        var total = await workers.CountAsync(ct);
        var leading = await workers.CountAsync(p => p.IsLeadingTalent, ct);
        var rows = await workers
            .OrderByDescending(p => p.IsLeadingTalent).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(p => new { p.Id, p.Name, p.IdNumberMasked, p.Occupation, p.HighestSkillLevel, p.IsLeadingTalent, p.BasesSummary })
            .ToListAsync(ct);
        var items = rows.Select(p => new EnterpriseWorker(p.Id, p.Name, p.IdNumberMasked, p.Occupation,
            p.HighestSkillLevel is { } s ? SkillLevels.DisplayName(s) : null, p.IsLeadingTalent, p.IsLeadingTalent ? p.BasesSummary : null)).ToList();
        var complete = CountsComplete(db, id);
        return new EnterpriseDetail(e.Id, e.CreditCode, e.Name, OwnershipTypes.ChineseName(e.OwnershipType), e.Industry, e.RegionCode,
            RegionCatalog.Default.FullName(e.RegionCode), complete ? total : null, complete ? leading : null, complete,
            new Paged<EnterpriseWorker>(items, total, page.Page, page.PageSize), e.UpdatedAt);
    }

    /// <summary>
    /// Whether the actor sees every person of the enterprise that lies in their jurisdiction: not when bound to a
    /// person, nor when bound to another enterprise.
    /// </summary>
    public static bool CountsComplete(GongjiangDbContext db, Guid enterpriseId) =>
        db.Scope.PersonId is null && (db.Scope.EnterpriseId is null || db.Scope.EnterpriseId == enterpriseId);
}
