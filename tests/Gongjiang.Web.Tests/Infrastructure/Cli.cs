using System.Diagnostics;

namespace Gongjiang.Web.Tests.Infrastructure;

/// <summary>Runs the application's own commands (migrate, create-admin, audit-verify) as a separate process.</summary>
public static class Cli
{
    public static Task<(int Exit, string Output)> RunAsync(TestApp app, params string[] arguments) =>
        RunAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = app.Provider.ToString(),
            ["ConnectionStrings__Default"] = app.ConnectionString,
            ["Audit__ChainKey"] = TestApp.AuditKey,
            ["Registry__IdHashKey"] = TestApp.IdHashKey,
            ["Registry__IdEncryptionKey"] = TestApp.IdEncryptionKey,
            ["Data__Folder"] = Path.Combine(Path.GetTempPath(), "gongjiang-cli-" + Guid.NewGuid().ToString("N")[..8]),
        }, arguments);

    public static async Task<(int Exit, string Output)> RunAsync(IDictionary<string, string> environment, params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Gongjiang.Web.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
