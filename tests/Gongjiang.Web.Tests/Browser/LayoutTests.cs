using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// The shell at a laptop (1366×768) and a phone (390×844): on the main pages of each role no visible block, card, form
/// field or table cell overlaps a sibling, nothing forces the page to scroll sideways, and at 1366 the menu is one line.
/// Screenshots are written to the temporary folder (gongjiang-layout) for a look.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutTests(BrowserFixture browser, BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Overlaps = """
        () => {
          const shown = el => {
            const s = getComputedStyle(el);
            if (s.display === 'none' || s.visibility === 'hidden' || s.display === 'contents') return false;
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.height > 0;
          };
          const block = el => !['inline', 'contents'].includes(getComputedStyle(el).display)
            && !['absolute', 'fixed'].includes(getComputedStyle(el).position)
            && !['SCRIPT', 'STYLE', 'OPTION', 'BR', 'LINK', 'META', 'TITLE'].includes(el.tagName);
          const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '')
            + ' “' + (el.innerText || '').trim().slice(0, 12) + '”';
          const problems = [];
          for (const parent of document.querySelectorAll('body, body *')) {
            if (!shown(parent) || parent.closest('select, svg, details:not([open]) > ul')) continue;
            const kids = [...parent.children].filter(k => shown(k) && block(k));
            for (let i = 0; i < kids.length; i++) {
              const a = kids[i].getBoundingClientRect();
              for (let j = i + 1; j < kids.length; j++) {
                const b = kids[j].getBoundingClientRect();
                const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                if (x > 1 && y > 1) problems.push(name(kids[i]) + ' ⟷ ' + name(kids[j]));
              }
            }
          }
          const wide = document.documentElement.scrollWidth - window.innerWidth;
          if (wide > 1) problems.push('the page scrolls sideways by ' + wide + ' px');
          return problems;
        }
        """;

    public static TheoryData<string, string, int, int> Pages()
    {
        var data = new TheoryData<string, string, int, int>();
        var pages = new (string User, string[] Paths)[]
        {
            ("", ["/", "/public/talents", "/public/publications", "/public/objections", "/reference", "/account/login"]),
            ("clerk", ["/", "/registry/persons", "/registry/enterprises", "/registry/statistics", "/registry/imports", "/registry/reviews", "/publications", "/feeds/talents", "/account"]),
            ("admin", ["/admin/accounts", "/admin/accounts/new", "/admin/audit"]),
            ("employer", ["/", "/registry/persons"]),
            ("worker", ["/registry/persons"]),
        };
        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
        {
            foreach (var (user, paths) in pages)
            {
                foreach (var path in paths)
                {
                    data.Add(user, path, width, height);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task No_element_overlaps_another(string user, string path, int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        if (user.Length > 0)
        {
            await page.SignInAsync(app.BaseAddress, user);
        }

        var response = await page.GotoAsync(app.Url(path));
        Assert.Equal(200, response!.Status);
        var folder = Path.Combine(Path.GetTempPath(), "gongjiang-layout");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{width}-{(user.Length == 0 ? "public" : user)}{path.Replace('/', '_')}.png"), FullPage = true });

        var problems = await page.EvaluateAsync<string[]>(Overlaps);
        Assert.True(problems.Length == 0, $"{user} {path} at {width}×{height}: " + string.Join("; ", problems));
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_check_sees_an_overlap_when_there_is_one()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<main><div style='height:50px'>甲</div><div style='margin-top:-30px;height:50px'>乙</div><div style='width:600px'>宽</div></main>");

        var problems = await page.EvaluateAsync<string[]>(Overlaps);

        Assert.Contains(problems, p => p.Contains('甲', StringComparison.Ordinal) && p.Contains('乙', StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("sideways", StringComparison.Ordinal));
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("admin")]
    [InlineData("supervisor")]
    public async Task At_1366_the_menu_is_one_line(string user)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, user);

        var tops = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('[data-testid=nav] > li')].map(li => Math.round(li.getBoundingClientRect().top))");
        var mainWidth = await page.EvaluateAsync<double>("() => document.querySelector('main').getBoundingClientRect().width");

        Assert.True(tops.Length > 3);
        Assert.Single(tops.Distinct());
        Assert.True(mainWidth > 1300, $"the content uses the width ({mainWidth} px)");
        await context.CloseAsync();
    }
}
