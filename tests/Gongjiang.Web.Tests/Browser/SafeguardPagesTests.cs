using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Core.Registry;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// The confirmation steps of irreversible actions, in Chromium with JavaScript switched off (a confirmation page, not a
/// script's confirm()); the review form keeps its order and shows the saved answer; the 名单公布 cards do not overlap.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SafeguardPagesTests(BrowserFixture browser, BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly BrowserNewContextOptions NoScript = new() { JavaScriptEnabled = false };

    [Fact]
    public async Task Review_rows_keep_their_order_show_the_saved_answer_and_a_retirement_is_confirmed_before_removal()
    {
        await DemoTalents.ListAsync(app.App, DemoData.WorkerPersonId, DemoData.ShenzhenMetroPersonId);
        using var api = await app.App.ApiAsAsync("clerk");
        var start = await api.PostAsJsonAsync("/api/v1/registry/reviews", new { year = DateTime.UtcNow.AddHours(8).Year, dueDate = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        var campaign = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var context = await browser.NewContextAsync(NoScript);
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "clerk");
        await page.GotoAsync(app.Url($"/registry/reviews/{campaign}"));
        var order = await page.Locator("[data-testid=review-items] tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(2, order.Count);
        var first = page.Locator("[data-testid=review-items] tbody tr", new() { HasText = order[0] });
        Assert.Equal("", await first.GetByLabel("人员现状").InputValueAsync()); // no answer is preselected

        await first.GetByLabel("人员现状").SelectOptionAsync("Retired");
        await first.GetByLabel("说明").FillAsync("2026年3月退休");
        await first.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);

        Assert.Equal(order, await page.Locator("[data-testid=review-items] tbody tr td:first-child").AllInnerTextsAsync());
        first = page.Locator("[data-testid=review-items] tbody tr", new() { HasText = order[0] });
        Assert.Equal("Retired", await first.GetByLabel("人员现状").InputValueAsync());
        Assert.Equal("2026年3月退休", await first.GetByLabel("说明").InputValueAsync());
        var second = page.Locator("[data-testid=review-items] tbody tr", new() { HasText = order[1] });
        Assert.Equal("", await second.GetByLabel("人员现状").InputValueAsync());

        // 核查通过 of 已退休 removes the person: a confirmation step first, nothing changed yet.
        await first.GetByRole(AriaRole.Button, new() { Name = "核查通过（移出）" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.True(await page.Locator("[data-testid=confirm-step]").IsVisibleAsync());
        var person = order[0] == "李建华" ? DemoData.WorkerPersonId : DemoData.ShenzhenMetroPersonId;
        Assert.Equal(TalentStatus.UnderReview, await StatusAsync(person));

        await page.GetByLabel("理由（不少于5个字，如核对的材料）").FillAsync("已核对退休证明");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认移出" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("已核查。", await page.Locator("[data-testid=review-message]").InnerTextAsync());
        Assert.Equal(TalentStatus.Delisted, await StatusAsync(person));
        Assert.Equal(order, await page.Locator("[data-testid=review-items] tbody tr td:first-child").AllInnerTextsAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task Removing_a_person_asks_for_confirmation_and_a_reason_without_javascript()
    {
        await DemoTalents.ListAsync(app.App, DemoData.GuangzhouPersonId);
        var context = await browser.NewContextAsync(NoScript);
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "clerk2");
        await page.GotoAsync(app.Url($"/registry/persons/{DemoData.GuangzhouPersonId}"));

        await page.GetByLabel("办理").SelectOptionAsync(new SelectOptionValue { Label = "移出" });
        await page.GetByLabel("移出原因").SelectOptionAsync(new SelectOptionValue { Label = "退休" });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.True(await page.Locator("[data-testid=confirm-step]").IsVisibleAsync());
        Assert.Equal(TalentStatus.Listed, await StatusAsync(DemoData.GuangzhouPersonId));

        await page.GetByLabel("理由（不少于5个字，如退休时间和依据）").FillAsync("2026年1月退休，单位已报备");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认移出" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("已办理。", await page.Locator("[data-testid=lifecycle-message]").InnerTextAsync());
        Assert.Equal("已移出", await page.Locator("[data-testid=status]").InnerTextAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task Deleting_a_draft_and_withdrawing_a_notice_are_confirmed_with_a_reason_and_the_public_page_follows()
    {
        using var api = await app.App.ApiAsAsync("clerk");
        var created = await api.PostAsJsonAsync("/api/v1/publications", new { period = "2025-Q4" });
        var draft = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var context = await browser.NewContextAsync(NoScript);
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "clerk");
        await page.GotoAsync(app.Url($"/publications/{draft}"));
        await page.GetByRole(AriaRole.Button, new() { Name = "删除草稿" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.True(await page.Locator("[data-testid=confirm-step]").IsVisibleAsync());
        Assert.Equal("草稿", await page.Locator("[data-testid=publication-status]").InnerTextAsync());
        await page.GetByLabel("理由（不少于5个字）").FillAsync("期次选错，需重新编制");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认删除草稿" }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/publications", StringComparison.Ordinal));

        var id = await Publication.PublicationScenario.PrepareAndNoticeAsync(app.App, "2025-Q4");
        await page.GotoAsync(app.Url("/public/publications"));
        Assert.Contains("2025年第四季度", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync(app.Url($"/publications/{id}"));
        await page.GetByRole(AriaRole.Button, new() { Name = "撤回公示" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.GetByLabel("理由（不少于5个字）").FillAsync("发现认定依据有误");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认撤回公示" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("草稿", await page.Locator("[data-testid=publication-status]").InnerTextAsync());
        Assert.Equal("已撤回公示，名单退回草稿。", await page.Locator("[data-testid=publication-message]").InnerTextAsync());

        await page.GotoAsync(app.Url("/public/publications"));
        Assert.DoesNotContain("2025年第四季度", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(1366)]
    [InlineData(1920)]
    public async Task The_publication_cards_never_overlap_or_split(int width)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "clerk");
        await page.GotoAsync(app.Url("/publications"));

        var boxes = await page.EvaluateAsync<double[][]>(
            "() => [...document.querySelectorAll('main .card')].map(c => { const r = c.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, c.getClientRects().length]; })");
        Assert.Equal(2, boxes.Length);
        Assert.All(boxes, b => Assert.Equal(1, b[4])); // a card split over columns has several boxes
        Assert.False(boxes[0][0] < boxes[1][2] && boxes[1][0] < boxes[0][2] && boxes[0][1] < boxes[1][3] && boxes[1][1] < boxes[0][3], "the two cards overlap");
        await context.CloseAsync();
    }

    private async Task<TalentStatus?> StatusAsync(Guid person)
    {
        await using var db = app.App.CreateContext(Actor.System("test"));
        return await db.Set<Person>().Where(p => p.Id == person).Select(p => p.Status).SingleAsync();
    }
}
