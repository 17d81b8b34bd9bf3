using Gongjiang.Core.Standards;

namespace Gongjiang.Core.Registry;

/// <summary>What a title on an honours list grants: an honour, a special allowance or a 高精尖缺 recognition.</summary>
public enum HonourEntryKind
{
    Honor = 1,
    SpecialAllowance = 2,
    ProvincialRecognition = 3,
}

/// <summary>A recognised title: its kind, and the honour or the allowance level where the kind has one.</summary>
public sealed record HonourTitle(HonourEntryKind Kind, HonorType? Honor, SpecialAllowanceLevel? Allowance);

/// <summary>
/// Recognises the titles of an honours list as the three bases of policy 三(一) (人社部发〔2018〕24号): “高技能领军人才包括获得
/// 全国劳动模范、全国五一劳动奖章、中华技能大奖、全国技术能手等荣誉以及享受省级以上政府特殊津贴的人员，或各省（自治区、直辖市）政府认定的
/// ‘高精尖缺’高技能人才”.
/// </summary>
public static class HonourTitles
{
    /// <summary>
    /// A title naming a 特殊津贴 is an allowance: 国务院 → <see cref="SpecialAllowanceLevel.StateCouncil"/>; 省, 自治区 or
    /// 市政府 (the municipalities) → <see cref="SpecialAllowanceLevel.Provincial"/>. A title naming 高精尖缺 is a provincial
    /// recognition. Anything else is an honour as <see cref="HonorTypes.Parse"/> reads it. Quotes, full-width characters
    /// and whitespace are tolerated. Null when the title is none of these.
    /// </summary>
    public static HonourTitle? Recognise(string text)
    {
        var t = IdentifierText.Normalize(text).Replace("“", "", StringComparison.Ordinal).Replace("”", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal);
        if (t.Contains("特殊津贴", StringComparison.Ordinal))
        {
            if (t.Contains("国务院", StringComparison.Ordinal))
            {
                return new HonourTitle(HonourEntryKind.SpecialAllowance, null, SpecialAllowanceLevel.StateCouncil);
            }

            if (t.Contains('省', StringComparison.Ordinal) || t.Contains("自治区", StringComparison.Ordinal) || t.Contains("市政府", StringComparison.Ordinal))
            {
                return new HonourTitle(HonourEntryKind.SpecialAllowance, null, SpecialAllowanceLevel.Provincial);
            }
        }

        if (t.Contains("高精尖缺", StringComparison.Ordinal))
        {
            return new HonourTitle(HonourEntryKind.ProvincialRecognition, null, null);
        }

        var honor = HonorTypes.Parse(text);
        return honor.IsValid ? new HonourTitle(HonourEntryKind.Honor, honor.Value, null) : null;
    }
}
