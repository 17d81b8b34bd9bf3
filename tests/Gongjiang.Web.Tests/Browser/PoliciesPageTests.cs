using System.Globalization;
using System.Text.RegularExpressions;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// Issue 11's “Done when” in Chromium: an administrator enters a provincial policy with two items (the first rule typed
/// wrong, refused at its position); the worker sees entitlements with explanations; the clerk runs a what-if and sees
/// gainers, losers and cost; a decision made before a rule change replays to the same result after it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PoliciesPageTests(BrowserFixture browser, BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Administrator_enters_a_provincial_policy_with_two_items_after_a_rule_typed_wrong()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "admin");

        await page.GotoAsync(app.Url("/policies/documents/new"));
        await page.GetByLabel("标题").FillAsync("广东省技能人才激励办法（测试）");
        await page.GetByLabel("文号").FillAsync("粤人社规〔2025〕9号");
        await page.GetByLabel("发文机关").FillAsync("广东省人力资源和社会保障厅");
        await page.GetByLabel("成文日期").FillAsync("2025-01-01");
        await page.GetByLabel("发文辖区（6位行政区划代码）").FillAsync("440000");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/policies/documents/doc-", StringComparison.Ordinal));
        var documentUrl = page.Url;

        // Item 1: the rule typed wrong first — refused with its line and column, nothing saved.
        await page.GetByTestId("new-item").ClickAsync();
        await FillItemAsync(page, "技能提升补贴", "skill-upgrade-subsidy", "skill.level >= '技师' &&\n  insurance.month >= 6", "2000", "OneTime");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var errors = await page.GetByTestId("eligibility-errors").InnerTextAsync();
        Assert.Matches(Position(), errors);
        Assert.Contains("insurance.month", errors, StringComparison.Ordinal);
        Assert.Contains("/policies/items/new", page.Url, StringComparison.Ordinal);

        await page.GetByLabel("资格条件（规则）").FillAsync("skill.level >= '技师' &&\n  insurance.months >= 6");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("saved=1", StringComparison.Ordinal));

        // Item 2.
        await page.GotoAsync(documentUrl);
        await page.GetByTestId("new-item").ClickAsync();
        await FillItemAsync(page, "高技能人才交通补贴", "skilled-transport-subsidy", "talent.isLeadingTalent", "300", "Monthly");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("saved=1", StringComparison.Ordinal));

        await page.GotoAsync(app.Url("/policies?region=440000&asOf=2025-06-01"));
        var catalogue = await page.GetByTestId("catalogue-items").InnerTextAsync();
        Assert.Contains("技能提升补贴", catalogue, StringComparison.Ordinal);
        Assert.Contains("高技能人才交通补贴", catalogue, StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Worker_sees_their_entitlements_with_explanations()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "worker");

        // A day before any other test of this class changes 深圳's rules.
        Assert.Equal(1, await page.Locator("[data-testid=nav] a[href='/policies/my']").CountAsync());
        await page.GotoAsync(app.Url("/policies/my?asOf=2024-06-01"));
        var rent = page.GetByTestId("entitled-items").Locator("tr[data-item=rent-subsidy]");
        Assert.Contains("3,000.00元", await rent.GetByTestId("amount").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("示例", await rent.InnerTextAsync(), StringComparison.Ordinal);

        var explanation = page.GetByTestId("explanation").First;
        await explanation.Locator("summary").ClickAsync();
        var text = await explanation.InnerTextAsync();
        Assert.Contains("为什么可以享受", text, StringComparison.Ordinal);
        Assert.Contains("《关于提高技术工人待遇的意见》", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", await page.ContentAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Clerk_runs_a_what_if_and_sees_gainers_losers_and_cost()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "clerk");

        await page.FollowMenuAsync("待遇政策", "待遇测算");
        await page.GetByLabel("改动的事项").SelectOptionAsync("440300-settling-allowance-2020");
        await page.GetByLabel("改动方式").SelectOptionAsync("Parameter");
        await page.GetByLabel("参数名称（修改参数时）").FillAsync("amount");
        await page.GetByLabel("改动后的值（金额填元，条件和公式按规则写法）").FillAsync("200000");
        await page.GetByLabel("测算名称（可空）").FillAsync("安家补贴提高到20万元");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始测算" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/policies/simulations/", StringComparison.Ordinal));

        // The page refreshes itself until the background job is done.
        await page.GetByTestId("simulation-summary").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal("1", await page.GetByTestId("gainers").InnerTextAsync());
        Assert.Equal("0", await page.GetByTestId("losers").InnerTextAsync());
        Assert.Contains("50,000.00元", await page.GetByTestId("cost-change").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("深圳", await page.GetByTestId("by-region").InnerTextAsync(), StringComparison.Ordinal);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_decision_made_before_a_rule_change_replays_to_the_same_result_after_it()
    {
        var clerkContext = await browser.NewContextAsync();
        var clerk = await clerkContext.NewPageAsync();
        await clerk.SignInAsync(app.BaseAddress, "clerk");

        // The clerk records the decision on 房租补贴 (3000元 a month) for 李建华.
        await clerk.GotoAsync(app.Url($"/policies/persons/{DemoData.WorkerPersonId}"));
        await clerk.GetByTestId("entitled-items").Locator("tr[data-item=rent-subsidy]").GetByTestId("decide").ClickAsync();
        await clerk.WaitForURLAsync(u => u.Contains("recorded=1", StringComparison.Ordinal));
        var decisionUrl = clerk.Url.Split('?')[0];
        Assert.Contains("3,000.00元", await clerk.GetByTestId("stored-amount").InnerTextAsync(), StringComparison.Ordinal);

        // The administrator makes a new version from today: 4000元.
        var adminContext = await browser.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await admin.SignInAsync(app.BaseAddress, "admin");
        await admin.GotoAsync(app.Url("/policies/items/440300-rent-subsidy-2020"));
        await admin.GetByTestId("new-version").ClickAsync();
        await admin.GetByLabel("生效日期").FillAsync(app.App.Clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await admin.GetByLabel("固定金额（元）").FillAsync("4000");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await admin.WaitForURLAsync(u => u.Contains("saved=1", StringComparison.Ordinal));

        // The replay gives the stored result; the current rules give the new amount.
        await clerk.GotoAsync(decisionUrl);
        await clerk.GetByTestId("replay-button").ClickAsync();
        await clerk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("重放结果与原决定一致", (await clerk.GetByTestId("replay-same").InnerTextAsync()).Trim());
        Assert.Contains("3,000.00元", await clerk.GetByTestId("replay-amount").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("4,000.00元", await clerk.GetByTestId("current-rules").InnerTextAsync(), StringComparison.Ordinal);
        await adminContext.CloseAsync();
        await clerkContext.CloseAsync();
    }

    private static async Task FillItemAsync(IPage page, string name, string key, string eligibility, string amount, string frequency)
    {
        await page.GetByLabel("事项名称").FillAsync(name);
        await page.GetByLabel("事项代码").FillAsync(key);
        await page.GetByLabel("待遇类别").SelectOptionAsync("Economic");
        await page.GetByLabel("生效日期").FillAsync("2025-01-01");
        await page.GetByLabel("资格条件（规则）").FillAsync(eligibility);
        await page.GetByLabel("金额方式").SelectOptionAsync("Fixed");
        await page.GetByLabel("固定金额（元）").FillAsync(amount);
        await page.GetByLabel("发放频次").SelectOptionAsync(frequency);
        await page.GetByLabel("政策依据（条款）").FillAsync("《关于提高技术工人待遇的意见》四（一）");
        await page.GetByLabel("责任部门").SelectOptionAsync("hrss");
        await page.GetByLabel("承诺办结时限（工作日）").FillAsync("15");
    }

    [GeneratedRegex("第2行第\\d+列")]
    private static partial Regex Position();
}

/// <summary>Every role opens every benefit-policy page of its menu in Chromium: Chinese pages, no server error.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PoliciesPagesPerRoleTests(BrowserFixture browser, BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("admin")]
    [InlineData("supervisor")]
    [InlineData("clerk")]
    [InlineData("dept")]
    [InlineData("employer")]
    [InlineData("worker")]
    public async Task Each_role_opens_its_benefit_policy_pages(string userName)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, userName);
        var links = (await page.Locator("[data-testid=nav] a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Where(h => h.StartsWith("/policies", StringComparison.Ordinal)).ToList();
        Assert.Contains("/policies", links);
        links.AddRange(["/policies/items/440300-settling-allowance-2020", "/policies/documents/sz-example-2020", "/policies/compare/item/settling-allowance"]);

        foreach (var link in links)
        {
            var response = await page.GotoAsync(app.Url(link));
            Assert.True(response!.Status < 500, $"{userName} {link}: {response.Status}");
            var text = await page.Locator("main").InnerTextAsync();
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Error", text, StringComparison.Ordinal);
            Assert.Matches("[\\u4e00-\\u9fff]", await page.Locator("h1").First.InnerTextAsync());
        }

        await context.CloseAsync();
    }
}
