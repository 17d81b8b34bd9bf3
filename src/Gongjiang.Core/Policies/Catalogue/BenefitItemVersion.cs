using System.Globalization;
using System.Text;
using Gongjiang.Core.Access;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Policies;

/// <summary>The level of the jurisdiction that issued a policy or an item: 全国, 省, 市, 县 (from its GB/T 2260 code).</summary>
public enum JurisdictionLevel
{
    /// <summary>全国 (000000).</summary>
    National = 0,
    /// <summary>省 (xx0000).</summary>
    Provincial = 1,
    /// <summary>市 (xxxx00).</summary>
    Municipal = 2,
    /// <summary>县 (xxxxxx).</summary>
    County = 3,
}

/// <summary>待遇类别, as policy 三(二)–(四) groups them.</summary>
public enum BenefitCategory
{
    /// <summary>政治待遇 (三(二)).</summary>
    Political = 0,
    /// <summary>经济待遇 (三(三), 四).</summary>
    Economic = 1,
    /// <summary>社会待遇 (三(四)).</summary>
    Social = 2,
    /// <summary>其他待遇.</summary>
    Other = 9,
}

/// <summary>发放频次.</summary>
public enum PaymentFrequency
{
    /// <summary>一次性.</summary>
    OneTime = 0,
    /// <summary>按月.</summary>
    Monthly = 1,
    /// <summary>按年.</summary>
    Yearly = 2,
}

/// <summary>How an item's amount is set.</summary>
public enum AmountKind
{
    /// <summary>不涉及金额 (a service, a right, a priority: 国情研修考察, 子女入学, 积分落户…).</summary>
    None = 0,
    /// <summary>金额由各地确定 — a national item that leaves the amount to regions (各地结合实际制定支持政策).</summary>
    LeftToRegion = 1,
    /// <summary>固定金额.</summary>
    Fixed = 2,
    /// <summary>按公式计算 (a rule of kind <see cref="RuleKind.Amount"/>).</summary>
    Formula = 3,
    /// <summary>按事实查表 (region tier, skill level, honour…).</summary>
    Table = 4,
}

/// <summary>Chinese names of the policy enumerations.</summary>
public static class PolicyNames
{
    public static string Of(JurisdictionLevel level) => level switch
    {
        JurisdictionLevel.National => "全国",
        JurisdictionLevel.Provincial => "省",
        JurisdictionLevel.Municipal => "市",
        JurisdictionLevel.County => "县",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static string Of(BenefitCategory category) => category switch
    {
        BenefitCategory.Political => "政治待遇",
        BenefitCategory.Economic => "经济待遇",
        BenefitCategory.Social => "社会待遇",
        BenefitCategory.Other => "其他待遇",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static string Of(PaymentFrequency frequency) => frequency switch
    {
        PaymentFrequency.OneTime => "一次性",
        PaymentFrequency.Monthly => "按月",
        PaymentFrequency.Yearly => "按年",
        _ => throw new ArgumentOutOfRangeException(nameof(frequency)),
    };

    /// <summary>The level of a six-digit region code ("000000" → 全国, "440000" → 省, "440300" → 市, "440305" → 县).</summary>
    public static JurisdictionLevel LevelOf(string regionCode)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        return regionCode == Jurisdiction.CountryCode ? JurisdictionLevel.National
            : regionCode.EndsWith("0000", StringComparison.Ordinal) ? JurisdictionLevel.Provincial
            : regionCode.EndsWith("00", StringComparison.Ordinal) ? JurisdictionLevel.Municipal
            : JurisdictionLevel.County;
    }
}

/// <summary>One row of an amount table: the value of the key fact (member code, Chinese label or number) and its amount.</summary>
public sealed record AmountTableRow(string Key, Money Amount);

/// <summary>
/// How much an item pays: nothing, left to regions, a fixed amount, a formula, or a table by one fact. Every kind becomes
/// one rule of <see cref="RuleKind.Amount"/> (<see cref="ToExpression"/>), so all amounts are computed, traced and
/// replayed alike. Invariant (checked by <see cref="BenefitItemRules.Validate"/>): amounts are non-negative whole 分.
/// </summary>
public sealed record AmountRule
{
    public AmountKind Kind { get; init; }

    /// <summary>The amount of <see cref="AmountKind.Fixed"/>.</summary>
    public Money? Fixed { get; init; }

    /// <summary>The formula of <see cref="AmountKind.Formula"/>, e.g. <c>yuan(1000) * min(employment.apprentices, 5)</c>.</summary>
    public string? Formula { get; init; }

    /// <summary>The fact the table of <see cref="AmountKind.Table"/> is keyed by, e.g. "skill.level".</summary>
    public string? TableFact { get; init; }

    public IReadOnlyList<AmountTableRow> Rows { get; init; } = [];

    /// <summary>The amount when no row matches; null = the item cannot be paid (a failure with its reason).</summary>
    public Money? TableDefault { get; init; }

    public static AmountRule None { get; } = new() { Kind = AmountKind.None };

    public static AmountRule LeftToRegion { get; } = new() { Kind = AmountKind.LeftToRegion };

    public static AmountRule FixedAmount(Money amount) => new() { Kind = AmountKind.Fixed, Fixed = amount };

    public static AmountRule FormulaOf(string formula) => new() { Kind = AmountKind.Formula, Formula = formula };

    public static AmountRule TableOf(string fact, IReadOnlyList<AmountTableRow> rows, Money? otherwise = null) =>
        new() { Kind = AmountKind.Table, TableFact = fact, Rows = rows, TableDefault = otherwise };

    /// <summary>Whether the item pays money decided by this version (fixed, formula or table).</summary>
    public bool IsComputed => Kind is AmountKind.Fixed or AmountKind.Formula or AmountKind.Table;

    /// <summary>
    /// The amount as one rule text: fixed → <c>fen(n)</c>; table → <c>{'技师': fen(50000), …}[skill.level]</c>
    /// (with <c>has(f) &amp;&amp; f in [...] ? … : fen(default)</c> when a default is given); null when nothing is computed.
    /// </summary>
    public string? ToExpression(FactRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        switch (Kind)
        {
            case AmountKind.Fixed:
                return Fixed is { } amount ? Fen(amount) : "";
            case AmountKind.Formula:
                return Formula ?? "";
            case AmountKind.Table:
                var fact = registry.Find(TableFact);
                if (fact is null || Rows.Count == 0)
                {
                    return TableFact ?? "";
                }

                var keys = Rows.Select(r => Key(fact.Type, r.Key)).ToList();
                var table = new StringBuilder("{");
                for (var i = 0; i < Rows.Count; i++)
                {
                    table.Append(i == 0 ? "" : ", ").Append(keys[i]).Append(": ").Append(Fen(Rows[i].Amount));
                }

                table.Append("}[").Append(fact.Name).Append(']');
                return TableDefault is { } otherwise
                    ? $"{fact.Name} in [{string.Join(", ", keys)}] ? {table} : {Fen(otherwise)}"
                    : table.ToString();
            case AmountKind.None or AmountKind.LeftToRegion:
                return null;
            default:
                throw new InvalidOperationException();
        }
    }

    /// <summary>What a person reads: “不涉及金额”, “金额由各地确定”, “100,000.00元”, “按技能等级：技师 500.00元；高级技师 800.00元”, “按公式计算”.</summary>
    public string Describe(FactRegistry? registry = null) => Kind switch
    {
        AmountKind.None => "不涉及金额",
        AmountKind.LeftToRegion => "金额由各地确定",
        AmountKind.Fixed => Fixed?.ToChinese() ?? "",
        AmountKind.Formula => "按公式计算：" + Formula,
        AmountKind.Table => "按" + (registry?.Find(TableFact)?.Label ?? TableFact) + "：" +
            string.Join("；", Rows.Select(r => (registry?.Find(TableFact)?.Type.Enum is { } e && e.IndexOf(r.Key) >= 0 ? e.Members[e.IndexOf(r.Key)].Label : r.Key) + " " + r.Amount.ToChinese())) +
            (TableDefault is { } d ? "；其他 " + d.ToChinese() : ""),
        _ => "",
    };

    private static string Fen(Money amount) => "fen(" + amount.Fen.ToString(CultureInfo.InvariantCulture) + ")";

    private static string Key(RuleType type, string key) => type.Kind switch
    {
        RuleTypeKind.Int => key,
        RuleTypeKind.Bool => key is "是" or "true" ? "true" : "false",
        _ => "'" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'",
    };
}

/// <summary>
/// A policy document (政策文件) that items cite and come from: title, 文号, issuing body, date and jurisdiction.
/// </summary>
/// <param name="Id">Stable id.</param>
/// <param name="Title">标题, e.g. 《关于提高技术工人待遇的意见》.</param>
/// <param name="DocumentNumber">文号, e.g. 人社部发〔2018〕24号; null when none is published.</param>
/// <param name="IssuingBody">发文机关.</param>
/// <param name="IssuedOn">成文日期.</param>
/// <param name="RegionCode">The jurisdiction's GB/T 2260 code ("000000" for national documents).</param>
/// <param name="AttachmentName">附件 file name, when one is kept.</param>
/// <param name="IsExample">示例: demonstration data, not a real document — shown as 示例 wherever it appears.</param>
public sealed record PolicyDocument(
    string Id,
    string Title,
    string? DocumentNumber,
    string IssuingBody,
    DateOnly IssuedOn,
    string RegionCode,
    string? AttachmentName = null,
    bool IsExample = false)
{
    public JurisdictionLevel Level => PolicyNames.LevelOf(RegionCode);
}

/// <summary>
/// One dated version of a benefit item (待遇事项) of one jurisdiction. Versions of the same item (same
/// <see cref="ItemKey"/> and <see cref="RegionCode"/>) never overlap in time (<see cref="BenefitItemRules.CheckOverlap"/>);
/// a new version is added, an old one is never rewritten, so a decision made under it replays (docs/adr/0010).
/// A lower jurisdiction's item with the same <see cref="ItemKey"/> overrides the higher one where the higher allows it
/// (<see cref="OverridableBelow"/>); other keys add to what it inherits (<see cref="PolicyResolver"/>).
/// </summary>
public sealed record BenefitItemVersion
{
    /// <summary>Unique id of this version (stored in decisions).</summary>
    public required string VersionId { get; init; }

    /// <summary>The item across versions and jurisdictions, e.g. "settling-allowance"; equal keys override.</summary>
    public required string ItemKey { get; init; }

    /// <summary>名称, e.g. 安家补贴.</summary>
    public required string Name { get; init; }

    public required BenefitCategory Category { get; init; }

    /// <summary>The issuing jurisdiction's GB/T 2260 code.</summary>
    public required string RegionCode { get; init; }

    /// <summary>The <see cref="PolicyDocument.Id"/> it comes from.</summary>
    public string? DocumentId { get; init; }

    /// <summary>First day in force.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>First day no longer in force (exclusive); null = until replaced.</summary>
    public DateOnly? EffectiveTo { get; init; }

    /// <summary>The eligibility rule (<see cref="RuleKind.Eligibility"/>); "true" when anyone who asks qualifies.</summary>
    public required string Eligibility { get; init; }

    public AmountRule Amount { get; init; } = AmountRule.None;

    public PaymentFrequency Frequency { get; init; } = PaymentFrequency.OneTime;

    /// <summary>The most one payment may be (封顶); null = no cap.</summary>
    public Money? Cap { get; init; }

    /// <summary>The responsible department (<see cref="Reference.Departments"/> code).</summary>
    public string? DepartmentCode { get; init; }

    /// <summary>The article it implements, e.g. “《关于提高技术工人待遇的意见》三（四）”; cited in every trace.</summary>
    public required string LegalBasis { get; init; }

    /// <summary>承诺办理时限 in working days (counted on the Chinese working-day calendar).</summary>
    public int? TimeLimitWorkingDays { get; init; }

    /// <summary>申请材料.</summary>
    public IReadOnlyList<string> RequiredMaterials { get; init; } = [];

    /// <summary>Whether lower jurisdictions may override this item (the higher document allows it: 各地结合实际制定).</summary>
    public bool OverridableBelow { get; init; } = true;

    /// <summary>Named constants its rules read as <c>param.name</c>.</summary>
    public IReadOnlyList<RuleParameter> Parameters { get; init; } = [];

    /// <summary>示例: demonstration data with example amounts, to be labelled 示例 wherever shown.</summary>
    public bool IsExample { get; init; }

    public string? Description { get; init; }

    public JurisdictionLevel Level => PolicyNames.LevelOf(RegionCode);

    /// <summary>Whether the version is in force on <paramref name="day"/> (from ≤ day &lt; to).</summary>
    public bool IsEffectiveOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is not { } to || day < to);
}

/// <summary>A refusal of one field of a form or record, in Chinese (the API's <c>errors.{Field}</c>).</summary>
public sealed record FieldError(string Field, string Message);
