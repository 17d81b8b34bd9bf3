using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Tests.Infrastructure;
using Gongjiang.Web.Tests.Security;
using static Gongjiang.Web.Tests.Supervision.SupervisionMatrixRecords;

namespace Gongjiang.Web.Tests.Supervision;

/// <summary>
/// Issue 13 through its API, on each provider: the pinned matrix (jurisdiction, 403 outside it), a report going up from
/// a county and returned and accepted, the bad input the issue names, and the year-end exports (XLSX read back by
/// LibreOffice and by OpenXML, PDF with its CJK font embedded). The demo's 广东 data is the starting point.
/// </summary>
public abstract class SupervisionApiTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    private int Year => _app.Clock.Today.Year;

    [Fact]
    public async Task Ministry_sees_every_province_in_the_pinned_matrix_shape()
    {
        using var ministry = await _app.ApiAsAsync("ministry");
        var matrix = await Expect(await ministry.GetAsync($"/api/v1/supervision/matrix?year={Year}"), HttpStatusCode.OK);

        Assert.Equal(Year, matrix.GetProperty("year").GetInt32());
        var measures = matrix.GetProperty("measures").EnumerateArray().ToList();
        Assert.Equal(16, measures.Count);
        Assert.Equal("3.1", measures[0].GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(measures[0].GetProperty("name").GetString()));
        var regions = matrix.GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(31, regions.Count);
        var guangdong = regions.Single(r => r.GetProperty("code").GetString() == "440000");
        Assert.Equal("广东省", guangdong.GetProperty("name").GetString());
        var cells = guangdong.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(16, cells.Count);

        // The demo's 广东 has accepted reports (statuses) and documents; 北京 has reported nothing.
        Assert.All(cells, c => Assert.NotEqual("NotReported", c.GetProperty("status").GetString()));
        Assert.True(cells.Single(c => c.GetProperty("measure").GetString() == "3.1").GetProperty("documents").GetInt32() >= 1);
        Assert.Contains(cells, c => c.GetProperty("overdue").GetBoolean());
        var beijing = regions.Single(r => r.GetProperty("code").GetString() == "110000");
        Assert.All(beijing.GetProperty("cells").EnumerateArray(), c => Assert.Equal("NotReported", c.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_province_sees_its_cities_and_is_refused_another_jurisdiction()
    {
        using var province = await _app.ApiAsAsync("supervisor");
        var matrix = await Expect(await province.GetAsync($"/api/v1/supervision/matrix?year={Year}"), HttpStatusCode.OK);
        var codes = matrix.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.Contains("440300", codes);
        Assert.Contains("440100", codes);
        Assert.All(codes, c => Assert.StartsWith("44", c, StringComparison.Ordinal));

        var beijing = await province.GetAsync($"/api/v1/supervision/matrix?year={Year}&region=110000");
        Assert.Equal(HttpStatusCode.Forbidden, beijing.StatusCode);
        Assert.Contains("管辖范围", await beijing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var badYear = await Expect(await province.GetAsync("/api/v1/supervision/matrix?year=1990"), HttpStatusCode.BadRequest);
        Assert.True(badYear.GetProperty("errors").TryGetProperty("year", out _));

        using var city = await _app.ApiAsAsync("sz-supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await city.GetAsync($"/api/v1/supervision/matrix?year={Year}&region=440100")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/api/v1/supervision/matrix?year={Year}&region=440300")).StatusCode);

        using var clerk = await _app.ApiAsAsync("clerk");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync($"/api/v1/supervision/matrix?year={Year}")).StatusCode);
    }

    [Fact]
    public async Task A_county_report_is_returned_with_a_reason_then_accepted_and_can_no_longer_change()
    {
        using var county = await _app.ApiAsAsync("nanshan");
        using var city = await _app.ApiAsAsync("sz-supervisor");
        var created = await Expect(await county.PostAsJsonAsync("/api/v1/supervision/reports", new { period = Year.ToString(CultureInfo.InvariantCulture) }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var url = $"/api/v1/supervision/reports/{id}";

        // A status change without the narrative it requires: refused, naming the measure; the draft keeps what was typed.
        var changed = Lines(m => m == "3.1" ? ("InProgress", null) : ("NotStarted", null));
        var refused = await Expect(await county.PutAsJsonAsync(url, new { lines = changed, summary = "南山区年度总体情况", submit = true }), HttpStatusCode.BadRequest);
        Assert.Contains("进展说明", refused.GetRawText(), StringComparison.Ordinal);
        var draft = await Expect(await county.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal("南山区年度总体情况", draft.GetProperty("summary").GetString());

        var explained = Lines(m => m == "3.1" ? ("InProgress", "南山区已建立高技能领军人才服务专员制度。") : ("NotStarted", null));
        var submitted = await Expect(await county.PutAsJsonAsync(url, new { lines = explained, summary = "南山区年度总体情况", submit = true }), HttpStatusCode.OK);
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());

        // Another city cannot see it; the city above returns it (a reason is required).
        using var guangzhou = await _app.ApiAsAsync("clerk2");
        Assert.Equal(HttpStatusCode.NotFound, (await guangzhou.GetAsync(url)).StatusCode);
        await Expect(await city.PostAsJsonAsync(url + "/return", new { reason = "短" }), HttpStatusCode.BadRequest);
        await Expect(await city.PostAsJsonAsync(url + "/return", new { reason = "请补充三（一）的具体数据。" }), HttpStatusCode.NoContent);
        var returned = await Expect(await county.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal("Returned", returned.GetProperty("status").GetString());
        Assert.Equal("请补充三（一）的具体数据。", returned.GetProperty("returnReason").GetString());

        var again = Lines(m => m == "3.1" ? ("InProgress", "南山区已建立服务专员制度，服务领军人才126名。") : ("NotStarted", null));
        await Expect(await county.PutAsJsonAsync(url, new { lines = again, submit = true }), HttpStatusCode.OK);
        await Expect(await city.PostAsync(url + "/accept", null), HttpStatusCode.NoContent);

        // After acceptance: no change, nothing lost.
        var late = await Expect(await county.PutAsJsonAsync(url, new { lines = Lines(_ => ("Completed", "全部完成了所有的任务。")), submit = false }), HttpStatusCode.BadRequest);
        Assert.Contains("已被上级接收", late.GetRawText(), StringComparison.Ordinal);
        var accepted = await Expect(await county.GetAsync(url), HttpStatusCode.OK);
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        var line = accepted.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("measure").GetString() == "3.1");
        Assert.Equal("InProgress", line.GetProperty("status").GetString());
        Assert.Equal("南山区已建立服务专员制度，服务领军人才126名。", line.GetProperty("narrative").GetString());
        Assert.Equal(HttpStatusCode.OK, (await (await _app.ApiAsAsync("supervisor")).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_document_without_number_or_date_is_refused_and_a_complete_one_counts_in_the_matrix()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        using (var noNumber = Document("深圳市技能人才激励办法", null, "2026-02-01", ["3.3"]))
        {
            var body = await Expect(await clerk.PostAsync("/api/v1/supervision/documents", noNumber), HttpStatusCode.BadRequest);
            Assert.Contains("文号", body.GetProperty("errors").GetProperty("number")[0].GetString(), StringComparison.Ordinal);
        }

        using (var noDate = Document("深圳市技能人才激励办法", "深人社规〔2026〕3号", null, ["3.3"]))
        {
            var body = await Expect(await clerk.PostAsync("/api/v1/supervision/documents", noDate), HttpStatusCode.BadRequest);
            Assert.True(body.GetProperty("errors").TryGetProperty("issuedOn", out _), body.GetRawText());
        }

        using var province = await _app.ApiAsAsync("supervisor");
        async Task<int> CountAsync() => (await Expect(await province.GetAsync($"/api/v1/supervision/matrix?year={Year}"), HttpStatusCode.OK))
            .GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "440300")
            .GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("measure").GetString() == "3.3").GetProperty("documents").GetInt32();
        var before = await CountAsync();

        using var complete = Document("深圳市技能人才激励办法", "深人社规〔2026〕3号", "2026-02-01", ["3.3"], withAttachment: true);
        var created = await clerk.PostAsync("/api/v1/supervision/documents", complete);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(before + 1, await CountAsync());

        var attachment = await clerk.GetAsync(created.Headers.Location + "/attachment");
        Assert.Equal(HttpStatusCode.OK, attachment.StatusCode);
        Assert.StartsWith("%PDF", await attachment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var guangzhou = await _app.ApiAsAsync("clerk2");
        Assert.Equal(HttpStatusCode.NotFound, (await guangzhou.GetAsync(created.Headers.Location + "/attachment")).StatusCode);
    }

    [Fact]
    public async Task The_year_end_XLSX_reads_back_in_LibreOffice_and_OpenXML_with_the_reports()
    {
        using var ministry = await _app.ApiAsAsync("ministry");
        var response = await ministry.GetAsync($"/api/v1/supervision/year-end.xlsx?year={Year - 1}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var folder = Directory.CreateTempSubdirectory("gongjiang-xlsx-");
        try
        {
            var xlsx = Path.Combine(folder.FullName, "year-end.xlsx");
            await File.WriteAllBytesAsync(xlsx, await response.Content.ReadAsByteArrayAsync());

            // Second reader: LibreOffice headless converts the first sheet (汇总) to CSV.
            var csv = await ConvertToCsvAsync(xlsx, folder.FullName);
            var guangdong = csv.Split('\n').Single(l => l.StartsWith("440000,", StringComparison.Ordinal));
            Assert.Contains("广东省", guangdong, StringComparison.Ordinal);
            Assert.Contains("已接收", guangdong, StringComparison.Ordinal);
            Assert.Contains(csv.Split('\n'), l => l.StartsWith("110000,", StringComparison.Ordinal) && l.Contains("未填报", StringComparison.Ordinal));

            // Third reader: the detail sheet has a line per measure of each year-end report in the country.
            using var document = SpreadsheetDocument.Open(xlsx, false);
            var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
            Assert.Equal(["汇总", "各地进展明细", "指标", "配套文件"], sheets);
            var detail = document.WorkbookPart.WorksheetParts.ElementAt(1).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
            Assert.Equal(1 + (3 * 16), detail);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_printable_PDF_embeds_its_CJK_font()
    {
        using var session = await CookieSession.SignInAsync(_app, "supervisor");
        var response = await session.GetAsync($"/supervision/export/year-end.pdf?year={Year - 1}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.Latin1.GetString(bytes);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        Assert.Contains("/FontFile2", text, StringComparison.Ordinal);
    }

    private static object[] Lines(Func<string, (string Status, string? Narrative)> of) =>
        [.. Gongjiang.Core.Supervision.MeasureCatalog.Default.All.Select(m => { var (status, narrative) = of(m.Code); return (object)new { measure = m.Code, status, narrative }; })];

    private static async Task<string> ConvertToCsvAsync(string xlsx, string folder)
    {
        var start = new ProcessStartInfo("soffice")
        {
            ArgumentList = { "-env:UserInstallation=file://" + Path.Combine(folder, "profile"), "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", folder, xlsx },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var csv = Path.ChangeExtension(xlsx, ".csv");
        Assert.True(File.Exists(csv), "LibreOffice did not convert the workbook: " + await process.StandardError.ReadToEndAsync());
        return await File.ReadAllTextAsync(csv, Encoding.UTF8);
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class PostgresSupervisionApiTests() : SupervisionApiTests(DatabaseProvider.Postgres);

public sealed class SqliteSupervisionApiTests() : SupervisionApiTests(DatabaseProvider.Sqlite);
