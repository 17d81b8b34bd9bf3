using Gongjiang.Web.Platform.Identity;

namespace Gongjiang.Web.Platform.Ui;

/// <summary>
/// A menu entry and who sees it. Modules add their entries here; the menu shows what the role may use. Entries with a
/// <paramref name="Group"/> are gathered under that name in the menu of signed-in users (so it fits on one line).
/// </summary>
public sealed record NavItem(string Href, string Label, Func<Actor, bool> Visible, string? Group = null);

public static class Navigation
{
    public static readonly List<NavItem> Items =
    [
        new("/", "首页", _ => true),
        new("/registry/persons", "我的档案", a => a.Role == Roles.Worker),
        new("/registry/persons", "本单位职工", a => a.Role == Roles.Employer),
        new("/registry/persons", "人员查询", a => a.Can(Permissions.RegistrySearchAll) && a.Role != Roles.Employer),
        new("/registry/enterprises", "用人单位", a => a.Can(Permissions.RegistrySearchAll) && a.Role != Roles.Employer),
        new("/registry/statistics", "统计分析", a => a.Can(Permissions.RegistrySearchAll)),
        new("/registry/imports", "名册导入", a => a.Can(Permissions.RegistryImport)),
        new("/registry/reviews", "年度复核", a => a.Can(Permissions.RegistryEdit)),
        new("/publications", "名单公布", a => a.Can(Permissions.PublicationManage)),
        new("/feeds/talents", "部门名单", a => a.Can(Permissions.FeedRead)),
        new("/public/talents", "领军人才名单", _ => true, PublicGroup),
        new("/public/publications", "公示与公布", _ => true, PublicGroup),
        new("/admin/accounts", "账户管理", a => a.Can(Permissions.AccountsManage)),
        new("/admin/audit", "审计日志", a => a.Can(Permissions.AuditVerify)),
        new("/reference", "代码表", _ => true, PublicGroup),
    ];

    /// <summary>The group of the public pages in a signed-in user's menu.</summary>
    public const string PublicGroup = "公开信息";

    /// <summary>
    /// Who sees the 接口文档 link (in the header, beside 我的账户): the roles whose work has an API — administrator,
    /// window clerk, department officer, supervisor and employer (roster imports, feeds, statistics). Workers and the
    /// public work on the pages only.
    /// </summary>
    public static bool ApiDocsVisible(Actor actor) =>
        actor.Role is Roles.Administrator or Roles.Clerk or Roles.DepartmentOfficer or Roles.Supervisor or Roles.Employer;

    public static IEnumerable<NavItem> For(Actor actor) => Items.Where(i => i.Visible(actor));
}
