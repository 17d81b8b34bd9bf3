using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Modules;
using Gongjiang.Web.Platform.Ui;

namespace Gongjiang.Web.Features.Skills;

/// <summary>The skills module's permissions.</summary>
public static class SkillsPermissions
{
    /// <summary>See bodies, certificates and one's own next level.</summary>
    public const string Read = "skills.read";

    /// <summary>Issue and revoke certificates (the evaluation body's officer; an employer through its own body).</summary>
    public const string Issue = "skills.issue";

    /// <summary>Register evaluation bodies (the human-resources department).</summary>
    public const string ManageBodies = "skills.bodies";
}

/// <summary>
/// 技能评价与使用 (issue 14): evaluation bodies, certificates with public verification, the worker's next level and
/// title. Certificates live in the registry (<see cref="Registry.Contracts.ISkillCertificateRegistry"/>).
/// </summary>
internal sealed class SkillsModule : IModule
{
    public string Name => "skills";

    public string Title => "技能评价与使用";

    public IReadOnlyDictionary<string, string[]> Permissions => new Dictionary<string, string[]>
    {
        [SkillsPermissions.Read] = [Roles.Worker, Roles.Employer, Roles.Clerk, Roles.DepartmentOfficer, Roles.Supervisor, Roles.Administrator],
        [SkillsPermissions.Issue] = [Roles.Employer, Roles.Clerk],
        [SkillsPermissions.ManageBodies] = [Roles.Clerk],
    };

    /// <summary>The menu group of the office pages.</summary>
    public const string Group = "技能评价";

    public IEnumerable<NavItem> Menu =>
    [
        new("/skills/certificates", "技能证书", a => a.Can(SkillsPermissions.Issue) || (a.Can(SkillsPermissions.Read) && a.Role != Roles.Worker), 45, Group),
        new("/skills/bodies", "评价机构", a => a.Can(SkillsPermissions.Read) && a.Role != Roles.Worker, 46, Group),
        new("/skills/outlook", "晋升与职称比照", a => a.Role == Roles.Worker, 47, Group),
        new("/public/certificates", "证书查询", _ => true, 48, Navigation.PublicGroup),
    ];

    public IReadOnlyDictionary<string, string> AuditNames => new Dictionary<string, string>
    {
        [nameof(Data.EvaluationBodyRecord)] = "评价机构",
        [nameof(Data.EvaluationBodyLicenceRecord)] = "评价机构备案范围",
        ["CertificateBatch"] = "证书批量发放",
    };

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddVerificationRateLimit().AddMemoryCache();

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapSkillsApi();
        app.MapCertificateBatch();
        app.MapPublicVerification();
    }

    public Task SeedDemoAsync(DemoSeed seed, CancellationToken ct) => SkillsDemo.SeedAsync(seed, ct);
}
