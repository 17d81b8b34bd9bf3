using Gongjiang.Web.Platform.Identity;

namespace Gongjiang.Web.Platform.Ui;

/// <summary>A menu entry, who sees it, and where it sorts (modules number their entries: see <see cref="Navigation"/>).</summary>
public sealed record NavItem(string Href, string Label, Func<Actor, bool> Visible, int Order);

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

    public static IEnumerable<NavItem> For(Actor actor) => Items.Where(i => i.Visible(actor));
}
