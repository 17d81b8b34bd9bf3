using System.Globalization;
using System.Runtime.CompilerServices;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Policies;

/// <summary>
/// Type-checks a syntax tree against the declared facts and parameters, resolves names, coerces string literals to
/// enumeration members, and folds constants — so that an unknown fact, a type mismatch, a constant division by zero
/// and a constant overflow are refused when the rule is saved, with their positions. Reports every error it finds
/// (an error inside an operand does not cascade into its parents).
/// </summary>
internal sealed class RuleBinder
{
    private readonly FactRegistry registry;
    private readonly IReadOnlyDictionary<string, (RuleType Type, object Value)> parameters;
    private readonly List<(int At, string Message)> errors = [];

    private RuleBinder(FactRegistry registry, IReadOnlyDictionary<string, (RuleType Type, object Value)> parameters)
    {
        this.registry = registry;
        this.parameters = parameters;
    }

    public static (BoundNode? Node, IReadOnlyList<(int At, string Message)> Errors) Bind(
        SyntaxNode syntax, FactRegistry registry, IReadOnlyDictionary<string, (RuleType Type, object Value)> parameters)
    {
        var binder = new RuleBinder(registry, parameters);
        var node = binder.Visit(syntax);
        return (binder.errors.Count == 0 ? node : null, binder.errors);
    }

    private BoundNode? Error(int at, string message)
    {
        errors.Add((at, message));
        return null;
    }

    private BoundNode? Visit(SyntaxNode syntax)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return syntax switch
        {
            LiteralSyntax literal => literal.Value switch
            {
                long l => new BoundConstant(RuleType.Int, literal, l),
                decimal d => new BoundConstant(RuleType.Decimal, literal, d),
                string s => new BoundConstant(RuleType.String, literal, s),
                bool b => new BoundConstant(RuleType.Bool, literal, b),
                _ => Error(literal.Start, "无法识别的常量"),
            },
            NameSyntax name => BindName(name),
            UnarySyntax unary => BindUnary(unary),
            BinarySyntax binary => BindBinary(binary),
            ConditionalSyntax conditional => BindConditional(conditional),
            CallSyntax call => BindCall(call),
            IndexSyntax index => BindIndex(index),
            ListSyntax list => Error(list.Start, "列表只能用在“in”的右边，如 skill.level in ['技师', '高级技师']"),
            MapSyntax map => Error(map.Start, "表只能用于查表，如 {'技师': yuan(500), '高级技师': yuan(800)}[skill.level]"),
            _ => Error(syntax.Start, "无法识别的表达式"),
        };
    }

    private BoundNode? BindName(NameSyntax name)
    {
        if (name.Path == "asOf")
        {
            return new BoundAsOf(name);
        }

        if (name.Path.StartsWith("param.", StringComparison.Ordinal) || name.Path == "param")
        {
            var key = name.Path.Length > 6 ? name.Path[6..] : "";
            return parameters.TryGetValue(key, out var parameter)
                ? new BoundConstant(parameter.Type, name, parameter.Value)
                : Error(name.Start, $"未知的参数“{name.Path}”" + (parameters.Count == 0 ? "（本事项未定义参数）" : "（已定义：" + string.Join("、", parameters.Keys.Select(k => "param." + k)) + "）"));
        }

        var index = registry.IndexOf(name.Path);
        if (index < 0)
        {
            return Error(name.Start, $"未知的事实“{Clip(name.Path)}”" + Suggest(name.Path));
        }

        return new BoundFact(registry.Facts[index], index, name);
    }

    private string Suggest(string path)
    {
        var best = registry.Facts
            .Select(f => (f.Name, Distance: Distance(path, f.Name)))
            .Where(p => p.Distance <= Math.Max(2, path.Length / 3) || p.Name.StartsWith(path + ".", StringComparison.Ordinal))
            .OrderBy(p => p.Distance).ThenBy(p => p.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is null ? "" : $"（是否为“{best.Name}”？）";
    }

    private static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private BoundNode? BindUnary(UnarySyntax unary)
    {
        var operand = Visit(unary.Operand);
        if (operand is null)
        {
            return null;
        }

        if (unary.Operator == '!')
        {
            return operand.Type.Kind == RuleTypeKind.Bool
                ? Fold(new BoundUnary(UnaryOp.Not, operand, RuleType.Bool, unary))
                : Error(unary.Start, $"“!”只能用于是/否，此处为{operand.Type.ChineseName}");
        }

        return operand.Type.Kind switch
        {
            RuleTypeKind.Int or RuleTypeKind.Money => Fold(new BoundUnary(UnaryOp.NegateLong, operand, operand.Type, unary)),
            RuleTypeKind.Decimal => Fold(new BoundUnary(UnaryOp.NegateDecimal, operand, operand.Type, unary)),
            _ => Error(unary.Start, $"负号只能用于数字或金额，此处为{operand.Type.ChineseName}"),
        };
    }

    private BoundNode? BindBinary(BinarySyntax binary)
    {
        switch (binary.Operator)
        {
            case "&&" or "||":
                {
                    var left = Visit(binary.Left);
                    var right = Visit(binary.Right);
                    if (left is null || right is null)
                    {
                        return null;
                    }

                    if (left.Type.Kind != RuleTypeKind.Bool || right.Type.Kind != RuleTypeKind.Bool)
                    {
                        var wrong = left.Type.Kind != RuleTypeKind.Bool ? left : right;
                        return Error(wrong.Syntax.Start, $"“{binary.Operator}”两边应为条件（是/否），此处为{wrong.Type.ChineseName}");
                    }

                    return new BoundLogical(binary.Operator == "&&", left, right, binary);
                }

            case "in":
                return BindIn(binary);
            default:
                break;
        }

        var l = Visit(binary.Left);
        var r = Visit(binary.Right);
        if (l is null || r is null)
        {
            return null;
        }

        return binary.Operator switch
        {
            "==" or "!=" or "<" or "<=" or ">" or ">=" => BindComparison(binary, l, r),
            _ => BindArithmetic(binary, l, r),
        };
    }

    private BoundNode? BindComparison(BinarySyntax binary, BoundNode? left, BoundNode? right)
    {
        var op = binary.Operator;
        var equality = op is "==" or "!=";

        // An enumeration against a string literal: the literal names a member (code or Chinese label).
        if (left is null || right is null)
        {
            return null;
        }

        if (left.Type.Kind == RuleTypeKind.Enum && right is BoundConstant { Type.Kind: RuleTypeKind.String })
        {
            right = Member(left.Type, right);
        }
        else if (right.Type.Kind == RuleTypeKind.Enum && left is BoundConstant { Type.Kind: RuleTypeKind.String })
        {
            left = Member(right.Type, left);
        }

        if (left is null || right is null)
        {
            return null;
        }

        if (left.Type.IsNumeric && right.Type.IsNumeric && left.Type.Kind != right.Type.Kind)
        {
            left = ToDecimal(left);
            right = ToDecimal(right);
        }

        if (!left.Type.Equals(right.Type))
        {
            return Error(binary.OperatorAt, $"“{op}”两边类型不同：左边为{left.Type.ChineseName}，右边为{right.Type.ChineseName}" + MoneyHint(left, right));
        }

        var kind = left.Type.Kind;
        if (!equality)
        {
            if (kind is RuleTypeKind.Bool or RuleTypeKind.String or RuleTypeKind.Set or RuleTypeKind.Years)
            {
                return Error(binary.OperatorAt, $"{left.Type.ChineseName}不能比较大小（“{op}”）");
            }

            if (kind == RuleTypeKind.Enum && !left.Type.Enum!.Ordered)
            {
                return Error(binary.OperatorAt, $"“{left.Type.Enum.Label}”没有高低之分，只能用“==”“!=”或“in”");
            }
        }
        else if (kind is RuleTypeKind.Years)
        {
            return Error(binary.OperatorAt, $"{left.Type.ChineseName}不能用“{op}”比较，请用“in”或查年份");
        }

        var family = kind switch
        {
            RuleTypeKind.Decimal => 1,
            RuleTypeKind.String => 2,
            _ => 0,
        };
        BinaryOp result = (family, op) switch
        {
            (0, "==") => BinaryOp.LongEq,
            (0, "!=") => BinaryOp.LongNe,
            (0, "<") => BinaryOp.LongLt,
            (0, "<=") => BinaryOp.LongLe,
            (0, ">") => BinaryOp.LongGt,
            (0, ">=") => BinaryOp.LongGe,
            (1, "==") => BinaryOp.DecEq,
            (1, "!=") => BinaryOp.DecNe,
            (1, "<") => BinaryOp.DecLt,
            (1, "<=") => BinaryOp.DecLe,
            (1, ">") => BinaryOp.DecGt,
            (1, ">=") => BinaryOp.DecGe,
            (2, "==") => BinaryOp.StrEq,
            (_, _) => BinaryOp.StrNe,
        };
        return new BoundBinary(result, left, right, RuleType.Bool, binary);
    }

    private static string MoneyHint(BoundNode left, BoundNode right) =>
        (left.Type.Kind == RuleTypeKind.Money && right.Type.IsNumeric) || (right.Type.Kind == RuleTypeKind.Money && left.Type.IsNumeric)
            ? "（金额请写作 yuan(数额)，如 yuan(100000)）"
            : "";

    private BoundNode? BindArithmetic(BinarySyntax binary, BoundNode left, BoundNode right)
    {
        var op = binary.Operator;
        var lk = left.Type.Kind;
        var rk = right.Type.Kind;
        BinaryOp? result = null;
        RuleType? type = null;
        if (lk == RuleTypeKind.Int && rk == RuleTypeKind.Int)
        {
            (result, type) = (op switch
            {
                "+" => BinaryOp.IntAdd,
                "-" => BinaryOp.IntSub,
                "*" => BinaryOp.IntMul,
                "/" => BinaryOp.IntDiv,
                _ => BinaryOp.IntMod,
            }, RuleType.Int);
        }
        else if (left.Type.IsNumeric && right.Type.IsNumeric && op != "%")
        {
            left = ToDecimal(left);
            right = ToDecimal(right);
            (result, type) = (op switch
            {
                "+" => BinaryOp.DecAdd,
                "-" => BinaryOp.DecSub,
                "*" => BinaryOp.DecMul,
                _ => BinaryOp.DecDiv,
            }, RuleType.Decimal);
        }
        else if (lk == RuleTypeKind.Money || rk == RuleTypeKind.Money)
        {
            // Put the money on the left of * (multiplication commutes).
            if (op == "*" && lk != RuleTypeKind.Money)
            {
                (left, right, lk, rk) = (right, left, rk, lk);
            }

            (result, type) = (op, rk) switch
            {
                ("+", RuleTypeKind.Money) when lk == RuleTypeKind.Money => (BinaryOp.MoneyAdd, RuleType.Money),
                ("-", RuleTypeKind.Money) when lk == RuleTypeKind.Money => (BinaryOp.MoneySub, RuleType.Money),
                ("*", RuleTypeKind.Int) when lk == RuleTypeKind.Money => (BinaryOp.MoneyMulInt, RuleType.Money),
                ("*", RuleTypeKind.Decimal) when lk == RuleTypeKind.Money => (BinaryOp.MoneyMulDec, RuleType.Money),
                ("/", RuleTypeKind.Int) when lk == RuleTypeKind.Money => (BinaryOp.MoneyDivInt, RuleType.Money),
                ("/", RuleTypeKind.Decimal) when lk == RuleTypeKind.Money => (BinaryOp.MoneyDivDec, RuleType.Money),
                ("/", RuleTypeKind.Money) when lk == RuleTypeKind.Money => (BinaryOp.MoneyRatio, RuleType.Decimal),
                _ => ((BinaryOp?)null, (RuleType?)null),
            };
        }

        if (result is not { } operation || type is null)
        {
            return Error(binary.OperatorAt, $"“{op}”不能用于{left.Type.ChineseName}和{right.Type.ChineseName}" + MoneyHint(left, right));
        }

        var bound = new BoundBinary(operation, left, right, type, binary);
        if (bound.IsDivision && right is BoundConstant divisor && IsZero(divisor.Value))
        {
            return Error(binary.Right.Start, "除数为零");
        }

        return Fold(bound);
    }

    private static bool IsZero(object value) => value switch
    {
        long l => l == 0,
        decimal d => d == 0,
        _ => false,
    };

    private BoundNode? BindIn(BinarySyntax binary)
    {
        var item = Visit(binary.Left);
        if (binary.Right is ListSyntax list)
        {
            var items = new List<BoundNode>(list.Items.Count);
            foreach (var element in list.Items)
            {
                var bound = Visit(element);
                if (bound is not null)
                {
                    items.Add(bound);
                }
            }

            if (item is null || items.Count != list.Items.Count)
            {
                return null;
            }

            if (items.Count == 0)
            {
                return Error(list.Start, "“in”右边的列表不能为空");
            }

            for (var i = 0; i < items.Count; i++)
            {
                var element = items[i];
                if (item.Type.Kind == RuleTypeKind.Enum && element is BoundConstant { Type.Kind: RuleTypeKind.String })
                {
                    element = Member(item.Type, element);
                    if (element is null)
                    {
                        return null;
                    }
                }
                else if (item.Type.IsNumeric && element.Type.IsNumeric && item.Type.Kind != element.Type.Kind)
                {
                    // Compare int and decimal as decimals.
                    item = ToDecimal(item);
                    element = ToDecimal(element);
                }

                if (!element.Type.Equals(item.Type))
                {
                    return Error(element.Syntax.Start, $"列表中的值应为{item.Type.ChineseName}，此处为{element.Type.ChineseName}");
                }

                items[i] = element;
            }

            if (item.Type.Kind is RuleTypeKind.Set or RuleTypeKind.Years)
            {
                return Error(binary.Left.Start, $"{item.Type.ChineseName}不能放在“in”左边");
            }

            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].Type.Kind == RuleTypeKind.Int && item.Type.Kind == RuleTypeKind.Decimal)
                {
                    items[i] = ToDecimal(items[i]);
                }
            }

            return new BoundInList(item, items, binary);
        }

        var container = Visit(binary.Right);
        if (item is null || container is null)
        {
            return null;
        }

        if (container.Type.Kind is not (RuleTypeKind.Set or RuleTypeKind.Years))
        {
            return Error(binary.Right.Start, $"“in”右边应为列表（如 ['a', 'b']）或集合，此处为{container.Type.ChineseName}");
        }

        var member = item is BoundConstant { Type.Kind: RuleTypeKind.String } ? Member(RuleType.EnumOf(container.Type.Enum!), item) : item;
        if (member is null)
        {
            return null;
        }

        if (member.Type.Kind != RuleTypeKind.Enum || member.Type.Enum!.Name != container.Type.Enum!.Name)
        {
            return Error(binary.Left.Start, $"“in”左边应为{container.Type.Enum!.Label}，此处为{member.Type.ChineseName}");
        }

        return new BoundInSet(member, container, binary);
    }

    private BoundNode? BindConditional(ConditionalSyntax conditional)
    {
        var condition = Visit(conditional.Condition);
        var whenTrue = Visit(conditional.WhenTrue);
        var whenFalse = Visit(conditional.WhenFalse);
        if (condition is null || whenTrue is null || whenFalse is null)
        {
            return null;
        }

        if (condition.Type.Kind != RuleTypeKind.Bool)
        {
            return Error(conditional.Condition.Start, $"“?”前应为条件（是/否），此处为{condition.Type.ChineseName}");
        }

        if (whenTrue.Type.IsNumeric && whenFalse.Type.IsNumeric && whenTrue.Type.Kind != whenFalse.Type.Kind)
        {
            whenTrue = ToDecimal(whenTrue);
            whenFalse = ToDecimal(whenFalse);
        }
        else if (whenTrue.Type.Kind == RuleTypeKind.Enum && whenFalse is BoundConstant { Type.Kind: RuleTypeKind.String })
        {
            whenFalse = Member(whenTrue.Type, whenFalse);
        }
        else if (whenFalse.Type.Kind == RuleTypeKind.Enum && whenTrue is BoundConstant { Type.Kind: RuleTypeKind.String })
        {
            whenTrue = Member(whenFalse.Type, whenTrue);
        }

        if (whenTrue is null || whenFalse is null)
        {
            return null;
        }

        if (!whenTrue.Type.Equals(whenFalse.Type))
        {
            return Error(conditional.WhenFalse.Start, $"“:”两边的值类型不同：{whenTrue.Type.ChineseName}和{whenFalse.Type.ChineseName}" + MoneyHint(whenTrue, whenFalse));
        }

        if (condition is BoundConstant { Value: bool constant })
        {
            return constant ? whenTrue : whenFalse;
        }

        return new BoundConditional(condition, whenTrue, whenFalse, conditional);
    }

    private BoundNode? BindIndex(IndexSyntax index)
    {
        if (index.Target is MapSyntax map)
        {
            return BindTable(map, index);
        }

        var target = Visit(index.Target);
        var key = Visit(index.Key);
        if (target is null || key is null)
        {
            return null;
        }

        if (target.Type.Kind != RuleTypeKind.Years)
        {
            return Error(index.Start, $"只能对表（{{…}}）或“…及年份”查值，此处为{target.Type.ChineseName}");
        }

        var member = key is BoundConstant { Type.Kind: RuleTypeKind.String } ? Member(RuleType.EnumOf(target.Type.Enum!), key) : key;
        if (member is null)
        {
            return null;
        }

        if (member.Type.Kind != RuleTypeKind.Enum || member.Type.Enum!.Name != target.Type.Enum!.Name)
        {
            return Error(index.Key.Start, $"方括号内应为{target.Type.Enum!.Label}，此处为{member.Type.ChineseName}");
        }

        return new BoundYearOf(target, member, index);
    }

    private BoundNode? BindTable(MapSyntax map, IndexSyntax index)
    {
        var key = Visit(index.Key);
        if (map.Entries.Count == 0)
        {
            return Error(map.Start, "表不能为空");
        }

        var entries = new List<(object Key, string KeyText, BoundNode Value)>(map.Entries.Count);
        RuleType? valueType = null;
        var keys = new HashSet<object>();
        var failed = key is null;
        foreach (var (keySyntax, valueSyntax) in map.Entries)
        {
            var boundKey = Visit(keySyntax);
            var value = Visit(valueSyntax);
            if (boundKey is null || value is null || key is null)
            {
                failed = true;
                continue;
            }

            if (boundKey is not BoundConstant)
            {
                failed = true;
                Error(keySyntax.Start, "表的键必须是常量（文本或数字）");
                continue;
            }

            if (key.Type.Kind == RuleTypeKind.Enum && boundKey.Type.Kind == RuleTypeKind.String)
            {
                boundKey = Member(key.Type, boundKey);
                if (boundKey is null)
                {
                    failed = true;
                    continue;
                }
            }

            if (!boundKey.Type.Equals(key.Type) || key.Type.Kind is RuleTypeKind.Decimal or RuleTypeKind.Set or RuleTypeKind.Years)
            {
                failed = true;
                Error(keySyntax.Start, $"表的键应为{key.Type.ChineseName}，此处为{boundKey.Type.ChineseName}");
                continue;
            }

            var constantKey = ((BoundConstant)boundKey).Value;
            if (!keys.Add(constantKey))
            {
                failed = true;
                Error(keySyntax.Start, "表中有重复的键");
                continue;
            }

            if (valueType is null)
            {
                valueType = value.Type;
            }
            else if (!value.Type.Equals(valueType))
            {
                failed = true;
                Error(valueSyntax.Start, $"表中的值类型应一致：前面为{valueType.ChineseName}，此处为{value.Type.ChineseName}" + MoneyHint(value, new BoundConstant(valueType, valueSyntax, 0L)));
                continue;
            }

            entries.Add((constantKey, KeyText(key.Type, constantKey), value));
        }

        return failed || key is null || valueType is null ? null : new BoundTable(key, entries, valueType, index);
    }

    private static string KeyText(RuleType type, object key) => type.Kind switch
    {
        RuleTypeKind.Enum => type.Enum!.Members[(int)(long)key].Label,
        RuleTypeKind.Bool => (bool)key ? "是" : "否",
        _ => Convert.ToString(key, CultureInfo.InvariantCulture) ?? "",
    };

    private BoundNode? BindCall(CallSyntax call)
    {
        var path = call.Path;
        var dot = path.LastIndexOf('.');
        if (dot > 0)
        {
            // A method on a name: region.code.startsWith('44'), talent.bases.size().
            var method = path[(dot + 1)..];
            var receiver = BindName(new NameSyntax(call.Start, call.Start + dot, path[..dot]));
            if (receiver is null)
            {
                return null;
            }

            var args = BindArguments(call);
            if (args is null)
            {
                return null;
            }

            return method switch
            {
                "startsWith" or "endsWith" => Arity(call, args, 1) && Expect(args[0], RuleTypeKind.String, "参数") && Expect(receiver, RuleTypeKind.String, "“." + method + "”前")
                    ? new BoundCall(method == "startsWith" ? Function.StartsWith : Function.EndsWith, [receiver, args[0]], RuleType.Bool, call)
                    : null,
                "size" => Arity(call, args, 0) ? Size(call, receiver) : null,
                _ => Error(call.Start + dot + 1, $"未知的方法“{method}”（可用：startsWith、endsWith、size）"),
            };
        }

        if (path == "has")
        {
            if (call.Arguments is not [NameSyntax name])
            {
                return Error(call.Start, "has() 的参数应为一个事实名称，如 has(skill.level)");
            }

            var fact = BindName(name);
            return fact switch
            {
                null => null,
                BoundFact known => new BoundHas(known, call),
                _ => Error(name.Start, "has() 只能用于事实"),
            };
        }

        if (path == "date")
        {
            if (call.Arguments is not [LiteralSyntax { Value: string text }])
            {
                return Error(call.Start, "date() 的参数应为文本常量，如 date('2024-01-01')");
            }

            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? new BoundConstant(RuleType.Date, call, (long)date.DayNumber)
                : Error(call.Arguments[0].Start, $"“{Clip(text)}”不是有效日期（应为yyyy-MM-dd，如 2024-01-01）");
        }

        var arguments = BindArguments(call);
        if (arguments is null)
        {
            return null;
        }

        switch (path)
        {
            case "yearsBetween" or "monthsBetween" or "daysBetween":
                return Arity(call, arguments, 2) && Expect(arguments[0], RuleTypeKind.Date, "第1个参数") && Expect(arguments[1], RuleTypeKind.Date, "第2个参数")
                    ? new BoundCall(path switch
                    {
                        "yearsBetween" => Function.YearsBetween,
                        "monthsBetween" => Function.MonthsBetween,
                        _ => Function.DaysBetween,
                    }, arguments, RuleType.Int, call)
                    : null;
            case "addYears" or "addMonths" or "addDays":
                return Arity(call, arguments, 2) && Expect(arguments[0], RuleTypeKind.Date, "第1个参数") && Expect(arguments[1], RuleTypeKind.Int, "第2个参数")
                    ? FoldCall(new BoundCall(path switch
                    {
                        "addYears" => Function.AddYears,
                        "addMonths" => Function.AddMonths,
                        _ => Function.AddDays,
                    }, arguments, RuleType.Date, call))
                    : null;
            case "yuan":
                if (!Arity(call, arguments, 1))
                {
                    return null;
                }

                if (arguments[0] is BoundConstant constant && MoneyConstant(constant, call) is not { } checkedValue)
                {
                    return null;
                }

                return arguments[0].Type.Kind switch
                {
                    RuleTypeKind.Int => FoldCall(new BoundCall(Function.YuanFromInt, arguments, RuleType.Money, call)),
                    RuleTypeKind.Decimal => FoldCall(new BoundCall(Function.YuanFromDecimal, arguments, RuleType.Money, call)),
                    _ => Error(call.Arguments[0].Start, $"yuan() 的参数应为数字，此处为{arguments[0].Type.ChineseName}"),
                };
            case "fen":
                return Arity(call, arguments, 1) && Expect(arguments[0], RuleTypeKind.Int, "参数")
                    ? arguments[0] is BoundConstant c ? new BoundConstant(RuleType.Money, call, c.Value) : new BoundUnary(UnaryOp.Retype, arguments[0], RuleType.Money, call)
                    : null;
            case "min" or "max":
                return Arity(call, arguments, 2) ? MinMax(call, path == "min", arguments[0], arguments[1]) : null;
            case "size":
                return Arity(call, arguments, 1) ? Size(call, arguments[0]) : null;
            default:
                return Error(call.Start, $"未知的函数“{Clip(path)}”（可用：has、size、date、yuan、fen、min、max、yearsBetween、monthsBetween、daysBetween、addYears、addMonths、addDays）");
        }
    }

    private object? MoneyConstant(BoundConstant constant, CallSyntax call)
    {
        var yuan = constant.Value switch
        {
            long l => (decimal)l,
            decimal d => d,
            _ => (decimal?)null,
        };
        if (yuan is not { } value)
        {
            return Error(call.Arguments[0].Start, $"yuan() 的参数应为数字，此处为{constant.Type.ChineseName}");
        }

        if (value * 100m != decimal.Truncate(value * 100m))
        {
            return Error(call.Arguments[0].Start, "金额最多保留两位小数（精确到分）");
        }

        if (value < 0)
        {
            return Error(call.Arguments[0].Start, "金额不能为负数");
        }

        if (value > Money.Limit.Yuan)
        {
            return Error(call.Arguments[0].Start, "金额超过上限（10亿元）");
        }

        return value;
    }

    private List<BoundNode>? BindArguments(CallSyntax call)
    {
        var arguments = new List<BoundNode>(call.Arguments.Count);
        var failed = false;
        foreach (var argument in call.Arguments)
        {
            var bound = Visit(argument);
            if (bound is null)
            {
                failed = true;
            }
            else
            {
                arguments.Add(bound);
            }
        }

        return failed ? null : arguments;
    }

    private bool Arity(CallSyntax call, List<BoundNode> arguments, int expected)
    {
        if (arguments.Count == expected)
        {
            return true;
        }

        Error(call.Start, string.Create(CultureInfo.InvariantCulture, $"“{call.Path}”需要{expected}个参数，此处有{arguments.Count}个"));
        return false;
    }

    private bool Expect(BoundNode node, RuleTypeKind kind, string what)
    {
        if (node.Type.Kind == kind)
        {
            return true;
        }

        var expected = kind switch
        {
            RuleTypeKind.Date => "日期",
            RuleTypeKind.Int => "整数",
            RuleTypeKind.String => "文本",
            _ => kind.ToString(),
        };
        Error(node.Syntax.Start, $"{what}应为{expected}，此处为{node.Type.ChineseName}");
        return false;
    }

    private BoundNode? Size(CallSyntax call, BoundNode of) => of.Type.Kind switch
    {
        RuleTypeKind.Set => new BoundCall(Function.SetSize, [of], RuleType.Int, call),
        RuleTypeKind.Years => new BoundCall(Function.YearsSize, [of], RuleType.Int, call),
        RuleTypeKind.String => new BoundCall(Function.StringSize, [of], RuleType.Int, call),
        _ => Error(call.Start, $"size() 只能用于集合、年份表或文本，此处为{of.Type.ChineseName}"),
    };

    private BoundNode? MinMax(CallSyntax call, bool min, BoundNode a, BoundNode b)
    {
        if (a.Type.IsNumeric && b.Type.IsNumeric && a.Type.Kind != b.Type.Kind)
        {
            a = ToDecimal(a);
            b = ToDecimal(b);
        }

        if (!a.Type.Equals(b.Type))
        {
            return Error(call.Start, $"“{call.Path}”两个参数类型不同：{a.Type.ChineseName}和{b.Type.ChineseName}");
        }

        return a.Type.Kind switch
        {
            RuleTypeKind.Int or RuleTypeKind.Money or RuleTypeKind.Date =>
                new BoundCall(min ? Function.MinLong : Function.MaxLong, [a, b], a.Type, call),
            RuleTypeKind.Decimal => new BoundCall(min ? Function.MinDecimal : Function.MaxDecimal, [a, b], a.Type, call),
            _ => Error(call.Start, $"“{call.Path}”只能用于数字、金额或日期，此处为{a.Type.ChineseName}"),
        };
    }

    private BoundNode? Member(RuleType enumType, BoundNode literal)
    {
        var text = (string)((BoundConstant)literal).Value;
        var position = enumType.Enum!.IndexOf(text);
        return position >= 0
            ? new BoundConstant(enumType, literal.Syntax, (long)position)
            : Error(literal.Syntax.Start, $"“{Clip(text)}”不是{enumType.Enum.Label}的取值（可选：{enumType.Enum.LabelList}）");
    }

    private static BoundNode ToDecimal(BoundNode node) => node.Type.Kind switch
    {
        RuleTypeKind.Decimal => node,
        _ when node is BoundConstant { Value: long l } => new BoundConstant(RuleType.Decimal, node.Syntax, (decimal)l),
        _ => new BoundUnary(UnaryOp.IntToDecimal, node, RuleType.Decimal, node.Syntax),
    };

    private BoundNode? Fold(BoundNode node)
    {
        try
        {
            switch (node)
            {
                case BoundUnary { Operand: BoundConstant operand } unary:
                    return new BoundConstant(unary.Type, unary.Syntax, unary.Op switch
                    {
                        UnaryOp.Not => !(bool)operand.Value,
                        UnaryOp.NegateLong => checked(-(long)operand.Value),
                        UnaryOp.NegateDecimal => -(decimal)operand.Value,
                        UnaryOp.IntToDecimal => (decimal)(long)operand.Value,
                        UnaryOp.Retype => operand.Value,
                        _ => throw new InvalidOperationException(),
                    });
                case BoundBinary { Left: BoundConstant left, Right: BoundConstant right } binary:
                    return new BoundConstant(binary.Type, binary.Syntax, RuleRuntime.Fold(binary.Op, left.Value, right.Value));
                default:
                    return node;
            }
        }
        catch (OverflowException)
        {
            return Error(node.Syntax is BinarySyntax b ? b.OperatorAt : node.Syntax.Start, "计算溢出：结果超出范围");
        }
    }

    private BoundNode? FoldCall(BoundCall call)
    {
        if (!call.Arguments.All(a => a is BoundConstant))
        {
            return call;
        }

        var args = call.Arguments.Select(a => ((BoundConstant)a).Value).ToArray();
        try
        {
            object value = call.Function switch
            {
                Function.AddYears => RuleRuntime.AddYears((long)args[0], (long)args[1]),
                Function.AddMonths => RuleRuntime.AddMonths((long)args[0], (long)args[1]),
                Function.AddDays => RuleRuntime.AddDays((long)args[0], (long)args[1]),
                Function.YuanFromInt => RuleRuntime.YuanFromInt((long)args[0]),
                Function.YuanFromDecimal => RuleRuntime.YuanFromDecimal((decimal)args[0]),
                _ => throw new InvalidOperationException(),
            };
            return new BoundConstant(call.Type, call.Syntax, value);
        }
        catch (OverflowException)
        {
            return Error(call.Syntax.Start, "计算溢出：结果超出范围");
        }
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
