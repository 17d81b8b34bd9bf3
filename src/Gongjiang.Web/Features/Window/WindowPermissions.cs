namespace Gongjiang.Web.Features.Window;

/// <summary>The window module's permissions (each an authorization policy of that name; default roles in <see cref="WindowModule"/>).</summary>
public static class WindowPermissions
{
    /// <summary>Read the service item catalogue (办事指南) with the eligibility pre-check.</summary>
    public const string Guide = "window.guide";
}
