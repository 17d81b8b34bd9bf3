using System.Globalization;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Policies;

/// <summary>
/// The value of a rule for one <see cref="FactSet"/>: either a value, or a failure with its Chinese reason (a fact is
/// unknown, a division by zero, a table has no row for the value, an overflow). A failed condition does not hold.
/// </summary>
/// <param name="Succeeded">Whether a value was computed.</param>
/// <param name="Value">bool, long (int), decimal, <see cref="Common.Money"/>, DateOnly, string or <see cref="EnumMember"/>; null when failed.</param>
/// <param name="Failure">Why no value was computed, e.g. “缺少事实“技能等级”（skill.level）”.</param>
public readonly record struct RuleResult(bool Succeeded, object? Value, string? Failure)
{
    /// <summary>True exactly when the rule computed <c>true</c>.</summary>
    public bool Holds => Succeeded && Value is true;

    /// <summary>The amount when the rule computed money.</summary>
    public Money? Money => Value as Money?;

    /// <summary>The value as shown to a person (是/否, 12,000.00元, 技师…), or the failure.</summary>
    public string Display => !Succeeded ? Failure ?? "无法计算" : Value switch
    {
        bool b => b ? "是" : "否",
        Money m => m.ToChinese(),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EnumMember e => e.Label,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Value?.ToString() ?? "",
    };
}

/// <summary>
/// A rule that parsed and type-checked against a <see cref="FactRegistry"/>. Immutable and thread-safe; the IL is
/// generated on first evaluation. It evaluates only <see cref="FactSet"/>s of the same registry.
/// </summary>
public sealed class CompiledRule
{
    private readonly Func<int, string> position;
    private readonly Lazy<Delegate> compiled;
    private readonly Lazy<IReadOnlyList<CompiledRule>> conditions;
    private readonly List<string> failures = [];

    internal CompiledRule(string text, RuleKind kind, BoundNode bound, FactRegistry registry, Func<int, string> position)
    {
        Text = text;
        Kind = kind;
        Bound = bound;
        Registry = registry;
        this.position = position;
        Facts = ReferencedFacts(bound, registry);
        compiled = new Lazy<Delegate>(() => new RuleCompiler(registry, position, failures).CompileRule(bound, RuleCompiler.ClrType(bound.Type)));
        conditions = new Lazy<IReadOnlyList<CompiledRule>>(() => SplitConditions());
    }

    /// <summary>The rule as written.</summary>
    public string Text { get; }

    public RuleKind Kind { get; }

    /// <summary>The type of the result: 是/否 for eligibility, 金额 for amounts.</summary>
    public RuleType Type => Bound.Type;

    public FactRegistry Registry { get; }

    /// <summary>The facts the rule reads, in the order they first appear: the inputs a decision records.</summary>
    public IReadOnlyList<FactDefinition> Facts { get; }

    /// <summary>
    /// The top-level conditions joined by <c>&amp;&amp;</c> (one when there is none), each its own rule with its own
    /// text and facts — what a trace lists one by one. The rule holds exactly when all of them hold.
    /// </summary>
    public IReadOnlyList<CompiledRule> Conditions => conditions.Value;

    internal BoundNode Bound { get; }

    /// <summary>Evaluates the rule for one person on <see cref="FactSet.AsOf"/>.</summary>
    public RuleResult Evaluate(FactSet facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!ReferenceEquals(facts.Registry, Registry))
        {
            throw new ArgumentException("The facts belong to another registry.", nameof(facts));
        }

        var rule = compiled.Value;
        int failure;
        object value;
        switch (rule)
        {
            case RuleDelegate<bool> b:
                value = b(facts, out failure);
                break;
            case RuleDelegate<long> l:
                value = l(facts, out failure);
                break;
            case RuleDelegate<decimal> d:
                value = d(facts, out failure);
                break;
            case RuleDelegate<string> s:
                value = s(facts, out failure);
                break;
            default:
                throw new InvalidOperationException();
        }

        return failure != 0
            ? new RuleResult(false, null, failures[failure - 1])
            : new RuleResult(true, Present(Type, value), null);
    }

    internal static object Present(RuleType type, object value) => type.Kind switch
    {
        RuleTypeKind.Money => new Money((long)value),
        RuleTypeKind.Date => DateOnly.FromDayNumber((int)(long)value),
        RuleTypeKind.Enum => type.Enum!.Members[(int)(long)value],
        _ => value,
    };

    private IReadOnlyList<CompiledRule> SplitConditions()
    {
        var parts = new List<BoundNode>();
        void Split(BoundNode node)
        {
            if (node is BoundLogical { IsAnd: true } and)
            {
                Split(and.Left);
                Split(and.Right);
            }
            else
            {
                parts.Add(node);
            }
        }

        Split(Bound);
        return parts.Count == 1
            ? [this]
            : [.. parts.Select(p => new CompiledRule(Text[p.Syntax.Start..p.Syntax.End], Kind, p, Registry, offset => position(offset + p.Syntax.Start)))];
    }

    private static IReadOnlyList<FactDefinition> ReferencedFacts(BoundNode node, FactRegistry registry)
    {
        var seen = new List<int>();
        void Visit(BoundNode n)
        {
            switch (n)
            {
                case BoundFact fact:
                    if (!seen.Contains(fact.Index))
                    {
                        seen.Add(fact.Index);
                    }

                    break;
                case BoundHas has:
                    Visit(has.Fact);
                    break;
                case BoundUnary unary:
                    Visit(unary.Operand);
                    break;
                case BoundBinary binary:
                    Visit(binary.Left);
                    Visit(binary.Right);
                    break;
                case BoundLogical logical:
                    Visit(logical.Left);
                    Visit(logical.Right);
                    break;
                case BoundConditional conditional:
                    Visit(conditional.Condition);
                    Visit(conditional.WhenTrue);
                    Visit(conditional.WhenFalse);
                    break;
                case BoundCall call:
                    foreach (var argument in call.Arguments)
                    {
                        Visit(argument);
                    }

                    break;
                case BoundInList inList:
                    Visit(inList.Item);
                    foreach (var item in inList.Items)
                    {
                        Visit(item);
                    }

                    break;
                case BoundInSet inSet:
                    Visit(inSet.Item);
                    Visit(inSet.Set);
                    break;
                case BoundTable table:
                    Visit(table.Key);
                    foreach (var entry in table.Entries)
                    {
                        Visit(entry.Value);
                    }

                    break;
                case BoundYearOf yearOf:
                    Visit(yearOf.Years);
                    Visit(yearOf.Member);
                    break;
                default:
                    break;
            }
        }

        Visit(node);
        return [.. seen.Select(i => registry.Facts[i])];
    }
}
