using System.Globalization;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Policies;

/// <summary>What a rule computes: an eligibility condition (是/否) or an amount (金额).</summary>
public enum RuleKind
{
    /// <summary>资格条件: the result is 是/否.</summary>
    Eligibility = 0,
    /// <summary>金额公式: the result is money (分).</summary>
    Amount = 1,
}

/// <summary>An error in a rule's text at a 1-based line and column (counted in characters).</summary>
public sealed record RuleError(int Line, int Column, string Message)
{
    /// <summary>“第2行第5列：未知的事实“xxx””.</summary>
    public string Text => string.Create(CultureInfo.InvariantCulture, $"第{Line}行第{Column}列：{Message}");

    public override string ToString() => Text;
}

/// <summary>The outcome of <see cref="RuleLanguage.Check"/>: the rule's type when it is valid, else every error with its position.</summary>
public sealed record RuleCheck(RuleType? Type, IReadOnlyList<RuleError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The errors as “第L行第C列：…” texts (for <c>errors.expression</c>).</summary>
    public IReadOnlyList<string> Messages => [.. Errors.Select(e => e.Text)];
}

/// <summary>
/// A named constant of one item version that its rules read as <c>param.name</c> — the amounts, thresholds and years a
/// region sets and a what-if simulation changes (“安家补贴 from 10万 to 15万” changes one parameter).
/// </summary>
/// <param name="Name">ASCII name: a lower-case letter then letters or digits, e.g. "amount".</param>
/// <param name="Label">Chinese name, e.g. “补贴金额”.</param>
/// <param name="Type">Type name (<see cref="RuleType.Name"/>): bool, int, decimal, money, date, string or enum:X.</param>
/// <param name="Value">Canonical text as in <see cref="FactSet.ToCanonical"/> (money in 元: "100000.00").</param>
public sealed record RuleParameter(string Name, string Label, string Type, string Value)
{
    public static RuleParameter Of(string name, string label, Money value) =>
        new(name, label, "money", value.Yuan.ToString("0.00", CultureInfo.InvariantCulture));

    public static RuleParameter Of(string name, string label, long value) =>
        new(name, label, "int", value.ToString(CultureInfo.InvariantCulture));

    public static RuleParameter Of(string name, string label, decimal value) =>
        new(name, label, "decimal", value.ToString(CultureInfo.InvariantCulture));
}

/// <summary>
/// The benefit-rule language (docs/adr/0010): CEL's syntax and semantics for comparisons, <c>&amp;&amp;</c> <c>||</c>
/// <c>!</c>, <c>in</c>, conditionals and table lookups, over declared facts; plus exact money (<c>yuan(100000)</c>, whole
/// 分), decimals for rates and civil dates (<c>yearsBetween(skill.levelSince, asOf) &gt;= 3</c>). Rules are parsed and
/// type-checked when saved and compiled to IL once; evaluation reads facts by slot.
/// </summary>
/// <remarks>
/// Bounded by construction: no loops, no recursion, no user-defined functions, no access to anything but the facts;
/// at most <see cref="MaxLength"/> characters, <see cref="MaxNodes"/> nodes and <see cref="MaxNesting"/> levels of
/// brackets. <see cref="Check"/> never throws and is linear in the text (no backtracking after a token commits).
/// </remarks>
public static class RuleLanguage
{
    /// <summary>Longest rule text accepted.</summary>
    public const int MaxLength = 2000;

    /// <summary>Most nodes (names, literals, operators, calls) in one rule.</summary>
    public const int MaxNodes = 400;

    /// <summary>Deepest nesting of brackets, parentheses and conditionals.</summary>
    public const int MaxNesting = 16;

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "true", "false", "null", "in", "asOf", "param" };

    /// <summary>Words a fact name may not start with.</summary>
    public static bool IsReserved(string word) => Reserved.Contains(word);

    /// <summary>
    /// Parses and type-checks <paramref name="text"/> as a rule of <paramref name="kind"/> against the facts of
    /// <paramref name="registry"/> and the item's <paramref name="parameters"/>. Never throws, whatever the text:
    /// any failure becomes an error with a position.
    /// </summary>
    public static RuleCheck Check(string? text, RuleKind kind, FactRegistry registry, IReadOnlyList<RuleParameter>? parameters = null, CancellationToken cancellationToken = default) =>
        Analyze(text, kind, registry, parameters, cancellationToken).Check;

    /// <summary>The compiled rule, or the errors of <see cref="Check"/> as “第L行第C列：…” reasons.</summary>
    public static Result<CompiledRule> Compile(string? text, RuleKind kind, FactRegistry registry, IReadOnlyList<RuleParameter>? parameters = null)
    {
        var (bound, check) = Analyze(text, kind, registry, parameters, CancellationToken.None);
        return bound is null
            ? Result<CompiledRule>.Fail(check.Messages)
            : Result<CompiledRule>.Ok(new CompiledRule(text!, kind, bound, registry, Positions(text!)));
    }

    internal static (BoundNode? Bound, RuleCheck Check) Analyze(string? text, RuleKind kind, FactRegistry registry, IReadOnlyList<RuleParameter>? parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        text ??= "";
        try
        {
            var constants = ParameterValues(parameters, registry, out var parameterErrors);
            if (parameterErrors.Count > 0)
            {
                return (null, new RuleCheck(null, [.. parameterErrors.Select(m => new RuleError(1, 1, m))]));
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                return (null, Fail(text, 0, kind == RuleKind.Eligibility ? "资格条件不能为空（无条件时写 true）" : "金额公式不能为空"));
            }

            var (syntax, at, error) = RuleParser.Parse(text, cancellationToken);
            if (syntax is null)
            {
                return (null, Fail(text, at, error ?? "无法识别的规则"));
            }

            var (bound, errors) = RuleBinder.Bind(syntax, registry, constants);
            if (bound is null)
            {
                var ordered = errors.Count == 0 ? [(0, "无法识别的规则")] : errors.OrderBy(e => e.At).Take(10).ToList();
                return (null, new RuleCheck(null, [.. ordered.Select(e => ErrorAt(text, e.At, e.Message))]));
            }

            var expected = kind == RuleKind.Eligibility ? RuleTypeKind.Bool : RuleTypeKind.Money;
            if (bound.Type.Kind != expected)
            {
                var message = kind == RuleKind.Eligibility
                    ? $"资格条件的结果应为是/否，此处为{bound.Type.ChineseName}"
                    : $"金额公式的结果应为金额，此处为{bound.Type.ChineseName}" + (bound.Type.IsNumeric ? "（请写作 yuan(数额)，如 yuan(100000)）" : "");
                return (null, Fail(text, syntax.Start, message));
            }

            if (kind == RuleKind.Amount && bound is BoundConstant { Value: long fen } && fen < 0)
            {
                return (null, Fail(text, syntax.Start, "金额不能为负数"));
            }

            return (bound, new RuleCheck(bound.Type, []));
        }
        catch (OperationCanceledException)
        {
            return (null, Fail(text, 0, "检查超时"));
        }
        catch (InsufficientExecutionStackException)
        {
            return (null, Fail(text, 0, string.Create(CultureInfo.InvariantCulture, $"嵌套超过{MaxNesting}层")));
        }
        catch (Exception)
        {
            // A defect must never become a 500 for a rule typed by a person: the rule is refused instead.
            return (null, Fail(text, 0, "规则无法识别，请检查写法"));
        }
    }

    private static RuleCheck Fail(string text, int at, string message) => new(null, [ErrorAt(text, at, message)]);

    private static RuleError ErrorAt(string text, int offset, string message)
    {
        var (line, column) = LineColumn(text, offset);
        return new RuleError(line, column, message);
    }

    internal static (int Line, int Column) LineColumn(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    internal static Func<int, string> Positions(string text) => offset =>
    {
        var (line, column) = LineColumn(text, offset);
        return string.Create(CultureInfo.InvariantCulture, $"第{line}行第{column}列");
    };

    private static Dictionary<string, (RuleType Type, object Value)> ParameterValues(IReadOnlyList<RuleParameter>? parameters, FactRegistry registry, out List<string> errors)
    {
        errors = [];
        var values = new Dictionary<string, (RuleType, object)>(StringComparer.Ordinal);
        foreach (var parameter in parameters ?? [])
        {
            if (parameter is null)
            {
                continue;
            }

            var name = parameter.Name ?? "";
            if (!FactRegistry.IsValidName(name) || name.Contains('.', StringComparison.Ordinal))
            {
                errors.Add($"参数名称“{name}”格式不正确：应以小写字母开头，只含英文字母和数字");
                continue;
            }

            var type = RuleType.Parse(parameter.Type, registry.FindEnum);
            if (!type.IsValid || !type.Value!.IsFactType || type.Value.Kind is RuleTypeKind.Set or RuleTypeKind.Years)
            {
                errors.Add($"参数“{parameter.Label}”（{name}）的类型“{parameter.Type}”无效");
                continue;
            }

            if (ParseConstant(type.Value, parameter.Value) is not { } value)
            {
                errors.Add($"参数“{parameter.Label}”（{name}）的值“{parameter.Value}”不是有效的{type.Value.ChineseName}");
                continue;
            }

            if (!values.TryAdd(name, (type.Value, value)))
            {
                errors.Add($"参数“{name}”重复");
            }
        }

        return values;
    }

    /// <summary>A parameter's canonical text in its runtime representation, or null when it does not parse.</summary>
    internal static object? ParseConstant(RuleType? type, string? text)
    {
        if (type is null || text is null)
        {
            return null;
        }

        text = text.Trim();
        switch (type.Kind)
        {
            case RuleTypeKind.Bool:
                return text switch
                {
                    "true" or "是" => true,
                    "false" or "否" => false,
                    _ => null,
                };
            case RuleTypeKind.Int:
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null;
            case RuleTypeKind.Decimal:
                return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;
            case RuleTypeKind.Money:
                var money = Money.Parse(text);
                return money.IsValid ? money.Value.Fen : null;
            case RuleTypeKind.Date:
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? (long)date.DayNumber : null;
            case RuleTypeKind.String:
                return text;
            case RuleTypeKind.Enum:
                var position = type.Enum!.IndexOf(text);
                return position >= 0 ? (long)position : null;
            case RuleTypeKind.Set or RuleTypeKind.Years or RuleTypeKind.List or RuleTypeKind.Map:
            default:
                return null;
        }
    }
}
