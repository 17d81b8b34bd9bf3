using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Modules;
using Gongjiang.Web.Platform.Ui;

namespace Gongjiang.Web.Features.Wages;

/// <summary>
/// 工资激励 [policy 四, 三(三)]: annual wage reports by enterprise (工资报送), the SOE pay check with rectification (整改),
/// and the published wage levels of technical workers (工资价位). Individual pay is seen only by the reporting enterprise,
/// the worker and the jurisdiction's wage office (窗口经办人), every view audited; the public sees aggregates only.
/// </summary>
internal sealed class WagesModule : IModule
{
    /// <summary>报送、确认、更正 and reading the enterprise's rows (individual pay).</summary>
    public const string Report = "wages.report";

    /// <summary>A worker reading their own rows.</summary>
    public const string Own = "wages.own";

    /// <summary>The compliance list (aggregates per enterprise, no individual pay).</summary>
    public const string Compliance = "wages.compliance";

    /// <summary>Rectification cases: the enterprise answers, the 国资 department decides (the use case checks which).</summary>
    public const string Rectification = "wages.rectification";

    /// <summary>The wage-level table as XLSX for departments.</summary>
    public const string LevelsExport = "wages.levels-export";

    public string Name => "wages";

    public string Title => "工资激励";

    public IReadOnlyDictionary<string, string[]> Permissions => new Dictionary<string, string[]>
    {
        [Report] = [Roles.Employer, Roles.Clerk],
        [Own] = [Roles.Worker],
        [Compliance] = [Roles.Clerk, Roles.DepartmentOfficer, Roles.Supervisor],
        [Rectification] = [Roles.Employer, Roles.Clerk, Roles.DepartmentOfficer, Roles.Supervisor],
        [LevelsExport] = [Roles.Clerk, Roles.DepartmentOfficer, Roles.Supervisor, Roles.Administrator],
    };

    /// <summary>The menu group of the office pages.</summary>
    public const string Group = "工资分配";

    public IEnumerable<NavItem> Menu =>
    [
        new("/wages/reports", "工资报送", a => a.Can(Report), 50, Group),
        new("/wages/schemes", "年资工资和津贴制度", a => a.Can(Report), 50, Group),
        new("/wages/mine", "我的工资记录", a => a.Can(Own), 51, Group),
        new("/wages/compliance", "国企工资增幅检查", a => a.Can(Compliance), 52, Group),
        new("/wages/rectifications", "工资整改", a => a.Can(Rectification) && a.Role != Roles.Clerk, 53, Group),
        new("/public/wage-levels", "技术工人工资价位", _ => true, 54, Navigation.PublicGroup),
    ];

    public IReadOnlyDictionary<string, string> AuditNames => new Dictionary<string, string>
    {
        ["WageReport"] = "工资报送",
        ["WageReportLine"] = "工资报送明细",
        ["WageLevelCellRecord"] = "工资价位",
        ["SoeCheck"] = "国有企业工资增幅检查",
        ["WageSchemeVersion"] = "年资工资和津贴制度",
        ["RectificationCase"] = "工资整改",
        [WagesApi.LevelsEntity] = "工资价位下载",
    };

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapWages();

    public async Task SeedDemoAsync(DemoSeed seed, CancellationToken ct)
    {
        if (seed.Configuration.GetValue("Demo:Wages", true))
        {
            await WagesDemo.SeedAsync(seed, ct);
        }
    }
}
