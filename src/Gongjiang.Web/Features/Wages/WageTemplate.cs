using System.Globalization;
using System.Text;
using Gongjiang.Core.Wages;
using MiniExcelLibs;

namespace Gongjiang.Web.Features.Wages;

/// <summary>
/// The wage-report template (工资报送模板): one header row of Chinese column names, then one row per employee. Read
/// from pasted text (tab- or comma-separated, as copied from Excel), a CSV file (UTF-8 or GB18030) or an XLSX file
/// (first worksheet). Columns are found by name, in any order; unknown columns are refused by name.
/// </summary>
public static class WageTemplate
{
    public const string IdNumber = "公民身份号码";

    /// <summary>Column name → field key, in template order.</summary>
    public static IReadOnlyList<(string Header, string Field)> Columns { get; } =
    [
        (IdNumber, "idNumber"),
        (WageRowFields.ChineseName(WageRowFields.Category), WageRowFields.Category),
        (WageRowFields.ChineseName(WageRowFields.Tier), WageRowFields.Tier),
        (WageRowFields.ChineseName(WageRowFields.Frontline), WageRowFields.Frontline),
        (WageRowFields.ChineseName(WageRowFields.OccupationCode), WageRowFields.OccupationCode),
        (WageRowFields.ChineseName(WageRowFields.SkillLevel), WageRowFields.SkillLevel),
        (WageRowFields.ChineseName(WageRowFields.MonthsWorked), WageRowFields.MonthsWorked),
        (WageRowFields.ChineseName(WageRowFields.TotalPay), WageRowFields.TotalPay),
        (WageRowFields.ChineseName(WageRowFields.BasicPay), WageRowFields.BasicPay),
        (WageRowFields.ChineseName(WageRowFields.PerformancePay), WageRowFields.PerformancePay),
        (WageRowFields.ChineseName(WageRowFields.Allowances), WageRowFields.Allowances),
        (WageRowFields.ChineseName(WageRowFields.SpecialPostAllowance), WageRowFields.SpecialPostAllowance),
        (WageRowFields.ChineseName(WageRowFields.MentorAllowance), WageRowFields.MentorAllowance),
        (WageRowFields.ChineseName(WageRowFields.SeniorityPay), WageRowFields.SeniorityPay),
    ];

    /// <summary>An example line (a valid synthetic ID number is not included: fill in your own).</summary>
    public static IReadOnlyList<string> Example { get; } =
        ["", "高技能人才", "", "是", "6-18-01-01", "技师", "12", "128000", "76800", "32000", "12800", "0", "0", "6400"];

    /// <summary>The template as CSV text (UTF-8 with BOM when written to a file).</summary>
    public static string Csv() => string.Join(',', Columns.Select(c => c.Header)) + "\r\n" + string.Join(',', Example) + "\r\n";

    /// <summary>Reads pasted text or CSV lines (tab-separated if the header has a tab, else comma-separated; double quotes honoured).</summary>
    public static (List<WageRowInput> Rows, string? Error) ReadText(string? text)
    {
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')
            .Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0)
        {
            return ([], "内容为空：第一行为列名（可下载模板），其后每行一名职工");
        }

        var separator = lines[0].Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
        return FromCells(lines.Select(l => Split(l, separator)).ToList());
    }

    /// <summary>Reads an uploaded CSV or XLSX file.</summary>
    public static async Task<(List<WageRowInput> Rows, string? Error)> ReadFileAsync(Stream stream, string fileName, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            return ([], "所选文件为空");
        }

        if (bytes.Length > 4 && bytes[0] == 0x50 && bytes[1] == 0x4B)
        {
            try
            {
                buffer.Position = 0;
                var rows = buffer.Query(useHeaderRow: false, excelType: ExcelType.XLSX)
                    .Cast<IDictionary<string, object?>>()
                    .Select(r => (IReadOnlyList<string?>)[.. r.Values.Select(Cell)])
                    .ToList();
                return FromCells(rows);
            }
            catch (Exception e) when (e is InvalidDataException or InvalidOperationException or System.Xml.XmlException)
            {
                return ([], "XLSX 文件无法读取，请用 Excel 打开后另存为 .xlsx 或 CSV 再上传");
            }
        }

        if (fileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase))
        {
            return ([], "不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后上传");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            text = Encoding.GetEncoding(54936).GetString(bytes);
        }

        return ReadText(text.TrimStart('\uFEFF'));
    }

    private static string? Cell(object? value) => value switch
    {
        null => null,
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static (List<WageRowInput> Rows, string? Error) FromCells(IReadOnlyList<IReadOnlyList<string?>> cells)
    {
        var header = cells.Count == 0 ? [] : cells[0].Select(h => (h ?? "").Trim().TrimStart('\uFEFF').TrimEnd('*')).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Length == 0)
            {
                continue;
            }

            var column = Columns.FirstOrDefault(c => c.Header == header[i] || c.Header == header[i].Replace("（元）", "", StringComparison.Ordinal));
            if (column.Field is null)
            {
                return ([], $"第1行第{i + 1}列“{header[i]}”不是模板的列名；列名应为：{string.Join("、", Columns.Select(c => c.Header))}");
            }

            index[column.Field] = i;
        }

        foreach (var required in new[] { "idNumber", WageRowFields.Category, WageRowFields.MonthsWorked, WageRowFields.TotalPay })
        {
            if (!index.ContainsKey(required))
            {
                return ([], $"第1行缺少列“{Columns.First(c => c.Field == required).Header}”（第一行应为模板的列名）");
            }
        }

        string? Get(IReadOnlyList<string?> row, string field) => index.TryGetValue(field, out var i) && i < row.Count && row[i] is { } v && v.Trim().Length > 0 ? v.Trim() : null;
        var rows = cells.Skip(1).Where(r => r.Any(c => !string.IsNullOrWhiteSpace(c)))
            .Select(r => new WageRowInput(Get(r, "idNumber"), Get(r, WageRowFields.Category), Get(r, WageRowFields.Tier), Get(r, WageRowFields.Frontline),
                Get(r, WageRowFields.OccupationCode), Get(r, WageRowFields.SkillLevel), Get(r, WageRowFields.MonthsWorked), Get(r, WageRowFields.TotalPay),
                Get(r, WageRowFields.BasicPay), Get(r, WageRowFields.PerformancePay), Get(r, WageRowFields.Allowances),
                Get(r, WageRowFields.SpecialPostAllowance), Get(r, WageRowFields.MentorAllowance), Get(r, WageRowFields.SeniorityPay)))
            .ToList();
        return rows.Count == 0 ? ([], "除列名外没有数据行") : (rows, null);
    }

    private static List<string?> Split(string line, char separator)
    {
        var cells = new List<string?>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        cells.Add(current.ToString());
        return cells;
    }
}
