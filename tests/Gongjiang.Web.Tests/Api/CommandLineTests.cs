using System.Net;
using System.Net.Http.Json;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Gongjiang.Web.Tests.Api;

/// <summary>The documented production path: no demo accounts, `migrate`, then `create-admin`.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Production_database_is_migrated_by_command_and_the_first_administrator_is_created_by_command()
    {
        var connection = PostgresServer.CreateDatabase();
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Default"] = connection,
            ["Audit__ChainKey"] = TestApp.AuditKey,
            ["Registry__IdHashKey"] = TestApp.IdHashKey,
            ["Registry__IdEncryptionKey"] = TestApp.IdEncryptionKey,
            ["GONGJIANG_ADMIN_PASSWORD"] = "First#Admin2026",
        };

        var beforeMigrate = await Cli.RunAsync(environment, "create-admin", "--user", "root1", "--region", "000000");
        var migrate = await Cli.RunAsync(environment, "migrate");
        var migrateAgain = await Cli.RunAsync(environment, "migrate");
        var weak = await Cli.RunAsync(new Dictionary<string, string>(environment) { ["GONGJIANG_ADMIN_PASSWORD"] = "weak" }, "create-admin", "--user", "root1");
        var create = await Cli.RunAsync(environment, "create-admin", "--user", "root1", "--region", "000000", "--name", "首位管理员");
        var verify = await Cli.RunAsync(environment, "audit-verify");

        Assert.Equal(1, beforeMigrate.Exit);
        Assert.Contains("请先运行 migrate", beforeMigrate.Output, StringComparison.Ordinal);
        Assert.Equal(0, migrate.Exit);
        Assert.Contains("已应用", migrate.Output, StringComparison.Ordinal);
        Assert.Contains("无需升级", migrateAgain.Output, StringComparison.Ordinal);
        Assert.Equal(2, weak.Exit);
        Assert.Equal(0, create.Exit);
        Assert.Contains("已创建系统管理员 root1", create.Output, StringComparison.Ordinal);
        Assert.Equal(0, verify.Exit);
    }

    [Fact]
    public async Task Production_mode_without_audit_key_refuses_to_start_with_a_Chinese_message()
    {
        var (exit, output) = await Cli.RunAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["Data__Folder"] = Path.Combine(Path.GetTempPath(), "gongjiang-nokey-" + Guid.NewGuid().ToString("N")[..8]),
        }, "migrate");

        Assert.Equal(2, exit);
        Assert.Contains("Audit:ChainKey", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_mode_has_no_default_accounts()
    {
        using var app = new ProductionApp();
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = "Gongjiang@2026" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>The app outside demo mode on a database migrated by the command.</summary>
    private sealed class ProductionApp : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        private readonly string _connection = PostgresServer.CreateDatabase();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            Cli.RunAsync(new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Default"] = _connection,
                ["Audit__ChainKey"] = TestApp.AuditKey,
                ["Registry__IdHashKey"] = TestApp.IdHashKey,
                ["Registry__IdEncryptionKey"] = TestApp.IdEncryptionKey,
            }, "migrate").GetAwaiter().GetResult();
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Postgres));
            builder.UseSetting("ConnectionStrings:Default", _connection);
            builder.UseSetting("Audit:ChainKey", TestApp.AuditKey);
            builder.UseSetting("Registry:IdHashKey", TestApp.IdHashKey);
            builder.UseSetting("Registry:IdEncryptionKey", TestApp.IdEncryptionKey);
            builder.UseSetting("Demo:Enabled", "false");
            builder.UseSetting("AllowedHosts", "localhost");
            builder.UseSetting("Platform:PublicBaseUrl", "https://gongjiang.example.gov.cn");
        }
    }
}
