using System.Globalization;
using System.Text;
using Gongjiang.Core.Standards;

namespace Gongjiang.Web.Platform.Imports;

/// <summary>How cell values become the text handed to the caller, and how header text is compared.</summary>
internal static class CellText
{
    /// <summary>Excel's serial day numbers that are plausible dates: 1900-01-01 up to 9999-12-31.</summary>
    private const double FirstOADate = 1;
    private const double LastOADate = 2_958_466;

    public static bool IsBlank(string text)
    {
        foreach (var c in text)
        {
            if (!IsTrimmable(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Trims whitespace (including U+3000 and NBSP) and zero-width characters; null when nothing is left.</summary>
    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var start = 0;
        var end = text.Length;
        while (start < end && IsTrimmable(text[start]))
        {
            start++;
        }

        while (end > start && IsTrimmable(text[end - 1]))
        {
            end--;
        }

        return start == end ? null : start == 0 && end == text.Length ? text : text[start..end];
    }

    /// <summary>The text of a value without knowledge of its column (header detection, ignored columns).</summary>
    public static string? ToText(object? value) => value switch
    {
        null => null,
        string text => Clean(text),
        double number => FormatNumber(number),
        DateTime date => FormatDate(date),
        bool flag => flag ? "是" : "否",
        IFormattable formattable => Clean(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => Clean(value.ToString()),
    };

    /// <summary>
    /// Invariant text of a number: integers without ".0" or an exponent (long ones as Excel shows them, 15 significant
    /// digits), fractions round-trip.
    /// </summary>
    public static string FormatNumber(double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        if (Math.Floor(number) == number)
        {
            if (Math.Abs(number) < 1e15)
            {
                return ((long)number).ToString(CultureInfo.InvariantCulture);
            }

            // Excel keeps 15 significant digits and shows zeros after them: 110101198003070028 → 110101198003070000.
            if (Math.Abs(number) < 1e28)
            {
                return decimal.Parse(number.ToString("E14", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture)
                    .ToString("F0", CultureInfo.InvariantCulture);
            }
        }

        return number.ToString("R", CultureInfo.InvariantCulture);
    }

    public static string FormatDate(DateTime date) =>
        date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>An Excel serial day number as "yyyy-MM-dd", or null when it cannot be a date.</summary>
    public static string? FormatOADate(double serial)
    {
        if (serial < FirstOADate || serial >= LastOADate || double.IsNaN(serial))
        {
            return null;
        }

        return DateTime.FromOADate(Math.Floor(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A header as compared with <see cref="ImportColumn.Aliases"/>: without whitespace (also U+3000 and line breaks),
    /// full-width forms made half-width, ASCII upper-cased, and the marks * ( ) : removed.
    /// </summary>
    public static string NormalizeHeader(string? text)
    {
        var normal = IdentifierText.Normalize(text);
        if (normal.AsSpan().IndexOfAny("*():") < 0)
        {
            return normal;
        }

        var builder = new StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            if (c is not ('*' or '(' or ')' or ':'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsTrimmable(char c) =>
        char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';
}
