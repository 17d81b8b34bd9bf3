using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>Each demo role signs in through the page and sees only its own menu.</summary>
public abstract class RoleMenuTests(BrowserFixture browser, BrowserApp app)
{
    [Theory]
    [InlineData("admin", "首页|人员查询|用人单位|统计分析|账户管理|审计日志|后台任务|领军人才名单|公示与公布|待遇政策目录|办事指南|办件进度查询|证书查询|技术工人工资价位|年休假计算器|休疗养名单公布|代码表|待遇测算|地区比较|待遇决定|技能证书|评价机构", "系统管理员")]
    [InlineData("supervisor", "首页|人员查询|用人单位|统计分析|部门名单|领军人才名单|公示与公布|待遇政策目录|办事指南|办件进度查询|证书查询|技术工人工资价位|年休假计算器|休疗养名单公布|代码表|待遇测算|地区比较|待遇决定|办件|督查看板|进展报告|配套文件|目标与分工|问题反映|技能证书|评价机构|国企工资增幅检查|工资整改|年休假执法检查|休疗养", "督查人员")]
    [InlineData("clerk", "首页|人员查询|用人单位|统计分析|名册导入|年度复核|名单公布|部门名单|领军人才名单|公示与公布|待遇政策目录|办事指南|办件进度查询|证书查询|技术工人工资价位|年休假计算器|休疗养名单公布|代码表|待遇测算|地区比较|待遇决定|办件|进展报告|配套文件|目标与分工|问题反映|技能证书|评价机构|工资报送|年资工资和津贴制度|国企工资增幅检查|年休假执法检查|休疗养", "窗口经办人")]
    [InlineData("clerk2", "首页|人员查询|用人单位|统计分析|名册导入|年度复核|名单公布|部门名单|领军人才名单|公示与公布|待遇政策目录|办事指南|办件进度查询|证书查询|技术工人工资价位|年休假计算器|休疗养名单公布|代码表|待遇测算|地区比较|待遇决定|办件|进展报告|配套文件|目标与分工|问题反映|技能证书|评价机构|工资报送|年资工资和津贴制度|国企工资增幅检查|年休假执法检查|休疗养", "窗口经办人")]
    [InlineData("dept", "首页|人员查询|用人单位|统计分析|部门名单|领军人才名单|公示与公布|待遇政策目录|办事指南|办件进度查询|证书查询|技术工人工资价位|年休假计算器|休疗养名单公布|代码表|地区比较|待遇决定|办件|部门待办|技能证书|评价机构|国企工资增幅检查|工资整改", "协办部门经办人")]
    [InlineData("employer", "首页|本单位职工|统计分析|名册导入|年度复核|领军人才名单|公示与公布|待遇政策目录|办事指南|办件进度查询|证书查询|技术工人工资价位|年休假计算器|休疗养名单公布|代码表|地区比较|办件|技能证书|评价机构|工资报送|年资工资和津贴制度|工资整改|年休假记录|休疗养", "用人单位经办人")]
    [InlineData("worker", "首页|我的档案|领军人才名单|公示与公布|待遇政策目录|办事指南|办件进度查询|证书查询|技术工人工资价位|休疗养名单公布|代码表|我能享受的待遇|地区比较|办件|晋升与职称比照|我的工资记录|我的休假|休疗养", "技术工人")]
    public async Task Each_role_sees_only_its_menu(string userName, string menu, string roleName)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SignInAsync(app.BaseAddress, userName);
        var items = await page.Locator("[data-testid=nav] a").AllTextContentsAsync();
        var who = await page.Locator("[data-testid=who]").InnerTextAsync();
        var apiDocs = await page.Locator("[data-testid=api-docs]").CountAsync();

        Assert.Equal(menu.Split('|'), items.Select(i => i.Trim()));
        Assert.Contains(roleName, who, StringComparison.Ordinal);
        Assert.Equal(userName == "worker" ? 0 : 1, apiDocs); // 接口文档 only for the roles whose work has an API
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_public_sees_the_public_menu_and_a_sign_in_link()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(app.Url("/"));
        var items = await page.Locator("[data-testid=nav] a").AllTextContentsAsync();

        Assert.Equal(["首页", "领军人才名单", "公示与公布", "待遇政策目录", "办事指南", "办件进度查询", "证书查询", "技术工人工资价位", "年休假计算器", "休疗养名单公布", "代码表"], items.Select(i => i.Trim()));
        Assert.Equal(0, await page.Locator("[data-testid=api-docs]").CountAsync());
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "登录" }).First.IsVisibleAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_sign_in_and_back()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(app.Url("/admin/accounts"));
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("用户名").FillAsync("admin");
        await page.GetByLabel("密码").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/admin/accounts", StringComparison.Ordinal));

        Assert.Equal("账户管理", await page.Locator("h1").InnerTextAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_worker_who_opens_an_administration_page_is_told_it_is_not_allowed()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "worker");

        await page.GotoAsync(app.Url("/admin/audit"));

        Assert.Equal("无权访问", await page.Locator("h1").InnerTextAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, "supervisor");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GotoAsync(app.Url("/registry/persons"));

        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await context.CloseAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class RoleMenuTestsOnPostgres(BrowserFixture browser, BrowserApp app) : RoleMenuTests(browser, app), IClassFixture<BrowserApp>;

[Collection(BrowserCollection.Sqlite)]
public sealed class RoleMenuTestsOnSqlite(BrowserFixture browser, BrowserApp.OnSqlite app) : RoleMenuTests(browser, app), IClassFixture<BrowserApp.OnSqlite>;
