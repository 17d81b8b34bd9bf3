using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Gongjiang.DataGen;
using Gongjiang.Web.Features.Registry.Imports;
using Gongjiang.Web.Tests.Crawl;
using Gongjiang.Web.Tests.Infrastructure;
using Gongjiang.Web.Tests.Production;
using Microsoft.Data.Sqlite;

namespace Gongjiang.Web.Tests.Registry.Imports;

/// <summary>
/// Issue 8: <c>kill -9</c> during a large import left the database as before (one transaction) but left the temporary
/// copies of the upload behind, and no trace of the import in the import list or the audit log. The import is recorded
/// as running from the start; the next start deletes the orphaned temporary files and records the import as 中断.
/// </summary>
public sealed class InterruptedImportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gongjiang-kill-" + Guid.NewGuid().ToString("N")[..8]);

    public InterruptedImportTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task An_import_killed_midway_is_recorded_as_interrupted_and_its_temporary_files_are_swept_at_the_next_start()
    {
        var temp = Directory.CreateDirectory(Path.Combine(_folder, "tmp")).FullName;
        var database = Path.Combine(_folder, "gongjiang.db");
        var port = ProcessRunner.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Default"] = $"Data Source={database}",
            ["Data__Folder"] = _folder,
            ["Demo__Password"] = TestApp.Password,
            ["Demo__Publications"] = "false",
            ["Audit__ChainKey"] = TestApp.AuditKey,
            ["Registry__IdHashKey"] = TestApp.IdHashKey,
            ["Registry__IdEncryptionKey"] = TestApp.IdEncryptionKey,
            ["TMPDIR"] = temp, // the process's temporary folder, where uploads are buffered
        };
        string[] arguments = [Path.Combine(AppContext.BaseDirectory, "Gongjiang.Web.dll"), "--demo", "--urls", $"http://127.0.0.1:{port}"];
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };

        using (var first = ProcessRunner.Start("dotnet", arguments, environment, AppContext.BaseDirectory))
        {
            await first.WaitUntilReadyAsync(http, "/health/ready", TimeSpan.FromMinutes(2));
            var token = await TokenAsync(http, "admin", TestApp.Password);
            using (var admin = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accounts"))
            {
                admin.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                admin.Content = JsonContent.Create(new { userName = "gdclerk", displayName = "广东省窗口", role = "Clerk", regionCode = "440000", password = TestApp.Password });
                (await http.SendAsync(admin)).EnsureSuccessStatusCode();
            }

            using var file = new MemoryStream();
            CsvWriter.Write(file, RecordKind.Roster, new RosterGenerator(seed: 11, provinceCode: "44", badRowShare: 0).Persons(60_000), TextEncodings.Utf8WithBom);
            using var form = new MultipartFormDataContent();
            var content = new ByteArrayContent(file.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(content, "file", "名册.csv");
            form.Add(new StringContent("roster"), "kind");
            using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/v1/registry/imports") { Content = form };
            upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, "gdclerk", TestApp.Password));
            var importing = http.SendAsync(upload);

            // Once the import runs (recorded, its copy of the upload made), the process dies without any cleanup.
            var until = DateTime.UtcNow.AddMinutes(2);
            while (!(await RunningImportsAsync(database) > 0 && Directory.EnumerateFiles(temp, "gongjiang-import-*.tmp").Any()))
            {
                if (importing.IsCompleted)
                {
                    var answer = await importing;
                    Assert.Fail($"the import ended before it could be interrupted: {await answer.Content.ReadAsStringAsync()}");
                }

                Assert.True(DateTime.UtcNow < until, "the import never started: " + first.Output);
                await Task.Delay(20);
            }

            first.Kill();
            await Assert.ThrowsAnyAsync<Exception>(() => importing);
        }

        var leftBehind = ImportRecovery.TempFilePatterns.SelectMany(p => Directory.EnumerateFiles(temp, p)).ToList();
        Assert.NotEmpty(leftBehind);

        using (var second = ProcessRunner.Start("dotnet", arguments, environment, AppContext.BaseDirectory))
        {
            await second.WaitUntilReadyAsync(http, "/health/ready", TimeSpan.FromMinutes(2));
            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
            using var browser = new HttpClient(handler) { BaseAddress = http.BaseAddress };
            await CrawlSite.SignInAsync(browser, "gdclerk");
            var list = await browser.GetStringAsync("/registry/imports");
            second.Kill();

            Assert.Contains("<td>中断</td>", list, StringComparison.Ordinal);
        }

        Assert.Empty(ImportRecovery.TempFilePatterns.SelectMany(p => Directory.EnumerateFiles(temp, p)));
        Assert.Equal(0L, await RunningImportsAsync(database));
        Assert.Equal((long)ImportStatus.Interrupted, await ScalarAsync(database, "SELECT \"Status\" FROM registry_imports"));
        Assert.Equal(ImportRecovery.InterruptedMessage, await ScalarAsync(database, "SELECT \"FileError\" FROM registry_imports"));
        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM audit_entries WHERE \"EntityType\" = 'RegistryImport' AND \"Outcome\" = 'failed' AND \"Detail\" LIKE '人员名册导入中断：文件 名册.csv%'"));
        Assert.Equal(5L, await ScalarAsync(database, "SELECT count(*) FROM persons")); // the demo's five: nothing of the import applied
    }

    [Fact]
    public void The_sweep_deletes_temporary_files_nobody_holds_and_leaves_those_of_running_imports()
    {
        var orphan = Path.Combine(_folder, "gongjiang-import-orphan.tmp");
        var buffered = Path.Combine(_folder, "ASPNETCORE_orphan.tmp");
        var running = Path.Combine(_folder, "gongjiang-import-running.tmp");
        var unrelated = Path.Combine(_folder, "other.tmp");
        foreach (var path in new[] { orphan, buffered, unrelated })
        {
            File.WriteAllText(path, "名册");
        }

        int deleted;
        using (var held = new FileStream(running, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
        {
            deleted = ImportRecovery.SweepTempFiles([_folder]);
            Assert.True(File.Exists(running));
        }

        Assert.Equal(2, deleted);
        Assert.False(File.Exists(orphan));
        Assert.False(File.Exists(buffered));
        Assert.True(File.Exists(unrelated));
    }

    private static async Task<string> TokenAsync(HttpClient http, string userName, string password)
    {
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
    }

    private static async Task<long> RunningImportsAsync(string database) =>
        File.Exists(database) ? (long)(await ScalarAsync(database, $"SELECT count(*) FROM registry_imports WHERE \"Status\" = {(int)ImportStatus.Running}"))! : 0;

    private static async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
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
    }

    private sealed record TokenBody(string AccessToken);
}
