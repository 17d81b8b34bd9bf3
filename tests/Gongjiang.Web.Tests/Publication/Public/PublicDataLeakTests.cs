using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Publication.Public;

/// <summary>
/// Everything the public can fetch — pages, JSON, CSV, XLSX (every part of the zip) and the feed — holds no complete
/// citizen ID number, and none of the demo persons' ID numbers, birth dates or mobile numbers.
/// </summary>
public abstract partial class PublicDataLeakTests(PublicCatalogFixture fixture)
{
    [GeneratedRegex(@"[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]")]
    private static partial Regex IdNumber();

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Unescaped(byte[] json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, Readable);

    private static string RawParts(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.Append(reader.ReadToEnd()).Append('\n');
        }

        return text.ToString();
    }

    [Fact]
    public async Task No_public_output_contains_an_ID_number_birth_date_or_phone_number()
    {
        using var client = fixture.App.CreateClient();
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        async Task Fetch(string url)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var media = response.Content.Headers.ContentType?.MediaType ?? "";
            outputs[url] = media switch
            {
                // Every part of the workbook: its raw XML and its decoded text.
                _ when url.Contains("format=xlsx", StringComparison.Ordinal) => RawParts(bytes) + "\n" + PublicCatalogApiTests.XlsxText(bytes),

                // Raw and with character references / \u escapes decoded (the encoders write Chinese escaped).
                "text/html" => Encoding.UTF8.GetString(bytes) + "\n" + WebUtility.HtmlDecode(Encoding.UTF8.GetString(bytes)),
                _ when media.EndsWith("json", StringComparison.Ordinal) => Encoding.UTF8.GetString(bytes) + "\n" + Unescaped(bytes),
                _ => Encoding.UTF8.GetString(bytes),
            };
        }

        foreach (var url in new[]
        {
            "/public/talents", "/public/talents?name=建华", "/public/talents?region=440300&page=1", "/public/publications",
            $"/public/publications/{fixture.ShenzhenId}", $"/public/publications/{fixture.GuangzhouId}",
            "/api/v1/public/talents", "/api/v1/public/talents?pageSize=200", "/api/v1/public/publications",
            $"/api/v1/public/publications/{fixture.ShenzhenId}", $"/api/v1/public/publications/{fixture.GuangzhouId}",
            "/api/v1/public/talents/export?format=csv", "/api/v1/public/talents/export?format=xlsx",
            "/api/v1/public/publications/feed.json",
        })
        {
            await Fetch(url);
        }

        // The scan sees real content: the listed talents and the person in notice.
        var all = string.Join("\n", outputs.Values);
        Assert.Contains("李建华", outputs["/api/v1/public/talents/export?format=xlsx"], StringComparison.Ordinal);
        Assert.Contains("陈志强", outputs["/api/v1/public/talents/export?format=csv"], StringComparison.Ordinal);
        Assert.Contains("张伟", outputs[$"/public/publications/{fixture.GuangzhouId}"], StringComparison.Ordinal);

        // JSON escapes non-ASCII by default; numbers and dates are ASCII either way.
        foreach (var (url, text) in outputs)
        {
            var match = IdNumber().Match(text);
            Assert.False(match.Success, $"{url} contains an ID number: {match.Value}");
        }

        await using var db = fixture.App.CreateContext(Actor.System("test"));
        var persons = await db.Set<Person>().AsNoTracking().IgnoreQueryFilters()
            .Select(p => new { p.Name, p.BirthDate, p.Mobile, p.IdNumberMasked }).ToListAsync();
        var forbidden = DemoData.DemoIdNumbers.Select(n => n.Number)
            .Concat(persons.SelectMany(p => new[]
            {
                p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                p.BirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                p.BirthDate.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
                p.BirthDate.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
                p.IdNumberMasked,
            }))
            .Concat(persons.Where(p => p.Mobile is not null).Select(p => p.Mobile!))
            .Where(s => s.Length > 0)
            .ToList();
        Assert.Contains("13800138000", forbidden);
        Assert.Contains("1978-05-12", forbidden);
        foreach (var (url, text) in outputs)
        {
            foreach (var secret in forbidden)
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{url} contains {secret}");
            }
        }

        Assert.DoesNotContain("idNumber", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("mobile", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("birth", all, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class PublicDataLeakTestsOnPostgres(PublicCatalogFixture.OnPostgres fixture) : PublicDataLeakTests(fixture), IClassFixture<PublicCatalogFixture.OnPostgres>;

public sealed class PublicDataLeakTestsOnSqlite(PublicCatalogFixture.OnSqlite fixture) : PublicDataLeakTests(fixture), IClassFixture<PublicCatalogFixture.OnSqlite>;
