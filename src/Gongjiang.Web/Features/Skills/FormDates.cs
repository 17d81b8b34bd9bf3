using System.Globalization;

namespace Gongjiang.Web.Features.Skills;

/// <summary>Dates from HTML date inputs (yyyy-MM-dd); null when empty or malformed (the use case names the field).</summary>
internal static class FormDates
{
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string Chinese(DateOnly? date) => date is { } d ? d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : "—";
}
