using Gongjiang.Core.Common;

namespace Gongjiang.Core.Policies;

/// <summary>Whether a person is entitled to an item.</summary>
public enum EntitlementStatus
{
    /// <summary>不符合条件: the eligibility rule does not hold.</summary>
    NotEligible = 0,
    /// <summary>符合条件.</summary>
    Eligible = 1,
    /// <summary>无法判断: a fact is unknown, a table has no row, a division by zero or an overflow — with its reason.</summary>
    Undetermined = 2,
}

/// <summary>A fact's value as used in a trace or recorded in a decision.</summary>
/// <param name="Name">The fact, e.g. "skill.level".</param>
/// <param name="Label">Its Chinese name, e.g. “技能等级”.</param>
/// <param name="Type">Its type name (<see cref="RuleType.Name"/>).</param>
/// <param name="Value">Canonical text (<see cref="FactSet.ToCanonical"/>); null when unknown.</param>
/// <param name="Display">As shown to a person, e.g. “高级技师”, “未知”.</param>
public sealed record FactValue(string Name, string Label, string Type, string? Value, string Display);

/// <summary>
/// One step of an entitlement's explanation: a condition (or the amount, or the cap), whether it held, the values it used
/// and the article it applies. <see cref="ToRuleOutcome"/> gives the shared decision shape of ADR 0008.
/// </summary>
/// <param name="RuleId">Stable id: "{versionId}/条件{n}", "{versionId}/金额", "{versionId}/封顶".</param>
/// <param name="Condition">The rule text of this step.</param>
/// <param name="Holds">Whether it held (for the amount: whether an amount was computed).</param>
/// <param name="Reason">In Chinese with the values used, e.g. “成立：技能等级=高级技师”.</param>
/// <param name="Values">The facts it read and their values.</param>
/// <param name="Citation">The article, e.g. “《关于提高技术工人待遇的意见》三（四）”.</param>
public sealed record TraceStep(string RuleId, string Condition, bool Holds, string Reason, IReadOnlyList<FactValue> Values, string? Citation)
{
    public RuleOutcome ToRuleOutcome() => new(RuleId, Holds, Reason, Citation);
}

/// <summary>
/// What one person is entitled to under one item version on one day, with the amount and the explanation. Everything
/// a page, the API or a stored decision shows.
/// </summary>
public sealed record Entitlement
{
    public required string ItemKey { get; init; }

    public required string VersionId { get; init; }

    public required string Name { get; init; }

    public required BenefitCategory Category { get; init; }

    /// <summary>Where the item in force comes from (全国 / 省 / 市 / 县).</summary>
    public required JurisdictionLevel Source { get; init; }

    public required EntitlementStatus Status { get; init; }

    /// <summary>The amount per payment when eligible and the item computes one (after the cap); null otherwise.</summary>
    public Money? Amount { get; init; }

    /// <summary>“800.00元”, “金额由各地确定”, “不涉及金额” or why it could not be computed.</summary>
    public required string AmountText { get; init; }

    public required PaymentFrequency Frequency { get; init; }

    /// <summary>The article (依据) cited.</summary>
    public required string LegalBasis { get; init; }

    public string? DepartmentCode { get; init; }

    public int? TimeLimitWorkingDays { get; init; }

    public IReadOnlyList<string> RequiredMaterials { get; init; } = [];

    /// <summary>示例 item: show the label.</summary>
    public bool IsExample { get; init; }

    /// <summary>“调整了全国事项（…）” when the item overrides a higher one.</summary>
    public string? OverrideText { get; init; }

    /// <summary>Why the status is what it is, step by step.</summary>
    public required IReadOnlyList<TraceStep> Trace { get; init; }

    public bool IsEntitled => Status == EntitlementStatus.Eligible;
}

/// <summary>The entitlements of one person on one day under one region's item set.</summary>
public sealed record EntitlementReport(string RegionCode, DateOnly AsOf, IReadOnlyList<Entitlement> Items)
{
    /// <summary>The items the person is entitled to.</summary>
    public IEnumerable<Entitlement> Entitled => Items.Where(i => i.IsEntitled);

    /// <summary>The report in the shared decision shape (ADR 0008): the entitled items and every step of every item.</summary>
    public Decision<IReadOnlyList<Entitlement>> ToDecision() =>
        new([.. Entitled], AsOf, [.. Items.SelectMany(i => i.Trace.Select(t => t.ToRuleOutcome()))]);
}
