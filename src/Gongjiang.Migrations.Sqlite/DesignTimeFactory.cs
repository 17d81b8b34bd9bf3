using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Gongjiang.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add X --project src/Gongjiang.Migrations.Sqlite</c> build the model.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GongjiangDbContext>
{
    public GongjiangDbContext CreateDbContext(string[] args) =>
        GongjiangDbContextFactory.Create(DatabaseProvider.Sqlite, "Data Source=design-time.db");
}
