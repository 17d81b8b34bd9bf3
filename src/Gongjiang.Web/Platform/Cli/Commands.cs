using Gongjiang.Core.Access;
using Gongjiang.Core.Reference;
using Gongjiang.Web.Features.Audit;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Modules;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Platform.Cli;

/// <summary>
/// Administrative commands: <c>migrate</c>, <c>create-admin</c>, <c>audit-verify</c>. Run as
/// <c>dotnet run --project src/Gongjiang.Web -- COMMAND [options]</c> or <c>Gongjiang.Web COMMAND</c> when published.
/// </summary>
internal static class Commands
{
    public static readonly string[] Names = ["migrate", "create-admin", "audit-verify", "help"];

    public static async Task<int> RunAsync(WebApplication app, string command)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentActor>().Use(Actor.System(command));
        var db = scope.ServiceProvider.GetRequiredService<GongjiangDbContext>();
        var config = app.Configuration;
        try
        {
            switch (command)
            {
                case "migrate":
                    var pending = await MigrationState.PendingAsync(db, CancellationToken.None);
                    await MigrationState.MigrateAsync(db, CancellationToken.None);
                    var origin = await DatabaseOrigin.MarkAfterMigrateAsync(db, CancellationToken.None);
                    Console.WriteLine(pending.Count == 0 ? "数据库结构已是最新，无需升级。" : $"已应用 {pending.Count} 个数据库迁移：{string.Join(", ", pending)}");
                    Console.WriteLine(origin == DatabaseOrigin.Production ? "数据库用途：生产（演示模式不会向其写入演示数据）。" : "数据库用途：演示。");
                    return 0;
                case "create-admin":
                    return await CreateAdminAsync(scope.ServiceProvider, config);
                case "audit-verify":
                    var result = await AuditUseCases.VerifyAsync(db, scope.ServiceProvider.GetRequiredService<AuditKey>(), CancellationToken.None);
                    Console.WriteLine(result.Summary);
                    return result.Intact ? 0 : 1;
                default:
                    Console.WriteLine("""
                        用法：Gongjiang.Web <命令> [选项]（源码：dotnet run --project src/Gongjiang.Web --no-launch-profile -- <命令> [选项]）
                          （不带命令）                  启动网站；--demo 为演示模式（写入演示账户与演示数据，不会写入生产数据库）
                          migrate                       升级数据库结构（生产环境部署新版本时运行）
                          create-admin --user 用户名 --region 行政区划代码 [--name 姓名]
                                                        创建系统管理员；密码取自环境变量 GONGJIANG_ADMIN_PASSWORD，未设置时从标准输入读取
                          audit-verify                  核验审计日志哈希链，断裂时指出第一处并以退出码1结束
                        共同选项：--Database:Provider Sqlite|Postgres  --ConnectionStrings:Default "<连接字符串>"  --Audit:ChainKey <Base64密钥>
                        """);
                    return command == "help" ? 0 : 2;
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or DbUpdateException or Npgsql.NpgsqlException)
        {
            Console.Error.WriteLine("命令失败：" + ex.Message);
            return 1;
        }
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, IConfiguration config)
    {
        var userName = config["user"];
        var region = config["region"] ?? Jurisdiction.CountryCode;
        var name = config["name"] ?? "系统管理员";
        var password = Environment.GetEnvironmentVariable("GONGJIANG_ADMIN_PASSWORD");
        if (string.IsNullOrWhiteSpace(userName))
        {
            Console.Error.WriteLine("请用 --user 指定用户名。");
            return 2;
        }

        if (!Jurisdiction.Parse(region).IsValid || RegionCatalog.Default.Find(region) is null)
        {
            Console.Error.WriteLine($"--region “{region}” 不是有效的行政区划代码（全国为 000000）。");
            return 2;
        }

        if (string.IsNullOrEmpty(password))
        {
            Console.Write("请输入新管理员的密码：");
            password = Console.ReadLine();
        }

        var problem = ThreeClassPasswordValidator.Check(password, userName);
        if (problem is not null)
        {
            Console.Error.WriteLine(problem);
            return 2;
        }

        var db = services.GetRequiredService<GongjiangDbContext>();
        if ((await MigrationState.PendingAsync(db, CancellationToken.None)).Count > 0)
        {
            Console.Error.WriteLine("数据库结构不是最新，请先运行 migrate。");
            return 1;
        }

        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = userName,
            DisplayName = name,
            Role = Roles.Administrator,
            RegionCode = region,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            MustChangePassword = false,
        };
        var result = await users.CreateAsync(user, password!);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine("创建失败：" + string.Join("；", result.Errors.Select(e => e.Description)));
            return 1;
        }

        Console.WriteLine($"已创建系统管理员 {userName}（管辖范围：{RegionCatalog.Default.FullName(region)}）。");
        return 0;
    }

    /// <summary>Demo mode migrates and seeds; otherwise the schema must already be current (run <c>migrate</c>).</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app, PlatformSettings settings)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentActor>().Use(Actor.System("启动"));
        var db = scope.ServiceProvider.GetRequiredService<GongjiangDbContext>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.CloseConnectionAsync();
        }

        if (settings.DemoMode)
        {
            // Demo data never goes into a production database, nor into one that holds other data (DatabaseOrigin).
            var refusal = await DatabaseOrigin.RefuseDemoBeforeMigrateAsync(db, CancellationToken.None);
            if (refusal is null)
            {
                await MigrationState.MigrateAsync(db, CancellationToken.None);
                refusal = await DatabaseOrigin.ClaimForDemoAsync(db, CancellationToken.None);
            }

            if (refusal is not null)
            {
                throw new InvalidOperationException(refusal);
            }

            await ModuleCatalog.SeedDemoAsync(new DemoSeed(scope.ServiceProvider, db, settings, app.Configuration,
                scope.ServiceProvider.GetRequiredService<TimeProvider>()), CancellationToken.None);
            return;
        }

        var pending = await MigrationState.PendingAsync(db, CancellationToken.None);
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"数据库结构不是最新（待应用 {pending.Count} 个迁移）。生产环境不会自动升级，请先运行 migrate 命令（发布包：Gongjiang.Web migrate；源码：dotnet run --project src/Gongjiang.Web --no-launch-profile -- migrate）。");
        }
    }

    public static void PrintBanner(WebApplication app, PlatformSettings settings)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine("工匠 · 技术工人待遇政策落实平台 已启动");
        foreach (var address in addresses)
        {
            Console.WriteLine($"  地址：{address}");
        }

        Console.WriteLine($"  数据库：{settings.Provider}{(settings.Provider == DatabaseProvider.Sqlite ? "（" + settings.ConnectionString + "）" : "")}");
        if (!settings.DemoMode)
        {
            Console.WriteLine("  生产模式：无默认账户。首个管理员请用 create-admin 命令创建。");
            if (app.Services.GetRequiredService<Security.DataProtectionCertificate>().Certificate is null)
            {
                Console.WriteLine("  警告：未配置 DataProtection:CertificatePath，数据保护密钥（登录凭据的签名密钥）以明文存于数据库。请配置含私钥的证书。");
            }

            return;
        }

        Console.WriteLine("  演示模式：以下演示账户的密码均为 " + settings.DemoPassword + "（可用配置项 Demo:Password 修改）");
        foreach (var a in DemoData.Accounts)
        {
            Console.WriteLine($"    {a.UserName,-11} {a.Description}");
        }

        Console.WriteLine();
    }
}
