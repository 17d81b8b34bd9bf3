using System.Text;
using Gongjiang.Core.Standards;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// The import result page: a file named .xlsx that is not a workbook gets a clear Chinese message (no “junk.xlsx（）”,
/// no empty problem list); a mistyped ID number or mobile number is masked in the problem list and the error report.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportResultPageTests(BrowserFixture browser, BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_text_file_named_xlsx_is_refused_with_a_clear_message()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "clerk");

        await UploadAsync(page, "junk.xlsx", Encoding.UTF8.GetBytes("这不是表格，只是一段文字\r\n第二行"));

        var fileError = await page.Locator("[data-testid=file-error]").InnerTextAsync();
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("不是 Excel 工作簿", fileError, StringComparison.Ordinal);
        Assert.Contains("未作任何更改", fileError, StringComparison.Ordinal);
        Assert.DoesNotContain("（）", main, StringComparison.Ordinal);
        Assert.DoesNotContain("问题清单", main, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=import-errors]").CountAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_mistyped_id_number_and_mobile_are_masked_in_the_table_and_the_report()
    {
        const string Body = "44030519800101123";
        var wrong = Body + (CitizenIdNumber.ComputeCheckCharacter(Body) == "0" ? "1" : "0");
        var credit = "91440305MA5G0001" + UnifiedSocialCreditCode.ComputeOrganizationCodeCheck("MA5G0001");
        credit += UnifiedSocialCreditCode.ComputeCheckCharacter(credit);
        var csv = "姓名,公民身份号码,手机号码,工作单位,统一社会信用代码,职业（工种）\r\n" +
            $"赵一,{wrong},1391234567,深圳市南山精工有限公司,{credit},数控车工\r\n";

        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "clerk");
        await UploadAsync(page, "名册.csv", Encoding.UTF8.GetBytes(csv));

        var table = await page.Locator("[data-testid=import-errors]").InnerTextAsync();
        Assert.Contains("校验码", table, StringComparison.Ordinal);
        Assert.Contains(CitizenIdNumber.Mask(wrong), table, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("1391234567", await page.ContentAsync(), StringComparison.Ordinal);

        var report = await page.APIRequest.GetAsync(app.Url(page.Url[app.BaseAddress.ToString().Length..] + "/errors.csv"));
        var text = await report.TextAsync();
        Assert.Contains("校验码", text, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, text, StringComparison.Ordinal);
        Assert.DoesNotContain("1391234567", text, StringComparison.Ordinal);
        await context.CloseAsync();
    }

    private async Task UploadAsync(IPage page, string fileName, byte[] content)
    {
        await page.GotoAsync(app.Url("/registry/imports"));
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/octet-stream", Buffer = content });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => System.Text.RegularExpressions.Regex.IsMatch(u, "/registry/imports/[0-9a-f-]{36}$"));
    }
}
