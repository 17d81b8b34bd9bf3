using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Modules;
using Gongjiang.Web.Platform.Ui;

namespace Gongjiang.Web.Features.Jobs;

/// <summary>后台任务: the administrators' view of background jobs (state, last run, errors, retry) — docs/adr/0013.</summary>
internal sealed class JobsModule : IModule
{
    /// <summary>See every job in the jurisdiction, retry and cancel.</summary>
    public const string Manage = "jobs.manage";

    public string Name => "jobs";

    public string Title => "后台任务";

    public IReadOnlyDictionary<string, string[]> Permissions => new Dictionary<string, string[]>
    {
        [Manage] = [Roles.Administrator],
    };

    public IEnumerable<NavItem> Menu => [new("/admin/jobs", "后台任务", a => a.Can(Manage), 82)];
}
