using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongjiang.Web.Features.Registry.Imports;
using Gongjiang.Web.Features.Registry.Imports.Reading;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Registry.Imports;

/// <summary>
/// The templates the platform offers pass its own validation as they are (GB 11643 check character, GB 32100 code with
/// its organisation-code check) and name no real person: neither the demo worker nor anyone else of the demo data.
/// </summary>
public sealed class ImportTemplateImportTests : IDisposable
{
    private readonly TestApp _app = new();

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Each_template_downloaded_as_is_imports_without_a_single_error(string format)
    {
        using var anonymous = _app.CreateClient();
        using var clerk = await _app.ApiAsAsync("clerk");

        foreach (var kind in new[] { "roster", "honours" })
        {
            var template = await anonymous.GetByteArrayAsync($"/registry/imports/templates/{kind}.{format}");
            var response = await UploadAsync(clerk, kind, template, $"{kind}-template.{format}");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(body.GetProperty("rejected").GetInt32() == 0, $"{kind}.{format}: {body}");
            Assert.Equal(1, body.GetProperty("accepted").GetInt32());
            Assert.Empty(body.GetProperty("errors").EnumerateArray());
        }
    }

    [Theory]
    [InlineData(ImportKind.Roster)]
    [InlineData(ImportKind.Honours)]
    public void No_template_names_a_person_of_the_demo_data(ImportKind kind)
    {
        var text = Encoding.UTF8.GetString(ImportTemplates.Csv(kind));
        var demoIds = DemoData.DemoIdNumbers.Select(d => d.Number).ToList();

        Assert.Equal(5, demoIds.Count);
        foreach (var id in demoIds)
        {
            Assert.DoesNotContain(id[..17], text, StringComparison.Ordinal);
        }

        foreach (var value in new[] { "李建华", "王秀英", "陈志强", "张伟", "刘芳", "13800138000", "13922223333", "13600001111", "13711112222", "鹏城精密" })
        {
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);
        }
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        return await client.PostAsync("/api/v1/registry/imports", form);
    }

    public void Dispose() => _app.Dispose();
}
