using System.Diagnostics;
using Gongjiang.DataGen;

namespace Gongjiang.RegistryBench;

/// <summary>The generated roster: seed 42, province 44 (广东), 2 % deliberately bad rows.</summary>
internal static class RosterFiles
{
    public const int Seed = 42;
    public const string Province = "44";
    public const double BadShare = 0.02;

    public static RosterGenerator Generator() => new(Seed, Province, BadShare);

    /// <summary>
    /// Writes rows [<paramref name="skip"/>, <paramref name="skip"/> + <paramref name="take"/>) of the
    /// <paramref name="total"/>-row roster to /tmp (once: an existing file is reused) and returns its path.
    /// </summary>
    public static string Ensure(int total, int skip, int take, string format, Action<string> log)
    {
        var suffix = skip == 0 && take == total ? "" : $"-part{skip}-{skip + take}";
        var path = Path.Combine(Path.GetTempPath(), $"gongjiang-roster-{total}-seed{Seed}-p{Province}{suffix}.{format}");
        if (File.Exists(path))
        {
            log($"reusing {path} ({BenchContext.Mb(new FileInfo(path).Length)} MB)");
            return path;
        }

        var watch = Stopwatch.StartNew();
        var temp = path + ".tmp";
        var rows = Generator().Persons(total).Skip(skip).Take(take);
        WriteSummary summary;
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            summary = format == "xlsx"
                ? XlsxWriter.Write(stream, RecordKind.Roster, rows)
                : CsvWriter.Write(stream, RecordKind.Roster, rows, TextEncodings.Utf8WithBom);
        }

        File.Move(temp, path, overwrite: true);
        log($"generated {path}: {summary.Rows} rows ({summary.BadRows} deliberately bad), {BenchContext.Mb(new FileInfo(path).Length)} MB in {watch.Elapsed.TotalSeconds:0.0} s");
        return path;
    }
}
