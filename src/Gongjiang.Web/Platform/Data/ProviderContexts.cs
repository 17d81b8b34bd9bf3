using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Gongjiang.Web.Platform.Data;

/// <summary>The context on PostgreSQL (the system of record); its migrations are in Migrations/Postgres.</summary>
public sealed class PostgresGongjiangDbContext(DbContextOptions<PostgresGongjiangDbContext> options, ICurrentActor current, AuditWriter? audit = null)
    : GongjiangDbContext(options, current, audit)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ModuleSchemas.Apply(builder);
    }
}

/// <summary>
/// The context on SQLite (the embedded default); its migrations are in Migrations/Sqlite. Instants are stored as UTC
/// ticks so that they order and compare in SQL (<see cref="SqliteInstants"/>).
/// </summary>
public sealed class SqliteGongjiangDbContext(DbContextOptions<SqliteGongjiangDbContext> options, ICurrentActor current, AuditWriter? audit = null)
    : GongjiangDbContext(options, current, audit)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        SqliteInstants.Configure(configurationBuilder);
    }
}

/// <summary>
/// Lets <c>dotnet ef migrations add X --project src/Gongjiang.Web --context PostgresGongjiangDbContext
/// --output-dir Platform/Data/Migrations/Postgres</c> build the model without a database.
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGongjiangDbContext>
{
    public PostgresGongjiangDbContext CreateDbContext(string[] args) =>
        (PostgresGongjiangDbContext)GongjiangDbContextFactory.Create(DatabaseProvider.Postgres, "Host=localhost;Database=gongjiang_design");
}

/// <summary>The same for SQLite (<c>--context SqliteGongjiangDbContext --output-dir Platform/Data/Migrations/Sqlite</c>).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGongjiangDbContext>
{
    public SqliteGongjiangDbContext CreateDbContext(string[] args) =>
        (SqliteGongjiangDbContext)GongjiangDbContextFactory.Create(DatabaseProvider.Sqlite, "Data Source=design-time.db");
}

/// <summary>
/// On PostgreSQL each module's tables live in their own schema (the module's <see cref="Modules.IModule.Name"/>:
/// registry, publication, …); the platform's own tables (accounts, audit log, data-protection keys) in
/// <c>platform</c>. The owner of a table is the module whose folder holds its entity type. SQLite has no schemas.
/// </summary>
internal static class ModuleSchemas
{
    public const string Platform = "platform";

    public static void Apply(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        {
            entity.SetSchema(SchemaOf(entity.ClrType));
        }
    }

    /// <summary>The schema of an entity type: its module's name, or <see cref="Platform"/>.</summary>
    public static string SchemaOf(Type entityType)
    {
        var ns = entityType.Namespace ?? "";
        foreach (var module in Modules.ModuleCatalog.All)
        {
            var moduleNamespace = module.GetType().Namespace!;
            if (ns.Equals(moduleNamespace, StringComparison.Ordinal) || ns.StartsWith(moduleNamespace + ".", StringComparison.Ordinal))
            {
                return module.Name;
            }
        }

        return Platform;
    }
}
