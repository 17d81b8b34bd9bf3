using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Gongjiang.Web.Features.Publication.Public;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Publication.Public;

/// <summary>The public list, publications, downloads and feed through the API, without signing in.</summary>
public abstract class PublicCatalogApiTests(PublicCatalogFixture fixture)
{
    [Fact]
    public async Task Anonymous_caller_gets_the_published_list_with_public_fields_only()
    {
        using var client = fixture.App.CreateClient();

        var response = await client.GetAsync("/api/v1/public/talents");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();

        // Ordered by region: 440304 (陈志强) before 440306 (李建华). 广州 is still in its notice period: not listed.
        Assert.Equal(new[] { "陈志强", "李建华" }, items.Select(i => i.GetProperty("name").GetString()));
        var li = items[1];
        Assert.Equal("男", li.GetProperty("sex").GetString());
        Assert.Equal("深圳市鹏城精密制造有限公司", li.GetProperty("employer").GetString());
        Assert.Equal("钳工", li.GetProperty("occupation").GetString());
        Assert.Equal("高级技师", li.GetProperty("skillLevel").GetString());
        Assert.Contains("2019年全国技术能手", li.GetProperty("bases").GetString(), StringComparison.Ordinal);
        Assert.Contains("宝安区", li.GetProperty("regionName").GetString(), StringComparison.Ordinal);
        Assert.Equal(fixture.ShenzhenId, li.GetProperty("publicationId").GetGuid());
        var fields = li.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Assert.True(fields.SetEquals(["name", "sex", "regionCode", "regionName", "employer", "occupation", "skillLevel", "bases", "publicationId", "publishedOn"]), string.Join(",", fields));
    }

    [Theory]
    [InlineData("name=建华", "李建华")]
    [InlineData("region=440304", "陈志强")]
    [InlineData("region=440300", "陈志强,李建华")]
    [InlineData("region=440100", "")]
    [InlineData("honour=NationalMayDayLaborMedal", "陈志强")]
    [InlineData("honour=全国技术能手", "李建华")]
    [InlineData("honour=SpecialAllowance", "")]
    [InlineData("skillLevel=高级技师", "李建华")]
    [InlineData("skillLevel=SeniorTechnician&occupation=钳", "李建华")]
    [InlineData("occupation=司机", "陈志强")]
    [InlineData("employer=鹏城", "李建华")]
    [InlineData("employer=地铁&name=志强", "陈志强")]
    [InlineData("name=建华&region=440304", "")]
    public async Task Filters_narrow_the_list(string query, string expected)
    {
        using var client = fixture.App.CreateClient();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/public/talents?" + query);

        var names = string.Join(",", page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(expected, names);
    }

    [Fact]
    public async Task Paging_returns_the_requested_page()
    {
        using var client = fixture.App.CreateClient();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/public/talents?page=2&pageSize=1");

        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("pageCount").GetInt32());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal("李建华", Assert.Single(page.GetProperty("items").EnumerateArray().ToList()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Malformed_query_is_400_problem_json_naming_each_field_in_Chinese()
    {
        using var client = fixture.App.CreateClient();

        var response = await client.GetAsync("/api/v1/public/talents?page=abc&pageSize=500&region=12&honour=省级劳动模范&skillLevel=大师&name=" + new string('李', 65));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("提交的内容有误", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        string Message(string field) => errors.GetProperty(field)[0].GetString()!;
        Assert.Contains("页码", Message("page"), StringComparison.Ordinal);
        Assert.Contains("每页条数", Message("pageSize"), StringComparison.Ordinal);
        Assert.Contains("行政区划代码", Message("region"), StringComparison.Ordinal);
        Assert.Contains("不是高技能领军人才的认定依据", Message("honour"), StringComparison.Ordinal);
        Assert.Contains("技能等级", Message("skillLevel"), StringComparison.Ordinal);
        Assert.Contains("不能超过64个字符", Message("name"), StringComparison.Ordinal);

        var export = await client.GetAsync("/api/v1/public/talents/export?format=pdf&region=999999");
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        var exportErrors = (await export.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("csv 或 xlsx", exportErrors.GetProperty("format")[0].GetString(), StringComparison.Ordinal);
        Assert.True(exportErrors.TryGetProperty("region", out _));

        var publications = await client.GetAsync("/api/v1/public/publications?page=-1");
        Assert.Equal(HttpStatusCode.BadRequest, publications.StatusCode);
        Assert.True((await publications.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("page", out _));
    }

    [Fact]
    public async Task Publications_are_public_in_notice_and_once_published_but_drafts_are_not()
    {
        using var client = fixture.App.CreateClient();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/public/publications");

        var items = page.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetGuid());
        Assert.Equal(2, items.Count);
        Assert.Equal("已公布", items[fixture.ShenzhenId].GetProperty("status").GetString());
        Assert.True(items[fixture.ShenzhenId].GetProperty("isCurrent").GetBoolean());
        Assert.Equal(2, items[fixture.ShenzhenId].GetProperty("listed").GetInt32());
        Assert.Equal("公示中", items[fixture.GuangzhouId].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, items[fixture.GuangzhouId].GetProperty("listed").ValueKind);
        Assert.False(items.ContainsKey(fixture.ShenzhenDraftId));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/public/publications/{fixture.ShenzhenDraftId}")).StatusCode);
        var region = await client.GetFromJsonAsync<JsonElement>("/api/v1/public/publications?region=440100");
        Assert.Equal(fixture.GuangzhouId, Assert.Single(region.GetProperty("items").EnumerateArray().ToList()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Signed_in_clerk_sees_in_the_public_catalogue_what_the_public_sees()
    {
        // The 深圳 clerk may read the jurisdiction's draft through the context; the public catalogue still leaves it out.
        var clerk = new Actor("clerk-id", "clerk", "深圳窗口", Roles.Clerk, Core.Access.Jurisdiction.Parse("440300").Value, null, null, null);
        await using var db = fixture.App.CreateContext(clerk);
        Assert.True(await db.Set<Features.Publication.Data.Publication>().AnyAsync(p => p.Id == fixture.ShenzhenDraftId));

        var page = await PublicCatalog.PublicationPageAsync(db, null, new Platform.Api.PageRequest(1, 50), CancellationToken.None);

        Assert.Equal(2, page.Total);
        Assert.DoesNotContain(page.Items, p => p.Id == fixture.ShenzhenDraftId);
        Assert.Null(await PublicCatalog.PublicationAsync(db, fixture.ShenzhenDraftId, fixture.App.Clock.Today, CancellationToken.None));
    }

    [Fact]
    public async Task Notice_publication_shows_only_the_proposed_additions_with_objection_links()
    {
        using var client = fixture.App.CreateClient();

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/public/publications/{fixture.GuangzhouId}");

        Assert.True(detail.GetProperty("publication").GetProperty("inNotice").GetBoolean());
        Assert.True(detail.GetProperty("objectionsOpen").GetBoolean());
        var line = Assert.Single(detail.GetProperty("added").EnumerateArray().ToList());
        Assert.Equal("张伟", line.GetProperty("name").GetString());
        Assert.Contains("国务院政府特殊津贴", line.GetProperty("bases").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/public/publications/{fixture.GuangzhouId}/objection?entry={line.GetProperty("id").GetGuid()}", line.GetProperty("objectionUrl").GetString());
        Assert.Empty(detail.GetProperty("changed").EnumerateArray());
        Assert.Empty(detail.GetProperty("removed").EnumerateArray());

        // Not on the public list until published.
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/public/talents?name=张伟");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Published_publication_lists_what_changed_since_the_previous_one()
    {
        using var client = fixture.App.CreateClient();

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/public/publications/{fixture.ShenzhenId}");

        Assert.False(detail.GetProperty("publication").GetProperty("inNotice").GetBoolean());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("previous").ValueKind);
        Assert.Equal(new[] { "陈志强", "李建华" }, detail.GetProperty("added").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
        Assert.All(detail.GetProperty("added").EnumerateArray(), l => Assert.Equal(JsonValueKind.Null, l.GetProperty("objectionUrl").ValueKind));
        Assert.Empty(detail.GetProperty("changed").EnumerateArray());
        Assert.Empty(detail.GetProperty("removed").EnumerateArray());
    }

    [Fact]
    public async Task Csv_download_is_utf8_with_bom_defused_and_audited()
    {
        using var client = fixture.App.CreateClient();
        var before = await AuditCountAsync(PublicCatalogModule.DownloadAction, "CSV；条件：地区“440300”");

        var response = await client.GetAsync("/api/v1/public/talents/export?format=csv&region=440300");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.StartsWith("姓名,性别,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Count);
        var chen = Assert.Single(lines, l => l.StartsWith("\"陈志强\"", StringComparison.Ordinal));
        Assert.Contains("\"'" + PublicCatalogFixture.FormulaEmployer + "\"", chen, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=", string.Join("\n", lines), StringComparison.Ordinal);
        Assert.Equal(before + 1, await AuditCountAsync(PublicCatalogModule.DownloadAction, "CSV；条件：地区“440300”；共2条"));
    }

    [Fact]
    public async Task Xlsx_download_keeps_formula_text_as_text_and_is_audited()
    {
        using var client = fixture.App.CreateClient();
        var before = await AuditCountAsync(PublicCatalogModule.DownloadAction, "XLSX；条件：单位含“地铁”");

        var response = await client.GetAsync("/api/v1/public/talents/export?format=xlsx&employer=地铁");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var cells = XlsxText(bytes).Split('\n');
        Assert.Contains("'" + PublicCatalogFixture.FormulaEmployer, cells);
        Assert.Contains("陈志强", cells);
        Assert.DoesNotContain("李建华", cells);
        Assert.DoesNotContain(PublicCatalogFixture.FormulaEmployer, cells);

        // No formula element in any worksheet.
        Assert.DoesNotContain(XlsxElements(bytes), name => name == "f");
        Assert.Equal(before + 1, await AuditCountAsync(PublicCatalogModule.DownloadAction, "XLSX；条件：单位含“地铁”；共1条"));
    }

    [Fact]
    public async Task Feed_is_json_feed_of_notices_and_publications_and_audited()
    {
        using var client = fixture.App.CreateClient();
        var before = await AuditCountAsync(PublicCatalogModule.FeedAction, "JSON Feed");

        var response = await client.GetAsync("/api/v1/public/publications/feed.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/feed+json", response.Content.Headers.ContentType?.MediaType);
        var feed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://jsonfeed.org/version/1.1", feed.GetProperty("version").GetString());
        var items = feed.GetProperty("items").EnumerateArray().ToList();

        // 深圳: notice and publication; 广州: notice.
        Assert.Equal(3, items.Count);
        Assert.Equal(3, items.Select(i => i.GetProperty("id").GetString()).Distinct(StringComparer.Ordinal).Count());
        var published = Assert.Single(items, i => i.GetProperty("title").GetString()!.StartsWith("【公布】", StringComparison.Ordinal));
        Assert.EndsWith($"/public/publications/{fixture.ShenzhenId}", published.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Contains("新增2人", published.GetProperty("content_text").GetString(), StringComparison.Ordinal);
        Assert.True(published.TryGetProperty("date_published", out _));
        Assert.Contains(items, i => i.GetProperty("url").GetString()!.EndsWith($"/public/publications/{fixture.GuangzhouId}", StringComparison.Ordinal));
        Assert.Equal(before + 1, await AuditCountAsync(PublicCatalogModule.FeedAction, "JSON Feed；3条"));

        await using var db = fixture.App.CreateContext(Actor.System("test"));
        var entry = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence).FirstAsync(a => a.Action == PublicCatalogModule.FeedAction);
        Assert.Null(entry.ActorId);
    }

    [Fact]
    public async Task Public_pages_render_anonymously_and_bad_input_gets_a_Chinese_message()
    {
        using var client = fixture.App.CreateClient();

        var talents = await client.GetAsync("/public/talents?name=建华");
        Assert.Equal(HttpStatusCode.OK, talents.StatusCode);
        var html = WebUtility.HtmlDecode(await talents.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"talents\"", html, StringComparison.Ordinal);
        Assert.Contains("李建华", html, StringComparison.Ordinal);
        Assert.DoesNotContain("陈志强", html, StringComparison.Ordinal);
        Assert.Contains("/api/v1/public/talents/export?format=xlsx&name=%E5%BB%BA%E5%8D%8E", html, StringComparison.Ordinal);

        var badRegion = await client.GetAsync("/public/talents?region=abc");
        Assert.Equal(HttpStatusCode.BadRequest, badRegion.StatusCode);
        Assert.Contains("不是有效的6位行政区划代码", WebUtility.HtmlDecode(await badRegion.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var badPage = await client.GetAsync("/public/talents?page=abc");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Contains("查询参数有误", WebUtility.HtmlDecode(await badPage.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var list = await HtmlAsync(client, "/public/publications");
        Assert.Contains($"/public/publications/{fixture.ShenzhenId}", list, StringComparison.Ordinal);
        Assert.Contains("公示中", list, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.ShenzhenDraftId.ToString(), list, StringComparison.Ordinal);

        var notice = await HtmlAsync(client, $"/public/publications/{fixture.GuangzhouId}");
        Assert.Contains("data-testid=\"notice-list\"", notice, StringComparison.Ordinal);
        Assert.Contains("提出异议", notice, StringComparison.Ordinal);
        Assert.Contains($"/public/publications/{fixture.GuangzhouId}/objection?entry=", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"changed\"", notice, StringComparison.Ordinal);

        var draft = await client.GetAsync($"/public/publications/{fixture.ShenzhenDraftId}");
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.Contains("不存在", WebUtility.HtmlDecode(await draft.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    /// <summary>The text of every XML part of a workbook (cells, shared strings, properties), one text node a line, entities decoded.</summary>
    internal static string XlsxText(byte[] xlsx) =>
        string.Join("\n", XlsxParts(xlsx).SelectMany(x => x.DescendantNodes().OfType<XText>().Select(t => t.Value)));

    private static IEnumerable<string> XlsxElements(byte[] xlsx) => XlsxParts(xlsx).SelectMany(x => x.Descendants().Select(e => e.Name.LocalName));

    private static List<XDocument> XlsxParts(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var parts = new List<XDocument>();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            parts.Add(XDocument.Load(stream));
        }

        Assert.NotEmpty(parts);
        return parts;
    }

    /// <summary>A page's HTML with character references decoded (the HTML encoder writes Chinese as &amp;#x…;).</summary>
    internal static async Task<string> HtmlAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    private async Task<int> AuditCountAsync(string action, string detail)
    {
        await using var db = fixture.App.CreateContext(Actor.System("test"));
        return await db.AuditEntries.AsNoTracking().CountAsync(a => a.Action == action && a.Detail != null && a.Detail.StartsWith(detail));
    }
}

public sealed class PublicCatalogApiTestsOnPostgres(PublicCatalogFixture.OnPostgres fixture) : PublicCatalogApiTests(fixture), IClassFixture<PublicCatalogFixture.OnPostgres>;

public sealed class PublicCatalogApiTestsOnSqlite(PublicCatalogFixture.OnSqlite fixture) : PublicCatalogApiTests(fixture), IClassFixture<PublicCatalogFixture.OnSqlite>;
