using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gongjiang.Web.Features.Leave.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// Issue 16's “done when” in Chromium: a worker uses the calculator (public and pre-filled), an employer records leave
/// and sees who is owed, the inspector's list shows the enterprise, and a 休疗养 programme is run from application to
/// the published selection — each page as the role that uses it, in Chinese, without a server error.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LeavePageTests(BrowserFixture browser, BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_worker_uses_the_calculator_and_an_employer_records_leave_and_sees_who_is_owed()
    {
        // The public calculator: bad input names the field, then the days, the money and the steps with articles.
        var publicContext = await browser.NewContextAsync();
        var visitor = await publicContext.NewPageAsync();
        await visitor.GotoAsync(app.Url("/leave/annual"));
        await visitor.GetByLabel("计算年度", new() { Exact = true }).FillAsync("2026");
        await visitor.GetByLabel("参加工作日期", new() { Exact = true }).FillAsync("2010-07-01");
        await visitor.GetByLabel("本年度入职日期（本年度新进本单位的填写）", new() { Exact = true }).FillAsync("2026-03-01");
        await visitor.GetByLabel("本年度已休年休假天数", new() { Exact = true }).FillAsync("2");
        await visitor.GetByLabel("月平均工资（元，前12个月，不含加班工资）", new() { Exact = true }).FillAsync("8000.001");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "计算" }).ClickAsync();
        await visitor.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("月平均工资", await visitor.Locator("[data-testid=calculator-form]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await visitor.Locator("[data-testid=calculator-result]").CountAsync());

        await visitor.GetByLabel("月平均工资（元，前12个月，不含加班工资）", new() { Exact = true }).FillAsync("8000.00");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "计算" }).ClickAsync();
        await visitor.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.StartsWith("8天", await visitor.Locator("[data-testid=entitled-days]").InnerTextAsync(), StringComparison.Ordinal); // 办法 art 5
        Assert.Equal("6天", await visitor.Locator("[data-testid=untaken-days]").InnerTextAsync());
        Assert.Contains("4,413.84", await visitor.Locator("[data-testid=compensation]").InnerTextAsync(), StringComparison.Ordinal);
        var trace = await visitor.Locator("[data-testid=calculator-trace]").InnerTextAsync();
        Assert.Contains("《企业职工带薪年休假实施办法》第五条", trace, StringComparison.Ordinal);
        Assert.DoesNotMatch(LatinWords(), await visitor.Locator("main").InnerTextAsync());
        await publicContext.CloseAsync();

        // The employer records two years back (deadlines passed): 李建华 took 4 of 10 days, nothing paid.
        var year = app.App.Clock.Today.Year - 2;
        var employerContext = await browser.NewContextAsync();
        var employer = await employerContext.NewPageAsync();
        await employer.SignInAsync(app.BaseAddress, "employer");
        await employer.FollowMenuAsync("休息休假", "年休假记录");
        await employer.GetByRole(AriaRole.Link, new() { Name = "登记年休假" }).ClickAsync();
        await employer.GetByLabel("职工", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = (await StaffLabelAsync(employer, "李建华"))! });
        await employer.GetByLabel("年度", new() { Exact = true }).FillAsync(year.ToString(CultureInfo.InvariantCulture));
        await employer.GetByLabel("参加工作日期", new() { Exact = true }).FillAsync("2010-07-01");
        await employer.GetByLabel("已休天数", new() { Exact = true }).FillAsync("4");
        await employer.GetByLabel("月平均工资（元，前12个月，不含加班工资）", new() { Exact = true }).FillAsync("8700");
        await employer.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await employer.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("应休10天，已休4天", await employer.Locator("[data-testid=record-saved]").InnerTextAsync(), StringComparison.Ordinal);

        await employer.GotoAsync(app.Url($"/leave/records?year={year}"));
        var owed = await employer.Locator("[data-testid=owed-list]").InnerTextAsync();
        Assert.Contains("李建华", owed, StringComparison.Ordinal);
        Assert.Contains("欠付报酬", owed, StringComparison.Ordinal);
        Assert.Contains("4,800.00", await employer.Locator("[data-testid=total-shortfall]").InnerTextAsync(), StringComparison.Ordinal);
        await employer.Locator("[data-testid=owed-list]").GetByRole(AriaRole.Link, new() { Name = "李建华" }).ClickAsync();
        Assert.Contains("欠付报酬", await employer.Locator("[data-testid=record-status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("第五条", await employer.Locator("[data-testid=record-rules]").InnerTextAsync(), StringComparison.Ordinal);
        await employerContext.CloseAsync();

        // The worker's own page: the record and the calculator pre-filled from it.
        var workerContext = await browser.NewContextAsync();
        var worker = await workerContext.NewPageAsync();
        await worker.SignInAsync(app.BaseAddress, "worker");
        await worker.FollowMenuAsync("休息休假", "我的休假");
        Assert.Contains(year.ToString(CultureInfo.InvariantCulture), await worker.Locator("[data-testid=my-records]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("1998-07-01", await worker.GetByLabel("参加工作日期", new() { Exact = true }).InputValueAsync()); // from this year's demo record
        Assert.Equal(1, await worker.Locator("[data-testid=calculator-result]").CountAsync());
        await workerContext.CloseAsync();

        // The labour inspector of 深圳 sees the enterprise on the list of that year.
        var clerkContext = await browser.NewContextAsync();
        var clerk = await clerkContext.NewPageAsync();
        await clerk.SignInAsync(app.BaseAddress, "clerk");
        await clerk.FollowMenuAsync("休息休假", "年休假执法检查");
        await clerk.GetByLabel("年度", new() { Exact = true }).SelectOptionAsync(year.ToString(CultureInfo.InvariantCulture));
        await clerk.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await clerk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("深圳市鹏城精密制造有限公司", await clerk.Locator("[data-testid=inspection-list]").InnerTextAsync(), StringComparison.Ordinal);
        await clerkContext.CloseAsync();
    }

    [Fact]
    public async Task An_employer_imports_leave_records_from_a_file_fixing_the_named_line_and_the_inspector_downloads_the_list()
    {
        // A year no other test of this class records, and the two demo employees of 鹏城精密.
        var year = app.App.Clock.Today.Year - 3;
        string IdOf(Guid person) => DemoData.DemoIdNumbers.Single(p => p.Id == person).Number;
        var header = "公民身份号码,姓名,年度,参加工作日期,应休天数,已休天数,月平均工资\n";
        var good = $"{IdOf(DemoData.WorkerPersonId)},李建华,{year},1998-07-01,,5,12000.00\n";
        var wrongName = $"{IdOf(DemoData.ShenzhenColleagueId)},王小英,{year},,10,3,9000.00\n";

        var context = await browser.NewContextAsync();
        var employer = await context.NewPageAsync();
        await employer.SignInAsync(app.BaseAddress, "employer");
        await employer.FollowMenuAsync("休息休假", "年休假记录");
        await employer.GetByRole(AriaRole.Link, new() { Name = "批量导入" }).ClickAsync();
        var template = await context.APIRequest.GetAsync(app.Url(await employer.GetByRole(AriaRole.Link, new() { Name = "CSV" }).GetAttributeAsync("href") ?? ""));
        Assert.Equal(200, template.Status);
        Assert.Contains("公民身份号码", Encoding.UTF8.GetString(await template.BodyAsync()), StringComparison.Ordinal);

        // 王小英 is not the name registered for that number: the whole file is refused and the line is named.
        await employer.GetByLabel("文件（CSV 或 XLSX）").SetInputFilesAsync(new FilePayload { Name = "年休假.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(header + good + wrongName) });
        await employer.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await employer.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("全部记录均未写入", await employer.Locator("[data-testid=import-failed]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("第3行", await employer.Locator("[data-testid=import-problems]").InnerTextAsync(), StringComparison.Ordinal);
        await using (var db = app.App.CreateContext(Actor.System("test")))
        {
            Assert.False(await db.Set<LeaveRecord>().AnyAsync(r => r.Year == year));
        }

        await employer.GetByLabel("文件（CSV 或 XLSX）").SetInputFilesAsync(new FilePayload { Name = "年休假.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(header + good + wrongName.Replace("王小英", "王秀英", StringComparison.Ordinal)) });
        await employer.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await employer.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("新增2条", await employer.Locator("[data-testid=import-done]").InnerTextAsync(), StringComparison.Ordinal);
        await employer.GetByRole(AriaRole.Link, new() { Name = "查看年末情况" }).ClickAsync();
        await employer.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("李建华", await employer.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await context.CloseAsync();

        // The labour inspector's list of that year downloads as XLSX.
        var clerkContext = await browser.NewContextAsync();
        var clerk = await clerkContext.NewPageAsync();
        await clerk.SignInAsync(app.BaseAddress, "clerk");
        var export = await clerkContext.APIRequest.GetAsync(app.Url($"/leave/inspection/export?year={year}"));
        Assert.Equal(200, export.Status);
        Assert.Equal("PK", Encoding.ASCII.GetString((await export.BodyAsync())[..2]));
        await clerkContext.CloseAsync();
    }

    [Fact]
    public async Task A_programme_is_run_from_application_to_the_published_selection()
    {
        Guid id;
        DateOnly closes;
        await using (var db = app.App.CreateContext(Actor.System("test")))
        {
            var open = await db.Set<RecuperationProgrammeRow>().SingleAsync(p => p.Name.Contains("第二期"));
            (id, closes) = (open.Id, open.ApplicationsCloseOn);
        }

        // 李建华 applies; his employer recommends him.
        var workerContext = await browser.NewContextAsync();
        var worker = await workerContext.NewPageAsync();
        await worker.SignInAsync(app.BaseAddress, "worker");
        await worker.GotoAsync(app.Url($"/leave/recuperation/{id}"));
        await worker.GetByLabel("本人身体健康，能够参加本期活动", new() { Exact = true }).CheckAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "申请参加" }).ClickAsync();
        await worker.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("已申请", await worker.Locator("[data-testid='application-李建华'] [data-testid=application-status]").InnerTextAsync());
        await workerContext.CloseAsync();

        var employerContext = await browser.NewContextAsync();
        var employer = await employerContext.NewPageAsync();
        await employer.SignInAsync(app.BaseAddress, "employer");
        await employer.FollowMenuAsync("休息休假", "休疗养");
        await employer.GetByRole(AriaRole.Link, new() { Name = "第二期" }).ClickAsync();
        await employer.Locator("[data-testid='application-李建华']").GetByRole(AriaRole.Button, new() { Name = "单位推荐", Exact = true }).ClickAsync();
        await employer.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("单位已推荐", await employer.Locator("[data-testid='application-李建华'] [data-testid=application-status]").InnerTextAsync());
        await employerContext.CloseAsync();

        // Applications close; the clerk selects (confirming) and publishes.
        app.App.Clock.Advance(TimeSpan.FromDays(closes.DayNumber - app.App.Clock.Today.DayNumber + 1));
        var clerkContext = await browser.NewContextAsync();
        var clerk = await clerkContext.NewPageAsync();
        await clerk.SignInAsync(app.BaseAddress, "clerk");
        await clerk.GotoAsync(app.Url($"/leave/recuperation/{id}"));
        await clerk.GetByRole(AriaRole.Button, new() { Name = "遴选" }).ClickAsync();
        await clerk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.NotEqual(0, await clerk.Locator("[data-testid=programme-error]").CountAsync()); // not confirmed
        await clerk.GetByLabel("已核对，确定遴选结果（确定后不能重新遴选）", new() { Exact = true }).CheckAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "遴选" }).ClickAsync();
        await clerk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("已确定遴选结果。", await clerk.Locator("[data-testid=programme-message]").InnerTextAsync());
        Assert.Equal("入选", await clerk.Locator("[data-testid='application-李建华'] [data-testid=application-status]").InnerTextAsync());
        await clerk.GetByLabel("已核对，确认公布（姓名脱敏后向社会公开，不能撤回）", new() { Exact = true }).CheckAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "公布遴选结果" }).ClickAsync();
        await clerk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("已公布遴选结果。", await clerk.Locator("[data-testid=programme-message]").InnerTextAsync());
        await clerkContext.CloseAsync();

        // The public result: masked names only.
        var publicContext = await browser.NewContextAsync();
        var visitor = await publicContext.NewPageAsync();
        await visitor.GotoAsync(app.Url("/public/recuperation"));
        await visitor.GetByRole(AriaRole.Link, new() { Name = "第二期" }).ClickAsync();
        var result = await visitor.Locator("[data-testid=published-result]").InnerTextAsync();
        Assert.Contains("李*华", result, StringComparison.Ordinal);
        Assert.DoesNotContain("李建华", await visitor.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotMatch(LatinWords(), await visitor.Locator("main").InnerTextAsync());
        await publicContext.CloseAsync();
    }

    private static async Task<string?> StaffLabelAsync(IPage page, string name)
    {
        foreach (var option in await page.GetByLabel("职工", new() { Exact = true }).Locator("option").AllInnerTextsAsync())
        {
            if (option.StartsWith(name, StringComparison.Ordinal))
            {
                return option;
            }
        }

        return null;
    }

    /// <summary>English words in the UI (an API path or a code example may contain Latin letters, so two words in a row).</summary>
    [GeneratedRegex(@"\b(?!API\b)[A-Za-z]{4,} [A-Za-z]{4,}\b")]
    private static partial Regex LatinWords();
}
