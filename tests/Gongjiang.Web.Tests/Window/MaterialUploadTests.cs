using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Window;

/// <summary>
/// Issue 12 “material uploads … type checked by content, size limited, stored outside the web root with a checksum” and
/// its “Bad input” (an .exe renamed .pdf, an oversized file, a material the item does not ask for), on both providers.
/// </summary>
public abstract class MaterialUploadTests(DatabaseProvider provider) : IDisposable
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task A_pdf_is_stored_under_its_sha256_outside_the_web_root_listed_and_downloaded_with_an_audit_entry()
    {
        using var worker = await _app.ApiAsAsync("worker");
        using var clerk = await _app.ApiAsAsync("clerk");
        var id = await FileHousingAsync(worker);

        var before = await ListAsync(worker, id);
        Assert.Contains("居民身份证", before.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));

        var (status, body) = await UploadAsync(worker, id, "id-card", "身份证.pdf", Pdf);
        Assert.True(status == HttpStatusCode.Created, body);
        var json = JsonDocument.Parse(body).RootElement;
        var sha = Convert.ToHexStringLower(SHA256.HashData(Pdf));
        Assert.Equal(sha, json.GetProperty("sha256").GetString());
        Assert.Equal("居民身份证", json.GetProperty("name").GetString());

        var folder = Path.Combine(_app.Services.GetRequiredService<PlatformSettings>().DataFolder, "window-materials");
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(Path.Combine(folder, sha)));
        Assert.False(Path.GetFullPath(folder).StartsWith(Path.GetFullPath(_app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().WebRootPath ?? "/nonexistent"), StringComparison.Ordinal));

        var after = await ListAsync(worker, id);
        Assert.DoesNotContain("居民身份证", after.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
        Assert.Single(after.GetProperty("materials").EnumerateArray());

        // The clerk of the jurisdiction downloads it; the download is audited; an unknown material is a 404.
        var download = await clerk.GetAsync(json.GetProperty("download").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/v1/window/requests/{id}/materials/{Guid.NewGuid()}")).StatusCode);
        await using var system = _app.CreateContext(Actor.System("test"));
        Assert.True(await system.Set<AuditEntry>().AnyAsync(a => a.Action == AuditActions.View && a.EntityType == "RequestMaterial" && a.EntityId == json.GetProperty("id").GetString()));
    }

    [Theory]
    // An executable renamed .pdf (MZ header): refused by content, the message names the file.
    [InlineData("setup.pdf", "id-card", "MZ", "setup.pdf", "不是PDF文件")]
    // A type the window does not accept.
    [InlineData("脚本.bat", "id-card", "@echo off", "脚本.bat", "不在允许范围内")]
    // A material the housing item does not ask for (the schooling item's birth certificate).
    [InlineData("出生证明.pdf", "birth-certificate", "%PDF-1.4", "code", "不是该办件所需的材料")]
    public async Task Bad_materials_get_a_chinese_message_and_nothing_is_stored(string fileName, string code, string content, string named, string says)
    {
        using var worker = await _app.ApiAsAsync("worker");
        var id = await FileHousingAsync(worker);
        var (status, body) = await UploadAsync(worker, id, code, fileName, Encoding.ASCII.GetBytes(content + "\n\0\0\0 padding padding"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(named, body, StringComparison.Ordinal);
        Assert.Contains(says, body, StringComparison.Ordinal);
        Assert.Empty((await ListAsync(worker, id)).GetProperty("materials").EnumerateArray());
    }

    [Fact]
    public async Task An_image_over_its_limit_is_refused_naming_the_file_and_the_limit()
    {
        using var worker = await _app.ApiAsAsync("worker");
        var id = await FileHousingAsync(worker);
        var png = new byte[(10 * 1024 * 1024) + 1];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(png, 0);
        var (status, body) = await UploadAsync(worker, id, "id-card", "身份证.png", png);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("身份证.png", body, StringComparison.Ordinal);
        Assert.Contains("超过", body, StringComparison.Ordinal);
    }

    private static async Task<string> FileHousingAsync(HttpClient worker)
    {
        using var response = await worker.PostAsJsonAsync("/api/v1/window/requests", new { items = new[] { "housing" } });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> ListAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"/api/v1/window/requests/{id}/materials");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<(HttpStatusCode Status, string Body)> UploadAsync(HttpClient client, string id, string code, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(code), "code");
        var file = new ByteArrayContent(content);
        form.Add(file, "file", fileName);
        using var response = await client.PostAsync($"/api/v1/window/requests/{id}/materials", form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class PostgresMaterialUploadTests() : MaterialUploadTests(DatabaseProvider.Postgres);

public sealed class SqliteMaterialUploadTests() : MaterialUploadTests(DatabaseProvider.Sqlite);
