using Gongjiang.Web.Features.Registry.Persons;
using Gongjiang.Web.Platform;
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
        return app;
    }

    private static async Task<Ok<RegistryStatisticsReport>> Get(GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await RegistryStatistics.ComputeAsync(db, PersonUseCases.Today(clock), ct));
}
