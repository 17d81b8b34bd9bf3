using System.Collections.Frozen;

namespace Gongjiang.Web.Platform.Imports;

/// <summary>How the reader and the template treat the cells of a column (besides reading them as trimmed text).</summary>
public enum ImportValueType
{
    /// <summary>Free text; a number cell becomes its invariant text without a trailing ".0".</summary>
    Text = 0,

    /// <summary>A date: an Excel date (a serial number) becomes "yyyy-MM-dd"; text is left as written.</summary>
    Date = 1,

    /// <summary>A code written with digits that must keep leading zeros (mobile number, region code, 文号): the XLSX template formats the column as text.</summary>
    Code = 2,

    /// <summary>
    /// A long code (统一社会信用代码, certificate numbers): as <see cref="Code"/>, and a number cell of 15 digits or more,
    /// or text in scientific notation, is reported as having lost digits.
    /// </summary>
    LongCode = 3,

    /// <summary>A citizen ID number (GB 11643): as <see cref="LongCode"/>, and any number cell is reported as having lost digits.</summary>
    IdNumber = 4,
}

/// <summary>
/// A column a file kind understands: its canonical key (the key of <see cref="ImportRow.Cells"/>), the Chinese header
/// shown in templates, error reports and messages, whether the file must have it, the aliases matched in uploaded files
/// (compared after removing whitespace, full-width forms and the marks *（）()：:, and once more without a parenthesised
/// remark), and the example value of the templates' sample row.
/// </summary>
public sealed record ImportColumn(string Key, string Header, bool Required, IReadOnlyList<string> Aliases, string Example = "")
{
    /// <summary>How cells are read and the template column formatted; <see cref="ImportValueType.Text"/> unless set.</summary>
    public ImportValueType Type { get; init; }

    /// <summary>The template formats the column as text, so that digits keep leading zeros and every digit.</summary>
    public bool KeepsDigits => Type is ImportValueType.Code or ImportValueType.LongCode or ImportValueType.IdNumber;
}

/// <summary>
/// A kind of tabular file a module imports (工资报告, 证书批量发放, 人员名册 …): its Chinese name, used in messages
/// ("未找到表头 … 人员名册的必填列为 …") and as the template's sheet name, and its columns in template order. Headers may
/// stand in any order in a file and above them may stand title rows; unknown extra columns are ignored.
/// </summary>
/// <remarks>Immutable and thread-safe; declare each schema once as a static field (its header aliases are indexed once).</remarks>
public sealed class ImportSchema
{
    private FrozenDictionary<string, ImportColumn>? _aliasMap;

    /// <param name="name">The Chinese name of the file kind, e.g. "工资报告".</param>
    /// <param name="columns">The columns in template order; keys unique, at least one required column.</param>
    /// <exception cref="ArgumentException">No name, no columns, no required column, or a key twice.</exception>
    public ImportSchema(string name, IReadOnlyList<ImportColumn> columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0 || !columns.Any(column => column.Required))
        {
            throw new ArgumentException("An import schema needs at least one required column.", nameof(columns));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            ArgumentNullException.ThrowIfNull(column, nameof(columns));
            ArgumentException.ThrowIfNullOrWhiteSpace(column.Key, nameof(columns));
            ArgumentException.ThrowIfNullOrWhiteSpace(column.Header, nameof(columns));
            if (!keys.Add(column.Key))
            {
                throw new ArgumentException($"The column key '{column.Key}' appears twice.", nameof(columns));
            }
        }

        Name = name;
        Columns = [.. columns];
    }

    /// <summary>The Chinese name of the file kind.</summary>
    public string Name { get; }

    /// <summary>The columns in template order.</summary>
    public IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>The title row of the XLSX template; "{Name}导入模板（带*为必填）" unless set.</summary>
    public string? TemplateTitle { get; init; }

    /// <summary>The column of <paramref name="key"/>, or null.</summary>
    public ImportColumn? Column(string key) => Columns.FirstOrDefault(column => string.Equals(column.Key, key, StringComparison.Ordinal));

    /// <summary>The required columns' headers joined by "、".</summary>
    public string RequiredHeaders => string.Join('、', Columns.Where(column => column.Required).Select(column => column.Header));

    /// <summary>Normalised header texts (headers and aliases) to columns; the first column naming a text wins.</summary>
    internal FrozenDictionary<string, ImportColumn> AliasMap => _aliasMap ??= BuildAliasMap();

    public override string ToString() => Name;

    private FrozenDictionary<string, ImportColumn> BuildAliasMap()
    {
        var map = new Dictionary<string, ImportColumn>(StringComparer.Ordinal);
        foreach (var column in Columns)
        {
            map.TryAdd(CellText.NormalizeHeader(column.Header), column);
            foreach (var alias in column.Aliases)
            {
                map.TryAdd(CellText.NormalizeHeader(alias), column);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
