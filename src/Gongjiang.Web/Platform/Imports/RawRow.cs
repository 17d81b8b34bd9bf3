namespace Gongjiang.Web.Platform.Imports;

/// <summary>
/// One row as the format reader produced it, before the header is known: values by 0-based column (string, double,
/// DateTime, bool or null) and which of them held a formula.
/// </summary>
internal sealed class RawRow
{
    private bool[]? _carried;

    public RawRow(int rowNumber, object?[] values, bool[]? formulas)
    {
        RowNumber = rowNumber;
        Values = values;
        Formulas = formulas;
        IsEmpty = Array.TrueForAll(values, IsBlank);
    }

    public int RowNumber { get; }

    public object?[] Values { get; private set; }

    public bool[]? Formulas { get; private set; }

    /// <summary>True when no cell had content of its own (values carried over from merged cells do not count).</summary>
    public bool IsEmpty { get; }

    public object? ValueAt(int column) => column < Values.Length ? Values[column] : null;

    public bool IsFormulaAt(int column) => Formulas is { } formulas && column < formulas.Length && formulas[column];

    /// <summary>True when the cell has a value of its own, not one carried over from a merged range.</summary>
    public bool HasOwnValueAt(int column) =>
        !IsBlank(ValueAt(column)) && !(_carried is { } carried && column < carried.Length && carried[column]);

    /// <summary>Sets a cell's value as carried over from a merged range; does not change <see cref="IsEmpty"/>.</summary>
    public void Fill(int column, object? value, bool formula)
    {
        if (column >= Values.Length)
        {
            var values = Values;
            Array.Resize(ref values, column + 1);
            Values = values;
        }

        Values[column] = value;
        if (_carried is null || _carried.Length < Values.Length)
        {
            Array.Resize(ref _carried, Values.Length);
        }

        _carried[column] = true;
        if (formula || Formulas is not null)
        {
            var formulas = Formulas ?? new bool[Values.Length];
            if (formulas.Length < Values.Length)
            {
                Array.Resize(ref formulas, Values.Length);
            }

            formulas[column] = formula;
            Formulas = formulas;
        }
    }

    private static bool IsBlank(object? value) => value switch
    {
        null => true,
        string text => CellText.IsBlank(text),
        _ => false,
    };
}

/// <summary>Spreadsheet column letters: 0 ↔ "A", 25 ↔ "Z", 26 ↔ "AA".</summary>
internal static class ColumnLetters
{
    public static string FromIndex(int index)
    {
        Span<char> buffer = stackalloc char[8];
        var position = buffer.Length;
        var n = index + 1;
        while (n > 0 && position > 0)
        {
            var remainder = (n - 1) % 26;
            buffer[--position] = (char)('A' + remainder);
            n = (n - 1) / 26;
        }

        return new string(buffer[position..]);
    }

    /// <summary>The 0-based column of a letters-only name ("AB") or of a cell reference ("AB12"); -1 when none.</summary>
    public static int ToIndex(ReadOnlySpan<char> reference)
    {
        var column = 0;
        var any = false;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z')
            {
                break;
            }

            column = (column * 26) + (upper - 'A' + 1);
            any = true;
            if (column > 16_384)
            {
                return -1;
            }
        }

        return any ? column - 1 : -1;
    }
}
