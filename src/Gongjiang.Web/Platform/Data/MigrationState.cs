using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongjiang.Web.Platform.Data;

/// <summary>
/// Which migrations a database has, asked without errors on an empty database: EF Core reads the history table
/// optimistically (its own existence check included) and logs a failed command (“fail: … __EFMigrationsHistory”) when
/// it does not exist yet, which made the first <c>migrate</c> look broken. Here the table's existence is read from the
/// catalogue first, and the table is created before migrating.
/// </summary>
public static class MigrationState
{
    private const string HistoryTable = "__EFMigrationsHistory";

    public static async Task<IReadOnlyList<string>> AppliedAsync(GongjiangDbContext db, CancellationToken ct) =>
        await HistoryExistsAsync(db, ct) ? [.. await db.Database.GetAppliedMigrationsAsync(ct)] : [];

    /// <summary>
    /// Whether the history table exists, from the catalogue (EF Core's own check reads the table and logs the error).
    /// </summary>
    private static async Task<bool> HistoryExistsAsync(GongjiangDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var name = "\"" + HistoryTable + "\"";
            return await db.Database.SqlQuery<bool>($"SELECT to_regclass({name}) IS NOT NULL AS \"Value\"").SingleAsync(ct);
        }

        return await db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {HistoryTable}").SingleAsync(ct) > 0;
    }

    public static async Task<IReadOnlyList<string>> PendingAsync(GongjiangDbContext db, CancellationToken ct)
    {
        var applied = (await AppliedAsync(db, ct)).ToHashSet(StringComparer.Ordinal);
        return [.. db.Database.GetMigrations().Where(m => !applied.Contains(m))];
    }

    public static async Task MigrateAsync(GongjiangDbContext db, CancellationToken ct)
    {
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
        await db.Database.MigrateAsync(ct);
    }
}
