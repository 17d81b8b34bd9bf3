using Gongjiang.Web.Features.Registry.Persons;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Features.Registry.Statistics;

/// <summary>统计分析 of the registry: the API (the page is <c>/registry/statistics</c>).</summary>
public static class StatisticsModule
{
    public static IEndpointRouteBuilder MapRegistryStatistics(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("registry/statistics", "统计分析", Permissions.RegistrySearchAll);
        api.MapGet("/", Get)
            .WithSummary("管辖范围内人员与高技能领军人才的统计：按地区（下一级行政区划）、荣誉、政府特殊津贴、职业（工种）、行业、技能等级、企业性质");
        api.MapGet("/export.xlsx", Export).WithSummary("下载统计（XLSX，每种统计一个工作表；记入审计日志）");

        // The same download for the page (cookie sign-in).
        app.MapGet("/registry/statistics/export.xlsx", Export).RequireAuthorization(Permissions.RegistrySearchAll).ExcludeFromDescription();
        return app;
    }

    /// <summary>The statistics as a workbook: a summary sheet, then one sheet per breakdown. Audited.</summary>
    private static async Task<FileContentHttpResult> Export(GongjiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var report = await RegistryStatistics.ComputeAsync(db, PersonUseCases.Today(clock), ct);
        var scope = db.Actor.Role == Roles.Employer ? "本单位" : report.RegionName;
        var summary = new List<IReadOnlyList<(string, object?)>>
        {
            new[] { ("项目", (object?)"范围"), ("内容", scope) },
            new[] { ("项目", (object?)"截至日期"), ("内容", report.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) },
            new[] { ("项目", (object?)"人员（人）"), ("内容", report.Persons) },
            new[] { ("项目", (object?)"其中高技能领军人才（人）"), ("内容", report.LeadingTalents) },
            new[] { ("项目", (object?)"说明"), ("内容", RegistryStatistics.CountedNote) },
        };
        var sheets = new List<(string, IReadOnlyList<IReadOnlyList<(string, object?)>>)> { ("概况", summary) };
        foreach (var b in report.Breakdowns)
        {
            sheets.Add((b.Title, [.. b.Rows.Select(r => (IReadOnlyList<(string, object?)>)[(b.Category, r.Label), ("人员（人）", r.Persons), ("其中高技能领军人才（人）", r.LeadingTalents)])]));
        }

        var bytes = XlsxExport.Workbook(sheets);
        await db.RecordAsync(new AuditEvent(AuditActions.Export, ExportEntity, null, Detail: $"下载统计分析（XLSX），范围：{scope}，人员{report.Persons}人"), ct);
        return TypedResults.File(bytes, XlsxExport.ContentType, $"统计分析-{clock.GetUtcNow().ToOffset(ChinaTime.Offset):yyyyMMdd-HHmm}.xlsx");
    }

    /// <summary>The audit log's object type of a statistics download.</summary>
    public const string ExportEntity = "RegistryStatistics";

    private static async Task<Ok<RegistryStatisticsReport>> Get(GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await RegistryStatistics.ComputeAsync(db, PersonUseCases.Today(clock), ct));
}
