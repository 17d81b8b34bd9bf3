namespace Gongjiang.Core.Policies;

/// <summary>
/// A type-checked node. Runtime representation of values: bool → bool; int, money (分), date (day number), enum (member
/// position), set (bit mask) → long; decimal → decimal; string → string; years → long[] (0 = absent).
/// </summary>
internal abstract class BoundNode(RuleType type, SyntaxNode syntax)
{
    public RuleType Type { get; } = type;

    public SyntaxNode Syntax { get; } = syntax;
}

/// <summary>A constant (a literal, a parameter or a folded sub-expression) in its runtime representation.</summary>
internal sealed class BoundConstant(RuleType type, SyntaxNode syntax, object value) : BoundNode(type, syntax)
{
    public object Value { get; } = value;
}

internal sealed class BoundFact(FactDefinition fact, int index, SyntaxNode syntax) : BoundNode(fact.Type, syntax)
{
    public FactDefinition Fact { get; } = fact;

    public int Index { get; } = index;
}

/// <summary>The date the facts describe (<c>asOf</c>).</summary>
internal sealed class BoundAsOf(SyntaxNode syntax) : BoundNode(RuleType.Date, syntax);

/// <summary><c>has(fact)</c>: whether the fact is known; never fails.</summary>
internal sealed class BoundHas(BoundFact fact, SyntaxNode syntax) : BoundNode(RuleType.Bool, syntax)
{
    public BoundFact Fact { get; } = fact;
}

internal enum UnaryOp
{
    Not,
    NegateLong,
    NegateDecimal,
    IntToDecimal,
    /// <summary>Same value, another type (fen(int) → money).</summary>
    Retype,
}

internal sealed class BoundUnary(UnaryOp op, BoundNode operand, RuleType type, SyntaxNode syntax) : BoundNode(type, syntax)
{
    public UnaryOp Op { get; } = op;

    public BoundNode Operand { get; } = operand;
}

internal enum BinaryOp
{
    IntAdd,
    IntSub,
    IntMul,
    IntDiv,
    IntMod,
    DecAdd,
    DecSub,
    DecMul,
    DecDiv,
    MoneyAdd,
    MoneySub,
    MoneyMulInt,
    MoneyMulDec,
    MoneyDivInt,
    MoneyDivDec,
    MoneyRatio,
    LongEq,
    LongNe,
    LongLt,
    LongLe,
    LongGt,
    LongGe,
    DecEq,
    DecNe,
    DecLt,
    DecLe,
    DecGt,
    DecGe,
    StrEq,
    StrNe,
}

internal sealed class BoundBinary(BinaryOp op, BoundNode left, BoundNode right, RuleType type, SyntaxNode syntax) : BoundNode(type, syntax)
{
    public BinaryOp Op { get; } = op;

    public BoundNode Left { get; } = left;

    public BoundNode Right { get; } = right;

    /// <summary>Where the divisor is, for “除数为零” at run time.</summary>
    public bool IsDivision => Op is BinaryOp.IntDiv or BinaryOp.IntMod or BinaryOp.DecDiv or BinaryOp.MoneyDivInt or BinaryOp.MoneyDivDec or BinaryOp.MoneyRatio;
}

/// <summary><c>&amp;&amp;</c> and <c>||</c> with CEL's commutative error handling (false &amp;&amp; error = false; true || error = true).</summary>
internal sealed class BoundLogical(bool isAnd, BoundNode left, BoundNode right, SyntaxNode syntax) : BoundNode(RuleType.Bool, syntax)
{
    public bool IsAnd { get; } = isAnd;

    public BoundNode Left { get; } = left;

    public BoundNode Right { get; } = right;
}

internal sealed class BoundConditional(BoundNode condition, BoundNode whenTrue, BoundNode whenFalse, SyntaxNode syntax) : BoundNode(whenTrue.Type, syntax)
{
    public BoundNode Condition { get; } = condition;

    public BoundNode WhenTrue { get; } = whenTrue;

    public BoundNode WhenFalse { get; } = whenFalse;
}

internal enum Function
{
    YearsBetween,
    MonthsBetween,
    DaysBetween,
    AddYears,
    AddMonths,
    AddDays,
    YuanFromInt,
    YuanFromDecimal,
    MinLong,
    MaxLong,
    MinDecimal,
    MaxDecimal,
    SetSize,
    YearsSize,
    StringSize,
    StartsWith,
    EndsWith,
}

internal sealed class BoundCall(Function function, IReadOnlyList<BoundNode> arguments, RuleType type, SyntaxNode syntax) : BoundNode(type, syntax)
{
    public Function Function { get; } = function;

    public IReadOnlyList<BoundNode> Arguments { get; } = arguments;
}

/// <summary><c>x in [a, b]</c> — items compared like <c>==</c>.</summary>
internal sealed class BoundInList(BoundNode item, IReadOnlyList<BoundNode> items, SyntaxNode syntax) : BoundNode(RuleType.Bool, syntax)
{
    public BoundNode Item { get; } = item;

    public IReadOnlyList<BoundNode> Items { get; } = items;
}

/// <summary><c>member in setFact</c> or <c>member in yearsFact</c> (a member is present).</summary>
internal sealed class BoundInSet(BoundNode item, BoundNode set, SyntaxNode syntax) : BoundNode(RuleType.Bool, syntax)
{
    public BoundNode Item { get; } = item;

    public BoundNode Set { get; } = set;
}

/// <summary><c>{k1: v1, k2: v2}[key]</c>: keys are constants of the key's type; a missing key is a failure with its reason.</summary>
internal sealed class BoundTable(BoundNode key, IReadOnlyList<(object Key, string KeyText, BoundNode Value)> entries, RuleType type, SyntaxNode syntax)
    : BoundNode(type, syntax)
{
    public BoundNode Key { get; } = key;

    public IReadOnlyList<(object Key, string KeyText, BoundNode Value)> Entries { get; } = entries;
}

/// <summary><c>yearsFact[member]</c>: the year recorded for the member; absent is a failure with its reason.</summary>
internal sealed class BoundYearOf(BoundNode years, BoundNode member, SyntaxNode syntax) : BoundNode(RuleType.Int, syntax)
{
    public BoundNode Years { get; } = years;

    public BoundNode Member { get; } = member;
}
