using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Gongjiang.BenchSupport;
using Gongjiang.Core.Policies;
using Gongjiang.Web.Features.Policies.Catalogue;
using Gongjiang.Web.Features.Policies.Data;
using Gongjiang.Web.Features.Policies.Engine;
using Gongjiang.Web.Features.Policies.Simulations;
using Gongjiang.Web.Features.Registry.Facts;
using Gongjiang.Web.Features.Registry.Protection;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.PolicyBench;

/// <summary>
/// Issue 11's end-to-end figure: on PostgreSQL, a full recompute of 广东's entitlements for N persons including reading
/// their facts (<see cref="RegistryRuns.RecomputeAsync"/>) against only reading the same facts
/// (<see cref="RegistryRuns.ReadFactsAsync"/>), in the same run, on the same database. The database is migrated with
/// the application's migrations, the seeded catalogue (national items, 广东 and 深圳 examples) is stored, and the
/// registry is loaded with binary COPY (<see cref="RegistryLoad"/>). Both are wired as the application wires them
/// (scoped context acting as the system actor, the registry's fact source, the policy catalogue). After an untimed
/// warm-up of each, timed passes alternate read/recompute in ABBA order; the medians are compared. Exit code 5 above 2×.
/// </summary>
internal static class RecomputeBench
{
    public const double Limit = 2.0;

    public static async Task<int> RunAsync(int persons, int rounds, string? pg, DateOnly asOf)
    {
        var clock = new FixedClock(new DateTimeOffset(asOf.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        var auditKey = new AuditKey(RandomNumberGenerator.GetBytes(32));
        using var host = PostgresHost.StartOrConnect(pg);
        Console.WriteLine($"PostgreSQL: {host.Description}");
        var connection = host.CreateDatabase("policy");
        try
        {
            GongjiangDbContext Db() => GongjiangDbContextFactory.Create(DatabaseProvider.Postgres, connection, auditKey, clock);
            var prepare = Stopwatch.StartNew();
            await using (var db = Db())
            {
                await db.Database.MigrateAsync();
                var now = clock.GetUtcNow();
                foreach (var document in PolicySeed.Documents)
                {
                    db.Add(new StoredPolicyDocument
                    {
                        Id = document.Id,
                        Title = document.Title,
                        DocumentNumber = document.DocumentNumber,
                        IssuingBody = document.IssuingBody,
                        IssuedOn = document.IssuedOn,
                        RegionCode = document.RegionCode,
                        IsExample = document.IsExample,
                        CreatedAt = now,
                        CreatedBy = "基准测试",
                    });
                }

                foreach (var version in PolicySeed.Items)
                {
                    db.Add(PolicyJson.ToStored(version, now, "基准测试"));
                }

                await db.SaveChangesAsync();
            }

            Console.WriteLine($"Migrated and stored the catalogue ({PolicySeed.Items.Count} item versions) in {prepare.Elapsed.TotalSeconds:N1} s.");
            var protector = new IdNumberProtector(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
            var load = await RegistryLoad.CopyAsync(connection, persons, asOf, protector, clock.GetUtcNow());
            Console.WriteLine($"Loaded with binary COPY in {load.Seconds:N1} s (incl. VACUUM ANALYZE): {load.Persons:N0} persons, {load.Enterprises:N0} enterprises, " +
                $"{load.Employments:N0} employments, {load.Certificates:N0} skill certificates, {load.Honors:N0} honours, {load.Allowances:N0} special allowances.");

            // As PoliciesModule/RegistryFactsRegistration wire them: PolicyFacts and CompiledSetCache once, the rest per scope.
            PolicyFacts facts;
            await using (var db = Db())
            {
                var probe = new RegistryFactSource(db);
                facts = new PolicyFacts([(probe.Name, probe.Declares, probe.Supplies)]);
            }

            var cache = new CompiledSetCache();
            async Task<(double Seconds, string Detail)> Pass(bool recompute)
            {
                await using var db = Db();
                var runs = new RegistryRuns(new RegistryPersons(db), new FactLoader(db, facts, [new RegistryFactSource(db)]), new PolicyCatalogue(db, facts, cache));
                var watch = Stopwatch.StartNew();
                if (recompute)
                {
                    var summary = await runs.RecomputeAsync("440000", asOf, null, CancellationToken.None);
                    return (watch.Elapsed.TotalSeconds,
                        $"{summary.Persons:N0} persons, {summary.Entitlements:N0} entitlements, {summary.Undetermined:N0} undetermined, annual cost {summary.AnnualCost.Fen / 100m:N2}元");
                }

                var read = await runs.ReadFactsAsync("440000", asOf, null, CancellationToken.None);
                return (watch.Elapsed.TotalSeconds, $"{read:N0} persons");
            }

            var warmRead = await Pass(false);
            var warmRecompute = await Pass(true);
            Console.WriteLine($"Warm-up (untimed): read {warmRead.Seconds:N1} s ({warmRead.Detail}); recompute {warmRecompute.Seconds:N1} s ({warmRecompute.Detail}).");
            var reads = new List<double>();
            var recomputes = new List<double>();
            string? detail = null;
            for (var round = 0; round < rounds; round++)
            {
                // ABBA: read, recompute, recompute, read … so neither side always runs first.
                foreach (var recompute in round % 2 == 0 ? new[] { false, true } : [true, false])
                {
                    var (seconds, text) = await Pass(recompute);
                    (recompute ? recomputes : reads).Add(seconds);
                    if (recompute)
                    {
                        if (detail is not null && detail != text)
                        {
                            throw new InvalidOperationException($"recompute differs between passes: {detail} vs {text}");
                        }

                        detail = text;
                    }

                    Console.WriteLine($"  round {round + 1}: {(recompute ? "recompute" : "read only")} {seconds:N2} s");
                }
            }

            var readMedian = Median(reads);
            var recomputeMedian = Median(recomputes);
            var ratio = recomputeMedian / readMedian;
            Console.WriteLine();
            Console.WriteLine($"| {persons:N0} persons in 广东, PostgreSQL (median of {rounds}) | time | persons/s |");
            Console.WriteLine("|---|---|---|");
            Console.WriteLine($"| only reading the facts (RegistryRuns.ReadFactsAsync) | {readMedian:N2} s | {persons / readMedian:N0} |");
            Console.WriteLine($"| full recompute incl. reading (RegistryRuns.RecomputeAsync) | {recomputeMedian:N2} s | {persons / recomputeMedian:N0} |");
            Console.WriteLine();
            Console.WriteLine($"Recompute result: {detail}.");
            Console.WriteLine($"Recompute / read only: {ratio.ToString("0.00", CultureInfo.InvariantCulture)}× (limit ≤ {Limit:0.0}×) — {(ratio <= Limit ? "within the limit" : "OVER THE LIMIT")}.");
            return ratio <= Limit ? 0 : 5;
        }
        finally
        {
            host.DropDatabase(connection);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
