using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Publication.Public;

/// <summary>A second publication of 深圳: the public sees 变更 and 移出 against the first, and the list follows the newest.</summary>
public abstract class PublicChangeListTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task Second_publication_shows_changed_and_removed_lines_and_becomes_the_public_list()
    {
        var first = await PublicationScenario.PublishShenzhenAsync(_app, "2026-Q3");

        // 陈志强's employer is renamed (变更: 工作单位); 李建华 is taken off the database (移出).
        await using (var db = _app.CreateContext(Actor.System("test")))
        {
            (await db.Set<Enterprise>().SingleAsync(e => e.Id == DemoData.ShenzhenMetroId)).Name = "深圳市地铁集团有限公司";
            await db.SaveChangesAsync();
        }

        using (var clerk = await _app.ApiAsAsync("clerk"))
        {
            var delisted = await clerk.PostAsJsonAsync($"/api/v1/registry/persons/{DemoData.WorkerPersonId}/lifecycle", new { action = "Delist", reason = "迁出", note = "调离本市工作" });
            Assert.True(delisted.IsSuccessStatusCode, await delisted.Content.ReadAsStringAsync());
        }

        var second = await PublicationScenario.PrepareAndNoticeAsync(_app, "2026-Q4");
        using var client = _app.CreateClient();

        // During the notice: nothing is proposed for addition, so the 公示名单 is empty; the list is still the first.
        var notice = await client.GetFromJsonAsync<JsonElement>($"/api/v1/public/publications/{second}");
        Assert.Empty(notice.GetProperty("added").EnumerateArray());
        Assert.Empty(notice.GetProperty("changed").EnumerateArray());
        Assert.Empty(notice.GetProperty("removed").EnumerateArray());
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/v1/public/talents")).GetProperty("total").GetInt32());

        PublicationScenario.PassNoticePeriod(_app);
        await PublicationScenario.ApproveAsync(_app, second);

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/public/publications/{second}");
        Assert.Equal(first, detail.GetProperty("previous").GetProperty("id").GetGuid());
        Assert.Empty(detail.GetProperty("added").EnumerateArray());
        var changed = Assert.Single(detail.GetProperty("changed").EnumerateArray().ToList());
        Assert.Equal("陈志强", changed.GetProperty("name").GetString());
        Assert.Equal("深圳市地铁集团有限公司", changed.GetProperty("employer").GetString());
        Assert.Contains("工作单位", changed.GetProperty("changedFields").GetString(), StringComparison.Ordinal);
        var removed = Assert.Single(detail.GetProperty("removed").EnumerateArray().ToList());
        Assert.Equal("李建华", removed.GetProperty("name").GetString());
        var counts = detail.GetProperty("publication");
        Assert.Equal(1, counts.GetProperty("listed").GetInt32());
        Assert.Equal(1, counts.GetProperty("changed").GetInt32());
        Assert.Equal(1, counts.GetProperty("removed").GetInt32());

        // The public list follows the newest publication; the first is no longer current.
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/public/talents");
        var only = Assert.Single(list.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal("陈志强", only.GetProperty("name").GetString());
        Assert.Equal(second, only.GetProperty("publicationId").GetGuid());
        var publications = await client.GetFromJsonAsync<JsonElement>("/api/v1/public/publications");
        Assert.False(publications.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == first).GetProperty("isCurrent").GetBoolean());

        var html = await PublicCatalogApiTests.HtmlAsync(client, $"/public/publications/{second}");
        Assert.Contains("data-testid=\"changed-count\">1<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"removed-count\">1<", html, StringComparison.Ordinal);
        Assert.Contains("变更内容", html, StringComparison.Ordinal);
        Assert.Contains($"/public/publications/{first}", html, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class PublicChangeListTestsOnPostgres() : PublicChangeListTests(DatabaseProvider.Postgres);

public sealed class PublicChangeListTestsOnSqlite() : PublicChangeListTests(DatabaseProvider.Sqlite);
