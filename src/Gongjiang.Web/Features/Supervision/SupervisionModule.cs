using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Jobs;
using Gongjiang.Web.Platform.Modules;
using Gongjiang.Web.Platform.Ui;
using P = Gongjiang.Web.Features.Supervision.SupervisionPermissions;

namespace Gongjiang.Web.Features.Supervision;

/// <summary>
/// 督查 [policy 七, notice 二]: the 16 measures and their division of tasks, work targets, implementing documents,
/// progress reports up the hierarchy with consolidation, the year-end report with reminders and exports, problems
/// reported upward, and the region × measure dashboard. Roles: 督查人员 supervise within their jurisdiction and file for
/// their own region; 窗口经办人 file for their own region (documents, targets, reports, problems).
/// </summary>
internal sealed class SupervisionModule : IModule
{
    public string Name => "supervision";

    public string Title => "督查";

    public IReadOnlyDictionary<string, string[]> Permissions => P.Grants;

    /// <summary>The supervision entries are gathered under one name in the menu (it stays on one line).</summary>
    private const string Group = "督查督办";

    public IReadOnlyDictionary<string, string> AuditNames => new Dictionary<string, string>
    {
        ["DivisionVersion"] = "督查分工版本",
        ["DocumentMeasureRow"] = "配套文件对应措施",
        ["DocumentRow"] = "配套文件",
        ["ProblemEventRow"] = "问题处理记录",
        ["ProblemRow"] = "问题反映",
        ["ReminderRow"] = "督查提醒",
        ["ReportEventRow"] = "进展报告处理记录",
        ["ReportIndicatorRow"] = "进展报告指标",
        ["ReportLineRow"] = "进展报告措施进展",
        ["ReportRow"] = "进展报告",
        ["WorkTargetRow"] = "目标与分工",
    };

    public IEnumerable<NavItem> Menu =>
    [
        new("/supervision", "督查看板", a => a.Can(P.Review), 40, Group),
        new("/supervision/reports", "进展报告", a => a.Can(P.View), 41, Group),
        new("/supervision/documents", "配套文件", a => a.Can(P.View), 42, Group),
        new("/supervision/targets", "目标与分工", a => a.Can(P.View), 43, Group),
        new("/supervision/problems", "问题反映", a => a.Can(P.View), 44, Group),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SupervisionOptions>(configuration.GetSection("Supervision"));
        services.AddSingleton<AttachmentStore>();
        services.AddScoped<SupervisionService>();
        services.AddJobHandler<ReminderJob>();
        services.AddRecurringJob("supervision.reminders", ReminderJob.KindName, "督查进展报告催报", "0 8 * * *");
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapSupervision();

    public Task SeedDemoAsync(DemoSeed seed, CancellationToken ct) => SupervisionDemo.SeedAsync(seed, ct);

    public IReadOnlyList<DemoAccount> DemoAccounts { get; } =
        [.. SupervisionDemo.Accounts.Select(a => new DemoAccount(a.UserName, a.Role, a.Region, a.Description))];
}
