using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.DataGen;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Registry;

/// <summary>
/// Synthetic rosters from the benchmark generator (fixed seed, realistic distributions, a share of deliberately bad
/// rows) go through the whole import: every good row is accepted, every deliberately bad row is rejected or counted
/// as a duplicate, in both file formats and on both databases.
/// </summary>
public sealed class GeneratedFileImportTests
{
    [Theory]
    [InlineData("xlsx", DatabaseProvider.Postgres)]
    [InlineData("csv-gb18030", DatabaseProvider.Postgres)]
    [InlineData("csv-utf8bom", DatabaseProvider.Sqlite)]
    public async Task Every_good_row_is_accepted_and_every_bad_row_is_refused(string format, DatabaseProvider provider)
    {
        using var app = new TestApp(provider);
        using (var admin = await app.ApiAsAsync("admin"))
        {
            var created = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "gdclerk", displayName = "广东省窗口", role = "Clerk", regionCode = "440000", password = "Clerk#2026gd" });
            created.EnsureSuccessStatusCode();
        }

        using var clerk = app.CreateClient();
        clerk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("gdclerk", "Clerk#2026gd"));
        var generator = new RosterGenerator(seed: 7, provinceCode: "44", badRowShare: 0.05);
        var persons = generator.Persons(600).ToList();
        var good = persons.Count(p => !p.IsDeliberatelyBad);
        var duplicates = persons.Count(p => p.BadReason == "duplicate");
        using var file = new MemoryStream();
        if (format == "xlsx")
        {
            XlsxWriter.Write(file, RecordKind.Roster, persons, messyHeaders: true, layoutSeed: 3);
        }
        else
        {
            CsvWriter.Write(file, RecordKind.Roster, persons, format == "csv-gb18030" ? TextEncodings.Gb18030 : TextEncodings.Utf8WithBom, messyHeaders: true, layoutSeed: 3);
        }

        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", "名册." + format[..Math.Min(4, format.Length)].TrimEnd('-'));
        form.Add(new StringContent("roster"), "kind");
        var response = await clerk.PostAsync("/api/v1/registry/imports", form);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(response.IsSuccessStatusCode, body.ToString());
        Assert.Equal(good, body.GetProperty("accepted").GetInt32());
        Assert.Equal(duplicates, body.GetProperty("duplicates").GetInt32());
        Assert.Equal(persons.Count - good - duplicates, body.GetProperty("rejected").GetInt32());
    }

    [Fact]
    public async Task Counts_above_a_thousand_are_reported_as_a_lower_bound()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite);
        using (var admin = await app.ApiAsAsync("admin"))
        {
            (await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "gdclerk", displayName = "广东省窗口", role = "Clerk", regionCode = "440000", password = "Clerk#2026gd" })).EnsureSuccessStatusCode();
        }

        using var clerk = app.CreateClient();
        clerk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("gdclerk", "Clerk#2026gd"));
        using var file = new MemoryStream();
        CsvWriter.Write(file, RecordKind.Roster, new RosterGenerator(seed: 11, provinceCode: "44", badRowShare: 0).Persons(1_100), TextEncodings.Utf8);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file.ToArray()), "file", "名册.csv" }, { new StringContent("roster"), "kind" } };
        (await clerk.PostAsync("/api/v1/registry/imports", form)).EnsureSuccessStatusCode();

        var page = await clerk.GetFromJsonAsync<JsonElement>("/api/v1/registry/persons?pageSize=20");

        Assert.Equal(1000, page.GetProperty("total").GetInt32());
        Assert.True(page.GetProperty("totalIsLowerBound").GetBoolean());
        Assert.Equal(20, page.GetProperty("items").GetArrayLength());
    }
}
