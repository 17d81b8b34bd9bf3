using System.Globalization;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// Issue 13, “Done when”: a county (南山区), a city (深圳) and a province (广东) file documents and reports through the
/// pages; the city accepts the county's report and consolidates; the province consolidates and returns the city's
/// report for revision; the ministry's dashboard shows the matrix and the overdue list and exports the year-end XLSX.
/// Then every supervision page opened by every role that sees it: Chinese only, no server error.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SupervisionPageTests(BrowserFixture browser, BrowserApp app) : IClassFixture<BrowserApp>
{
    private string Year => app.App.Clock.Today.Year.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task County_city_and_province_report_up_and_the_ministry_sees_the_matrix()
    {
        var county = await SignedInAsync("nanshan");
        var city = await SignedInAsync("sz-supervisor");
        var province = await SignedInAsync("supervisor");
        var ministry = await SignedInAsync("ministry");

        // Each level files an implementing document.
        await FileDocumentAsync(county, "南山区技能人才服务保障实施细则", "深南人社发〔2026〕7号");
        await FileDocumentAsync(city, "深圳市技能领军人才认定办法", "深人社规〔2026〕11号");
        await FileDocumentAsync(province, "广东省技术工人待遇落实督查办法", "粤人社发〔2026〕88号");

        // The county reports (every status chosen, a narrative where it moved) and submits to the city.
        var countyReport = await CreateReportAsync(county);
        foreach (var select in await county.Locator("select[name^=status-]").AllAsync())
        {
            await select.SelectOptionAsync("NotStarted");
        }

        await county.Locator("select[name='status-3.1']").SelectOptionAsync("InProgress");
        await county.Locator("textarea[name='narrative-3.1']").FillAsync("南山区已建立高技能领军人才服务专员制度。");
        await SubmitAsync(county);

        // The city accepts it, consolidates its counties into its own report and submits to the province.
        await city.GotoAsync(countyReport);
        await city.GetByLabel("确认接收：接收后该报告不能再修改或退回").CheckAsync();
        await city.GetByRole(AriaRole.Button, new() { Name = "接收", Exact = true }).ClickAsync();
        await city.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("已接收。", await city.Locator("[data-testid=report-message]").InnerTextAsync());
        var cityReport = await CreateReportAsync(city);
        Assert.Contains("已接收下级报告 1 份", await city.Locator("[data-testid=consolidation-summary]").InnerTextAsync(), StringComparison.Ordinal);
        await city.Locator("[data-testid=apply-consolidation]").ClickAsync();
        await city.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("汇总", await city.Locator("[data-testid=report-message]").InnerTextAsync(), StringComparison.Ordinal);
        await SubmitAsync(city);

        // The province consolidates its cities into its own draft and returns the city's report for revision.
        await CreateReportAsync(province);
        Assert.Contains("已接收下级报告", await province.Locator("[data-testid=consolidation-summary]").InnerTextAsync(), StringComparison.Ordinal);
        await province.Locator("[data-testid=apply-consolidation]").ClickAsync();
        await province.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("汇总", await province.Locator("[data-testid=report-message]").InnerTextAsync(), StringComparison.Ordinal);
        await province.GotoAsync(cityReport);
        await province.GetByLabel("退回理由（不少于5个字）").FillAsync("请补充各区县的落实数据。");
        await province.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await province.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("已退回修改。", await province.Locator("[data-testid=report-message]").InnerTextAsync());
        await city.GotoAsync(cityReport);
        Assert.Equal("退回修改", await city.Locator("[data-testid=report-status]").InnerTextAsync());
        Assert.Equal("请补充各区县的落实数据。", await city.Locator("[data-testid=return-reason]").InnerTextAsync());

        // The ministry's dashboard: the matrix of the 31 provinces (status as text too) and the overdue list.
        await ministry.GotoAsync(app.Url("/supervision"));
        var matrix = await ministry.Locator("[data-testid=matrix]").InnerTextAsync();
        Assert.Contains("广东省", matrix, StringComparison.Ordinal);
        Assert.Contains("北京市", matrix, StringComparison.Ordinal);
        Assert.Contains("推进中", matrix, StringComparison.Ordinal);
        Assert.Contains("广东", await ministry.Locator("[data-testid=overdue-list]").InnerTextAsync(), StringComparison.Ordinal);
        var download = await ministry.RunAndWaitForDownloadAsync(() => ministry.Locator("[data-testid=export-xlsx]").ClickAsync());
        var path = await download.PathAsync();
        var head = new byte[2];
        await using (var file = File.OpenRead(path!))
        {
            await file.ReadExactlyAsync(head);
        }

        Assert.Equal("PK"u8.ToArray(), head);
        foreach (var page in new[] { county, city, province, ministry })
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("clerk", "/supervision/reports|/supervision/documents|/supervision/targets|/supervision/problems|/supervision/division")]
    [InlineData("nanshan", "/supervision/reports|/supervision/documents|/supervision/targets|/supervision/problems")]
    [InlineData("sz-supervisor", "/supervision|/supervision/reports|/supervision/documents|/supervision/targets|/supervision/problems|/supervision/division|/supervision/regions/440305")]
    [InlineData("supervisor", "/supervision|/supervision/reports|/supervision/documents|/supervision/targets|/supervision/problems|/supervision/division|/supervision/regions/440300")]
    [InlineData("ministry", "/supervision|/supervision/reports|/supervision/documents|/supervision/targets|/supervision/problems|/supervision/division|/supervision/regions/440000")]
    public async Task Every_supervision_page_opens_in_Chinese_for_each_role_that_sees_it(string userName, string paths)
    {
        var page = await SignedInAsync(userName);
        foreach (var path in paths.Split('|'))
        {
            var response = await page.GotoAsync(app.Url(path));
            Assert.True(response!.Status < 400, $"{userName} {path}: {response.Status}");
            Assert.DoesNotContain("/account/", page.Url, StringComparison.Ordinal);
            var h1 = await page.Locator("h1").First.InnerTextAsync();
            Assert.Matches("\\p{IsCJKUnifiedIdeographs}", h1);
            var main = await page.Locator("main").InnerTextAsync();
            Assert.DoesNotMatch("\\b(Submitted|Accepted|Returned|Draft|NotStarted|InProgress|Completed|NotReported|Exception|Error)\\b", main);
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_document_without_a_number_is_refused_on_the_page_and_what_was_typed_stays()
    {
        var page = await SignedInAsync("clerk");
        await page.GotoAsync(app.Url("/supervision/documents"));
        await page.GetByLabel("文件标题").FillAsync("深圳市技能人才激励办法");
        await page.GetByLabel("发文机关").FillAsync("深圳市人力资源和社会保障局");
        await page.GetByLabel("成文日期").FillAsync("2026-02-01");
        await page.Locator("input[name=measures][value='3.3']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Contains("文号", await page.Locator("[data-testid=document-error]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("深圳市技能人才激励办法", await page.GetByLabel("文件标题").InputValueAsync());
        await page.Context.CloseAsync();
    }

    private async Task<IPage> SignedInAsync(string userName)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, userName);
        return page;
    }

    private async Task FileDocumentAsync(IPage page, string title, string number)
    {
        await page.GotoAsync(app.Url("/supervision/documents"));
        await page.GetByLabel("文件标题").FillAsync(title);
        await page.GetByLabel("文号", new() { Exact = true }).FillAsync(number);
        await page.GetByLabel("发文机关").FillAsync("人力资源和社会保障部门");
        await page.GetByLabel("成文日期").FillAsync(Year + "-03-01");
        await page.Locator("input[name=measures][value='3.1']").CheckAsync();
        await page.Locator("input[name=measures][value='4.1']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "报送" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("配套文件已报送。", await page.Locator("[data-testid=document-message]").InnerTextAsync());
        Assert.Contains(number, await page.Locator("[data-testid=documents]").InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>Creates the region's year-end report of this year on the reports page; returns its address.</summary>
    private async Task<string> CreateReportAsync(IPage page)
    {
        await page.GotoAsync(app.Url("/supervision/reports"));
        await page.Locator("#period").SelectOptionAsync(Year);
        await page.GetByRole(AriaRole.Button, new() { Name = "新建报告" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/supervision/reports/", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page.Url;
    }

    private static async Task SubmitAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "提交上级" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var errors = await page.Locator("[data-testid=report-error]").AllInnerTextsAsync();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal("已提交上级。", await page.Locator("[data-testid=report-message]").InnerTextAsync());
        Assert.Equal("已提交", await page.Locator("[data-testid=report-status]").InnerTextAsync());
    }
}
