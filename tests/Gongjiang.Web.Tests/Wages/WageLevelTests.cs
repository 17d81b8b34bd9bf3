using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Wages;

/// <summary>
/// Issue 15 工资价位 (policy 四(一)): the pinned public API, suppression below 3 enterprises or 10 persons with every
/// figure null, and the departments' XLSX, on the demo reports of the last two years.
/// </summary>
public abstract class WageLevelTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task The_public_table_has_published_and_suppressed_cells_and_a_suppressed_cell_carries_only_its_keys()
    {
        using var anonymous = _app.CreateClient();
        var year = _app.Clock.Today.Year - 1;
        var body = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/wage-levels?year={year}");
        Assert.Equal(year, body.GetProperty("year").GetInt32());
        var cells = body.GetProperty("cells").EnumerateArray().ToList();
        var published = cells.Where(c => !c.GetProperty("suppressed").GetBoolean()).ToList();
        var suppressed = cells.Where(c => c.GetProperty("suppressed").GetBoolean()).ToList();
        Assert.NotEmpty(published);
        Assert.NotEmpty(suppressed);
        string[] figures = ["enterprises", "persons", "p10", "p25", "p50", "p75", "p90", "mean"];
        Assert.All(suppressed, c =>
        {
            Assert.Equal("440000", c.GetProperty("region").GetString());
            Assert.False(string.IsNullOrEmpty(c.GetProperty("occupation").GetString()));
            Assert.False(string.IsNullOrEmpty(c.GetProperty("level").GetString()));
            Assert.All(figures, f => Assert.Equal(JsonValueKind.Null, c.GetProperty(f).ValueKind));
        });
        Assert.All(published, c =>
        {
            Assert.True(c.GetProperty("enterprises").GetInt32() >= 3);
            Assert.True(c.GetProperty("persons").GetInt32() >= 10);
            Assert.True(c.GetProperty("p10").GetDecimal() <= c.GetProperty("p50").GetDecimal());
            Assert.True(c.GetProperty("p50").GetDecimal() <= c.GetProperty("p90").GetDecimal());
        });

        var filtered = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/wage-levels?year={year}&region=440000&occupation=6-31-01-03");
        Assert.All(filtered.GetProperty("cells").EnumerateArray(), c => Assert.Equal("6-31-01-03", c.GetProperty("occupation").GetString()));
    }

    [Theory]
    [InlineData("", "year")]
    [InlineData("year=20x5", "year")]
    [InlineData("year=2025&region=440300", "region")]
    [InlineData("year=2025&occupation=abc", "occupation")]
    public async Task Bad_queries_are_refused_naming_the_field(string query, string field)
    {
        using var anonymous = _app.CreateClient();
        var response = await anonymous.GetAsync("/api/v1/public/wage-levels?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Departments_download_the_table_as_xlsx_without_figures_of_suppressed_cells_and_the_public_may_not()
    {
        var year = _app.Clock.Today.Year - 1;
        using var dept = await _app.ApiAsAsync("dept");
        var response = await dept.GetAsync($"/api/v1/wages/levels/export.xlsx?year={year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(bytes);
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var hidden = rows.Where(r => Equals(r["是否公布"], "样本不足，不予公布")).ToList();
        Assert.NotEmpty(hidden);
        Assert.All(hidden, r => Assert.All(new[] { "单位数", "人数", "P10（元）", "P50（元）", "P90（元）", "平均数（元）" }, k => Assert.True(r[k] is null || Equals(r[k], ""), k)));

        using var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/wages/levels/export.xlsx?year={year}")).StatusCode);
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class WageLevelTestsOnPostgres() : WageLevelTests(DatabaseProvider.Postgres);

public sealed class WageLevelTestsOnSqlite() : WageLevelTests(DatabaseProvider.Sqlite);
