using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Tests.Infrastructure;
using Npgsql;

namespace Gongjiang.Web.Tests.Production;

/// <summary>
/// Issue 8: following the README's production commands put the demo accounts (with their published password) and the
/// demo persons into the production database, and the published binary started from another folder served an empty
/// stylesheet. This test runs the README's production block as written — its exports and commands, read from README.md
/// — on the harness's PostgreSQL, with two substitutions it states: the secrets and connection string are the test's,
/// and the publish reuses the suite's build (<c>-c Debug --no-build</c>) into a temporary folder.
/// </summary>
public sealed partial class ProductionPathTests : IDisposable
{
    private const string AdminPassword = "Shou#Xian2026";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gongjiang-prod-" + Guid.NewGuid().ToString("N")[..8]);

    public ProductionPathTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task The_README_production_commands_run_production_with_no_demo_data_and_the_published_folder_as_content_root()
    {
        var connection = PostgresServer.CreateDatabase();
        var (environment, commands) = ReadmeProductionBlock(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ConnectionStrings__Default"] = connection,
            ["Audit__ChainKey"] = TestApp.AuditKey,
            ["Registry__IdHashKey"] = TestApp.IdHashKey,
            ["Registry__IdEncryptionKey"] = TestApp.IdEncryptionKey,
            ["DataProtection__CertificatePath"] = TestCertificate.Path,
            ["DataProtection__CertificatePassword"] = TestCertificate.Password,
            ["GONGJIANG_ADMIN_PASSWORD"] = AdminPassword,
            // The README's host names are an example; the test reaches the server as 127.0.0.1.
            ["AllowedHosts"] = "127.0.0.1",
            ["Platform__PublicBaseUrl"] = "http://127.0.0.1",
        });
        Assert.Equal("Production", environment["ASPNETCORE_ENVIRONMENT"]);
        var elsewhere = Directory.CreateDirectory(Path.Combine(_folder, "elsewhere")).FullName;
        var published = Path.Combine(_folder, "out");
        var repository = ProcessRunner.RepositoryRoot();
        var port = ProcessRunner.FreePort();
        var outputs = new List<(string Command, int Exit, string Output)>();
        ProcessRunner? server = null;
        try
        {
            foreach (var (assignments, program, arguments) in commands)
            {
                var env = new Dictionary<string, string>(environment, StringComparer.Ordinal);
                foreach (var (key, value) in assignments)
                {
                    env[key] = value;
                }

                if (program == "dotnet" && arguments.FirstOrDefault() == "publish")
                {
                    // The suite's own build, published as the README says (its -o out goes to a temporary folder).
                    var publish = arguments.Select(a => a == "Release" ? "Debug" : a == "out" ? published : a).Append("--no-build").ToList();
                    var (exit, output) = await ProcessRunner.RunAsync("dotnet", publish, env, repository, TimeSpan.FromMinutes(5));
                    outputs.Add(("dotnet " + string.Join(' ', publish), exit, output));
                    Assert.True(exit == 0, output);
                    continue;
                }

                Assert.Equal("out/Gongjiang.Web", program);
                var executable = Path.Combine(published, "Gongjiang.Web");
                if (arguments.Contains("--urls"))
                {
                    var urls = arguments.Select(a => a.StartsWith("http://", StringComparison.Ordinal) ? $"http://127.0.0.1:{port}" : a).ToList();
                    server = ProcessRunner.Start(executable, urls, env, elsewhere);
                    continue;
                }

                var (code, text) = await ProcessRunner.RunAsync(executable, arguments, env, elsewhere, TimeSpan.FromMinutes(2));
                outputs.Add(("out/Gongjiang.Web " + string.Join(' ', arguments), code, text));
                Assert.True(code == 0, $"{string.Join(' ', arguments)} → {code}: {text}");
            }

            Assert.NotNull(server);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await server.WaitUntilReadyAsync(client, "/health/ready", TimeSpan.FromMinutes(2));
            var home = await client.GetStringAsync("/");
            var stylesheet = Stylesheet().Match(home);
            Assert.True(stylesheet.Success, home);
            using var css = await client.GetAsync(stylesheet.Groups[1].Value);
            var cssBytes = await css.Content.ReadAsByteArrayAsync();
            var demoAdmin = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = "Gongjiang@2026" });
            var demoClerk = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "clerk", password = "Gongjiang@2026" });
            var realAdmin = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = AdminPassword });
            server.Kill();

            var migrate = outputs.Single(o => o.Command.EndsWith(" migrate", StringComparison.Ordinal));
            Assert.DoesNotContain("fail:", migrate.Output, StringComparison.Ordinal);
            Assert.Contains("数据库用途：生产", migrate.Output, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.True(cssBytes.Length > 1000, $"stylesheet {stylesheet.Groups[1].Value}: {cssBytes.Length} bytes");
            Assert.Equal(HttpStatusCode.Unauthorized, demoAdmin.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, demoClerk.StatusCode);
            Assert.Equal(HttpStatusCode.OK, realAdmin.StatusCode);
            Assert.DoesNotContain("演示模式", server.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("No XML encryptor", server.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("未配置 DataProtection", server.Output, StringComparison.Ordinal);

            var (users, persons, enterprises, origin) = await DatabaseContentsAsync(connection);
            Assert.Equal(["admin"], users);
            Assert.Equal(0, persons);
            Assert.Equal(0, enterprises);
            Assert.Equal("production", origin);

            // Asked for demo data anyway, the published binary refuses, says why, and writes nothing.
            var (demoExit, demoOutput) = await ProcessRunner.RunAsync(
                Path.Combine(published, "Gongjiang.Web"), ["--demo", "--urls", $"http://127.0.0.1:{port}"], environment, elsewhere, TimeSpan.FromMinutes(2));
            Assert.Equal(1, demoExit);
            Assert.Contains("演示模式已拒绝启动：该数据库由 migrate 命令创建", demoOutput, StringComparison.Ordinal);
            var after = await DatabaseContentsAsync(connection);
            Assert.Equal(["admin"], after.Users);
            Assert.Equal((0L, 0L, "production"), (after.Persons, after.Enterprises, after.Origin));
        }
        finally
        {
            server?.Dispose();
        }
    }

    /// <summary>
    /// The exports and commands of the README's production block. Values the README leaves to the reader (“…”, and
    /// <c>$(openssl …)</c>) must be given in <paramref name="fill"/>; any other is taken as written.
    /// </summary>
    private static (Dictionary<string, string> Environment, List<(List<(string Key, string Value)> Assignments, string Program, List<string> Arguments)> Commands)
        ReadmeProductionBlock(Dictionary<string, string> fill)
    {
        var readme = File.ReadAllText(Path.Combine(ProcessRunner.RepositoryRoot(), "README.md"));
        var section = readme[readme.IndexOf("## Production", StringComparison.Ordinal)..];
        var start = section.IndexOf("```bash\n", StringComparison.Ordinal) + "```bash\n".Length;
        var block = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var commands = new List<(List<(string, string)>, string, List<string>)>();

        string Value(string key, string written)
        {
            if (fill.TryGetValue(key, out var given))
            {
                return given;
            }

            Assert.False(written.Contains('…', StringComparison.Ordinal) || written.Contains("$(", StringComparison.Ordinal), $"README placeholder the test cannot fill: {key}={written}");
            return written.Trim('\'');
        }

        foreach (var raw in block.Split('\n'))
        {
            var line = Comment().Replace(raw, "").Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var words = Word().Matches(line).Select(m => m.Value).ToList();
            if (words[0] == "export")
            {
                foreach (var pair in words.Skip(1))
                {
                    var (key, value) = Split(pair);
                    environment[key] = Value(key, value);
                }

                continue;
            }

            var assignments = new List<(string, string)>();
            while (Assignment().IsMatch(words[0]))
            {
                var (key, value) = Split(words[0]);
                assignments.Add((key, Value(key, value)));
                words.RemoveAt(0);
            }

            commands.Add((assignments, words[0], words.Skip(1).Select(w => w.Trim('\'')).ToList()));
        }

        return (environment, commands);

        static (string Key, string Value) Split(string pair) => (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
    }

    private static async Task<(string[] Users, long Persons, long Enterprises, string? Origin)> DatabaseContentsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var users = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT \"UserName\" FROM platform.users ORDER BY 1", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                users.Add(reader.GetString(0));
            }
        }

        async Task<object?> ScalarAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return await command.ExecuteScalarAsync();
        }

        var persons = (long)(await ScalarAsync("SELECT count(*) FROM registry.persons"))!;
        var enterprises = (long)(await ScalarAsync("SELECT count(*) FROM registry.enterprises"))!;
        var origin = (string?)await ScalarAsync("SELECT \"Value\" FROM platform.platform_settings WHERE \"Key\" = 'database_origin'");
        Assert.DoesNotContain(users, u => DemoData.Accounts.Any(a => a.UserName == u) && u != "admin");
        return ([.. users], persons, enterprises, origin);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex(@"\s+#\s.*$")]
    private static partial Regex Comment();

    /// <summary>Words of a shell line: quoted strings, $(…) and plain words stay whole.</summary>
    [GeneratedRegex(@"(?:[^\s'$]+|'[^']*'|\$\([^)]*\))+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex Assignment();

    [GeneratedRegex("<link[^>]+rel=\"stylesheet\"[^>]+href=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();
}
