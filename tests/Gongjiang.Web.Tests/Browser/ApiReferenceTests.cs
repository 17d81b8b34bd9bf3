using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// The API reference works offline under the content security policy: every request it makes stays on this origin (no
/// CDN fonts, no telemetry), nothing is blocked, and its titles are Chinese.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiReferenceTests(BrowserFixture browser, BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_api_reference_makes_no_request_outside_the_origin()
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        var blocked = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                blocked.Add(message.Text);
            }
        };
        await page.SignInAsync(app.BaseAddress, "clerk");
        requests.Clear();

        await page.GetByRole(AriaRole.Link, new() { Name = "接口文档" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GetByText("工匠平台 API").First.WaitForAsync();

        var origin = app.BaseAddress.GetLeftPart(UriPartial.Authority);
        var outside = requests.Where(u => !u.StartsWith(origin, StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal) && !u.StartsWith("blob:", StringComparison.Ordinal)).ToList();
        Assert.True(requests.Count > 1, "the reference loaded its script and the OpenAPI document");
        Assert.Contains(requests, u => u.EndsWith("/openapi/v1.json", StringComparison.Ordinal));
        Assert.True(outside.Count == 0, "requests outside the origin: " + string.Join(", ", outside));
        Assert.DoesNotContain(blocked, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
        Assert.Equal("工匠平台 API 参考", await page.TitleAsync());
        Assert.Contains("提高技术工人待遇政策落实平台的开放接口", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }
}
