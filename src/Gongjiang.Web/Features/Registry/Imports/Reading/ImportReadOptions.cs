namespace Gongjiang.Web.Features.Registry.Imports.Reading;

/// <summary>Limits and choices for <see cref="ImportFileReader"/>.</summary>
public sealed record ImportReadOptions
{
    /// <summary>The defaults: automatic encoding, 150 MB, 1 GB unpacked XLSX, ratio 100, two million rows.</summary>
    public static ImportReadOptions Default { get; } = new();

    /// <summary>
    /// The encoding of a CSV file as chosen by the user: null (or "auto") detects it; "utf-8", "gbk" or "gb18030" forces
    /// it. A byte order mark in the file always wins.
    /// </summary>
    public string? Encoding { get; init; }

    /// <summary>The largest accepted upload in bytes.</summary>
    public long MaxBytes { get; init; } = 150L * 1024 * 1024;

    /// <summary>The largest accepted total of the declared unpacked sizes of an XLSX file's entries.</summary>
    public long MaxXlsxUncompressedBytes { get; init; } = 1L * 1024 * 1024 * 1024;

    /// <summary>The largest accepted unpacked/packed ratio of one XLSX entry of at least 1 MB unpacked.</summary>
    public int MaxXlsxCompressionRatio { get; init; } = 100;

    /// <summary>The most non-empty data rows read; beyond it reading stops with a file-level error row.</summary>
    public int MaxRows { get; init; } = 2_000_000;
}
