using System.Diagnostics;
using System.Text.Json;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Tests.Architecture;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Api;

/// <summary>
/// Issue 10: the OpenAPI document is one a client generator can use — the bearer scheme declared and applied, an
/// operationId on every operation, every 4xx answer documented, tags described — and Redocly's recommended rules find
/// no error in it.
/// </summary>
public sealed class OpenApiDocumentTests : IDisposable
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];
    private readonly TestApp _app = new(DatabaseProvider.Sqlite);

    [Fact]
    public async Task Every_operation_has_an_id_a_security_requirement_and_its_error_answers()
    {
        using var document = JsonDocument.Parse(await DocumentAsync());
        var root = document.RootElement;
        var ids = new List<string>();
        var problems = new List<string>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                var where = operation.Name.ToUpperInvariant() + " " + path.Name;
                var o = operation.Value;
                if (!o.TryGetProperty("operationId", out var id) || id.GetString() is not { Length: > 0 } text)
                {
                    problems.Add(where + ": no operationId");
                }
                else
                {
                    ids.Add(text);
                }

                if (!o.TryGetProperty("security", out var security) || security.GetArrayLength() == 0)
                {
                    problems.Add(where + ": no security requirement");
                }

                var responses = o.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
                if (!responses.Any(r => r.StartsWith('4')))
                {
                    problems.Add(where + ": no 4xx answer documented");
                }

                var secured = security.ValueKind == JsonValueKind.Array && security.EnumerateArray().Any(r => r.TryGetProperty("Bearer", out _));
                if (secured && !(responses.Contains("401") && responses.Contains("403")))
                {
                    problems.Add(where + ": needs a token but does not document 401 and 403");
                }

                if (path.Name.Contains('{', StringComparison.Ordinal) && !responses.Contains("404"))
                {
                    problems.Add(where + ": names a record but does not document 404");
                }
            }
        }

        Assert.Empty(problems);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(root.GetProperty("tags").EnumerateArray(), t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("description").GetString())));
        Assert.NotEqual(0, root.GetProperty("servers").GetArrayLength());
        Assert.Equal("bearer", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Redocly_recommended_rules_find_no_error()
    {
        var root = ModuleContractTests.RepositoryRoot();
        var redocly = Path.Combine(root, "tools", "openapi-lint", "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"{redocly} is missing: ./test.sh installs it (npm ci in tools/openapi-lint)");
        var file = Path.Combine(Path.GetTempPath(), "gongjiang-openapi-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        await File.WriteAllTextAsync(file, await DocumentAsync());
        try
        {
            var start = new ProcessStartInfo(redocly, ["lint", file, "--config", Path.Combine(root, "tools", "openapi-lint", "redocly.yaml"), "--format=summary"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "redocly lint found errors:\n" + output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<string> DocumentAsync()
    {
        using var client = _app.CreateClient();
        return await client.GetStringAsync("/openapi/v1.json");
    }

    public void Dispose() => _app.Dispose();
}
