using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Web.Features.Publication.Data;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Publication;

/// <summary>
/// Notice 三: “建立完善高技能领军人才数据库，定期更新并向各部门和社会公布”. A publication is prepared by one clerk, shown for
/// the 公示期, every objection decided, approved by a second person, and then immutable.
/// </summary>
public abstract class PublicationWorkflowTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task Prepare_notice_approve_publishes_the_talents_with_a_change_list()
    {
        var id = await PublicationScenario.PublishShenzhenAsync(_app, "2026-Q3");

        using var db = _app.CreateContext(Actor.System("test"));
        var publication = await db.Set<Features.Publication.Data.Publication>().SingleAsync(p => p.Id == id);
        Assert.Equal(Core.Publication.PublicationStatus.Published, publication.Status);
        Assert.Equal("440300", publication.RegionCode);
        Assert.Equal(2, publication.ListedCount);
        Assert.Equal(2, publication.AddedCount);
        Assert.True(publication.IsCurrent);
        Assert.Equal(1, publication.Sequence);
        Assert.Equal("深圳窗口周敏", publication.PreparedByName);
        Assert.Equal("深圳窗口复核林涛", publication.ApprovedByName);
        var entries = await db.Set<PublicationEntry>().Where(e => e.PublicationId == id).OrderBy(e => e.Position).ToListAsync();
        Assert.All(entries, e => Assert.True(e.IsPublic));
        Assert.Contains(entries, e => e.Name == "李建华" && e.Bases.Contains("全国技术能手", StringComparison.Ordinal) && e.EmployerName == "深圳市鹏城精密制造有限公司");

        // The next period: 陈志强 delisted, 李建华 changes occupation → 移出 and 变更.
        using var clerk = await _app.ApiAsAsync("clerk");
        var delist = await clerk.PostAsJsonAsync($"/api/v1/registry/persons/{DemoData.ShenzhenMetroPersonId}/lifecycle", new { action = "Delist", reason = "Retired", note = "2026年退休" });
        Assert.True(delist.IsSuccessStatusCode, await delist.Content.ReadAsStringAsync());
        await db.Set<Features.Registry.Data.Person>().Where(p => p.Id == DemoData.WorkerPersonId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Occupation, "装配钳工"));

        var next = await PublicationScenario.PrepareAndNoticeAsync(_app, "2026-Q4");
        var lines = await db.Set<PublicationEntry>().Where(e => e.PublicationId == next).ToListAsync();
        Assert.Equal(Core.Publication.EntryChange.Removed, lines.Single(l => l.Name == "陈志强").Change);
        var changed = lines.Single(l => l.Name == "李建华");
        Assert.Equal(Core.Publication.EntryChange.Changed, changed.Change);
        Assert.Equal("职业（工种）", changed.ChangedFields);
        Assert.All(lines, l => Assert.False(l.IsPublic)); // nothing new to put on notice
    }

    [Fact]
    public async Task A_second_publication_for_the_same_period_is_refused()
    {
        await PublicationScenario.ListAsync(_app, PublicationScenario.ShenzhenTalents);
        var id = await PublicationScenario.PrepareAndNoticeAsync(_app, "2026-Q3");
        using var clerk = await _app.ApiAsAsync("reviewer");

        var again = await clerk.PostAsJsonAsync("/api/v1/publications", new { period = "2026-q3" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("同一期次不能重复公布", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var other = await clerk.PostAsJsonAsync("/api/v1/publications", new { period = "2026-Q4" });
        Assert.Contains("正在公示，须复核公布或撤回公示后", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bad = await clerk.PostAsJsonAsync("/api/v1/publications", new { period = "2026-Q5" });
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("公布期次", problem.GetProperty("errors").GetProperty("period")[0].GetString(), StringComparison.Ordinal);

        // Guangzhou's clerk may publish its own 2026-Q3.
        using var guangzhou = await _app.ApiAsAsync("clerk2");
        Assert.Equal(HttpStatusCode.Created, (await guangzhou.PostAsJsonAsync("/api/v1/publications", new { period = "2026-Q3" })).StatusCode);
        _ = id;
    }

    [Fact]
    public async Task Approval_needs_a_second_person_the_end_of_the_notice_and_every_objection_decided()
    {
        await PublicationScenario.ListAsync(_app, PublicationScenario.ShenzhenTalents);
        var id = await PublicationScenario.PrepareAndNoticeAsync(_app, "2026-Q3");

        using (var reviewer = await _app.ApiAsAsync("reviewer"))
        {
            var early = await reviewer.PostAsync($"/api/v1/publications/{id}/approve", null);
            Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
            Assert.Contains("期满后方可复核公布", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // An objection against 陈志强, filed by the public.
        using var anonymous = _app.CreateClient();
        Guid entry;
        using (var db = _app.CreateContext(Actor.System("test")))
        {
            entry = await db.Set<PublicationEntry>().Where(e => e.PublicationId == id && e.Name == "陈志强").Select(e => e.Id).SingleAsync();
        }

        var filed = await anonymous.PostAsJsonAsync($"/api/v1/public/publications/{id}/objections", new { entryId = entry, name = "赵先生", contact = "13912345678", reason = "该同志所获奖章已于2025年被撤销，请核实。" });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var receipt = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString();
        Assert.StartsWith("YY", receipt, StringComparison.Ordinal);

        PublicationScenario.PassNoticePeriod(_app);
        using (var preparer = await _app.ApiAsAsync("clerk"))
        {
            var self = await preparer.PostAsync($"/api/v1/publications/{id}/approve", null);
            var text = await self.Content.ReadAsStringAsync();
            Assert.Contains("复核须由编制人以外的另一名经办人进行", text, StringComparison.Ordinal);
            Assert.Contains("还有1件异议未处理", text, StringComparison.Ordinal);

            var objections = await preparer.GetFromJsonAsync<JsonElement>($"/api/v1/publications/{id}/objections");
            var objectionId = objections[0].GetProperty("id").GetGuid();
            var noReason = await preparer.PostAsJsonAsync($"/api/v1/publications/objections/{objectionId}/decision", new { decision = "Upheld", reason = "" });
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            var decided = await preparer.PostAsJsonAsync($"/api/v1/publications/objections/{objectionId}/decision", new { decision = "Upheld", reason = "经核实，该奖章已撤销" });
            Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);
            var twice = await preparer.PostAsJsonAsync($"/api/v1/publications/objections/{objectionId}/decision", new { decision = "Rejected", reason = "改判" });
            Assert.Contains("不能更改", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await PublicationScenario.ApproveAsync(_app, id);
        using (var db = _app.CreateContext(Actor.System("test")))
        {
            var publication = await db.Set<Features.Publication.Data.Publication>().SingleAsync(p => p.Id == id);
            Assert.Equal(1, publication.ListedCount);
            Assert.Equal(1, publication.WithdrawnCount);
            var withdrawn = await db.Set<PublicationEntry>().SingleAsync(e => e.Id == entry);
            Assert.False(withdrawn.IsPublic);
            Assert.NotNull(withdrawn.WithdrawnOn);
        }

        // Published is final: no second approval, no deletion, no new objection.
        using var reviewer2 = await _app.ApiAsAsync("reviewer");
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer2.PostAsync($"/api/v1/publications/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer2.DeleteAsync($"/api/v1/publications/{id}")).StatusCode);
    }

    [Fact]
    public async Task Another_jurisdictions_clerk_cannot_act_on_a_publication()
    {
        await PublicationScenario.ListAsync(_app, PublicationScenario.ShenzhenTalents);
        var id = await PublicationScenario.PrepareAndNoticeAsync(_app, "2026-Q3");
        PublicationScenario.PassNoticePeriod(_app);
        using var guangzhou = await _app.ApiAsAsync("clerk2");

        Assert.Equal(HttpStatusCode.NotFound, (await guangzhou.PostAsync($"/api/v1/publications/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await guangzhou.GetAsync($"/api/v1/publications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await guangzhou.DeleteAsync($"/api/v1/publications/{id}")).StatusCode);
        using var employer = await _app.ApiAsAsync("employer");
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.PostAsync($"/api/v1/publications/{id}/approve", null)).StatusCode);
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class PublicationWorkflowTestsOnPostgres() : PublicationWorkflowTests(DatabaseProvider.Postgres);

public sealed class PublicationWorkflowTestsOnSqlite() : PublicationWorkflowTests(DatabaseProvider.Sqlite);
