using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// Issue 12's “Done when” in Chromium, as far as built: the worker files a housing + schooling request after the
/// pre-check; the clerk's 受理 is refused naming the missing materials; the worker uploads them and the clerk accepts and routes it; the education officer asks for 补正 (the deadline pauses) and receives
/// the materials; both officers complete their tasks; the clerk closes the request; the worker rates it 不满意 and a rectification
/// appears; the public query shows the stages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WindowPageTests(BrowserFixture browser, BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_housing_and_schooling_request_goes_through_the_window_and_two_departments_to_closure()
    {
        var worker = await PageAsAsync("worker");
        await worker.GotoAsync(app.Url("/window/items/housing"));
        await Assertions.Expect(worker.GetByTestId("pre-check")).ToContainTextAsync("房租补贴");
        await worker.GetByLabel("子女入学（义务教育阶段）安排").CheckAsync();
        await worker.GetByTestId("file-request").ClickAsync();
        await worker.WaitForURLAsync(u => u.Contains("filed=1", StringComparison.Ordinal));
        var requestUrl = worker.Url.Split('?')[0];
        var receipt = await worker.GetByTestId("receipt").InnerTextAsync();
        await Assertions.Expect(worker.GetByTestId("status")).ToHaveTextAsync("已提交");

        // The clerk cannot accept while materials are missing: the message names them.
        var clerk = await PageAsAsync("clerk");
        await clerk.GotoAsync(requestUrl);
        await clerk.GetByTestId("act-accept").ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("action-message")).ToContainTextAsync("申请材料不齐全，不能受理");
        await Assertions.Expect(clerk.GetByTestId("action-message")).ToContainTextAsync("子女出生医学证明或户口簿");
        await Assertions.Expect(clerk.GetByTestId("status")).ToHaveTextAsync("已提交");

        // The worker uploads every required material on the request page.
        foreach (var (code, name) in new[] { ("id-card", "居民身份证"), ("talent-certificate", "高技能领军人才认定证明或荣誉证书"), ("labour-contract", "劳动合同"), ("no-home-proof", "无自有住房证明"), ("birth-certificate", "子女出生医学证明或户口簿") })
        {
            await worker.GetByLabel("材料", new() { Exact = true }).SelectOptionAsync(code);
            await worker.Locator("#material-file").SetInputFilesAsync(new FilePayload { Name = name + ".pdf", MimeType = "application/pdf", Buffer = Gongjiang.Web.Features.Window.WindowDemo.DemoPdf(code) });
            await worker.GetByRole(AriaRole.Button, new() { Name = "上传材料" }).ClickAsync();
            await Assertions.Expect(worker.GetByTestId("material-uploaded")).ToBeVisibleAsync();
            await Assertions.Expect(worker.GetByTestId("material-list")).ToContainTextAsync(name + ".pdf");
        }

        await Assertions.Expect(worker.GetByTestId("missing-materials")).ToHaveTextAsync("所需材料已齐全。");

        await clerk.GotoAsync(requestUrl);
        await clerk.GetByTestId("act-accept").ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("status")).ToHaveTextAsync("已受理");

        // The applicant downloads the 受理回执 from the request page.
        await worker.GotoAsync(requestUrl);
        var download = await worker.RunAndWaitForDownloadAsync(() => worker.GetByTestId("receipt-pdf").ClickAsync());
        Assert.Equal("受理回执-" + receipt + ".pdf", download.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.StartsWith("%PDF-", System.Text.Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);

        await clerk.GetByTestId("act-route").ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("status")).ToHaveTextAsync("办理中");
        await Assertions.Expect(clerk.GetByTestId("tasks")).ToContainTextAsync("住房城乡建设");
        await Assertions.Expect(clerk.GetByTestId("tasks")).ToContainTextAsync("教育");

        var education = await PageAsAsync("dept-edu");
        await education.GotoAsync(app.Url("/window/inbox"));
        await education.GetByRole(AriaRole.Link, new() { Name = receipt }).ClickAsync();
        await education.GetByRole(AriaRole.Button, new() { Name = "签收办理" }).ClickAsync();
        await education.GetByLabel("意见或补正内容").FillAsync("请补正子女出生医学证明");
        await education.GetByRole(AriaRole.Button, new() { Name = "提出补正" }).ClickAsync();
        await Assertions.Expect(education.GetByTestId("status")).ToHaveTextAsync("补正中");
        await Assertions.Expect(education.GetByTestId("deadline").First).ToContainTextAsync("暂停");
        await education.GetByRole(AriaRole.Button, new() { Name = "补正材料已收到" }).ClickAsync();
        await Assertions.Expect(education.GetByTestId("status")).ToHaveTextAsync("办理中");
        await education.GetByLabel("意见或补正内容").FillAsync("同意安排入学");
        await education.GetByRole(AriaRole.Button, new() { Name = "办结" }).ClickAsync();
        await Assertions.Expect(education.GetByTestId("action-message")).ToHaveTextAsync("已办结");

        var housing = await PageAsAsync("dept");
        await housing.GotoAsync(requestUrl);
        await housing.GetByRole(AriaRole.Button, new() { Name = "签收办理" }).ClickAsync();
        await housing.GetByLabel("意见或补正内容").FillAsync("同意发放房租补贴");
        await housing.GetByRole(AriaRole.Button, new() { Name = "办结" }).ClickAsync();
        await Assertions.Expect(housing.GetByTestId("action-message")).ToHaveTextAsync("已办结");

        await clerk.GotoAsync(requestUrl);
        await clerk.GetByLabel("理由或说明").FillAsync("各部门均同意，准予办理");
        await clerk.GetByLabel("办结结果").SelectOptionAsync("Granted");
        await clerk.GetByTestId("act-close").ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("status")).ToHaveTextAsync("办结（准予）");

        await worker.GotoAsync(requestUrl);
        await worker.GetByLabel("不满意", new() { Exact = true }).CheckAsync();
        await worker.GetByLabel("意见和建议").FillAsync("等待时间太长");
        await worker.GetByTestId("rate").ClickAsync();
        await Assertions.Expect(worker.GetByTestId("rectification")).ToContainTextAsync("整改");

        var visitor = await (await browser.NewContextAsync()).NewPageAsync();
        await visitor.GotoAsync(app.Url("/window/progress?receipt=" + receipt + "&name=" + Uri.EscapeDataString("李建华")));
        await Assertions.Expect(visitor.GetByTestId("progress-status")).ToHaveTextAsync("已评价（准予）");
        await Assertions.Expect(visitor.GetByTestId("progress-stages")).ToContainTextAsync("已受理");
        await Assertions.Expect(visitor.GetByTestId("progress-stages")).ToContainTextAsync("补正");
        await visitor.GotoAsync(app.Url("/window/progress?receipt=" + receipt + "&name=" + Uri.EscapeDataString("张三")));
        await Assertions.Expect(visitor.GetByTestId("progress-not-found")).ToBeVisibleAsync();
    }

    private async Task<IPage> PageAsAsync(string user)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, user);
        return page;
    }
}
