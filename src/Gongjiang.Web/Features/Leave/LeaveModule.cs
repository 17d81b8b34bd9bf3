using Gongjiang.Web.Features.Leave.Calculator;
using Gongjiang.Web.Features.Leave.Inspection;
using Gongjiang.Web.Features.Leave.Records;
using Gongjiang.Web.Features.Leave.Recuperation;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Modules;
using Gongjiang.Web.Platform.Ui;
using Microsoft.AspNetCore.RateLimiting;
using P = Gongjiang.Web.Features.Leave.LeavePermissions;

namespace Gongjiang.Web.Features.Leave;

/// <summary>
/// 休息休假 [policy 六(四)]: the paid-annual-leave calculator (public, and pre-filled for a signed-in worker), employers'
/// leave records with the year-end view of who is owed days or compensation, the labour-inspection list of a
/// jurisdiction, and 休疗养 programmes from application to the published selection and attendance. The rules are Core's
/// (<c>Gongjiang.Core.Leave</c>); this module stores, scopes, shows and audits.
/// </summary>
internal sealed class LeaveModule : IModule
{
    public string Name => "leave";

    public string Title => "休息休假";

    public IReadOnlyDictionary<string, string[]> Permissions => new Dictionary<string, string[]>
    {
        [P.Own] = [Roles.Worker],
        [P.RecordsEdit] = [Roles.Employer],
        [P.RecordsRead] = [Roles.Employer, Roles.Clerk, Roles.Supervisor],
        [P.RecordView] = [Roles.Worker, Roles.Employer, Roles.Clerk, Roles.Supervisor],
        [P.Inspection] = [Roles.Clerk, Roles.Supervisor],
        [P.RecuperationManage] = [Roles.Clerk],
        [P.RecuperationNominate] = [Roles.Employer],
        [P.RecuperationRead] = [Roles.Worker, Roles.Employer, Roles.Clerk, Roles.Supervisor],
    };

    public IReadOnlyDictionary<string, string> AuditNames => new Dictionary<string, string>
    {
        ["LeaveRecord"] = "年休假记录",
        ["LeaveYearTotal"] = "年休假年度汇总",
        ["RecuperationApplicationRow"] = "休疗养申请",
        ["RecuperationProgrammeRow"] = "休疗养项目",
        ["RecuperationResultEntry"] = "休疗养名单",
    };

    /// <summary>The menu group of the office pages.</summary>
    public const string Group = "休息休假";

    public IEnumerable<NavItem> Menu =>
    [
        new("/leave/annual", "年休假计算器", a => a.Role != Roles.Worker, 65, Navigation.PublicGroup),
        new("/leave/mine", "我的休假", a => a.Can(P.Own), 65, Group),
        new("/leave/records", "年休假记录", a => a.Can(P.RecordsEdit), 66, Group),
        new("/leave/inspection", "年休假执法检查", a => a.Can(P.Inspection), 67, Group),
        new("/leave/recuperation", "休疗养", a => a.Can(P.RecuperationRead), 68, Group),
        new("/public/recuperation", "休疗养名单公布", _ => true, 69, Navigation.PublicGroup),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LeaveOptions>(configuration.GetSection("Leave"));
        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, CalculatorRateLimitPolicy>(CalculatorRateLimitPolicy.Name));
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapLeaveCalculator();
        app.MapLeaveRecords();
        app.MapLeaveInspection();
        app.MapRecuperation();
    }

    public Task SeedDemoAsync(DemoSeed seed, CancellationToken ct) => LeaveDemo.SeedAsync(seed, ct);
}
