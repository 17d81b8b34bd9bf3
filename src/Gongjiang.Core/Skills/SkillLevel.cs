using System.Globalization;
using Gongjiang.Core.Common;
using Gongjiang.Core.Standards;

namespace Gongjiang.Core.Skills;

/// <summary>
/// 职业技能等级 on the eight-level ladder, in ascending order (the int values compare: higher is more skilled).
/// </summary>
/// <remarks>
/// 《国家职业技能标准》 define five levels: 五级/初级工, 四级/中级工, 三级/高级工, 二级/技师, 一级/高级技师.
/// 《关于提高技术工人待遇的意见》六(一) encourages enterprises to “增加技术工人的技能等级层次，拓宽技术工人晋升通道，
/// 探索设立技能专家、首席技师、特级技师等岗位”; 人社部发〔2022〕14号 then set the ladder 学徒工、初级工、中级工、高级工、
/// 技师、高级技师、特级技师、首席技师 that this enum follows.
/// </remarks>
public enum SkillLevel
{
    /// <summary>学徒工 (below the five standard levels).</summary>
    Apprentice = 0,
    /// <summary>初级工（五级）.</summary>
    Junior = 1,
    /// <summary>中级工（四级）.</summary>
    Intermediate = 2,
    /// <summary>高级工（三级）.</summary>
    Senior = 3,
    /// <summary>技师（二级）.</summary>
    Technician = 4,
    /// <summary>高级技师（一级）.</summary>
    SeniorTechnician = 5,
    /// <summary>特级技师 (policy 六(一)).</summary>
    PrincipalTechnician = 6,
    /// <summary>首席技师 (policy 六(一), 五(二) 首席技师制度).</summary>
    ChiefTechnician = 7,
}

/// <summary>Names, grades and parsing of <see cref="SkillLevel"/>.</summary>
public static class SkillLevels
{
    private const string Expected = "学徒工、初级工（五级）、中级工（四级）、高级工（三级）、技师（二级）、高级技师（一级）、特级技师、首席技师";

    // Keys are in IdentifierText.Normalize form (no whitespace, half-width, ASCII upper-case).
    private static readonly Dictionary<string, SkillLevel> Tokens = BuildTokens();

    /// <summary>Every level, lowest first.</summary>
    public static IReadOnlyList<SkillLevel> All { get; } = Enum.GetValues<SkillLevel>();

    /// <summary>The level's Chinese name without grade: 学徒工, 初级工, 中级工, 高级工, 技师, 高级技师, 特级技师, 首席技师.</summary>
    public static string ChineseName(SkillLevel level) => level switch
    {
        SkillLevel.Apprentice => "学徒工",
        SkillLevel.Junior => "初级工",
        SkillLevel.Intermediate => "中级工",
        SkillLevel.Senior => "高级工",
        SkillLevel.Technician => "技师",
        SkillLevel.SeniorTechnician => "高级技师",
        SkillLevel.PrincipalTechnician => "特级技师",
        SkillLevel.ChiefTechnician => "首席技师",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>
    /// The 《国家职业技能标准》 grade: 五级 (初级工) … 一级 (高级技师); null for 学徒工, 特级技师 and 首席技师, which the
    /// standards do not grade.
    /// </summary>
    public static string? Grade(SkillLevel level) => level switch
    {
        SkillLevel.Junior => "五级",
        SkillLevel.Intermediate => "四级",
        SkillLevel.Senior => "三级",
        SkillLevel.Technician => "二级",
        SkillLevel.SeniorTechnician => "一级",
        SkillLevel.Apprentice or SkillLevel.PrincipalTechnician or SkillLevel.ChiefTechnician => null,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>
    /// The grade as a digit, as the 职业技能等级证书 number carries it (《职业技能等级证书编码规则（试行）》 第16位):
    /// 5 = 五级/初级工 … 1 = 一级/高级技师; null for 学徒工, 特级技师 and 首席技师.
    /// </summary>
    public static int? GradeDigit(SkillLevel level) => level switch
    {
        SkillLevel.Junior => 5,
        SkillLevel.Intermediate => 4,
        SkillLevel.Senior => 3,
        SkillLevel.Technician => 2,
        SkillLevel.SeniorTechnician => 1,
        SkillLevel.Apprentice or SkillLevel.PrincipalTechnician or SkillLevel.ChiefTechnician => null,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>The level of a grade digit (5 = 初级工 … 1 = 高级技师); null for any other digit.</summary>
    public static SkillLevel? FromGradeDigit(int digit) => digit switch
    {
        5 => SkillLevel.Junior,
        4 => SkillLevel.Intermediate,
        3 => SkillLevel.Senior,
        2 => SkillLevel.Technician,
        1 => SkillLevel.SeniorTechnician,
        _ => null,
    };

    /// <summary>
    /// The five levels graded by 《国家职业技能标准》 (初级工 … 高级技师), i.e. those an evaluation body (评价机构) certifies;
    /// 学徒工 is set by the enterprise and 特级技师、首席技师 are appointed (聘任) by it.
    /// </summary>
    public static bool IsGraded(SkillLevel level) => GradeDigit(level) is not null;

    /// <summary>Name with grade as printed on certificates and forms: “高级工（三级）”, “特级技师”.</summary>
    public static string DisplayName(SkillLevel level) =>
        Grade(level) is { } grade ? ChineseName(level) + "（" + grade + "）" : ChineseName(level);

    /// <summary>
    /// A name as stored or typed (“技师”, “二级”) shown as <see cref="DisplayName"/> (“技师（二级）”), so that a level has one
    /// name on every page; empty text stays empty and text that is not a level is returned unchanged.
    /// </summary>
    public static string ToDisplayName(string? text) =>
        string.IsNullOrWhiteSpace(text) ? text ?? "" : Parse(text) is { IsValid: true } parsed ? DisplayName(parsed.Value) : text;

    /// <summary>
    /// 高技能人才: 高级工 and above (高级工、技师、高级技师, and the new 特级技师、首席技师). Policy 六(三) speaks of “在聘的高级工、
    /// 技师、高级技师” and 四(二) of 高技能人才 pay in state-owned enterprises.
    /// </summary>
    public static bool IsHighSkill(SkillLevel level) => level >= SkillLevel.Senior;

    /// <summary>
    /// Reads a skill level as people write it: “高级工”, “三级”, “高级工/三级”, “三级/高级工”, “高级工（三级）”,
    /// “国家职业资格三级”, “职业技能等级二级（技师）”, “学徒”, “特级技师” …; full-width characters and whitespace are
    /// tolerated, as are the English member names. When several parts are given they must agree (“高级工/二级” is rejected).
    /// </summary>
    public static Result<SkillLevel> Parse(string? text)
    {
        var normal = IdentifierText.Normalize(text);
        if (normal.Length == 0)
        {
            return Result<SkillLevel>.Fail("职业技能等级不能为空，应为" + Expected + "之一");
        }

        SkillLevel? found = null;
        foreach (var part in normal.Split(['/', '(', ')', '、', '|', '\\', '（', '）'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryToken(part, out var level) || (found is { } earlier && earlier != level))
            {
                return Unrecognised(text!);
            }

            found = level;
        }

        return found is { } result ? Result<SkillLevel>.Ok(result) : Unrecognised(text!);
    }

    private static bool TryToken(string part, out SkillLevel level)
    {
        if (Tokens.TryGetValue(part, out level))
        {
            return true;
        }

        foreach (var prefix in (ReadOnlySpan<string>)["国家职业资格", "职业资格", "职业技能等级", "技能等级"])
        {
            if (part.StartsWith(prefix, StringComparison.Ordinal) && Tokens.TryGetValue(part[prefix.Length..], out level))
            {
                return true;
            }
        }

        return false;
    }

    private static Result<SkillLevel> Unrecognised(string text) =>
        Result<SkillLevel>.Fail(string.Create(CultureInfo.InvariantCulture, $"职业技能等级“{text.Trim()}”无法识别，应为{Expected}之一"));

    private static Dictionary<string, SkillLevel> BuildTokens()
    {
        var tokens = new Dictionary<string, SkillLevel>(StringComparer.Ordinal)
        {
            ["学徒"] = SkillLevel.Apprentice,
            ["学徒工"] = SkillLevel.Apprentice,
            ["初级"] = SkillLevel.Junior,
            ["初级工"] = SkillLevel.Junior,
            ["五级"] = SkillLevel.Junior,
            ["5级"] = SkillLevel.Junior,
            ["中级"] = SkillLevel.Intermediate,
            ["中级工"] = SkillLevel.Intermediate,
            ["四级"] = SkillLevel.Intermediate,
            ["4级"] = SkillLevel.Intermediate,
            ["高级"] = SkillLevel.Senior,
            ["高级工"] = SkillLevel.Senior,
            ["三级"] = SkillLevel.Senior,
            ["3级"] = SkillLevel.Senior,
            ["技师"] = SkillLevel.Technician,
            ["二级"] = SkillLevel.Technician,
            ["2级"] = SkillLevel.Technician,
            ["高级技师"] = SkillLevel.SeniorTechnician,
            ["一级"] = SkillLevel.SeniorTechnician,
            ["1级"] = SkillLevel.SeniorTechnician,
            ["特级技师"] = SkillLevel.PrincipalTechnician,
            ["首席技师"] = SkillLevel.ChiefTechnician,
        };

        foreach (var level in Enum.GetValues<SkillLevel>())
        {
            tokens[level.ToString().ToUpperInvariant()] = level;
        }

        return tokens;
    }
}
