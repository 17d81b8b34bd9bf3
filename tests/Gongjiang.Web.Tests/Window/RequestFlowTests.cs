using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Window;

/// <summary>
/// Issue 12's request flow through the API on both providers: a worker files housing + schooling (a double submission
/// files once), the clerk accepts and routes it to one task per department, the officers act in their own inboxes (补正
/// pauses the request), the clerk closes it, a stale version gets a Chinese 409, and the pinned public progress query
/// answers the same 404 for a wrong receipt and a wrong name.
/// </summary>
public abstract class RequestFlowTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task A_request_goes_from_filing_through_two_departments_and_supplement_to_closure_and_shows_in_the_public_query()
    {
        using var worker = await _app.ApiAsAsync("worker");
        using var clerk = await _app.ApiAsAsync("clerk");
        using var housing = await _app.ApiAsAsync("dept");
        using var education = await _app.ApiAsAsync("dept-edu");

        // Filing twice with the same key (a double click) files one request.
        var key = Guid.NewGuid().ToString("N");
        var first = await SendAsync(worker, HttpMethod.Post, "/api/v1/window/requests", new { items = new[] { "housing", "schooling" } }, key);
        var second = await SendAsync(worker, HttpMethod.Post, "/api/v1/window/requests", new { items = new[] { "housing", "schooling" } }, key);
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        var id = first.Json.GetProperty("id").GetString()!;
        Assert.Equal(id, second.Json.GetProperty("id").GetString());
        var receipt = first.Json.GetProperty("receiptNumber").GetString()!;
        Assert.Equal("已提交", first.Json.GetProperty("status").GetString());

        // The worker may not accept; the clerk accepts and routes.
        var denied = await SendAsync(worker, HttpMethod.Post, $"/api/v1/window/requests/{id}/actions", new { action = "accept", version = 0 });
        Assert.NotEqual(HttpStatusCode.OK, denied.Status);

        // 受理 is refused while a required material is missing: a 400 naming each missing one in the field materials.
        var incomplete = await SendAsync(clerk, HttpMethod.Post, $"/api/v1/window/requests/{id}/actions", new { action = "accept", version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.Status);
        Assert.Equal("application/problem+json", incomplete.ContentType);
        var named = incomplete.Json.GetProperty("errors").GetProperty("materials")[0].GetString()!;
        Assert.StartsWith("申请材料不齐全，不能受理", named, StringComparison.Ordinal);
        Assert.All(["居民身份证", "劳动合同", "无自有住房证明", "子女出生医学证明或户口簿"], m => Assert.Contains(m, named, StringComparison.Ordinal));
        foreach (var code in new[] { "id-card", "talent-certificate", "labour-contract", "no-home-proof" })
        {
            Assert.Equal(HttpStatusCode.Created, await UploadAsync(worker, id, code));
        }

        var oneMissing = await SendAsync(clerk, HttpMethod.Post, $"/api/v1/window/requests/{id}/actions", new { action = "accept", version = 0 });
        Assert.Equal("申请材料不齐全，不能受理。尚未提交：子女出生医学证明或户口簿", oneMissing.Json.GetProperty("errors").GetProperty("materials")[0].GetString());
        Assert.Equal("已提交", (await SendAsync(clerk, HttpMethod.Get, $"/api/v1/window/requests/{id}", null)).Json.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, await UploadAsync(worker, id, "birth-certificate"));

        var accepted = await SendAsync(clerk, HttpMethod.Post, $"/api/v1/window/requests/{id}/actions", new { action = "accept", version = 0 });
        Assert.True(accepted.Status == HttpStatusCode.OK, accepted.Body);
        var stale = await SendAsync(clerk, HttpMethod.Post, $"/api/v1/window/requests/{id}/actions", new { action = "refuse", version = 0, reason = "材料不符合要求，不予受理" });
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("已被他人处理", stale.Body, StringComparison.Ordinal);
        var routed = await SendAsync(clerk, HttpMethod.Post, $"/api/v1/window/requests/{id}/actions", new { action = "route", version = 1 });
        Assert.True(routed.Status == HttpStatusCode.OK, routed.Body);
        Assert.Equal("办理中", routed.Json.GetProperty("status").GetString());
        Assert.Equal(2, routed.Json.GetProperty("tasks").GetArrayLength());
        Assert.NotNull(routed.Json.GetProperty("committed").GetProperty("dueOn").GetString());

        // Each officer sees only their department's task.
        var housingTask = await TaskOfAsync(housing, receipt, "住房城乡建设");
        var educationTask = await TaskOfAsync(education, receipt, "教育");
        var wrongDepartment = await SendAsync(education, HttpMethod.Post, $"/api/v1/window/tasks/{housingTask}/actions", new { action = "start", version = 0 });
        Assert.Equal(HttpStatusCode.NotFound, wrongDepartment.Status);

        // 补正 by education pauses the request; the materials arrive; both departments complete.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(education, HttpMethod.Post, $"/api/v1/window/tasks/{educationTask}/actions", new { action = "start", version = 0 })).Status);
        var asked = await SendAsync(education, HttpMethod.Post, $"/api/v1/window/tasks/{educationTask}/actions", new { action = "supplement", version = 1, text = "请补正子女出生医学证明" });
        Assert.True(asked.Status == HttpStatusCode.OK, asked.Body);
        Assert.Equal("补正中", (await SendAsync(clerk, HttpMethod.Get, $"/api/v1/window/requests/{id}", null)).Json.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(education, HttpMethod.Post, $"/api/v1/window/tasks/{educationTask}/actions", new { action = "received", version = 2 })).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(education, HttpMethod.Post, $"/api/v1/window/tasks/{educationTask}/actions", new { action = "complete", version = 3, opinion = "agree", text = "同意安排入学" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(housing, HttpMethod.Post, $"/api/v1/window/tasks/{housingTask}/actions", new { action = "start", version = 0 })).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(housing, HttpMethod.Post, $"/api/v1/window/tasks/{housingTask}/actions", new { action = "complete", version = 1, opinion = "agree", text = "同意发放房租补贴" })).Status);

        var current = (await SendAsync(clerk, HttpMethod.Get, $"/api/v1/window/requests/{id}", null)).Json;
        var closed = await SendAsync(clerk, HttpMethod.Post, $"/api/v1/window/requests/{id}/actions",
            new { action = "close", version = current.GetProperty("version").GetInt32(), outcome = "granted", reason = "各部门均同意，准予办理" });
        Assert.True(closed.Status == HttpStatusCode.OK, closed.Body);
        Assert.Equal("办结", closed.Json.GetProperty("status").GetString());

        // 好差评: only the applicant rates; 不满意 opens a rectification due in 15 working days; a second rating is refused.
        var byClerk = await SendAsync(clerk, HttpMethod.Post, $"/api/v1/window/requests/{id}/rating", new { grade = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, byClerk.Status);
        var rated = await SendAsync(worker, HttpMethod.Post, $"/api/v1/window/requests/{id}/rating", new { grade = 2, comment = "等待时间太长" });
        Assert.True(rated.Status == HttpStatusCode.OK, rated.Body);
        Assert.Equal("不满意", rated.Json.GetProperty("grade").GetString());
        var rectification = rated.Json.GetProperty("rectification");
        var dueOn = DateOnly.Parse(rectification.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(15, Gongjiang.Core.Calendar.WorkingDays.CountWorkingDays(Gongjiang.Core.Calendar.WorkingDayCalendar.China, _app.Clock.Today, dueOn).Value!.WorkingDays);
        var again = await SendAsync(worker, HttpMethod.Post, $"/api/v1/window/requests/{id}/rating", new { grade = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains("已评价", again.Body, StringComparison.Ordinal);

        // The pinned public query: stages and dates, no personal data; a wrong name and a wrong receipt answer alike.
        using var anonymous = _app.CreateClient();
        var progress = await anonymous.GetAsync($"/api/v1/public/requests/{receipt}?name={Uri.EscapeDataString("李建华")}");
        var body = await progress.Content.ReadAsStringAsync();
        Assert.True(progress.StatusCode == HttpStatusCode.OK, body);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(receipt, json.GetProperty("receiptNumber").GetString());
        Assert.Contains("住房保障", json.GetProperty("item").GetString(), StringComparison.Ordinal);
        Assert.Equal("已评价（准予）", json.GetProperty("status").GetString());
        var stages = json.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()).ToList();
        Assert.Contains("已受理", stages);
        Assert.DoesNotContain("李建华", body, StringComparison.Ordinal);

        var wrongName = await anonymous.GetAsync($"/api/v1/public/requests/{receipt}?name={Uri.EscapeDataString("张三")}");
        var otherSequence = receipt[..14] + "999999" + receipt[20..];
        var wrongReceipt = await anonymous.GetAsync($"/api/v1/public/requests/{otherSequence}?name={Uri.EscapeDataString("李建华")}");
        Assert.Equal(HttpStatusCode.NotFound, wrongName.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongReceipt.StatusCode);
        var a = JsonDocument.Parse(await wrongName.Content.ReadAsStringAsync()).RootElement;
        var b = JsonDocument.Parse(await wrongReceipt.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Bad_filings_get_chinese_messages_and_file_nothing()
    {
        using var worker = await _app.ApiAsAsync("worker");
        var unknown = await SendAsync(worker, HttpMethod.Post, "/api/v1/window/requests", new { items = new[] { "no-such-item" } });
        var none = await SendAsync(worker, HttpMethod.Post, "/api/v1/window/requests", new { items = Array.Empty<string>() });
        var someoneElse = await SendAsync(worker, HttpMethod.Post, "/api/v1/window/requests", new { personId = DemoData.ShenzhenColleagueId, items = new[] { "housing" } });
        var badKey = await SendAsync(worker, HttpMethod.Post, "/api/v1/window/requests", new { items = new[] { "housing" } }, "short");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("办理事项不存在", unknown.Body, StringComparison.Ordinal);
        Assert.Contains("至少选择一个", none.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, someoneElse.Status);
        Assert.Equal(HttpStatusCode.BadRequest, badKey.Status);
        var list = (await SendAsync(worker, HttpMethod.Get, "/api/v1/window/requests", null)).Json;
        Assert.Equal(4, list.GetArrayLength()); // the demo's four; nothing filed
    }

    [Fact]
    public async Task The_demo_requests_already_accepted_hold_every_required_material()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        foreach (var id in new[] { Features.Window.WindowDemo.InProgressId, Features.Window.WindowDemo.SupplementId, Features.Window.WindowDemo.ClosedId })
        {
            var list = await SendAsync(clerk, HttpMethod.Get, $"/api/v1/window/requests/{id}/materials", null);
            Assert.True(list.Status == HttpStatusCode.OK, list.Body);
            Assert.Empty(list.Json.GetProperty("missing").EnumerateArray());
            var download = await clerk.GetAsync(list.Json.GetProperty("materials")[0].GetProperty("download").GetString());
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await download.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        }

        // The submitted one has none: the clerk's 受理 names what is missing.
        var submitted = await SendAsync(clerk, HttpMethod.Post, $"/api/v1/window/requests/{Features.Window.WindowDemo.SubmittedId}/actions", new { action = "accept", version = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, submitted.Status);
        Assert.Contains("居民身份证", submitted.Json.GetProperty("errors").GetProperty("materials")[0].GetString(), StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> UploadAsync(HttpClient client, string id, string code)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(code), "code");
        form.Add(new ByteArrayContent(Features.Window.WindowDemo.DemoPdf(code)), "file", code + ".pdf");
        using var response = await client.PostAsync($"/api/v1/window/requests/{id}/materials", form);
        return response.StatusCode;
    }

    private static async Task<string> TaskOfAsync(HttpClient officer, string receipt, string department)
    {
        var inbox = (await SendAsync(officer, HttpMethod.Get, "/api/v1/window/tasks", null)).Json.EnumerateArray().ToList();
        Assert.All(inbox, t => Assert.Equal(department, t.GetProperty("department").GetString()));
        return inbox.Single(t => t.GetProperty("receiptNumber").GetString() == receipt).GetProperty("id").GetString()!;
    }

    private static async Task<(HttpStatusCode Status, string Body, JsonElement Json, string? ContentType)> SendAsync(HttpClient client, HttpMethod method, string url, object? body, string? key = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && (text[0] == '{' || text[0] == '[') ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return (response.StatusCode, text, json, response.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class PostgresRequestFlowTests() : RequestFlowTests(DatabaseProvider.Postgres);

public sealed class SqliteRequestFlowTests() : RequestFlowTests(DatabaseProvider.Sqlite);
