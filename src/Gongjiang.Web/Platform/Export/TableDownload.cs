using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Platform.Export;

/// <summary>
/// Endpoint results that stream a table to the response as it is written (200, the format's content type, a Chinese
/// file name sent as RFC 6266 / RFC 5987 <c>filename*=UTF-8''…</c> with an ASCII fallback). The caller audits the
/// download before returning the result; rows are read while the response is written, so a query behind
/// <c>IAsyncEnumerable</c> stays open for that time.
/// </summary>
public static class TableDownload
{
    /// <summary>The rows of <paramref name="table"/> in <paramref name="format"/>, the worksheet named <paramref name="sheetName"/>.</summary>
    public static PushStreamHttpResult File<T>(ExportFormat format, TableExport<T> table, IAsyncEnumerable<T> rows, string fileName, string sheetName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        return format switch
        {
            ExportFormat.Csv => Csv(table.Sheet(sheetName, rows), fileName, ct),
            ExportFormat.Xlsx => Xlsx([table.Sheet(sheetName, rows)], fileName, ct),
        };
    }

    /// <inheritdoc cref="File{T}(ExportFormat, TableExport{T}, IAsyncEnumerable{T}, string, string, CancellationToken)"/>
    public static PushStreamHttpResult File<T>(ExportFormat format, TableExport<T> table, IEnumerable<T> rows, string fileName, string sheetName, CancellationToken ct) =>
        File(format, table, SpreadsheetWriter.Async(rows, ct), fileName, sheetName, ct);

    /// <summary>One sheet as CSV (UTF-8 with BOM).</summary>
    public static PushStreamHttpResult Csv(ExportSheet sheet, string fileName, CancellationToken ct) =>
        TypedResults.Stream(body => SpreadsheetWriter.WriteCsvAsync(body, sheet, ct), SpreadsheetWriter.CsvContentType, fileName);

    /// <summary>Sheets as one XLSX workbook.</summary>
    public static PushStreamHttpResult Xlsx(IReadOnlyList<ExportSheet> sheets, string fileName, CancellationToken ct) =>
        TypedResults.Stream(body => SpreadsheetWriter.WriteXlsxAsync(body, sheets, ct), SpreadsheetWriter.XlsxContentType, fileName);
}
