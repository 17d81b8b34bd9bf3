using System.Text;
using Gongjiang.Core.Common;
using static Gongjiang.Core.Supervision.SupervisionText;

namespace Gongjiang.Core.Supervision;

/// <summary>
/// One of the 16 policy measures (政策措施) of 《关于提高技术工人待遇的意见》: item (<see cref="Item"/>) of section
/// (<see cref="Section"/>) 三 to 六, e.g. 3.1 = 三（一）全面加强对高技能领军人才的服务保障.
/// </summary>
/// <param name="Code">Stable code “section.item” (“3.1” … “6.5”), used in data, URLs and the API.</param>
/// <param name="Title">The item's heading in the policy text.</param>
/// <param name="Actions">The actions the item names (from <c>measures.tsv</c>).</param>
/// <param name="NamedDepartments">The departments and bodies the item names, as the policy words them (e.g. “工会等群团组织”, “企业”);
/// <see cref="TaskDivision"/> maps them to <see cref="Reference.Departments"/>.</param>
/// <param name="Modules">The platform modules that carry the measure out (DESIGN.md English names).</param>
public sealed record Measure(string Code, string Title, IReadOnlyList<string> Actions, IReadOnlyList<string> NamedDepartments, IReadOnlyList<string> Modules)
{
    /// <summary>The section number 3–6 (三 to 六).</summary>
    public int Section => Code[0] - '0';

    /// <summary>The item number within the section, from 1.</summary>
    public int Item => Code[2] - '0';

    /// <summary>The policy's own numbering with full-width brackets: “三（一）”.</summary>
    public string DisplayCode => MeasureCatalog.ChineseNumeral(Section) + "（" + MeasureCatalog.ChineseNumeral(Item) + "）";

    /// <summary>“三（一）全面加强对高技能领军人才的服务保障”.</summary>
    public string DisplayName => DisplayCode + Title;
}

/// <summary>
/// The 16 measures of 《关于提高技术工人待遇的意见》 三(一)–(五), 四(一)–(三), 五(一)–(三), 六(一)–(五), in policy order.
/// 人社部发〔2018〕24号 二: “《意见》提出提高技术工人待遇的16条政策措施，均明确由人力资源社会保障部为牵头（或联合牵头）单位”.
/// <see cref="Default"/> reads the vendored <c>Supervision/Data/measures.tsv</c> (embedded resource, a copy of
/// <c>shared/reference/measures.tsv</c>).
/// </summary>
/// <remarks>Invariant: codes are unique, of the form “d.d” with section 3–6 and item 1–9, ordered by section then item.</remarks>
public sealed class MeasureCatalog
{
    /// <summary>Logical name of the embedded table.</summary>
    internal const string ResourceName = "Gongjiang.Core.Supervision.Data.measures.tsv";

    private const string Header = "code\ttitle\tactions named in the policy\tdepartments named with it\tmodule";

    private static readonly string[] Numerals = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    private static readonly Lazy<MeasureCatalog> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Measure[] all;
    private readonly Dictionary<string, Measure> byCode;

    /// <summary>A catalogue of explicit measures (tests, or an amended list).</summary>
    /// <exception cref="ArgumentException">A code is malformed or listed twice, or a title is empty.</exception>
    public MeasureCatalog(IEnumerable<Measure> measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        byCode = new Dictionary<string, Measure>(StringComparer.Ordinal);
        foreach (var measure in measures)
        {
            ArgumentNullException.ThrowIfNull(measure, nameof(measures));
            if (!IsCode(measure.Code))
            {
                throw new ArgumentException(Invariant($"Measure code '{measure.Code}' is not of the form 3.1 (section 3–6, item 1–9)."), nameof(measures));
            }

            if (string.IsNullOrWhiteSpace(measure.Title))
            {
                throw new ArgumentException(Invariant($"Measure {measure.Code} has no title."), nameof(measures));
            }

            if (!byCode.TryAdd(measure.Code, measure))
            {
                throw new ArgumentException(Invariant($"Measure {measure.Code} is listed twice."), nameof(measures));
            }
        }

        all = [.. byCode.Values.OrderBy(m => m.Section).ThenBy(m => m.Item)];
    }

    /// <summary>The 16 measures of the policy, loaded once from the embedded table.</summary>
    public static MeasureCatalog Default => LazyDefault.Value;

    /// <summary>Every measure in policy order.</summary>
    public IReadOnlyList<Measure> All => all;

    /// <summary>Number of measures.</summary>
    public int Count => all.Length;

    /// <summary>The heading of a section of the policy (三 to 六), or null for another number.</summary>
    public static string? SectionTitle(int section) => section switch
    {
        3 => "突出“高精尖缺”导向，大力提高高技能领军人才待遇水平",
        4 => "实施工资激励计划，提高技术工人收入水平",
        5 => "构建技能形成与提升体系，支持技术工人凭技能提高待遇",
        6 => "强化评价使用激励工作，畅通技术工人成长成才通道",
        _ => null,
    };

    /// <summary>
    /// The measure written as “3.1”, “三（一）”, “三(一)” or “３．１” (spaces ignored), or null when there is none such.
    /// </summary>
    public Measure? Find(string? code) => Normalize(code) is { } key ? byCode.GetValueOrDefault(key) : null;

    /// <summary>As <see cref="Find"/>, with a Chinese message naming the field 政策措施 when there is no such measure.</summary>
    public Result<Measure> Parse(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return Result<Measure>.Fail("请选择政策措施");
        }

        return Find(code) is { } measure
            ? Result<Measure>.Ok(measure)
            : Result<Measure>.Fail(Invariant($"政策措施“{code.Trim()}”不存在，应为{all[0].DisplayCode}至{all[^1].DisplayCode}（{all[0].Code}至{all[^1].Code}）之一"));
    }

    /// <summary>Whether a measure with this exact code (“3.1”) is listed.</summary>
    public bool Contains(string? code) => code is not null && byCode.ContainsKey(code);

    /// <summary>一 … 九 for 1 … 9.</summary>
    internal static string ChineseNumeral(int number) =>
        number is >= 1 and <= 9 ? Numerals[number] : number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses the vendored table (UTF-8, tab-separated, header line, one measure a line).</summary>
    internal static MeasureCatalog Parse(TextReader reader)
    {
        var header = reader.ReadLine();
        if (header is null || header.TrimStart('\uFEFF') != Header)
        {
            throw new InvalidDataException("Measures table must start with its header line.");
        }

        var measures = new List<Measure>(16);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 5)
            {
                throw new InvalidDataException(Invariant($"Measures table line {lineNumber} has {fields.Length} fields, not 5."));
            }

            measures.Add(new Measure(
                fields[0].Trim(),
                fields[1].Trim(),
                Split(fields[2], '；'),
                Split(fields[3], '、'),
                Split(fields[4], ',')));
        }

        try
        {
            return new MeasureCatalog(measures);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException("Measures table is inconsistent: " + ex.Message, ex);
        }
    }

    private static string[] Split(string field, char separator) =>
        [.. field.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static MeasureCatalog LoadEmbedded()
    {
        using var stream = typeof(MeasureCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(Invariant($"Embedded resource {ResourceName} is missing."));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader);
    }

    private static bool IsCode(string? code) =>
        code is { Length: 3 } && code[0] is >= '3' and <= '6' && code[1] == '.' && code[2] is >= '1' and <= '9';

    /// <summary>“3.1” from “3.1”, “３．１”, “三（一）”, “三(一)”, “ 三 ( 一 ) ”; null when it is none of these.</summary>
    private static string? Normalize(string? code)
    {
        if (code is null)
        {
            return null;
        }

        var builder = new StringBuilder(code.Length);
        foreach (var c in code)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '．' or '。' or '、' => '.',
                '（' => '(',
                '）' => ')',
                _ => c,
            });
        }

        var text = builder.ToString();
        if (IsCode(text))
        {
            return text;
        }

        // 三(一): a Chinese numeral, a bracketed Chinese numeral.
        if (text.Length == 4 && text[1] == '(' && text[3] == ')')
        {
            var section = Array.IndexOf(Numerals, text[0].ToString());
            var item = Array.IndexOf(Numerals, text[2].ToString());
            if (section > 0 && item > 0)
            {
                var candidate = Invariant($"{section}.{item}");
                return IsCode(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
