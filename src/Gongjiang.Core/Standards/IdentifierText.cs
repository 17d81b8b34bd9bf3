using System.Text;

namespace Gongjiang.Core.Standards;

/// <summary>
/// Canonical form of an identifier typed or pasted by a person (身份证号、统一社会信用代码、手机号码 …),
/// applied before every identifier check in this namespace.
/// </summary>
/// <remarks>
/// <para>Invariants of the output of <see cref="Normalize"/>:</para>
/// <list type="bullet">
/// <item>It never contains whitespace (<see cref="char.IsWhiteSpace(char)"/>: spaces, tabs, line breaks, NBSP U+00A0,
/// ideographic space U+3000 …) nor the invisible zero-width characters that copy-and-paste from Word/Excel/web pages
/// leaves behind (U+200B, U+200C, U+200D, U+2060, U+FEFF).</item>
/// <item>It never contains full-width ASCII forms (U+FF01–U+FF5E, GB/T 2312/GB 18030 全角字符): each is replaced by its
/// half-width ASCII counterpart (U+0021–U+007E), e.g. “１”→“1”, “ｘ”→“X”, “－”→“-”.</item>
/// <item>It never contains lower-case ASCII letters: a–z are upper-cased (culture-invariant; non-ASCII letters are left alone).</item>
/// <item>Everything else, including hyphens and other punctuation, is kept as-is and in order; callers decide what is legal.</item>
/// <item>It is idempotent: <c>Normalize(Normalize(x)) == Normalize(x)</c>; null gives the empty string.</item>
/// </list>
/// </remarks>
public static class IdentifierText
{
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';
    private const int FullWidthOffset = 0xFEE0;

    /// <summary>Returns the canonical form of <paramref name="input"/> described on <see cref="IdentifierText"/>.</summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }

        if (IsAlreadyNormal(input))
        {
            return input;
        }

        var builder = new StringBuilder(input.Length);
        foreach (var original in input)
        {
            var c = original is >= FullWidthFirst and <= FullWidthLast ? (char)(original - FullWidthOffset) : original;
            if (IsRemovable(c))
            {
                continue;
            }

            builder.Append(char.IsAsciiLetterLower(c) ? (char)(c - ('a' - 'A')) : c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The text element starting at <paramref name="index"/> for quoting in an error message: the whole surrogate
    /// pair when a character outside the BMP (an emoji, a CJK Extension B ideograph …) starts there, else one char.
    /// </summary>
    internal static string CharacterAt(string text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? text.Substring(index, 2)
            : text.Substring(index, 1);

    private static bool IsAlreadyNormal(string input)
    {
        foreach (var c in input)
        {
            if (c is >= FullWidthFirst and <= FullWidthLast || IsRemovable(c) || char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsRemovable(char c) =>
        char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';
}
