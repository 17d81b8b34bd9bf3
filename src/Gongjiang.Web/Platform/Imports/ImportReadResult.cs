using System.Diagnostics.CodeAnalysis;

namespace Gongjiang.Web.Platform.Imports;

/// <summary>
/// What <see cref="ImportFileReader.Open"/> made of a file: either a file-level <see cref="Error"/> in Chinese, or the
/// located header and the lazily read <see cref="Rows"/>. Holds a temporary copy of the upload until disposed.
/// </summary>
public sealed class ImportReadResult : IDisposable
{
    public const string CsvFormat = "CSV";
    public const string XlsxFormat = "XLSX";

    private static readonly IReadOnlyDictionary<string, ImportMatchedColumn> NoColumns =
        new Dictionary<string, ImportMatchedColumn>(StringComparer.Ordinal);

    private readonly RowPipeline? _pipeline;
    private readonly IDisposable? _upload;
    private bool _disposed;

    private ImportReadResult(string error)
    {
        Error = error;
        Columns = NoColumns;
        IgnoredHeaders = [];
        DuplicateHeaders = [];
    }

    internal ImportReadResult(
        string format, string? encodingName, char? delimiter, HeaderLocation header, RowPipeline pipeline, IDisposable upload)
    {
        Format = format;
        Encoding = encodingName;
        Delimiter = delimiter;
        HeaderRowNumber = header.HeaderRowNumber;
        HeaderRowCount = header.HeaderRowCount;
        Columns = header.Columns.ToDictionary(column => column.Key, StringComparer.Ordinal);
        IgnoredHeaders = header.IgnoredHeaders;
        DuplicateHeaders = header.Duplicates;
        _pipeline = pipeline;
        _upload = upload;
    }

    /// <summary>Why the file cannot be imported at all, in Chinese; null when it can be read.</summary>
    public string? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    [MemberNotNullWhen(true, nameof(Format))]
    public bool Succeeded => Error is null;

    /// <summary>"CSV" or "XLSX" (<see cref="CsvFormat"/>, <see cref="XlsxFormat"/>), detected from the content.</summary>
    public string? Format { get; }

    /// <summary>For CSV: "UTF-8", "GBK", "GB18030", "UTF-16LE" or "UTF-16BE"; null for XLSX.</summary>
    public string? Encoding { get; }

    /// <summary>For CSV: the field delimiter found (',', '\t' or ';'); null for XLSX.</summary>
    public char? Delimiter { get; }

    /// <summary>The 1-based row of the header (the upper one of a two-row header).</summary>
    public int HeaderRowNumber { get; }

    /// <summary>1, or 2 when a second header row under merged group labels completed the first.</summary>
    public int HeaderRowCount { get; }

    /// <summary>The matched columns by <see cref="ImportColumn.Key"/>.</summary>
    public IReadOnlyDictionary<string, ImportMatchedColumn> Columns { get; }

    /// <summary>Header texts that name no known column; their cells are not read.</summary>
    public IReadOnlyList<string> IgnoredHeaders { get; }

    /// <summary>Columns whose header repeats an already matched column; their cells are not read.</summary>
    public IReadOnlyList<ImportDuplicateHeader> DuplicateHeaders { get; }

    /// <summary>
    /// The non-empty data rows below the header, read lazily from the file as enumerated; can be enumerated once. When
    /// reading has to stop early the last row has <see cref="ImportRow.FileError"/> set. Empty when <see cref="Error"/>.
    /// </summary>
    public IEnumerable<ImportRow> Rows => _pipeline?.Rows ?? [];

    internal static ImportReadResult Failure(string error) => new(error);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _pipeline?.Dispose();
        _upload?.Dispose();
    }
}

/// <summary>The data rows after the header: buffered ones first, then the rest of the file, converted and bounded.</summary>
internal sealed class RowPipeline : IDisposable
{
    private readonly IEnumerator<RawRow> _source;
    private readonly Queue<RawRow> _buffered;
    private readonly RowConverter _converter;
    private readonly int _maxRows;
    private readonly Func<int, string> _damaged;
    private bool _started;

    public RowPipeline(IEnumerator<RawRow> source, Queue<RawRow> buffered, RowConverter converter, int maxRows, Func<int, string> damaged)
    {
        _source = source;
        _buffered = buffered;
        _converter = converter;
        _maxRows = maxRows;
        _damaged = damaged;
        Rows = Iterate();
    }

    public IEnumerable<ImportRow> Rows { get; }

    public void Dispose() => _source.Dispose();

    private IEnumerable<ImportRow> Iterate()
    {
        if (_started)
        {
            throw new InvalidOperationException("The rows of an import file can be enumerated only once.");
        }

        _started = true;
        var count = 0;
        var lastRowNumber = 0;
        while (true)
        {
            RawRow? raw;
            if (_buffered.Count > 0)
            {
                raw = _buffered.Dequeue();
            }
            else if (!TryNext(out raw))
            {
                yield return ImportRow.Failure(lastRowNumber + 1, _damaged(lastRowNumber + 1));
                yield break;
            }

            if (raw is null)
            {
                yield break;
            }

            lastRowNumber = raw.RowNumber;
            if (!_converter.HasContent(raw))
            {
                continue;
            }

            if (++count > _maxRows)
            {
                yield return ImportRow.Failure(
                    raw.RowNumber,
                    $"数据行数超过上限 {_maxRows} 行，已在第 {raw.RowNumber} 行停止读取，请拆分为多个文件分批导入");
                yield break;
            }

            yield return _converter.Convert(raw);
        }
    }

    /// <summary>False when the file could not be read further; <paramref name="raw"/> null at its end.</summary>
    private bool TryNext(out RawRow? raw)
    {
        try
        {
            raw = _source.MoveNext() ? _source.Current : null;
            return true;
        }
        catch (Exception exception) when (ImportFileReader.IsReadFailure(exception))
        {
            raw = null;
            return false;
        }
    }
}
