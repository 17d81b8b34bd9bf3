using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// Issue 14 “Done when” (as far as built): the clerk issues a certificate on the page and it raises the level; the public
/// verifies it by number and name and by the QR link (masked name); a bad certificate is refused in Chinese; the worker
/// sees the next level and the title they may apply for.
/// </summary>
public abstract class SkillsPageTests(BrowserFixture browser, BrowserApp app)
{
    [Fact]
    public async Task Clerk_issues_a_certificate_the_public_verifies_it_by_number_and_by_the_QR_link()
    {
        var year = DateTime.UtcNow.AddHours(8).ToString("yy", System.Globalization.CultureInfo.InvariantCulture);
        var number = $"S000044030001{year}2000777";
        var idNumber = DemoData.DemoIdNumbers.Single(d => d.Id == DemoData.ShenzhenColleagueId).Number;
        var context = await browser.NewContextAsync();
        var clerk = await context.NewPageAsync();
        await clerk.SignInAsync(app.BaseAddress, "clerk");
        await clerk.GotoAsync(app.Url("/skills/certificates"));

        // A level that skips the ladder is refused, nothing issued.
        await clerk.GetByLabel("持证人公民身份号码").FillAsync(idNumber);
        await clerk.GetByLabel("等级").SelectOptionAsync(new SelectOptionValue { Label = "高级技师（一级）" });
        await clerk.GetByLabel("证书编号（22位").FillAsync($"S000044030001{year}1000778");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "颁发", Exact = true }).ClickAsync();
        await clerk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("须先取得技师（二级）", await clerk.Locator("[data-testid=errors]").InnerTextAsync(), StringComparison.Ordinal);

        await clerk.GetByLabel("持证人公民身份号码").FillAsync(idNumber);
        await clerk.GetByLabel("等级").SelectOptionAsync(new SelectOptionValue { Label = "技师（二级）" });
        await clerk.GetByLabel("证书编号（22位").FillAsync(number);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "颁发", Exact = true }).ClickAsync();
        await clerk.WaitForURLAsync(u => u.Contains("issued=1", StringComparison.Ordinal));
        Assert.Equal(number, await clerk.Locator("[data-testid=number]").InnerTextAsync());
        Assert.Equal("有效", await clerk.Locator("[data-testid=status]").InnerTextAsync());
        Assert.True(await clerk.Locator("[data-testid=qr]").IsVisibleAsync());
        var link = await clerk.Locator("[data-testid=verify-link]").GetAttributeAsync("href");

        // The person's level in the registry follows.
        await clerk.GotoAsync(app.Url($"/registry/persons/{DemoData.ShenzhenColleagueId}"));
        Assert.Contains("技师（二级）", await clerk.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await context.CloseAsync();

        // The public: the QR link, then the form.
        var publicContext = await browser.NewContextAsync();
        var visitor = await publicContext.NewPageAsync();
        await visitor.GotoAsync(link!);
        Assert.Equal("证书有效", await visitor.Locator("[data-testid=status]").InnerTextAsync());
        Assert.Equal("王**", await visitor.Locator("[data-testid=masked-name]").InnerTextAsync());
        Assert.DoesNotContain(idNumber, await visitor.ContentAsync(), StringComparison.Ordinal);

        await visitor.GotoAsync(app.Url("/public/certificates"));
        await visitor.GetByLabel("证书编号").FillAsync(number);
        await visitor.GetByLabel("持证人姓名").FillAsync("王秀英");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await visitor.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("证书有效", await visitor.Locator("[data-testid=status]").InnerTextAsync());

        await visitor.GetByLabel("持证人姓名").FillAsync("李建华");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await visitor.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(await visitor.Locator("[data-testid=not-found]").IsVisibleAsync());
        await publicContext.CloseAsync();
    }

    [Fact]
    public async Task Clerk_batch_issues_from_a_file_a_bad_row_issues_nothing_and_its_report_is_linked()
    {
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var year = today[2..4];
        var idNumber = DemoData.DemoIdNumbers.Single(d => d.Id == DemoData.ShenzhenMetroPersonId).Number;
        var number = $"S000044030001{year}5000881";
        var header = "公民身份号码,姓名,职业（工种）编码,等级,证书编号,发证日期\r\n";
        var row = $"{idNumber},,6-18-02-04,五级,{number},{today}\r\n";
        var context = await browser.NewContextAsync();
        var clerk = await context.NewPageAsync();
        await clerk.SignInAsync(app.BaseAddress, "clerk");
        await clerk.GotoAsync(app.Url("/skills/certificates"));

        // The same number twice: nothing issued, the second row named, the report linked.
        await clerk.GetByLabel("文件（CSV 或 XLSX").SetInputFilesAsync(new FilePayload
        {
            Name = "证书.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(header + row + row),
        });
        await clerk.GetByRole(AriaRole.Button, new() { Name = "上传并颁发" }).ClickAsync();
        await clerk.WaitForURLAsync(u => u.Contains("batchReport=", StringComparison.Ordinal));
        var problems = await clerk.Locator("[data-testid=batch-problems]").InnerTextAsync();
        Assert.Contains("未颁发任何证书", problems, StringComparison.Ordinal);
        Assert.Contains("第3行“证书编号”", problems, StringComparison.Ordinal);
        var report = await clerk.GetByRole(AriaRole.Link, new() { Name = "下载错误报告（CSV）" }).GetAttributeAsync("href");
        var download = await clerk.APIRequest.GetAsync(app.Url(report!));
        Assert.Equal(200, download.Status);
        Assert.Contains("证书编号与第2行重复", await download.TextAsync(), StringComparison.Ordinal);

        await clerk.GetByLabel("文件（CSV 或 XLSX").SetInputFilesAsync(new FilePayload
        {
            Name = "证书.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes(header + row),
        });
        await clerk.GetByRole(AriaRole.Button, new() { Name = "上传并颁发" }).ClickAsync();
        await clerk.WaitForURLAsync(u => u.Contains("batchIssued=1", StringComparison.Ordinal));
        Assert.Equal("已批量颁发1本证书。", await clerk.Locator("[data-testid=batch-issued]").InnerTextAsync());
        Assert.Contains(number, await clerk.Locator("[data-testid=certificates]").InnerTextAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Worker_sees_the_next_level_and_the_title_they_may_apply_for()
    {
        var context = await browser.NewContextAsync();
        var worker = await context.NewPageAsync();
        await worker.SignInAsync(app.BaseAddress, "worker");
        await worker.FollowMenuAsync("技能评价", "晋升与职称比照");
        await worker.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Contains("高级技师（一级）", await worker.Locator("[data-testid=next-level-summary]").First.InnerTextAsync(), StringComparison.Ordinal);

        // 技师 since 2021-07-15: 工程师 after 3 years (人社部 2018 engineering-track opinion).
        Assert.Contains("工程师：依据技师（二级）", await worker.Locator("[data-testid=titles]").InnerTextAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class SkillsPageTestsOnPostgres(BrowserFixture browser, BrowserApp app) : SkillsPageTests(browser, app), IClassFixture<BrowserApp>;

[Collection(BrowserCollection.Sqlite)]
public sealed class SkillsPageTestsOnSqlite(BrowserFixture browser, BrowserApp.OnSqlite app) : SkillsPageTests(browser, app), IClassFixture<BrowserApp.OnSqlite>;
