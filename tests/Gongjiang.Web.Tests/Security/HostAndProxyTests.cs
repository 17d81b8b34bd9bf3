using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Security;

/// <summary>
/// Issue 9, findings 7 and 8: absolute links come from the configured public address, never from the Host header;
/// production refuses to start with <c>AllowedHosts</c> “*”; behind the TLS-terminating proxy (and only a configured
/// one) the client's scheme and address are taken from X-Forwarded-Proto/-For, so cookies are Secure, HSTS is sent and
/// the sign-in limit counts each client separately.
/// </summary>
public sealed partial class HostAndProxyTests
{
    private const string PublicBase = "https://gongjiang.example.gov.cn";

    [Fact]
    public async Task The_feed_builds_its_links_from_the_configured_public_address_not_the_Host_header()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["Platform:PublicBaseUrl"] = PublicBase });
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/public/publications/feed.json");
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request);
        var feed = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PublicBase + "/public/publications", feed.GetProperty("home_page_url").GetString());
        Assert.Equal(PublicBase + "/api/v1/public/publications/feed.json", feed.GetProperty("feed_url").GetString());
        Assert.DoesNotContain("evil.example", feed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_does_not_echo_the_Host_header()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["Platform:PublicBaseUrl"] = PublicBase });
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "evil.example";

        var body = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Host_outside_the_configured_AllowedHosts_is_refused()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite, settings: new Dictionary<string, string?> { ["AllowedHosts"] = "gongjiang.example.gov.cn;localhost" });
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/public/talents");
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(null, PublicBase, "AllowedHosts")] // appsettings.json's "*"
    [InlineData("*", PublicBase, "AllowedHosts")]
    [InlineData("gongjiang.example.gov.cn", null, "Platform:PublicBaseUrl")]
    [InlineData("gongjiang.example.gov.cn", "gongjiang.example.gov.cn", "Platform:PublicBaseUrl")]
    public async Task Production_refuses_to_start_without_its_host_settings(string? allowedHosts, string? publicBase, string named)
    {
        var environment = ProductionEnvironment();
        if (allowedHosts is not null)
        {
            environment["AllowedHosts"] = allowedHosts;
        }

        if (publicBase is not null)
        {
            environment["Platform__PublicBaseUrl"] = publicBase;
        }

        var (exit, output) = await Cli.RunAsync(environment);

        Assert.Equal(2, exit);
        Assert.Contains(named, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_its_host_settings_gets_past_them_to_the_schema_check()
    {
        var environment = ProductionEnvironment();
        environment["AllowedHosts"] = "gongjiang.example.gov.cn";
        environment["Platform__PublicBaseUrl"] = PublicBase;

        var (exit, output) = await Cli.RunAsync(environment);

        Assert.Equal(1, exit);
        Assert.Contains("migrate", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_cookies_are_secure_HSTS_is_sent_and_each_client_has_its_own_limit()
    {
        using var app = new TestApp(kestrel: true, signInAttemptsPerMinute: 2, settings: new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks"] = "127.0.0.0/8" });
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.ServerAddress };

        var (cookies, hsts) = await SignInThroughProxyAsync(client, "203.0.113.7");
        var first = await TokenAttemptsAsync(client, "203.0.113.8", 3);
        var second = await TokenAttemptsAsync(client, "203.0.113.9", 1);

        Assert.Contains(cookies, c => c.StartsWith("gongjiang.auth=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(hsts);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.Unauthorized], second);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_a_configured_proxy_are_ignored()
    {
        using var app = new TestApp(kestrel: true, signInAttemptsPerMinute: 2, settings: new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = "192.0.2.1" });
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.ServerAddress };

        var (cookies, hsts) = await SignInThroughProxyAsync(client, "203.0.113.7");
        var first = await TokenAttemptsAsync(client, "203.0.113.8", 1);
        var second = await TokenAttemptsAsync(client, "203.0.113.9", 1);

        Assert.Contains(cookies, c => c.StartsWith("gongjiang.auth=", StringComparison.Ordinal) && !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.Null(hsts);
        Assert.Equal([HttpStatusCode.Unauthorized], first); // the sign-in above, this and the next share the proxy's one bucket
        Assert.Equal([HttpStatusCode.TooManyRequests], second);
    }

    private static Dictionary<string, string> ProductionEnvironment() => new()
    {
        ["Database__Provider"] = "Sqlite",
        ["Data__Folder"] = Path.Combine(Path.GetTempPath(), "gongjiang-hosts-" + Guid.NewGuid().ToString("N")[..8]),
        ["Audit__ChainKey"] = TestApp.AuditKey,
        ["Registry__IdHashKey"] = TestApp.IdHashKey,
        ["Registry__IdEncryptionKey"] = TestApp.IdEncryptionKey,
    };

    /// <summary>The sign-in form as a browser behind the proxy sends it: HTTPS at the proxy, a public host name.</summary>
    private static async Task<(List<string> Cookies, string? Hsts)> SignInThroughProxyAsync(HttpClient client, string clientAddress)
    {
        var page = await client.SendAsync(Proxied(HttpMethod.Get, "/account/login", clientAddress));
        var html = await page.Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gongjiang.af", StringComparison.Ordinal));
        var post = Proxied(HttpMethod.Post, "/account/login", clientAddress);
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = "clerk",
            ["Input.Password"] = TestApp.Password,
        });
        var signedIn = await client.SendAsync(post);
        var cookies = new List<string> { antiforgery };
        cookies.AddRange(signedIn.Headers.TryGetValues("Set-Cookie", out var set) ? set : []);
        return (cookies, page.Headers.TryGetValues("Strict-Transport-Security", out var hsts) ? hsts.Single() : null);
    }

    private static async Task<List<HttpStatusCode>> TokenAttemptsAsync(HttpClient client, string clientAddress, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            var request = Proxied(HttpMethod.Post, "/api/v1/auth/token", clientAddress);
            request.Content = new StringContent("{\"userName\":\"nobody\",\"password\":\"x\"}", System.Text.Encoding.UTF8, "application/json");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        return statuses;
    }

    private static HttpRequestMessage Proxied(HttpMethod method, string path, string clientAddress)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Host = "gongjiang.example.gov.cn";
        request.Headers.Add("X-Forwarded-For", clientAddress);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
