using System.Globalization;
using Gongjiang.Core.Common;
using Gongjiang.Core.Standards;

namespace Gongjiang.Core.Registry;

/// <summary>
/// An occupation code of 《中华人民共和国职业分类大典（2022年版）》 (职业编码), e.g. “6-18-01-01”: 大类-中类-小类-细类(职业).
/// Policy 三(三) and 四 speak of technical workers by occupation; the registry and wage statistics record it with this code.
/// </summary>
/// <remarks>
/// <para>Invariants of every instance (only <see cref="Parse"/> makes one):</para>
/// <list type="bullet">
/// <item><see cref="Value"/> is exactly <c>D-DD-DD-DD</c> with ASCII digits and ASCII hyphens (10 characters, four parts).</item>
/// <item><see cref="MajorGroup"/> is the first digit, 1 to 8 (the eight 大类 of the 2022 edition).</item>
/// </list>
/// <para>Whether the code is actually listed in the 大典 is not checked here (no table is vendored).</para>
/// </remarks>
public sealed record OccupationCode
{
    private const string Format = "D-DD-DD-DD（如 6-18-01-01）";

    private OccupationCode(string value)
    {
        Value = value;
        MajorGroup = value[0] - '0';
    }

    /// <summary>The canonical code, e.g. “6-18-01-01”.</summary>
    public string Value { get; }

    /// <summary>大类, 1 to 8.</summary>
    public int MajorGroup { get; }

    /// <summary>The 大类 name, e.g. “生产制造及有关人员” for 6.</summary>
    public string MajorGroupName => GroupName(MajorGroup);

    /// <summary>
    /// The name of 大类 <paramref name="majorGroup"/> (1 to 8) in 《中华人民共和国职业分类大典（2022年版）》.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="majorGroup"/> is not 1 to 8.</exception>
    public static string GroupName(int majorGroup) => majorGroup switch
    {
        1 => "党的机关、国家机关、群众团体和社会组织、企事业单位负责人",
        2 => "专业技术人员",
        3 => "办事人员和有关人员",
        4 => "社会生产服务和生活服务人员",
        5 => "农、林、牧、渔业生产及辅助人员",
        6 => "生产制造及有关人员",
        7 => "军人",
        8 => "不便分类的其他从业人员",
        _ => throw new ArgumentOutOfRangeException(nameof(majorGroup), majorGroup, "大类应为1至8"),
    };

    /// <summary>
    /// Reads a code as typed or pasted: full-width digits and dashes (“６－１８－０１－０１”), other dash characters
    /// (‐ ‑ – — −) and whitespace anywhere are tolerated. Exactly four parts of 1, 2, 2 and 2 digits are required;
    /// “6-18-01-01-01” and “61801 01” are rejected.
    /// </summary>
    public static Result<OccupationCode> Parse(string? text)
    {
        var normal = IdentifierText.Normalize(text);
        if (normal.Length == 0)
        {
            return Result<OccupationCode>.Fail("职业编码不能为空，格式应为 " + Format);
        }

        if (normal.Length != 10)
        {
            return Malformed(text!);
        }

        Span<char> chars = stackalloc char[10];

        for (var i = 0; i < normal.Length; i++)
        {
            var c = normal[i] is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' ? '-' : normal[i];
            var ok = i is 1 or 4 or 7 ? c == '-' : char.IsAsciiDigit(c);
            if (!ok)
            {
                return Malformed(text!);
            }

            chars[i] = c;
        }

        if (chars[0] is < '1' or > '8')
        {
            return Result<OccupationCode>.Fail("职业编码大类应为1至8");
        }

        return Result<OccupationCode>.Ok(new OccupationCode(new string(chars)));
    }

    /// <summary>The canonical code, e.g. “6-18-01-01”.</summary>
    public override string ToString() => Value;

    private static Result<OccupationCode> Malformed(string text) =>
        Result<OccupationCode>.Fail(string.Create(CultureInfo.InvariantCulture, $"职业编码“{text.Trim()}”格式应为 {Format}"));
}
