using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Security;

/// <summary>
/// Issue 9, finding 9: another jurisdiction's publication does not exist for a clerk — its objection list answers 404
/// (problem+json in Chinese) like the publication itself, not 200 with an empty list.
/// </summary>
public sealed class ObjectionListScopeTests : IDisposable
{
    private readonly TestApp _app = new(Gongjiang.Web.Platform.Data.DatabaseProvider.Sqlite);

    [Fact]
    public async Task Another_jurisdictions_objection_list_is_404_in_Chinese()
    {
        using var guangzhou = await _app.ApiAsAsync("clerk2");
        var created = await guangzhou.PostAsJsonAsync("/api/v1/publications", new { period = "2026" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var shenzhen = await _app.ApiAsAsync("clerk");

        var own = await guangzhou.GetAsync($"/api/v1/publications/{id}/objections");
        var other = await shenzhen.GetAsync($"/api/v1/publications/{id}/objections");
        var missing = await shenzhen.GetAsync($"/api/v1/publications/{Guid.CreateVersion7()}/objections");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        var problem = await other.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("该公布", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
