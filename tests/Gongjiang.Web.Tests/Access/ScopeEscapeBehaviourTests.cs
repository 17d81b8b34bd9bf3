using Gongjiang.Core.Access;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Access;

/// <summary>
/// Issue 10, item 1: the named escapes keep scope in one place — a bulk change outside the actor's write scope is
/// refused whole (403, audited by the exception handler), one inside it is audited with its count, a cross-jurisdiction read is audited with its
/// reason, the public query source shows public rows only, and an anonymous submission is scoped to one jurisdiction.
/// </summary>
public abstract class ScopeEscapeBehaviourTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task A_bulk_update_reaching_outside_the_write_scope_changes_nothing_and_is_refused()
    {
        await using (var guangzhou = _app.CreateContext(ClerkOf("440100")))
        {
            // The query reaches past the filter (the demo's Shenzhen person) only because it is built unscoped.
            var everyone = guangzhou.Unscoped<Person>("测试：越权批量修改").Where(p => p.Id == DemoData.WorkerPersonId || p.RegionCode.StartsWith("4401"));
            await Assert.ThrowsAsync<ScopeViolationException>(() =>
                guangzhou.UpdateInScopeAsync(everyone, s => s.SetProperty(p => p.Occupation, "越权批量修改"), "测试：批量修改职业", CancellationToken.None));
        }

        await using var system = _app.CreateContext(Actor.System("test"));
        Assert.False(await system.Set<Person>().AnyAsync(p => p.Occupation == "越权批量修改")); // not even the Guangzhou rows
        Assert.False(await system.Set<AuditEntry>().AnyAsync(a => a.Detail!.StartsWith("测试：批量修改职业"))); // (the 403 is audited by the exception handler)
    }

    [Fact]
    public async Task A_bulk_update_inside_the_scope_is_applied_and_audited_with_its_count_and_filter()
    {
        await using (var guangzhou = _app.CreateContext(ClerkOf("440100")))
        {
            var count = await guangzhou.UpdateInScopeAsync(guangzhou.Set<Person>().Where(p => p.RegionCode.StartsWith("4401")),
                s => s.SetProperty(p => p.Occupation, "批量修改的职业"), "测试：批量修改职业", CancellationToken.None);
            Assert.True(count > 0);
        }

        await using var system = _app.CreateContext(Actor.System("test"));
        Assert.False(await system.Set<Person>().AnyAsync(p => p.Occupation == "批量修改的职业" && !p.RegionCode.StartsWith("4401")));
        var entry = await system.Set<AuditEntry>().SingleAsync(a => a.Action == AuditActions.Update && a.Detail!.StartsWith("测试：批量修改职业"));
        Assert.Equal("test-clerk", entry.ActorName);
        Assert.Matches(@"批量修改\d+条", entry.Detail);
    }

    [Fact]
    public async Task A_cross_jurisdiction_read_is_audited_once_with_its_reason()
    {
        await using (var guangzhou = _app.CreateContext(ClerkOf("440100")))
        {
            Assert.False(await guangzhou.Set<Person>().AnyAsync(p => p.Id == DemoData.WorkerPersonId));
            Assert.True(await guangzhou.Unscoped<Person>("测试：核对是否已在其他地区登记").AnyAsync(p => p.Id == DemoData.WorkerPersonId));
            Assert.True(await guangzhou.Unscoped<Person>("测试：核对是否已在其他地区登记").AnyAsync(p => p.Id == DemoData.WorkerPersonId));
            await guangzhou.SaveChangesAsync();
        }

        await using var system = _app.CreateContext(Actor.System("test"));
        var entries = await system.Set<AuditEntry>().Where(a => a.Action == AuditActions.Unscoped && a.Detail == "测试：核对是否已在其他地区登记").ToListAsync();
        Assert.Single(entries);
        Assert.Equal("test-clerk", entries[0].ActorName);
    }

    [Fact]
    public void An_anonymous_submission_is_scoped_to_its_one_jurisdiction_and_holds_no_permission()
    {
        var submitter = Actor.PublicSubmission(Jurisdiction.Parse("440300").Value, "提出异议");
        var scope = AccessScope.For(submitter);

        Assert.True(scope.Allowed);
        Assert.Equal(Jurisdiction.Parse("440300").Value.Prefix, scope.RegionPrefix);
        Assert.False(submitter.IsSystem);
        Assert.False(submitter.IsAuthenticated);
        Assert.DoesNotContain(Permissions.Grants, g => g.Value.Contains(Roles.PublicSubmitter));

        // The whole country is never a submission's scope.
        Assert.False(AccessScope.For(Actor.PublicSubmission(Jurisdiction.Country, "提出异议")).Allowed);
    }

    private static Actor ClerkOf(string region) =>
        new("test-clerk", "test-clerk", "测试经办人", Roles.Clerk, Jurisdiction.Parse(region).Value, null, null, null);

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class ScopeEscapeBehaviourTestsOnPostgres() : ScopeEscapeBehaviourTests(DatabaseProvider.Postgres);

public sealed class ScopeEscapeBehaviourTestsOnSqlite() : ScopeEscapeBehaviourTests(DatabaseProvider.Sqlite);
