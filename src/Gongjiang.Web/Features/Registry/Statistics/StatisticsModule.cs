using Gongjiang.Web.Features.Registry.Persons;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Export;
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
    private static async Task<PushStreamHttpResult> Export(GongjiangDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var report = await RegistryStatistics.ComputeAsync(db, PersonUseCases.Today(clock), ct);
        var scope = db.Actor.Role == Roles.Employer ? "本单位" : report.RegionName;
        (string Item, object Value)[] summary =
        [
            ("范围", scope),
            ("截至日期", report.AsOf),
            ("人员（人）", report.Persons),
            ("其中高技能领军人才（人）", report.LeadingTalents),
            ("说明", RegistryStatistics.CountedNote),
        ];
        var sheets = new List<ExportSheet> { SummaryTable.Sheet("概况", summary) };
        foreach (var b in report.Breakdowns)
        {
            sheets.Add(new TableExport<StatisticsRow>(
                new(b.Category, r => r.Label),
                new("人员（人）", r => r.Persons),
                new("其中高技能领军人才（人）", r => r.LeadingTalents)).Sheet(b.Title, b.Rows));
        }

        await db.RecordAsync(new AuditEvent(AuditActions.Export, ExportEntity, null, Detail: $"下载统计分析（XLSX），范围：{scope}，人员{report.Persons}人"), ct);
        return TableDownload.Xlsx(sheets, $"统计分析-{clock.GetUtcNow().ToOffset(ChinaTime.Offset):yyyyMMdd-HHmm}.xlsx", ct);
    }

    private static readonly TableExport<(string Item, object Value)> SummaryTable = new(new("项目", r => r.Item), new("内容", r => r.Value));

    /// <summary>The audit log's object type of a statistics download.</summary>
    public const string ExportEntity = "RegistryStatistics";

    private static async Task<Ok<RegistryStatisticsReport>> Get(GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await RegistryStatistics.ComputeAsync(db, PersonUseCases.Today(clock), ct));
}
