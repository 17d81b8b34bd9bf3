using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Gongjiang.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Gongjiang.Bench.StandardsBenchmarks).Assembly).Run(args);
