namespace Gongjiang.Web.Platform.Api;

/// <summary>Text written into a spreadsheet (CSV or XLSX) that a person will open in Excel or WPS.</summary>
public static class SpreadsheetText
{
    /// <summary>
    /// Defuses formula injection (OWASP “CSV Injection”): a cell that starts with = + - @ tab or CR is prefixed with an
    /// apostrophe, so the spreadsheet shows it as text instead of evaluating it.
    /// </summary>
    public static string Defuse(string? value)
    {
        value ??= "";
        return value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }
}
