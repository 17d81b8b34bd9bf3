using System.Diagnostics;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry.Imports;

/// <summary>What became of an import. Completed is 0: imports recorded before statuses existed had completed.</summary>
public enum ImportStatus
{
    Completed = 0,
    Running = 1,
    Failed = 2,
    Interrupted = 3,
}

public static class ImportStatuses
{
    public static string ChineseName(ImportStatus status) => status switch
    {
        ImportStatus.Completed => "完成",
        ImportStatus.Running => "进行中",
        ImportStatus.Failed => "文件被拒绝",
        ImportStatus.Interrupted => "中断",
        _ => "未知",
    };

    /// <summary>The import list's 拒绝 column: the count, or what stopped the import.</summary>
    public static string ListText(RegistryImport import) => import.Status switch
    {
        ImportStatus.Running or ImportStatus.Interrupted => ChineseName(import.Status),
        _ when import.FileError is not null => ChineseName(ImportStatus.Failed),
        _ => import.Rejected.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// At start, before serving: an import cut off by a crash (kill -9, power loss) changed nothing — its rows were in one
/// transaction — but left its temporary copies of the upload behind and its record 进行中. The temporary files that no
/// live process holds open are deleted, and the imports whose process is gone are recorded as 中断, in the list and in
/// the audit log.
/// </summary>
public static class ImportRecovery
{
    /// <summary>Runs the sweep when the web host starts (hosted services start before the server listens).</summary>
    internal sealed class AtStart(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => SweepAsync(services, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Temporary files of uploads: the import's own copy and ASP.NET Core's buffer of a large form.</summary>
    public static readonly string[] TempFilePatterns = ["gongjiang-import-*.tmp", "ASPNETCORE_*.tmp"];

    /// <summary>An import still running after this long is stale even if its process cannot be checked (another host).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(12);

    public const string InterruptedMessage = "导入过程中服务中断（进程退出），未作任何更改，请重新导入";

    /// <summary>This process, as recorded on the imports it runs.</summary>
    public static string CurrentWorker { get; } = Environment.MachineName + "/" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<(int Files, int Imports)> SweepAsync(IServiceProvider services, CancellationToken ct)
    {
        var files = SweepTempFiles(TempFolders());
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentActor>().Use(Actor.System("启动"));
        var db = scope.ServiceProvider.GetRequiredService<GongjiangDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var running = await db.Set<RegistryImport>().Where(i => i.Status == ImportStatus.Running).ToListAsync(ct);
        var stale = running.Where(i => IsStale(i, now)).ToList();
        foreach (var import in stale)
        {
            import.Status = ImportStatus.Interrupted;
            import.FileError = InterruptedMessage;
            db.Audit(new AuditEvent(AuditActions.Create, nameof(RegistryImport), import.Id.ToString(), AuditOutcomes.Failed,
                $"{ImportColumns.ChineseName(import.Kind)}导入中断：文件 {import.FileName}（SHA-256 {import.FileSha256}），{import.CreatedAt.ToOffset(Platform.ChinaTime.Offset):yyyy-MM-dd HH:mm:ss} 开始，经办人 {import.ActorName}；服务中断，未作任何更改"));
        }

        if (stale.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        if (files + stale.Count > 0)
        {
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ImportRecovery))
                .LogWarning("已清理中断导入留下的临时文件 {Files} 个，将 {Imports} 个未完成的导入记为中断", files, stale.Count);
        }

        return (files, stale.Count);
    }

    /// <summary>Where uploads are buffered: the temporary folder, and ASP.NET Core's own if set apart.</summary>
    public static IEnumerable<string> TempFolders() =>
        new[] { Path.GetTempPath(), Environment.GetEnvironmentVariable("ASPNETCORE_TEMP") }
            .Where(f => !string.IsNullOrEmpty(f) && Directory.Exists(f))
            .Select(f => Path.GetFullPath(f!))
            .Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Deletes the upload temporaries nobody holds open. A live process keeps each open (an advisory lock on Unix, a
    /// share mode on Windows), so opening it exclusively fails and it is left alone; a dead process's file opens.
    /// </summary>
    public static int SweepTempFiles(IEnumerable<string> folders)
    {
        var deleted = 0;
        foreach (var folder in folders)
        {
            foreach (var path in TempFilePatterns.SelectMany(p => Directory.EnumerateFiles(folder, p, SearchOption.TopDirectoryOnly)))
            {
                try
                {
                    using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                    {
                    }

                    File.Delete(path);
                    deleted++;
                }
                catch (IOException)
                {
                    // Held open by a running import (or gone already).
                }
                catch (UnauthorizedAccessException)
                {
                    // Another user's file.
                }
            }
        }

        return deleted;
    }

    private static bool IsStale(RegistryImport import, DateTimeOffset now)
    {
        if (now - import.CreatedAt > StaleAfter)
        {
            return true;
        }

        var parts = import.Worker?.Split('/');
        if (parts is not [var host, var pidText] || host != Environment.MachineName || !int.TryParse(pidText, out var pid))
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            return false; // this process is starting: none of its imports has begun (tests run several apps in one process)
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
    }
}
