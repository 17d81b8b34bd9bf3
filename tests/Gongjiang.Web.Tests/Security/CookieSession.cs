using System.Net;
using System.Text.RegularExpressions;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongjiang.Web.Tests.Security;

/// <summary>
/// A browser session without a browser: an explicit cookie jar over the test server's client (no redirects followed),
/// forms posted as the pages post them (<c>_handler</c> and <c>__RequestVerificationToken</c>). The jar can be copied,
/// as an attacker would copy a cookie, and frozen so that the server's Set-Cookie answers do not change it.
/// </summary>
public sealed partial class CookieSession : IDisposable
{
    private readonly HttpClient _client;
    private readonly Dictionary<string, string> _cookies;

    private CookieSession(HttpClient client, Dictionary<string, string> cookies)
    {
        _client = client;
        _cookies = cookies;
    }

    /// <summary>When set, Set-Cookie answers are ignored: the jar stays as it was (a copied cookie).</summary>
    public bool Frozen { get; set; }

    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    public static CookieSession Anonymous(TestApp app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }), new(StringComparer.Ordinal));

    /// <summary>Signs in through the sign-in form; fails the test when no session cookie comes back.</summary>
    public static async Task<CookieSession> SignInAsync(TestApp app, string userName, string password = TestApp.Password)
    {
        var session = Anonymous(app);
        var response = await session.SubmitSignInAsync(userName, password);
        Assert.True(session._cookies.ContainsKey("gongjiang.auth"), $"sign-in of {userName} gave no session cookie: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return session;
    }

    /// <summary>Posts the sign-in form as it is on the page.</summary>
    public async Task<HttpResponseMessage> SubmitSignInAsync(string userName, string password) =>
        await PostFormAsync("/account/login", "/account/login", "sign-in", new()
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["Input.ReturnUrl"] = "/",
        });

    /// <summary>Another session holding a copy of this one's cookies.</summary>
    public CookieSession Copy(TestApp app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }), new(_cookies, StringComparer.Ordinal)) { Frozen = true };

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value)));
        }

        var response = await _client.SendAsync(request);
        if (!Frozen && response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                var pair = header.Split(';')[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var name = pair[..eq];
                var value = pair[(eq + 1)..];
                var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
                if (expired || value.Length == 0)
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }

        return response;
    }

    /// <summary>The antiforgery token of a form on the page at <paramref name="pagePath"/>.</summary>
    public async Task<string> TokenFromAsync(string pagePath)
    {
        var page = await GetAsync(pagePath);
        var html = await page.Content.ReadAsStringAsync();
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {pagePath} ({(int)page.StatusCode})");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a page form: fetches the page for its token, then posts the fields with <c>_handler</c>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pagePath, string action, string? handler, Dictionary<string, string> fields, string? origin = null)
    {
        var token = await TokenFromAsync(pagePath);
        var all = new Dictionary<string, string>(fields, StringComparer.Ordinal) { ["__RequestVerificationToken"] = token };
        if (handler is not null)
        {
            all["_handler"] = handler;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(all) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await SendAsync(request);
    }

    /// <summary>Whether the session opens the own-account page (a signed-in page) rather than being sent to sign in.</summary>
    public async Task<bool> IsSignedInAsync()
    {
        var response = await GetAsync("/account");
        return response.StatusCode == HttpStatusCode.OK;
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
