using System.Globalization;
using System.Text;
using Gongjiang.Core.Wages;
using Gongjiang.Web.Platform.Imports;

namespace Gongjiang.Web.Features.Wages;

/// <summary>
/// The wage-report template (工资报送模板): one header row of Chinese column names, then one row per employee. Read
/// from pasted text (tab- or comma-separated, as copied from Excel; unknown columns are refused by name) or a CSV/XLSX
/// file through the shared import engine (<see cref="TabularImport"/>: encodings, title rows above the header, columns
/// in any order, ID numbers that lost digits in Excel).
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
        ("本企业工龄起算日", "serviceStart"),
        ("特聘岗位月数", "specialPostMonths"),
        ("带徒人数", "apprentices"),
    ];

    /// <summary>An example line (a valid synthetic ID number is not included: fill in your own).</summary>
    public static IReadOnlyList<string> Example { get; } =
        ["", "高技能人才", "", "是", "6-18-01-01", "技师", "12", "128000", "76800", "32000", "12800", "0", "0", "6400", "2012-07-01", "0", "0"];

    /// <summary>The file kind for the shared import engine (same columns, keys and headers as <see cref="Columns"/>).</summary>
    public static ImportSchema Schema { get; } = new("工资报送", [.. Columns.Select((c, i) => new ImportColumn(c.Field, c.Header,
        c.Field is "idNumber" or WageRowFields.Category or WageRowFields.MonthsWorked or WageRowFields.TotalPay,
        [c.Header + "（元）"], Example[i])
    {
        Type = c.Field switch
        {
            "idNumber" => ImportValueType.IdNumber,
            WageRowFields.OccupationCode => ImportValueType.Code,
            "serviceStart" => ImportValueType.Date,
            _ => ImportValueType.Text,
        },
    })]);

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

    /// <summary>
    /// Reads an uploaded CSV or XLSX file with the shared import engine. Returns the rows with their row numbers in the
    /// file, or the file's problems (“第3行 公民身份号码：…”) when it cannot be read or a cell is unusable.
    /// </summary>
    public static async Task<(List<WageRowInput> Rows, List<int> RowNumbers, string? Error)> ReadFileAsync(Stream stream, string fileName, CancellationToken ct)
    {
        var result = await TabularImport.ReadAsync(stream, fileName, Schema, null, ct);
        if (!result.Succeeded)
        {
            return ([], [], result.FileError);
        }

        if (result.Problems.Count > 0)
        {
            return ([], [], string.Join("；", result.Problems.Take(50).Select(p => p.RowNumber is { } n
                ? string.Create(CultureInfo.InvariantCulture, $"第{n}行 {p.Column}：{p.Message}")
                : p.Message)));
        }

        if (result.Rows.Count == 0)
        {
            return ([], [], "除表头外没有数据行");
        }

        var rows = result.Rows.Select(r => new WageRowInput(r["idNumber"], r[WageRowFields.Category], r[WageRowFields.Tier], r[WageRowFields.Frontline],
            r[WageRowFields.OccupationCode], r[WageRowFields.SkillLevel], r[WageRowFields.MonthsWorked], r[WageRowFields.TotalPay],
            r[WageRowFields.BasicPay], r[WageRowFields.PerformancePay], r[WageRowFields.Allowances],
            r[WageRowFields.SpecialPostAllowance], r[WageRowFields.MentorAllowance], r[WageRowFields.SeniorityPay],
            r["serviceStart"], r["specialPostMonths"], r["apprentices"])).ToList();
        return (rows, [.. result.Rows.Select(r => r.RowNumber)], null);
    }

    private static (List<WageRowInput> Rows, string? Error) FromCells(List<List<string?>> cells)
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
                Get(r, WageRowFields.SpecialPostAllowance), Get(r, WageRowFields.MentorAllowance), Get(r, WageRowFields.SeniorityPay),
                Get(r, "serviceStart"), Get(r, "specialPostMonths"), Get(r, "apprentices")))
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
