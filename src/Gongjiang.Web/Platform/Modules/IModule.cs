using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Ui;

namespace Gongjiang.Web.Platform.Modules;

/// <summary>
/// A feature module of the platform (a folder under <c>Features/</c>). It registers itself — services, route groups,
/// permissions with their default roles, menu entries and demo data — so that adding a module is its folder plus one
/// line in <see cref="ModuleCatalog"/>. Contributions other modules consume (facts for the benefit-policy engine,
/// supervision indicators, import kinds) are registered as services in <see cref="AddServices"/> under the interface
/// the consuming module publishes. Modules refer to each other by id or through such a published interface, never
/// into another module's <c>Data/</c> (an architecture test enforces it). See docs/adr/0012.
/// </summary>
public interface IModule
{
    /// <summary>Stable id in lower case (e.g. "registry"); also the module's PostgreSQL schema.</summary>
    string Name { get; }

    /// <summary>What the module is called on screen (e.g. “高技能领军人才数据库”).</summary>
    string Title { get; }

    /// <summary>Registers the module's services and its contributions to other modules.</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>
    /// Checks the module's configuration at start (e.g. resolving a service that reads required keys); throws
    /// <see cref="InvalidOperationException"/> with a Chinese message naming the key when it is missing or wrong.
    /// </summary>
    void ValidateConfiguration(IServiceProvider services)
    {
    }

    /// <summary>Maps the module's endpoints (API route groups, form posts, downloads). Pages are found by routing.</summary>
    void MapEndpoints(IEndpointRouteBuilder app)
    {
    }

    /// <summary>The module's permissions (each an authorization policy of that name) and the roles that hold them by default.</summary>
    IReadOnlyDictionary<string, string[]> Permissions => new Dictionary<string, string[]>();

    /// <summary>The module's menu entries and who sees them.</summary>
    IEnumerable<NavItem> Menu => [];

    /// <summary>
    /// The Chinese names of the module's stored types and audit events (entity class name → name), shown in the audit
    /// log; a test requires one for every entity type of the model.
    /// </summary>
    IReadOnlyDictionary<string, string> AuditNames => new Dictionary<string, string>();

    /// <summary>Demo mode only: the module's demo data, seeded in <see cref="ModuleCatalog.All"/> order, idempotently.</summary>
    Task SeedDemoAsync(DemoSeed seed, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>What a module's demo seeding gets: a scope acting as the system, its context, the settings and the clock.</summary>
/// <param name="Services">The seeding scope's services.</param>
/// <param name="Db">The context (acting as the system actor).</param>
/// <param name="Settings">The platform settings (demo password…).</param>
/// <param name="Configuration">Configuration (module switches such as <c>Demo:Publications</c>).</param>
/// <param name="Clock">The application clock.</param>
public sealed record DemoSeed(IServiceProvider Services, GongjiangDbContext Db, PlatformSettings Settings, IConfiguration Configuration, TimeProvider Clock);
