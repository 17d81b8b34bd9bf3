namespace Gongjiang.Web.Platform;

/// <summary>How the host starts: the <c>--demo</c> switch and where its content root is.</summary>
internal static class HostStart
{
    /// <summary><c>--demo</c> is short for <c>--Demo:Enabled=true</c> (the command line takes only key=value pairs).</summary>
    public static string[] ExpandSwitches(string[] args) =>
        [.. args.Select(a => string.Equals(a, "--demo", StringComparison.OrdinalIgnoreCase) ? "--Demo:Enabled=true" : a)];

    public static WebApplicationOptions Options(string[] args) => new() { Args = args, ContentRootPath = ContentRoot(args, AppContext.BaseDirectory) };

    /// <summary>
    /// A published application (its <c>wwwroot</c> beside it) is its own content root wherever it is started from, so
    /// that its <c>appsettings.json</c> is read and its static files are served; otherwise (<c>dotnet run</c>, tests) the
    /// host's default, the current folder. An explicit <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c> wins.
    /// </summary>
    public static string? ContentRoot(IReadOnlyList<string> args, string applicationFolder)
    {
        var explicitRoot = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return !explicitRoot && Directory.Exists(Path.Combine(applicationFolder, "wwwroot")) ? applicationFolder : null;
    }
}
