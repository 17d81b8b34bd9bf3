using MiniExcelLibs;

namespace Gongjiang.Web.Platform.Api;

/// <summary>
/// Workbooks for downloads, with the conventions of the public list's export: text cells defused against formula
/// injection (<see cref="SpreadsheetText.Defuse"/>), Chinese headers, one sheet per table. The caller audits the
/// download.
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A workbook of named sheets; each row maps a header to a text (defused) or a number.</summary>
    public static byte[] Workbook(IReadOnlyList<(string Sheet, IReadOnlyList<IReadOnlyList<(string Header, object? Value)>> Rows)> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var workbook = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (sheet, rows) in sheets)
        {
            workbook[SheetName(sheet, workbook.Keys)] = rows.Select(row =>
            {
                var values = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (header, value) in row)
                {
                    values[header] = value is string text ? SpreadsheetText.Defuse(text) : value;
                }

                return values;
            }).ToList();
        }

        using var stream = new MemoryStream();
        stream.SaveAs(workbook, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], unique.</summary>
    private static string SheetName(string name, IEnumerable<string> taken)
    {
        var clean = new string([.. name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]);
        clean = clean.Length > 31 ? clean[..31] : clean;
        var unique = clean;
        for (var i = 2; taken.Contains(unique, StringComparer.Ordinal); i++)
        {
            unique = clean[..Math.Min(clean.Length, 28)] + "(" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
        }

        return unique;
    }
}
