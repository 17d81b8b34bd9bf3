using System.Net;
using System.Net.Http.Json;
using Gongjiang.Core.Access;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Persons;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Access;

/// <summary>
/// DESIGN.md: "A user never sees or changes a record outside that scope — through a page, the API, an export or a
/// search." These tests try to cross it (pages are crossed in the browser tests).
/// </summary>
public abstract class JurisdictionScopeTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task Guangzhou_clerk_cannot_read_a_Shenzhen_person_through_the_api()
    {
        using var clerk2 = await _app.ApiAsAsync("clerk2");

        var response = await clerk2.GetAsync($"/api/v1/registry/persons/{DemoData.WorkerPersonId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("管辖范围", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guangzhou_clerk_cannot_change_a_Shenzhen_person_through_the_api_and_nothing_changes()
    {
        using var clerk2 = await _app.ApiAsAsync("clerk2");

        var response = await clerk2.PutAsJsonAsync($"/api/v1/registry/persons/{DemoData.WorkerPersonId}", new { name = "篡改", mobile = "13900000000" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = _app.CreateContext(Actor.System("test"));
        var person = await db.Set<Person>().SingleAsync(p => p.Id == DemoData.WorkerPersonId);
        Assert.Equal("李建华", person.Name);
        Assert.Equal("13800138000", person.Mobile);
    }

    [Fact]
    public async Task Guangzhou_clerk_search_finds_only_Guangzhou_people()
    {
        using var clerk2 = await _app.ApiAsAsync("clerk2");

        var all = await clerk2.GetFromJsonAsync<Paged<PersonSummary>>("/api/v1/registry/persons?pageSize=200");
        var byShenzhenName = await clerk2.GetFromJsonAsync<Paged<PersonSummary>>("/api/v1/registry/persons?q=" + Uri.EscapeDataString("李建华"));

        Assert.NotEmpty(all!.Items);
        Assert.All(all.Items, p => Assert.StartsWith("4401", p.RegionCode, StringComparison.Ordinal));
        Assert.Empty(byShenzhenName!.Items);
        Assert.Equal(0, byShenzhenName.Total);
    }

    [Fact]
    public async Task Shenzhen_clerk_sees_Shenzhen_people_and_can_change_them()
    {
        using var clerk = await _app.ApiAsAsync("clerk");

        var all = await clerk.GetFromJsonAsync<Paged<PersonSummary>>("/api/v1/registry/persons");
        var update = await clerk.PutAsJsonAsync($"/api/v1/registry/persons/{DemoData.WorkerPersonId}", new { name = "李建华", mobile = "139 0000 1111" });

        Assert.Equal(3, all!.Total);
        Assert.All(all.Items, p => Assert.StartsWith("4403", p.RegionCode, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var detail = await update.Content.ReadFromJsonAsync<PersonDetail>();
        Assert.Equal("139****1111", detail!.MobileMasked);
    }

    [Fact]
    public async Task Worker_sees_only_themself()
    {
        using var worker = await _app.ApiAsAsync("worker");

        var all = await worker.GetFromJsonAsync<Paged<PersonSummary>>("/api/v1/registry/persons?pageSize=200");
        var colleague = await worker.GetAsync($"/api/v1/registry/persons/{DemoData.ShenzhenColleagueId}");
        var self = await worker.GetFromJsonAsync<PersonDetail>($"/api/v1/registry/persons/{DemoData.WorkerPersonId}");

        var only = Assert.Single(all!.Items);
        Assert.Equal(DemoData.WorkerPersonId, only.Id);
        Assert.Equal(HttpStatusCode.NotFound, colleague.StatusCode);
        Assert.Equal("深圳市鹏城精密制造有限公司", self!.EnterpriseName);
    }

    [Fact]
    public async Task Worker_cannot_edit_even_their_own_record()
    {
        using var worker = await _app.ApiAsAsync("worker");

        var response = await worker.PutAsJsonAsync($"/api/v1/registry/persons/{DemoData.WorkerPersonId}", new { name = "改名" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Employer_sees_only_their_enterprises_people()
    {
        using var employer = await _app.ApiAsAsync("employer");

        var all = await employer.GetFromJsonAsync<Paged<PersonSummary>>("/api/v1/registry/persons?pageSize=200");
        var otherShenzhenEnterprise = await employer.GetAsync($"/api/v1/registry/persons/{DemoData.ShenzhenMetroPersonId}");

        Assert.Equal(2, all!.Total);
        Assert.All(all.Items, p => Assert.Equal("深圳市鹏城精密制造有限公司", p.EnterpriseName));
        Assert.Equal(HttpStatusCode.NotFound, otherShenzhenEnterprise.StatusCode);
    }

    [Fact]
    public async Task Provincial_supervisor_sees_both_cities()
    {
        using var supervisor = await _app.ApiAsAsync("supervisor");

        var all = await supervisor.GetFromJsonAsync<Paged<PersonSummary>>("/api/v1/registry/persons?pageSize=200");

        Assert.Equal(5, all!.Total);
    }

    [Fact]
    public async Task Anonymous_caller_gets_401_problem_details()
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync("/api/v1/registry/persons");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_write_that_bypasses_the_query_filter_is_still_refused_at_save()
    {
        // Load the Shenzhen record as the system, then try to save a change to it as the Guangzhou clerk.
        Person shenzhen;
        await using (var system = _app.CreateContext(Actor.System("test")))
        {
            shenzhen = await system.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == DemoData.WorkerPersonId);
        }

        await using var db = _app.CreateContext(ClerkOf("440100"));
        shenzhen.Name = "越权修改";
        db.Update(shenzhen);

        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_record_cannot_be_moved_into_scope_from_outside()
    {
        // The Guangzhou clerk edits a Shenzhen record to say it is in Guangzhou: the original must be in scope too.
        Person shenzhen;
        await using (var system = _app.CreateContext(Actor.System("test")))
        {
            shenzhen = await system.Set<Person>().AsNoTracking().SingleAsync(p => p.Id == DemoData.ShenzhenColleagueId);
        }

        await using var db = _app.CreateContext(ClerkOf("440100"));
        db.Attach(shenzhen);
        shenzhen.RegionCode = "440112";

        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Creating_a_record_outside_scope_is_refused()
    {
        await using var db = _app.CreateContext(ClerkOf("440100"));
        db.Add(new Person { Name = "外地人员", RegionCode = "440305", BirthDate = new DateOnly(1990, 1, 1), Sex = Core.Standards.Sex.Male });

        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
    }

    private static Actor ClerkOf(string region) =>
        new("test-clerk", "test-clerk", "测试经办人", Roles.Clerk, Jurisdiction.Parse(region).Value, null, null, null);

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class JurisdictionScopeTestsOnPostgres() : JurisdictionScopeTests(DatabaseProvider.Postgres);

public sealed class JurisdictionScopeTestsOnSqlite() : JurisdictionScopeTests(DatabaseProvider.Sqlite);
