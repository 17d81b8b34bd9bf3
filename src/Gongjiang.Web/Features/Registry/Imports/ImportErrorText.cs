using Gongjiang.Core.Standards;
using Gongjiang.Web.Platform.Audit;

namespace Gongjiang.Web.Features.Registry.Imports;

/// <summary>
/// The value of a problem cell as the error table, the error report and the API show it. A mistyped ID number or
/// mobile number is still personal data (GB/T 35273): those columns are masked like stored numbers, and any ID or
/// mobile number inside another value too. The row number and the reason say what to fix in the original file.
/// </summary>
public static class ImportErrorText
{
    public static string? Mask(string column, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        if (column == ImportColumns.IdNumber.Header)
        {
            return CitizenIdNumber.Mask(value);
        }

        if (column == ImportColumns.Mobile.Header)
        {
            var text = IdentifierText.Normalize(value);
            return text.Length < 7 ? new string('*', text.Length) : string.Concat(text.AsSpan(0, 3), new string('*', text.Length - 5), text.AsSpan(text.Length - 2));
        }

        return AuditNames.MaskPersonalData(value);
    }
}
