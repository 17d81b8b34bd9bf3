using Gongjiang.Web.Features.Registry.Enterprises;
using Gongjiang.Web.Features.Registry.Facts;
using Gongjiang.Web.Features.Registry.Imports;
using Gongjiang.Web.Features.Registry.Lifecycle;
using Gongjiang.Web.Features.Registry.Persons;
using Gongjiang.Web.Features.Registry.Protection;
using Gongjiang.Web.Features.Registry.Statistics;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Modules;
using Gongjiang.Web.Platform.Ui;
using P = Gongjiang.Web.Platform.Identity.Permissions;

namespace Gongjiang.Web.Features.Registry;

/// <summary>
/// 高技能领军人才数据库 [三(一), notice 三]: persons, enterprises, employment, certificates, honours, the determination of
/// 三(一), imports, the lifecycle and yearly review, statistics.
/// </summary>
internal sealed class RegistryModule : IModule
{
    public string Name => "registry";

    public string Title => "高技能领军人才数据库";

    public IReadOnlyDictionary<string, string[]> Permissions => new Dictionary<string, string[]>
    {
        [P.RegistryRead] = [Roles.Worker, Roles.Employer, Roles.Clerk, Roles.DepartmentOfficer, Roles.Supervisor, Roles.Administrator],
        [P.RegistrySearchAll] = [Roles.Employer, Roles.Clerk, Roles.DepartmentOfficer, Roles.Supervisor, Roles.Administrator],
        [P.RegistryEdit] = [Roles.Employer, Roles.Clerk],
        [P.RegistryImport] = [Roles.Employer, Roles.Clerk],
        [P.RegistryImportHonours] = [Roles.Clerk],
        [P.RegistryViewIdNumber] = [Roles.Clerk, Roles.DepartmentOfficer],
    };

    public IEnumerable<NavItem> Menu =>
    [
        new("/registry/persons", "我的档案", a => a.Role == Roles.Worker, 10),
        new("/registry/persons", "本单位职工", a => a.Role == Roles.Employer, 11),
        new("/registry/persons", "人员查询", a => a.Can(P.RegistrySearchAll) && a.Role != Roles.Employer, 12),
        new("/registry/enterprises", "用人单位", a => a.Can(P.RegistrySearchAll) && a.Role != Roles.Employer, 13),
        new("/registry/statistics", "统计分析", a => a.Can(P.RegistrySearchAll), 14),
        new("/registry/imports", "名册导入", a => a.Can(P.RegistryImport), 15),
        new("/registry/reviews", "年度复核", a => a.Can(P.RegistryEdit), 16),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => IdNumberProtector.Load(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<PlatformSettings>()));
        services.AddRegistryImports();
        services.AddRegistryFacts();
        services.AddHostedService<Imports.ImportRecovery.AtStart>();
    }

    /// <summary>The ID-number keys (<c>Registry:IdHashKey</c>, <c>Registry:IdEncryptionKey</c>) are required outside demo mode.</summary>
    public void ValidateConfiguration(IServiceProvider services) => services.GetRequiredService<IdNumberProtector>();

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapPersonsApi();
        app.MapRegistryImports();
        app.MapRegistryLifecycle();
        app.MapRegistryStatistics();
        app.MapRegistryEnterprises();
    }

    public Task SeedDemoAsync(DemoSeed seed, CancellationToken ct) =>
        RegistryDemo.SeedAsync(seed.Db, seed.Services.GetRequiredService<IdNumberProtector>(), seed.Clock, ct);
}
