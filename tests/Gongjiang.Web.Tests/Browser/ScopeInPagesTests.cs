using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>The jurisdiction scope seen through the pages.</summary>
public abstract class ScopeInPagesTests(BrowserFixture browser, BrowserApp app)
{
    [Fact]
    public async Task Guangzhou_clerk_cannot_open_or_find_a_Shenzhen_person_page()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "clerk2");

        await page.GotoAsync(app.Url($"/registry/persons/{DemoData.WorkerPersonId}"));
        var notFound = await page.Locator("[data-testid=not-found]").InnerTextAsync();
        await page.GotoAsync(app.Url("/registry/persons?q=" + Uri.EscapeDataString("李建华")));
        var rows = await page.Locator("[data-testid=persons] tbody tr").CountAsync();

        Assert.Contains("不在您的管辖范围内", notFound, StringComparison.Ordinal);
        Assert.Equal(0, rows);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Worker_sees_only_their_own_record()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "worker");

        await page.GetByRole(AriaRole.Link, new() { Name = "我的档案" }).ClickAsync();
        var names = await page.Locator("[data-testid=persons] tbody td:first-child").AllInnerTextsAsync();
        await page.GotoAsync(app.Url($"/registry/persons/{DemoData.ShenzhenColleagueId}"));

        Assert.Equal(["李建华"], names);
        Assert.True(await page.Locator("[data-testid=not-found]").IsVisibleAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task Clerk_edits_a_person_and_bad_input_is_named_without_losing_the_record()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "clerk");
        await page.GotoAsync(app.Url($"/registry/persons/{DemoData.ShenzhenMetroPersonId}"));

        await page.GetByLabel("手机号码（留空表示无）").FillAsync("１２３");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var error = await page.Locator(".field-error").InnerTextAsync();
        var stillThere = await page.Locator(".facts").InnerTextAsync();

        await page.GetByLabel("手机号码（留空表示无）").FillAsync("139 2222 3333");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Contains("手机号码", error, StringComparison.Ordinal);
        Assert.Contains("136****1111", stillThere, StringComparison.Ordinal);
        Assert.True(await page.Locator("[data-testid=saved]").IsVisibleAsync());
        Assert.Contains("139****3333", await page.Locator(".facts").InnerTextAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_verifies_the_audit_chain_on_the_page()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "admin");
        await page.GotoAsync(app.Url("/admin/audit"));

        await page.GetByRole(AriaRole.Button, new() { Name = "核验整条哈希链" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Contains("审计日志完整", await page.Locator("[data-testid=verify-result]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("登录", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Administrator_creating_an_account_with_bad_input_sees_each_field_named()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "admin");
        await page.GotoAsync(app.Url("/admin/accounts/new"));

        await page.GetByLabel("用户名").FillAsync("新 用户");
        // 管辖范围 is a region picker now; left at “请选择”, it is named as missing.
        await page.GetByLabel("初始密码").FillAsync("abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var errors = await page.Locator(".field-error").AllInnerTextsAsync();

        Assert.Contains(errors, e => e.Contains("用户名应为", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("姓名不能为空", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("请选择角色", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("管辖范围不能为空", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("密码至少需要8个字符", StringComparison.Ordinal));
        await context.CloseAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class ScopeInPagesTestsOnPostgres(BrowserFixture browser, BrowserApp app) : ScopeInPagesTests(browser, app), IClassFixture<BrowserApp>;

[Collection(BrowserCollection.Sqlite)]
public sealed class ScopeInPagesTestsOnSqlite(BrowserFixture browser, BrowserApp.OnSqlite app) : ScopeInPagesTests(browser, app), IClassFixture<BrowserApp.OnSqlite>;

/// <summary>Tampering with a form to reach another jurisdiction's record, and the audited export.</summary>
public abstract class PageTamperingTests(BrowserFixture browser, BrowserApp app)
{
    [Fact]
    public async Task Guangzhou_clerk_who_retargets_the_edit_form_at_a_Shenzhen_person_changes_nothing()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "clerk2");
        await page.GotoAsync(app.Url($"/registry/persons/{DemoData.GuangzhouPersonId}"));

        // Point the (valid, antiforgery-protected) form at the Shenzhen worker's page and submit it.
        await page.EvaluateAsync($"document.getElementById('name').form.setAttribute('action', '/registry/persons/{DemoData.WorkerPersonId}')");
        await page.GetByLabel("姓名").FillAsync("越权改名");
        var response = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync(), r => r.Request.Method == "POST");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // The form is not even rendered for a record outside scope, so the post is refused before any handler runs.
        Assert.Equal(400, response!.Status);
        await using var db = app.App.CreateContext(Gongjiang.Web.Platform.Identity.Actor.System("test"));
        var person = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Set<Gongjiang.Web.Features.Registry.Data.Person>(), p => p.Id == DemoData.WorkerPersonId);
        Assert.Equal("李建华", person.Name);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Account_export_is_scoped_audited_and_defused_for_spreadsheets()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "admin");

        var response = await page.APIRequest.GetAsync(app.Url("/admin/accounts/export.csv"));
        var text = await response.TextAsync();

        Assert.Equal(200, response.Status);
        Assert.StartsWith("\uFEFF用户名,姓名", text, StringComparison.Ordinal);
        Assert.Contains("\"clerk2\"", text, StringComparison.Ordinal);
        await using var db = app.App.CreateContext(Gongjiang.Web.Platform.Identity.Actor.System("test"));
        Assert.True(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.AuditEntries, e => e.Action == Gongjiang.Web.Platform.Audit.AuditActions.Export && e.ActorName == "admin"));
        Assert.Equal("\"'=HYPERLINK(1)\"", Gongjiang.Web.Features.Accounts.ExportAccounts.Cell("=HYPERLINK(1)"));
        await context.CloseAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class PageTamperingTestsOnPostgres(BrowserFixture browser, BrowserApp app) : PageTamperingTests(browser, app), IClassFixture<BrowserApp>;

[Collection(BrowserCollection.Sqlite)]
public sealed class PageTamperingTestsOnSqlite(BrowserFixture browser, BrowserApp.OnSqlite app) : PageTamperingTests(browser, app), IClassFixture<BrowserApp.OnSqlite>;
