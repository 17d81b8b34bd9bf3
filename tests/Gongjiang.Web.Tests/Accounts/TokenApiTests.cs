using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Web.Features.Accounts;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Accounts;

/// <summary>POST /api/v1/auth/token and the sign-in protections of 等保 2.0 三级 (登录失败处理).</summary>
public abstract class TokenApiTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task Valid_credentials_return_an_access_token_that_works_as_bearer()
    {
        using var client = _app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "clerk", password = TestApp.Password });
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(token.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(30));
        Assert.Equal("440300", me.GetProperty("jurisdiction").GetString());
        Assert.Equal("窗口经办人", me.GetProperty("roleName").GetString());
    }

    [Fact]
    public async Task Wrong_password_is_401_problem_details_in_Chinese()
    {
        using var client = _app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "clerk", password = "wrong" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SignInService.Refused, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Missing_fields_are_named_in_Chinese()
    {
        using var client = _app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("用户名不能为空", problem.GetProperty("errors").GetProperty("userName")[0].GetString());
        Assert.Equal("密码不能为空", problem.GetProperty("errors").GetProperty("password")[0].GetString());
    }

    [Fact]
    public async Task Malformed_json_is_400_problem_details_without_a_stack_trace()
    {
        using var client = _app.CreateClient();

        var response = await client.PostAsync("/api/v1/auth/token", new StringContent("{\"userName\":", System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请求的内容无法解析", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_for_the_right_password_too()
    {
        using var client = _app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "clerk2", password = "wrong" + i });
        }

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "clerk2", password = TestApp.Password });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("锁定15分钟", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_account_cannot_get_a_token()
    {
        using var admin = await _app.ApiAsAsync("admin");
        var accounts = await admin.GetFromJsonAsync<JsonElement>("/api/v1/accounts?q=dept");
        var id = accounts.GetProperty("items")[0].GetProperty("id").GetString();
        await using (var db = _app.CreateContext(Platform.Identity.Actor.System("test")))
        {
            var user = await db.Users.FindAsync(id);
            user!.IsDisabled = true;
            await db.SaveChangesAsync();
        }

        using var client = _app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "dept", password = TestApp.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(SignInService.Refused, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal); // like a wrong password (issue 9)
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public abstract class SignInRateLimitTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider, signInAttemptsPerMinute: 3);

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_get_429_in_Chinese()
    {
        using var client = _app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody", password = "x" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("请求过于频繁", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class TokenApiTestsOnPostgres() : TokenApiTests(DatabaseProvider.Postgres);

public sealed class TokenApiTestsOnSqlite() : TokenApiTests(DatabaseProvider.Sqlite);

public sealed class SignInRateLimitTestsOnPostgres() : SignInRateLimitTests(DatabaseProvider.Postgres);

public sealed class SignInRateLimitTestsOnSqlite() : SignInRateLimitTests(DatabaseProvider.Sqlite);

/// <summary>等保 2.0 三级 身份鉴别: the production hashing cost (other tests run with a cheaper one, see TestApp).</summary>
public sealed class PasswordHashingTests
{
    [Fact]
    public async Task Passwords_are_hashed_with_at_least_210000_PBKDF2_iterations()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite, productionPasswordHashing: true);
        await using var db = app.CreateContext(Platform.Identity.Actor.System("test"));
        var hash = db.Users.Select(u => u.PasswordHash).First()!;
        var bytes = Convert.FromBase64String(hash);

        // Identity v3 format: 0x01, PRF (uint32 BE), iteration count (uint32 BE), salt length, salt, subkey.
        var iterations = (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
        Assert.Equal(0x01, bytes[0]);
        Assert.True(iterations >= 210_000, $"iterations = {iterations}");
    }
}
