using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Publication.Public;

/// <summary>The public catalogue's queries on the embedded database (what `dotnet run` uses).</summary>
public sealed class PublicCatalogSqliteTests : IDisposable
{
    private readonly TestApp _app = new(DatabaseProvider.Sqlite);

    [Fact]
    public async Task Public_list_filters_detail_and_download_work_on_SQLite()
    {
        var id = await PublicationScenario.PublishShenzhenAsync(_app);
        using var client = _app.CreateClient();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/public/talents?name=建华&region=440300&honour=全国技术能手&occupation=钳&employer=鹏城&pageSize=5");
        Assert.Equal("李建华", Assert.Single(page.GetProperty("items").EnumerateArray().ToList()).GetProperty("name").GetString());

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/public/publications/{id}");
        Assert.Equal(2, detail.GetProperty("added").GetArrayLength());

        var csv = await client.GetAsync("/api/v1/public/talents/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("陈志强", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/public/talents?name=建华")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/public/publications/feed.json")).StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
