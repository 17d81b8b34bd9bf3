using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Leave;

/// <summary>
/// Policy 六(四) “组织…技术工人开展休疗养活动”, issue 16 item 4: a programme is run from application to published
/// selection and attendance — the clerk sets it, a worker applies and the employer recommends, the employer nominates
/// another, selection follows the programme's priority order (leading talents first), the result is published with
/// masked names. On both providers.
/// </summary>
public abstract class RecuperationTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task A_programme_runs_from_application_to_published_selection_and_attendance()
    {
        // 王秀英 is a 高技能领军人才, 李建华 a 一线 technical worker: the rule puts leading talents first.
        await using (var db = _app.CreateContext(Actor.System("test")))
        {
            var li = await db.Set<Person>().SingleAsync(p => p.Id == DemoData.WorkerPersonId);
            li.IsLeadingTalent = false;
            li.Frontline = true;
            var colleague = await db.Set<Person>().SingleAsync(p => p.Id == DemoData.ShenzhenColleagueId);
            colleague.IsLeadingTalent = true;
            await db.SaveChangesAsync();
        }

        var today = _app.Clock.Today;
        var clerk = await _app.ApiAsAsync("clerk");
        var created = await Json(await clerk.PostAsJsonAsync("/api/v1/leave/recuperation/programmes", new
        {
            name = "测试疗休养（第三期）",
            organiser = "深圳市人力资源和社会保障局",
            place = "惠州罗浮山疗休养基地",
            applicationsCloseOn = today.AddDays(5),
            startsOn = today.AddDays(10),
            endsOn = today.AddDays(14),
            quota = 1,
            waitlistSize = 1,
            priorityOrder = new[] { "LeadingTalent", "FrontlineTechnicalWorker" },
        }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        // A bad programme names its fields.
        var bad = await Json(await clerk.PostAsJsonAsync("/api/v1/leave/recuperation/programmes", new { name = "", quota = -1, applicationsCloseOn = today.AddDays(5), startsOn = today.AddDays(3), endsOn = today.AddDays(4) }),
            HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("name", out _), bad.ToString());

        // The worker applies first; the employer recommends, then nominates 王秀英.
        using var worker = await _app.ApiAsAsync("worker");
        var unfit = await Json(await worker.PostAsJsonAsync($"/api/v1/leave/recuperation/programmes/{id}/apply", new { fitForActivity = false }), HttpStatusCode.BadRequest);
        Assert.True(unfit.GetProperty("errors").TryGetProperty("fitForActivity", out _));
        await Json(await worker.PostAsJsonAsync($"/api/v1/leave/recuperation/programmes/{id}/apply", new { fitForActivity = true }), HttpStatusCode.Created);
        await Json(await worker.PostAsJsonAsync($"/api/v1/leave/recuperation/programmes/{id}/apply", new { fitForActivity = true }), HttpStatusCode.BadRequest);

        using var employer = await _app.ApiAsAsync("employer");
        var detail = await Json(await employer.GetAsync($"/api/v1/leave/recuperation/programmes/{id}"), HttpStatusCode.OK);
        var application = Assert.Single(detail.GetProperty("applications").EnumerateArray().ToList());
        Assert.Equal("李建华", application.GetProperty("personName").GetString());
        Assert.Contains("Recommend", application.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        await Json(await employer.PostAsJsonAsync($"/api/v1/leave/recuperation/applications/{application.GetProperty("id").GetGuid()}/actions", new { action = "Recommend" }),
            HttpStatusCode.NoContent);
        var colleagueId = DemoData.DemoIdNumbers.Single(p => p.Id == DemoData.ShenzhenColleagueId).Number;
        await Json(await employer.PostAsJsonAsync($"/api/v1/leave/recuperation/programmes/{id}/nominations", new { idNumber = colleagueId, fitForActivity = true }), HttpStatusCode.Created);

        // The worker sees only their own application; selection waits for applications to close.
        var own = await Json(await worker.GetAsync($"/api/v1/leave/recuperation/programmes/{id}"), HttpStatusCode.OK);
        Assert.Equal("李建华", Assert.Single(own.GetProperty("applications").EnumerateArray().ToList()).GetProperty("personName").GetString());
        await Json(await clerk.PostAsJsonAsync($"/api/v1/leave/recuperation/programmes/{id}/selection", new { confirm = true }), HttpStatusCode.BadRequest);

        _app.Clock.Advance(TimeSpan.FromDays(6));
        clerk.Dispose();
        clerk = await _app.ApiAsAsync("clerk"); // tokens expire; a new day, a new one
        await Json(await clerk.PostAsJsonAsync($"/api/v1/leave/recuperation/programmes/{id}/selection", new { confirm = false }), HttpStatusCode.BadRequest);
        await Json(await clerk.PostAsJsonAsync($"/api/v1/leave/recuperation/programmes/{id}/selection", new { confirm = true }), HttpStatusCode.NoContent);
        var selected = await Json(await clerk.GetAsync($"/api/v1/leave/recuperation/programmes/{id}"), HttpStatusCode.OK);
        var byName = selected.GetProperty("applications").EnumerateArray().ToDictionary(a => a.GetProperty("personName").GetString()!, a => a);
        Assert.Equal("入选", byName["王秀英"].GetProperty("status").GetString());
        Assert.Equal(1, byName["王秀英"].GetProperty("rank").GetInt32());
        Assert.Equal("候补", byName["李建华"].GetProperty("status").GetString());
        Assert.Equal(1, byName["李建华"].GetProperty("waitlistPosition").GetInt32());

        // Nothing public before publication; then the masked result.
        using var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/public/recuperation/{id}")).StatusCode);
        await Json(await clerk.PostAsJsonAsync($"/api/v1/leave/recuperation/programmes/{id}/publication", new { confirm = true }), HttpStatusCode.NoContent);
        var response = await anonymous.GetAsync($"/api/v1/public/recuperation/{id}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("王秀英", text, StringComparison.Ordinal);
        Assert.DoesNotContain("李建华", text, StringComparison.Ordinal);
        var lines = JsonDocument.Parse(text).RootElement.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(["王*英", "李*华"], lines.Select(l => l.GetProperty("name").GetString()));
        Assert.Equal(["入选", "候补"], lines.Select(l => l.GetProperty("outcome").GetString()));
        var page = await anonymous.GetStringAsync($"/public/recuperation/{id}");
        Assert.Contains("王*英", page, StringComparison.Ordinal);
        Assert.DoesNotContain("王秀英", page, StringComparison.Ordinal);

        // Attendance, once the programme has started.
        _app.Clock.Advance(TimeSpan.FromDays(5));
        clerk.Dispose();
        clerk = await _app.ApiAsAsync("clerk");
        await Json(await clerk.PostAsJsonAsync($"/api/v1/leave/recuperation/applications/{byName["王秀英"].GetProperty("id").GetGuid()}/actions", new { action = "RecordAttendance" }),
            HttpStatusCode.NoContent);
        var attended = await Json(await clerk.GetAsync($"/api/v1/leave/recuperation/programmes/{id}"), HttpStatusCode.OK);
        Assert.Equal("已参加", attended.GetProperty("applications").EnumerateArray().Single(a => a.GetProperty("personName").GetString() == "王秀英").GetProperty("status").GetString());

        // Another jurisdiction's clerk does not see the programme to manage it.
        using var clerk2 = await _app.ApiAsAsync("clerk2");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk2.PostAsJsonAsync($"/api/v1/leave/recuperation/programmes/{id}/publication", new { confirm = true })).StatusCode);
        clerk.Dispose();
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class PostgresRecuperationTests() : RecuperationTests(DatabaseProvider.Postgres);

public sealed class SqliteRecuperationTests() : RecuperationTests(DatabaseProvider.Sqlite);
