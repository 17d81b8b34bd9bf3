namespace Gongjiang.Web.Features.Window;

/// <summary>The window module's permissions (each an authorization policy of that name; default roles in <see cref="WindowModule"/>).</summary>
public static class WindowPermissions
{
    /// <summary>The eligibility pre-check before filing.</summary>
    public const string Guide = "window.guide";

    /// <summary>File and follow requests (the service's own checks decide which actions each role may take).</summary>
    public const string Requests = "window.requests";

    /// <summary>A department's inbox and task actions.</summary>
    public const string Tasks = "window.tasks";
}
