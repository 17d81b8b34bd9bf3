using Gongjiang.Core.Common;
using Gongjiang.Core.Standards;

namespace Gongjiang.Core.Wages;

/// <summary>
/// The staff category (人员类别) of a row in an annual wage report. Policy 四(二) compares 高技能人才 with 管理人员; the
/// 2025 notice on SOE skilled-worker pay adds 专业技术人员 and 辅助人员 at the same level. The int values are stored;
/// never renumber them.
/// </summary>
public enum StaffCategory
{
    /// <summary>高技能人才: 高级工 and above (<see cref="Skills.SkillLevels.IsHighSkill"/>).</summary>
    HighSkill = 1,
    /// <summary>其他技能人员: skilled staff below 高级工.</summary>
    OtherSkilled = 2,
    /// <summary>专业技术人员.</summary>
    ProfessionalTechnical = 3,
    /// <summary>管理人员 (with a <see cref="PostTier"/>: 高层、中层、基层).</summary>
    Manager = 4,
    /// <summary>其他 (including 辅助人员).</summary>
    Other = 9,
}

/// <summary>
/// The level of a post (岗位层级): required for 管理人员 (高层/中层/基层管理人员); optional for others, where the
/// enterprise maps its skill and technical post grades to management levels (2025 notice: “技能岗位薪级档次…不低于相应
/// 职级管理岗位”). The int values are stored; never renumber them.
/// </summary>
public enum PostTier
{
    /// <summary>高层.</summary>
    Senior = 1,
    /// <summary>中层.</summary>
    Middle = 2,
    /// <summary>基层.</summary>
    Junior = 3,
}

/// <summary>Names and parsing of <see cref="StaffCategory"/> and <see cref="PostTier"/>.</summary>
public static class StaffCategories
{
    private const string ExpectedCategories = "高技能人才、其他技能人员、专业技术人员、管理人员、其他";
    private const string ExpectedTiers = "高层、中层、基层";

    /// <summary>Every category in report order.</summary>
    public static IReadOnlyList<StaffCategory> All { get; } = Enum.GetValues<StaffCategory>();

    public static string ChineseName(StaffCategory category) => category switch
    {
        StaffCategory.HighSkill => "高技能人才",
        StaffCategory.OtherSkilled => "其他技能人员",
        StaffCategory.ProfessionalTechnical => "专业技术人员",
        StaffCategory.Manager => "管理人员",
        StaffCategory.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    public static string ChineseName(PostTier tier) => tier switch
    {
        PostTier.Senior => "高层",
        PostTier.Middle => "中层",
        PostTier.Junior => "基层",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, null),
    };

    /// <summary>
    /// Reads a category as written in a template: the names above, “技能人才（高技能）”-style variants (“高技能”, “技能人员”,
    /// “专技人员”, “管理”, “辅助人员”), or the English member names; refuses anything else naming the field 人员类别.
    /// </summary>
    public static Result<StaffCategory> Parse(string? text)
    {
        var normal = IdentifierText.Normalize(text);
        if (normal.Length == 0)
        {
            return Result<StaffCategory>.Fail("人员类别不能为空，应为" + ExpectedCategories + "之一");
        }

        StaffCategory? found = normal switch
        {
            "高技能人才" or "高技能" or "高技能人员" => StaffCategory.HighSkill,
            "其他技能人员" or "技能人员" or "一般技能人员" or "其他技能人才" => StaffCategory.OtherSkilled,
            "专业技术人员" or "专技人员" or "专业技术人才" => StaffCategory.ProfessionalTechnical,
            "管理人员" or "管理" => StaffCategory.Manager,
            "其他" or "其他人员" or "辅助人员" => StaffCategory.Other,
            _ => Enum.GetValues<StaffCategory>().Cast<StaffCategory?>().FirstOrDefault(c => string.Equals(c.ToString()!.ToUpperInvariant(), normal, StringComparison.Ordinal)),
        };
        return found is { } category
            ? Result<StaffCategory>.Ok(category)
            : Result<StaffCategory>.Fail($"人员类别“{text!.Trim()}”无法识别，应为{ExpectedCategories}之一");
    }

    /// <summary>Reads a post tier: 高层/中层/基层, with or without “管理人员”/“管理岗”; null and empty give null.</summary>
    public static Result<PostTier?> ParseTier(string? text)
    {
        var normal = IdentifierText.Normalize(text);
        if (normal.Length == 0)
        {
            return Result<PostTier?>.Ok(null);
        }

        foreach (var suffix in (ReadOnlySpan<string>)["管理人员", "管理岗位", "管理岗", "管理", "岗位"])
        {
            if (normal.Length > suffix.Length && normal.EndsWith(suffix, StringComparison.Ordinal))
            {
                normal = normal[..^suffix.Length];
                break;
            }
        }

        PostTier? tier = normal switch
        {
            "高层" or "高级" => PostTier.Senior,
            "中层" or "中级" => PostTier.Middle,
            "基层" or "初级" => PostTier.Junior,
            _ => null,
        };
        return tier is not null
            ? Result<PostTier?>.Ok(tier)
            : Result<PostTier?>.Fail($"岗位层级“{text!.Trim()}”无法识别，应为{ExpectedTiers}之一");
    }
}
