using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Gongjiang.Core.Policies;

/// <summary>
/// Turns type-checked rules into one expression tree over a <see cref="FactSet"/>'s slot arrays, compiled once to IL
/// (docs/adr/0010). Failures (an unknown fact, a division by zero, a missing table row) set a local code rather than
/// throwing, with CEL's commutative rules for <c>&amp;&amp;</c> and <c>||</c>; only overflow throws (checked arithmetic)
/// and is caught around each rule. The generated code calls nothing but the arithmetic of <see cref="RuleRuntime"/>:
/// no reflection, no I/O, no loops.
/// </summary>
internal sealed class RuleCompiler
{
    /// <summary>The code reported when checked arithmetic overflows.</summary>
    public const int OverflowCode = 1;

    private readonly FactRegistry registry;
    private readonly List<string> failures;
    private readonly Dictionary<string, int> failureCodes = new(StringComparer.Ordinal);

    public RuleCompiler(FactRegistry registry, Func<int, string> position, List<string> failures)
    {
        this.registry = registry;
        Position = position;
        this.failures = failures;
        if (failures.Count == 0)
        {
            failures.Add("计算溢出：结果超出范围");
        }

        Facts = Expression.Parameter(typeof(FactSet), "facts");
        Failure = Expression.Variable(typeof(int), "failure");
        Longs = Expression.Variable(typeof(long[]), "longs");
        Decimals = Expression.Variable(typeof(decimal[]), "decimals");
        Strings = Expression.Variable(typeof(string[]), "strings");
        Years = Expression.Variable(typeof(long[][]), "years");
        Present = Expression.Variable(typeof(ulong[]), "present");
    }

    public ParameterExpression Facts { get; }

    /// <summary>Turns an offset of the rule being compiled into “第L行第C列”.</summary>
    public Func<int, string> Position { get; set; }

    /// <summary>The failure code of the rule being evaluated: 0 = none.</summary>
    public ParameterExpression Failure { get; }

    private ParameterExpression Longs { get; }

    private ParameterExpression Decimals { get; }

    private ParameterExpression Strings { get; }

    private ParameterExpression Years { get; }

    private ParameterExpression Present { get; }

    /// <summary>Wraps a body so that the slot arrays are read once into locals.</summary>
    public BlockExpression Prologue(IEnumerable<ParameterExpression> variables, params Expression[] body) =>
        Expression.Block(
            [Failure, Longs, Decimals, Strings, Years, Present, .. variables],
            [
                Expression.Assign(Longs, Expression.Field(Facts, nameof(FactSet.Longs))),
                Expression.Assign(Decimals, Expression.Field(Facts, nameof(FactSet.Decimals))),
                Expression.Assign(Strings, Expression.Field(Facts, nameof(FactSet.Strings))),
                Expression.Assign(Years, Expression.Field(Facts, nameof(FactSet.Years))),
                Expression.Assign(Present, Expression.Field(Facts, nameof(FactSet.Present))),
                .. body,
            ]);

    /// <summary>A single rule as a delegate (facts, out failure) → value, with overflow reported as <see cref="OverflowCode"/>.</summary>
    public Delegate CompileRule(BoundNode node, Type resultType)
    {
        var failureOut = Expression.Parameter(typeof(int).MakeByRefType(), "failureOut");
        var result = Expression.Variable(resultType, "result");
        var body = Prologue(
            [result],
            Expression.Assign(Failure, Expression.Constant(0)),
            Expression.TryCatch(
                Expression.Block(typeof(void), Expression.Assign(result, Compile(node))),
                Expression.Catch(typeof(ArithmeticException), Expression.Block(typeof(void),
                    Expression.Assign(Failure, Expression.Constant(OverflowCode)),
                    Expression.Assign(result, Expression.Default(resultType))))),
            Expression.Assign(failureOut, Failure),
            result);
        var delegateType = typeof(RuleDelegate<>).MakeGenericType(resultType);
        return Expression.Lambda(delegateType, body, Facts, failureOut).Compile();
    }

    public Expression Compile(BoundNode node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return node switch
        {
            BoundConstant constant => Constant(constant),
            BoundFact fact => ReadFact(fact.Index),
            BoundAsOf => Expression.Field(Facts, nameof(FactSet.AsOfDay)),
            BoundHas has => IsPresent(has.Fact.Index),
            BoundUnary unary => CompileUnary(unary),
            BoundBinary binary => CompileBinary(binary),
            BoundLogical logical => CompileLogical(logical),
            BoundConditional conditional => CompileConditional(conditional),
            BoundCall call => CompileCall(call),
            BoundInList inList => CompileInList(inList),
            BoundInSet inSet => CompileInSet(inSet),
            BoundTable table => CompileTable(table),
            BoundYearOf yearOf => CompileYearOf(yearOf),
            _ => throw new InvalidOperationException("Unknown node " + node.GetType().Name),
        };
    }

    public static Type ClrType(RuleType type) => type.Kind switch
    {
        RuleTypeKind.Bool => typeof(bool),
        RuleTypeKind.Decimal => typeof(decimal),
        RuleTypeKind.String => typeof(string),
        RuleTypeKind.Years => typeof(long[]),
        _ => typeof(long),
    };

    /// <summary>Registers a failure text and returns its code (1-based, deduplicated).</summary>
    public int FailureCode(string message)
    {
        if (!failureCodes.TryGetValue(message, out var code))
        {
            failures.Add(message);
            code = failures.Count;
            failureCodes.Add(message, code);
        }

        return code;
    }

    /// <summary>Sets the failure (if none yet) and yields a default value of <paramref name="type"/>.</summary>
    public Expression Fail(int code, Type type) =>
        Expression.Block(
            Expression.IfThen(Expression.Equal(Failure, Expression.Constant(0)), Expression.Assign(Failure, Expression.Constant(code))),
            type == typeof(string) ? Expression.Constant(string.Empty)
                : type == typeof(long[]) ? Expression.Constant(NoYears)
                : Expression.Default(type));

    // What a failed read of a years fact yields, so that what follows never meets a null.
    private static readonly long[] NoYears = new long[64];

    private static ConstantExpression Constant(BoundConstant constant) =>
        Expression.Constant(constant.Value, ClrType(constant.Type));

    private BinaryExpression IsPresent(int index) =>
        Expression.NotEqual(
            Expression.And(Expression.ArrayIndex(Present, Expression.Constant(index >> 6)), Expression.Constant(1UL << (index & 63))),
            Expression.Constant(0UL));

    private Expression ReadFact(int index)
    {
        var fact = registry.Facts[index];
        var slot = Expression.Constant(registry.Slot[index]);
        var code = FailureCode($"缺少事实“{fact.Label}”（{fact.Name}）");
        Expression value = registry.Storage[index] switch
        {
            FactStorage.Long => Expression.ArrayIndex(Longs, slot),
            FactStorage.Decimal => Expression.ArrayIndex(Decimals, slot),
            FactStorage.String => Expression.ArrayIndex(Strings, slot),
            FactStorage.Years => Expression.ArrayIndex(Years, slot),
            _ => throw new InvalidOperationException(),
        };
        var read = Expression.Condition(IsPresent(index), value, Fail(code, value.Type));
        return fact.Type.Kind == RuleTypeKind.Bool ? Expression.NotEqual(read, Expression.Constant(0L)) : read;
    }

    private Expression CompileUnary(BoundUnary unary)
    {
        var operand = Compile(unary.Operand);
        return unary.Op switch
        {
            UnaryOp.Not => Expression.Not(operand),
            UnaryOp.NegateLong => Expression.NegateChecked(operand),
            UnaryOp.NegateDecimal => Expression.Negate(operand),
            UnaryOp.IntToDecimal => Expression.Convert(operand, typeof(decimal)),
            UnaryOp.Retype => operand,
            _ => throw new InvalidOperationException(),
        };
    }

    private Expression CompileBinary(BoundBinary binary)
    {
        var left = Compile(binary.Left);
        var right = Compile(binary.Right);
        if (binary.IsDivision)
        {
            return Divide(binary, left, right);
        }

        return binary.Op switch
        {
            BinaryOp.IntAdd or BinaryOp.MoneyAdd => Expression.AddChecked(left, right),
            BinaryOp.IntSub or BinaryOp.MoneySub => Expression.SubtractChecked(left, right),
            BinaryOp.IntMul or BinaryOp.MoneyMulInt => Expression.MultiplyChecked(left, right),
            BinaryOp.DecAdd => Expression.Add(left, right),
            BinaryOp.DecSub => Expression.Subtract(left, right),
            BinaryOp.DecMul => Expression.Multiply(left, right),
            BinaryOp.MoneyMulDec => Call(nameof(RuleRuntime.MoneyMulDec), left, right),
            BinaryOp.LongEq or BinaryOp.DecEq => Expression.Equal(left, right),
            BinaryOp.LongNe or BinaryOp.DecNe => Expression.NotEqual(left, right),
            BinaryOp.LongLt or BinaryOp.DecLt => Expression.LessThan(left, right),
            BinaryOp.LongLe or BinaryOp.DecLe => Expression.LessThanOrEqual(left, right),
            BinaryOp.LongGt or BinaryOp.DecGt => Expression.GreaterThan(left, right),
            BinaryOp.LongGe or BinaryOp.DecGe => Expression.GreaterThanOrEqual(left, right),
            BinaryOp.StrEq => Call(nameof(RuleRuntime.StringEquals), left, right),
            BinaryOp.StrNe => Expression.Not(Call(nameof(RuleRuntime.StringEquals), left, right)),
            _ => throw new InvalidOperationException(binary.Op.ToString()),
        };
    }

    private BlockExpression Divide(BoundBinary binary, Expression left, Expression right)
    {
        var l = Expression.Variable(left.Type, "dividend");
        var r = Expression.Variable(right.Type, "divisor");
        Expression operation = binary.Op switch
        {
            BinaryOp.IntDiv => Call(nameof(RuleRuntime.IntDiv), l, r),
            BinaryOp.IntMod => Call(nameof(RuleRuntime.IntMod), l, r),
            BinaryOp.DecDiv => Expression.Divide(l, r),
            BinaryOp.MoneyDivInt => Call(nameof(RuleRuntime.MoneyDivInt), l, r),
            BinaryOp.MoneyDivDec => Call(nameof(RuleRuntime.MoneyDivDec), l, r),
            BinaryOp.MoneyRatio => Call(nameof(RuleRuntime.MoneyRatio), l, r),
            _ => throw new InvalidOperationException(),
        };
        var code = FailureCode("除数为零（" + Position(binary.Right.Syntax.Start) + "）");
        return Expression.Block(
            [l, r],
            Expression.Assign(l, left),
            Expression.Assign(r, right),
            Expression.Condition(
                Expression.Equal(r, Expression.Default(r.Type)),
                Fail(code, operation.Type),
                operation));
    }

    /// <summary>
    /// a &amp;&amp; b and a || b over (value, failure) pairs: a side that fails is ignored when the other side decides
    /// (false for &amp;&amp;, true for ||); otherwise the first failure stands.
    /// </summary>
    private Expression CompileLogical(BoundLogical logical)
    {
        var left = Compile(logical.Left);
        var right = Compile(logical.Right);
        if (!CanFail(logical.Left) && !CanFail(logical.Right))
        {
            return logical.IsAnd ? Expression.AndAlso(left, right) : Expression.OrElse(left, right);
        }

        var saved = Expression.Variable(typeof(int), "saved");
        var leftFailure = Expression.Variable(typeof(int), "leftFailure");
        var rightFailure = Expression.Variable(typeof(int), "rightFailure");
        var a = Expression.Variable(typeof(bool), "a");
        var b = Expression.Variable(typeof(bool), "b");
        var result = Expression.Variable(typeof(bool), "result");
        var zero = Expression.Constant(0);

        // The value that decides alone, without a failure: false for &&, true for ||.
        Expression Decides(ParameterExpression value, ParameterExpression failure) =>
            Expression.AndAlso(Expression.Equal(failure, zero), Expression.Equal(value, Expression.Constant(!logical.IsAnd)));

        var restoreAndDecide = Expression.Block(typeof(void),
            Expression.Assign(Failure, saved),
            Expression.Assign(result, Expression.Constant(!logical.IsAnd)));

        return Expression.Block(
            typeof(bool),
            [saved, leftFailure, rightFailure, a, b, result],
            Expression.Assign(saved, Failure),
            Expression.Assign(Failure, zero),
            Expression.Assign(a, left),
            Expression.Assign(leftFailure, Failure),
            Expression.Assign(Failure, zero),
            Expression.IfThenElse(
                Decides(a, leftFailure),
                restoreAndDecide,
                Expression.Block(typeof(void),
                    Expression.Assign(b, right),
                    Expression.Assign(rightFailure, Failure),
                    Expression.IfThenElse(
                        Decides(b, rightFailure),
                        restoreAndDecide,
                        Expression.IfThenElse(
                            Expression.OrElse(Expression.NotEqual(leftFailure, zero), Expression.NotEqual(rightFailure, zero)),
                            Expression.Block(typeof(void),
                                Expression.Assign(Failure, Expression.Condition(Expression.NotEqual(saved, zero), saved,
                                    Expression.Condition(Expression.NotEqual(leftFailure, zero), leftFailure, rightFailure))),
                                Expression.Assign(result, Expression.Constant(false))),
                            Expression.Block(typeof(void),
                                Expression.Assign(Failure, saved),
                                Expression.Assign(result, Expression.Constant(logical.IsAnd))))))),
            result);
    }

    private Expression CompileConditional(BoundConditional conditional)
    {
        var condition = Compile(conditional.Condition);
        var whenTrue = Compile(conditional.WhenTrue);
        var whenFalse = Compile(conditional.WhenFalse);
        if (!CanFail(conditional.Condition))
        {
            return Expression.Condition(condition, whenTrue, whenFalse);
        }

        var c = Expression.Variable(typeof(bool), "condition");
        return Expression.Block(
            [c],
            Expression.Assign(c, condition),
            Expression.Condition(
                Expression.NotEqual(Failure, Expression.Constant(0)),
                Expression.Default(whenTrue.Type),
                Expression.Condition(c, whenTrue, whenFalse)));
    }

    private Expression CompileCall(BoundCall call)
    {
        var args = call.Arguments.Select(Compile).ToArray();
        return call.Function switch
        {
            Function.YearsBetween => Call(nameof(RuleRuntime.YearsBetween), args),
            Function.MonthsBetween => Call(nameof(RuleRuntime.MonthsBetween), args),
            Function.DaysBetween => Call(nameof(RuleRuntime.DaysBetween), args),
            Function.AddYears => Call(nameof(RuleRuntime.AddYears), args),
            Function.AddMonths => Call(nameof(RuleRuntime.AddMonths), args),
            Function.AddDays => Call(nameof(RuleRuntime.AddDays), args),
            Function.YuanFromInt => Call(nameof(RuleRuntime.YuanFromInt), args),
            Function.YuanFromDecimal => Call(nameof(RuleRuntime.YuanFromDecimal), args),
            Function.MinLong => Expression.Call(typeof(Math).GetMethod(nameof(Math.Min), [typeof(long), typeof(long)])!, args),
            Function.MaxLong => Expression.Call(typeof(Math).GetMethod(nameof(Math.Max), [typeof(long), typeof(long)])!, args),
            Function.MinDecimal => Expression.Call(typeof(Math).GetMethod(nameof(Math.Min), [typeof(decimal), typeof(decimal)])!, args),
            Function.MaxDecimal => Expression.Call(typeof(Math).GetMethod(nameof(Math.Max), [typeof(decimal), typeof(decimal)])!, args),
            Function.SetSize => Call(nameof(RuleRuntime.SetSize), args),
            Function.YearsSize => Call(nameof(RuleRuntime.YearsSize), args),
            Function.StringSize => Expression.Convert(Expression.Property(args[0], nameof(string.Length)), typeof(long)),
            Function.StartsWith => Call(nameof(RuleRuntime.StartsWith), args),
            Function.EndsWith => Call(nameof(RuleRuntime.EndsWith), args),
            _ => throw new InvalidOperationException(),
        };
    }

    private BlockExpression CompileInList(BoundInList inList)
    {
        var item = Compile(inList.Item);
        var value = Expression.Variable(item.Type, "item");
        Expression? any = null;
        foreach (var element in inList.Items)
        {
            var compiled = Compile(element);
            Expression equal = item.Type == typeof(string)
                ? Call(nameof(RuleRuntime.StringEquals), value, compiled)
                : Expression.Equal(value, compiled);
            any = any is null ? equal : Expression.OrElse(any, equal);
        }

        return Expression.Block([value], Expression.Assign(value, item), any!);
    }

    private Expression CompileInSet(BoundInSet inSet)
    {
        var member = Compile(inSet.Item);
        var set = Compile(inSet.Set);
        if (inSet.Set.Type.Kind == RuleTypeKind.Years)
        {
            return Call(nameof(RuleRuntime.InYears), set, member);
        }

        return inSet.Item is BoundConstant { Value: long position }
            ? Expression.NotEqual(Expression.And(set, Expression.Constant(1L << (int)position)), Expression.Constant(0L))
            : Call(nameof(RuleRuntime.InSet), set, member);
    }

    private SwitchExpression CompileTable(BoundTable table)
    {
        var key = Compile(table.Key);
        var type = ClrType(table.Type);
        var code = FailureCode($"表中没有与“{KeyDescription(table.Key)}”的取值对应的项（{Position(table.Syntax.Start)}）");
        if (key.Type == typeof(bool))
        {
            key = Expression.Condition(key, Expression.Constant(1L), Expression.Constant(0L));
        }

        var cases = table.Entries.Select(e => Expression.SwitchCase(
            Compile(e.Value),
            Expression.Constant(e.Key is bool flag ? (flag ? 1L : 0L) : e.Key, key.Type))).ToArray();
        var comparison = key.Type == typeof(string)
            ? typeof(RuleRuntime).GetMethod(nameof(RuleRuntime.StringEquals))
            : null;
        return Expression.Switch(type, key, Fail(code, type), comparison, cases);
    }

    private static string KeyDescription(BoundNode key) => key switch
    {
        BoundFact fact => fact.Fact.Label,
        _ => "查表的键",
    };

    private BlockExpression CompileYearOf(BoundYearOf yearOf)
    {
        var years = Compile(yearOf.Years);
        var member = Compile(yearOf.Member);
        var label = yearOf.Member is BoundConstant { Value: long ordinal } ? yearOf.Years.Type.Enum!.Members[(int)ordinal].Label : yearOf.Years.Type.Enum!.Label;
        var code = FailureCode($"未记录“{label}”的年份（{Position(yearOf.Syntax.Start)}）");
        var array = Expression.Variable(typeof(long[]), "yearsOf");
        var index = Expression.Variable(typeof(long), "member");
        var read = Expression.ArrayIndex(array, Expression.Convert(index, typeof(int)));
        return Expression.Block(
            [array, index],
            Expression.Assign(array, years),
            Expression.Assign(index, member),
            Expression.Condition(
                Expression.AndAlso(
                    Expression.LessThan(index, Expression.Convert(Expression.ArrayLength(array), typeof(long))),
                    Expression.NotEqual(read, Expression.Constant(0L))),
                read,
                Fail(code, typeof(long))));
    }

    private static MethodCallExpression Call(string method, params Expression[] args) =>
        Expression.Call(typeof(RuleRuntime).GetMethod(method, BindingFlags.Public | BindingFlags.Static, [.. args.Select(a => a.Type)])
            ?? throw new InvalidOperationException(method), args);

    /// <summary>Whether evaluating the node may set a failure (it reads a fact, divides by a non-constant, looks up a table…).</summary>
    public static bool CanFail(BoundNode node) => node switch
    {
        BoundConstant or BoundAsOf or BoundHas => false,
        BoundFact => true,
        BoundTable or BoundYearOf => true,
        BoundUnary unary => CanFail(unary.Operand),
        BoundBinary binary => (binary.IsDivision && binary.Right is not BoundConstant) || CanFail(binary.Left) || CanFail(binary.Right),
        BoundLogical logical => CanFail(logical.Left) || CanFail(logical.Right),
        BoundConditional conditional => CanFail(conditional.Condition) || CanFail(conditional.WhenTrue) || CanFail(conditional.WhenFalse),
        BoundCall call => call.Arguments.Any(CanFail),
        BoundInList inList => CanFail(inList.Item) || inList.Items.Any(CanFail),
        BoundInSet inSet => CanFail(inSet.Item) || CanFail(inSet.Set),
        _ => true,
    };
}

/// <summary>A compiled rule: its value for these facts, and the failure code (0 = none).</summary>
internal delegate T RuleDelegate<T>(FactSet facts, out int failure);
