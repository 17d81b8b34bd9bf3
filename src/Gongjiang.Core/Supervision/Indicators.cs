using System.Text.RegularExpressions;
using Gongjiang.Core.Common;
using static Gongjiang.Core.Supervision.SupervisionText;

namespace Gongjiang.Core.Supervision;

/// <summary>What an indicator's values are and how a level adds up those of the level below. The int values are stored.</summary>
public enum IndicatorKind
{
    /// <summary>A count (人, 件, 期…): a whole number ≥ 0; consolidated as the sum.</summary>
    Count = 1,
    /// <summary>An amount of money in 分 (ADR 0009): a whole number ≥ 0; consolidated as the sum.</summary>
    Amount = 2,
    /// <summary>A percentage 0–100 (e.g. an on-time rate): consolidated as 100 × Σ numerator ÷ Σ denominator, never as a sum.</summary>
    Percentage = 3,
}

/// <summary>
/// An indicator (指标) a progress report carries, defined by the module that computes it (“the registry of indicators, so
/// each module adds its own”). Values come from outside Core (the module's query for the region and period).
/// </summary>
/// <param name="Code">Stable code “module.name”: lower-case ASCII letters, digits and hyphens, at least one dot (e.g. “window.on-time-rate”).</param>
/// <param name="Name">Chinese name shown in reports and exports (e.g. “按时办结率”).</param>
/// <param name="Unit">Chinese unit shown (人, 件, 期, %; 元 for an <see cref="IndicatorKind.Amount"/>, whose values are 分).</param>
/// <param name="Module">The module that provides the values (DESIGN.md English name, e.g. “Service window”).</param>
/// <param name="Kind">How values look and add up.</param>
/// <param name="Measures">The measures the indicator gives evidence for (codes “3.1”…); may be empty.</param>
/// <param name="Numerator">For a <see cref="IndicatorKind.Percentage"/>: the count indicator on top.</param>
/// <param name="Denominator">For a <see cref="IndicatorKind.Percentage"/>: the count indicator below.</param>
public sealed record IndicatorDefinition(
    string Code,
    string Name,
    string Unit,
    string Module,
    IndicatorKind Kind,
    IReadOnlyList<string> Measures,
    string? Numerator = null,
    string? Denominator = null);

/// <summary>One indicator's value in one report.</summary>
public sealed record IndicatorValue(string Code, decimal Value);

/// <summary>
/// The indicators known to the platform. Immutable: a module adds its own with <see cref="Add"/> at start-up and gets a
/// new registry. <see cref="Foundation"/> has those of the modules that exist today (registry, publications, service
/// window), as issue 13 lists them: listed leading talents, publications on time, window requests and on-time rate.
/// </summary>
/// <remarks>Invariant: codes unique; a percentage's numerator and denominator are count indicators already registered.</remarks>
public sealed partial class IndicatorRegistry
{
    private readonly IndicatorDefinition[] all;
    private readonly Dictionary<string, IndicatorDefinition> byCode;

    private IndicatorRegistry(IndicatorDefinition[] all)
    {
        this.all = all;
        byCode = all.ToDictionary(d => d.Code, StringComparer.Ordinal);
    }

    /// <summary>No indicators.</summary>
    public static IndicatorRegistry Empty { get; } = new([]);

    /// <summary>
    /// The indicators of the foundation modules: 在库高技能领军人才 (Registry, 三(一)), 应公布期数 / 按期公布期数 / 按期公布率
    /// (Publication, notice 三 “定期更新并向各部门和社会公布”), 服务窗口受理件数 / 办结件数 / 按时办结件数 / 按时办结率
    /// (Service window, 三(一) “设立高技能领军人才服务窗口”, 三(四)).
    /// </summary>
    public static IndicatorRegistry Foundation { get; } = Empty
        .Add(new("registry.leading-talents", "在库高技能领军人才", "人", "Registry", IndicatorKind.Count, ["3.1"])).GetValueOrThrow()
        .Add(new("publication.due", "应公布期数", "期", "Publication", IndicatorKind.Count, ["3.1"])).GetValueOrThrow()
        .Add(new("publication.on-time", "按期公布期数", "期", "Publication", IndicatorKind.Count, ["3.1"])).GetValueOrThrow()
        .Add(new("publication.on-time-rate", "按期公布率", "%", "Publication", IndicatorKind.Percentage, ["3.1"], "publication.on-time", "publication.due")).GetValueOrThrow()
        .Add(new("window.requests", "服务窗口受理件数", "件", "Service window", IndicatorKind.Count, ["3.1", "3.4"])).GetValueOrThrow()
        .Add(new("window.closed", "服务窗口办结件数", "件", "Service window", IndicatorKind.Count, ["3.1", "3.4"])).GetValueOrThrow()
        .Add(new("window.on-time", "按时办结件数", "件", "Service window", IndicatorKind.Count, ["3.1", "3.4"])).GetValueOrThrow()
        .Add(new("window.on-time-rate", "按时办结率", "%", "Service window", IndicatorKind.Percentage, ["3.1", "3.4"], "window.on-time", "window.closed")).GetValueOrThrow();

    /// <summary>Every definition in the order added.</summary>
    public IReadOnlyList<IndicatorDefinition> All => all;

    /// <summary>The definition with this code, or null.</summary>
    public IndicatorDefinition? Find(string? code) => code is null ? null : byCode.GetValueOrDefault(code);

    /// <summary>
    /// This registry with <paramref name="definition"/> added, or why not: the code format, a Chinese name (≤ 30
    /// characters), a unit, a module, measures in the form “3.1”, a percentage's numerator and denominator (registered count
    /// indicators), no code twice.
    /// </summary>
    public Result<IndicatorRegistry> Add(IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<string>();
        if (definition.Code is null || !CodePattern().IsMatch(definition.Code))
        {
            errors.Add(Invariant($"指标代码“{definition.Code}”格式不正确，应为“模块.名称”，由小写字母、数字和连字符组成"));
        }
        else if (byCode.ContainsKey(definition.Code))
        {
            errors.Add(Invariant($"指标代码“{definition.Code}”已登记"));
        }

        if (string.IsNullOrWhiteSpace(definition.Name) || Length(definition.Name) > 30)
        {
            errors.Add("指标名称不能为空，且不超过30个字");
        }

        if (string.IsNullOrWhiteSpace(definition.Unit))
        {
            errors.Add("指标单位不能为空");
        }

        if (string.IsNullOrWhiteSpace(definition.Module))
        {
            errors.Add("提供指标的模块不能为空");
        }

        foreach (var measure in definition.Measures ?? [])
        {
            if (measure is not { Length: 3 } || measure[0] is < '3' or > '6' || measure[1] != '.' || measure[2] is < '1' or > '9')
            {
                errors.Add(Invariant($"指标关联的政策措施“{measure}”格式不正确，应如“3.1”"));
            }
        }

        if (definition.Kind == IndicatorKind.Percentage)
        {
            foreach (var (part, field) in new[] { (definition.Numerator, "分子"), (definition.Denominator, "分母") })
            {
                if (Find(part) is not { Kind: IndicatorKind.Count })
                {
                    errors.Add(Invariant($"百分比指标的{field}“{part}”须为已登记的计数指标"));
                }
            }
        }
        else if (definition.Numerator is not null || definition.Denominator is not null)
        {
            errors.Add("只有百分比指标才有分子和分母");
        }

        if (!Enum.IsDefined(definition.Kind))
        {
            errors.Add("指标类型无效");
        }

        return errors.Count > 0
            ? Result<IndicatorRegistry>.Fail(errors)
            : Result<IndicatorRegistry>.Ok(new IndicatorRegistry([.. all, definition with { Measures = definition.Measures ?? [] }]));
    }

    /// <summary>
    /// Checks a report's values: every code registered, none twice, counts and amounts whole and ≥ 0, percentages 0–100.
    /// Reasons name the indicator.
    /// </summary>
    public IReadOnlyList<string> Check(IEnumerable<IndicatorValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (Find(value.Code) is not { } definition)
            {
                errors.Add(Invariant($"指标“{value.Code}”未登记"));
                continue;
            }

            if (!seen.Add(value.Code))
            {
                errors.Add(Invariant($"指标“{definition.Name}”重复填报"));
                continue;
            }

            var problem = definition.Kind switch
            {
                IndicatorKind.Count or IndicatorKind.Amount when value.Value < 0 || value.Value != decimal.Truncate(value.Value) => "应为不小于0的整数",
                IndicatorKind.Percentage when value.Value is < 0 or > 100 => "应在0至100之间",
                _ => null,
            };
            if (problem is not null)
            {
                errors.Add(Invariant($"指标“{definition.Name}”的值{value.Value}{problem}"));
            }
        }

        return errors;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}

/// <summary>
/// The Chinese names of the modules that provide indicator values (<see cref="IndicatorDefinition.Module"/> holds the
/// DESIGN.md English name, which is code, not text a person reads).
/// </summary>
public static class IndicatorModules
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["Registry"] = "高技能领军人才数据库",
        ["Publication"] = "名单公布",
        ["Service window"] = "服务窗口",
        ["Benefit policies"] = "待遇政策",
        ["Supervision"] = "督查",
        ["Skills"] = "技能评价",
        ["Wages"] = "工资激励",
        ["Training"] = "职业技能培训",
        ["Competitions"] = "职业技能竞赛",
        ["Leave"] = "休息休假",
    };

    /// <summary>The Chinese name of <paramref name="module"/>; “其他模块” for a module this list does not know yet.</summary>
    public static string ChineseName(string module) => Names.TryGetValue(module, out var name) ? name : "其他模块";
}
