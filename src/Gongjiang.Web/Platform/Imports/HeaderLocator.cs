using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Gongjiang.Web.Platform.Imports;

/// <summary>Where the header is, which file column is which <see cref="ImportColumn"/>, and what was left over.</summary>
internal sealed record HeaderLocation(
    int HeaderRowNumber,
    int HeaderRowCount,
    IReadOnlyList<ImportMatchedColumn> Columns,
    IReadOnlyList<string> IgnoredHeaders,
    IReadOnlyList<ImportDuplicateHeader> Duplicates)
{
    public int LastHeaderRowNumber => HeaderRowNumber + HeaderRowCount - 1;
}

/// <summary>
/// Finds the header among the first rows (title rows above it are skipped), joins a two-row header under merged group
/// labels, and matches headers to columns by their normalised aliases.
/// </summary>
internal static class HeaderLocator
{
    /// <summary>The header must start within this many rows.</summary>
    public const int ScanRows = 20;

    /// <summary>
    /// Locates the header in <paramref name="firstRows"/> (rows 1 … <see cref="ScanRows"/> + 1 at most;
    /// <paramref name="wholeFile"/> when the file has no more) by the columns of <paramref name="schema"/>. When
    /// required columns are missing but the header has all the required columns of one of <paramref name="otherSchemas"/>,
    /// the message says the file looks like that kind.
    /// </summary>
    public static HeaderLocation? Locate(
        IReadOnlyList<RawRow> firstRows, bool wholeFile, ImportSchema schema, IReadOnlyList<ImportSchema> otherSchemas, out string? error)
    {
        error = null;
        var aliases = schema.AliasMap;

        // The row naming the most columns (the earliest of equals) is the header: a title or a "填报单位：… 联系电话："
        // line above it may name a column or two, the header names them all.
        RawRow? header = null;
        var best = 0;
        foreach (var row in firstRows)
        {
            if (row.RowNumber > ScanRows || row.IsEmpty)
            {
                continue;
            }

            var count = CountDistinctMatches(row, aliases);
            if (count > best)
            {
                header = row;
                best = count;
            }
        }

        if (header is null)
        {
            error = wholeFile && firstRows.All(row => row.IsEmpty)
                ? "文件为空"
                : $"未找到表头：前 {ScanRows} 行中没有可识别的列名。{schema.Name}的必填列为：{schema.RequiredHeaders}";
            return null;
        }

        // Under merged group labels the lower header row, with the merged names carried down, can name more columns
        // than the upper one: the header then starts at the upper row.
        var upper = firstRows.FirstOrDefault(row => row.RowNumber == header.RowNumber - 1);
        if (upper is not null && CountDistinctMatches(upper, aliases) >= 2 && IsSecondHeaderRow(upper, header, aliases))
        {
            header = upper;
        }

        var lower = firstRows.FirstOrDefault(row => row.RowNumber == header.RowNumber + 1);
        var twoRows = lower is not null && IsSecondHeaderRow(header, lower, aliases);
        var texts = HeaderTexts(header, twoRows ? lower : null, aliases);

        var columns = new List<ImportMatchedColumn>();
        var ignored = new List<string>();
        var duplicates = new List<ImportDuplicateHeader>();
        var byKey = new Dictionary<string, ImportMatchedColumn>(StringComparer.Ordinal);
        for (var index = 0; index < texts.Count; index++)
        {
            var text = texts[index];
            if (text is null)
            {
                continue;
            }

            var column = Match(text, aliases);
            if (column is null)
            {
                ignored.Add(text);
            }
            else if (byKey.TryGetValue(column.Key, out var kept))
            {
                var letter = ColumnLetters.FromIndex(index);
                duplicates.Add(new ImportDuplicateHeader(
                    column.Key,
                    text,
                    index,
                    $"第 {letter} 列“{text}”与第 {kept.ColumnLetter} 列“{kept.Header}”都对应“{column.Header}”，已按第 {kept.ColumnLetter} 列读取，第 {letter} 列被忽略"));
            }
            else
            {
                var matched = new ImportMatchedColumn(column.Key, text, index);
                byKey.Add(column.Key, matched);
                columns.Add(matched);
            }
        }

        var missing = schema.Columns.Where(column => column.Required && !byKey.ContainsKey(column.Key)).ToList();
        if (missing.Count > 0)
        {
            error = MissingColumnsMessage(schema, otherSchemas, missing, header.RowNumber, texts, ignored);
            return null;
        }

        return new HeaderLocation(header.RowNumber, twoRows ? 2 : 1, columns, ignored, duplicates);
    }

    /// <summary>How many distinct columns of <paramref name="schema"/> the texts of one line name (delimiter sniffing).</summary>
    public static int CountDistinctMatches(IEnumerable<string?> texts, ImportSchema schema)
    {
        var aliases = schema.AliasMap;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (Match(CellText.Clean(text), aliases) is { } column)
            {
                keys.Add(column.Key);
            }
        }

        return keys.Count;
    }

    private static int CountDistinctMatches(RawRow row, FrozenDictionary<string, ImportColumn> aliases)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in row.Values)
        {
            if (Match(CellText.ToText(value), aliases) is { } column)
            {
                keys.Add(column.Key);
            }
        }

        return keys.Count;
    }

    /// <summary>
    /// The row below the header completes it when it names a column where the header row is empty or holds a group label
    /// (a merged "证书信息" above "证书编号"/"发证日期", or a merged "工作单位" above "单位名称"/"统一社会信用代码"), and
    /// under the header row's own column names holds nothing but the same names (carried down from merged cells).
    /// </summary>
    private static bool IsSecondHeaderRow(RawRow upper, RawRow lower, FrozenDictionary<string, ImportColumn> aliases)
    {
        var completes = false;
        var width = Math.Max(upper.Values.Length, lower.Values.Length);
        for (var index = 0; index < width; index++)
        {
            var upperColumn = Match(CellText.ToText(upper.ValueAt(index)), aliases);
            var lowerText = CellText.ToText(lower.ValueAt(index));
            var lowerColumn = Match(lowerText, aliases);
            if (upperColumn is not null && lowerText is not null
                && (lowerColumn is null || (lowerColumn != upperColumn && upper.HasOwnValueAt(index))))
            {
                return false;
            }

            if (lowerColumn is not null && lowerColumn != upperColumn)
            {
                completes = true;
            }
        }

        return completes;
    }

    private static List<string?> HeaderTexts(RawRow upper, RawRow? lower, FrozenDictionary<string, ImportColumn> aliases)
    {
        var width = Math.Max(upper.Values.Length, lower?.Values.Length ?? 0);
        var texts = new List<string?>(width);
        for (var index = 0; index < width; index++)
        {
            var upperText = CellText.ToText(upper.ValueAt(index));
            var lowerText = lower is null ? null : CellText.ToText(lower.ValueAt(index));
            if (lowerText is not null && (upperText is null || Match(lowerText, aliases) is not null))
            {
                texts.Add(lowerText);
            }
            else
            {
                texts.Add(upperText);
            }
        }

        while (texts.Count > 0 && texts[^1] is null)
        {
            texts.RemoveAt(texts.Count - 1);
        }

        return texts;
    }

    /// <summary>
    /// The column a header names: its normalised text among the aliases, else the same without a parenthesised remark
    /// ("身份证号码（18位）" → "身份证号码").
    /// </summary>
    private static ImportColumn? Match(string? text, FrozenDictionary<string, ImportColumn> aliases)
    {
        if (text is null)
        {
            return null;
        }

        if (aliases.TryGetValue(CellText.NormalizeHeader(text), out var column))
        {
            return column;
        }

        var withoutRemarks = WithoutParentheses(text);
        return withoutRemarks.Length != text.Length && aliases.TryGetValue(CellText.NormalizeHeader(withoutRemarks), out column)
            ? column
            : null;
    }

    private static string WithoutParentheses(string text)
    {
        var builder = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c is '(' or '（' or '[' or '【')
            {
                depth++;
            }
            else if (c is ')' or '）' or ']' or '】')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string MissingColumnsMessage(
        ImportSchema schema, IReadOnlyList<ImportSchema> otherSchemas, List<ImportColumn> missing, int headerRowNumber, List<string?> texts, List<string> ignored)
    {
        var builder = new StringBuilder("缺少必填列：");
        for (var i = 0; i < missing.Count; i++)
        {
            var column = missing[i];
            if (i > 0)
            {
                builder.Append('、');
            }

            builder.Append(column.Header);
            var others = column.Aliases.Where(alias => !string.Equals(alias, column.Header, StringComparison.Ordinal)).ToList();
            if (others.Count > 0)
            {
                builder.Append("（可用列名：").AppendJoin('、', others).Append('）');
            }
        }

        builder.Append(CultureInfo.InvariantCulture, $"。已将第 {headerRowNumber} 行识别为表头");
        if (ignored.Count > 0)
        {
            builder.Append("，其中未识别的列：").AppendJoin('、', ignored.Take(10));
            if (ignored.Count > 10)
            {
                builder.Append(" 等");
            }
        }

        builder.Append('。');

        foreach (var other in otherSchemas)
        {
            if (ReferenceEquals(other, schema))
            {
                continue;
            }

            var otherAliases = other.AliasMap;
            var present = texts.Select(text => Match(text, otherAliases)?.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
            if (other.Columns.Where(column => column.Required).All(column => present.Contains(column.Key)))
            {
                var name = other.Name;
                builder.Append(CultureInfo.InvariantCulture, $"该文件看起来是{name}，请在“{name}”导入中上传。");
                break;
            }
        }

        return builder.ToString();
    }
}
