using System.Text.RegularExpressions;

namespace Gongjiang.Web.Features.Policies.Shared;

/// <summary>Splits text into the names of the rule language (Latin identifiers, calls) and the Chinese around them.</summary>
public static partial class RuleTextParts
{
    public static IEnumerable<(string Part, bool IsCode)> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var last = 0;
        foreach (Match m in Identifier().Matches(text))
        {
            if (m.Index > last)
            {
                yield return (text[last..m.Index], false);
            }

            yield return (m.Value, true);
            last = m.Index + m.Length;
        }

        if (last < text.Length)
        {
            yield return (text[last..], false);
        }
    }

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_.\-]*(\([^)]*\))?")]
    private static partial Regex Identifier();
}
