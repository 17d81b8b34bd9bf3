namespace Gongjiang.Web.Platform.Export;

/// <summary>The file formats a table downloads as.</summary>
public enum ExportFormat
{
    /// <summary>RFC 4180 text, UTF-8 with a byte order mark so that Excel and WPS read the Chinese.</summary>
    Csv = 1,

    /// <summary>An Office Open XML workbook (ECMA-376), one worksheet per sheet.</summary>
    Xlsx = 2,
}

/// <summary>
/// One sheet of a download: its name (the worksheet's tab in XLSX), the Chinese headers, and the rows read as they are
/// written. A cell is a <see cref="string"/> (written as text, defused against formula injection), a number (written as
/// a number), a <see cref="DateOnly"/> (written as text yyyy-MM-dd) or null (empty).
/// </summary>
public sealed record ExportSheet(string Name, IReadOnlyList<string> Headers, IAsyncEnumerable<IReadOnlyList<object?>> Rows);
