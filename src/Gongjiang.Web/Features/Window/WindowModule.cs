using Gongjiang.Web.Features.Window.Requests;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Modules;
using Gongjiang.Web.Platform.Ui;
using W = Gongjiang.Web.Features.Window.WindowPermissions;

namespace Gongjiang.Web.Features.Window;

/// <summary>
/// 高技能领军人才服务窗口 [policy 三(一), 三(四), 七]: the service item catalogue (办事指南) with the benefit items each
/// grants and the eligibility pre-check of the benefit-policy engine; requests filed online or at the counter, routed to
/// one task per department, with time limits in working days paused during 补正; the public progress query and the
/// public working-day calendar. The rules are Core's (<c>Gongjiang.Core.Window</c>, <c>Gongjiang.Core.Calendar</c>).
/// </summary>
internal sealed class WindowModule : IModule
{
    public string Name => "window";

    public string Title => "人才服务窗口";

    public IReadOnlyDictionary<string, string[]> Permissions => new Dictionary<string, string[]>
    {
        [W.Guide] = [Roles.Worker, Roles.Employer, Roles.Clerk, Roles.DepartmentOfficer, Roles.Supervisor, Roles.Administrator],
        [W.Requests] = [Roles.Worker, Roles.Employer, Roles.Clerk, Roles.DepartmentOfficer, Roles.Supervisor],
        [W.Tasks] = [Roles.DepartmentOfficer],
    };

    /// <summary>The menu group of the office pages.</summary>
    public const string Group = "窗口服务";

    public IEnumerable<NavItem> Menu =>
    [
        new("/window", "办事指南", _ => true, 35, Navigation.PublicGroup),
        new("/window/requests", "办件", a => a.Can(W.Requests), 36, Group),
        new("/window/inbox", "部门待办", a => a.Can(W.Tasks), 37, Group),
        new("/window/progress", "办件进度查询", _ => true, 38, Navigation.PublicGroup),
    ];

    public IReadOnlyDictionary<string, string> AuditNames => new Dictionary<string, string>
    {
        ["ServiceRequest"] = "窗口办件",
        ["RequestTask"] = "部门任务",
        ["RequestStep"] = "办理记录",
        ["ServiceRating"] = "好差评",
        ["Rectification"] = "差评整改",
        ["RequestMaterial"] = "申请材料",
    };

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RequestService>();
        services.AddScoped<MaterialStore>();
        services.AddScoped<ReceiptDocument>();
        services.AddRateLimiter(o => o.AddPolicy<string, WindowPublicRateLimit>(WindowPublicRateLimit.PolicyName));
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        CalendarApi.Map(app);
        WindowApi.Map(app);
        MaterialsApi.Map(app);
        ReceiptApi.Map(app);
    }

    public Task SeedDemoAsync(DemoSeed seed, CancellationToken ct) => WindowDemo.SeedAsync(seed, ct);
}
