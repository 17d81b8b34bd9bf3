using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Publication;

/// <summary>
/// Notice 三 “向各部门…公布”: departments read their jurisdiction's published changes incrementally; full ID numbers only
/// to roles with need, on request, audited; another jurisdiction's feed is refused.
/// </summary>
public abstract class DepartmentFeedTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task Feed_is_incremental_by_publication_and_audited()
    {
        await PublicationScenario.PublishShenzhenAsync(_app, "2026-Q3");
        using var dept = await _app.ApiAsAsync("dept");

        var first = await dept.GetFromJsonAsync<JsonElement>("/api/v1/feeds/talents?since=0");
        Assert.Equal(1, first.GetProperty("next").GetInt64());
        var changes = first.GetProperty("changes");
        Assert.Equal(2, changes.GetArrayLength());
        Assert.All(changes.EnumerateArray(), c =>
        {
            Assert.Equal("Added", c.GetProperty("change").GetString());
            Assert.True(c.GetProperty("idNumberMasked").GetBoolean());
            Assert.Contains("*", c.GetProperty("idNumber").GetString(), StringComparison.Ordinal);
        });

        // Nothing new since 1.
        var again = await dept.GetFromJsonAsync<JsonElement>("/api/v1/feeds/talents?since=1");
        Assert.Equal(0, again.GetProperty("changes").GetArrayLength());
        Assert.Equal(1, again.GetProperty("next").GetInt64());

        // Full ID numbers on request, for a role with need.
        var full = await dept.GetFromJsonAsync<JsonElement>("/api/v1/feeds/talents?since=0&idNumbers=true");
        var worker = full.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("personId").GetGuid() == DemoData.WorkerPersonId);
        Assert.Equal(DemoData.DemoIdNumbers.Single(d => d.Id == DemoData.WorkerPersonId).Number, worker.GetProperty("idNumber").GetString());

        using var db = _app.CreateContext(Actor.System("test"));
        var audits = await db.AuditEntries.Where(a => a.Action == "feed").Select(a => a.Detail).ToListAsync();
        Assert.Equal(3, audits.Count);
        Assert.Contains(audits, d => d!.Contains("含完整公民身份号码2个", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_jurisdictions_feed_and_malformed_parameters_are_refused()
    {
        using var dept = await _app.ApiAsAsync("dept");
        var other = await dept.GetAsync("/api/v1/feeds/talents?region=440100");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("无权读取其他辖区", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var badSince = await dept.GetAsync("/api/v1/feeds/talents?since=abc");
        Assert.Equal(HttpStatusCode.BadRequest, badSince.StatusCode);
        Assert.Equal("application/problem+json", badSince.Content.Headers.ContentType?.MediaType);
        Assert.Contains("起始序号", await badSince.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var badRegion = await dept.GetAsync("/api/v1/feeds/talents?region=44");
        Assert.Contains("行政区划代码", await badRegion.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var worker = await _app.ApiAsAsync("worker");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/api/v1/feeds/talents")).StatusCode);
        using var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/feeds/talents")).StatusCode);
    }

    [Fact]
    public async Task A_supervisor_reads_without_full_id_numbers_even_on_request()
    {
        await PublicationScenario.PublishShenzhenAsync(_app, "2026-Q3");
        using var supervisor = await _app.ApiAsAsync("supervisor");
        var page = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/feeds/talents?since=0&idNumbers=true");
        Assert.All(page.GetProperty("changes").EnumerateArray(), c => Assert.True(c.GetProperty("idNumberMasked").GetBoolean()));
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class DepartmentFeedTestsOnPostgres() : DepartmentFeedTests(DatabaseProvider.Postgres);

public sealed class DepartmentFeedTestsOnSqlite() : DepartmentFeedTests(DatabaseProvider.Sqlite);
