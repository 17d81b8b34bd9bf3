using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Security;
using System.Text;
using Gongjiang.Web.Platform.Api;

namespace Gongjiang.Web.Platform.Export;

/// <summary>
/// Writes sheets as CSV or XLSX straight to a stream (the response body): rows are read one at a time and written in
/// buffered chunks with asynchronous I/O only, so a download of a million rows holds one buffer, not the file. Every text
/// cell goes through <see cref="SpreadsheetText.Defuse"/> (OWASP “CSV Injection”), in both formats.
/// </summary>
public static class SpreadsheetWriter
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel's limit on the characters of one cell; longer text is cut there.</summary>
    public const int MaxCellLength = 32767;

    private const int BufferSize = 64 * 1024;
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// RFC 4180 CSV in UTF-8 with a byte order mark: the header line (quoted only where needed), then one line per row,
    /// lines ended by CRLF. Text cells are always quoted (so leading zeros and the defusing apostrophe survive), numbers
    /// are not, empty cells are <c>""</c>.
    /// </summary>
    public static async Task WriteCsvAsync(Stream output, ExportSheet sheet, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheet);
        // The byte order mark is written here, once: a StreamWriter decides whether to write it from the stream's position.
        await output.WriteAsync(Utf8WithBom.Preamble.ToArray(), ct).ConfigureAwait(false);
        var writer = new StreamWriter(output, Utf8, BufferSize, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            var line = new StringBuilder();
            AppendLine(line, sheet.Headers.Select(h => (object?)h), header: true);
            await writer.WriteAsync(line, ct).ConfigureAwait(false);
            await foreach (var row in sheet.Rows.WithCancellation(ct).ConfigureAwait(false))
            {
                line.Clear();
                AppendLine(line, row, header: false);
                await writer.WriteAsync(line, ct).ConfigureAwait(false);
            }

            await writer.FlushAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>One CSV field holding a text: defused, then quoted with inner quotes doubled.</summary>
    public static string CsvText(string? value) => "\"" + SpreadsheetText.Defuse(value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// An XLSX workbook with one worksheet per sheet, in the order given: the header row, then the rows. Text is written
    /// as inline strings (no shared-string table to hold in memory), numbers as numbers, no formulas ever. Sheet names
    /// follow Excel's rules (at most 31 characters, none of : \ / ? * [ ], unique).
    /// </summary>
    public static async Task WriteXlsxAsync(Stream output, IReadOnlyList<ExportSheet> sheets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0)
        {
            throw new ArgumentException("A workbook has at least one sheet.", nameof(sheets));
        }

        var names = new List<string>();
        foreach (var sheet in sheets)
        {
            names.Add(SheetName(sheet.Name, names));
        }

        // ZipArchive writes synchronously (even its asynchronous API, when an entry closes), and a response body refuses
        // synchronous writes: the archive writes into a buffer that is sent asynchronously whenever it holds a chunk.
        using var buffer = new DrainingBuffer(output);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", ContentTypes(sheets.Count));
            Part(zip, "_rels/.rels", RootRelationships);
            Part(zip, "xl/workbook.xml", Workbook(names));
            Part(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships(sheets.Count));
            Part(zip, "xl/styles.xml", Styles);
            for (var i = 0; i < sheets.Count; i++)
            {
                await WorksheetAsync(zip, buffer, $"xl/worksheets/sheet{i + 1}.xml", sheets[i], ct).ConfigureAwait(false);
                await buffer.DrainAsync(ct).ConfigureAwait(false);
            }
        }

        await buffer.DrainAsync(ct).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Rows already in memory as the asynchronous sequence the writer reads.</summary>
    public static async IAsyncEnumerable<T> Async<T>(IEnumerable<T> rows, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            yield return row;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static void AppendLine(StringBuilder line, IEnumerable<object?> cells, bool header)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                line.Append(',');
            }

            first = false;
            if (header)
            {
                var text = SpreadsheetText.Defuse(cell as string);
                line.Append(text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? CsvText(text) : text);
            }
            else if (Number(cell) is { } number)
            {
                line.Append(number);
            }
            else
            {
                line.Append(CsvText(Text(cell)));
            }
        }

        line.Append("\r\n");
    }

    /// <summary>A cell's number in invariant form, or null when the cell is not a number.</summary>
    private static string? Number(object? cell) => cell switch
    {
        int or long or short or byte or uint or ulong or ushort or sbyte or decimal => Convert.ToString(cell, CultureInfo.InvariantCulture),
        double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
        float f when float.IsFinite(f) => f.ToString("R", CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>A cell's text before defusing: dates as yyyy-MM-dd, anything else in its invariant form.</summary>
    private static string? Text(object? cell) => cell switch
    {
        null => null,
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Utf8.GetBytes(xml));
    }

    private static async Task WorksheetAsync(ZipArchive zip, DrainingBuffer buffer, string name, ExportSheet sheet, CancellationToken ct)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = new StreamWriter(stream, Utf8, BufferSize, leaveOpen: true);
        var xml = new StringBuilder();
        xml.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""")
            .Append("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""")
            .Append("""<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>""")
            .Append("<sheetData>");
        AppendRow(xml, 1, sheet.Headers.Select(h => (object?)h), style: 1);
        var rowNumber = 1;
        await foreach (var row in sheet.Rows.WithCancellation(ct).ConfigureAwait(false))
        {
            AppendRow(xml, ++rowNumber, row, style: 0);
            writer.Write(xml);
            xml.Clear();
            if (buffer.Buffered >= BufferSize)
            {
                await buffer.DrainAsync(ct).ConfigureAwait(false);
            }
        }

        xml.Append("</sheetData></worksheet>");
        writer.Write(xml);
    }

    private static void AppendRow(StringBuilder xml, int rowNumber, IEnumerable<object?> cells, int style)
    {
        var r = rowNumber.ToString(CultureInfo.InvariantCulture);
        xml.Append("<row r=\"").Append(r).Append("\">");
        var column = 0;
        foreach (var cell in cells)
        {
            var reference = ColumnName(column++) + r;
            var styleAttribute = style == 0 ? "" : $" s=\"{style.ToString(CultureInfo.InvariantCulture)}\"";
            if (Number(cell) is { } number)
            {
                xml.Append("<c r=\"").Append(reference).Append('"').Append(styleAttribute).Append("><v>").Append(number).Append("</v></c>");
            }
            else if (Text(cell) is { Length: > 0 } text)
            {
                var defused = SpreadsheetText.Defuse(XmlSafe(text));
                if (defused.Length > MaxCellLength)
                {
                    defused = defused[..MaxCellLength];
                }

                xml.Append("<c r=\"").Append(reference).Append('"').Append(styleAttribute).Append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                    .Append(XmlText(defused)).Append("</t></is></c>");
            }
        }

        xml.Append("</row>");
    }

    /// <summary>Escapes text for an XML element; a carriage return as a character reference, which XML would otherwise read as a line feed.</summary>
    private static string XmlText(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\r", "&#13;", StringComparison.Ordinal);

    /// <summary>Drops the characters XML 1.0 cannot carry (control characters other than tab, CR and LF; lone surrogates).</summary>
    private static string XmlSafe(string text)
    {
        if (!text.Any(c => !IsXmlChar(c)))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(c).Append(text[++i]);
            }
            else if (IsXmlChar(c) && !char.IsSurrogate(c))
            {
                safe.Append(c);
            }
        }

        return safe.ToString();
    }

    private static bool IsXmlChar(char c) => c is '\t' or '\n' or '\r' || (c >= ' ' && c is not ('\uFFFE' or '\uFFFF'));

    /// <summary>A, B, …, Z, AA, AB, … for a zero-based column index.</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Excel's sheet names: at most 31 characters, none of : \ / ? * [ ], not empty, unique.</summary>
    internal static string SheetName(string name, IReadOnlyCollection<string> taken)
    {
        var clean = new string([.. (name ?? "").Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']') && !char.IsControl(c))]).Trim('\'');
        clean = clean.Length == 0 ? "Sheet" + (taken.Count + 1).ToString(CultureInfo.InvariantCulture) : clean;
        clean = clean.Length > 31 ? clean[..31] : clean;
        var unique = clean;
        for (var i = 2; taken.Contains(unique, StringComparer.OrdinalIgnoreCase); i++)
        {
            unique = clean[..Math.Min(clean.Length, 27)] + "(" + i.ToString(CultureInfo.InvariantCulture) + ")";
        }

        return unique;
    }

    private static string ContentTypes(int sheets)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">""")
            .Append("""<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>""")
            .Append("""<Default Extension="xml" ContentType="application/xml"/>""")
            .Append("""<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""")
            .Append("""<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (var i = 1; i <= sheets; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        }

        return xml.Append("</Types>").ToString();
    }

    private const string RootRelationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
        + """<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";

    private static string Workbook(List<string> names)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""")
            .Append("""<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>""");
        for (var i = 0; i < names.Count; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""<sheet name="{SecurityElement.Escape(names[i])}" sheetId="{i + 1}" r:id="rId{i + 1}"/>""");
        }

        return xml.Append("</sheets></workbook>").ToString();
    }

    private static string WorkbookRelationships(int sheets)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (var i = 1; i <= sheets; i++)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>""");
        }

        xml.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{sheets + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""");
        return xml.Append("</Relationships>").ToString();
    }

    /// <summary>Two cell formats: 0 plain, 1 the bold header.</summary>
    private const string Styles =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"""
        + """<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>"""
        + """<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"""
        + """<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"""
        + """<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"""
        + """<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"""
        + """<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""";

    /// <summary>
    /// Collects what a synchronous writer writes and sends it to the real stream asynchronously when asked; reports
    /// itself unseekable so that the archive streams its entries (sizes in data descriptors) instead of seeking back.
    /// </summary>
    private sealed class DrainingBuffer(Stream output) : Stream
    {
        private readonly MemoryStream _pending = new();
        private long _written;

        public long Buffered => _pending.Length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _written; set => throw new NotSupportedException(); }

        public async Task DrainAsync(CancellationToken ct)
        {
            if (_pending.Length == 0)
            {
                return;
            }

            await output.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct).ConfigureAwait(false);
            _pending.SetLength(0);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _pending.Write(buffer);
            _written += buffer.Length;
        }

        public override void Flush()
        {
            // Sent by DrainAsync.
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _pending.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
