using System.Text;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Accounts;

/// <summary>
/// 导出账户清单 (CSV, UTF-8 with BOM so that spreadsheet software reads the Chinese): the accounts in the
/// administrator's jurisdiction. Audited as an export; cells that a spreadsheet would run as a formula are neutralised.
/// </summary>
internal static class ExportAccounts
{
    public static IEndpointRouteBuilder MapExportAccounts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/accounts/export.csv", async (GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var rows = await AccountUseCases.InScope(db).OrderBy(u => u.RegionCode).ThenBy(u => u.UserName).ToListAsync(ct);
            var csv = new StringBuilder();
            csv.AppendLine("用户名,姓名,角色,管辖范围代码,管辖范围,所属部门,状态,双因素认证");
            foreach (var summary in rows.Select(AccountUseCases.ToSummary))
            {
                csv.AppendLine(string.Join(",",
                    Cell(summary.UserName), Cell(summary.DisplayName), Cell(summary.RoleName), Cell(summary.RegionCode),
                    Cell(summary.RegionName), Cell(summary.DepartmentName), Cell(summary.IsDisabled ? "已停用" : "正常"),
                    Cell(summary.TwoFactorEnabled ? "已启用" : "未启用")));
            }

            await db.RecordAsync(AccountUseCases.ExportEvent(rows.Count), ct);
            var name = $"accounts-{clock.GetUtcNow().ToOffset(Gongjiang.Web.Platform.ChinaTime.Offset):yyyyMMdd-HHmm}.csv";
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", name);
        }).RequireAuthorization(Permissions.AccountsManage).ExcludeFromDescription();
        return app;
    }

    /// <summary>Quotes a CSV cell and defuses spreadsheet formula injection (OWASP: leading = + - @ tab CR).</summary>
    public static string Cell(string? value)
    {
        value = SpreadsheetText.Defuse(value);
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
