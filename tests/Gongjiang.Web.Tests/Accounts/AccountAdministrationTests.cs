using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Accounts;

public abstract class AccountAdministrationTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task Administrator_creates_a_worker_account_bound_to_a_person_and_it_can_sign_in()
    {
        using var admin = await _app.ApiAsAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/v1/accounts", new
        {
            userName = "wangxy",
            displayName = "王秀英",
            role = "Worker",
            regionCode = "440300",
            personId = DemoData.ShenzhenColleagueId,
            password = "Worker#2026a",
        });
        var token = await _app.TokenAsync("wangxy", "Worker#2026a");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(token));
    }

    [Fact]
    public async Task Each_bad_field_is_named_in_Chinese()
    {
        using var admin = await _app.ApiAsAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/v1/accounts", new
        {
            userName = "x",
            displayName = "",
            role = "Emperor",
            regionCode = "44030",
            password = "short",
        });
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("用户名", errors.GetProperty("userName")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("姓名不能为空", errors.GetProperty("displayName")[0].GetString());
        Assert.Equal("请选择角色", errors.GetProperty("role")[0].GetString());
        Assert.Contains("6位", errors.GetProperty("regionCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("至少需要8个字符", errors.GetProperty("password")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_needs_three_character_classes()
    {
        using var admin = await _app.ApiAsAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "abc", displayName = "甲", role = "Clerk", regionCode = "440300", password = "alllowercase1" });
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

        Assert.Contains("至少三类", errors.GetProperty("password")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Department_officer_needs_a_department_and_employer_an_enterprise()
    {
        using var admin = await _app.ApiAsAsync("admin");

        var dept = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "d1", displayName = "甲", role = "DepartmentOfficer", regionCode = "440300", password = "Abcdef12" });
        var employer = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "e1", displayName = "乙", role = "Employer", regionCode = "440300", password = "Abcdef12" });

        Assert.Contains("departmentCode", await dept.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("enterpriseId", await employer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provincial_administrator_cannot_create_or_see_accounts_outside_the_province()
    {
        using var admin = await _app.ApiAsAsync("admin");
        await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "gdadmin", displayName = "广东管理员", role = "Administrator", regionCode = "440000", password = "Admin#2026x" });
        await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "gxclerk", displayName = "广西经办人", role = "Clerk", regionCode = "450100", password = "Clerk#2026x" });
        var gdToken = await _app.TokenAsync("gdadmin", "Admin#2026x");
        using var gd = _app.CreateClient();
        gd.DefaultRequestHeaders.Authorization = new("Bearer", gdToken);

        var outside = await gd.PostAsJsonAsync("/api/v1/accounts", new { userName = "bjclerk", displayName = "北京", role = "Clerk", regionCode = "110000", password = "Clerk#2026x" });
        var list = await gd.GetFromJsonAsync<JsonElement>("/api/v1/accounts?pageSize=200");
        var names = list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("userName").GetString()).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("超出了您的管辖范围", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("clerk2", names);
        Assert.DoesNotContain("gxclerk", names);
        Assert.DoesNotContain("admin", names);
    }

    [Fact]
    public async Task Clerk_cannot_use_account_administration()
    {
        using var clerk = await _app.ApiAsAsync("clerk");

        var response = await clerk.GetAsync("/api/v1/accounts");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class AccountAdministrationTestsOnPostgres() : AccountAdministrationTests(DatabaseProvider.Postgres);

public sealed class AccountAdministrationTestsOnSqlite() : AccountAdministrationTests(DatabaseProvider.Sqlite);
