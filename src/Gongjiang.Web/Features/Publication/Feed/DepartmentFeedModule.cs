using Gongjiang.Web.Features.Publication.Data;
using Gongjiang.Web.Features.Registry.Protection;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Export;
using Gongjiang.Web.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Publication.Feed;

/// <summary>The department feed for the departments' own systems: <c>GET /api/v1/feeds/talents?since=…</c>.</summary>
internal static class DepartmentFeedModule
{
    public static IEndpointRouteBuilder MapDepartmentFeed(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("feeds", "部门订阅", Permissions.FeedRead);
        group.MapGet("/talents", Read).WithSummary(
            "本辖区已公布名单的变化（新增 Added、变更 Changed、移出 Removed），按公布序号递增读取：首次 since=0，之后用返回的 next；" +
            "idNumbers=true 时向有权限的角色返回完整身份证号（留痕）");
        group.MapGet("/talents/export.xlsx", Export).WithSummary("下载一期已公布名单（XLSX；publication 为期次，缺省为最新一期；view=changes 仅含变化；身份证号脱敏；留痕）");

        // The same download for the page (cookie sign-in).
        app.MapGet("/feeds/talents/export.xlsx", Export).RequireAuthorization(Permissions.FeedRead).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The department list of one published publication as a workbook: what the page shows, ID numbers masked (a full
    /// number is an audited reveal on the page, not a file), cells defused. Audited.
    /// </summary>
    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Export(Guid? publication, string? view, GongjiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var published = db.Set<Data.Publication>().AsNoTracking().Of(db.Actor.Jurisdiction).Where(p => p.Status == Core.Publication.PublicationStatus.Published);
        var selected = publication is { } id
            ? await published.FirstOrDefaultAsync(p => p.Id == id, ct)
            : await published.OrderByDescending(p => p.Sequence).FirstOrDefaultAsync(ct);
        if (selected is null)
        {
            return Problems.NotFound("已公布的名单");
        }

        var changesOnly = view == "changes";
        var entries = db.Set<Data.PublicationEntry>().AsNoTracking().Where(e => e.PublicationId == selected.Id && e.WithdrawnOn == null);
        entries = changesOnly ? entries.Where(e => e.Change != Core.Publication.EntryChange.Unchanged) : entries.Where(e => e.Change != Core.Publication.EntryChange.Removed);
        var rows = await (
            from e in entries
            join p in db.Set<Registry.Data.Person>().AsNoTracking() on e.PersonId equals p.Id into persons
            from p in persons.DefaultIfEmpty()
            orderby e.Position
            select new { e, Masked = p == null ? "" : p.IdNumberMasked }).ToListAsync(ct);
        await db.RecordAsync(new AuditEvent(AuditActions.Export, "PublicationFeed", selected.Id.ToString(),
            Detail: $"下载部门名单（XLSX）{selected.Title}，{(changesOnly ? "本期变化" : "全部在库人员")}{rows.Count}条，身份证号脱敏"), ct);
        return TableDownload.File(ExportFormat.Xlsx, ExportTable, rows.Select(r => (r.e, r.Masked)), $"部门名单-第{selected.Sequence}号-{clock.GetUtcNow().ToOffset(ChinaTime.Offset):yyyyMMdd-HHmm}.xlsx",
            changesOnly ? "本期变化" : "在库人员", ct);
    }

    /// <summary>The columns of the department list's download: what the page shows, the ID number masked.</summary>
    private static readonly TableExport<(Data.PublicationEntry Entry, string Masked)> ExportTable = new(
        new("变化", r => Core.Publication.ChangeList.ChineseName(r.Entry.Change) + (r.Entry.ChangedFields is null ? "" : "：" + r.Entry.ChangedFields)),
        new("姓名", r => r.Entry.Name),
        new("公民身份号码（脱敏）", r => r.Masked),
        new("性别", r => r.Entry.Sex),
        new("工作单位", r => r.Entry.EmployerName),
        new("职业（工种）", r => r.Entry.Occupation),
        new("技能等级", r => Core.Skills.SkillLevels.ToDisplayName(r.Entry.SkillLevel)),
        new("地区", r => r.Entry.RegionName),
        new("认定依据", r => r.Entry.Bases),
        new("一线岗位", r => r.Entry.Frontline switch { true => "是", false => "否", _ => "未填" }));

    private static async Task<Results<Ok<FeedPage>, ProblemHttpResult>> Read(
        string? since, string? region, bool? idNumbers, GongjiangDbContext db, IdNumberProtector protector, CancellationToken ct)
    {
        var (code, from, errors, forbidden) = DepartmentFeed.Check(db.Actor, region, since);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        if (forbidden)
        {
            await db.RecordAsync(new AuditEvent(AuditActions.Denied, "PublicationFeed", code, AuditOutcomes.Denied, $"请求其他辖区（{code}）的部门订阅"), ct);
            return Problems.Forbidden($"无权读取其他辖区（{code}）的名单；您的管辖范围是{db.Actor.Jurisdiction.Code}。");
        }

        return TypedResults.Ok(await DepartmentFeed.ReadAsync(db, protector, code, from, idNumbers == true, ct));
    }
}
