using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Api;

public abstract class ApiConventionTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task OpenApi_document_describes_the_api_with_bearer_security()
    {
        using var client = _app.CreateClient();

        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.Equal("工匠平台 API", doc.GetProperty("info").GetProperty("title").GetString());
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/auth/token", out _));
        Assert.True(paths.TryGetProperty("/api/v1/registry/persons", out _));
        Assert.True(doc.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task Api_reference_page_is_served()
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_endpoints_answer_and_ready_checks_the_database()
    {
        using var client = _app.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_api_path_is_404_problem_details()
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bad_paging_parameters_get_Chinese_field_errors()
    {
        using var clerk = await _app.ApiAsAsync("clerk");

        var response = await clerk.GetAsync("/api/v1/registry/persons?page=0&pageSize=5000");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("页码", errors.GetProperty("page")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("每页条数", errors.GetProperty("pageSize")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_numeric_query_parameter_is_400_not_500()
    {
        using var clerk = await _app.ApiAsAsync("clerk");

        var response = await clerk.GetAsync("/api/v1/registry/persons?page=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync("/");

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("<html lang=\"zh-CN\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reference_tables_are_public()
    {
        using var client = _app.CreateClient();

        var provinces = await client.GetFromJsonAsync<JsonElement>("/api/v1/reference/regions");
        var shenzhen = await client.GetFromJsonAsync<JsonElement>("/api/v1/reference/regions?parent=440300");
        var departments = await client.GetFromJsonAsync<JsonElement>("/api/v1/reference/departments");
        var bad = await client.GetAsync("/api/v1/reference/regions?parent=999999");

        Assert.Equal(34, provinces.GetArrayLength());
        Assert.Contains(shenzhen.EnumerateArray(), r => r.GetProperty("name").GetString() == "南山区");
        Assert.Equal(17, departments.GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class ApiConventionTestsOnPostgres() : ApiConventionTests(DatabaseProvider.Postgres);

public sealed class ApiConventionTestsOnSqlite() : ApiConventionTests(DatabaseProvider.Sqlite);
