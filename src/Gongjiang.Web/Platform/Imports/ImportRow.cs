namespace Gongjiang.Web.Platform.Imports;

/// <summary>A problem with one cell found while reading (a formula, an identifier stored as a number …).</summary>
/// <param name="ColumnKey">The <see cref="ImportColumn.Key"/> of the cell's column.</param>
/// <param name="Message">What is wrong and what to do, in Chinese.</param>
public sealed record CellProblem(string ColumnKey, string Message);

/// <summary>One non-empty data row of an import file.</summary>
/// <param name="RowNumber">
/// The row number the user sees: 1-based, counting title rows, header rows and empty rows (for a CSV file, records,
/// so a quoted field spanning several lines still counts once — as when Excel opens it).
/// </param>
/// <param name="Cells">
/// Every matched column by <see cref="ImportColumn.Key"/>: the text trimmed, null when empty (or when the cell held a
/// formula, see <paramref name="Problems"/>). Numbers are invariant text without a trailing ".0"; dates are "yyyy-MM-dd".
/// </param>
/// <param name="Problems">Per-cell problems found while reading.</param>
public sealed record ImportRow(int RowNumber, IReadOnlyDictionary<string, string?> Cells, IReadOnlyList<CellProblem> Problems)
{
    /// <summary>
    /// Set only on a last, cell-less row when reading had to stop early (too many rows, a damaged file …): the reason in
    /// Chinese. The rows before it are valid; nothing after <see cref="RowNumber"/> was read.
    /// </summary>
    public string? FileError { get; init; }

    /// <summary>The cell text of <paramref name="columnKey"/>, or null when empty or the column is absent.</summary>
    public string? this[string columnKey] => Cells.TryGetValue(columnKey, out var value) ? value : null;

    internal static ImportRow Failure(int rowNumber, string message) =>
        new(rowNumber, new Dictionary<string, string?>(StringComparer.Ordinal), []) { FileError = message };
}

/// <summary>A column of the file matched to an <see cref="ImportColumn"/>.</summary>
/// <param name="Key">The <see cref="ImportColumn.Key"/>.</param>
/// <param name="Header">The header text as written in the file (trimmed).</param>
/// <param name="ColumnIndex">The 0-based column index in the file.</param>
public sealed record ImportMatchedColumn(string Key, string Header, int ColumnIndex)
{
    /// <summary>The column as a spreadsheet letter: "A", "B" … "AA".</summary>
    public string ColumnLetter => ColumnLetters.FromIndex(ColumnIndex);
}

/// <summary>A second column whose header means the same as an already matched one; its cells are ignored.</summary>
/// <param name="Key">The <see cref="ImportColumn.Key"/> both headers match.</param>
/// <param name="Header">The ignored column's header text.</param>
/// <param name="ColumnIndex">The ignored column's 0-based index.</param>
/// <param name="Message">The warning in Chinese.</param>
public sealed record ImportDuplicateHeader(string Key, string Header, int ColumnIndex, string Message);
