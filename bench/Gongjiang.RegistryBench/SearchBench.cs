using System.Diagnostics;
using Gongjiang.Web.Features.Registry.Persons;
using Gongjiang.Web.Platform.Api;
using Npgsql;

namespace Gongjiang.RegistryBench;

/// <summary>Latencies of one kind of search, in milliseconds.</summary>
internal sealed record LatencyResult(string Kind, int Calls, double P50, double P95, double Max, double MeanHits, int Misses)
{
    public static LatencyResult From(string kind, List<double> ms, List<int> hits, int misses)
    {
        ms.Sort();
        return new LatencyResult(kind, ms.Count, Percentile(ms, 0.50), Percentile(ms, 0.95), ms[^1], hits.Average(), misses);
    }

    private static double Percentile(List<double> sorted, double p)
    {
        // Nearest rank.
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>
/// Person search through <see cref="PersonUseCases.SearchAsync"/> (the code behind the page and the API), page size 20,
/// system actor (nationwide): exact 公民身份号码 lookups of random existing persons and 姓名 substring searches with
/// random 1-character and (separately) 2-character substrings of existing names. Each call gets a fresh context (as each request does); only the
/// SearchAsync call is timed. Ten untimed warm-up calls of each kind come first; ANALYZE before everything.
/// </summary>
internal static class SearchBench
{
    public static async Task<(List<LatencyResult> Results, long Persons)> RunAsync(
        BenchContext bench, string connectionString, List<(string Name, string IdNumber)> persons, int calls, Action<string> log)
    {
        long count;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using (var analyze = new NpgsqlCommand("ANALYZE", connection))
            {
                await analyze.ExecuteNonQueryAsync();
            }

            await using var countCommand = new NpgsqlCommand("SELECT count(*) FROM registry.persons", connection);
            count = (long)(await countCommand.ExecuteScalarAsync())!;
        }

        log($"search: {count} persons in the database; ANALYZE done");
        var random = new Random(7);
        var idQueries = Enumerable.Range(0, calls + 10).Select(_ => persons[random.Next(persons.Count)].IdNumber).ToList();
        List<string> NameQueries(int length) => Enumerable.Range(0, calls + 10).Select(_ =>
        {
            string name;
            do
            {
                name = persons[random.Next(persons.Count)].Name;
            }
            while (name.Length < length);

            return name.Substring(random.Next(name.Length - length + 1), length);
        }).ToList();

        var id = await MeasureAsync(bench, connectionString, idQueries, q => new PersonSearch { IdNumber = q }, expectOne: true);
        var one = await MeasureAsync(bench, connectionString, NameQueries(1), q => new PersonSearch { Q = q }, expectOne: false);
        var two = await MeasureAsync(bench, connectionString, NameQueries(2), q => new PersonSearch { Q = q }, expectOne: false);
        return (
        [
            LatencyResult.From("exact ID lookup", id.Ms, id.Hits, id.Misses),
            LatencyResult.From("name substring, 1 character", one.Ms, one.Hits, one.Misses),
            LatencyResult.From("name substring, 2 characters", two.Ms, two.Hits, two.Misses),
        ], count);
    }

    private static async Task<(List<double> Ms, List<int> Hits, int Misses)> MeasureAsync(
        BenchContext bench, string connectionString, List<string> queries, Func<string, PersonSearch> search, bool expectOne)
    {
        var ms = new List<double>();
        var hits = new List<int>();
        var misses = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            await using var db = bench.CreateDb(connectionString);
            var criteria = search(queries[i]);
            var watch = Stopwatch.StartNew();
            var (page, errors) = await PersonUseCases.SearchAsync(db, bench.Protector, criteria, new PageRequest(1, 20), BenchContext.Today, CancellationToken.None);
            watch.Stop();
            if (page is null)
            {
                throw new InvalidOperationException("search refused: " + errors);
            }

            if (i < 10)
            {
                continue; // warm-up
            }

            ms.Add(watch.Elapsed.TotalMilliseconds);
            hits.Add(page.Total);
            if (page.Total == 0 || (expectOne && page.Total != 1))
            {
                misses++;
            }
        }

        return (ms, hits, misses);
    }
}
