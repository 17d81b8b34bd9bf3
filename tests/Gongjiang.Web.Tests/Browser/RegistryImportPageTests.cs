using System.Text;
using Gongjiang.Web.Tests.Infrastructure;
using Gongjiang.Web.Tests.Registry;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>A clerk imports a messy roster and an honours list through the page and finds the leading talents.</summary>
public abstract class RegistryImportPageTests(BrowserFixture browser, BrowserApp app)
{
    [Fact]
    public async Task Clerk_imports_roster_and_honours_downloads_the_error_report_and_finds_the_leading_talents()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var context = await browser.NewContextAsync(new() { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "clerk");

        // 1. The roster, saved by an office suite in GBK, with title rows and aliases.
        await page.GetByRole(AriaRole.Link, new() { Name = "名册导入" }).ClickAsync();
        await page.GetByLabel("导入类型").SelectOptionAsync("roster");
        await page.GetByLabel("文件（CSV 或 XLSX，不超过 512 MB）").SetInputFilesAsync(new FilePayload
        {
            Name = "深圳市高技能人才名册.csv",
            MimeType = "text/csv",
            Buffer = Encoding.GetEncoding("GBK").GetBytes(RegistryImportTests.MessyRoster()),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/registry/imports/", StringComparison.Ordinal) && !u.EndsWith("/imports", StringComparison.Ordinal));

        Assert.Equal("2", await page.Locator("[data-testid=accepted]").InnerTextAsync());
        Assert.Equal("4", await page.Locator("[data-testid=rejected]").InnerTextAsync());
        Assert.Equal("1", await page.Locator("[data-testid=duplicates]").InnerTextAsync());
        Assert.Contains("校验码", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);

        // 2. The error report downloads as CSV.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=error-report]").ClickAsync());
        var path = await download.PathAsync();
        var report = await File.ReadAllTextAsync(path!, Encoding.UTF8);
        Assert.Contains("行号,列,值,原因", report, StringComparison.Ordinal);
        Assert.Contains("不在您的管辖范围", report, StringComparison.Ordinal);

        // 3. The honours list.
        await page.GotoAsync(app.Url("/registry/imports"));
        await page.GetByLabel("导入类型").SelectOptionAsync("honours");
        await page.GetByLabel("文件（CSV 或 XLSX，不超过 512 MB）").SetInputFilesAsync(new FilePayload
        {
            Name = "荣誉名单.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(RegistryImportTests.Honours()),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/registry/imports/", StringComparison.Ordinal) && !u.EndsWith("/imports", StringComparison.Ordinal));
        Assert.Equal("3", await page.Locator("[data-testid=accepted]").InnerTextAsync());

        // 4. The leading talents, with their bases, and a person's page.
        // Imported people who meet the definition show their bases; they are not yet in the database (未提名).
        await page.GotoAsync(app.Url("/registry/persons?status=NotInRegistry"));
        var table = await page.Locator("[data-testid=persons]").InnerTextAsync();
        Assert.Contains("2019年全国技术能手", table, StringComparison.Ordinal);
        Assert.Contains("国务院政府特殊津贴", table, StringComparison.Ordinal);
        Assert.DoesNotContain(RegistryImportTests.Id("44030519800101123"), table, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "钱二" }).ClickAsync();
        var determination = await page.Locator("[data-testid=determination]").InnerTextAsync();
        Assert.Contains("属于高技能领军人才", determination, StringComparison.Ordinal);
        Assert.Contains("已于2022年5月1日撤销", determination, StringComparison.Ordinal);

        // 5. A clerk may reveal the full number; the page shows it after the audited action.
        await page.GetByRole(AriaRole.Button, new() { Name = "显示完整号码（将记入审计日志）" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(RegistryImportTests.Id("44030519850202234"), await page.Locator("[data-testid=id-number]").InnerTextAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_file_that_is_not_a_table_is_refused_on_the_page_with_a_Chinese_reason()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "clerk");
        await page.GotoAsync(app.Url("/registry/imports"));

        await page.GetByLabel("文件（CSV 或 XLSX，不超过 512 MB）").SetInputFilesAsync(new FilePayload { Name = "scan.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n\0\0\0\0binary\0\0\0") });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Contains("文件无法导入", await page.Locator("[data-testid=file-error]").InnerTextAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class RegistryImportPageTestsOnPostgres(BrowserFixture browser, BrowserApp app) : RegistryImportPageTests(browser, app), IClassFixture<BrowserApp>;

[Collection(BrowserCollection.Sqlite)]
public sealed class RegistryImportPageTestsOnSqlite(BrowserFixture browser, BrowserApp.OnSqlite app) : RegistryImportPageTests(browser, app), IClassFixture<BrowserApp.OnSqlite>;
