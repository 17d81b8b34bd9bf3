using Gongjiang.DataGen;
using Gongjiang.Web.Features.Registry.Imports;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Registry;

/// <summary>
/// Issue 8: after two 200k imports the 1-character name search missed its target (p95 66–88 ms, ≤ 50 ms asked) because
/// PostgreSQL's statistics were not refreshed. A large import analyses the tables it wrote; a small one leaves it to
/// autovacuum.
/// </summary>
public sealed class ImportStatisticsTests
{
    [Fact]
    public async Task A_large_import_on_PostgreSQL_refreshes_the_statistics_of_the_tables_it_wrote_and_a_small_one_does_not()
    {
        using var app = new TestApp();

        await ImportAsync(app, rows: 50, seed: 5);
        var afterSmall = await LastAnalyzedAsync(app, "persons");
        await ImportAsync(app, rows: ImportStatistics.Threshold + 200, seed: 6);
        var afterLarge = await WaitForAsync(() => LastAnalyzedAsync(app, "persons"));

        Assert.Null(afterSmall);
        Assert.NotNull(afterLarge);
        foreach (var table in new[] { "enterprises", "employments", "skill_certificates" })
        {
            Assert.NotNull(await WaitForAsync(() => LastAnalyzedAsync(app, table)));
        }
    }

    private static async Task ImportAsync(TestApp app, int rows, int seed)
    {
        using var file = new MemoryStream();
        CsvWriter.Write(file, RecordKind.Roster, new RosterGenerator(seed, provinceCode: "44", badRowShare: 0).Persons(rows), TextEncodings.Utf8WithBom);
        file.Position = 0;
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentActor>().Use(Actor.System("test"));
        var summary = await scope.ServiceProvider.GetRequiredService<ImportService>().RunAsync(file, "名册.csv", ImportKind.Roster, null, CancellationToken.None);
        Assert.True(summary.Accepted > rows * 9 / 10, $"{summary.Accepted} of {rows} accepted");
    }

    /// <summary>When the table was last analysed by hand (ANALYZE), not by autovacuum.</summary>
    private static async Task<DateTime?> LastAnalyzedAsync(TestApp app, string table)
    {
        await using var db = app.CreateContext(Actor.System("test"));
        return await db.Database.SqlQuery<DateTime?>($"SELECT last_analyze AS \"Value\" FROM pg_stat_user_tables WHERE relname = {table}").SingleAsync();
    }

    /// <summary>The statistics views catch up within a second or so.</summary>
    private static async Task<DateTime?> WaitForAsync(Func<Task<DateTime?>> read)
    {
        for (var i = 0; i < 40; i++)
        {
            if (await read() is { } value)
            {
                return value;
            }

            await Task.Delay(250);
        }

        return null;
    }
}
