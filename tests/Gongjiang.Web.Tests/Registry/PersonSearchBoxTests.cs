using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Web.Features.Registry.Persons;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Crawl;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Registry;

/// <summary>
/// Issue 8: an ID number or an enterprise's name typed into the persons page's search box silently found nothing
/// (<c>q=</c> took names only). The one box now reads a 公民身份号码 (roles with need; audited), a 统一社会信用代码, or a
/// name — and, when no name contains the text, the employer's name.
/// </summary>
public abstract class PersonSearchBoxTests(DatabaseProvider provider) : IDisposable
{
    private static readonly string WorkerId = DemoData.DemoIdNumbers.Single(p => p.Id == DemoData.WorkerPersonId).Number;
    private static readonly string PengchengCode = DemoData.CreditCode("440306", "MA5DPC01");

    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task An_ID_number_in_the_box_finds_the_person_for_a_clerk_and_is_audited()
    {
        using var clerk = await _app.ApiAsAsync("clerk");

        var page = await clerk.GetFromJsonAsync<Paged<PersonSummary>>("/api/v1/registry/persons?q=" + WorkerId);

        Assert.Equal("李建华", Assert.Single(page!.Items).Name);
        await using var db = _app.CreateContext(Actor.System("test"));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.View && e.ActorName == "clerk" && e.Detail!.StartsWith("按公民身份号码查询 ")));
    }

    [Fact]
    public async Task A_credit_code_or_part_of_an_employers_name_finds_its_workers()
    {
        using var clerk = await _app.ApiAsAsync("clerk");

        var byCode = await clerk.GetFromJsonAsync<Paged<PersonSummary>>("/api/v1/registry/persons?q=" + PengchengCode);
        var byName = await clerk.GetFromJsonAsync<Paged<PersonSummary>>("/api/v1/registry/persons?q=" + Uri.EscapeDataString("鹏城精密"));
        var byPersonName = await clerk.GetFromJsonAsync<Paged<PersonSummary>>("/api/v1/registry/persons?q=" + Uri.EscapeDataString("建华"));

        Assert.Equal(["李建华", "王秀英"], byCode!.Items.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["李建华", "王秀英"], byName!.Items.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("李建华", Assert.Single(byPersonName!.Items).Name);
    }

    [Fact]
    public async Task A_mistyped_ID_number_is_an_error_on_the_box_and_roles_without_need_may_not_search_by_ID()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        using var employer = await _app.ApiAsAsync("employer");
        var mistyped = WorkerId[..17] + (WorkerId[17] == '0' ? '1' : '0');

        var wrong = await clerk.GetAsync("/api/v1/registry/persons?q=" + mistyped);
        var refused = await employer.GetAsync("/api/v1/registry/persons?q=" + WorkerId);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("校验码", (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("q")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("无权按公民身份号码查询", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_has_one_box_and_says_when_it_searched_the_employers_names()
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        await CrawlSite.SignInAsync(client, "clerk");

        var page = await client.GetStringAsync("/registry/persons?q=" + Uri.EscapeDataString("鹏城精密"));

        Assert.Contains("姓名、公民身份号码或单位", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"idNumber\"", page, StringComparison.Ordinal);
        Assert.Contains("没有姓名含“鹏城精密”的人员；以下是工作单位名称含“鹏城精密”的人员。", page, StringComparison.Ordinal);
        Assert.Contains("王秀英", page, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class PersonSearchBoxTestsOnPostgres() : PersonSearchBoxTests(DatabaseProvider.Postgres);

public sealed class PersonSearchBoxTestsOnSqlite() : PersonSearchBoxTests(DatabaseProvider.Sqlite);
