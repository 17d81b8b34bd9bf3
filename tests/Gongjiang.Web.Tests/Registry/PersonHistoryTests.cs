using System.Net.Http.Json;
using Gongjiang.Web.Features.Registry.Persons;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Registry;

/// <summary>Issue 3: “Every change is kept: a person's record can be shown as of any past date.”</summary>
public abstract class PersonHistoryTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task A_persons_record_is_shown_as_it_stood_on_a_past_date()
    {
        _ = _app.Services; // start (and seed) now, before the clock moves
        var seeded = _app.Clock.Today;
        _app.Clock.Advance(TimeSpan.FromDays(3));
        using var clerk = await _app.ApiAsAsync("clerk");
        var first = await clerk.PutAsJsonAsync($"/api/v1/registry/persons/{DemoData.WorkerPersonId}", new { name = "李建华", mobile = "13911112222" });
        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync());
        var firstChangeDay = _app.Clock.Today;

        _app.Clock.Advance(TimeSpan.FromDays(3));
        using var clerkLater = await _app.ApiAsAsync("clerk");
        var second = await clerkLater.PutAsJsonAsync($"/api/v1/registry/persons/{DemoData.WorkerPersonId}", new { name = "李建樺", mobile = "13933334444" });
        Assert.True(second.IsSuccessStatusCode, await second.Content.ReadAsStringAsync());

        await using var db = _app.CreateContext(Actor.System("test"));
        var onSeedDay = (await PersonHistory.AsOfAsync(db, DemoData.WorkerPersonId, seeded, CancellationToken.None))!;
        Assert.True(onSeedDay.Registered);
        Assert.Equal("李建华", onSeedDay.Name);
        Assert.Equal("138****8000", onSeedDay.MobileMasked);
        Assert.Equal("深圳市鹏城精密制造有限公司", onSeedDay.EnterpriseName);
        Assert.Equal(2, onSeedDay.ChangesSince.Count);

        var between = (await PersonHistory.AsOfAsync(db, DemoData.WorkerPersonId, firstChangeDay, CancellationToken.None))!;
        Assert.Equal("李建华", between.Name);
        Assert.Equal("139****2222", between.MobileMasked);

        var now = (await PersonHistory.AsOfAsync(db, DemoData.WorkerPersonId, _app.Clock.Today, CancellationToken.None))!;
        Assert.Equal("李建樺", now.Name);
        Assert.Empty(now.ChangesSince);

        var beforeRegistration = (await PersonHistory.AsOfAsync(db, DemoData.WorkerPersonId, seeded.AddDays(-1), CancellationToken.None))!;
        Assert.False(beforeRegistration.Registered);
        Assert.Null(beforeRegistration.Name);

        var changes = now.AllChanges; // also the seeding's determination (认定依据) on the first day
        var newest = changes[0];
        Assert.Contains(newest.Fields, f => f.Field == "姓名" && f.Before == "李建华" && f.After == "李建樺");
        Assert.Contains(newest.Fields, f => f.Field == "手机号码" && f.Before == "139****2222" && f.After == "139****4444");
        Assert.Equal("clerk", newest.ActorName);
    }

    [Fact]
    public async Task The_past_record_is_read_only_inside_the_scope()
    {
        _ = _app.Services; // start (and seed) now, before the clock moves
        var seeded = _app.Clock.Today;
        _app.Clock.Advance(TimeSpan.FromDays(2));
        using var clerk = await _app.ApiAsAsync("clerk");
        await clerk.PutAsJsonAsync($"/api/v1/registry/persons/{DemoData.WorkerPersonId}", new { name = "李建樺", mobile = "13800138000" });

        await using var db = _app.CreateContext(Actor.System("test"));
        var past = await PersonHistory.AsOfAsync(db, DemoData.WorkerPersonId, seeded, CancellationToken.None);
        Assert.Equal("李建华", past!.Name);

        // Out of scope: a Guangzhou clerk gets nothing.
        var guangzhou = _app.CreateContext(new Actor("x", "clerk2", "广州窗口", Roles.Clerk, Core.Access.Jurisdiction.Parse("440100").Value, null, null, null));
        Assert.Null(await PersonHistory.AsOfAsync(guangzhou, DemoData.WorkerPersonId, seeded, CancellationToken.None));
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class PersonHistoryTestsOnPostgres() : PersonHistoryTests(DatabaseProvider.Postgres);

public sealed class PersonHistoryTestsOnSqlite() : PersonHistoryTests(DatabaseProvider.Sqlite);
