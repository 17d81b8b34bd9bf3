using Gongjiang.Web.Features.Leave.Records;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using P = Gongjiang.Web.Features.Leave.LeavePermissions;

namespace Gongjiang.Web.Features.Leave.Inspection;

/// <summary>The inspection list: JSON for the API, XLSX for the page (cookie) and the API; every export audited.</summary>
internal static class InspectionApi
{
    public const string Tag = "年休假执法检查";

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapLeaveInspection(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("leave/inspection", Tag, P.Inspection);
        api.MapGet("/", ListAsync)
            .WithSummary("本辖区年休假执法检查清单：有应休未休年休假已过期限、未足额支付未休年休假工资报酬的用人单位（尚欠多者在前）")
            .WithDescription("查询参数：year（年度，默认上一年度）、asOf（按哪一天判断，默认今天）、region（辖区内的下级地区代码，可选）、page、pageSize。");
        api.MapGet("/export", ExportAsync).WithSummary("下载执法检查清单（XLSX；每次下载记入审计日志）");
        app.MapGet("/leave/inspection/export", ExportAsync).RequireAuthorization(P.Inspection).ExcludeFromDescription();
        return app;
    }

    /// <summary>The default year of the list: the last year that has ended.</summary>
    public static int DefaultYear(DateOnly today) => today.Year - 1;

    private static (int Year, DateOnly AsOf, string? Region) Criteria(GongjiangDbContext db, TimeProvider clock, string? year, string? asOf, string? region, FieldErrors errors)
    {
        var today = ChinaTime.Today(clock);
        var y = string.IsNullOrWhiteSpace(year) ? DefaultYear(today) : RecordsApi.Year(year, today, errors);
        var day = RecordsApi.AsOf(asOf, clock, errors);
        var prefix = LeaveInspection.RegionPrefix(region, db.Actor.Jurisdiction, errors);
        return (y, day, prefix);
    }

    private static async Task<Results<Ok<InspectionList>, ProblemHttpResult>> ListAsync(
        GongjiangDbContext db, IEmploymentDirectory directory, TimeProvider clock, CancellationToken ct,
        string? year = null, string? asOf = null, string? region = null, int? page = null, int? pageSize = null)
    {
        var errors = new FieldErrors();
        var (y, day, prefix) = Criteria(db, clock, year, asOf, region, errors);
        PageRequest.TryCreate(page, pageSize, errors, out var paging);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(await LeaveInspection.ListAsync(db, directory, y, day, prefix, paging, ct));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        GongjiangDbContext db, IEmploymentDirectory directory, TimeProvider clock, CancellationToken ct,
        string? year = null, string? asOf = null, string? region = null)
    {
        var errors = new FieldErrors();
        var (y, day, prefix) = Criteria(db, clock, year, asOf, region, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var bytes = await LeaveInspection.ExportAsync(db, directory, y, day, prefix, ct);
        return TypedResults.File(bytes, XlsxType, $"年休假执法检查清单-{y}-{LeaveText.Date(day)}.xlsx");
    }
}
