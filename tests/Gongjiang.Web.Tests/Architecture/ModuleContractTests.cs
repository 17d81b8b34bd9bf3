using System.Reflection;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Modules;
using Gongjiang.Web.Platform.Ui;

namespace Gongjiang.Web.Tests.Architecture;

/// <summary>
/// ADR 0012: a module registers itself (services, endpoints, permissions, menu, demo data) through <see cref="IModule"/>,
/// so that adding one is its folder plus one line in <see cref="ModuleCatalog"/>; the composition root stays the same.
/// </summary>
public sealed class ModuleContractTests
{
    private static readonly Assembly Web = typeof(IModule).Assembly;

    [Fact]
    public void Every_module_class_is_in_the_catalogue_once()
    {
        var declared = Web.GetTypes().Where(t => typeof(IModule).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false }).ToHashSet();
        var listed = ModuleCatalog.All.Select(m => m.GetType()).ToList();

        Assert.Equal(declared.OrderBy(t => t.FullName, StringComparer.Ordinal), listed.OrderBy(t => t.FullName, StringComparer.Ordinal));
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(ModuleCatalog.All.Count, ModuleCatalog.All.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Each_module_lives_in_its_own_feature_folder()
    {
        foreach (var module in ModuleCatalog.All)
        {
            var ns = module.GetType().Namespace!;
            Assert.StartsWith("Gongjiang.Web.Features.", ns, StringComparison.Ordinal);
            Assert.Equal(ns.LastIndexOf('.'), "Gongjiang.Web.Features".Length); // the folder itself, not a sub-folder
            Assert.Matches("^[a-z]+$", module.Name);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", module.Title);
        }
    }

    [Fact]
    public void Every_permission_a_role_holds_comes_from_a_module_and_every_grant_names_known_roles()
    {
        var roles = Roles.All.ToHashSet(StringComparer.Ordinal);
        foreach (var (permission, holders) in Permissions.Grants)
        {
            Assert.NotEmpty(holders);
            Assert.All(holders, r => Assert.Contains(r, roles));
            Assert.Contains(ModuleCatalog.All, m => m.Permissions.ContainsKey(permission));
        }
    }

    [Fact]
    public void The_menu_is_the_modules_menus_in_order()
    {
        var expected = ModuleCatalog.All.SelectMany(m => m.Menu).Count();
        Assert.Equal(expected, Navigation.Items.Count);
        Assert.Equal(Navigation.Items.Select(i => i.Order).Order(), Navigation.Items.Select(i => i.Order));
        Assert.Equal("/", Navigation.Items[0].Href);
    }

    [Fact]
    public void The_composition_root_names_no_feature()
    {
        // Program.cs, the platform's composition and the shared UI shell compose modules through the catalogue only.
        var root = RepositoryRoot();
        var files = new[] { "src/Gongjiang.Web/Program.cs", "src/Gongjiang.Web/Platform/PlatformModule.cs", "src/Gongjiang.Web/Platform/Ui/Navigation.cs", "src/Gongjiang.Web/Platform/Identity/Permissions.cs" };
        foreach (var file in files)
        {
            var text = File.ReadAllText(Path.Combine(root, file));
            Assert.DoesNotContain("Gongjiang.Web.Features", text, StringComparison.Ordinal);
        }
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gongjiang.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
