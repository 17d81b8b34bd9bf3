using System.Text;

namespace Gongjiang.Web.Platform.Imports;

/// <summary>
/// The reading stage of an import: from an uploaded table described by an <see cref="ImportSchema"/> (CSV in UTF-8,
/// GBK or GB18030, or XLSX) to a located header and a stream of rows by column key — or a clear Chinese reason why not.
/// Modules usually call <see cref="TabularImport"/>, which wraps this.
/// </summary>
/// <remarks>
/// The format is told from the content (a ZIP holding an Excel workbook is XLSX; other text is CSV), never from the
/// name. The upload is copied to a temporary file deleted on <see cref="ImportReadResult.Dispose"/>; rows are read
/// from it lazily, so memory does not grow with the file.
/// </remarks>
public static class ImportFileReader
{
    private static int _encodingsRegistered;

    /// <summary>Reads <paramref name="content"/> synchronously (an <c>IFormFile</c> stream; not a raw request body).</summary>
    public static ImportReadResult Open(Stream content, string? fileName, ImportSchema schema, ImportReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        if (Precheck(schema, options) is { } invalid)
        {
            return ImportReadResult.Failure(invalid);
        }

        var upload = TempUpload.Create(content, options.MaxBytes, out var error);
        return upload is null ? ImportReadResult.Failure(error!) : Read(upload, fileName, schema, options);
    }

    /// <summary>As <see cref="Open"/>, copying the upload asynchronously (safe on a request body).</summary>
    public static async Task<ImportReadResult> OpenAsync(
        Stream content, string? fileName, ImportSchema schema, ImportReadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        if (Precheck(schema, options) is { } invalid)
        {
            return ImportReadResult.Failure(invalid);
        }

        var (upload, error) = await TempUpload.CreateAsync(content, options.MaxBytes, cancellationToken);
        return upload is null ? ImportReadResult.Failure(error!) : Read(upload, fileName, schema, options);
    }

    /// <summary>Reads an upload already copied to a temporary file (which the result then owns and deletes).</summary>
    internal static ImportReadResult OpenUpload(TempUpload upload, string? fileName, ImportSchema schema, ImportReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(options);
        if (Precheck(schema, options) is { } invalid)
        {
            upload.Dispose();
            return ImportReadResult.Failure(invalid);
        }

        return Read(upload, fileName, schema, options);
    }

    /// <summary>Failures of reading a damaged or hostile file, as opposed to bugs and resource exhaustion.</summary>
    internal static bool IsReadFailure(Exception exception) =>
        exception is not (OutOfMemoryException or StackOverflowException or OperationCanceledException or ObjectDisposedException);

    private static string? Precheck(ImportSchema schema, ImportReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(schema);

        if (options.MaxBytes <= 0 || options.MaxRows <= 0 || options.MaxXlsxUncompressedBytes <= 0 || options.MaxXlsxCompressionRatio <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Import limits must be positive.");
        }

        if (Interlocked.Exchange(ref _encodingsRegistered, 1) == 0)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        }

        return CsvEncodingDetector.ValidateRequested(options.Encoding);
    }

    private static ImportReadResult Read(TempUpload upload, string? fileName, ImportSchema schema, ImportReadOptions options)
    {
        IEnumerator<RawRow>? source = null;
        var handedOver = false;
        try
        {
            var format = FileSniffer.Sniff(upload, fileName, out var error);
            if (format is null)
            {
                return ImportReadResult.Failure(error!);
            }

            string? encodingName = null;
            char? delimiter = null;
            IEnumerable<RawRow> rows;
            Func<int, string> damaged;
            if (format == SniffedFormat.Csv)
            {
                CsvEncoding? encoding;
                using (var file = upload.OpenRead())
                {
                    encoding = CsvEncodingDetector.Detect(file, options.Encoding, out error);
                }

                if (encoding is null)
                {
                    return ImportReadResult.Failure(error!);
                }

                encodingName = encoding.Name;
                delimiter = CsvSource.DetectDelimiter(upload, encoding, schema);
                rows = CsvSource.Read(upload, encoding, delimiter.Value);
                damaged = row => $"从第 {row} 行起的内容无法读取（可能有未闭合的引号，或一行内容超过约 400 万个字符），请检查该行后重新导入";
            }
            else
            {
                var sheet = XlsxSource.Inspect(upload, options, out error);
                if (sheet is null)
                {
                    return ImportReadResult.Failure(error!);
                }

                rows = XlsxSource.Read(upload, sheet);
                damaged = row => $"XLSX 文件从第 {row} 行起的内容已损坏，无法继续读取，请用 Excel 打开后重新另存为 .xlsx";
            }

            source = rows.GetEnumerator();
            var first = new List<RawRow>();
            var ended = false;
            if (!TryRead(source, first, HeaderLocator.ScanRows + 1, ref ended))
            {
                return ImportReadResult.Failure(damaged(first.Count == 0 ? 1 : first[^1].RowNumber + 1));
            }

            var header = HeaderLocator.Locate(first, ended, schema, options.OtherSchemas, out error);
            if (header is null)
            {
                return ImportReadResult.Failure(error!);
            }

            var converter = new RowConverter(header.Columns, schema);
            var buffered = new Queue<RawRow>(first.Where(row => row.RowNumber > header.LastHeaderRowNumber && converter.HasContent(row)));
            if (buffered.Count == 0 && !ended && !TryRead(source, converter, buffered, ref ended))
            {
                return ImportReadResult.Failure(damaged(header.LastHeaderRowNumber + 1));
            }

            if (buffered.Count == 0)
            {
                var rowsText = header.HeaderRowCount == 1
                    ? $"第 {header.HeaderRowNumber} 行"
                    : $"第 {header.HeaderRowNumber}–{header.LastHeaderRowNumber} 行";
                return ImportReadResult.Failure($"文件只有表头（{rowsText}），没有数据行");
            }

            var pipeline = new RowPipeline(source, buffered, converter, options.MaxRows, damaged);
            var formatName = format == SniffedFormat.Csv ? ImportReadResult.CsvFormat : ImportReadResult.XlsxFormat;
            handedOver = true;
            return new ImportReadResult(formatName, encodingName, delimiter, header, pipeline, upload);
        }
        finally
        {
            if (!handedOver)
            {
                source?.Dispose();
                upload.Dispose();
            }
        }
    }

    /// <summary>
    /// Reads the rows up to the one numbered <paramref name="lastRowNumber"/> into <paramref name="into"/>; false when
    /// the file turned out unreadable.
    /// </summary>
    private static bool TryRead(IEnumerator<RawRow> source, List<RawRow> into, int lastRowNumber, ref bool ended)
    {
        try
        {
            while (source.MoveNext())
            {
                into.Add(source.Current);
                if (source.Current.RowNumber >= lastRowNumber)
                {
                    return true;
                }
            }

            ended = true;
            return true;
        }
        catch (Exception exception) when (IsReadFailure(exception))
        {
            return false;
        }
    }

    /// <summary>Reads on to the first row with content, queued in <paramref name="into"/>; false when unreadable.</summary>
    private static bool TryRead(IEnumerator<RawRow> source, RowConverter converter, Queue<RawRow> into, ref bool ended)
    {
        try
        {
            while (source.MoveNext())
            {
                if (converter.HasContent(source.Current))
                {
                    into.Enqueue(source.Current);
                    return true;
                }
            }

            ended = true;
            return true;
        }
        catch (Exception exception) when (IsReadFailure(exception))
        {
            return false;
        }
    }
}
