using Gongjiang.Web.Tests.Browser;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Registry.Statistics;

/// <summary>The statistics page (SVG charts with their tables, under the strict CSP) and the enterprise pages.</summary>
public abstract class StatisticsPagesTests(BrowserFixture browser, BrowserApp app)
{
    [Fact]
    public async Task Supervisor_sees_charts_and_tables_then_opens_an_enterprise_with_its_workers()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        // A chart that needed inline style or script would be refused by the CSP, which the console reports.
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        await DemoTalents.ListAsync(app.App);
        await page.SignInAsync(app.BaseAddress, "supervisor");

        await page.GotoAsync(app.Url("/registry/statistics"));
        var heading = await page.Locator("h1").InnerTextAsync();
        var summary = await page.Locator("[data-testid=stats-summary]").InnerTextAsync();
        var chart = page.Locator("[data-testid=chart-region] svg");
        var chartRole = await chart.GetAttributeAsync("role");
        var chartLabel = await chart.GetAttributeAsync("aria-label");
        var chartTitle = await chart.Locator("title").First.TextContentAsync();
        var chartBars = await chart.Locator("g.category rect[fill='#0b57a4']").CountAsync();
        var chartTexts = await chart.Locator("text").AllTextContentsAsync();
        var chartBox = await chart.BoundingBoxAsync();
        var svgCount = await page.Locator("svg[role=img]").CountAsync();
        var regionRows = await page.Locator("[data-testid=table-region] tbody tr").AllInnerTextsAsync();
        var regionSection = await page.Locator("[data-testid=stats-region]").InnerTextAsync();
        var styled = await page.Locator("[style]").CountAsync();

        Assert.Equal("统计分析", heading);
        Assert.Contains("人员 5 人", summary, StringComparison.Ordinal);
        Assert.Contains("高技能领军人才 3 人", summary, StringComparison.Ordinal);
        Assert.Equal("img", chartRole);
        Assert.Contains("按地区统计", chartLabel, StringComparison.Ordinal);
        Assert.Contains("按地区统计", chartTitle, StringComparison.Ordinal);
        Assert.Equal(2, chartBars);
        Assert.Contains("深圳市", chartTexts);
        Assert.Contains("广州市", chartTexts);
        Assert.NotNull(chartBox);
        Assert.True(chartBox.Width > 300, "the chart is drawn at a readable size");
        Assert.Equal(7, svgCount);
        Assert.Contains(regionRows, r => r.StartsWith("深圳市\t3\t2", StringComparison.Ordinal));
        Assert.Contains(regionRows, r => r.StartsWith("广州市\t2\t1", StringComparison.Ordinal));
        Assert.Equal(21, regionRows.Count);
        Assert.Contains("略去了人数为0的19项", regionSection, StringComparison.Ordinal);
        Assert.Equal(0, styled);
        Assert.DoesNotContain(consoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));

        await page.GotoAsync(app.Url("/registry/enterprises"));
        await page.GetByRole(AriaRole.Link, new() { Name = "广州羊城机车车辆有限公司" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var enterpriseHeading = await page.Locator("h1").InnerTextAsync();
        var facts = await page.Locator("[data-testid=enterprise-facts]").InnerTextAsync();
        var workers = await page.Locator("[data-testid=workers] tbody tr").AllInnerTextsAsync();

        Assert.Equal("广州羊城机车车辆有限公司", enterpriseHeading);
        Assert.Contains("地方国有企业", facts, StringComparison.Ordinal);
        Assert.Equal(2, workers.Count);
        Assert.StartsWith("张伟", workers[0], StringComparison.Ordinal);
        Assert.Contains("国务院政府特殊津贴", workers[0], StringComparison.Ordinal);
        Assert.Contains("*", workers[1], StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "张伟" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("张伟", await page.Locator("h1").InnerTextAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task Guangzhou_clerk_sees_Guangzhou_only_and_a_worker_cannot_open_statistics()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "clerk2");
        await page.GotoAsync(app.Url("/registry/statistics"));
        var summary = await page.Locator("[data-testid=stats-summary]").InnerTextAsync();
        var noHonourChart = await page.Locator("[data-testid=no-chart-honor]").IsVisibleAsync();
        var chartCount = await page.Locator("svg[role=img]").CountAsync();
        await page.GotoAsync(app.Url($"/registry/enterprises/{Gongjiang.Web.Platform.Demo.DemoData.ShenzhenEnterpriseId}"));
        var notFound = await page.Locator("[data-testid=not-found]").InnerTextAsync();
        await page.GotoAsync(app.Url("/registry/enterprises"));
        var listed = await page.Locator("[data-testid=enterprises] tbody td:first-child").AllInnerTextsAsync();
        await context.CloseAsync();

        var workerContext = await browser.NewContextAsync();
        var workerPage = await workerContext.NewPageAsync();
        await workerPage.SignInAsync(app.BaseAddress, "worker");
        await workerPage.GotoAsync(app.Url("/registry/statistics"));
        var charts = await workerPage.Locator("svg[role=img]").CountAsync();

        Assert.Contains("广东省广州市", summary, StringComparison.Ordinal);
        Assert.Contains("人员 2 人", summary, StringComparison.Ordinal);
        Assert.True(noHonourChart);
        Assert.Equal(6, chartCount);
        Assert.Contains("不在您的管辖范围内", notFound, StringComparison.Ordinal);
        Assert.Equal(["广州羊城机车车辆有限公司"], listed);
        Assert.Contains("/account/access-denied", workerPage.Url, StringComparison.Ordinal);
        Assert.Equal(0, charts);
        await workerContext.CloseAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class StatisticsPagesTestsOnPostgres(BrowserFixture browser, BrowserApp app) : StatisticsPagesTests(browser, app), IClassFixture<BrowserApp>;

[Collection(BrowserCollection.Sqlite)]
public sealed class StatisticsPagesTestsOnSqlite(BrowserFixture browser, BrowserApp.OnSqlite app) : StatisticsPagesTests(browser, app), IClassFixture<BrowserApp.OnSqlite>;
