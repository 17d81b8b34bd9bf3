namespace Gongjiang.Web.Platform.Imports;

/// <summary>Limits and choices for <see cref="ImportFileReader"/>.</summary>
public sealed record ImportReadOptions
{
    /// <summary>The defaults: automatic encoding, 512 MB, 4 GB unpacked XLSX, ratio 100, two million rows.</summary>
    public static ImportReadOptions Default { get; } = new();

    /// <summary>
    /// The encoding of a CSV file as chosen by the user: null (or "auto") detects it; "utf-8", "gbk" or "gb18030" forces
    /// it. A byte order mark in the file always wins.
    /// </summary>
    public string? Encoding { get; init; }

    /// <summary>
    /// The largest accepted upload in bytes: a million-row registry roster is about 260 MB as CSV and 220 MB as XLSX. The upload
    /// is copied to a temporary file and read as a stream, so the size costs disk, not memory.
    /// </summary>
    public long MaxBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>
    /// The largest accepted total of the declared unpacked sizes of an XLSX file's entries: a sheet of a million rows
    /// unpacks to about 1.4 GB. Read as a stream, never held; the compression ratio below is what catches a zip bomb.
    /// </summary>
    public long MaxXlsxUncompressedBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>The largest accepted unpacked/packed ratio of one XLSX entry of at least 1 MB unpacked.</summary>
    public int MaxXlsxCompressionRatio { get; init; } = 100;

    /// <summary>The most non-empty data rows read; beyond it reading stops with a file-level error row.</summary>
    public int MaxRows { get; init; } = 2_000_000;

    /// <summary>
    /// The other kinds of file the same page imports (the schema being read may be among them): when a file lacks
    /// required columns but has all those of one of these, the error adds "该文件看起来是…，请在“…”导入中上传".
    /// </summary>
    public IReadOnlyList<ImportSchema> OtherSchemas { get; init; } = [];
}
