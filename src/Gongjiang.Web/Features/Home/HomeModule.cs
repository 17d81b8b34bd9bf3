using Gongjiang.Web.Platform.Modules;
using Gongjiang.Web.Platform.Ui;

namespace Gongjiang.Web.Features.Home;

/// <summary>The home page and the API reference link.</summary>
internal sealed class HomeModule : IModule
{
    public string Name => "home";

    public string Title => "首页";

    public IEnumerable<NavItem> Menu =>
    [
        new("/", "首页", _ => true, 0),
    ];
}
