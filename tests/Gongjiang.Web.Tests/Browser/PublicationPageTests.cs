using System.Text.RegularExpressions;
using Gongjiang.Web.Tests.Infrastructure;
using Gongjiang.Web.Tests.Publication;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// Issue 4's walk through the pages: prepare → 公示 → objection (异议) by the public → decision → approval by a second
/// person (复核) → the public page shows the list, masked, with its change list.
/// </summary>
public abstract partial class PublicationPageTests(BrowserFixture browser, BrowserApp app)
{
    [Fact]
    public async Task Prepare_notice_objection_decision_approval_then_the_public_list()
    {
        await PublicationScenario.ListAsync(app.App, PublicationScenario.ShenzhenTalents);

        // 编制 and 开始公示, as the clerk.
        var clerkContext = await browser.NewContextAsync();
        var clerk = await clerkContext.NewPageAsync();
        await clerk.SignInAsync(app.BaseAddress, "clerk");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "名单公布" }).ClickAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "编制" }).ClickAsync();
        await clerk.WaitForURLAsync(u => Regex.IsMatch(u, "/publications/[0-9a-f-]{36}$"));
        var publicationUrl = clerk.Url;
        var publicationId = publicationUrl[^36..];
        Assert.Equal("草稿", await clerk.Locator("[data-testid=publication-status]").InnerTextAsync());
        Assert.Contains("新增2", await clerk.Locator("[data-testid=publication-counts]").InnerTextAsync(), StringComparison.Ordinal);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "开始公示" }).ClickAsync();
        await clerk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("草稿", await clerk.Locator("[data-testid=publication-status]").InnerTextAsync()); // the confirmation step first
        await clerk.GetByLabel("理由（不少于5个字）").FillAsync("名单已逐人核对无误");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "确认开始公示" }).ClickAsync();
        await clerk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("公示中", await clerk.Locator("[data-testid=publication-status]").InnerTextAsync());

        // The public objects to 陈志强, first with bad input, then properly; markup stays text.
        var publicContext = await browser.NewContextAsync();
        var visitor = await publicContext.NewPageAsync();
        var dialogs = 0;
        visitor.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await visitor.GotoAsync(app.Url($"/public/publications/{publicationId}"));
        await visitor.Locator("tr", new() { HasText = "陈志强" }).GetByRole(AriaRole.Link, new() { Name = "提出异议" }).ClickAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "提交异议" }).ClickAsync();
        await visitor.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var errors = await visitor.Locator(".field-error").AllInnerTextsAsync();
        Assert.Contains("请填写异议人姓名", errors);
        Assert.Contains("请填写异议内容和理由", errors);
        await visitor.GetByLabel("异议人姓名").FillAsync("赵先生");
        await visitor.GetByLabel("联系方式（手机、固定电话或电子邮箱）").FillAsync("13912345678");
        const string Reason = "该同志的奖章已被撤销<script>alert(1)</script>，请核实。";
        await visitor.GetByLabel("异议事实和理由").FillAsync(Reason);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "提交异议" }).ClickAsync();
        await visitor.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.StartsWith("YY", await visitor.Locator("[data-testid=receipt-number]").InnerTextAsync(), StringComparison.Ordinal);

        // The notice period passes; the clerk (signed in again) decides the objection.
        PublicationScenario.PassNoticePeriod(app.App);
        await clerkContext.ClearCookiesAsync();
        await clerk.SignInAsync(app.BaseAddress, "clerk");
        await clerk.GotoAsync(publicationUrl);
        var objections = clerk.Locator("[data-testid=objections]");
        Assert.Contains(Reason, await objections.InnerTextAsync(), StringComparison.Ordinal); // shown as text, not run
        await objections.GetByLabel("处理结果").SelectOptionAsync("Upheld");
        await objections.GetByLabel("处理理由").FillAsync("经核实，该奖章已于2025年撤销");
        await objections.GetByRole(AriaRole.Button, new() { Name = "提交处理" }).ClickAsync();
        await clerk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "确认异议成立" }).ClickAsync(); // 异议成立 is confirmed on its own step
        await clerk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("已处理该异议。", await clerk.Locator("[data-testid=publication-message]").InnerTextAsync());

        // The preparer may not approve their own list.
        await clerk.GetByRole(AriaRole.Button, new() { Name = "复核公布" }).ClickAsync();
        await clerk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("复核须由编制人以外的另一名经办人进行", await clerk.Locator("[data-testid=publication-error]").AllInnerTextsAsync());

        // The second person approves.
        var reviewerContext = await browser.NewContextAsync();
        var reviewer = await reviewerContext.NewPageAsync();
        await reviewer.SignInAsync(app.BaseAddress, "reviewer");
        await reviewer.GotoAsync(publicationUrl);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "复核公布" }).ClickAsync();
        await reviewer.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("已公布", await reviewer.Locator("[data-testid=publication-status]").InnerTextAsync());

        // The public list: 李建华 with his basis, 陈志强 withdrawn, nothing personal beyond the published fields.
        await visitor.GotoAsync(app.Url("/public/talents"));
        var list = await visitor.Locator("main").InnerTextAsync();
        Assert.Contains("李建华", list, StringComparison.Ordinal);
        Assert.Contains("全国技术能手", list, StringComparison.Ordinal);
        Assert.Contains("深圳市鹏城精密制造有限公司", list, StringComparison.Ordinal);
        Assert.DoesNotContain("陈志强", list, StringComparison.Ordinal);
        Assert.DoesNotMatch(IdNumberPattern(), await visitor.ContentAsync());
        Assert.DoesNotContain("13800138000", await visitor.ContentAsync(), StringComparison.Ordinal);

        await visitor.GotoAsync(app.Url($"/public/publications/{publicationId}"));
        var changes = await visitor.Locator("main").InnerTextAsync();
        Assert.Contains("新增", changes, StringComparison.Ordinal);
        Assert.Contains("李建华", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("陈志强", changes, StringComparison.Ordinal);
        Assert.DoesNotMatch(IdNumberPattern(), await visitor.ContentAsync());
        Assert.Equal(0, dialogs);

        await reviewerContext.CloseAsync();
        await publicContext.CloseAsync();
        await clerkContext.CloseAsync();
    }

    [GeneratedRegex(@"[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]")]
    private static partial Regex IdNumberPattern();
}

[Collection(BrowserCollection.Name)]
public sealed class PublicationPageTestsOnPostgres(BrowserFixture browser, BrowserApp app) : PublicationPageTests(browser, app), IClassFixture<BrowserApp>;

[Collection(BrowserCollection.Sqlite)]
public sealed class PublicationPageTestsOnSqlite(BrowserFixture browser, BrowserApp.OnSqlite app) : PublicationPageTests(browser, app), IClassFixture<BrowserApp.OnSqlite>;
