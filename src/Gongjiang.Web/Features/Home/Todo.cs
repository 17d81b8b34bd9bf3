using Gongjiang.Core.Publication;
using Gongjiang.Web.Features.Publication.Data;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Imports;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Home;

/// <summary>One thing waiting for the signed-in user: what, how many, where to do it.</summary>
public sealed record TodoItem(string Title, int Count, string Unit, string Href, string? Detail = null);

/// <summary>
/// 待办 on the home page: per role, the work that waits for the user — a clerk's objections to decide, reviews to
/// check, publications to approve (as the second person) and imports that failed; an employer's people to confirm in
/// the yearly review and its failed imports. Every query goes through the context, so only the user's scope counts.
/// </summary>
public static class TodoUseCases
{
    /// <summary>How many of the user's latest imports are looked at for failures.</summary>
    public const int RecentImports = 20;

    public static async Task<IReadOnlyList<TodoItem>> ForAsync(GongjiangDbContext db, DateOnly today, CancellationToken ct)
    {
        var actor = db.Actor;
        var items = new List<TodoItem>();
        if (actor.Role == Roles.Clerk)
        {
            await ObjectionsAsync(db, items, ct);
            await ApprovalsAsync(db, today, items, ct);
        }

        if (actor.Role is Roles.Clerk or Roles.Employer)
        {
            await ReviewsAsync(db, items, ct);
            await FailedImportsAsync(db, items, ct);
        }

        return items;
    }

    private static async Task ObjectionsAsync(GongjiangDbContext db, List<TodoItem> items, CancellationToken ct)
    {
        var prefix = db.Actor.Jurisdiction.Prefix;
        var open = await (
            from o in db.Set<Objection>().AsNoTracking()
            join p in db.Set<Publication.Data.Publication>().AsNoTracking() on o.PublicationId equals p.Id
            where o.Decision == null && p.Status == PublicationStatus.Notice && p.RegionCode.StartsWith(prefix)
            group o by new { p.Id, p.Title } into g
            select new { g.Key.Id, g.Key.Title, Count = g.Count() }).ToListAsync(ct);
        items.AddRange(open.OrderBy(o => o.Title, StringComparer.Ordinal)
            .Select(o => new TodoItem("待处理的异议", o.Count, "件", $"/publications/{o.Id}", o.Title)));
    }

    private static async Task ApprovalsAsync(GongjiangDbContext db, DateOnly today, List<TodoItem> items, CancellationToken ct)
    {
        var me = db.Actor.UserId ?? db.Actor.UserName;
        var notices = await db.Set<Publication.Data.Publication>().AsNoTracking().Of(db.Actor.Jurisdiction)
            .Where(p => p.Status == PublicationStatus.Notice)
            .Select(p => new { p.Id, p.Title, p.NoticeEndsOn, p.PreparedById })
            .ToListAsync(ct);
        foreach (var p in notices.Where(p => p.NoticeEndsOn < today && p.PreparedById != me).OrderBy(p => p.Title, StringComparer.Ordinal))
        {
            items.Add(new TodoItem("公示期满、待复核公布", 1, "期", $"/publications/{p.Id}", p.Title));
        }
    }

    private static async Task ReviewsAsync(GongjiangDbContext db, List<TodoItem> items, CancellationToken ct)
    {
        var employer = db.Actor.Role == Roles.Employer;
        var waiting = await (
            from i in db.Set<ReviewItem>().AsNoTracking()
            join c in db.Set<ReviewCampaign>().AsNoTracking() on i.CampaignId equals c.Id
            where c.Status == ReviewCampaignStatus.Open && i.Outcome == null && (employer ? i.EmployerAnswer == null : i.EmployerAnswer != null)
            group i by new { c.Id, c.Year, c.RegionCode } into g
            select new { g.Key.Id, g.Key.Year, g.Key.RegionCode, Count = g.Count() }).ToListAsync(ct);
        items.AddRange(waiting.OrderBy(w => w.Year).Select(w => new TodoItem(
            employer ? "年度复核：待确认人员现状" : "年度复核：用人单位已确认、待核查",
            w.Count, "人", $"/registry/reviews/{w.Id}", $"{w.Year}年度 {Gongjiang.Core.Reference.RegionCatalog.Default.FullName(w.RegionCode)}")));
    }

    private static async Task FailedImportsAsync(GongjiangDbContext db, List<TodoItem> items, CancellationToken ct)
    {
        var me = db.Actor.UserId;
        if (me is null)
        {
            return;
        }

        // Version-7 ids are in order of creation: the latest imports without ordering by an instant (SQLite cannot).
        var recent = await db.Set<RegistryImport>().AsNoTracking().Where(i => i.ActorId == me)
            .OrderByDescending(i => i.Id).Take(RecentImports)
            .Select(i => new { i.Id, i.Kind, i.FileName, i.FileError, i.Rejected })
            .ToListAsync(ct);
        items.AddRange(recent.Where(i => i.FileError is not null || i.Rejected > 0).Select(i => new TodoItem(
            i.FileError is not null ? "导入失败的文件" : "导入有被拒绝的行",
            i.FileError is not null ? 1 : i.Rejected,
            i.FileError is not null ? "个" : "行",
            $"/registry/imports/{i.Id}",
            $"{ImportColumns.ChineseName(i.Kind)}：{i.FileName}")));
    }
}
