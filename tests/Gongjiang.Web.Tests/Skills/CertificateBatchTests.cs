using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongjiang.Core.Skills;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Skills;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Skills;

/// <summary>
/// Issue 14, Deliver 1 (batch issue by import): a file of certificates is issued all or nothing, every row through the
/// same checks as a single issue; a bad row names its row and column in Chinese and its error report is downloadable.
/// </summary>
public abstract class CertificateBatchTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    private static readonly string Today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Year => Today[2..4];

    private static string IdOf(Guid person) => DemoData.DemoIdNumbers.Single(p => p.Id == person).Number;

    private static string Header => "公民身份号码,姓名,职业（工种）编码,等级,证书编号,发证日期\r\n";

    private static string Row(Guid person, string name, string level, string number) =>
        $"{IdOf(person)},{name},{SkillsDemo.OccupationCode},{level},{number},{Today}\r\n";

    [Fact]
    public async Task A_good_file_issues_every_row_in_order_and_raises_the_levels()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        var bodyId = await DemoBodyAsync(clerk);
        var before = await CountAsync();

        // 王秀英 holds 高级工: 技师 is the next rung (三(三) not needed); the colleague of 深圳地铁 starts at 五级 and, later in
        // the same file, goes to 四级 — the rows are checked in order inside one transaction.
        var file = Header
            + Row(DemoData.ShenzhenColleagueId, "王秀英", "技师", $"S000044030001{Year}2000101")
            + Row(DemoData.ShenzhenMetroPersonId, "", "五级", $"S000044030001{Year}5000102")
            + Row(DemoData.ShenzhenMetroPersonId, "", "四级", $"S000044030001{Year}4000103");
        var response = await UploadAsync(clerk, bodyId, file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, body.GetProperty("issued").GetInt32());
        Assert.Equal(before + 3, await CountAsync());
        Assert.Equal(SkillLevel.Technician, await LevelAsync(DemoData.ShenzhenColleagueId));
        Assert.True(await LevelAsync(DemoData.ShenzhenMetroPersonId) >= SkillLevel.Intermediate);
    }

    [Fact]
    public async Task One_bad_row_stores_nothing_and_names_its_row_and_column_in_the_answer_and_the_report()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        var bodyId = await DemoBodyAsync(clerk);
        var before = await CountAsync();
        var levelBefore = await LevelAsync(DemoData.ShenzhenMetroPersonId);

        // Row 3 skips the ladder (高级工 → 高级技师 without an approved exceptional promotion, 三(三)); row 2 alone would pass.
        var file = Header
            + Row(DemoData.ShenzhenMetroPersonId, "", "五级", $"S000044030001{Year}5000201")
            + Row(DemoData.ShenzhenColleagueId, "王秀英", "高级技师", $"S000044030001{Year}1000202");
        var response = await UploadAsync(clerk, bodyId, file);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = problem.GetProperty("errors").GetProperty("rows[3]")[0].GetString()!;
        Assert.StartsWith("第3行“等级”", message, StringComparison.Ordinal);
        Assert.Contains("越级", message, StringComparison.Ordinal);
        Assert.False(problem.GetProperty("errors").TryGetProperty("rows[2]", out _));
        Assert.Equal(before, await CountAsync());
        Assert.Equal(levelBefore, await LevelAsync(DemoData.ShenzhenMetroPersonId));

        var detail = problem.GetProperty("detail").GetString()!;
        var link = detail[detail.IndexOf("/api/", StringComparison.Ordinal)..];
        var report = await clerk.GetStringAsync(link);
        Assert.Contains("行号,列,值,原因,类型", report, StringComparison.Ordinal);
        Assert.Contains("3,\"等级\",\"高级技师\",", report, StringComparison.Ordinal);

        // The report is the uploader's: another clerk gets 404.
        using var other = await _app.ApiAsAsync("clerk2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task A_number_twice_in_the_file_is_refused_on_its_second_row_and_nothing_is_stored()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        var bodyId = await DemoBodyAsync(clerk);
        var before = await CountAsync();

        var number = $"S000044030001{Year}5000301";
        var file = Header + Row(DemoData.ShenzhenMetroPersonId, "", "五级", number) + Row(DemoData.ShenzhenMetroPersonId, "", "五级", number);
        var response = await UploadAsync(clerk, bodyId, file);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal($"第3行“证书编号”（{number}）：证书编号与第2行重复", errors.GetProperty("rows[3]")[0].GetString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_templates_carry_the_columns_and_an_employer_without_a_body_issues_nothing()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        var csv = await clerk.GetStringAsync("/api/v1/skills/certificate-batches/template.csv");
        Assert.Contains("公民身份号码,姓名,职业（工种）编码,等级,证书编号,发证日期", csv, StringComparison.Ordinal);
        var xlsx = await clerk.GetAsync("/api/v1/skills/certificate-batches/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);

        // The demo body is the 人社局's registered 社会培训评价组织: an employer cannot issue through it.
        using var employer = await _app.ApiAsAsync("employer");
        var bodyId = await DemoBodyAsync(clerk);
        var response = await UploadAsync(employer, bodyId, Header + Row(DemoData.WorkerPersonId, "", "五级", $"S000044030001{Year}5000401"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("评价机构", (await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid bodyId, string csv)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "证书.csv");
        content.Add(new StringContent(bodyId.ToString()), "bodyId");
        return await client.PostAsync("/api/v1/skills/certificate-batches", content);
    }

    private static async Task<Guid> DemoBodyAsync(HttpClient client)
    {
        var bodies = await client.GetFromJsonAsync<JsonElement>("/api/v1/skills/bodies");
        return bodies.EnumerateArray().Single(b => b.GetProperty("name").GetString() == SkillsDemo.BodyName).GetProperty("id").GetGuid();
    }

    private async Task<int> CountAsync()
    {
        await using var db = _app.CreateContext(Actor.System("test"));
        return await db.Set<SkillCertificate>().CountAsync();
    }

    private async Task<SkillLevel?> LevelAsync(Guid personId)
    {
        await using var db = _app.CreateContext(Actor.System("test"));
        return await db.Set<Person>().Where(p => p.Id == personId).Select(p => p.HighestSkillLevel).SingleAsync();
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class CertificateBatchTestsOnPostgres() : CertificateBatchTests(DatabaseProvider.Postgres);

public sealed class CertificateBatchTestsOnSqlite() : CertificateBatchTests(DatabaseProvider.Sqlite);
