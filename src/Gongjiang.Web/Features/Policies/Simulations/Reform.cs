using System.Globalization;
using Gongjiang.Core.Common;
using Gongjiang.Core.Policies;

namespace Gongjiang.Web.Features.Policies.Simulations;

/// <summary>How a what-if simulation changes an item version.</summary>
public enum ReformKind
{
    /// <summary>修改参数: a named constant (<c>param.x</c>), e.g. 安家补贴 from 100000 to 150000.</summary>
    Parameter = 0,
    /// <summary>修改固定金额.</summary>
    FixedAmount = 1,
    /// <summary>追加资格条件 (joined with <c>&amp;&amp;</c>).</summary>
    AddCondition = 2,
    /// <summary>替换资格条件.</summary>
    ReplaceEligibility = 3,
    /// <summary>替换金额公式.</summary>
    ReplaceFormula = 4,
}

/// <summary>One change of a reform: which version, how, and the new value (a parameter value, 元, or rule text).</summary>
public sealed record ReformChange(string VersionId, ReformKind Kind, string? Parameter, string Value);

/// <summary>
/// A reform simulated against the current rules: changes to item versions, applied to copies — the live rules are never
/// touched. <see cref="Apply"/> gives the changed version or the reasons it is refused.
/// </summary>
public sealed record Reform(IReadOnlyList<ReformChange> Changes)
{
    public static string ChineseName(ReformKind kind) => kind switch
    {
        ReformKind.Parameter => "修改参数",
        ReformKind.FixedAmount => "修改固定金额",
        ReformKind.AddCondition => "追加资格条件",
        ReformKind.ReplaceEligibility => "替换资格条件",
        ReformKind.ReplaceFormula => "替换金额公式",
        _ => "未知",
    };

    /// <summary>The version with one change applied (a copy under a new version id), or why it cannot be.</summary>
    public static Result<BenefitItemVersion> Apply(BenefitItemVersion version, ReformChange change, FactRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(change);
        var value = (change.Value ?? "").Trim();
        BenefitItemVersion reformed;
        switch (change.Kind)
        {
            case ReformKind.Parameter:
                var parameter = version.Parameters.FirstOrDefault(p => p.Name == change.Parameter);
                if (parameter is null)
                {
                    return Result<BenefitItemVersion>.Fail(version.Parameters.Count == 0
                        ? $"事项“{version.Name}”没有参数，请改用其他改动方式"
                        : $"事项“{version.Name}”没有参数“{change.Parameter}”（可选：{string.Join("、", version.Parameters.Select(p => p.Name + "（" + p.Label + "）"))}）");
                }

                if (parameter.Type == "money")
                {
                    var money = Money.Parse(value);
                    if (!money.IsValid)
                    {
                        return Result<BenefitItemVersion>.Fail(parameter.Label + "：" + money.Error);
                    }

                    value = money.Value.Yuan.ToString("0.00", CultureInfo.InvariantCulture);
                }

                reformed = version with { Parameters = [.. version.Parameters.Select(p => p.Name == parameter.Name ? p with { Value = value } : p)] };
                break;
            case ReformKind.FixedAmount:
                var amount = Money.Parse(value);
                if (!amount.IsValid)
                {
                    return Result<BenefitItemVersion>.Fail("固定金额：" + amount.Error);
                }

                reformed = version with { Amount = AmountRule.FixedAmount(amount.Value) };
                break;
            case ReformKind.AddCondition:
                // Checked on its own first, so that positions refer to the text typed.
                var alone = RuleLanguage.Check(value, RuleKind.Eligibility, registry, version.Parameters);
                if (!alone.IsValid)
                {
                    return Result<BenefitItemVersion>.Fail(alone.Messages);
                }

                reformed = version with { Eligibility = Group(version.Eligibility) + " && " + Group(value) };
                break;
            case ReformKind.ReplaceEligibility:
                reformed = version with { Eligibility = value };
                break;
            case ReformKind.ReplaceFormula:
                reformed = version with { Amount = AmountRule.FormulaOf(value) };
                break;
            default:
                return Result<BenefitItemVersion>.Fail("改动方式无效");
        }

        reformed = reformed with { VersionId = version.VersionId + "~测算" };
        var errors = BenefitItemRules.Validate(reformed, registry);
        return errors.Count == 0
            ? Result<BenefitItemVersion>.Ok(reformed)
            : Result<BenefitItemVersion>.Fail([.. errors.Select(e => e.Message)]);
    }

    /// <summary>Brackets a rule joined with &amp;&amp; when it has a lower-precedence operator at any depth (a safe over-approximation).</summary>
    private static string Group(string rule) =>
        rule.Contains("||", StringComparison.Ordinal) || rule.Contains('?', StringComparison.Ordinal) ? "(" + rule + ")" : rule;
}
