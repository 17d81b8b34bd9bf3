namespace Gongjiang.Core.Policies;

/// <summary>A node of a parsed rule with its span (offsets into the rule text, end exclusive).</summary>
internal abstract record SyntaxNode(int Start, int End);

/// <summary>A literal: long, decimal, string or bool.</summary>
internal sealed record LiteralSyntax(int Start, int End, object Value) : SyntaxNode(Start, End);

/// <summary>A dotted name: a fact (<c>skill.level</c>), a parameter (<c>param.amount</c>) or <c>asOf</c>.</summary>
internal sealed record NameSyntax(int Start, int End, string Path) : SyntaxNode(Start, End);

/// <summary>A call <c>f(a, b)</c> or a method on a name <c>region.code.startsWith('44')</c> (Path holds the whole dotted name).</summary>
internal sealed record CallSyntax(int Start, int End, string Path, IReadOnlyList<SyntaxNode> Arguments) : SyntaxNode(Start, End);

/// <summary><c>!x</c> or <c>-x</c>.</summary>
internal sealed record UnarySyntax(int Start, int End, char Operator, SyntaxNode Operand) : SyntaxNode(Start, End);

/// <summary><c>a op b</c> with the operator's offset.</summary>
internal sealed record BinarySyntax(int Start, int End, string Operator, int OperatorAt, SyntaxNode Left, SyntaxNode Right) : SyntaxNode(Start, End);

/// <summary><c>c ? a : b</c>.</summary>
internal sealed record ConditionalSyntax(int Start, int End, SyntaxNode Condition, SyntaxNode WhenTrue, SyntaxNode WhenFalse) : SyntaxNode(Start, End);

/// <summary><c>[a, b]</c>.</summary>
internal sealed record ListSyntax(int Start, int End, IReadOnlyList<SyntaxNode> Items) : SyntaxNode(Start, End);

/// <summary><c>{k: v, …}</c>.</summary>
internal sealed record MapSyntax(int Start, int End, IReadOnlyList<(SyntaxNode Key, SyntaxNode Value)> Entries) : SyntaxNode(Start, End);

/// <summary><c>target[key]</c>.</summary>
internal sealed record IndexSyntax(int Start, int End, SyntaxNode Target, SyntaxNode Key) : SyntaxNode(Start, End);
