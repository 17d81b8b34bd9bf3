using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Gongjiang.Web.Platform.Imports;

/// <summary>Turns a raw row into an <see cref="ImportRow"/>: cell text by column key, and the problems seen on the way.</summary>
internal sealed partial class RowConverter
{
    public const string FormulaMessage = "单元格含有公式，请将其复制后“粘贴为数值”再导入";

    private readonly IReadOnlyList<ImportMatchedColumn> _columns;
    private readonly FrozenDictionary<string, ImportColumn> _definitions;

    public RowConverter(IReadOnlyList<ImportMatchedColumn> columns, ImportSchema schema)
    {
        _columns = columns;
        _definitions = schema.Columns.ToFrozenDictionary(column => column.Key, StringComparer.Ordinal);
    }

    /// <summary>
    /// A data row has a value of its own in at least one matched column: rows with nothing but a pre-filled 序号 or
    /// other unknown column, or only values carried down from a merged cell, are empty rows of a form.
    /// </summary>
    public bool HasContent(RawRow raw)
    {
        if (raw.IsEmpty)
        {
            return false;
        }

        foreach (var column in _columns)
        {
            if (raw.HasOwnValueAt(column.ColumnIndex))
            {
                return true;
            }
        }

        return false;
    }

    public ImportRow Convert(RawRow raw)
    {
        var cells = new Dictionary<string, string?>(_columns.Count, StringComparer.Ordinal);
        List<CellProblem>? problems = null;
        foreach (var column in _columns)
        {
            if (raw.IsFormulaAt(column.ColumnIndex))
            {
                cells[column.Key] = null;
                (problems ??= []).Add(new CellProblem(column.Key, FormulaMessage));
                continue;
            }

            cells[column.Key] = Text(raw.ValueAt(column.ColumnIndex), column.Key, ref problems);
        }

        return new ImportRow(raw.RowNumber, cells, problems is null ? [] : problems);
    }

    private string? Text(object? value, string key, ref List<CellProblem>? problems)
    {
        var type = _definitions.TryGetValue(key, out var definition) ? definition.Type : ImportValueType.Text;
        var longCode = type is ImportValueType.LongCode or ImportValueType.IdNumber;
        switch (value)
        {
            case double number:
                if (type == ImportValueType.Date && CellText.FormatOADate(number) is { } date)
                {
                    return date;
                }

                var text = CellText.FormatNumber(number);
                if (longCode && (type == ImportValueType.IdNumber || Math.Abs(number) >= 1e15))
                {
                    (problems ??= []).Add(new CellProblem(key, $"{HeaderOf(key)}被存成了数字，已丢失精度，请将该列设为文本格式后重新填写"));
                }

                return text;

            case string raw:
                var clean = CellText.Clean(raw);
                if (clean is not null && longCode && ScientificNotation().IsMatch(clean))
                {
                    (problems ??= []).Add(new CellProblem(
                        key, $"{HeaderOf(key)}显示为科学计数法（{clean}），已丢失精度，请将该列设为文本格式后重新填写"));
                }

                return clean;

            default:
                return CellText.ToText(value);
        }
    }

    private string HeaderOf(string key) => _definitions.TryGetValue(key, out var column) ? column.Header : key;

    [GeneratedRegex(@"^[0-9](\.[0-9]+)?[eE]\+?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ScientificNotation();
}
