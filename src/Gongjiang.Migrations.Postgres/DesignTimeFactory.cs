using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Gongjiang.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add X --project src/Gongjiang.Migrations.Postgres</c> build the model.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GongjiangDbContext>
{
    public GongjiangDbContext CreateDbContext(string[] args) =>
        GongjiangDbContextFactory.Create(DatabaseProvider.Postgres, "Host=localhost;Database=gongjiang_design");
}
