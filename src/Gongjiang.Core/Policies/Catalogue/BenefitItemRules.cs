using System.Globalization;
using Gongjiang.Core.Access;
using Gongjiang.Core.Common;
using Gongjiang.Core.Reference;

namespace Gongjiang.Core.Policies;

/// <summary>
/// What a benefit item version must satisfy before it is saved: every field well-formed, both rules parse and type-check
/// (messages with line and column), amounts non-negative whole 分, no overlap with another version of the same item,
/// and no override of a higher item that forbids it. Returns every refusal with the field it concerns.
/// </summary>
public static class BenefitItemRules
{
    /// <summary>Longest name, legal basis, material or description.</summary>
    public const int MaxText = 500;

    /// <summary>Most working days a time limit may promise (a sanity bound, not a law).</summary>
    public const int MaxTimeLimitWorkingDays = 365;

    /// <summary>The refusals of one version on its own (fields and rules), empty when it may be saved.</summary>
    public static IReadOnlyList<FieldError> Validate(BenefitItemVersion version, FactRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(registry);
        var errors = new List<FieldError>();
        void Require(string field, string? value, string label)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new(field, label + "不能为空"));
            }
            else if (value.Length > MaxText)
            {
                errors.Add(new(field, string.Create(CultureInfo.InvariantCulture, $"{label}不能超过{MaxText}个字符")));
            }
        }

        Require("versionId", version.VersionId, "版本编号");
        Require("name", version.Name, "事项名称");
        Require("legalBasis", version.LegalBasis, "政策依据");
        if (string.IsNullOrWhiteSpace(version.ItemKey) || !version.ItemKey.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') || version.ItemKey.Length > 64)
        {
            errors.Add(new("itemKey", "事项代码应为小写英文字母、数字和“-”，不超过64个字符，如 settling-allowance"));
        }

        var region = Jurisdiction.Parse(version.RegionCode);
        if (!region.IsValid)
        {
            errors.Add(new("regionCode", region.Error!));
        }

        if (!Enum.IsDefined(version.Category))
        {
            errors.Add(new("category", "待遇类别无效"));
        }

        if (!Enum.IsDefined(version.Frequency))
        {
            errors.Add(new("frequency", "发放频次无效"));
        }

        if (version.EffectiveTo is { } to && to <= version.EffectiveFrom)
        {
            errors.Add(new("effectiveTo", $"失效日期（{Day(to)}）应晚于生效日期（{Day(version.EffectiveFrom)}）"));
        }

        if (version.DepartmentCode is { } department && Departments.Find(department) is null)
        {
            errors.Add(new("departmentCode", $"未知的责任部门“{department}”"));
        }

        if (version.TimeLimitWorkingDays is { } days && days is < 1 or > MaxTimeLimitWorkingDays)
        {
            errors.Add(new("timeLimitWorkingDays", string.Create(CultureInfo.InvariantCulture, $"承诺时限应为1至{MaxTimeLimitWorkingDays}个工作日")));
        }

        if (version.Cap is { } cap && (cap.IsNegative || cap > Money.Limit))
        {
            errors.Add(new("cap", "封顶金额不能为负数，也不能超过10亿元"));
        }

        for (var i = 0; i < version.RequiredMaterials.Count; i++)
        {
            Require(string.Create(CultureInfo.InvariantCulture, $"requiredMaterials[{i}]"), version.RequiredMaterials[i], "申请材料");
        }

        var parameterCheck = RuleLanguage.Check("true", RuleKind.Eligibility, registry, version.Parameters);
        if (!parameterCheck.IsValid)
        {
            errors.AddRange(parameterCheck.Errors.Select(e => new FieldError("parameters", e.Message)));
            return errors;
        }

        var eligibility = RuleLanguage.Check(version.Eligibility, RuleKind.Eligibility, registry, version.Parameters);
        errors.AddRange(eligibility.Messages.Select(m => new FieldError("eligibility", m)));
        errors.AddRange(ValidateAmount(version.Amount, registry, version.Parameters));
        return errors;
    }

    private static IEnumerable<FieldError> ValidateAmount(AmountRule amount, FactRegistry registry, IReadOnlyList<RuleParameter> parameters)
    {
        if (amount is null)
        {
            yield return new("amount", "金额规则不能为空");
            yield break;
        }

        switch (amount.Kind)
        {
            case AmountKind.Fixed when amount.Fixed is not { } fixedAmount:
                yield return new("amount", "固定金额不能为空");
                yield break;
            case AmountKind.Fixed when amount.Fixed!.Value.IsNegative || amount.Fixed.Value > Money.Limit:
                yield return new("amount", "金额不能为负数，也不能超过10亿元");
                yield break;
            case AmountKind.Table:
                var fact = registry.Find(amount.TableFact);
                if (fact is null)
                {
                    yield return new("amount.tableFact", $"未知的事实“{amount.TableFact}”");
                    yield break;
                }

                if (fact.Type.Kind is not (RuleTypeKind.Enum or RuleTypeKind.String or RuleTypeKind.Int or RuleTypeKind.Bool))
                {
                    yield return new("amount.tableFact", $"不能按{fact.Type.ChineseName}查表（可按等级、类别、文本、整数或是/否）");
                    yield break;
                }

                if (amount.Rows.Count == 0)
                {
                    yield return new("amount.rows", "金额表至少要有一行");
                    yield break;
                }

                for (var i = 0; i < amount.Rows.Count; i++)
                {
                    var row = amount.Rows[i];
                    var field = string.Create(CultureInfo.InvariantCulture, $"amount.rows[{i}]");
                    if (row.Amount.IsNegative || row.Amount > Money.Limit)
                    {
                        yield return new(field, "金额不能为负数，也不能超过10亿元");
                    }

                    if (fact.Type.Kind == RuleTypeKind.Enum && fact.Type.Enum!.IndexOf(row.Key) < 0)
                    {
                        yield return new(field, $"“{row.Key}”不是{fact.Type.Enum.Label}的取值（可选：{fact.Type.Enum.LabelList}）");
                    }
                    else if (fact.Type.Kind == RuleTypeKind.Int && !long.TryParse(row.Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                    {
                        yield return new(field, $"“{row.Key}”不是整数");
                    }
                }

                if (amount.TableDefault is { IsNegative: true })
                {
                    yield return new("amount.tableDefault", "金额不能为负数");
                }

                break;
            case AmountKind.None or AmountKind.LeftToRegion or AmountKind.Fixed or AmountKind.Formula:
                break;
            default:
                yield return new("amount", "金额方式无效");
                yield break;
        }

        if (amount.ToExpression(registry) is { } expression)
        {
            foreach (var message in RuleLanguage.Check(expression, RuleKind.Amount, registry, parameters).Messages)
            {
                // A table or a fixed amount is generated text: its positions mean nothing to the person who typed rows.
                yield return new("amount", amount.Kind == AmountKind.Formula ? message : message[(message.IndexOf('：', StringComparison.Ordinal) + 1)..]);
            }
        }
    }

    /// <summary>
    /// Refuses a version whose period overlaps another version of the same item in the same jurisdiction, naming it
    /// (“与版本“…”（2020-01-01至2021-12-31）的有效期重叠”). Versions with the same <see cref="BenefitItemVersion.VersionId"/>
    /// are the same version being edited and are not compared.
    /// </summary>
    public static IReadOnlyList<FieldError> CheckOverlap(BenefitItemVersion candidate, IEnumerable<BenefitItemVersion> existing)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(existing);
        var errors = new List<FieldError>();
        foreach (var other in existing)
        {
            if (other.ItemKey != candidate.ItemKey || other.RegionCode != candidate.RegionCode || other.VersionId == candidate.VersionId)
            {
                continue;
            }

            var startsBeforeOtherEnds = other.EffectiveTo is not { } otherTo || candidate.EffectiveFrom < otherTo;
            var endsAfterOtherStarts = candidate.EffectiveTo is not { } to || other.EffectiveFrom < to;
            if (startsBeforeOtherEnds && endsAfterOtherStarts)
            {
                errors.Add(new("effectiveFrom",
                    $"有效期（{Period(candidate)}）与“{other.Name}”的版本“{other.VersionId}”（{Period(other)}）重叠：同一事项同一时间只能有一个有效版本，请先为旧版本设置失效日期"));
            }
        }

        return errors;
    }

    /// <summary>
    /// Refuses a lower jurisdiction's version that overrides a higher item which does not allow it
    /// (<see cref="BenefitItemVersion.OverridableBelow"/> false) at any day of the candidate's period.
    /// </summary>
    public static IReadOnlyList<FieldError> CheckOverride(BenefitItemVersion candidate, IEnumerable<BenefitItemVersion> catalogue)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(catalogue);
        var ancestors = PolicyResolver.ChainOf(candidate.RegionCode).SkipLast(1).ToHashSet(StringComparer.Ordinal);
        var errors = new List<FieldError>();
        foreach (var higher in catalogue)
        {
            if (higher.ItemKey != candidate.ItemKey || !ancestors.Contains(higher.RegionCode) || higher.OverridableBelow)
            {
                continue;
            }

            var overlaps = (higher.EffectiveTo is not { } higherTo || candidate.EffectiveFrom < higherTo) &&
                (candidate.EffectiveTo is not { } to || higher.EffectiveFrom < to);
            if (overlaps)
            {
                errors.Add(new("itemKey", $"{PolicyNames.Of(higher.Level)}级事项“{higher.Name}”（{Period(higher)}）不允许下级调整，不能覆盖"));
            }
        }

        return errors;
    }

    private static string Period(BenefitItemVersion version) =>
        Day(version.EffectiveFrom) + "至" + (version.EffectiveTo is { } to ? Day(to.AddDays(-1)) : "今");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
