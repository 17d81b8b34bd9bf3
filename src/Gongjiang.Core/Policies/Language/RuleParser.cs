using System.Globalization;
using Parlot;
using Parlot.Fluent;

namespace Gongjiang.Core.Policies;

/// <summary>
/// The grammar of the rule language, built with Parlot (docs/adr/0010). CEL's syntax, less what a benefit rule does not
/// need (no comprehensions, no messages, no bytes, no null):
/// <code>
/// expr    := or ('?' expr ':' expr)?
/// or      := and ('||' and)*
/// and     := rel ('&amp;&amp;' rel)*
/// rel     := add (('&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '==' | '!=' | 'in') add)*
/// add     := mul (('+' | '-') mul)*
/// mul     := unary (('*' | '/' | '%') unary)*
/// unary   := ('!' | '-')* postfix
/// postfix := primary ('[' expr ']')*
/// primary := number | string | '(' expr ')' | '[' list ']' | '{' map '}' | name ('(' args ')')?
/// name    := ident ('.' ident)*
/// </code>
/// Every alternative is chosen by its first character and commits: once an opening token matched, a missing part is an
/// error at its position, never a backtrack — so the time is linear in the length. Nesting is limited before parsing
/// (<see cref="RuleLanguage.MaxNesting"/>) and again by Parlot's recursion limit; the number of nodes is limited while
/// parsing (<see cref="RuleLanguage.MaxNodes"/>).
/// </summary>
internal static class RuleParser
{
    private static readonly Parser<SyntaxNode> Grammar = Build();

    /// <summary>The syntax tree, or the first error (offset and Chinese message). Never throws for any text.</summary>
    public static (SyntaxNode? Node, int ErrorAt, string? Error) Parse(string text, CancellationToken cancellationToken)
    {
        if (PreScan(text) is { } early)
        {
            return (null, early.At, early.Message);
        }

        var context = new RuleParseContext(new Scanner(text), cancellationToken);
        try
        {
            var result = new ParseResult<SyntaxNode>();
            if (!Grammar.Parse(context, ref result))
            {
                var start = SkipBlank(text, 0);
                return (null, start, start < text.Length ? Unexpected(text, start) : "缺少表达式");
            }

            var end = SkipBlank(text, context.Scanner.Cursor.Offset);
            return end < text.Length ? (null, end, Unexpected(text, end)) : (result.Value, 0, null);
        }
        catch (RuleSyntaxException e)
        {
            return (null, e.At, e.Message);
        }
        catch (ParseException e)
        {
            var at = SkipBlank(text, e.Position.Offset);
            var message = e.Message.Contains("recursion", StringComparison.Ordinal)
                ? string.Create(CultureInfo.InvariantCulture, $"嵌套超过{RuleLanguage.MaxNesting}层")
                : e.Message;
            // A slip at that spot (a single '=', '&' or '|', a Chinese name) says more than “缺少表达式”.
            return (null, at, at < text.Length && (text[at] is '=' or '&' or '|' || text[at] > 0x7F) ? Unexpected(text, at) : message);
        }
    }

    /// <summary>Too long, too deeply nested, full-width punctuation or an unclosed string: refused before parsing, with the position.</summary>
    private static (int At, string Message)? PreScan(string text)
    {
        if (text.Length > RuleLanguage.MaxLength)
        {
            return (RuleLanguage.MaxLength, string.Create(CultureInfo.InvariantCulture, $"规则过长：不能超过{RuleLanguage.MaxLength}个字符（现有{text.Length}个）"));
        }

        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '"')
            {
                var close = i + 1;
                while (close < text.Length && text[close] != c && text[close] != '\n')
                {
                    close += text[close] == '\\' ? 2 : 1;
                }

                if (close >= text.Length || text[close] != c)
                {
                    return (i, "文本缺少结束引号");
                }

                i = close;
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
                if (depth > RuleLanguage.MaxNesting)
                {
                    return (i, string.Create(CultureInfo.InvariantCulture, $"嵌套超过{RuleLanguage.MaxNesting}层"));
                }
            }
            else if (c is ')' or ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (FullWidthHint(c) is { } hint)
            {
                return (i, hint);
            }
        }

        return null;
    }

    private static string? FullWidthHint(char c) => c switch
    {
        '（' => "请使用半角括号“(”而不是全角“（”",
        '）' => "请使用半角括号“)”而不是全角“）”",
        '，' => "请使用半角逗号“,”而不是全角“，”",
        '“' or '”' or '‘' or '’' => "请使用英文引号 ' 或 \" 而不是中文引号",
        '＝' or '＞' or '＜' or '！' or '＆' or '｜' or '＋' or '－' or '＊' or '／' or '：' or '？' or '［' or '］' or '｛' or '｝' =>
            string.Create(CultureInfo.InvariantCulture, $"请使用半角符号“{(char)(c - 0xFEE0)}”而不是全角“{c}”"),
        >= '０' and <= '９' => "请使用半角数字",
        _ => null,
    };

    internal static int SkipBlank(string text, int offset)
    {
        var i = Math.Clamp(offset, 0, text.Length);
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>The message for an unexpected character: hints for the usual slips (=, &amp;, |), else the character itself.</summary>
    private static string Unexpected(string text, int at)
    {
        if (at >= text.Length)
        {
            return "表达式不完整";
        }

        var c = text[at];
        return c switch
        {
            '=' => "比较是否相等请用“==”",
            '&' => "“并且”请用“&&”",
            '|' => "“或者”请用“||”",
            _ when char.IsAsciiLetter(c) || c == '_' => $"此处不应出现名称“{Word(text, at)}”（是否缺少运算符？）",
            _ when char.IsAsciiDigit(c) => $"此处不应出现数字“{Word(text, at)}”（是否缺少运算符？）",
            _ when c > 0x7F && char.IsLetter(c) => $"无法识别“{CjkWord(text, at)}”：事实名称为英文（如 person.age），中文只能写在引号内",
            _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"无法识别的控制字符（U+{(int)c:X4}）"),
            _ => $"无法识别的符号“{(char.IsSurrogate(c) && at + 1 < text.Length ? text.Substring(at, 2) : c.ToString())}”",
        };
    }

    private static string CjkWord(string text, int at)
    {
        var end = at;
        while (end < text.Length && end - at < 10 && text[end] > 0x7F && char.IsLetter(text[end]))
        {
            end++;
        }

        return text[at..end];
    }

    private static string Word(string text, int at)
    {
        var end = at;
        while (end < text.Length && end - at < 30 && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '.'))
        {
            end++;
        }

        return text[at..end];
    }

    private static T Count<T>(ParseContext context, T node)
        where T : SyntaxNode
    {
        var rule = (RuleParseContext)context;
        if (++rule.Nodes > RuleLanguage.MaxNodes)
        {
            throw new RuleSyntaxException(node.Start, string.Create(CultureInfo.InvariantCulture, $"规则过于复杂：不能超过{RuleLanguage.MaxNodes}个运算单元"));
        }

        return node;
    }

    private static Parser<SyntaxNode> Build()
    {
        var expr = Deferred<SyntaxNode>();

        static bool IdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

        // number: digits, optionally one '.' and digits. Overflow and malformed numbers are errors, never silently 0.
        var number = Terms.Pattern(c => char.IsAsciiDigit(c) || c == '.')
            .When((_, span) => char.IsAsciiDigit(span.Span[0]))
            .Then<SyntaxNode>((context, start, end, span) => Count(context, NumberLiteral(span.ToString(), start, end)));

        var stringLiteral = Terms.String(StringLiteralQuotes.SingleOrDouble)
            .Then<SyntaxNode>((context, start, end, span) => Count(context, new LiteralSyntax(start, end, span.ToString())));

        // name := ident ('.' ident)* — no blanks around the dots.
        var identifier = Terms.Pattern(IdentifierChar).When((_, span) => !char.IsAsciiDigit(span.Span[0]));
        var segment = Literals.Char('.').SkipAnd(Literals.Pattern(IdentifierChar).ElseError("“.”后缺少名称"));
        var name = identifier.And(ZeroOrMany(segment))
            .Then((context, start, end, parts) => (Start: start, End: end, Path: parts.Item2.Count == 0
                ? parts.Item1.ToString()
                : parts.Item1.ToString() + "." + string.Join(".", parts.Item2.Select(p => p.ToString()))));

        var arguments = ZeroOrOne(Separated(Terms.Char(','), expr));
        var call = Terms.Char('(').SkipAnd(arguments).AndSkip(Terms.Char(')').ElseError("函数调用缺少右括号“)”或参数之间缺少“,”"))
            .Then((context, start, end, args) => (End: end, Args: args.Count == 0 ? [] : args[0]));

        var nameOrCall = name.And(ZeroOrOne(call)).Then<SyntaxNode>((context, parts) =>
        {
            var (start, end, path) = parts.Item1;
            switch (path)
            {
                case "true" or "false" when parts.Item2.Count == 0:
                    return Count(context, new LiteralSyntax(start, end, path == "true"));
                case "null":
                    throw new RuleSyntaxException(start, "规则语言不使用 null：请用 has(事实) 判断事实是否已知");
                case "in":
                    throw new RuleSyntaxException(start, "“in”前缺少表达式");
                default:
                    break;
            }

            return parts.Item2.Count == 0
                ? Count(context, new NameSyntax(start, end, path))
                : Count(context, new CallSyntax(start, parts.Item2[0].End, path, parts.Item2[0].Args));
        });

        var group = Terms.Char('(').Then((context, start, end, _) => start)
            .And(expr.ElseError("括号内缺少表达式"))
            .And(Terms.Char(')').Then((context, start, end, _) => end).ElseError("缺少右括号“)”"))
            .Then(parts => parts.Item2 with { Start = parts.Item1, End = parts.Item3 });

        var list = Terms.Char('[').Then((context, start, end, _) => start)
            .And(ZeroOrOne(Separated(Terms.Char(','), expr)))
            .And(Terms.Char(']').Then((context, start, end, _) => end).ElseError("列表缺少右方括号“]”或元素之间缺少“,”"))
            .Then<SyntaxNode>((context, parts) => Count(context, new ListSyntax(parts.Item1, parts.Item3, parts.Item2.Count == 0 ? [] : parts.Item2[0])));

        var entry = expr.AndSkip(Terms.Char(':').ElseError("表的每一项应写作“键: 值”")).And(expr.ElseError("“:”后缺少值"));
        var map = Terms.Char('{').Then((context, start, end, _) => start)
            .And(ZeroOrOne(Separated(Terms.Char(','), entry)))
            .And(Terms.Char('}').Then((context, start, end, _) => end).ElseError("表缺少右花括号“}”或各项之间缺少“,”"))
            .Then<SyntaxNode>((context, parts) => Count(context, new MapSyntax(parts.Item1, parts.Item3,
                parts.Item2.Count == 0 ? [] : [.. parts.Item2[0].Select(e => (e.Item1, e.Item2))])));

        var primary = number.Or(stringLiteral).Or(group).Or(list).Or(map).Or(nameOrCall);

        var index = Terms.Char('[').SkipAnd(expr.ElseError("方括号内缺少查表的键"))
            .And(Terms.Char(']').Then((context, start, end, _) => end).ElseError("缺少右方括号“]”"));
        var postfix = primary.And(ZeroOrMany(index)).Then<SyntaxNode>((context, parts) =>
        {
            var node = parts.Item1;
            foreach (var (key, end) in parts.Item2)
            {
                node = Count(context, new IndexSyntax(node.Start, end, node, key));
            }

            return node;
        });

        var prefix = Terms.Char('!').Or(Terms.Char('-')).Then((context, start, end, op) => (Op: op, At: start));
        var unary = OneOrMany(prefix).And(postfix.ElseError("运算符后缺少表达式")).Then<SyntaxNode>((context, parts) =>
        {
            var node = parts.Item2;
            for (var i = parts.Item1.Count - 1; i >= 0; i--)
            {
                node = Count(context, new UnarySyntax(parts.Item1[i].At, node.End, parts.Item1[i].Op, node));
            }

            return node;
        }).Or(postfix);

        var mul = Chain(unary, Terms.Text("*").Or(Terms.Text("/")).Or(Terms.Text("%")));
        var add = Chain(mul, Terms.Text("+").Or(Terms.Text("-")));
        var rel = Chain(add, Terms.Text("<=").Or(Terms.Text(">=")).Or(Terms.Text("==")).Or(Terms.Text("!="))
            .Or(Terms.Text("<")).Or(Terms.Text(">")).Or(Terms.Keyword("in")));
        var and = Chain(rel, Terms.Text("&&"));
        var or = Chain(and, Terms.Text("||"));

        var conditional = or.And(ZeroOrOne(
                Terms.Char('?').SkipAnd(expr.ElseError("“?”后缺少条件成立时的值"))
                .AndSkip(Terms.Char(':').ElseError("条件表达式缺少“:”"))
                .And(expr.ElseError("“:”后缺少条件不成立时的值"))))
            .Then<SyntaxNode>((context, parts) => parts.Item2.Count == 0
                ? parts.Item1
                : Count(context, new ConditionalSyntax(parts.Item1.Start, parts.Item2[0].Item2.End, parts.Item1, parts.Item2[0].Item1, parts.Item2[0].Item2)));

        expr.Parser = conditional;
        return expr;
    }

    private static Parser<SyntaxNode> Chain(Parser<SyntaxNode> operand, Parser<string> op)
    {
        var located = op.Then((context, start, end, text) => (Op: text, At: start));
        return operand.And(ZeroOrMany(located.And(operand.ElseError("运算符后缺少表达式")))).Then<SyntaxNode>((context, parts) =>
        {
            var node = parts.Item1;
            foreach (var ((text, at), right) in parts.Item2)
            {
                node = Count(context, new BinarySyntax(node.Start, right.End, text, at, node, right));
            }

            return node;
        });
    }

    private static LiteralSyntax NumberLiteral(string text, int start, int end)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole)
                ? new LiteralSyntax(start, end, whole)
                : throw new RuleSyntaxException(start, $"整数“{Clip(text)}”超出范围（最大9223372036854775807）");
        }

        if (dot == text.Length - 1 || text.IndexOf('.', dot + 1) >= 0 || text.Length - dot - 1 > 10)
        {
            throw new RuleSyntaxException(start, $"数字“{Clip(text)}”格式不正确（如 0.25，小数不超过10位）");
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fraction)
            ? new LiteralSyntax(start, end, fraction)
            : throw new RuleSyntaxException(start, $"数字“{Clip(text)}”超出范围");
    }

    private static string Clip(string text) => text.Length <= 24 ? text : text[..24] + "…";

    private sealed class RuleParseContext(Scanner scanner, CancellationToken cancellationToken)
        : ParseContext(scanner, RuleLanguage.MaxNesting * 2 + 8, useNewLines: false, disableLoopDetection: false, cancellationToken)
    {
        public int Nodes { get; set; }
    }
}

/// <summary>A syntax error at an exact offset, thrown inside the grammar and caught by <see cref="RuleParser.Parse"/>.</summary>
internal sealed class RuleSyntaxException(int at, string message) : Exception(message)
{
    public int At { get; } = at;
}
