using Gongjiang.Web.Platform.Identity;

namespace Gongjiang.Web.Platform.Ui;

/// <summary>A menu entry and who sees it. Modules add their entries here; the menu shows what the role may use.</summary>
public sealed record NavItem(string Href, string Label, Func<Actor, bool> Visible);

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
        new("/public/talents", "领军人才名单", _ => true),
        new("/public/publications", "公示与公布", _ => true),
        new("/admin/accounts", "账户管理", a => a.Can(Permissions.AccountsManage)),
        new("/admin/audit", "审计日志", a => a.Can(Permissions.AuditVerify)),
        new("/reference", "代码表", _ => true),
        new("/scalar", "接口文档", a => a.IsAuthenticated),
        new("/account", "我的账户", a => a.IsAuthenticated),
    ];

    public static IEnumerable<NavItem> For(Actor actor) => Items.Where(i => i.Visible(actor));
}
