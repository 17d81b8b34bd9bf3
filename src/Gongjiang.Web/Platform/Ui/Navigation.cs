using Gongjiang.Web.Platform.Identity;

namespace Gongjiang.Web.Platform.Ui;

/// <summary>
/// A menu entry, who sees it, and where it sorts (modules number their entries: see <see cref="Navigation"/>). Entries
/// with a <paramref name="Group"/> are gathered under that name in the menu of signed-in users (so it fits on one line).
/// </summary>
public sealed record NavItem(string Href, string Label, Func<Actor, bool> Visible, int Order, string? Group = null);

/// <summary>
/// The menu: every module's entries (<see cref="Modules.IModule.Menu"/>) in <see cref="NavItem.Order"/>, showing what
/// the role may use. Orders: 0–9 home, 10–19 registry, 20–29 publications, 30–79 later modules, 80–89 administration,
/// 90–99 reference, API and the own account.
/// </summary>
public static class Navigation
{
    private static readonly Lazy<IReadOnlyList<NavItem>> AllItems = new(() =>
        [.. Modules.ModuleCatalog.All.SelectMany(m => m.Menu).OrderBy(i => i.Order)]);

    public static IReadOnlyList<NavItem> Items => AllItems.Value;

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
