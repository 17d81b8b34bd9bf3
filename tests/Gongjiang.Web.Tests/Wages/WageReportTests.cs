using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Web.Features.Wages.Data;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Gongjiang.Web.Tests.Registry;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Wages;

/// <summary>
/// Issue 15 工资报送 (policy 四): reports through the API, all or nothing with Chinese messages naming row and field, a
/// confirmation step, corrections as new versions, the scope of the reporting enterprise, and who may see individual pay.
/// </summary>
public abstract class WageReportTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    private int Year => _app.Clock.Today.Year;

    private static object Row(string idBody, string category = "高技能人才", string months = "12", string total = "120000", string? level = "技师", string? tier = null) => new
    {
        idNumber = RegistryImportTests.Id(idBody),
        category,
        tier,
        occupationCode = "6-18-01-01",
        skillLevel = level,
        monthsWorked = months,
        totalPay = total,
        basicPay = "60000",
    };

    [Fact]
    public async Task A_report_with_bad_rows_is_refused_whole_with_messages_naming_row_and_field()
    {
        using var employer = await _app.ApiAsAsync("employer");
        var response = await employer.PostAsJsonAsync("/api/v1/wages/reports", new
        {
            year = Year,
            rows = new[]
            {
                Row("44030619900101123"),
                Row("44030619900101124", months: "13"),
                Row("44030619900101125", total: "-5"),
                Row("44030619900101126", category: "临时工"),
                Row("44030619900101127", total: "20000000"),
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("第2行", errors.GetProperty("rows[1].monthsWorked")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("工作月数", errors.GetProperty("rows[1].monthsWorked")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("不能为负数", errors.GetProperty("rows[2].totalPay")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("人员类别", errors.GetProperty("rows[3].category")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("超过上限", errors.GetProperty("rows[4].totalPay")[0].GetString(), StringComparison.Ordinal);
        Assert.False(errors.TryGetProperty("rows[0].totalPay", out _));

        await using var db = _app.CreateContext(Actor.System("test"));
        Assert.False(await db.Set<WageReport>().AnyAsync(r => r.Year == Year));
    }

    [Fact]
    public async Task A_report_is_confirmed_and_a_second_one_for_the_year_only_comes_as_a_correction_that_keeps_the_first()
    {
        using var employer = await _app.ApiAsAsync("employer");
        var first = await employer.PostAsJsonAsync("/api/v1/wages/reports", new { year = Year, rows = new[] { Row("44030619900101123"), Row("44030619850202234", category: "管理人员", level: null, tier: "中层") } });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal("待确认", (await employer.GetFromJsonAsync<JsonElement>($"/api/v1/wages/reports/{id}")).GetProperty("report").GetProperty("status").GetString());

        // A second draft before the first is confirmed is refused, and so is one after without the correction flow.
        Assert.Equal(HttpStatusCode.BadRequest, (await employer.PostAsJsonAsync("/api/v1/wages/reports", new { year = Year, rows = new[] { Row("44030619900101123") } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await employer.PostAsync($"/api/v1/wages/reports/{id}/confirm", null)).StatusCode);
        var again = await employer.PostAsJsonAsync("/api/v1/wages/reports", new { year = Year, rows = new[] { Row("44030619900101123") } });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("更正", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("correctsId")[0].GetString(), StringComparison.Ordinal);

        var noReason = await employer.PostAsJsonAsync("/api/v1/wages/reports", new { year = Year, correctsId = id, rows = new[] { Row("44030619900101123", total: "130000") } });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var correction = await employer.PostAsJsonAsync("/api/v1/wages/reports", new { year = Year, correctsId = id, correctionReason = "绩效工资漏报，予以更正", rows = new[] { Row("44030619900101123", total: "130000") } });
        Assert.Equal(HttpStatusCode.Created, correction.StatusCode);
        var second = await correction.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await employer.PostAsync($"/api/v1/wages/reports/{second.GetProperty("id").GetGuid()}/confirm", null)).StatusCode);

        await using var db = _app.CreateContext(Actor.System("test"));
        var versions = await db.Set<WageReport>().Where(r => r.Year == Year).OrderBy(r => r.Version).ToListAsync();
        Assert.Equal([WageReportStatus.Superseded, WageReportStatus.Confirmed], versions.Select(v => v.Status));
        var lines = await db.Set<WageReportLine>().Where(l => l.Year == Year).ToListAsync();
        Assert.Equal(3, lines.Count); // the first version's rows are kept
        Assert.Equal(13_000_000, lines.Single(l => l.IsCurrent).TotalPayFen);
    }

    [Fact]
    public async Task An_enterprise_outside_ones_scope_is_refused_by_name()
    {
        using var employer = await _app.ApiAsAsync("employer");
        var response = await employer.PostAsJsonAsync("/api/v1/wages/reports", new { enterpriseId = DemoData.GuangzhouEnterpriseId, year = Year, rows = new[] { Row("44030619900101123") } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("管辖范围", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("enterpriseId")[0].GetString(), StringComparison.Ordinal);

        using var clerk2 = await _app.ApiAsAsync("clerk2");
        var other = await clerk2.PostAsJsonAsync("/api/v1/wages/reports", new { enterpriseId = DemoData.ShenzhenEnterpriseId, year = Year, rows = new[] { Row("44030619900101123") } });
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task Individual_pay_is_seen_by_the_enterprise_the_worker_and_the_wage_office_only_and_every_view_is_audited()
    {
        Guid reportId;
        await using (var db = _app.CreateContext(Actor.System("test")))
        {
            reportId = await db.Set<WageReport>().Where(r => r.EnterpriseId == DemoData.ShenzhenEnterpriseId && r.Status == WageReportStatus.Confirmed).Select(r => r.Id).FirstAsync();
        }

        foreach (var (name, status) in new[] { ("employer", HttpStatusCode.OK), ("clerk", HttpStatusCode.OK), ("clerk2", HttpStatusCode.NotFound), ("soe", HttpStatusCode.NotFound), ("supervisor", HttpStatusCode.Forbidden), ("dept", HttpStatusCode.Forbidden), ("sasac", HttpStatusCode.Forbidden), ("worker", HttpStatusCode.Forbidden) })
        {
            using var client = await _app.ApiAsAsync(name);
            Assert.True((await client.GetAsync($"/api/v1/wages/reports/{reportId}")).StatusCode == status, name);
        }

        using var worker = await _app.ApiAsAsync("worker");
        var own = await worker.GetFromJsonAsync<JsonElement>("/api/v1/wages/mine");
        Assert.Equal(2, own.GetArrayLength()); // the two demo years
        Assert.All(own.EnumerateArray(), l => Assert.Contains("*", l.GetProperty("idNumber").GetString(), StringComparison.Ordinal));

        await using var check = _app.CreateContext(Actor.System("test"));
        var views = await check.AuditEntries.Where(a => a.Action == "view" && (a.EntityType == "WageReport" || a.EntityType == "WageReportLine")).CountAsync();
        Assert.Equal(3, views);
    }

    [Fact]
    public async Task The_demo_soe_fails_the_check_and_the_sasac_officer_closes_the_case_after_the_enterprise_submits_evidence()
    {
        using var sasac = await _app.ApiAsAsync("sasac");
        var checks = await sasac.GetFromJsonAsync<JsonElement>("/api/v1/wages/compliance");
        var failed = checks.EnumerateArray().Single(c => c.GetProperty("outcome").GetString() == "不符合");
        Assert.Equal(DemoData.ShenzhenMetroId, failed.GetProperty("enterpriseId").GetGuid());
        Assert.Contains(failed.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("管理人员", StringComparison.Ordinal));

        var cases = await sasac.GetFromJsonAsync<JsonElement>("/api/v1/wages/rectifications");
        var @case = Assert.Single(cases.EnumerateArray());
        var id = @case.GetProperty("id").GetGuid();
        Assert.True(DateOnly.ParseExact(@case.GetProperty("deadline").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture) > _app.Clock.Today.AddDays(30)); // 30 working days

        using var dept = await _app.ApiAsAsync("dept");
        Assert.Equal(0, (await dept.GetFromJsonAsync<JsonElement>("/api/v1/wages/rectifications")).GetArrayLength()); // 住建 does not see 国资's cases

        // The officer cannot take the enterprise's step, nor close before evidence.
        var early = await sasac.PostAsJsonAsync($"/api/v1/wages/rectifications/{id}/steps", new { action = "Close", text = "核验通过，予以结案" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);

        using var soe = await _app.ApiAsAsync("soe");
        Assert.Equal(HttpStatusCode.NoContent, (await soe.PostAsJsonAsync($"/api/v1/wages/rectifications/{id}/steps", new { action = "StartRectification" })).StatusCode);
        var noDocs = await soe.PostAsJsonAsync($"/api/v1/wages/rectifications/{id}/steps", new { action = "SubmitEvidence", text = "已调整高技能人才薪酬分配办法" });
        Assert.Equal(HttpStatusCode.BadRequest, noDocs.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await soe.PostAsJsonAsync($"/api/v1/wages/rectifications/{id}/steps",
            new { action = "SubmitEvidence", text = "已调整高技能人才薪酬分配办法", documents = "薪酬分配办法（2026年修订）\n职代会决议" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await sasac.PostAsJsonAsync($"/api/v1/wages/rectifications/{id}/steps", new { action = "Close", text = "核验整改材料，予以结案" })).StatusCode);

        var closed = await sasac.GetFromJsonAsync<JsonElement>($"/api/v1/wages/rectifications/{id}");
        Assert.Equal("已结案", closed.GetProperty("status").GetString());
        Assert.Equal(2, closed.GetProperty("evidenceDocuments").GetArrayLength());
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class WageReportTestsOnPostgres() : WageReportTests(DatabaseProvider.Postgres);

public sealed class WageReportTestsOnSqlite() : WageReportTests(DatabaseProvider.Sqlite);
