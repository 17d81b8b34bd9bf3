using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Security;

/// <summary>
/// Issue 9, finding 2: a form post that rides a signed-in browser's cookie needs the antiforgery token of our own page
/// (the upload changed a person's occupation, and logout signed out, from a cookie alone), and a post that says it
/// comes from another site is refused even with a token (Origin/Referer, defence in depth).
/// </summary>
public sealed class CrossSiteRequestTests : IDisposable
{
    private readonly TestApp _app = new();

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var clerk = await CookieSession.SignInAsync(_app, "clerk");

        var response = await clerk.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/registry/imports/upload") { Content = RosterForm(token: null) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("钳工", await OccupationAsync());
    }

    [Fact]
    public async Task The_upload_form_with_its_token_still_imports()
    {
        using var clerk = await CookieSession.SignInAsync(_app, "clerk");
        var token = await clerk.TokenFromAsync("/registry/imports");

        var response = await clerk.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/registry/imports/upload") { Content = RosterForm(token) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("装配钳工", await OccupationAsync());
    }

    [Fact]
    public async Task A_logout_without_the_antiforgery_token_is_refused_and_the_session_stays()
    {
        using var clerk = await CookieSession.SignInAsync(_app, "clerk");

        var response = await clerk.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/logout") { Content = new FormUrlEncodedContent([]) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(await clerk.IsSignedInAsync());
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Referer", "https://evil.example/page")]
    public async Task A_form_post_from_another_site_is_refused_even_with_a_valid_token(string header, string value)
    {
        using var clerk = await CookieSession.SignInAsync(_app, "clerk");
        var token = await clerk.TokenFromAsync("/registry/imports");
        var request = new HttpRequestMessage(HttpMethod.Post, "/registry/imports/upload") { Content = RosterForm(token) };
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await clerk.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("跨站", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("钳工", await OccupationAsync());
    }

    [Fact]
    public async Task A_form_post_from_our_own_origin_is_accepted()
    {
        using var clerk = await CookieSession.SignInAsync(_app, "clerk");
        var token = await clerk.TokenFromAsync("/registry/imports");
        var request = new HttpRequestMessage(HttpMethod.Post, "/registry/imports/upload") { Content = RosterForm(token) };
        request.Headers.Add("Origin", "http://localhost");

        var response = await clerk.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("装配钳工", await OccupationAsync());
    }

    /// <summary>A roster that changes 李建华's occupation (钳工 → 装配钳工), as the probe's forged form did.</summary>
    private static MultipartFormDataContent RosterForm(string? token)
    {
        var (_, number) = DemoData.DemoIdNumbers.Single(p => p.Id == DemoData.WorkerPersonId);
        var csv = "姓名,公民身份号码,工作单位,统一社会信用代码,职业（工种）,所在地区\n" +
            $"李建华,{number},深圳市鹏城精密制造有限公司,{DemoData.CreditCode("440306", "MA5DPC01")},装配钳工,440306\n";
        var form = new MultipartFormDataContent();
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        form.Add(new StringContent("roster"), "kind");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "名册.csv");
        return form;
    }

    private async Task<string?> OccupationAsync()
    {
        await using var db = _app.CreateContext(Actor.System("test"));
        return await db.Set<Person>().Where(p => p.Id == DemoData.WorkerPersonId).Select(p => p.Occupation).SingleAsync();
    }

    public void Dispose() => _app.Dispose();
}
