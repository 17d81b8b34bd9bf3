using System.Diagnostics;
using System.Globalization;
using Gongjiang.BenchSupport;
using Gongjiang.Core.Supervision;
using Gongjiang.Web.Features.Supervision;
using Gongjiang.Web.Features.Supervision.Contracts;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

// Usage: dotnet run -c Release --project bench/Gongjiang.SupervisionBench [-- --pg <connection>] [--runs 50] [--years 3]
var pg = Arg("--pg");
var runs = int.Parse(Arg("--runs") ?? "50", CultureInfo.InvariantCulture);
var years = int.Parse(Arg("--years") ?? "3", CultureInfo.InvariantCulture);
var today = new DateOnly(2026, 12, 20);
var clock = new FixedClock(new DateTimeOffset(today.Year, today.Month, today.Day, 10, 0, 0, TimeSpan.FromHours(8)));
var hierarchy = ReportingHierarchy.Default;
var options = Options.Create(new SupervisionOptions());
var schedule = options.Value.Schedule;

using var host = PostgresHost.StartOrConnect(pg);
var connection = host.CreateDatabase("supervision");
Console.WriteLine($"PostgreSQL: {host.Description}");
try
{
    await using (var db = GongjiangDbContextFactory.Create(DatabaseProvider.Postgres, connection, clock: clock))
    {
        await db.Database.MigrateAsync();
    }

    // Every region that reports: the 31 provinces, their cities and their counties.
    var regions = new List<string>();
    var queue = new Queue<string>(["000000"]);
    while (queue.Count > 0)
    {
        foreach (var r in hierarchy.ReportingTo(queue.Dequeue()))
        {
            regions.Add(r.Code);
            queue.Enqueue(r.Code);
        }
    }

    var counties = regions.Count(r => hierarchy.LevelOf(r) == GovernmentLevel.County);
    var periods = Enumerable.Range(today.Year - years + 1, years).SelectMany(schedule.PeriodsOf).ToList();
    Console.WriteLine($"Regions: {regions.Count} ({counties} counties); periods: {periods.Count} ({string.Join(" ", periods.Select(p => p.Key))})");

    var load = Stopwatch.StartNew();
    var (reports, lines) = await LoadAsync(connection, regions, periods);
    Console.WriteLine($"Loaded {reports:N0} reports, {lines:N0} report lines, documents and targets in {load.Elapsed.TotalSeconds:0.0} s (binary COPY), then ANALYZE.");

    // Matrix: the ministry (31 provinces) and a province's drill-down (广东's cities), each call on a fresh context as a request would be.
    foreach (var (label, region) in new[] { ("ministry matrix (31 provinces)", "000000"), ("province drill-down (广东, cities)", "440000"), ("city drill-down (深圳, counties)", "440300") })
    {
        var times = new List<double>();
        for (var i = 0; i < runs + 5; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var db = GongjiangDbContextFactory.Create(DatabaseProvider.Postgres, connection, clock: clock);
            var service = Service(db);
            var matrix = await service.MatrixAsync(today.Year, region, CancellationToken.None);
            watch.Stop();
            if (!matrix.IsValid || matrix.Value!.Regions.Count == 0)
            {
                throw new InvalidOperationException("matrix failed: " + string.Join("；", matrix.Reasons));
            }

            if (i >= 5)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        Console.WriteLine($"{label,-36} p50 {Percentile(times, 0.50),7:0.0} ms   p95 {Percentile(times, 0.95),7:0.0} ms   max {times[^1],7:0.0} ms   ({runs} runs)");
    }

    // Year-end XLSX: a province and the whole country; memory sampled every 2 ms during the export.
    foreach (var (label, region) in new[] { ("year-end XLSX, 广东", "440000"), ("year-end XLSX, all provinces", "000000") })
    {
        var file = Path.GetTempFileName();
        try
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var baseline = GC.GetTotalMemory(true);
            long peak = baseline;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(false));
                    await Task.Delay(2);
                }
            });
            var allocated = GC.GetTotalAllocatedBytes(true);
            var watch = Stopwatch.StartNew();
            await using (var output = File.Create(file))
            await using (var db = GongjiangDbContextFactory.Create(DatabaseProvider.Postgres, connection, clock: clock))
            {
                await Service(db).WriteYearEndXlsxAsync(today.Year - 1, region, output, CancellationToken.None);
            }

            watch.Stop();
            await stop.CancelAsync();
            await sampler;
            var size = new FileInfo(file).Length;
            Console.WriteLine($"{label,-36} {watch.Elapsed.TotalSeconds,6:0.00} s   file {Mb(size),6} MB   managed heap peak above baseline {Mb(peak - baseline),6} MB   allocated {Mb(GC.GetTotalAllocatedBytes(true) - allocated)} MB");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
finally
{
    host.DropDatabase(connection);
}

SupervisionService Service(GongjiangDbContext db) =>
    new(db, clock, options, Array.Empty<IIndicatorSource>(), new AttachmentStore(options, new PlatformSettings { ConnectionString = connection, DataFolder = Path.GetTempPath(), DemoPassword = "" }));

static async Task<(long Reports, long Lines)> LoadAsync(string connectionString, List<string> regions, List<ReportPeriod> periods)
{
    var random = new Random(13);
    var catalog = MeasureCatalog.Default;
    var now = DateTimeOffset.UtcNow;
    long reports = 0, lines = 0;
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using (var reportWriter = await connection.BeginBinaryImportAsync(
        "COPY supervision.supervision_reports (\"Id\",\"RegionCode\",\"RegionName\",\"PeriodKey\",\"Year\",\"Kind\",\"Number\",\"PeriodEnd\",\"Status\",\"Summary\",\"FirstSubmittedOn\",\"SubmittedOn\",\"AcceptedOn\",\"UpdatedByName\",\"UpdatedAt\",\"Version\") FROM STDIN (FORMAT BINARY)"))
    {
        var lineRows = new List<(Guid Report, string Region, string Measure, int Status)>();
        foreach (var region in regions)
        {
            var name = ReportingHierarchy.Default.Regions.FullName(region);
            var progress = catalog.All.Select(_ => random.Next(0, 3)).ToArray();
            foreach (var period in periods)
            {
                var id = Guid.CreateVersion7();
                var submitted = period.End.AddDays(10);
                await reportWriter.StartRowAsync();
                await reportWriter.WriteAsync(id, NpgsqlDbType.Uuid);
                await reportWriter.WriteAsync(region);
                await reportWriter.WriteAsync(name);
                await reportWriter.WriteAsync(period.Key);
                await reportWriter.WriteAsync(period.Year, NpgsqlDbType.Integer);
                await reportWriter.WriteAsync((int)period.Kind, NpgsqlDbType.Integer);
                await reportWriter.WriteAsync(period.Number, NpgsqlDbType.Integer);
                await reportWriter.WriteAsync(period.End, NpgsqlDbType.Date);
                await reportWriter.WriteAsync((int)ReportStatus.Accepted, NpgsqlDbType.Integer);
                await reportWriter.WriteAsync("本期总体进展顺利。");
                await reportWriter.WriteAsync(submitted, NpgsqlDbType.Date);
                await reportWriter.WriteAsync(submitted, NpgsqlDbType.Date);
                await reportWriter.WriteAsync(submitted.AddDays(3), NpgsqlDbType.Date);
                await reportWriter.WriteAsync("基准数据");
                await reportWriter.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await reportWriter.WriteAsync(0, NpgsqlDbType.Integer);
                reports++;
                for (var m = 0; m < catalog.Count; m++)
                {
                    if (random.Next(0, 4) == 0)
                    {
                        progress[m] = Math.Min(2, progress[m] + 1);
                    }

                    lineRows.Add((id, region, catalog.All[m].Code, progress[m] + 1));
                }
            }
        }

        await reportWriter.CompleteAsync();
        await reportWriter.DisposeAsync();
        await using var lineWriter = await connection.BeginBinaryImportAsync(
            "COPY supervision.supervision_report_lines (\"Id\",\"ReportId\",\"RegionCode\",\"MeasureCode\",\"Status\",\"Narrative\") FROM STDIN (FORMAT BINARY)");
        foreach (var (report, region, measure, status) in lineRows)
        {
            await lineWriter.StartRowAsync();
            await lineWriter.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            await lineWriter.WriteAsync(report, NpgsqlDbType.Uuid);
            await lineWriter.WriteAsync(region);
            await lineWriter.WriteAsync(measure);
            await lineWriter.WriteAsync(status, NpgsqlDbType.Integer);
            await lineWriter.WriteAsync("已制定工作方案，正在组织实施，按计划推进各项任务。");
            lines++;
        }

        await lineWriter.CompleteAsync();
    }

    // Two implementing documents (three measures each) and one work target per region.
    await using (var documents = await connection.BeginBinaryImportAsync(
        "COPY supervision.supervision_documents (\"Id\",\"RegionCode\",\"Title\",\"Number\",\"Issuer\",\"IssuedOn\",\"Measures\",\"FiledByName\",\"FiledAt\") FROM STDIN (FORMAT BINARY)"))
    {
        var measureRows = new List<(Guid Document, string Region, string Measure, DateOnly IssuedOn)>();
        foreach (var region in regions)
        {
            for (var d = 0; d < 2; d++)
            {
                var id = Guid.CreateVersion7();
                var measures = catalog.All.OrderBy(_ => random.Next()).Take(3).Select(m => m.Code).ToList();
                var issued = new DateOnly(2019 + d, 3 + random.Next(0, 9), 1 + random.Next(0, 27));
                await documents.StartRowAsync();
                await documents.WriteAsync(id, NpgsqlDbType.Uuid);
                await documents.WriteAsync(region);
                await documents.WriteAsync("关于贯彻落实提高技术工人待遇意见的实施方案");
                await documents.WriteAsync($"{region}人社发〔{issued.Year}〕{d + 1}号");
                await documents.WriteAsync("人力资源和社会保障局");
                await documents.WriteAsync(issued, NpgsqlDbType.Date);
                await documents.WriteAsync(string.Join(",", measures));
                await documents.WriteAsync("基准数据");
                await documents.WriteAsync(now, NpgsqlDbType.TimestampTz);
                measureRows.AddRange(measures.Select(m => (id, region, m, issued)));
            }
        }

        await documents.CompleteAsync();
        await documents.DisposeAsync();
        await using var documentMeasures = await connection.BeginBinaryImportAsync(
            "COPY supervision.supervision_document_measures (\"Id\",\"DocumentId\",\"RegionCode\",\"MeasureCode\",\"IssuedOn\") FROM STDIN (FORMAT BINARY)");
        foreach (var (document, region, measure, issued) in measureRows)
        {
            await documentMeasures.StartRowAsync();
            await documentMeasures.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            await documentMeasures.WriteAsync(document, NpgsqlDbType.Uuid);
            await documentMeasures.WriteAsync(region);
            await documentMeasures.WriteAsync(measure);
            await documentMeasures.WriteAsync(issued, NpgsqlDbType.Date);
        }

        await documentMeasures.CompleteAsync();
    }

    await using (var targets = await connection.BeginBinaryImportAsync(
        "COPY supervision.supervision_targets (\"Id\",\"RegionCode\",\"MeasureCode\",\"Description\",\"DueOn\",\"CreatedByName\",\"CreatedAt\") FROM STDIN (FORMAT BINARY)"))
    {
        foreach (var region in regions)
        {
            await targets.StartRowAsync();
            await targets.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            await targets.WriteAsync(region);
            await targets.WriteAsync(catalog.All[random.Next(0, catalog.Count)].Code);
            await targets.WriteAsync("年内出台配套实施细则");
            await targets.WriteAsync(new DateOnly(2026, 1 + random.Next(0, 12), 1), NpgsqlDbType.Date);
            await targets.WriteAsync("基准数据");
            await targets.WriteAsync(now, NpgsqlDbType.TimestampTz);
        }

        await targets.CompleteAsync();
    }

    await using (var analyze = new NpgsqlCommand("ANALYZE", connection))
    {
        await analyze.ExecuteNonQueryAsync();
    }

    return (reports, lines);
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);

string? Arg(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
