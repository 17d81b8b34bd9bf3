using System.Net;
using System.Net.Http.Json;
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
/// Issue 14, Deliver 1 and 2: certificates are issued by a registered body within its licence and the ladder, with a
/// nationally unique number; they raise the holder's level in the registry; a revocation needs a reason; anyone
/// verifies a certificate by number and name (masked name, the same 404 for an unknown number and a wrong name).
/// </summary>
public abstract class CertificateTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    private static readonly string Today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Year => Today[2..4];

    [Fact]
    public async Task The_public_verifies_a_demo_certificate_by_number_and_name_with_the_name_masked()
    {
        using var anonymous = _app.CreateClient();
        var found = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/certificates/{SkillsDemo.WorkerTechnicianNumber}?name=李建华");
        Assert.Equal(SkillsDemo.WorkerTechnicianNumber, found.GetProperty("number").GetString());
        Assert.Equal("valid", found.GetProperty("status").GetString());
        Assert.Equal("钳工", found.GetProperty("occupation").GetString());
        Assert.Equal("技师（二级）", found.GetProperty("level").GetString());
        Assert.Equal("2021-07-15", found.GetProperty("issuedOn").GetString());
        Assert.Equal(SkillsDemo.BodyName, found.GetProperty("issuer").GetString());
        Assert.Equal("李**", found.GetProperty("name").GetString());
        Assert.DoesNotContain("4403", found.GetRawText()[found.GetRawText().IndexOf("\"name\"", StringComparison.Ordinal)..], StringComparison.Ordinal);

        var wrongName = await anonymous.GetAsync($"/api/v1/public/certificates/{SkillsDemo.WorkerTechnicianNumber}?name=王秀英");
        var unknown = await anonymous.GetAsync("/api/v1/public/certificates/S000044030001212999999?name=李建华");
        Assert.Equal(HttpStatusCode.NotFound, wrongName.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var a = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        var b = await wrongName.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Bad_certificates_are_refused_in_Chinese_and_nothing_is_stored()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        var bodyId = await DemoBodyAsync(clerk);
        var before = await CountAsync();

        // 编码规则 + 唯一: a number already used (the year and level digits agree with the certificate).
        var duplicate = await IssueAsync(clerk, bodyId, DemoData.ShenzhenColleagueId, SkillsDemo.WorkerTechnicianNumber, "技师", "2021-07-15");
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("已存在", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // 人社部发〔2022〕14号: 王秀英 holds 高级工; 高级技师 skips 技师 without an approved exceptional promotion.
        var skip = await IssueAsync(clerk, bodyId, DemoData.ShenzhenColleagueId, $"S000044030001{Year}1000011", "高级技师", Today);
        Assert.Equal(HttpStatusCode.BadRequest, skip.StatusCode);
        Assert.Contains("须先取得技师（二级）", await skip.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // 六（一）: a body licensed for 五级 to 三级 only may not issue 技师.
        var narrow = await clerk.PostAsJsonAsync("/api/v1/skills/bodies", new
        {
            name = "深圳市测试职业技能评价站",
            kind = "社会培训评价组织",
            regionCode = "440300",
            licences = new[] { new { occupationCode = SkillsDemo.OccupationCode, occupationName = "钳工", lowestLevel = "五级", highestLevel = "三级", validFrom = "2020-01-01" } },
        });
        Assert.Equal(HttpStatusCode.Created, narrow.StatusCode);
        var narrowId = (await narrow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var unlicensed = await IssueAsync(clerk, narrowId, DemoData.ShenzhenColleagueId, $"S000044030001{Year}2000012", "技师", Today);
        Assert.Equal(HttpStatusCode.BadRequest, unlicensed.StatusCode);
        Assert.Contains("未获准评价", await unlicensed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // 编码规则: the level digit must agree with the level.
        var digit = await IssueAsync(clerk, bodyId, DemoData.ShenzhenColleagueId, $"S000044030001{Year}3000013", "技师", Today);
        Assert.Contains("第16位", await digit.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Issuing_raises_the_level_in_the_registry_and_revoking_needs_a_reason_and_lowers_it()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        var bodyId = await DemoBodyAsync(clerk);
        var number = $"S000044030001{Year}2000020";
        var issued = await IssueAsync(clerk, bodyId, DemoData.ShenzhenColleagueId, number, "技师", Today);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var id = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(SkillLevel.Technician, await LevelAsync(DemoData.ShenzhenColleagueId));

        var noReason = await clerk.PostAsJsonAsync($"/api/v1/skills/certificates/{id}/revocation", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("理由", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var revoked = await clerk.PostAsJsonAsync($"/api/v1/skills/certificates/{id}/revocation", new { reason = "考核材料弄虚作假，依法撤销" });
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(SkillLevel.Senior, await LevelAsync(DemoData.ShenzhenColleagueId));

        using var anonymous = _app.CreateClient();
        var verified = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/certificates/{number}?name=王秀英");
        Assert.Equal("revoked", verified.GetProperty("status").GetString());
        Assert.Equal("王**", verified.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Another_jurisdictions_clerk_and_the_worker_cannot_issue()
    {
        using var guangzhou = await _app.ApiAsAsync("clerk2");
        using var clerk = await _app.ApiAsAsync("clerk");
        var bodyId = await DemoBodyAsync(clerk);
        var refused = await IssueAsync(guangzhou, bodyId, DemoData.ShenzhenColleagueId, $"S000044030001{Year}2000030", "技师", Today);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("不在您的管辖范围内", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var worker = await _app.ApiAsAsync("worker");
        var forbidden = await IssueAsync(worker, bodyId, DemoData.WorkerPersonId, $"S000044030001{Year}1000031", "高级技师", Today);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private static async Task<Guid> DemoBodyAsync(HttpClient client)
    {
        var bodies = await client.GetFromJsonAsync<JsonElement>("/api/v1/skills/bodies");
        return bodies.EnumerateArray().Single(b => b.GetProperty("name").GetString() == SkillsDemo.BodyName).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> IssueAsync(HttpClient client, Guid bodyId, Guid personId, string number, string level, string issuedOn) =>
        client.PostAsJsonAsync("/api/v1/skills/certificates", new { personId, bodyId, number, occupationCode = SkillsDemo.OccupationCode, level, issuedOn });

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

public sealed class CertificateTestsOnPostgres() : CertificateTests(DatabaseProvider.Postgres);

public sealed class CertificateTestsOnSqlite() : CertificateTests(DatabaseProvider.Sqlite);

/// <summary>Public verification is rate-limited per address (<c>Skills:VerificationsPerMinute</c>), answering 429 in Chinese.</summary>
public sealed class VerificationRateLimitTests : IDisposable
{
    private readonly TestApp _app = new(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["Skills:VerificationsPerMinute"] = "3" });

    [Fact]
    public async Task The_fourth_lookup_in_a_minute_is_refused_with_429()
    {
        using var anonymous = _app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var ok = await anonymous.GetAsync($"/api/v1/public/certificates/{SkillsDemo.WorkerTechnicianNumber}?name=李建华");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var refused = await anonymous.GetAsync($"/api/v1/public/certificates/{SkillsDemo.WorkerTechnicianNumber}?name=李建华");
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Contains("证书查询过于频繁", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();
}
