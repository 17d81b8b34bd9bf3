using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Web.Features.Audit;
using Gongjiang.Web.Features.Home;
using Gongjiang.Web.Features.Publication.Data;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Gongjiang.Web.Tests.Publication;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Sqlite;

/// <summary>
/// The queries added for the page and workflow defects run on the embedded SQLite default too: withdrawing and
/// refreshing publications, the objection lookup, the 待办 list, the audit date filter and the XLSX downloads.
/// </summary>
public sealed class PageWorkflowSqliteTests : IDisposable
{
    private readonly TestApp _app = new(DatabaseProvider.Sqlite);

    [Fact]
    public async Task Publications_objections_todo_audit_and_downloads_work_on_sqlite()
    {
        await PublicationScenario.ListAsync(_app, DemoData.WorkerPersonId);
        var id = await PublicationScenario.PrepareAndNoticeAsync(_app, "2025-Q4", preparer: "reviewer");
        Guid entry;
        await using (var db = _app.CreateContext(Actor.System("test")))
        {
            entry = await db.Set<PublicationEntry>().Where(e => e.PublicationId == id).Select(e => e.Id).FirstAsync();
        }

        using var anonymous = _app.CreateClient();
        var filed = await anonymous.PostAsJsonAsync($"/api/v1/public/publications/{id}/objections", new { entryId = entry, name = "赵先生", contact = "13912345678", reason = "该同志已调离本市，请核实。" });
        var receipt = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString();
        Assert.Equal("正在核实处理", (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/objections/{receipt}")).GetProperty("status").GetString());

        await using (var db = _app.CreateContext(await ActorAsync("clerk")))
        {
            var todos = await TodoUseCases.ForAsync(db, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)), CancellationToken.None);
            Assert.Contains(todos, t => t.Title == "待处理的异议" && t.Count == 1);
        }

        using var clerk = await _app.ApiAsAsync("clerk");
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/v1/publications/{id}/withdraw", new { reason = "发现认定依据有误" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsync($"/api/v1/publications/{id}/refresh", null)).StatusCode); // it received an objection
        var draft = await clerk.PostAsJsonAsync("/api/v1/publications", new { period = "2025-Q3" });
        Assert.Contains("草稿尚未完成", await draft.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stats = await clerk.GetAsync("/api/v1/registry/statistics/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        Assert.Equal(Gongjiang.Web.Platform.Export.SpreadsheetWriter.XlsxContentType, stats.Content.Headers.ContentType?.MediaType);

        await using (var db = _app.CreateContext(await ActorAsync("admin")))
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            var all = await AuditUseCases.ListAsync(db, new AuditFilter(), new PageRequest(1, 200), CancellationToken.None);
            var todays = await AuditUseCases.ListAsync(db, new AuditFilter(EntityType: "公布名单", From: today, To: today), new PageRequest(1, 200), CancellationToken.None);
            var past = await AuditUseCases.ListAsync(db, new AuditFilter(To: today.AddDays(-1)), new PageRequest(1, 200), CancellationToken.None);
            Assert.True(all.Total > 10);
            Assert.NotEmpty(todays.Items);
            Assert.All(todays.Items, r => Assert.Equal("Publication", r.EntityType));
            Assert.Equal(0, past.Total);
        }
    }

    private async Task<Actor> ActorAsync(string userName)
    {
        await using var db = _app.CreateContext(Actor.System("test"));
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        return new Actor(user.Id, user.UserName!, user.DisplayName, user.Role, Core.Access.Jurisdiction.Parse(user.RegionCode).Value, user.DepartmentCode, user.EnterpriseId, user.PersonId);
    }

    public void Dispose() => _app.Dispose();
}
