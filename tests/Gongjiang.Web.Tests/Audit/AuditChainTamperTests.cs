using System.Net.Http.Json;
using Gongjiang.Web.Features.Audit;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Audit;

/// <summary>
/// 等保 2.0 三级 安全审计 c): audit records are protected against unexpected deletion, modification or overwriting.
/// Each test tampers with the stored log directly in the database and expects verification to name the position.
/// </summary>
public abstract class AuditChainTamperTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task Untouched_chain_verifies_and_records_every_write_with_actor_and_before_after()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        await clerk.PutAsJsonAsync($"/api/v1/registry/persons/{DemoData.WorkerPersonId}", new { name = "李建华", mobile = "13911112222" });

        await using var db = _app.CreateContext(Actor.System("test"));
        var result = await AuditUseCases.VerifyAsync(db, _app.Services.GetRequiredService<AuditKey>(), CancellationToken.None);
        // The demo's certificates (issued as the clerk) also update persons; this is the clerk's change of the mobile.
        var update = await db.AuditEntries.Where(e => e.EntityType == "Person" && e.Action == AuditActions.Update && e.ActorName == "clerk" && e.After!.Contains("13911112222")).SingleAsync();

        Assert.True(result.Intact, result.Summary);
        Assert.Equal("clerk", update.ActorName);
        Assert.Equal(Roles.Clerk, update.ActorRole);
        Assert.Equal("440300", update.ActorJurisdiction);
        Assert.Equal(DemoData.WorkerPersonId.ToString(), update.EntityId);
        Assert.Contains("13800138000", update.Before, StringComparison.Ordinal);
        Assert.Contains("13911112222", update.After, StringComparison.Ordinal);
        Assert.Equal(480, update.UtcOffsetMinutes);
    }

    [Fact]
    public async Task Password_hashes_never_reach_the_log()
    {
        await using var db = _app.CreateContext(Actor.System("test"));
        var userRows = await db.AuditEntries.Where(e => e.EntityType == "AppUser" && e.Action == AuditActions.Create).ToListAsync();

        Assert.NotEmpty(userRows);
        Assert.All(userRows, e => Assert.DoesNotContain("AQAAAA", e.After, StringComparison.Ordinal));
        Assert.All(userRows, e => Assert.Contains("（已隐去）", e.After, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Modified_row_is_caught_at_its_position()
    {
        var target = await MiddleSequenceAsync();
        await ExecuteAsync($"UPDATE audit_entries SET \"Detail\" = 'tampered' WHERE \"Sequence\" = {target}");

        var result = await VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal(target, result.BrokenAt);
        Assert.Contains("篡改", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleted_row_is_caught_at_its_position()
    {
        var target = await MiddleSequenceAsync();
        await ExecuteAsync($"DELETE FROM audit_entries WHERE \"Sequence\" = {target}");

        var result = await VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal(target, result.BrokenAt);
        Assert.Contains("缺失", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inserted_row_is_caught_at_its_position()
    {
        // Make room in the middle by shifting later rows up, then insert a forged row that links to its predecessor.
        var target = await MiddleSequenceAsync();
        string previousHash;
        await using (var db = _app.CreateContext(Actor.System("test")))
        {
            previousHash = await db.AuditEntries.Where(e => e.Sequence == target - 1).Select(e => e.Hash).SingleAsync();
        }

        await ExecuteAsync($"UPDATE audit_entries SET \"Sequence\" = \"Sequence\" + 1000000 WHERE \"Sequence\" >= {target}");
        await ExecuteAsync($"UPDATE audit_entries SET \"Sequence\" = \"Sequence\" - 999999 WHERE \"Sequence\" >= 1000000");
        // An instant as each provider stores it: timestamptz, or UTC ticks on SQLite (SqliteInstants).
        var now = provider == DatabaseProvider.Postgres ? "now()" : DateTimeOffset.UtcNow.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ExecuteAsync(
            "INSERT INTO audit_entries (\"Sequence\", \"OccurredAtUtc\", \"UtcOffsetMinutes\", \"ActorName\", \"Action\", \"EntityType\", \"Outcome\", \"PreviousHash\", \"Hash\") " +
            $"VALUES ({target}, {now}, 480, 'forger', 'delete', 'Person', 'succeeded', '{previousHash}', '{new string('a', 64)}')");

        var result = await VerifyAsync();

        Assert.False(result.Intact);
        Assert.Equal(target, result.BrokenAt);
    }

    [Fact]
    public async Task Concurrent_writers_do_not_fork_the_chain()
    {
        var tasks = Enumerable.Range(0, 24).Select(async i =>
        {
            await using var db = _app.CreateContext(Actor.System("test"));
            await db.RecordAsync(new AuditEvent(AuditActions.View, "Person", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Detail: "并发写入"), CancellationToken.None);
        });
        await Task.WhenAll(tasks);

        var result = await VerifyAsync();
        await using var check = _app.CreateContext(Actor.System("test"));
        var count = await check.AuditEntries.CountAsync(e => e.Detail == "并发写入");

        Assert.True(result.Intact, result.Summary);
        Assert.Equal(24, count);
    }

    [Fact]
    public async Task Verify_command_exits_1_and_names_the_break()
    {
        var target = await MiddleSequenceAsync();
        await ExecuteAsync($"UPDATE audit_entries SET \"ActorName\" = 'someone-else' WHERE \"Sequence\" = {target}");

        var (exit, output) = await Cli.RunAsync(_app, "audit-verify");

        Assert.Equal(1, exit);
        Assert.Contains($"第 {target} 条", output, StringComparison.Ordinal);
    }

    private async Task<long> MiddleSequenceAsync()
    {
        await using var db = _app.CreateContext(Actor.System("test"));
        var max = await db.AuditEntries.MaxAsync(e => e.Sequence);
        Assert.True(max > 5);
        return max / 2;
    }

    /// <summary>Runs tampering SQL; <c>audit_entries</c> is replaced by the table's name on this provider (a schema on PostgreSQL).</summary>
    private async Task ExecuteAsync(string sql)
    {
        await using var db = _app.CreateContext(Actor.System("test"));
        var table = db.Model.FindEntityType(typeof(AuditEntry))!.GetSchemaQualifiedTableName()!;
        await db.Database.ExecuteSqlRawAsync(sql.Replace("audit_entries", table, StringComparison.Ordinal));
    }

    private async Task<ChainVerification> VerifyAsync()
    {
        await using var db = _app.CreateContext(Actor.System("test"));
        return await AuditUseCases.VerifyAsync(db, _app.Services.GetRequiredService<AuditKey>(), CancellationToken.None);
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class AuditChainTamperTestsOnPostgres() : AuditChainTamperTests(DatabaseProvider.Postgres);

public sealed class AuditChainTamperTestsOnSqlite() : AuditChainTamperTests(DatabaseProvider.Sqlite);
