using Gongjiang.Web.Features.Registry.Protection;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

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
        return app;
    }

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
