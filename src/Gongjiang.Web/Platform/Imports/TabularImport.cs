using System.Diagnostics.CodeAnalysis;

namespace Gongjiang.Web.Platform.Imports;

/// <summary>
/// A problem to show the importer: of a cell or row (<see cref="RowNumber"/> the row number the user sees in the file,
/// <see cref="Column"/> the column's Chinese header) or of the whole file (no row number, column "文件"). The message
/// is Chinese and says what to fix. Modules add their own (a wage that is not an amount …) and write them all with
/// <see cref="ImportErrorReport"/>.
/// </summary>
public sealed record ImportProblem(int? RowNumber, string Column, string? Value, string Message)
{
    /// <summary>The column of file-level problems.</summary>
    public const string FileColumn = "文件";

    /// <summary>The row repeats an earlier one and was ignored (a warning, not an error).</summary>
    public bool IsDuplicate { get; init; }

    /// <summary>A problem of the whole file.</summary>
    public static ImportProblem OfFile(string message) => new(null, FileColumn, null, message);
}

/// <summary>
/// What <see cref="TabularImport.ReadAsync"/> made of a file: a file-level <see cref="FileError"/>, or the data rows
/// with the problems found while reading them.
/// </summary>
public sealed class TabularImportResult
{
    internal TabularImportResult(
        string? fileError, string? format, string? encoding, IReadOnlyList<ImportRow> rows, IReadOnlyList<ImportProblem> problems,
        IReadOnlyList<string> warnings)
    {
        FileError = fileError;
        Format = format;
        Encoding = encoding;
        Rows = rows;
        Problems = problems;
        Warnings = warnings;
    }

    /// <summary>Null when the file was read to its end; otherwise why not, in Chinese. Rows read before a mid-file stop are kept.</summary>
    public string? FileError { get; }

    /// <summary>True when the file was read to its end (rows may still have <see cref="Problems"/>).</summary>
    [MemberNotNullWhen(false, nameof(FileError))]
    public bool Succeeded => FileError is null;

    /// <summary>"CSV" or "XLSX", detected from the content; null when the file could not be opened.</summary>
    public string? Format { get; }

    /// <summary>For CSV: the encoding detected or chosen ("UTF-8", "GBK", "GB18030" …); null for XLSX.</summary>
    public string? Encoding { get; }

    /// <summary>Every non-empty data row, in file order, including those with problems (see <see cref="HasProblems"/>).</summary>
    public IReadOnlyList<ImportRow> Rows { get; }

    /// <summary>
    /// The per-row problems found while reading (a required cell empty, a formula, an identifier stored as a number),
    /// in row order, then the file-level error when reading stopped; the module adds its own validation to these.
    /// </summary>
    public IReadOnlyList<ImportProblem> Problems { get; }

    /// <summary>Notes on the header in Chinese: ignored duplicate columns. Not errors.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>True when <paramref name="row"/> has a problem found while reading.</summary>
    public bool HasProblems(ImportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Problems.Any(problem => problem.RowNumber == row.RowNumber);
    }

    /// <summary>The rows without problems found while reading.</summary>
    public IEnumerable<ImportRow> CleanRows
    {
        get
        {
            var rowsWithProblems = Problems.Where(p => p.RowNumber is not null).Select(p => p.RowNumber!.Value).ToHashSet();
            return Rows.Where(row => !rowsWithProblems.Contains(row.RowNumber));
        }
    }
}

/// <summary>
/// The entry point of the shared import engine (ADR 0017) for modules: describe the file kind once as an
/// <see cref="ImportSchema"/>, then read an upload — CSV (UTF-8 with or without BOM, GBK, GB18030, UTF-16; comma, tab
/// or semicolon) or XLSX, told from the content; title rows above the header skipped; header aliases, two-row headers
/// and columns in any order understood; zip bombs and oversized files refused — into rows by column key, with Chinese
/// messages per row and for the file. Write the problems with <see cref="ImportErrorReport"/>; offer the template with
/// <see cref="ImportTemplates"/>.
/// </summary>
/// <remarks>
/// <see cref="ReadAsync"/> holds all rows in memory: meant for files of up to some ten thousand rows (a wage report, a
/// certificate batch). For larger files stream them with <see cref="ImportFileReader.OpenAsync"/>, which reads rows
/// lazily from a temporary copy of the upload.
/// </remarks>
public static class TabularImport
{
    /// <summary>The default row limit of <see cref="ReadAsync"/> (<see cref="ImportReadOptions.MaxRows"/> when not given).</summary>
    public const int DefaultMaxRows = 100_000;

    /// <summary>
    /// Reads <paramref name="content"/> as a file of <paramref name="schema"/>. Every row is returned; each empty
    /// required cell and each cell problem becomes an <see cref="ImportProblem"/> ("姓名不能为空").
    /// </summary>
    /// <param name="content">The upload (a request body or an <c>IFormFile</c> stream); copied, not disposed.</param>
    /// <param name="fileName">The uploaded name, only for messages (the format is told from the content).</param>
    /// <param name="schema">The file kind.</param>
    /// <param name="options">Limits, CSV encoding and sibling schemas; null for the defaults with at most <see cref="DefaultMaxRows"/> rows.</param>
    /// <param name="cancellationToken">Cancels the copy and the reading.</param>
    public static async Task<TabularImportResult> ReadAsync(
        Stream content, string? fileName, ImportSchema schema, ImportReadOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(schema);
        options ??= ImportReadOptions.Default with { MaxRows = DefaultMaxRows };
        using var read = await ImportFileReader.OpenAsync(content, fileName, schema, options, cancellationToken);
        if (!read.Succeeded)
        {
            return new TabularImportResult(read.Error, null, null, [], [ImportProblem.OfFile(read.Error)], []);
        }

        var rows = new List<ImportRow>();
        var problems = new List<ImportProblem>();
        string? fileError = null;
        foreach (var row in read.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (row.FileError is not null)
            {
                fileError = row.FileError;
                break;
            }

            rows.Add(row);
            AddProblems(schema, row, problems);
        }

        if (fileError is not null)
        {
            problems.Add(ImportProblem.OfFile(fileError));
        }

        return new TabularImportResult(
            fileError, read.Format, read.Encoding, rows, problems, [.. read.DuplicateHeaders.Select(duplicate => duplicate.Message)]);
    }

    /// <summary>The problems of one row found while reading: its cell problems, then its empty required cells.</summary>
    public static IEnumerable<ImportProblem> ProblemsOf(ImportSchema schema, ImportRow row)
    {
        var problems = new List<ImportProblem>();
        AddProblems(schema, row, problems);
        return problems;
    }

    private static void AddProblems(ImportSchema schema, ImportRow row, List<ImportProblem> into)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(row);
        foreach (var problem in row.Problems)
        {
            var header = schema.Column(problem.ColumnKey)?.Header ?? problem.ColumnKey;
            into.Add(new ImportProblem(row.RowNumber, header, row[problem.ColumnKey], problem.Message));
        }

        foreach (var column in schema.Columns)
        {
            if (column.Required && row[column.Key] is null && !row.Problems.Any(p => string.Equals(p.ColumnKey, column.Key, StringComparison.Ordinal)))
            {
                into.Add(new ImportProblem(row.RowNumber, column.Header, null, $"{column.Header}不能为空"));
            }
        }
    }
}
