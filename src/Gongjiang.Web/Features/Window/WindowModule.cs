using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Modules;
using W = Gongjiang.Web.Features.Window.WindowPermissions;

namespace Gongjiang.Web.Features.Window;

/// <summary>
/// 高技能领军人才服务窗口 [policy 三(一), 三(四), 七]: the service item catalogue (办事指南) with the benefit items each
/// grants and the eligibility pre-check of the benefit-policy engine, and the public working-day calendar its time
/// limits are counted on. The rules are Core's (<c>Gongjiang.Core.Window</c>, <c>Gongjiang.Core.Calendar</c>).
/// </summary>
internal sealed class WindowModule : IModule
{
    public string Name => "window";

    public string Title => "人才服务窗口";

    public IReadOnlyDictionary<string, string[]> Permissions => new Dictionary<string, string[]>
    {
        [W.Guide] = [Roles.Worker, Roles.Employer, Roles.Clerk, Roles.DepartmentOfficer, Roles.Supervisor, Roles.Administrator],
    };

    public void MapEndpoints(IEndpointRouteBuilder app) => CalendarApi.Map(app);
}
