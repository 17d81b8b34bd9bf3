using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace Gongjiang.Web.Tests.Production;

/// <summary>
/// Issue 8: demo data is seeded only when asked for — <c>--demo</c>, or the Development environment on SQLite (the
/// README's run command) — and never into a database that holds other data or that <c>migrate</c> made.
/// </summary>
public sealed class DemoModeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gongjiang-demo-" + Guid.NewGuid().ToString("N")[..8]);

    public DemoModeTests() => Directory.CreateDirectory(_folder);

    [Theory]
    [InlineData("Development", "Sqlite", null, true)]      // dotnet run --project src/Gongjiang.Web (launchSettings.json)
    [InlineData("Development", "Postgres", null, false)]   // the README's old production commands ran Development on PostgreSQL
    [InlineData("Production", "Sqlite", null, false)]
    [InlineData("Production", "Postgres", "true", true)]   // --demo, asked for explicitly
    [InlineData("Development", "Sqlite", "false", false)]
    public void Demo_mode_is_on_only_when_asked_for_or_in_development_on_SQLite(string environment, string provider, string? demo, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Default"] = provider == "Postgres" ? "Host=db;Database=gongjiang" : null,
            ["Demo:Enabled"] = demo,
        }).Build();

        var settings = PlatformSettings.From(configuration, new HostingEnvironment { EnvironmentName = environment, ContentRootPath = _folder });

        Assert.Equal(expected, settings.DemoMode);
    }

    [Fact]
    public void The_demo_switch_stands_for_Demo_Enabled()
    {
        Assert.Equal(["--urls", "http://127.0.0.1:5080", "--Demo:Enabled=true"], HostStart.ExpandSwitches(["--urls", "http://127.0.0.1:5080", "--demo"]));
    }

    [Fact]
    public async Task Demo_start_on_a_database_holding_other_accounts_is_refused_and_writes_nothing()
    {
        var database = Path.Combine(_folder, "gongjiang.db");
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Default"] = $"Data Source={database}",
            ["Data__Folder"] = _folder,
            ["Audit__ChainKey"] = TestApp.AuditKey,
            ["Registry__IdHashKey"] = TestApp.IdHashKey,
            ["Registry__IdEncryptionKey"] = TestApp.IdEncryptionKey,
            ["GONGJIANG_ADMIN_PASSWORD"] = "Shou#Xian2026",
        };
        Assert.Equal(0, (await Cli.RunAsync(environment, "migrate")).Exit);
        Assert.Equal(0, (await Cli.RunAsync(environment, "create-admin", "--user", "root1", "--region", "000000")).Exit);

        // A database from before the origin mark: unmarked, with an account of its own.
        await ExecuteAsync(database, "DELETE FROM platform_settings");
        var (exit, output) = await Cli.RunAsync(environment, "--demo", "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, exit);
        Assert.Contains("演示模式已拒绝启动：该数据库已有非演示数据（1 个账户", output, StringComparison.Ordinal);
        Assert.Equal(1L, await ExecuteAsync(database, "SELECT count(*) FROM users"));
        Assert.Equal(0L, await ExecuteAsync(database, "SELECT count(*) FROM persons"));
    }

    private static async Task<object?> ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
