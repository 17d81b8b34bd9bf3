using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gongjiang.Web.Tests.Infrastructure;
using Gongjiang.Web.Tests.Registry;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// Issue 15 “Done when”: employer files a wage report from the template (one bad row first) and confirms it; the demo
/// SOE's failed check is a rectification case that the enterprise answers with evidence and the 国资 officer closes;
/// the public sees the wage-level table and chart with suppressed cells marked.
/// </summary>
public abstract partial class WagePagesTests(BrowserFixture browser, BrowserApp app)
{
    private static byte[] Csv(params string[] rows) =>
        Encoding.UTF8.GetBytes("公民身份号码,人员类别,岗位层级,是否一线岗位,职业编码,职业技能等级,工作月数,年度应发工资总额,基本工资,绩效工资,津贴补贴,特聘岗位津贴,带徒津贴,年资工资\n" + string.Join('\n', rows) + "\n");

    [Fact]
    public async Task Employer_files_from_the_template_after_one_bad_row_and_confirms()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "employer");
        await page.FollowMenuAsync("工资分配", "工资报送");
        await page.GetByLabel("年度").FillAsync(app.App.Clock.Today.Year.ToString(CultureInfo.InvariantCulture));
        var good = RegistryImportTests.Id("44030619900101123") + ",高技能人才,,是,6-18-01-01,技师,12,120000,60000,30000,10000,0,0,5000";
        var bad = RegistryImportTests.Id("44030619850202234") + ",管理人员,中层,否,,,13,150000,80000,40000,0,0,0,0";
        await page.GetByLabel("文件（CSV 或 XLSX）").SetInputFilesAsync(new FilePayload { Name = "工资报送.csv", MimeType = "text/csv", Buffer = Csv(good, bad) });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交报送" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var errors = await page.Locator("[data-testid=wage-errors]").InnerTextAsync();
        Assert.Contains("第3行", errors, StringComparison.Ordinal);
        Assert.Contains("工作月数", errors, StringComparison.Ordinal);

        var fixedRow = bad.Replace(",13,", ",12,", StringComparison.Ordinal);
        await page.GetByLabel("年度").FillAsync(app.App.Clock.Today.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("文件（CSV 或 XLSX）").SetInputFilesAsync(new FilePayload { Name = "工资报送.csv", MimeType = "text/csv", Buffer = Csv(good, fixedRow) });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交报送" }).ClickAsync();
        await page.WaitForURLAsync(u => Regex.IsMatch(u, "/wages/reports/[0-9a-f-]{36}$"));
        Assert.Contains("待确认", await page.Locator("[data-testid=report-status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("[data-testid=wage-lines] tbody tr").CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "确认", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("请勾选", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal); // the confirmation first
        await page.GetByLabel("我已核对，确认报送").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("已确认", await page.Locator("[data-testid=report-status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotMatch(IdNumberPattern(), await page.Locator("[data-testid=wage-lines]").InnerTextAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_soe_answers_the_rectification_with_evidence_and_the_sasac_officer_closes_it()
    {
        var soeContext = await browser.NewContextAsync();
        var soe = await soeContext.NewPageAsync();
        await soe.SignInAsync(app.BaseAddress, "soe");
        await soe.FollowMenuAsync("工资分配", "工资整改");
        await soe.Locator("[data-testid=rectifications]").GetByRole(AriaRole.Link, new() { Name = "深圳市城市轨道交通运营有限公司" }).ClickAsync();
        Assert.Contains("已立案", await soe.Locator("[data-testid=case-status]").InnerTextAsync(), StringComparison.Ordinal);
        await soe.GetByLabel("操作").SelectOptionAsync("StartRectification");
        await soe.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await soe.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("整改中", await soe.Locator("[data-testid=case-status]").InnerTextAsync(), StringComparison.Ordinal);
        await soe.GetByLabel("操作").SelectOptionAsync("SubmitEvidence");
        await soe.GetByLabel("说明、整改情况或意见（不少于5个字）").FillAsync("已修订薪酬分配办法，提高高技能人才绩效工资");
        await soe.GetByLabel("证据材料（每行一份，如文件名称和文号）").FillAsync("薪酬分配办法（2026年修订）\n职工代表大会决议");
        await soe.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await soe.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var caseUrl = soe.Url;

        var sasacContext = await browser.NewContextAsync();
        var sasac = await sasacContext.NewPageAsync();
        await sasac.SignInAsync(app.BaseAddress, "sasac");
        await sasac.FollowMenuAsync("工资分配", "国企工资增幅检查");
        Assert.Contains("不符合", await sasac.Locator("[data-testid=soe-checks]").InnerTextAsync(), StringComparison.Ordinal);
        await sasac.GotoAsync(caseUrl);
        Assert.Contains("已整改", await sasac.Locator("[data-testid=case-status]").InnerTextAsync(), StringComparison.Ordinal);
        await sasac.GetByLabel("操作").SelectOptionAsync("Close");
        await sasac.GetByLabel("说明、整改情况或意见（不少于5个字）").FillAsync("核验整改材料属实，予以结案");
        await sasac.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await sasac.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("已结案", await sasac.Locator("[data-testid=case-status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("职工代表大会决议", await sasac.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await sasacContext.CloseAsync();
        await soeContext.CloseAsync();
    }

    [Fact]
    public async Task The_public_sees_the_wage_level_table_and_chart_with_suppressed_cells_marked()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Url("/public/wage-levels"));
        Assert.True(await page.Locator("[data-testid=wage-levels-chart] svg").CountAsync() == 1);
        Assert.True(await page.Locator("[data-testid=wage-levels] tr[data-suppressed=true]").CountAsync() > 0);
        Assert.True(await page.Locator("[data-testid=wage-levels] tr[data-suppressed=false]").CountAsync() > 0);
        Assert.Contains("样本不足，不予公布", await page.Locator("[data-testid=wage-levels]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("少于3家", await page.Locator("[data-testid=methodology]").InnerTextAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [GeneratedRegex(@"[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]")]
    private static partial Regex IdNumberPattern();
}

[Collection(BrowserCollection.Name)]
public sealed class WagePagesTestsOnPostgres(BrowserFixture browser, BrowserApp app) : WagePagesTests(browser, app), IClassFixture<BrowserApp>;

[Collection(BrowserCollection.Sqlite)]
public sealed class WagePagesTestsOnSqlite(BrowserFixture browser, BrowserApp.OnSqlite app) : WagePagesTests(browser, app), IClassFixture<BrowserApp.OnSqlite>;
