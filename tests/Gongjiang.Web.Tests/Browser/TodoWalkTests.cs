using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Gongjiang.Web.Features.Publication.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Gongjiang.Web.Tests.Publication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// The 待办 list on the home page, walked in Chromium: the employer confirms its worker in the yearly review; the
/// clerk checks it, decides an objection, approves a publication prepared by a colleague, and sees a failed import.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TodoWalkTests(BrowserFixture browser, BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Clerk_and_employer_work_through_their_todo_lists()
    {
        // What waits: a review of 李建华, a publication prepared by the reviewer with an objection, a failed import.
        await DemoTalents.ListAsync(app.App, DemoData.WorkerPersonId);
        using (var clerkApi = await app.App.ApiAsAsync("clerk"))
        {
            var start = await clerkApi.PostAsJsonAsync("/api/v1/registry/reviews", new { year = DateTime.UtcNow.AddHours(8).Year, dueDate = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
            Assert.True(start.IsSuccessStatusCode, await start.Content.ReadAsStringAsync());
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("不是表格"));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", "junk.xlsx");
            form.Add(new StringContent("roster"), "kind");
            await clerkApi.PostAsync("/api/v1/registry/imports", form);
        }

        var publication = await PublicationScenario.PrepareAndNoticeAsync(app.App, "2025-Q4", preparer: "reviewer");
        Guid entry;
        await using (var db = app.App.CreateContext(Actor.System("test")))
        {
            entry = await db.Set<PublicationEntry>().Where(e => e.PublicationId == publication && e.Name == "李建华").Select(e => e.Id).SingleAsync();
        }

        using (var anonymous = app.App.CreateClient())
        {
            var filed = await anonymous.PostAsJsonAsync($"/api/v1/public/publications/{publication}/objections", new { entryId = entry, name = "赵先生", contact = "13912345678", reason = "该同志已调离本市，请核实。" });
            Assert.True(filed.IsSuccessStatusCode, await filed.Content.ReadAsStringAsync());
        }

        PublicationScenario.PassNoticePeriod(app.App);

        // The employer: one person to confirm, then nothing.
        var employerContext = await browser.NewContextAsync();
        var employer = await employerContext.NewPageAsync();
        await employer.SignInAsync(app.BaseAddress, "employer");
        await employer.GotoAsync(app.Url("/"));
        var employerTodos = await employer.Locator("[data-testid=todo-item]").AllInnerTextsAsync();
        Assert.Equal(["年度复核：待确认人员现状 1 人：" + DateTime.UtcNow.AddHours(8).Year + "年度 广东省深圳市"], employerTodos);
        await employer.GetByRole(AriaRole.Link, new() { Name = "年度复核：待确认人员现状" }).ClickAsync();
        await employer.Locator("tr", new() { HasText = "李建华" }).GetByLabel("人员现状").SelectOptionAsync("StillEmployed");
        await employer.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await employer.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await employer.GotoAsync(app.Url("/"));
        Assert.True(await employer.Locator("[data-testid=todo-empty]").IsVisibleAsync());
        await employerContext.CloseAsync();

        // The clerk: an objection, an approval, a check, a failed import.
        var clerkContext = await browser.NewContextAsync();
        var clerk = await clerkContext.NewPageAsync();
        await clerk.SignInAsync(app.BaseAddress, "clerk");
        await clerk.GotoAsync(app.Url("/"));
        var clerkTodos = string.Join("\n", await clerk.Locator("[data-testid=todo-item]").AllInnerTextsAsync());
        Assert.Contains("待处理的异议 1 件", clerkTodos, StringComparison.Ordinal);
        Assert.Contains("公示期满、待复核公布 1 期", clerkTodos, StringComparison.Ordinal);
        Assert.Contains("年度复核：用人单位已确认、待核查 1 人", clerkTodos, StringComparison.Ordinal);
        Assert.Contains("导入失败的文件 1 个：人员名册：junk.xlsx", clerkTodos, StringComparison.Ordinal);

        await clerk.GetByRole(AriaRole.Link, new() { Name = "年度复核：用人单位已确认、待核查" }).ClickAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "核查通过" }).ClickAsync();
        await clerk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("已核查。", await clerk.Locator("[data-testid=review-message]").InnerTextAsync());

        await clerk.GotoAsync(app.Url("/"));
        await clerk.GetByRole(AriaRole.Link, new() { Name = "待处理的异议" }).ClickAsync();
        Assert.Equal("139****5678", await clerk.Locator("[data-testid=objector-contact]").InnerTextAsync()); // masked until asked for
        Assert.DoesNotContain("13912345678", await clerk.ContentAsync(), StringComparison.Ordinal);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "显示异议人完整联系方式（将留痕）" }).ClickAsync();
        await clerk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("13912345678", await clerk.Locator("[data-testid=objector-contact]").InnerTextAsync());
        var objections = clerk.Locator("[data-testid=objections]");
        await objections.GetByLabel("处理结果").SelectOptionAsync("Rejected");
        await objections.GetByLabel("处理理由").FillAsync("经核实，该同志仍在本市工作");
        await objections.GetByRole(AriaRole.Button, new() { Name = "提交处理" }).ClickAsync();
        await clerk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("已处理该异议。", await clerk.Locator("[data-testid=publication-message]").InnerTextAsync());

        await clerk.GotoAsync(app.Url("/"));
        await clerk.GetByRole(AriaRole.Link, new() { Name = "公示期满、待复核公布" }).ClickAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "复核公布" }).ClickAsync();
        await clerk.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("已复核公布。", await clerk.Locator("[data-testid=publication-message]").InnerTextAsync());

        await clerk.GotoAsync(app.Url("/"));
        var left = await clerk.Locator("[data-testid=todo-item]").AllInnerTextsAsync();
        Assert.Equal(["导入失败的文件 1 个：人员名册：junk.xlsx"], left);
        await clerk.GetByRole(AriaRole.Link, new() { Name = "导入失败的文件" }).ClickAsync();
        Assert.Contains("不是 Excel 工作簿", await clerk.Locator("[data-testid=file-error]").InnerTextAsync(), StringComparison.Ordinal);
        await clerkContext.CloseAsync();
    }
}
