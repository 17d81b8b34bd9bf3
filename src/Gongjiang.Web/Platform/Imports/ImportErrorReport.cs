using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Export;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Platform.Imports;

/// <summary>
/// The downloadable error report of an import (错误报告): one line per <see cref="ImportProblem"/> — 行号, 列, 值,
/// 原因, 类型 (错误, 重复 or 文件错误) — written by the export writer (<see cref="SpreadsheetWriter"/>: streamed, text
/// cells defused against formula injection). Values are masked: any citizen ID or mobile number inside a value is
/// masked as in the audit log (GB/T 35273), unless the caller gives its own masking.
/// </summary>
/// <remarks>The caller audits the download (<c>AuditActions.Export</c>) before returning the result.</remarks>
public static class ImportErrorReport
{
    /// <summary>The report's sheet name and the stem of its default file name.</summary>
    public const string Title = "错误报告";

    /// <summary>The report as a sheet of a download.</summary>
    /// <param name="problems">The problems in report order (file-level first, then by row, is usual).</param>
    /// <param name="mask">Masks a value given its column header; null masks ID and mobile numbers anywhere in the value.</param>
    public static ExportSheet Sheet(IAsyncEnumerable<ImportProblem> problems, Func<string, string?, string?>? mask = null) =>
        Table(mask ?? DefaultMask).Sheet(Title, problems);

    /// <inheritdoc cref="Sheet(IAsyncEnumerable{ImportProblem}, Func{string, string?, string?}?)"/>
    public static ExportSheet Sheet(IEnumerable<ImportProblem> problems, Func<string, string?, string?>? mask = null) =>
        Table(mask ?? DefaultMask).Sheet(Title, problems);

    /// <summary>An endpoint result downloading the report as CSV (UTF-8 with BOM) or XLSX.</summary>
    public static PushStreamHttpResult Download(
        ExportFormat format, IAsyncEnumerable<ImportProblem> problems, string fileName, CancellationToken ct, Func<string, string?, string?>? mask = null) =>
        format == ExportFormat.Xlsx ? TableDownload.Xlsx([Sheet(problems, mask)], fileName, ct) : TableDownload.Csv(Sheet(problems, mask), fileName, ct);

    /// <inheritdoc cref="Download(ExportFormat, IAsyncEnumerable{ImportProblem}, string, CancellationToken, Func{string, string?, string?}?)"/>
    public static PushStreamHttpResult Download(
        ExportFormat format, IEnumerable<ImportProblem> problems, string fileName, CancellationToken ct, Func<string, string?, string?>? mask = null) =>
        Download(format, SpreadsheetWriter.Async(problems, ct), fileName, ct, mask);

    /// <summary>Writes the report as CSV (UTF-8 with BOM) to <paramref name="output"/>.</summary>
    public static Task WriteCsvAsync(Stream output, IEnumerable<ImportProblem> problems, CancellationToken ct, Func<string, string?, string?>? mask = null) =>
        SpreadsheetWriter.WriteCsvAsync(output, Sheet(problems, mask), ct);

    /// <summary>Writes the report as a one-sheet XLSX workbook to <paramref name="output"/>.</summary>
    public static Task WriteXlsxAsync(Stream output, IEnumerable<ImportProblem> problems, CancellationToken ct, Func<string, string?, string?>? mask = null) =>
        SpreadsheetWriter.WriteXlsxAsync(output, [Sheet(problems, mask)], ct);

    private static string? DefaultMask(string column, string? value) => AuditNames.MaskPersonalData(value);

    private static TableExport<ImportProblem> Table(Func<string, string?, string?> mask) => new(
        new("行号", p => p.RowNumber),
        new("列", p => p.Column),
        new("值", p => p.RowNumber is null ? null : mask(p.Column, p.Value)),
        new("原因", p => p.Message),
        new("类型", p => p.RowNumber is null ? "文件错误" : p.IsDuplicate ? "重复" : "错误"));
}
