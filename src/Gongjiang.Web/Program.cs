using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Cli;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Modules;
using Gongjiang.Web.Platform.Ui;

args = HostStart.ExpandSwitches(args);
var command = args.Length > 0 && Commands.Names.Contains(args[0], StringComparer.Ordinal) ? args[0] : null;
var builder = WebApplication.CreateBuilder(HostStart.Options(command is null ? args : args[1..]));
if (command is not null)
{
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
}

builder.AddGongjiangPlatform();
builder.AddModules();

var app = builder.Build();
PlatformSettings settings;
try
{
    settings = app.Services.GetRequiredService<PlatformSettings>();
    _ = app.Services.GetRequiredService<AuditKey>();
    ModuleCatalog.ValidateConfiguration(app.Services);
    _ = app.Services.GetRequiredService<Gongjiang.Web.Platform.Security.DataProtectionCertificate>();
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine("配置错误：" + ex.Message);
    return 2;
}

if (command is not null)
{
    return await Commands.RunAsync(app, command);
}

try
{
    Gongjiang.Web.Platform.Security.HostingSecurity.Validate(app.Configuration, settings);
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine("配置错误：" + ex.Message);
    return 2;
}

try
{
    await Commands.PrepareDatabaseAsync(app, settings);
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine("启动失败：" + ex.Message);
    return 1;
}

app.UseGongjiangPlatform();
app.MapModules();
app.MapRazorComponents<App>();

await app.StartAsync();
Commands.PrintBanner(app, settings);
await app.WaitForShutdownAsync();
return 0;

/// <summary>The application entry point (public for the test host).</summary>
public partial class Program;
