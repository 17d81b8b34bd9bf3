using System.Net;
using Gongjiang.DataGen;
using Gongjiang.Web.Features.Registry.Imports;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Crawl;

/// <summary>
/// Issue 8 (“Smaller”): pages for a record that does not exist or is out of scope answered HTTP 200, a refusal 200, and
/// the page counters read “第 999 / 4 页” and “第 60 / 50+ 页”. Now: 404 and 403 as the API answers, and a page beyond
/// the last is a 404 that says so.
/// </summary>
public abstract class StatusCodeTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task Records_that_do_not_exist_or_are_out_of_scope_answer_404_and_refusals_403()
    {
        using var clerk2 = await SignedInAsync("clerk2");
        using var admin = await SignedInAsync("admin");
        using var worker = await SignedInAsync("worker");
        var nothing = Guid.NewGuid();

        Assert.Equal(HttpStatusCode.OK, (await clerk2.GetAsync($"/registry/persons/{DemoData.GuangzhouPersonId}")).StatusCode);
        var outOfScope = await clerk2.GetAsync($"/registry/persons/{DemoData.WorkerPersonId}"); // 深圳
        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        Assert.Contains("不在您的管辖范围内", await outOfScope.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk2.GetAsync($"/registry/enterprises/{DemoData.ShenzhenEnterpriseId}")).StatusCode);
        foreach (var path in new[] { "/registry/persons/", "/registry/enterprises/", "/registry/imports/", "/registry/reviews/", "/publications/" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await clerk2.GetAsync(path + nothing)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/accounts/{nothing}")).StatusCode);
        var refused = await worker.GetAsync("/admin/accounts");
        Assert.Equal("/account/access-denied", refused.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_page_beyond_the_last_is_a_404_and_pages_past_a_capped_count_show_their_own_position()
    {
        using (var file = new MemoryStream())
        {
            // 1,105 persons in 广东 (1,100 imported and the demo's five): more than the count stops at (1,000).
            CsvWriter.Write(file, RecordKind.Roster, new RosterGenerator(seed: 31, provinceCode: "44", badRowShare: 0).Persons(1_100), TextEncodings.Utf8WithBom);
            file.Position = 0;
            using var scope = _app.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<HttpCurrentActor>().Use(Actor.System("test"));
            var summary = await scope.ServiceProvider.GetRequiredService<ImportService>().RunAsync(file, "名册.csv", ImportKind.Roster, null, CancellationToken.None);
            Assert.Equal(1_100, summary.Accepted);
        }

        using var clerk = await SignedInAsync("clerk");
        using var supervisor = await SignedInAsync("supervisor");

        var beyond = await clerk.GetAsync("/registry/persons?page=999");
        var pastCap = await supervisor.GetStringAsync("/registry/persons?page=52");
        var lastPage = await supervisor.GetStringAsync("/registry/persons?page=56");
        var afterLast = await supervisor.GetAsync("/registry/persons?page=57");

        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
        Assert.Contains("没有第 999 页", await beyond.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("第 52 / 53+ 页，共 1041 条以上（请缩小查询范围）", PagerText(pastCap));
        Assert.Equal("第 56 / 56 页，共 1105 条", PagerText(lastPage));
        Assert.Equal(HttpStatusCode.NotFound, afterLast.StatusCode);
    }

    private static string PagerText(string page)
    {
        var start = page.IndexOf("<nav class=\"pager\"", StringComparison.Ordinal);
        Assert.True(start >= 0, page[page.IndexOf("<main", StringComparison.Ordinal)..]);
        var span = page.IndexOf("<span>", start, StringComparison.Ordinal) + "<span>".Length;
        return WebUtility.HtmlDecode(page[span..page.IndexOf("</span>", span, StringComparison.Ordinal)]);
    }

    private async Task<HttpClient> SignedInAsync(string account)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        await CrawlSite.SignInAsync(client, account);
        return client;
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class StatusCodeTestsOnPostgres() : StatusCodeTests(DatabaseProvider.Postgres);

public sealed class StatusCodeTestsOnSqlite() : StatusCodeTests(DatabaseProvider.Sqlite);
