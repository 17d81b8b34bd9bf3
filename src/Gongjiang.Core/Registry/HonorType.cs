using System.Globalization;
using Gongjiang.Core.Common;
using Gongjiang.Core.Reference;
using Gongjiang.Core.Standards;

namespace Gongjiang.Core.Registry;

/// <summary>
/// 荣誉: the four national honours that make a 高技能领军人才 (policy 三(一)), and common provincial ones kept for
/// completeness of a person's record.
/// </summary>
public enum HonorType
{
    /// <summary>全国劳动模范 (中共中央、国务院).</summary>
    NationalModelWorker = 0,
    /// <summary>全国五一劳动奖章 (中华全国总工会).</summary>
    NationalMayDayLaborMedal = 1,
    /// <summary>中华技能大奖 (人力资源社会保障部).</summary>
    ChinaSkillsGrandAward = 2,
    /// <summary>全国技术能手 (人力资源社会保障部).</summary>
    NationalTechnicalExpert = 3,
    /// <summary>省级劳动模范 — not by itself a basis for 高技能领军人才.</summary>
    ProvincialModelWorker = 10,
    /// <summary>省级五一劳动奖章 — not by itself a basis for 高技能领军人才.</summary>
    ProvincialMayDayLaborMedal = 11,
    /// <summary>省级技术能手 — not by itself a basis for 高技能领军人才.</summary>
    ProvincialTechnicalExpert = 12,
    /// <summary>其他.</summary>
    Other = 99,
}

/// <summary>政府特殊津贴: 享受省级以上政府特殊津贴的人员 are 高技能领军人才 (policy 三(一)).</summary>
public enum SpecialAllowanceLevel
{
    /// <summary>国务院政府特殊津贴.</summary>
    StateCouncil = 0,
    /// <summary>省级政府特殊津贴.</summary>
    Provincial = 1,
}

/// <summary>Names, awarding bodies, the 高技能领军人才 rule and parsing of <see cref="HonorType"/>.</summary>
public static class HonorTypes
{
    private const string Expected = "全国劳动模范、全国五一劳动奖章、中华技能大奖、全国技术能手、省级劳动模范、省级五一劳动奖章、省级技术能手或其他";

    // Keys are in IdentifierText.Normalize form (no whitespace, half-width, ASCII upper-case).
    private static readonly Dictionary<string, HonorType> Names = BuildNames();

    // What follows a province's full name in “广东省劳动模范”, “北京市五一劳动奖章”, “广西壮族自治区技术能手”.
    private static readonly Dictionary<string, HonorType> ProvincialSuffixes = new(StringComparer.Ordinal)
    {
        ["劳动模范"] = HonorType.ProvincialModelWorker,
        ["劳模"] = HonorType.ProvincialModelWorker,
        ["五一劳动奖章"] = HonorType.ProvincialMayDayLaborMedal,
        ["技术能手"] = HonorType.ProvincialTechnicalExpert,
    };

    /// <summary>Every honour type, in declaration order.</summary>
    public static IReadOnlyList<HonorType> All { get; } = Enum.GetValues<HonorType>();

    public static string ChineseName(HonorType honor) => honor switch
    {
        HonorType.NationalModelWorker => "全国劳动模范",
        HonorType.NationalMayDayLaborMedal => "全国五一劳动奖章",
        HonorType.ChinaSkillsGrandAward => "中华技能大奖",
        HonorType.NationalTechnicalExpert => "全国技术能手",
        HonorType.ProvincialModelWorker => "省级劳动模范",
        HonorType.ProvincialMayDayLaborMedal => "省级五一劳动奖章",
        HonorType.ProvincialTechnicalExpert => "省级技术能手",
        HonorType.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(honor), honor, null),
    };

    public static string ChineseName(SpecialAllowanceLevel level) => level switch
    {
        SpecialAllowanceLevel.StateCouncil => "国务院政府特殊津贴",
        SpecialAllowanceLevel.Provincial => "省级政府特殊津贴",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>
    /// Who normally confers the honour, to prefill a form: 全国劳动模范 → 中共中央、国务院; 全国五一劳动奖章 → 中华全国总工会;
    /// 中华技能大奖 and 全国技术能手 → 人力资源社会保障部; the provincial ones → the province's 党委和政府, 总工会 or 人力资源社会保障厅;
    /// null for <see cref="HonorType.Other"/>.
    /// </summary>
    public static string? DefaultAwardingBody(HonorType honor) => honor switch
    {
        HonorType.NationalModelWorker => "中共中央、国务院",
        HonorType.NationalMayDayLaborMedal => "中华全国总工会",
        HonorType.ChinaSkillsGrandAward or HonorType.NationalTechnicalExpert => "人力资源社会保障部",
        HonorType.ProvincialModelWorker => "省级党委、政府",
        HonorType.ProvincialMayDayLaborMedal => "省级总工会",
        HonorType.ProvincialTechnicalExpert => "省级人力资源社会保障部门",
        HonorType.Other => null,
        _ => throw new ArgumentOutOfRangeException(nameof(honor), honor, null),
    };

    /// <summary>
    /// True for the honours that by themselves make a 高技能领军人才. Policy 三(一): “高技能领军人才包括获得全国劳动模范、
    /// 全国五一劳动奖章、中华技能大奖、全国技术能手等荣誉以及享受省级以上政府特殊津贴的人员，或各省（自治区、直辖市）政府认定的
    /// ‘高精尖缺’高技能人才。” Provincial honours do not qualify on their own (a province may still recognise the person
    /// as “高精尖缺”).
    /// </summary>
    public static bool QualifiesAsLeadingTalentBasis(HonorType honor) => honor switch
    {
        HonorType.NationalModelWorker or HonorType.NationalMayDayLaborMedal or
            HonorType.ChinaSkillsGrandAward or HonorType.NationalTechnicalExpert => true,
        HonorType.ProvincialModelWorker or HonorType.ProvincialMayDayLaborMedal or
            HonorType.ProvincialTechnicalExpert or HonorType.Other => false,
        _ => throw new ArgumentOutOfRangeException(nameof(honor), honor, null),
    };

    /// <summary>
    /// Both levels qualify: policy 三(一) “享受省级以上政府特殊津贴的人员”.
    /// </summary>
    public static bool QualifiesAsLeadingTalentBasis(SpecialAllowanceLevel level) => level switch
    {
        SpecialAllowanceLevel.StateCouncil or SpecialAllowanceLevel.Provincial => true,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>
    /// Reads an honour as people write it: the Chinese names above, “全国劳模”, “五一劳动奖章” (the national one; a
    /// provincial medal carries its province's name), “技术能手（全国）”, “全国技术能手称号”, “中华技能大奖获得者”,
    /// “广东省劳动模范” / “北京市五一劳动奖章” (a province's full name makes it provincial), and the English member names.
    /// Full-width characters and whitespace are tolerated. A bare “劳动模范” or “技术能手” is rejected: its level is unknown.
    /// </summary>
    public static Result<HonorType> Parse(string? text)
    {
        var normal = IdentifierText.Normalize(text).Trim('《', '》', '“', '”', '"', '\'');
        if (normal.Length == 0)
        {
            return Result<HonorType>.Fail("荣誉称号不能为空，应为" + Expected);
        }

        foreach (var suffix in (ReadOnlySpan<string>)["荣誉称号", "称号", "获得者"])
        {
            if (normal.Length > suffix.Length && normal.EndsWith(suffix, StringComparison.Ordinal))
            {
                normal = normal[..^suffix.Length];
                break;
            }
        }

        // “技术能手(全国)”, “劳动模范(省级)” → “全国技术能手”, “省级劳动模范”.
        foreach (var qualifier in (ReadOnlySpan<string>)["(全国)", "(省级)"])
        {
            if (normal.EndsWith(qualifier, StringComparison.Ordinal))
            {
                normal = qualifier[1..^1] + normal[..^qualifier.Length];
                break;
            }
        }

        if (Names.TryGetValue(normal, out var honor))
        {
            return Result<HonorType>.Ok(honor);
        }

        foreach (var province in RegionCatalog.Default.Provinces)
        {
            if (normal.StartsWith(province.Name, StringComparison.Ordinal) &&
                ProvincialSuffixes.TryGetValue(normal[province.Name.Length..], out honor))
            {
                return Result<HonorType>.Ok(honor);
            }
        }

        return Result<HonorType>.Fail(string.Create(CultureInfo.InvariantCulture, $"荣誉称号“{text!.Trim()}”无法识别，应为{Expected}"));
    }

    private static Dictionary<string, HonorType> BuildNames()
    {
        var names = new Dictionary<string, HonorType>(StringComparer.Ordinal)
        {
            ["全国劳动模范"] = HonorType.NationalModelWorker,
            ["全国劳模"] = HonorType.NationalModelWorker,
            ["全国五一劳动奖章"] = HonorType.NationalMayDayLaborMedal,
            ["五一劳动奖章"] = HonorType.NationalMayDayLaborMedal,
            ["中华技能大奖"] = HonorType.ChinaSkillsGrandAward,
            ["全国技术能手"] = HonorType.NationalTechnicalExpert,
            ["省级劳动模范"] = HonorType.ProvincialModelWorker,
            ["省劳动模范"] = HonorType.ProvincialModelWorker,
            ["省部级劳动模范"] = HonorType.ProvincialModelWorker,
            ["省级劳模"] = HonorType.ProvincialModelWorker,
            ["省劳模"] = HonorType.ProvincialModelWorker,
            ["省部级劳模"] = HonorType.ProvincialModelWorker,
            ["省级五一劳动奖章"] = HonorType.ProvincialMayDayLaborMedal,
            ["省五一劳动奖章"] = HonorType.ProvincialMayDayLaborMedal,
            ["省级技术能手"] = HonorType.ProvincialTechnicalExpert,
            ["省技术能手"] = HonorType.ProvincialTechnicalExpert,
            ["其他"] = HonorType.Other,
            ["其它"] = HonorType.Other,
        };

        foreach (var honor in Enum.GetValues<HonorType>())
        {
            names[honor.ToString().ToUpperInvariant()] = honor;
        }

        return names;
    }
}
