using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Core.Registry;
using Gongjiang.Web.Features.Publication;
using Gongjiang.Web.Features.Publication.Data;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Lifecycle;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Publication;

/// <summary>
/// Irreversible and public steps need a confirmation and a reason of at least five characters, enforced by the use
/// cases whatever the client (移出, 核查后移出, 异议成立, 删除草稿, 开始公示, 撤回公示); a running 公示 can be withdrawn;
/// preparing while one is on notice says so; a draft follows the registry (刷新名单).
/// </summary>
public sealed class SafeguardTests : IDisposable
{
    private static readonly int ThisYear = DateTime.UtcNow.AddHours(8).Year;
    private readonly TestApp _app = new();

    [Fact]
    public async Task Removal_needs_a_reason_of_five_characters_and_unconfirmed_use_is_refused()
    {
        await PublicationScenario.ListAsync(_app, DemoData.WorkerPersonId);
        using var clerk = await _app.ApiAsAsync("clerk");

        var shortReason = await clerk.PostAsJsonAsync($"/api/v1/registry/persons/{DemoData.WorkerPersonId}/lifecycle", new { action = "Delist", reason = "Retired", note = "退休" });
        Assert.Equal(HttpStatusCode.BadRequest, shortReason.StatusCode);
        Assert.Contains("不少于5个字", await shortReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Below the API, an unconfirmed removal (a page's first submit) changes nothing.
        await using (var db = _app.CreateContext(await ActorAsync("clerk")))
        {
            var errors = await LifecycleUseCases.ApplyAsync(db, DemoData.WorkerPersonId, new LifecycleRequest { Action = "Delist", Reason = "Retired", Note = "2026年退休，有退休证" }, confirmed: false, _app.Clock, CancellationToken.None);
            Assert.True(Confirmation.AsksForConfirmation(errors, "note"));
        }

        Assert.Equal(TalentStatus.Listed, await StatusAsync(DemoData.WorkerPersonId));
        var delisted = await clerk.PostAsJsonAsync($"/api/v1/registry/persons/{DemoData.WorkerPersonId}/lifecycle", new { action = "Delist", reason = "Retired", note = "2026年退休，有退休证" });
        Assert.Equal(HttpStatusCode.NoContent, delisted.StatusCode);
        Assert.Equal(TalentStatus.Delisted, await StatusAsync(DemoData.WorkerPersonId));
    }

    [Fact]
    public async Task A_retired_answer_in_the_yearly_review_is_removed_only_after_confirmation_with_a_reason()
    {
        await PublicationScenario.ListAsync(_app, DemoData.WorkerPersonId);
        using var clerk = await _app.ApiAsAsync("clerk");
        using var employer = await _app.ApiAsAsync("employer");
        var start = await clerk.PostAsJsonAsync("/api/v1/registry/reviews", new { year = ThisYear, dueDate = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        var campaign = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var confirmed = await employer.PostAsJsonAsync($"/api/v1/registry/reviews/{campaign}/items/{DemoData.WorkerPersonId}/confirm", new { answer = "Retired", note = "2026年3月退休" });
        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);

        await using (var db = _app.CreateContext(await ActorAsync("clerk")))
        {
            var errors = await ReviewUseCases.CheckAsync(db, campaign, DemoData.WorkerPersonId, null, confirmed: false, _app.Clock, CancellationToken.None);
            Assert.True(Confirmation.AsksForConfirmation(errors, "note"));
        }

        Assert.Equal(TalentStatus.UnderReview, await StatusAsync(DemoData.WorkerPersonId));
        var noReason = await clerk.PostAsJsonAsync($"/api/v1/registry/reviews/{campaign}/items/{DemoData.WorkerPersonId}/check", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(TalentStatus.UnderReview, await StatusAsync(DemoData.WorkerPersonId));

        var check = await clerk.PostAsJsonAsync($"/api/v1/registry/reviews/{campaign}/items/{DemoData.WorkerPersonId}/check", new { note = "已核对退休证明材料" });
        Assert.Equal(HttpStatusCode.NoContent, check.StatusCode);
        Assert.Equal(TalentStatus.Delisted, await StatusAsync(DemoData.WorkerPersonId));
    }

    [Fact]
    public async Task Starting_deleting_and_upholding_need_a_reason()
    {
        await PublicationScenario.ListAsync(_app, PublicationScenario.ShenzhenTalents);
        using var clerk = await _app.ApiAsAsync("clerk");
        var draft = await PrepareAsync(clerk, "2026-Q1");

        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync($"/api/v1/publications/{draft}/notice", new { reason = "好" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.DeleteAsync($"/api/v1/publications/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.DeleteAsync($"/api/v1/publications/{draft}?reason=" + Uri.EscapeDataString("期次选错，重新编制"))).StatusCode);
        Assert.Contains("期次选错，重新编制", await LastWorkflowDetailAsync(draft), StringComparison.Ordinal);

        var id = await PublicationScenario.PrepareAndNoticeAsync(_app, "2026-Q2");
        using var anonymous = _app.CreateClient();
        Guid entry;
        await using (var db = _app.CreateContext(Actor.System("test")))
        {
            entry = await db.Set<PublicationEntry>().Where(e => e.PublicationId == id && e.Name == "陈志强").Select(e => e.Id).SingleAsync();
        }

        var filed = await anonymous.PostAsJsonAsync($"/api/v1/public/publications/{id}/objections", new { entryId = entry, name = "赵先生", contact = "13912345678", reason = "该同志所获奖章已被撤销，请核实。" });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var objection = (await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/publications/{id}/objections"))[0].GetProperty("id").GetGuid();
        var oneCharacter = await clerk.PostAsJsonAsync($"/api/v1/publications/objections/{objection}/decision", new { decision = "Upheld", reason = "是" });
        Assert.Equal(HttpStatusCode.BadRequest, oneCharacter.StatusCode);
        Assert.Contains("不少于5个字", await oneCharacter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var upheld = await clerk.PostAsJsonAsync($"/api/v1/publications/objections/{objection}/decision", new { decision = "Upheld", reason = "经核实奖章已撤销" });
        Assert.Equal(HttpStatusCode.NoContent, upheld.StatusCode);
    }

    [Fact]
    public async Task A_running_notice_is_withdrawn_with_a_reason_and_stops_being_public()
    {
        await PublicationScenario.ListAsync(_app, PublicationScenario.ShenzhenTalents);
        var id = await PublicationScenario.PrepareAndNoticeAsync(_app, "2026-Q2");
        using var clerk = await _app.ApiAsAsync("clerk");
        using var anonymous = _app.CreateClient();
        Assert.Contains(id.ToString(), await anonymous.GetStringAsync("/api/v1/public/publications"), StringComparison.Ordinal);

        // Meanwhile another period cannot be prepared, and the message says why.
        var other = await clerk.PostAsJsonAsync("/api/v1/publications", new { period = "2026-Q3" });
        var otherText = await other.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("正在公示", otherText, StringComparison.Ordinal);
        Assert.DoesNotContain("删除该期草稿", otherText, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsJsonAsync($"/api/v1/publications/{id}/withdraw", new { reason = "有误" })).StatusCode);
        var withdrawn = await clerk.PostAsJsonAsync($"/api/v1/publications/{id}/withdraw", new { reason = "发现一人认定依据有误" });
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);

        var detail = await clerk.GetFromJsonAsync<PublicationDto>($"/api/v1/publications/{id}");
        Assert.Equal("草稿", detail!.Status);
        Assert.Null(detail.NoticeStartsOn);
        Assert.DoesNotContain(id.ToString(), await anonymous.GetStringAsync("/api/v1/public/publications"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/public/publications/{id}")).StatusCode);
        await using (var db = _app.CreateContext(Actor.System("test")))
        {
            Assert.False(await db.Set<PublicationEntry>().AnyAsync(e => e.PublicationId == id && e.IsPublic));
        }

        Assert.Contains("发现一人认定依据有误", await LastWorkflowDetailAsync(id), StringComparison.Ordinal);

        // Back to draft, it can be noticed again.
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/v1/publications/{id}/notice", new { reason = "已更正后重新公示" })).StatusCode);
    }

    [Fact]
    public async Task A_draft_says_when_the_registry_changed_and_refreshes()
    {
        await PublicationScenario.ListAsync(_app, DemoData.WorkerPersonId);
        using var clerk = await _app.ApiAsAsync("clerk");
        var id = await PrepareAsync(clerk, "2026-Q1");
        Assert.Equal(1, (await clerk.GetFromJsonAsync<PublicationDto>($"/api/v1/publications/{id}"))!.Added);
        await using (var db = _app.CreateContext(await ActorAsync("clerk")))
        {
            var publication = await db.Set<Features.Publication.Data.Publication>().SingleAsync(p => p.Id == id);
            Assert.Null(await PublicationUseCases.DraftStalenessAsync(db, publication, CancellationToken.None));
        }

        await PublicationScenario.ListAsync(_app, DemoData.ShenzhenMetroPersonId);
        await using (var db = _app.CreateContext(await ActorAsync("clerk")))
        {
            var publication = await db.Set<Features.Publication.Data.Publication>().SingleAsync(p => p.Id == id);
            Assert.Contains("未列入1人", await PublicationUseCases.DraftStalenessAsync(db, publication, CancellationToken.None), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsync($"/api/v1/publications/{id}/refresh", null)).StatusCode);
        var refreshed = (await clerk.GetFromJsonAsync<PublicationDto>($"/api/v1/publications/{id}"))!;
        Assert.Equal(2, refreshed.Added);
        Assert.Equal(2, refreshed.Listed);
    }

    private static async Task<Guid> PrepareAsync(HttpClient clerk, string period)
    {
        var created = await clerk.PostAsJsonAsync("/api/v1/publications", new { period });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<Actor> ActorAsync(string userName)
    {
        await using var db = _app.CreateContext(Actor.System("test"));
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        return new Actor(user.Id, user.UserName!, user.DisplayName, user.Role, Core.Access.Jurisdiction.Parse(user.RegionCode).Value, user.DepartmentCode, user.EnterpriseId, user.PersonId);
    }

    private async Task<TalentStatus?> StatusAsync(Guid person)
    {
        await using var db = _app.CreateContext(Actor.System("test"));
        return await db.Set<Person>().Where(p => p.Id == person).Select(p => p.Status).SingleAsync();
    }

    private async Task<string> LastWorkflowDetailAsync(Guid publication)
    {
        await using var db = _app.CreateContext(Actor.System("test"));
        return await db.AuditEntries.Where(e => e.EntityId == publication.ToString() && e.Action == AuditActions.Workflow)
            .OrderByDescending(e => e.Sequence).Select(e => e.Detail!).FirstAsync();
    }

    public void Dispose() => _app.Dispose();
}
