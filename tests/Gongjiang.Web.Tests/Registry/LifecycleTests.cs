using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Registry;

/// <summary>
/// Notice 三: 建立完善高技能领军人才数据库，定期更新. The employer nominates, the window clerk verifies and lists, the yearly
/// review re-confirms each listed talent, and the clerk delists with a reason.
/// </summary>
public abstract class LifecycleTests(DatabaseProvider provider) : IDisposable
{
    private static readonly int ThisYear = DateTime.UtcNow.AddHours(8).Year;
    private static readonly string Due = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task Employer_nominates_clerk_verifies_and_lists_then_the_yearly_review_keeps_or_delists()
    {
        using var employer = await _app.ApiAsAsync("employer");
        using var clerk = await _app.ApiAsAsync("clerk");
        var talent = DemoData.WorkerPersonId;          // 李建华: 全国技术能手 2019 — qualifies
        var colleague = DemoData.ShenzhenColleagueId;  // 王秀英: no basis

        Assert.Equal(HttpStatusCode.NoContent, (await Step(employer, talent, "Nominate", note: "2019年全国技术能手，人社部发〔2019〕105号")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Step(clerk, talent, "Verify")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Step(clerk, talent, "List")).StatusCode);

        // A person without a basis of 三(一) can be nominated but not listed.
        await Step(employer, colleague, "Nominate", note: "单位推荐");
        await Step(clerk, colleague, "Verify");
        var refused = await Step(clerk, colleague, "List");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("不能入库", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The yearly review: the listed talent goes under review, the employer confirms, the clerk checks.
        var start = await clerk.PostAsJsonAsync("/api/v1/registry/reviews", new { year = ThisYear, dueDate = Due });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var campaign = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var progress = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/registry/reviews/{campaign}");
        Assert.Equal(1, progress.GetProperty("total").GetInt32());
        Assert.Equal(1, progress.GetProperty("awaitingEmployer").GetInt32());

        var earlyCheck = await clerk.PostAsJsonAsync($"/api/v1/registry/reviews/{campaign}/items/{talent}/check", new { });
        Assert.Contains("尚未确认", await earlyCheck.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await employer.PostAsJsonAsync($"/api/v1/registry/reviews/{campaign}/items/{talent}/confirm", new { answer = "StillEmployed", stillFrontline = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/v1/registry/reviews/{campaign}/items/{talent}/check", new { note = "核查无误" })).StatusCode);
        progress = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/registry/reviews/{campaign}");
        Assert.Equal(1, progress.GetProperty("confirmed").GetInt32());

        // Delisting needs a reason; the history keeps every step.
        var noReason = await Step(clerk, talent, "Delist");
        Assert.Contains("移出原因", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await Step(clerk, talent, "Delist", reason: "Retired", note: "2026年11月退休")).StatusCode);
        var history = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/registry/persons/{talent}/history");
        var steps = history.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["提名", "核实", "入库", "发起复核", "复核确认", "移出"], steps);
        Assert.Equal("退休", history[5].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Review_delists_a_talent_the_employer_reports_as_resigned()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        using var employer = await _app.ApiAsAsync("employer");
        var talent = DemoData.WorkerPersonId;
        await Step(clerk, talent, "Nominate", note: "全国技术能手");
        await Step(clerk, talent, "Verify");
        await Step(clerk, talent, "List");
        var campaign = (await (await clerk.PostAsJsonAsync("/api/v1/registry/reviews", new { year = ThisYear - 1, dueDate = Due })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        await employer.PostAsJsonAsync($"/api/v1/registry/reviews/{campaign}/items/{talent}/confirm", new { answer = "Resigned", note = "2026年9月离职" });
        await clerk.PostAsJsonAsync($"/api/v1/registry/reviews/{campaign}/items/{talent}/check", new { note = "已核对离职证明" });
        var person = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/registry/persons/{talent}");

        Assert.Equal("已移出", person.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Roles_and_scope_limit_the_steps()
    {
        using var employer = await _app.ApiAsAsync("employer");
        using var clerk2 = await _app.ApiAsAsync("clerk2");
        using var worker = await _app.ApiAsAsync("worker");

        var employerVerifies = await Step(employer, DemoData.WorkerPersonId, "Verify");
        var foreignClerk = await Step(clerk2, DemoData.WorkerPersonId, "Nominate", note: "越权");
        var workerStep = await Step(worker, DemoData.WorkerPersonId, "Nominate", note: "自荐");
        var duplicateYear = await clerk2.PostAsJsonAsync("/api/v1/registry/reviews", new { year = ThisYear, dueDate = Due });
        var again = await clerk2.PostAsJsonAsync("/api/v1/registry/reviews", new { year = ThisYear, dueDate = Due });
        var badDate = await clerk2.PostAsJsonAsync("/api/v1/registry/reviews", new { year = ThisYear - 2, dueDate = "2020-01-01" });

        Assert.Contains("不能执行", await employerVerifies.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreignClerk.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, workerStep.StatusCode);
        Assert.Equal(HttpStatusCode.Created, duplicateYear.StatusCode);
        Assert.Contains("不能重复发起", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("截止日期", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Step(HttpClient client, Guid person, string action, string? note = null, string? reason = null) =>
        client.PostAsJsonAsync($"/api/v1/registry/persons/{person}/lifecycle", new { action, note, reason });

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class LifecycleTestsOnPostgres() : LifecycleTests(DatabaseProvider.Postgres);

public sealed class LifecycleTestsOnSqlite() : LifecycleTests(DatabaseProvider.Sqlite);
