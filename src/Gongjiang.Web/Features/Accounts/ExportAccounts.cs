using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Export;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Accounts;

/// <summary>
/// 导出账户清单 (CSV, UTF-8 with BOM so that spreadsheet software reads the Chinese): the accounts in the
/// administrator's jurisdiction. Audited as an export; cells that a spreadsheet would run as a formula are neutralised.
/// </summary>
internal static class ExportAccounts
{
    /// <summary>The columns of the download.</summary>
    public static readonly TableExport<AccountSummary> Table = new(
        new("用户名", a => a.UserName),
        new("姓名", a => a.DisplayName),
        new("角色", a => a.RoleName),
        new("管辖范围代码", a => a.RegionCode),
        new("管辖范围", a => a.RegionName),
        new("所属部门", a => a.DepartmentName),
        new("状态", a => a.IsDisabled ? "已停用" : "正常"),
        new("双因素认证", a => a.TwoFactorEnabled ? "已启用" : "未启用"));

    public static IEndpointRouteBuilder MapExportAccounts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/accounts/export.csv", async (GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var rows = await AccountUseCases.InScope(db).OrderBy(u => u.RegionCode).ThenBy(u => u.UserName).ToListAsync(ct);
            await db.RecordAsync(AccountUseCases.ExportEvent(rows.Count), ct);
            var name = $"accounts-{clock.GetUtcNow().ToOffset(Gongjiang.Web.Platform.ChinaTime.Offset):yyyyMMdd-HHmm}.csv";
            return TableDownload.File(ExportFormat.Csv, Table, rows.Select(u => AccountUseCases.ToSummary(u, clock)), name, "账户清单", ct);
        }).RequireAuthorization(Permissions.AccountsManage).ExcludeFromDescription();
        return app;
    }

    /// <summary>Quotes a CSV cell and defuses spreadsheet formula injection (OWASP: leading = + - @ tab CR).</summary>
    public static string Cell(string? value) => SpreadsheetWriter.CsvText(value);
}
