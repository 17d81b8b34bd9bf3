using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Gongjiang.Web.Features.Registry.Imports;

namespace Gongjiang.RegistryBench;

/// <summary>What one import child process did.</summary>
internal sealed record ImportResult(
    int Files,
    int Accepted,
    int Rejected,
    int Duplicates,
    int Unchanged,
    string? FileError,
    string? Exception,
    double Seconds,
    long RssBeforeBytes,
    long PeakRssBytes,
    long PeakWorkingSetBytes,
    bool ServerGc)
{
    public double AcceptedPerSecond => Accepted / Seconds;
}

/// <summary>
/// Runs <see cref="ImportService.RunAsync"/> in a child process of this program, one file after another (each file a
/// separate upload with its own context, as the web app would), so that the child's peak resident memory belongs to
/// the import alone.
/// </summary>
internal static class ImportRunner
{
    private const string ResultPrefix = "RESULT ";

    /// <summary>Parent side: starts the child and waits for its answer.</summary>
    public static ImportResult RunInChild(BenchContext bench, string connectionString, IReadOnlyList<string> files, bool serverGc, Action<string> log)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (string.Equals(Path.GetFileNameWithoutExtension(Environment.ProcessPath), "dotnet", StringComparison.Ordinal))
        {
            info.ArgumentList.Add(typeof(ImportRunner).Assembly.Location);
        }

        foreach (var argument in new[] { "--child", "import", "--conn", connectionString, "--keys", bench.Serialize(), "--files", string.Join('|', files) })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";
        using var process = Process.Start(info)!;
        string? result = null;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log("  [child] " + e.Data);
            }
        };
        process.BeginErrorReadLine();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
            {
                result = line[ResultPrefix.Length..];
            }
            else
            {
                log("  [child] " + line);
            }
        }

        process.WaitForExit();
        if (result is null)
        {
            throw new InvalidOperationException($"import child exited with {process.ExitCode} without a result");
        }

        return JsonSerializer.Deserialize<ImportResult>(result)!;
    }

    /// <summary>Child side.</summary>
    public static async Task<int> ChildAsync(string connectionString, string keys, string[] files)
    {
        var bench = BenchContext.Deserialize(keys);
        var rssBefore = Status("VmRSS");
        int accepted = 0, rejected = 0, duplicates = 0, unchanged = 0;
        string? fileError = null;
        string? exception = null;
        var watch = Stopwatch.StartNew();
        try
        {
            foreach (var file in files)
            {
                var one = Stopwatch.StartNew();
                await using var db = bench.CreateDb(connectionString);
                var service = new ImportService(db, bench.Protector, BenchContext.Clock);
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
                var summary = await service.RunAsync(stream, Path.GetFileName(file), ImportKind.Roster, null, CancellationToken.None);
                accepted += summary.Accepted;
                rejected += summary.Rejected;
                duplicates += summary.Duplicates;
                unchanged += summary.Unchanged;
                fileError ??= summary.FileError;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Path.GetFileName(file)}: accepted {summary.Accepted}, rejected {summary.Rejected}, duplicates {summary.Duplicates}, unchanged {summary.Unchanged}, " +
                    $"file error {summary.FileError ?? "none"}; {one.Elapsed.TotalSeconds:0.0} s; VmHWM so far {BenchContext.Mb(Status("VmHWM"))} MB"));
            }
        }
        catch (Exception e)
        {
            exception = e.GetType().Name + ": " + e.Message;
            Console.Error.WriteLine(e.ToString());
        }

        watch.Stop();
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GC: allocated {BenchContext.Mb(GC.GetTotalAllocatedBytes())} MB, collections gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}, " +
            $"heap at the last collection {BenchContext.Mb(gc.HeapSizeBytes)} MB, committed {BenchContext.Mb(gc.TotalCommittedBytes)} MB, pause {gc.PauseTimePercentage:0.0} %, " +
            $"live after a full collection {BenchContext.Mb(GC.GetTotalMemory(forceFullCollection: true))} MB"));
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var result = new ImportResult(files.Length, accepted, rejected, duplicates, unchanged, fileError, exception, watch.Elapsed.TotalSeconds,
            rssBefore, Status("VmHWM"), self.PeakWorkingSet64, System.Runtime.GCSettings.IsServerGC);
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result));
        return exception is null ? 0 : 1;
    }

    /// <summary>A memory line of /proc/self/status (kB) in bytes.</summary>
    private static long Status(string key)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        if (line is null)
        {
            return -1;
        }

        var number = line[(key.Length + 1)..].Trim().Split(' ')[0];
        return long.Parse(number, CultureInfo.InvariantCulture) * 1024;
    }
}
