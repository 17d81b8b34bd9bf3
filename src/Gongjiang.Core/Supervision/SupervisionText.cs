using System.Globalization;

namespace Gongjiang.Core.Supervision;

/// <summary>Formatting shared by the supervision rules: culture-invariant text and Chinese dates.</summary>
internal static class SupervisionText
{
    /// <summary>The shortest reason accepted for returning, passing up or withdrawing (as 撤回公示 in publications).</summary>
    public const int MinimumReasonLength = 5;

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>“2026年1月9日”.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>The text trimmed, or null when it is null or only white space.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Length in text elements, so that a CJK Extension B character counts as one character.</summary>
    public static int Length(string? text) => text is null ? 0 : new StringInfo(text.Trim()).LengthInTextElements;
}
