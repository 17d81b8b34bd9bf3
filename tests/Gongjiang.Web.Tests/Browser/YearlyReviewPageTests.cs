using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>Nomination to listing on the person page, then a yearly review run end to end through the pages.</summary>
public abstract class YearlyReviewPageTests(BrowserFixture browser, BrowserApp app)
{
    [Fact]
    public async Task Clerk_lists_a_talent_and_runs_the_yearly_review_with_the_employer()
    {
        var clerkContext = await browser.NewContextAsync();
        var clerk = await clerkContext.NewPageAsync();
        await clerk.SignInAsync(app.BaseAddress, "clerk");

        // 提名 → 核实 → 入库 on the person page.
        await clerk.GotoAsync(app.Url($"/registry/persons/{DemoData.WorkerPersonId}"));
        foreach (var (step, note) in new[] { ("提名", "2019年全国技术能手，人社部发〔2019〕105号"), ("核实", ""), ("入库", "") })
        {
            await clerk.GetByLabel("办理").SelectOptionAsync(new SelectOptionValue { Label = step });
            await clerk.GetByLabel("依据或说明").FillAsync(note);
            await clerk.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
            await clerk.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Equal("已办理。", await clerk.Locator("[data-testid=lifecycle-message]").InnerTextAsync());
        }

        Assert.Equal("已入库", await clerk.Locator("[data-testid=status]").InnerTextAsync());

        // Start the review.
        await clerk.GetByRole(AriaRole.Link, new() { Name = "年度复核" }).ClickAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "发起" }).ClickAsync();
        await clerk.WaitForURLAsync(u => u.Contains("/registry/reviews/", StringComparison.Ordinal));
        var reviewUrl = clerk.Url;
        Assert.Equal("1", await clerk.Locator("[data-testid=awaiting-employer]").InnerTextAsync());

        // The employer confirms its worker.
        var employerContext = await browser.NewContextAsync();
        var employer = await employerContext.NewPageAsync();
        await employer.SignInAsync(app.BaseAddress, "employer");
        await employer.GotoAsync(reviewUrl);
        await employer.GetByLabel("人员现状").SelectOptionAsync("StillEmployed");
        await employer.GetByLabel("仍在生产服务一线").SelectOptionAsync("true");
        await employer.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await employer.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("已确认。", await employer.Locator("[data-testid=review-message]").InnerTextAsync());

        // The clerk sees it awaiting the check, and checks it.
        await clerk.GotoAsync(reviewUrl);
        Assert.Equal("1", await clerk.Locator("[data-testid=awaiting-clerk]").InnerTextAsync());
        await clerk.GetByRole(AriaRole.Button, new() { Name = "核查通过" }).ClickAsync();
        await clerk.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal("1", await clerk.Locator("[data-testid=confirmed]").InnerTextAsync());
        Assert.Equal("0", await clerk.Locator("[data-testid=awaiting-employer]").InnerTextAsync());
        await clerk.GotoAsync(app.Url($"/registry/persons/{DemoData.WorkerPersonId}"));
        Assert.Contains("复核确认", await clerk.Locator("[data-testid=history]").InnerTextAsync(), StringComparison.Ordinal);
        await employerContext.CloseAsync();
        await clerkContext.CloseAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class YearlyReviewPageTestsOnPostgres(BrowserFixture browser, BrowserApp app) : YearlyReviewPageTests(browser, app), IClassFixture<BrowserApp>;

[Collection(BrowserCollection.Sqlite)]
public sealed class YearlyReviewPageTestsOnSqlite(BrowserFixture browser, BrowserApp.OnSqlite app) : YearlyReviewPageTests(browser, app), IClassFixture<BrowserApp.OnSqlite>;
