using Gongjiang.Web.Features.Accounts;
using Gongjiang.Web.Features.Audit;
using Gongjiang.Web.Features.Home;
using Gongjiang.Web.Features.Jobs;
using Gongjiang.Web.Features.Leave;
using Gongjiang.Web.Features.Policies;
using Gongjiang.Web.Features.Publication;
using Gongjiang.Web.Features.Reference;
using Gongjiang.Web.Features.Registry;
using Gongjiang.Web.Features.Skills;
using Gongjiang.Web.Features.Supervision;
using Gongjiang.Web.Features.Wages;
using Gongjiang.Web.Features.Window;

namespace Gongjiang.Web.Platform.Modules;

/// <summary>
/// Every feature module, in the order their demo data is seeded and their menu groups appear. Adding a module is one
/// line here (and its folder).
/// </summary>
public static class ModuleCatalog
{
    public static IReadOnlyList<IModule> All { get; } =
    [
        new HomeModule(),
        new AccountsModule(),
        new RegistryModule(),
        new PoliciesModule(),
        new WindowModule(),
        new PublicationModule(),
        new SupervisionModule(),
        new LeaveModule(),
        new WagesModule(),
        new SkillsModule(),
        new AuditModule(),
        new JobsModule(),
        new ReferenceModule(),
    ];

    /// <summary>Registers every module's services.</summary>
    public static void AddModules(this WebApplicationBuilder builder)
    {
        foreach (var module in All)
        {
            module.AddServices(builder.Services, builder.Configuration);
        }
    }

    /// <summary>Checks every module's configuration (see <see cref="IModule.ValidateConfiguration"/>).</summary>
    public static void ValidateConfiguration(IServiceProvider services)
    {
        foreach (var module in All)
        {
            module.ValidateConfiguration(services);
        }
    }

    /// <summary>Maps every module's endpoints.</summary>
    public static void MapModules(this IEndpointRouteBuilder app)
    {
        foreach (var module in All)
        {
            module.MapEndpoints(app);
        }
    }

    /// <summary>Demo mode: seeds every module's demo data in order.</summary>
    public static async Task SeedDemoAsync(DemoSeed seed, CancellationToken ct)
    {
        foreach (var module in All)
        {
            await module.SeedDemoAsync(seed, ct);
        }
    }
}
