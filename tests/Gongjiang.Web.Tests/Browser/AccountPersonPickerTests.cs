using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// A 技术工人 account is created on the page with a person picker (search by name or full ID number within the
/// administrator's scope, shown masked), without JavaScript, and the page says the account was created.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountPersonPickerTests(BrowserFixture browser, BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Administrator_creates_a_worker_account_by_picking_the_person()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "admin");
        await page.GotoAsync(app.Url("/admin/accounts/new"));

        await page.GetByLabel("用户名").FillAsync("wangxiuying");
        await page.GetByLabel("姓名", new() { Exact = true }).FillAsync("王秀英");
        await page.GetByLabel("角色").SelectOptionAsync(Roles.Worker);
        await page.GetByLabel("管辖范围").SelectOptionAsync("440300"); // the region picker, by code
        await page.GetByLabel("初始密码").FillAsync("Worker#Pass2026");

        // Saving without a person says what to do.
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("请在“关联人员”中按姓名或公民身份号码查找并选择", await page.Locator("[data-testid=person-picker]").InnerTextAsync(), StringComparison.Ordinal);

        // By full ID number: found by its hash, shown masked.
        var number = DemoData.DemoIdNumbers.Single(d => d.Id == DemoData.ShenzhenColleagueId).Number;
        await page.GetByLabel("姓名或公民身份号码").FillAsync(number);
        await page.GetByRole(AriaRole.Button, new() { Name = "查找人员" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        var picker = await page.Locator("[data-testid=person-picker]").InnerTextAsync();
        Assert.Contains("王秀英", picker, StringComparison.Ordinal);
        Assert.DoesNotContain(number, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal("wangxiuying", await page.GetByLabel("用户名").InputValueAsync()); // the form kept what was typed

        // By name.
        await page.GetByLabel("姓名或公民身份号码").FillAsync("王秀");
        await page.GetByRole(AriaRole.Button, new() { Name = "查找人员" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.GetByRole(AriaRole.Radio, new() { Name = "王秀英" }).CheckAsync();
        await page.GetByLabel("初始密码").FillAsync("Worker#Pass2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("created=1", StringComparison.Ordinal));

        Assert.Contains("已创建", await page.Locator("[data-testid=created]").InnerTextAsync(), StringComparison.Ordinal);
        await using var db = app.App.CreateContext(Actor.System("test"));
        var account = await db.Users.SingleAsync(u => u.UserName == "wangxiuying");
        Assert.Equal(DemoData.ShenzhenColleagueId, account.PersonId);
        Assert.Equal(Roles.Worker, account.Role);
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_picker_finds_nobody_outside_the_administrators_scope()
    {
        await using (var db = app.App.CreateContext(Actor.System("test")))
        {
            var admin = await db.Users.SingleAsync(u => u.UserName == "admin");
            var guangzhouAdmin = new AppUser { UserName = "gzadmin", DisplayName = "广州管理员", Role = Roles.Administrator, RegionCode = "440100", SecurityStamp = Guid.NewGuid().ToString(), PasswordHash = admin.PasswordHash, CreatedAt = DateTimeOffset.UtcNow };
            guangzhouAdmin.NormalizedUserName = "GZADMIN";
            db.Users.Add(guangzhouAdmin);
            await db.SaveChangesAsync();
        }

        var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "gzadmin");
        await page.GotoAsync(app.Url("/admin/accounts/new"));
        await page.GetByLabel("姓名或公民身份号码").FillAsync("李建华");
        await page.GetByRole(AriaRole.Button, new() { Name = "查找人员" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);

        Assert.True(await page.Locator("[data-testid=no-person]").IsVisibleAsync());
        await context.CloseAsync();
    }
}
