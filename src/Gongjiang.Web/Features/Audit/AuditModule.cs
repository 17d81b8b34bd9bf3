using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Modules;
using Gongjiang.Web.Platform.Ui;

namespace Gongjiang.Web.Features.Audit;

/// <summary>审计日志: the hash-chained log, its search and chain check (ADR 0004).</summary>
internal sealed class AuditModule : IModule
{
    public string Name => "audit";

    public string Title => "审计日志";

    public IReadOnlyDictionary<string, string[]> Permissions => new Dictionary<string, string[]>
    {
        [Platform.Identity.Permissions.AuditVerify] = [Roles.Administrator],
    };

    public IEnumerable<NavItem> Menu =>
    [
        new("/admin/audit", "审计日志", a => a.Can(Platform.Identity.Permissions.AuditVerify), 81),
    ];
}
