using System.Reflection;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Platform.Data;

/// <summary>The database providers the platform runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Settings that decide where data lives. Configuration keys are given beside each member.</summary>
public sealed class PlatformSettings
{
    /// <summary><c>Database:Provider</c>: Sqlite (embedded default) or Postgres.</summary>
    public DatabaseProvider Provider { get; init; }

    /// <summary><c>ConnectionStrings:Default</c>; for SQLite defaults to a file in the data folder.</summary>
    public required string ConnectionString { get; init; }

    /// <summary><c>Data:Folder</c>: local folder for the SQLite file and demo-mode secrets.</summary>
    public required string DataFolder { get; init; }

    /// <summary>
    /// <c>Demo:Enabled</c> (or <c>--demo</c>): migrate on start, seed demo data and demo accounts (never into a database
    /// that holds other data or was made by <c>migrate</c>, see <see cref="DatabaseOrigin"/>). When not set: on only in
    /// the Development environment on SQLite, which is what <c>dotnet run --project src/Gongjiang.Web</c> starts.
    /// </summary>
    public bool DemoMode { get; init; }

    /// <summary><c>Demo:Password</c>: the one password of every demo account.</summary>
    public required string DemoPassword { get; init; }

    public static PlatformSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var providerText = configuration["Database:Provider"] ?? "Sqlite";
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException($"配置项 Database:Provider 的值“{providerText}”无效，应为 Sqlite 或 Postgres。");
        }

        var folder = configuration["Data:Folder"] ?? "data";
        folder = Path.GetFullPath(folder, environment.ContentRootPath);
        var connection = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("使用 PostgreSQL 时必须配置 ConnectionStrings:Default（连接字符串）。");
            }

            connection = $"Data Source={Path.Combine(folder, "gongjiang.db")}";
        }

        return new PlatformSettings
        {
            Provider = provider,
            ConnectionString = connection,
            DataFolder = folder,
            DemoMode = configuration.GetValue<bool?>("Demo:Enabled") ?? (environment.IsDevelopment() && provider == DatabaseProvider.Sqlite),
            DemoPassword = configuration["Demo:Password"] is { Length: > 0 } p ? p : "Gongjiang@2026",
        };
    }
}

internal static class DatabaseSetup
{
    /// <summary>
    /// Registers the context of each provider and <see cref="GongjiangDbContext"/> as the one the settings choose.
    /// Settings are read from the final configuration when first needed (not while the builder runs), so every
    /// configuration source — including a test host's — applies.
    /// </summary>
    public static IServiceCollection AddGongjiangDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var settings = PlatformSettings.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>());
            Directory.CreateDirectory(settings.DataFolder);
            return settings;
        });
        services.AddSingleton(sp => AuditKeys.Load(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<PlatformSettings>()));
        services.AddSingleton<AuditWriter>();
        services.AddDbContext<PostgresGongjiangDbContext>((sp, options) =>
            Configure(options, DatabaseProvider.Postgres, sp.GetRequiredService<PlatformSettings>().ConnectionString));
        services.AddDbContext<SqliteGongjiangDbContext>((sp, options) =>
            Configure(options, DatabaseProvider.Sqlite, sp.GetRequiredService<PlatformSettings>().ConnectionString));
        services.AddScoped<GongjiangDbContext>(sp => sp.GetRequiredService<PlatformSettings>().Provider switch
        {
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresGongjiangDbContext>(),
            _ => sp.GetRequiredService<SqliteGongjiangDbContext>(),
        });
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString);

                // SQLite changes a column's type by rebuilding the table, between PRAGMA foreign_keys switches that
                // cannot run in a transaction (migration InstantsAsUtcTicks); EF warns at every such migration.
                options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString);
                break;
            default:
                throw new InvalidOperationException("unknown provider");
        }
    }
}

internal static class AuditKeys
{
    public static AuditKey Load(IConfiguration configuration, PlatformSettings settings)
    {
        var configured = configuration["Audit:ChainKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try
            {
                var bytes = Convert.FromBase64String(configured);
                if (bytes.Length >= 32)
                {
                    return new AuditKey(bytes);
                }
            }
            catch (FormatException)
            {
            }

            throw new InvalidOperationException("配置项 Audit:ChainKey 应为至少32字节密钥的 Base64 编码（可用 openssl rand -base64 32 生成）。");
        }

        if (!settings.DemoMode)
        {
            throw new InvalidOperationException("未配置审计日志密钥 Audit:ChainKey。生产环境必须配置（可用 openssl rand -base64 32 生成），并妥善保管在数据库以外。");
        }

        // Demo mode: a key of its own in the local data folder, made on first start.
        var path = Path.Combine(settings.DataFolder, "audit-chain.key");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        }

        return new AuditKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}

/// <summary>Design-time and command-line construction of the context, with a system actor.</summary>
public static class GongjiangDbContextFactory
{
    public static GongjiangDbContext Create(DatabaseProvider provider, string connectionString, AuditKey? key = null, TimeProvider? clock = null)
    {
        var audit = key is null ? null : new AuditWriter(key, clock ?? TimeProvider.System);
        var actor = new FixedActor(Actor.System("数据库维护"));
        if (provider == DatabaseProvider.Postgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresGongjiangDbContext>();
            DatabaseSetup.Configure(postgres, provider, connectionString);
            return new PostgresGongjiangDbContext(postgres.Options, actor, audit);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteGongjiangDbContext>();
        DatabaseSetup.Configure(sqlite, provider, connectionString);
        return new SqliteGongjiangDbContext(sqlite.Options, actor, audit);
    }

    private sealed class FixedActor(Actor actor) : ICurrentActor
    {
        public Actor Actor { get; } = actor;

        public string? ClientAddress => null;
    }
}

internal static class AssemblyInfo
{
    public static string Version => typeof(AssemblyInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";
}
