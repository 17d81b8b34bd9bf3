using System.Globalization;
using Gongjiang.Core.Reference;

namespace Gongjiang.Core.Registry;

/// <summary>
/// A recorded honour of a person (荣誉). It is a basis for 高技能领军人才 only for the four national honours of policy
/// 三(一) (<see cref="HonorTypes.QualifiesAsLeadingTalentBasis(HonorType)"/>), and only while effective: from
/// <see cref="AwardedOn"/> when known, else from 1 January of <see cref="Year"/>, until <see cref="RevokedOn"/>
/// (exclusive: an honour revoked on D is not a basis on D or after).
/// </summary>
/// <param name="Type">Which honour.</param>
/// <param name="Year">The year it was conferred (e.g. 2020 for 2020年全国劳动模范).</param>
/// <param name="AwardingBody">Who conferred it; null shows <see cref="HonorTypes.DefaultAwardingBody"/>.</param>
/// <param name="DocumentNumber">The conferring document, e.g. 人社部发〔2019〕105号.</param>
/// <param name="RevokedOn">The day the honour was revoked (撤销), if it was.</param>
/// <param name="AwardedOn">The exact day it was conferred, when known; otherwise 1 January of <paramref name="Year"/> counts.</param>
public sealed record HonorFact(
    HonorType Type,
    int Year,
    string? AwardingBody,
    string? DocumentNumber,
    DateOnly? RevokedOn,
    DateOnly? AwardedOn = null);

/// <summary>
/// A 政府特殊津贴 the person enjoys. Policy 三(一): “享受省级以上政府特殊津贴的人员” — both the 国务院 and the provincial
/// allowance count, from 1 January of <see cref="Year"/> until <see cref="RevokedOn"/> (exclusive).
/// </summary>
/// <param name="Level">国务院 or 省级.</param>
/// <param name="Year">The year (批次) the allowance was granted.</param>
/// <param name="AwardingBody">Who granted it (e.g. 广东省人民政府); optional.</param>
/// <param name="DocumentNumber">The granting document; optional.</param>
/// <param name="RevokedOn">The day the allowance was revoked, if it was.</param>
public sealed record SpecialAllowanceFact(
    SpecialAllowanceLevel Level,
    int Year,
    string? AwardingBody,
    string? DocumentNumber,
    DateOnly? RevokedOn);

/// <summary>
/// A recognition as “高精尖缺”高技能人才 by a provincial government. Policy 三(一): “或各省（自治区、直辖市）政府认定的
/// ‘高精尖缺’高技能人才”. Effective from <see cref="RecognizedOn"/> until <see cref="EndsOn"/> (exclusive). Only a
/// province-level code counts: a known city or county code is excluded; an unknown code is shown as the code itself.
/// </summary>
/// <param name="ProvinceCode">The GB/T 2260 province code, e.g. "440000" (广东省).</param>
/// <param name="RecognizedOn">The day of recognition.</param>
/// <param name="DocumentNumber">The recognising document, e.g. 粤府〔2021〕12号; optional.</param>
/// <param name="EndsOn">The day the recognition ends (its term expires or it is withdrawn), if it does.</param>
public sealed record ProvincialRecognitionFact(
    string ProvinceCode,
    DateOnly RecognizedOn,
    string? DocumentNumber,
    DateOnly? EndsOn);

/// <summary>
/// Everything recorded about a person that the 高技能领军人才 rule of policy 三(一) looks at.
/// </summary>
/// <param name="Honors">Recorded honours, national and provincial.</param>
/// <param name="Allowances">Recorded 政府特殊津贴.</param>
/// <param name="Recognitions">Recorded provincial “高精尖缺” recognitions.</param>
/// <param name="Frontline">
/// 长期坚守在生产服务一线岗位, as recorded; null = unknown. Policy 三(一) uses it to describe the people the measures
/// serve, not as a condition of the definition: it is carried through and shown beside the bases, never decisive.
/// </param>
public sealed record TalentFacts(
    IReadOnlyList<HonorFact> Honors,
    IReadOnlyList<SpecialAllowanceFact> Allowances,
    IReadOnlyList<ProvincialRecognitionFact> Recognitions,
    bool? Frontline)
{
    /// <summary>No facts at all (and frontline unknown): nobody qualifies on these.</summary>
    public static TalentFacts Empty { get; } = new([], [], [], null);
}

/// <summary>One reason a person is a 高技能领军人才 on a given day.</summary>
/// <param name="Code">
/// Stable rule id: "3.1-honor-{HonorType}" (e.g. "3.1-honor-NationalModelWorker"), "3.1-allowance-{SpecialAllowanceLevel}"
/// (e.g. "3.1-allowance-StateCouncil"), "3.1-recognition-{ProvinceCode}" (e.g. "3.1-recognition-440000").
/// </param>
/// <param name="Text">What is shown, e.g. “2020年全国劳动模范（中共中央、国务院）”.</param>
/// <param name="EffectiveFrom">The first day this basis counts.</param>
public sealed record TalentBasis(string Code, string Text, DateOnly EffectiveFrom);

/// <summary>
/// The outcome of <see cref="LeadingTalentDetermination.Evaluate"/>: <see cref="IsLeadingTalent"/> is true exactly when
/// <see cref="Bases"/> is not empty.
/// </summary>
/// <param name="IsLeadingTalent">Whether the person is a 高技能领军人才 on <paramref name="AsOf"/>.</param>
/// <param name="AsOf">The day decided on.</param>
/// <param name="Bases">The facts that count, ordered by <see cref="TalentBasis.EffectiveFrom"/> then <see cref="TalentBasis.Code"/> (ordinal).</param>
/// <param name="ExcludedReasons">In Chinese, in input order (honours, allowances, recognitions), why each other fact did not count.</param>
/// <param name="Frontline">Carried through from <see cref="TalentFacts.Frontline"/> unchanged; does not affect the outcome.</param>
public sealed record LeadingTalentDecision(
    bool IsLeadingTalent,
    DateOnly AsOf,
    IReadOnlyList<TalentBasis> Bases,
    IReadOnlyList<string> ExcludedReasons,
    bool? Frontline);

/// <summary>
/// The pure, dated rule deciding who is a 高技能领军人才. Policy 三(一): “高技能领军人才包括获得全国劳动模范、全国五一劳动奖章、
/// 中华技能大奖、全国技术能手等荣誉以及享受省级以上政府特殊津贴的人员，或各省（自治区、直辖市）政府认定的‘高精尖缺’高技能人才。”
/// </summary>
/// <remarks>
/// <para>Invariants:</para>
/// <list type="bullet">
/// <item>A person is a 高技能领军人才 on a day exactly when at least one fact is a basis on that day; one is enough.</item>
/// <item>A fact is a basis on day D when its kind qualifies and EffectiveFrom ≤ D &lt; RevokedOn/EndsOn (end exclusive).</item>
/// <item>Provincial honours (省级劳动模范、省级五一劳动奖章、省级技术能手) and 其他 never qualify by themselves.</item>
/// <item>Every fact given ends up either in the bases or in the excluded reasons, never both.</item>
/// <item>长期坚守在生产服务一线岗位 (<see cref="TalentFacts.Frontline"/>) is recorded and shown, never decisive.</item>
/// <item>The result depends only on the facts and the date (no clock), so any past day can be replayed.</item>
/// </list>
/// </remarks>
public static class LeadingTalentDetermination
{
    private const string RulePrefix = "3.1-";

    /// <summary>Decides whether the person described by <paramref name="facts"/> is a 高技能领军人才 on <paramref name="asOf"/>, and why.</summary>
    public static LeadingTalentDecision Evaluate(TalentFacts facts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(facts);

        var bases = new List<TalentBasis>();
        var excluded = new List<string>();

        foreach (var honor in facts.Honors)
        {
            ArgumentNullException.ThrowIfNull(honor, nameof(facts));
            var label = HonorLabel(honor);
            if (!HonorTypes.QualifiesAsLeadingTalentBasis(honor.Type))
            {
                excluded.Add(NotListedName(honor.Type) + "不属于《意见》三（一）所列荣誉");
            }
            else if (HonorStart(honor) is not { } from)
            {
                excluded.Add(string.Create(CultureInfo.InvariantCulture, $"{HonorTypes.ChineseName(honor.Type)}的授予年份{honor.Year}无效"));
            }
            else if (Judge(label, from, honor.RevokedOn, asOf, "撤销") is { } reason)
            {
                excluded.Add(reason);
            }
            else
            {
                bases.Add(new TalentBasis(RulePrefix + "honor-" + honor.Type, HonorText(honor), from));
            }
        }

        foreach (var allowance in facts.Allowances)
        {
            ArgumentNullException.ThrowIfNull(allowance, nameof(facts));
            var label = AllowanceLabel(allowance);
            if (!HonorTypes.QualifiesAsLeadingTalentBasis(allowance.Level))
            {
                excluded.Add(label + "不属于《意见》三（一）所列政府特殊津贴");
            }
            else if (YearStart(allowance.Year) is not { } from)
            {
                excluded.Add(string.Create(CultureInfo.InvariantCulture, $"{HonorTypes.ChineseName(allowance.Level)}的年份{allowance.Year}无效"));
            }
            else if (Judge(label, from, allowance.RevokedOn, asOf, "撤销") is { } reason)
            {
                excluded.Add(reason);
            }
            else
            {
                bases.Add(new TalentBasis(RulePrefix + "allowance-" + allowance.Level, AllowanceText(allowance), from));
            }
        }

        foreach (var recognition in facts.Recognitions)
        {
            ArgumentNullException.ThrowIfNull(recognition, nameof(facts));
            var label = RecognitionLabel(recognition);
            if (NotProvinceLevel(recognition.ProvinceCode) is { } notProvince)
            {
                excluded.Add(notProvince);
            }
            else if (Judge(label, recognition.RecognizedOn, recognition.EndsOn, asOf, "到期") is { } reason)
            {
                excluded.Add(reason);
            }
            else
            {
                bases.Add(new TalentBasis(
                    RulePrefix + "recognition-" + recognition.ProvinceCode, RecognitionText(recognition), recognition.RecognizedOn));
            }
        }

        TalentBasis[] ordered = [.. bases.OrderBy(b => b.EffectiveFrom).ThenBy(b => b.Code, StringComparer.Ordinal)];
        return new LeadingTalentDecision(ordered.Length > 0, asOf, ordered, [.. excluded], facts.Frontline);
    }

    /// <summary>
    /// The earliest day on which the person was a 高技能领军人才 by <see cref="Evaluate"/> (taking revocations and ends into
    /// account: a fact revoked on the day it became effective never counted); null if never. A day in the future is
    /// returned as is: the caller compares it with today.
    /// </summary>
    public static DateOnly? FirstQualifiedOn(TalentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);

        DateOnly? first = null;
        void Consider(DateOnly from, DateOnly? until)
        {
            if ((until is not { } end || end > from) && (first is not { } earlier || from < earlier))
            {
                first = from;
            }
        }

        foreach (var honor in facts.Honors)
        {
            if (HonorTypes.QualifiesAsLeadingTalentBasis(honor.Type) && HonorStart(honor) is { } from)
            {
                Consider(from, honor.RevokedOn);
            }
        }

        foreach (var allowance in facts.Allowances)
        {
            if (HonorTypes.QualifiesAsLeadingTalentBasis(allowance.Level) && YearStart(allowance.Year) is { } from)
            {
                Consider(from, allowance.RevokedOn);
            }
        }

        foreach (var recognition in facts.Recognitions)
        {
            if (NotProvinceLevel(recognition.ProvinceCode) is null)
            {
                Consider(recognition.RecognizedOn, recognition.EndsOn);
            }
        }

        return first;
    }

    /// <summary>Null when effective on <paramref name="asOf"/>; otherwise why not.</summary>
    private static string? Judge(string label, DateOnly from, DateOnly? until, DateOnly asOf, string endVerb)
    {
        if (until is { } end && asOf >= end)
        {
            return label + "已于" + ChineseDate(end) + endVerb;
        }

        return asOf < from ? label + "尚未生效" : null;
    }

    private static DateOnly? HonorStart(HonorFact honor) => honor.AwardedOn ?? YearStart(honor.Year);

    private static DateOnly? YearStart(int year) =>
        year is >= 1 and <= 9999 ? new DateOnly(year, 1, 1) : null;

    private static string NotListedName(HonorType type) =>
        type == HonorType.Other ? "其他荣誉" : HonorTypes.ChineseName(type);

    // “2015年全国劳动模范”
    private static string HonorLabel(HonorFact honor) =>
        string.Create(CultureInfo.InvariantCulture, $"{honor.Year}年{HonorTypes.ChineseName(honor.Type)}");

    // “2019年全国技术能手（人力资源社会保障部，人社部发〔2019〕105号）”
    private static string HonorText(HonorFact honor) =>
        HonorLabel(honor) + Parenthesised(
            NullIfBlank(honor.AwardingBody) ?? HonorTypes.DefaultAwardingBody(honor.Type),
            NullIfBlank(honor.DocumentNumber));

    // “2018年国务院政府特殊津贴”
    private static string AllowanceLabel(SpecialAllowanceFact allowance) =>
        string.Create(CultureInfo.InvariantCulture, $"{allowance.Year}年{HonorTypes.ChineseName(allowance.Level)}");

    // “享受国务院政府特殊津贴（2018年）”, “享受省级政府特殊津贴（2020年，广东省人民政府，粤府〔2020〕3号）”
    private static string AllowanceText(SpecialAllowanceFact allowance)
    {
        var name = HonorTypes.ChineseName(allowance.Level);
        var body = NullIfBlank(allowance.AwardingBody);
        if (body is not null && name.Contains(body, StringComparison.Ordinal))
        {
            body = null;
        }

        return "享受" + name + Parenthesised(string.Create(CultureInfo.InvariantCulture, $"{allowance.Year}年"), body, NullIfBlank(allowance.DocumentNumber));
    }

    // “广东省人民政府认定的“高精尖缺”高技能人才（2021年3月1日）”
    private static string RecognitionLabel(ProvincialRecognitionFact recognition) =>
        RecognitionName(recognition) + Parenthesised(ChineseDate(recognition.RecognizedOn));

    // “广东省人民政府认定的“高精尖缺”高技能人才（2021年3月1日，粤府〔2021〕12号）”
    private static string RecognitionText(ProvincialRecognitionFact recognition) =>
        RecognitionName(recognition) + Parenthesised(ChineseDate(recognition.RecognizedOn), NullIfBlank(recognition.DocumentNumber));

    private static string RecognitionName(ProvincialRecognitionFact recognition) =>
        ProvinceName(recognition.ProvinceCode) + "人民政府认定的“高精尖缺”高技能人才";

    private static string ProvinceName(string? code) =>
        code is not null && RegionCatalog.Default.Find(code) is { Level: RegionLevel.Province }
            ? RegionCatalog.Default.FullName(code)
            : code ?? string.Empty;

    /// <summary>Null for a province-level or unknown code; a reason for a known city or county code (not 省级政府).</summary>
    private static string? NotProvinceLevel(string? code) =>
        code is not null && RegionCatalog.Default.Find(code) is { Level: RegionLevel.City or RegionLevel.County or RegionLevel.Country } region
            ? string.Create(CultureInfo.InvariantCulture, $"{RegionCatalog.Default.FullName(region.Code)}（{region.Code}）不是省级行政区，其认定不属于《意见》三（一）所称省级政府认定")
            : null;

    private static string Parenthesised(params ReadOnlySpan<string?> parts)
    {
        var present = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            if (part is not null)
            {
                present.Add(part);
            }
        }

        return present.Count == 0 ? string.Empty : "（" + string.Join("，", present) + "）";
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string ChineseDate(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
