using System.Globalization;
using Gongjiang.Core.Access;
using Gongjiang.Core.Publication;
using Gongjiang.Web.Features.Publication.Data;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Protection;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Publication.Feed;

public sealed record FeedPublication(Guid Id, long Sequence, string RegionCode, string Title, string Period, DateOnly PublishedOn, int Listed, int Added, int Changed, int Removed);

/// <summary>One change for a department's system: replaying every change since 0 rebuilds the jurisdiction's list.</summary>
public sealed record FeedChange(
    long Sequence, Guid PublicationId, string Change, Guid PersonId, string Name, string IdNumber, bool IdNumberMasked, string Sex,
    string EmployerName, string? EmployerCreditCode, string Occupation, string SkillLevel, string RegionCode, string RegionName, string Bases, bool? Frontline, string? ChangedFields);

public sealed record FeedPage(string Region, long Since, long Next, bool HasMore, IReadOnlyList<FeedPublication> Publications, IReadOnlyList<FeedChange> Changes);

/// <summary>
/// What departments need to grant benefits (notice 三 “向各部门…公布”): the published changes of their jurisdiction,
/// incremental by publication (<c>since</c> = the last sequence number read). ID numbers in full only to roles with
/// need (<see cref="Permissions.RegistryViewIdNumber"/>) and only on request; every call is audited.
/// </summary>
public static class DepartmentFeed
{
    /// <summary>Publications per call; a department's system calls again with <see cref="FeedPage.Next"/> while <see cref="FeedPage.HasMore"/>.</summary>
    public const int PublicationsPerCall = 5;

    /// <summary>Checks the query; a region outside the actor's jurisdiction is a <c>forbidden</c> error.</summary>
    public static (string Region, long Since, FieldErrors Errors, bool Forbidden) Check(Actor actor, string? region, string? since)
    {
        var errors = new FieldErrors();
        var code = string.IsNullOrWhiteSpace(region) ? actor.Jurisdiction.Code : region.Trim();
        var parsed = Jurisdiction.Parse(code);
        var forbidden = false;
        if (!parsed.IsValid)
        {
            errors.Add("region", "地区（region）应为6位行政区划代码，如440300");
        }
        else if (!actor.Jurisdiction.Contains(parsed.Value))
        {
            forbidden = true;
        }

        long from = 0;
        if (!string.IsNullOrWhiteSpace(since) && (!long.TryParse(since, NumberStyles.None, CultureInfo.InvariantCulture, out from) || from < 0))
        {
            errors.Add("since", "起始序号（since）应为上次读取返回的 next 值（非负整数），首次读取填0");
        }

        return (parsed.IsValid ? parsed.Value.Code : code, from, errors, forbidden);
    }

    public static async Task<FeedPage> ReadAsync(GongjiangDbContext db, IdNumberProtector protector, string region, long since, bool revealIdNumbers, CancellationToken ct)
    {
        var publications = await db.Set<Data.Publication>().AsNoTracking().Of(Jurisdiction.Parse(region).GetValueOrThrow())
            .Where(p => p.Status == PublicationStatus.Published && p.Sequence > since)
            .OrderBy(p => p.Sequence).Take(PublicationsPerCall + 1).ToListAsync(ct);
        var hasMore = publications.Count > PublicationsPerCall;
        publications = [.. publications.Take(PublicationsPerCall)];
        var ids = publications.Select(p => p.Id).ToList();
        var sequenceOf = publications.ToDictionary(p => p.Id, p => p.Sequence!.Value);

        var rows = await (
            from e in db.Set<PublicationEntry>().AsNoTracking()
            where ids.Contains(e.PublicationId) && e.Change != EntryChange.Unchanged && e.WithdrawnOn == null
            join p in db.Set<Person>().AsNoTracking() on e.PersonId equals p.Id
            join en in db.Unscoped<Enterprise>("部门名单显示用人单位的统一社会信用代码（单位可在其他地区登记）").AsNoTracking() on e.EnterpriseId equals en.Id into employers
            from en in employers.DefaultIfEmpty()
            orderby e.PublicationId, e.Position
            select new { e, p.IdNumberMasked, p.IdNumberCipher, CreditCode = en == null ? null : en.CreditCode }).ToListAsync(ct);

        var reveal = revealIdNumbers && db.Actor.Can(Permissions.RegistryViewIdNumber);
        var changes = rows.Select(r => new FeedChange(sequenceOf[r.e.PublicationId], r.e.PublicationId, r.e.Change.ToString(), r.e.PersonId, r.e.Name,
            reveal ? protector.Unprotect(r.IdNumberCipher) : r.IdNumberMasked, !reveal, r.e.Sex, r.e.EmployerName, r.CreditCode, r.e.Occupation,
            r.e.SkillLevel, r.e.RegionCode, r.e.RegionName, r.e.Bases, r.e.Frontline, r.e.ChangedFields))
            .OrderBy(c => c.Sequence).ToList();

        var next = publications.Count == 0 ? since : publications[^1].Sequence!.Value;
        db.Audit(new AuditEvent(AuditActions.Feed, "PublicationFeed", region, Detail:
            $"读取部门订阅：地区{region}，自第{since}号起，{publications.Count}期公布、{changes.Count}条变化" + (reveal ? $"，含完整公民身份号码{changes.Count}个" : "，身份证号已脱敏")));
        await db.SaveChangesAsync(ct);

        return new FeedPage(region, since, next, hasMore,
            [.. publications.Select(p => new FeedPublication(p.Id, p.Sequence!.Value, p.RegionCode, p.Title, p.PeriodKey, p.PublishedOn!.Value, p.ListedCount, p.AddedCount, p.ChangedCount, p.RemovedCount))],
            changes);
    }

    public static string ChangeName(string change) => Enum.TryParse<EntryChange>(change, out var c) ? ChangeList.ChineseName(c) : change;
}
