using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Web.Features.Publication.Data;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Gongjiang.Web.Tests.Publication;
using Gongjiang.Web.Tests.Publication.Public;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// What users expected and did not find: a region picker instead of six-digit codes, a QR code for the second factor,
/// XLSX downloads of the department list and of the statistics (defused, audited, ID numbers masked), and a public
/// lookup of an objection by its receipt number.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExpectedFeaturesTests(BrowserFixture browser, BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_person_search_offers_the_jurisdictions_regions_by_name()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "clerk");
        await page.GotoAsync(app.Url("/registry/persons"));

        var options = await page.Locator("#region option").AllTextContentsAsync();
        Assert.Contains("广东省深圳市（全部）", options);
        Assert.Contains("　福田区", options);
        Assert.DoesNotContain(options, o => o.Contains("广州", StringComparison.Ordinal) || o.Contains("天河", StringComparison.Ordinal));
        await page.GetByLabel("所在地区").SelectOptionAsync("440304"); // 福田区
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);

        Assert.Contains("region=440304", page.Url, StringComparison.Ordinal);
        Assert.Equal(["陈志强"], await page.Locator("[data-testid=persons] tbody td:first-child").AllInnerTextsAsync());
        Assert.Equal("440304", await page.GetByLabel("所在地区").InputValueAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task Setting_up_the_second_factor_shows_a_QR_code_of_the_otpauth_link()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "dept");
        await page.GotoAsync(app.Url("/account/2fa"));

        var qr = page.Locator("[data-testid=totp-qr]");
        var src = await qr.GetAttributeAsync("src");
        Assert.StartsWith("data:image/png;base64,", src, StringComparison.Ordinal);
        var png = Convert.FromBase64String(src!["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png.Take(4));
        Assert.True(await qr.EvaluateAsync<int>("img => img.naturalWidth") > 100, "the image decodes");
        Assert.Contains("otpauth://totp/", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_department_list_and_the_statistics_download_as_audited_workbooks()
    {
        await PublicationScenario.PublishShenzhenAsync(app.App, "2025-Q3");
        await using (var db = app.App.CreateContext(Actor.System("test")))
        {
            // A name that a spreadsheet would run as a formula.
            var entry = await db.Set<PublicationEntry>().FirstAsync(e => e.Name == "陈志强");
            entry.EmployerName = "=HYPERLINK(\"http://x\")";
            await db.SaveChangesAsync();
        }

        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "dept");
        await page.GotoAsync(app.Url("/feeds/talents"));
        var feedHref = await page.Locator("[data-testid=feed-export]").GetAttributeAsync("href");
        var feed = await page.APIRequest.GetAsync(app.Url(feedHref!));
        Assert.Equal(200, feed.Status);
        var feedText = PublicCatalogApiTests.XlsxText(await feed.BodyAsync());
        Assert.Contains("公民身份号码（脱敏）", feedText, StringComparison.Ordinal);
        Assert.Contains("李建华", feedText, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", feedText, StringComparison.Ordinal);
        foreach (var (_, number) in DemoData.DemoIdNumbers)
        {
            Assert.DoesNotContain(number, feedText, StringComparison.Ordinal);
        }

        await page.GotoAsync(app.Url("/registry/statistics"));
        var statsHref = await page.Locator("[data-testid=stats-export]").GetAttributeAsync("href");
        var stats = await page.APIRequest.GetAsync(app.Url(statsHref!));
        Assert.Equal(200, stats.Status);
        var statsText = PublicCatalogApiTests.XlsxText(await stats.BodyAsync());
        Assert.Contains("县（市、区）", statsText, StringComparison.Ordinal); // the header of the region sheet
        Assert.Contains("其中高技能领军人才（人）", statsText, StringComparison.Ordinal);
        Assert.Contains("福田区", statsText, StringComparison.Ordinal);

        await using (var db = app.App.CreateContext(Actor.System("test")))
        {
            var exports = await db.AuditEntries.Where(e => e.Action == AuditActions.Export && e.ActorName == "dept").Select(e => e.EntityType).ToListAsync();
            Assert.Contains("PublicationFeed", exports);
            Assert.Contains("RegistryStatistics", exports);
        }

        await context.CloseAsync();
    }

    [Fact]
    public async Task The_public_looks_up_an_objection_by_its_receipt_number()
    {
        await DemoTalents.ListAsync(app.App, DemoData.GuangzhouPersonId);
        var id = await PublicationScenario.PrepareAndNoticeAsync(app.App, "2025-Q2", preparer: "clerk2");
        Guid entry;
        await using (var db = app.App.CreateContext(Actor.System("test")))
        {
            entry = await db.Set<PublicationEntry>().Where(e => e.PublicationId == id).Select(e => e.Id).FirstAsync();
        }

        using var anonymous = app.App.CreateClient();
        var filed = await anonymous.PostAsJsonAsync($"/api/v1/public/publications/{id}/objections", new { entryId = entry, name = "钱女士", contact = "13512345678", reason = "该同志津贴已终止，请核实。" });
        var receipt = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receiptNumber").GetString()!;

        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Url("/public/objections"));
        await page.GetByLabel("受理编号", new() { Exact = true }).FillAsync(receipt);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("正在核实处理", await page.Locator("[data-testid=objection-state]").InnerTextAsync());
        var card = await page.Locator("[data-testid=objection-status]").InnerTextAsync();
        Assert.Contains("张伟", card, StringComparison.Ordinal);
        Assert.DoesNotContain("钱女士", card, StringComparison.Ordinal);
        Assert.DoesNotContain("13512345678", await page.ContentAsync(), StringComparison.Ordinal);

        using (var clerk2 = await app.App.ApiAsAsync("clerk2"))
        {
            var objection = (await clerk2.GetFromJsonAsync<JsonElement>($"/api/v1/publications/{id}/objections"))[0].GetProperty("id").GetGuid();
            var decided = await clerk2.PostAsJsonAsync($"/api/v1/publications/objections/{objection}/decision", new { decision = "Rejected", reason = "经核实津贴仍有效" });
            Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);
        }

        await page.ReloadAsync();
        Assert.StartsWith("异议不成立", await page.Locator("[data-testid=objection-state]").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync(app.Url("/public/objections?receipt=YY20200101000000"));
        Assert.True(await page.Locator("[data-testid=objection-not-found]").IsVisibleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/public/objections/YY20200101000000")).StatusCode);
        Assert.Equal("异议不成立", (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/public/objections/{receipt}")).GetProperty("status").GetString());
        await context.CloseAsync();
    }
}
