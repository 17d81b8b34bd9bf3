using System.Globalization;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongjiang.Web.Tests.Sqlite;

/// <summary>
/// SQLite stores instants as UTC ticks (SqliteInstants), so that they order and compare in SQL; migration
/// InstantsAsUtcTicks(Data) converts what earlier versions stored as text, exactly and in the right order.
/// </summary>
public sealed class SqliteInstantsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gongjiang-instants-" + Guid.NewGuid().ToString("N")[..8]);

    public SqliteInstantsTests() => Directory.CreateDirectory(_folder);

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "gongjiang.db")};Pooling=False";

    [Fact]
    public async Task Instants_stored_as_text_become_exact_UTC_ticks_that_sort_in_time_order_and_go_back_on_down()
    {
        // Offsets and fractions as a text column held them; the file names give the true order.
        var stored = new (string Name, DateTimeOffset At)[]
        {
            ("2-beijing-fraction", new DateTimeOffset(2026, 11, 24, 10, 29, 12, TimeSpan.FromHours(8)).AddTicks(1_234_567)),
            ("1-utc-one-tick-earlier", new DateTimeOffset(2026, 11, 24, 2, 29, 12, TimeSpan.Zero).AddTicks(1_234_566)),
            ("4-new-york-half-second", new DateTimeOffset(2026, 11, 23, 22, 29, 12, 500, TimeSpan.FromHours(-5))),
            ("3-utc-whole-second", new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero)),
        };
        await using (var db = GongjiangDbContextFactory.Create(DatabaseProvider.Sqlite, ConnectionString))
        {
            await db.GetService<IMigrator>().MigrateAsync("Publications");
        }

        await using (var connection = new SqliteConnection(ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var (name, at) in stored)
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = """
                    INSERT INTO registry_imports ("Id", "Kind", "FileName", "FileSha256", "Format", "RegionCode", "ActorName", "CreatedAt",
                        "TotalRows", "Accepted", "Rejected", "Duplicates", "Unchanged")
                    VALUES ($id, 0, $name, '', 'csv', '440300', 'clerk', $at, 0, 0, 0, 0, 0)
                    """;
                insert.Parameters.AddWithValue("$id", Guid.NewGuid());
                insert.Parameters.AddWithValue("$name", name);
                insert.Parameters.AddWithValue("$at", at); // as Microsoft.Data.Sqlite (and so EF Core) wrote it: text with offset
                await insert.ExecuteNonQueryAsync();
            }

            Assert.Equal("text", await ScalarAsync(connection, "SELECT DISTINCT typeof(\"CreatedAt\") FROM registry_imports"));
        }

        List<(string Name, DateTimeOffset At)> migrated;
        await using (var db = GongjiangDbContextFactory.Create(DatabaseProvider.Sqlite, ConnectionString))
        {
            await db.Database.MigrateAsync();
            migrated = (await db.Set<RegistryImport>().IgnoreQueryFilters().OrderBy(i => i.CreatedAt).Select(i => new { i.FileName, i.CreatedAt }).ToListAsync())
                .Select(i => (i.FileName, i.CreatedAt)).ToList();
        }

        await using (var connection = new SqliteConnection(ConnectionString))
        {
            await connection.OpenAsync();
            Assert.Equal("integer", await ScalarAsync(connection, "SELECT DISTINCT typeof(\"CreatedAt\") FROM registry_imports"));
        }

        Assert.Equal(stored.Select(s => s.Name).Order(StringComparer.Ordinal), migrated.Select(m => m.Name));
        Assert.All(migrated, m => Assert.Equal(stored.Single(s => s.Name == m.Name).At.UtcTicks, m.At.UtcTicks));

        // Down: back to text that denotes the same instants.
        await using (var db = GongjiangDbContextFactory.Create(DatabaseProvider.Sqlite, ConnectionString))
        {
            await db.GetService<IMigrator>().MigrateAsync("Publications");
        }

        await using (var connection = new SqliteConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT \"FileName\", \"CreatedAt\", typeof(\"CreatedAt\") FROM registry_imports";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Assert.Equal("text", reader.GetString(2));
                var back = DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
                Assert.Equal(stored.Single(s => s.Name == reader.GetString(0)).At.UtcTicks, back.UtcTicks);
            }
        }
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync();
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
