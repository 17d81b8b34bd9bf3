using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Gongjiang.Core.Reference;

namespace Gongjiang.DataGen;

internal static class Cli
{
    private const string Usage = """
        usage: Gongjiang.DataGen --out FILE [options]
          --kind roster|honours     人员名册 (default) or 荣誉名单
          --rows N                  roster rows (default 1000); honours are generated for about --share of them,
                                    from the roster of the same seed, so both files match
          --format csv|xlsx         default: from the --out extension, else csv
          --encoding utf8|utf8bom|gb18030   CSV only (default utf8bom)
          --messy                   aliases, shuffled columns, extra 备注 column, two title rows
          --seed N                  default 42
          --province NN             limit regions to one province, e.g. 44
          --bad X                   share of deliberately bad rows (default 0.02)
          --share X                 honours: share of persons with honours (default 0.05)
          --today yyyy-MM-dd        reference date (default 2026-11-24)
          --zip none|fastest|optimal|smallest   XLSX: ZIP compression (default optimal)
          --verify                  read the file back and check it against the generator and the Core parsers
          --no-summary              skip the distribution summary (for timing)
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            error.WriteLine(ex.Message);
            error.WriteLine(Usage);
            return 2;
        }

        RosterGenerator generator;
        try
        {
            generator = new RosterGenerator(options.Seed, options.Province, options.Bad, options.Today);
        }
        catch (ArgumentException ex)
        {
            error.WriteLine(ex.Message);
            return 2;
        }

        IEnumerable<ISyntheticRecord> Records() => options.Kind == RecordKind.Roster
            ? generator.Persons(options.Rows)
            : generator.Honours(generator.Persons(options.Rows), options.Share);

        var provinceName = options.Province is null ? string.Empty : RegionCatalog.Default.Find(options.Province + "0000")?.Name ?? string.Empty;
        var title = provinceName + "高技能领军人才" + SyntheticColumns.ChineseName(options.Kind);
        var summary = new DistributionSummary();
        var records = options.Summary ? summary.Observe(Records()) : Records();

        var stopwatch = Stopwatch.StartNew();
        WriteSummary written;
        using (var file = new FileStream(options.Out, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            written = options.Xlsx
                ? XlsxWriter.Write(file, options.Kind, records, options.Messy, options.Seed, title, options.Compression)
                : CsvWriter.Write(file, options.Kind, records, options.Encoding, options.Messy, options.Seed, title);
        }

        stopwatch.Stop();
        var bytes = new FileInfo(options.Out).Length;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{SyntheticColumns.ChineseName(options.Kind)} → {options.Out}: rows written {written.Rows}, bad rows {written.BadRows}, bytes {bytes} ({bytes / 1048576.0:F1} MiB), seconds {stopwatch.Elapsed.TotalSeconds:F2}"));
        if (options.Summary)
        {
            summary.Write(output);
        }

        if (!options.Verify)
        {
            return 0;
        }

        var verifyWatch = Stopwatch.StartNew();
        var passed = Verifier.Run(
            options.Out,
            options.Xlsx,
            options.Encoding,
            options.Kind,
            Records(),
            options.Kind == RecordKind.Honours ? () => generator.Persons(options.Rows) : null,
            generator.Today,
            output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  verify: {verifyWatch.Elapsed.TotalSeconds:F2} s"));
        return passed ? 0 : 1;
    }

    private sealed record Options(
        RecordKind Kind,
        int Rows,
        bool Xlsx,
        Encoding Encoding,
        bool Messy,
        int Seed,
        string? Province,
        double Bad,
        double Share,
        DateOnly Today,
        string Out,
        bool Verify,
        bool Summary,
        CompressionLevel Compression)
    {
        public static Options Parse(string[] args)
        {
            var kind = RecordKind.Roster;
            var rows = 1000;
            string? format = null;
            var encoding = TextEncodings.Utf8WithBom;
            var messy = false;
            var seed = 42;
            string? province = null;
            var bad = 0.02;
            var share = 0.05;
            var today = RosterGenerator.DefaultToday;
            string? output = null;
            var verify = false;
            var summary = true;
            var compression = CompressionLevel.Optimal;

            for (var i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value");

                switch (args[i])
                {
                    case "--kind":
                        kind = Value() switch
                        {
                            "roster" => RecordKind.Roster,
                            "honours" or "honors" => RecordKind.Honours,
                            var other => throw new ArgumentException("unknown --kind " + other),
                        };
                        break;
                    case "--rows":
                        rows = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                        break;
                    case "--format":
                        format = Value();
                        break;
                    case "--encoding":
                        encoding = TextEncodings.Parse(Value());
                        break;
                    case "--messy":
                        messy = true;
                        break;
                    case "--seed":
                        seed = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                        break;
                    case "--province":
                        province = Value();
                        break;
                    case "--bad":
                        bad = double.Parse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture);
                        break;
                    case "--share":
                        share = double.Parse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture);
                        break;
                    case "--today":
                        today = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                        break;
                    case "--out":
                        output = Value();
                        break;
                    case "--verify":
                        verify = true;
                        break;
                    case "--zip":
                        compression = Value() switch
                        {
                            "fastest" => CompressionLevel.Fastest,
                            "optimal" => CompressionLevel.Optimal,
                            "smallest" => CompressionLevel.SmallestSize,
                            "none" => CompressionLevel.NoCompression,
                            var other => throw new ArgumentException("unknown --zip " + other),
                        };
                        break;
                    case "--no-summary":
                        summary = false;
                        break;
                    default:
                        throw new ArgumentException("unknown option " + args[i]);
                }
            }

            if (output is null)
            {
                throw new ArgumentException("--out is required");
            }

            format ??= output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? "xlsx" : "csv";
            if (format is not ("csv" or "xlsx"))
            {
                throw new ArgumentException("--format must be csv or xlsx");
            }

            if (rows < 0)
            {
                throw new ArgumentException("--rows must not be negative");
            }

            return new Options(kind, rows, format == "xlsx", encoding, messy, seed, province, bad, share, today, output, verify, summary, compression);
        }
    }
}
