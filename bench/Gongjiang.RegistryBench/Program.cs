using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gongjiang.BenchSupport;
using Gongjiang.RegistryBench;

// Registry benchmark: see README.md. Every figure printed comes from this run.
if (Args.Get(args, "--child") == "import")
{
    return await ImportRunner.ChildAsync(Args.Get(args, "--conn")!, Args.Get(args, "--keys")!, Args.Get(args, "--files")!.Split('|'));
}

var rows = int.Parse(Args.Get(args, "--rows") ?? "100000", CultureInfo.InvariantCulture);
var format = Args.Get(args, "--format") ?? "csv";
var what = (Args.Get(args, "--what") ?? "all").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
if (what.Contains("all"))
{
    what = ["copy", "import", "memory", "search"];
}

var memoryBaselineRows = int.Parse(Args.Get(args, "--memory-baseline-rows") ?? "100000", CultureInfo.InvariantCulture);
var partRows = int.Parse(Args.Get(args, "--part-rows") ?? "0", CultureInfo.InvariantCulture);
var serverGc = (Args.Get(args, "--gc") ?? "server") == "server";
var searchCalls = int.Parse(Args.Get(args, "--search-calls") ?? "200", CultureInfo.InvariantCulture);
var searchRows = int.Parse(Args.Get(args, "--search-rows") ?? rows.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
if (format is not ("csv" or "xlsx"))
{
    Console.Error.WriteLine("--format csv|xlsx");
    return 2;
}

var started = Stopwatch.StartNew();
void Log(string message) => Console.WriteLine($"[{started.Elapsed:hh\\:mm\\:ss}] {message}");

var report = new List<string[]>();
var notes = new List<string>();
using var pg = PostgresHost.StartOrConnect(Args.Get(args, "--pg"));
Log("PostgreSQL: " + pg.Description);
var bench = BenchContext.CreateRandom();

async Task<string> FreshDatabaseAsync(string label)
{
    var cs = pg.CreateDatabase(label);
    await bench.MigrateAsync(cs);
    return cs;
}

// 1. The file(s).
var importLimit = Gongjiang.Web.Platform.Imports.ImportReadOptions.Default.MaxBytes;
List<string> Files(int total)
{
    var whole = RosterFiles.Ensure(total, 0, total, format, Log);
    var size = new FileInfo(whole).Length;
    var per = partRows > 0 ? partRows : size > importLimit ? (int)Math.Max(1, total * (importLimit * 0.9 / size)) : total;
    if (per >= total)
    {
        return [whole];
    }

    var files = new List<string>();
    for (var skip = 0; skip < total; skip += per)
    {
        files.Add(RosterFiles.Ensure(total, skip, Math.Min(per, total - skip), format, Log));
    }

    return files;
}

var mainFiles = what.Overlaps(["import"]) ? Files(rows) : [];
var wholeFile = Path.Combine(Path.GetTempPath(), $"gongjiang-roster-{rows}-seed{RosterFiles.Seed}-p{RosterFiles.Province}.{format}");
if (File.Exists(wholeFile))
{
    report.Add(["Generated file", $"{rows:N0} rows {format.ToUpperInvariant()}", $"{BenchContext.Mb(new FileInfo(wholeFile).Length)} MB", wholeFile]);
}

// 2. COPY baseline.
CopyResult? copy = null;
string? copyDb = null;
if (what.Contains("copy") || (what.Contains("search") && searchRows == rows))
{
    copyDb = await FreshDatabaseAsync("copy");
    Log($"COPY baseline: {rows:N0} generated rows …");
    copy = await CopyBaseline.RunAsync(bench, copyDb, rows);
    Log($"COPY baseline: {copy.ValidRows:N0} valid rows, {copy.Enterprises:N0} enterprises, {copy.Certificates:N0} certificates; prepare {copy.PrepareSeconds:0.0} s, COPY {copy.CopySeconds:0.0} s = {copy.RowsPerSecond:N0} rows/s");
    report.Add(["COPY baseline (binary COPY, 4 tables, indexes on)", $"{copy.ValidRows:N0} valid of {copy.GeneratedRows:N0}",
        $"{copy.CopySeconds:0.0} s → **{copy.RowsPerSecond:N0} rows/s**", $"preparation (hash, AES-GCM, mask, parse) {copy.PrepareSeconds:0.0} s, not timed"]);
}

// 3. Import (child processes) and peak memory.
ImportResult? main = null;
ImportResult? small = null;
if (what.Contains("import"))
{
    if (mainFiles.Count > 1)
    {
        // First the whole file as one upload, to record what the application does with it.
        var wholeDb = await FreshDatabaseAsync("whole");
        Log($"import of the whole {rows:N0}-row file as ONE upload ({BenchContext.Mb(new FileInfo(wholeFile).Length)} MB) …");
        var whole = ImportRunner.RunInChild(bench, wholeDb, [wholeFile], serverGc, Log);
        Log($"whole file: accepted {whole.Accepted}, file error: {whole.FileError ?? "none"}, exception: {whole.Exception ?? "none"}, {whole.Seconds:0.0} s");
        report.Add(["Import, whole file as one upload", $"{rows:N0} rows", $"accepted {whole.Accepted:N0} in {whole.Seconds:0.0} s", $"file error: {whole.FileError ?? "none"}{(whole.Exception is null ? "" : "; exception: " + whole.Exception)}"]);
        pg.DropDatabase(wholeDb);
    }

    var importDb = await FreshDatabaseAsync("import");
    Log($"import of {rows:N0} rows in {mainFiles.Count} file(s) …");
    main = ImportRunner.RunInChild(bench, importDb, mainFiles, serverGc, Log);
    Log($"import: accepted {main.Accepted:N0}, rejected {main.Rejected:N0}, duplicates {main.Duplicates:N0}, unchanged {main.Unchanged:N0}, {main.Seconds:0.0} s = {main.AcceptedPerSecond:N0} accepted rows/s; peak RSS {BenchContext.Mb(main.PeakRssBytes)} MB");
    var label = mainFiles.Count > 1 ? $"{mainFiles.Count} uploads, each under the {importLimit / 1024 / 1024} MB limit" : "one upload";
    report.Add([$"Import {format.ToUpperInvariant()} (ImportService.RunAsync, {label})",
        $"{rows:N0} rows: accepted {main.Accepted:N0}, rejected {main.Rejected:N0}, duplicates {main.Duplicates:N0}, unchanged {main.Unchanged:N0}",
        $"{main.Seconds:0.0} s → **{main.AcceptedPerSecond:N0} accepted rows/s** ({rows / main.Seconds:N0} file rows/s)",
        main.Exception is null ? main.FileError is null ? "" : "file error: " + main.FileError : "EXCEPTION: " + main.Exception]);
    if (copy is not null)
    {
        var ratio = main.AcceptedPerSecond / copy.RowsPerSecond;
        report.Add(["Import / COPY throughput", "", $"**{ratio:0.000}×**", $"target ≥ {(format == "xlsx" ? "0.3" : "0.5")}× → {(ratio >= (format == "xlsx" ? 0.3 : 0.5) ? "met" : "NOT met")}"]);
    }

    pg.DropDatabase(importDb);

    if (what.Contains("memory") && memoryBaselineRows != rows)
    {
        var smallFiles = Files(memoryBaselineRows);
        var smallDb = await FreshDatabaseAsync("import_small");
        Log($"import of {memoryBaselineRows:N0} rows (memory baseline) …");
        small = ImportRunner.RunInChild(bench, smallDb, smallFiles, serverGc, Log);
        Log($"small import: accepted {small.Accepted:N0}, {small.Seconds:0.0} s = {small.AcceptedPerSecond:N0} rows/s; peak RSS {BenchContext.Mb(small.PeakRssBytes)} MB");
        report.Add([$"Import {format.ToUpperInvariant()}, memory baseline", $"{memoryBaselineRows:N0} rows: accepted {small.Accepted:N0}, rejected {small.Rejected:N0}",
            $"{small.Seconds:0.0} s → {small.AcceptedPerSecond:N0} accepted rows/s", small.Exception ?? small.FileError ?? ""]);
        pg.DropDatabase(smallDb);
    }

    var gc = serverGc ? "Server GC (the web app's default)" : "Workstation GC";
    report.Add([$"Peak RSS (VmHWM) of the import process, {gc}", $"{rows:N0} rows", $"{BenchContext.Mb(main.PeakRssBytes)} MB", $"RSS before the import {BenchContext.Mb(main.RssBeforeBytes)} MB"]);
    if (small is not null)
    {
        report.Add([$"Peak RSS (VmHWM), {gc}", $"{memoryBaselineRows:N0} rows", $"{BenchContext.Mb(small.PeakRssBytes)} MB", $"RSS before the import {BenchContext.Mb(small.RssBeforeBytes)} MB"]);
        var ratio = (double)main.PeakRssBytes / small.PeakRssBytes;
        report.Add([$"Peak memory {rows:N0} / {memoryBaselineRows:N0}", "", $"**{ratio:0.00}×**", $"target ≤ 1.2× → {(ratio <= 1.2 ? "met" : "NOT met")}"]);
    }
}

// 4. Search.
if (what.Contains("search"))
{
    string searchDb;
    if (copyDb is not null && searchRows == rows)
    {
        searchDb = copyDb;
    }
    else
    {
        searchDb = await FreshDatabaseAsync("search");
        Log($"filling the search database by COPY with {searchRows:N0} generated rows …");
        await CopyBaseline.RunAsync(bench, searchDb, searchRows);
    }

    var persons = CopyBaseline.ValidPersons(searchRows);
    var (results, count) = await SearchBench.RunAsync(bench, searchDb, persons, searchCalls, Log);
    foreach (var r in results)
    {
        Log($"{r.Kind}: {r.Calls} calls, p50 {r.P50:0.0} ms, p95 {r.P95:0.0} ms, max {r.Max:0.0} ms, mean hits {r.MeanHits:0.0}, misses {r.Misses}");
        report.Add([$"Search: {r.Kind} (PersonUseCases.SearchAsync, page 20)", $"{count:N0} persons (filled by COPY baseline), {r.Calls} calls",
            $"p50 {r.P50:0.0} ms, **p95 {r.P95:0.0} ms**, max {r.Max:0.0} ms", $"mean total hits {r.MeanHits:N1}; target p95 ≤ 50 ms → {(r.P95 <= 50 ? "met" : "NOT met")}"]);
    }
}

if (copyDb is not null && Args.Get(args, "--keep") is null)
{
    pg.DropDatabase(copyDb);
}

var table = new StringBuilder();
table.AppendLine(CultureInfo.InvariantCulture, $"| Measurement | Rows | Result | Notes |");
table.AppendLine("|---|---|---|---|");
foreach (var r in report)
{
    table.AppendLine(CultureInfo.InvariantCulture, $"| {r[0]} | {r[1]} | {r[2]} | {r[3].Replace("|", "/", StringComparison.Ordinal)} |");
}

Console.WriteLine();
Console.WriteLine(table.ToString());
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {BenchContext.Mb(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)} MB; {pg.Description}; total {started.Elapsed.TotalMinutes:0.0} min");
return 0;

internal static class Args
{
    public static string? Get(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
