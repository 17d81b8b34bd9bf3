using System.Runtime.CompilerServices;

namespace Gongjiang.Web.Platform.Export;

/// <summary>One column of a download: its Chinese header and how a row gives its cell (see <see cref="ExportSheet"/>).</summary>
public sealed record ExportColumn<T>(string Header, Func<T, object?> Value);

/// <summary>
/// A table declared once — its columns, each a Chinese header and a value selector — and written as CSV or XLSX by
/// <see cref="SpreadsheetWriter"/>: rows are read one at a time as the file is written, never all held at once, and
/// every text cell is defused against formula injection (<see cref="Api.SpreadsheetText.Defuse"/>).
/// </summary>
public sealed class TableExport<T>
{
    public TableExport(params IReadOnlyList<ExportColumn<T>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("A table has at least one column.", nameof(columns));
        }

        Columns = columns;
    }

    public IReadOnlyList<ExportColumn<T>> Columns { get; }

    /// <summary>The table's rows as one sheet of a download.</summary>
    public ExportSheet Sheet(string name, IAsyncEnumerable<T> rows) =>
        new(name, [.. Columns.Select(c => c.Header)], Cells(rows));

    /// <inheritdoc cref="Sheet(string, IAsyncEnumerable{T})"/>
    public ExportSheet Sheet(string name, IEnumerable<T> rows) => Sheet(name, SpreadsheetWriter.Async(rows));

    /// <summary>Writes the rows as CSV (UTF-8 with BOM) to <paramref name="output"/>.</summary>
    public Task WriteCsvAsync(Stream output, IAsyncEnumerable<T> rows, CancellationToken ct) =>
        SpreadsheetWriter.WriteCsvAsync(output, Sheet("", rows), ct);

    /// <summary>Writes the rows as a one-sheet XLSX workbook to <paramref name="output"/>.</summary>
    public Task WriteXlsxAsync(Stream output, string sheetName, IAsyncEnumerable<T> rows, CancellationToken ct) =>
        SpreadsheetWriter.WriteXlsxAsync(output, [Sheet(sheetName, rows)], ct);

    private async IAsyncEnumerable<IReadOnlyList<object?>> Cells(IAsyncEnumerable<T> rows, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
        {
            var cells = new object?[Columns.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Columns[i].Value(row);
            }

            yield return cells;
        }
    }
}
