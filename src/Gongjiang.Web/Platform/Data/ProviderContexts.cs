using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Gongjiang.Web.Platform.Data;

/// <summary>The context on PostgreSQL (the system of record); its migrations are in Migrations/Postgres.</summary>
public sealed class PostgresGongjiangDbContext(DbContextOptions<PostgresGongjiangDbContext> options, ICurrentActor current, AuditWriter? audit = null)
    : GongjiangDbContext(options, current, audit);

/// <summary>The context on SQLite (the embedded default); its migrations are in Migrations/Sqlite.</summary>
public sealed class SqliteGongjiangDbContext(DbContextOptions<SqliteGongjiangDbContext> options, ICurrentActor current, AuditWriter? audit = null)
    : GongjiangDbContext(options, current, audit);

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
