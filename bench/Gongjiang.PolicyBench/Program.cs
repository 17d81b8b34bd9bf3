using System.Diagnostics;
using System.Globalization;
using Gongjiang.Core.Common;
using Gongjiang.Core.Policies;
using Gongjiang.PolicyBench;

// Benefit-policy engine benchmark (issue 11). Every figure printed comes from this run. See README.md.
//   dotnet run -c Release --project bench/Gongjiang.PolicyBench                 both parts, 1,000,000 persons
//   … -- throughput --persons 1000000 --rounds 5                                  engine vs hand-written C#
//   … -- memory                                                                   simulation peak memory, 100k vs 1M
//   … -- simulate --persons N                                                     (child) one streamed simulation
//   … -- recompute --persons 1000000 --rounds 3 [--pg <connection>]                PostgreSQL: full recompute vs reading the facts
var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
var persons = int.Parse(Option("--persons") ?? "1000000", CultureInfo.InvariantCulture);
var rounds = int.Parse(Option("--rounds") ?? "5", CultureInfo.InvariantCulture);
var asOf = new DateOnly(2025, 6, 1);
var registry = StandardFacts.Registry;

switch (mode)
{
    case "simulate":
        return Simulate(persons);
    case "throughput":
        return Throughput();
    case "memory":
        return Memory();
    case "recompute":
        return await RecomputeBench.RunAsync(persons, int.Parse(Option("--rounds") ?? "3", CultureInfo.InvariantCulture), Option("--pg"), asOf);
    case "all":
        var result = Throughput();
        result = result != 0 ? result : Memory();
        return result != 0 ? result : await RecomputeBench.RunAsync(persons, 3, Option("--pg"), asOf);
    default:
        Console.Error.WriteLine("usage: [throughput|memory|simulate|recompute] [--persons N] [--rounds R] [--pg connection]");
        return 2;
}

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

int Throughput()
{
    var set = CompiledItemSet.Compile("440000", asOf, [.. BenchItems.Items.Select(i => new ResolvedItem(i, [], []))], registry);
    if (set.Problems.Any())
    {
        Console.Error.WriteLine(string.Join(Environment.NewLine, set.Problems));
        return 1;
    }

    Console.WriteLine($"Generating {persons:N0} persons × {BenchItems.Count} items in memory …");
    var generator = new Persons(registry, asOf);
    var random = new Random(2025);
    var data = new FactSet[persons];
    for (var i = 0; i < persons; i++)
    {
        data[i] = generator.Next(random);
    }

    var outcomes = set.CreateOutcomes();
    var hand = new HandWritten(registry);
    var amounts = new long[BenchItems.Count];
    var codes = new int[BenchItems.Count];
    var compile = Stopwatch.StartNew();
    set.EvaluateInto(data[0], outcomes);
    compile.Stop();
    Console.WriteLine($"Engine: compiling the 30 items to one method took {compile.Elapsed.TotalMilliseconds:N0} ms (first call).");

    (long Eligible, long Fen) RunEngine()
    {
        long eligible = 0, fen = 0;
        foreach (var f in data)
        {
            set.EvaluateInto(f, outcomes);
            for (var i = 0; i < outcomes.Count; i++)
            {
                if (outcomes.Status(i) == EntitlementStatus.Eligible)
                {
                    eligible++;
                    fen += outcomes.Amount(i)?.Fen ?? 0;
                }
            }
        }

        return (eligible, fen);
    }

    (long Eligible, long Fen) RunHand()
    {
        long eligible = 0, fen = 0;
        foreach (var f in data)
        {
            hand.Evaluate(f, amounts, codes);
            for (var i = 0; i < codes.Length; i++)
            {
                if (codes[i] == 1)
                {
                    eligible++;
                    fen += amounts[i];
                }
            }
        }

        return (eligible, fen);
    }

    // Warm up both (tiered JIT), check they agree, then alternate timed rounds.
    var engineResult = RunEngine();
    var handResult = RunHand();
    Console.WriteLine($"Check: engine {engineResult.Eligible:N0} entitlements, {new Money(engineResult.Fen).ToChinese()}; hand-written {handResult.Eligible:N0}, {new Money(handResult.Fen).ToChinese()}");
    if (engineResult != handResult)
    {
        Console.Error.WriteLine("The engine and the hand-written rules disagree.");
        return 1;
    }

    var engineTimes = new List<double>();
    var handTimes = new List<double>();
    for (var r = 0; r < rounds; r++)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        RunHand();
        handTimes.Add(watch.Elapsed.TotalSeconds);
        GC.Collect();
        watch.Restart();
        RunEngine();
        engineTimes.Add(watch.Elapsed.TotalSeconds);
        Console.WriteLine($"Round {r + 1}: hand-written {handTimes[^1]:F3} s, engine {engineTimes[^1]:F3} s");
    }

    var engine = Median(engineTimes);
    var handWritten = Median(handTimes);
    var evaluations = (double)persons * BenchItems.Count;
    Console.WriteLine();
    Console.WriteLine($"| {persons:N0} persons × {BenchItems.Count} items (median of {rounds}) | time | persons/s | item evaluations/s |");
    Console.WriteLine("|---|---|---|---|");
    Console.WriteLine($"| hand-written C# | {handWritten:F3} s | {persons / handWritten:N0} | {evaluations / handWritten:N0} |");
    Console.WriteLine($"| rule engine (compiled) | {engine:F3} s | {persons / engine:N0} | {evaluations / engine:N0} |");
    Console.WriteLine($"Engine throughput / hand-written throughput = {handWritten / engine:F2}× (target ≥ 0.5×)");
    return handWritten / engine >= 0.5 ? 0 : 3;
}

int Memory()
{
    var self = Environment.ProcessPath!;
    var entry = typeof(Persons).Assembly.Location;
    long Child(int n)
    {
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) is "dotnet")
        {
            start.ArgumentList.Add(entry);
        }

        foreach (var a in new[] { "simulate", "--persons", n.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Console.Write(output);
        var line = output.Split('\n').First(l => l.StartsWith("peak-working-set-bytes=", StringComparison.Ordinal));
        return long.Parse(line["peak-working-set-bytes=".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    var small = Child(100_000);
    var large = Child(1_000_000);
    Console.WriteLine();
    Console.WriteLine("| streamed what-if simulation (30 items, baseline vs reform) | peak working set |");
    Console.WriteLine("|---|---|");
    Console.WriteLine($"| 100,000 persons | {small / 1048576.0:F1} MiB |");
    Console.WriteLine($"| 1,000,000 persons | {large / 1048576.0:F1} MiB |");
    Console.WriteLine($"Peak memory 1M / 100k = {(double)large / small:F2}× (target ≤ 1.2×)");
    return (double)large / small <= 1.2 ? 0 : 4;
}

int Simulate(int n)
{
    var baseline = CompiledItemSet.Compile("440000", asOf, [.. BenchItems.Items.Select(i => new ResolvedItem(i, [], []))], registry);
    // The reform: 安家补贴-like item 4 from 100,000 to 150,000 and a stricter condition on item 12.
    var reformItems = BenchItems.Items.Select(i => i.ItemKey switch
    {
        "bench-04" => i with { Amount = AmountRule.FixedAmount(new Money(15_000_000)) },
        "bench-12" => i with { Eligibility = i.Eligibility + " && insurance.months >= 24" },
        _ => i,
    });
    var reform = CompiledItemSet.Compile("440000", asOf, [.. reformItems.Select(i => new ResolvedItem(i, [], []))], registry);
    var watch = Stopwatch.StartNew();
    var summary = WhatIfSimulation.Run(baseline, reform, new Persons(registry, asOf).Stream(n));
    watch.Stop();
    using var process = Process.GetCurrentProcess();
    process.Refresh();
    Console.WriteLine($"simulate {n:N0}: {watch.Elapsed.TotalSeconds:F2} s; gainers {summary.Gainers:N0}, losers {summary.Losers:N0}, unchanged {summary.Unchanged:N0}; " +
        $"cost {summary.BaselineCost.ToChinese()} → {summary.ReformCost.ToChinese()}; {summary.ByRegionAndCategory.Count} region×category rows");
    Console.WriteLine($"peak-working-set-bytes={process.PeakWorkingSet64}");
    return 0;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
