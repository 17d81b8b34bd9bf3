using System.Globalization;
using System.IO.Compression;
using System.Xml;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Gongjiang.Web.Platform.Imports;

/// <summary>A merged range: rows 1-based, columns 0-based, inclusive.</summary>
internal readonly record struct MergeRange(int Top, int Left, int Bottom, int Right);

/// <summary>The worksheet an XLSX import reads: the first one the workbook lists.</summary>
internal sealed record XlsxSheet(string Name, string EntryName, IReadOnlyList<MergeRange> Merges);

/// <summary>
/// Rows of the first worksheet of an XLSX file. Values stream from MiniExcel (shared strings, inline strings, styles);
/// a second streaming XmlReader over the same sheet, kept in step row by row, tells which cells hold formulas (MiniExcel
/// hands back only their cached values); merged ranges, listed after the cell data, are read in a pass before.
/// </summary>
internal static class XlsxSource
{
    /// <summary>More merged ranges than this is not a form a clerk fills in.</summary>
    public const int MaxMerges = 100_000;

    /// <summary>Entries unpacking to less than this are not judged by their compression ratio.</summary>
    private const long RatioCheckMinBytes = 1024 * 1024;

    private const string Damaged = "XLSX 文件已损坏或不是 Excel 生成的标准格式，请用 Excel 打开后重新另存为 .xlsx";

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>Rejects zip bombs, finds the first worksheet and reads its merged ranges.</summary>
    public static XlsxSheet? Inspect(TempUpload upload, ImportReadOptions options, out string? error)
    {
        error = null;
        try
        {
            using var file = upload.OpenRead();
            using var zip = new ZipArchive(file, ZipArchiveMode.Read);
            if (IsBomb(zip, options))
            {
                error = "XLSX 文件解压后过大，疑似压缩炸弹，已拒绝";
                return null;
            }

            var (name, relationshipId) = FirstSheet(zip);
            if (name is null)
            {
                error = "XLSX 文件中没有工作表";
                return null;
            }

            var entryName = relationshipId is null ? null : SheetPath(zip, relationshipId);
            var entry = entryName is null
                ? null
                : zip.GetEntry(entryName) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, entryName, StringComparison.OrdinalIgnoreCase));
            if (entry is null)
            {
                error = Damaged;
                return null;
            }

            var merges = ReadMerges(entry, out var tooMany);
            if (tooMany)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"XLSX 文件中的合并单元格过多（超过 {MaxMerges} 个），请取消合并后再导入");
                return null;
            }

            return new XlsxSheet(name, entry.FullName, merges);
        }
        catch (Exception exception) when (exception is InvalidDataException or XmlException or IOException)
        {
            error = Damaged;
            return null;
        }
    }

    public static IEnumerable<RawRow> Read(TempUpload upload, XlsxSheet sheet)
    {
        var configuration = new OpenXmlConfiguration
        {
            FillMergedCells = false,
            IgnoreEmptyRows = false,
            EnableConvertByteArray = false,
            EnableSharedStringCache = true,
        };

        using var valuesFile = upload.OpenRead();
        using var formulas = new FormulaCursor(upload, sheet.EntryName);
        var merges = new MergeFiller(sheet.Merges);
        var rowNumber = 0;
        foreach (IDictionary<string, object?> cells in MiniExcel.Query(valuesFile, useHeaderRow: false, sheetName: sheet.Name, excelType: ExcelType.XLSX, configuration: configuration))
        {
            rowNumber++;
            var values = new object?[cells.Count];
            var width = 0;
            foreach (var (letters, value) in cells)
            {
                var column = ColumnLetters.ToIndex(letters);
                if (column < 0 || value is null)
                {
                    continue;
                }

                if (column >= values.Length)
                {
                    Array.Resize(ref values, column + 1);
                }

                values[column] = value;
                width = Math.Max(width, column + 1);
            }

            if (width < values.Length)
            {
                Array.Resize(ref values, width);
            }

            var row = new RawRow(rowNumber, values, formulas.For(rowNumber));
            merges.Apply(row);
            yield return row;
        }
    }

    private static bool IsBomb(ZipArchive zip, ImportReadOptions options)
    {
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (total > options.MaxXlsxUncompressedBytes || entry.Length < 0)
            {
                return true;
            }

            if (entry.Length >= RatioCheckMinBytes
                && (entry.CompressedLength <= 0 || entry.Length / entry.CompressedLength > options.MaxXlsxCompressionRatio))
            {
                return true;
            }
        }

        return false;
    }

    private static (string? Name, string? RelationshipId) FirstSheet(ZipArchive zip)
    {
        var entry = zip.GetEntry("xl/workbook.xml");
        if (entry is null)
        {
            return (null, null);
        }

        using var reader = OpenXml(entry);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
            {
                var name = reader.GetAttribute("name");
                string? id = null;
                while (reader.MoveToNextAttribute())
                {
                    if (reader.LocalName == "id" && reader.NamespaceURI.Contains("relationships", StringComparison.Ordinal))
                    {
                        id = reader.Value;
                    }
                }

                return (name, id);
            }
        }

        return (null, null);
    }

    private static string? SheetPath(ZipArchive zip, string relationshipId)
    {
        var entry = zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (entry is null)
        {
            return null;
        }

        using var reader = OpenXml(entry);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element
                && reader.LocalName == "Relationship"
                && string.Equals(reader.GetAttribute("Id"), relationshipId, StringComparison.Ordinal)
                && reader.GetAttribute("Target") is { } target)
            {
                return ResolvePath(target);
            }
        }

        return null;
    }

    private static string ResolvePath(string target)
    {
        target = target.Replace('\\', '/');
        var path = target.StartsWith('/') ? target[1..] : "xl/" + target;
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private static List<MergeRange> ReadMerges(ZipArchiveEntry sheet, out bool tooMany)
    {
        tooMany = false;
        var merges = new List<MergeRange>();
        using var reader = OpenXml(sheet);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "sheetData")
            {
                reader.Skip();
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "mergeCell")
                {
                    AddMerge(reader, merges);
                }

                continue;
            }

            if (reader.LocalName == "mergeCell")
            {
                AddMerge(reader, merges);
                if (merges.Count > MaxMerges)
                {
                    tooMany = true;
                    return merges;
                }
            }
        }

        merges.Sort((a, b) => a.Top != b.Top ? a.Top.CompareTo(b.Top) : a.Left.CompareTo(b.Left));
        return merges;
    }

    private static void AddMerge(XmlReader reader, List<MergeRange> merges)
    {
        var reference = reader.GetAttribute("ref");
        var colon = reference?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (reference is null || colon < 0)
        {
            return;
        }

        if (TryParseCell(reference.AsSpan(0, colon), out var top, out var left)
            && TryParseCell(reference.AsSpan(colon + 1), out var bottom, out var right)
            && bottom >= top && right >= left)
        {
            merges.Add(new MergeRange(top, left, bottom, right));
        }
    }

    /// <summary>"B12" → row 12, column 1.</summary>
    private static bool TryParseCell(ReadOnlySpan<char> reference, out int row, out int column)
    {
        row = 0;
        reference = reference.TrimStart('$');
        column = ColumnLetters.ToIndex(reference);
        var digits = reference.IndexOfAnyInRange('0', '9');
        return column >= 0
            && digits > 0
            && int.TryParse(reference[digits..], NumberStyles.None, CultureInfo.InvariantCulture, out row)
            && row > 0;
    }

    private static XmlReader OpenXml(ZipArchiveEntry entry) =>
        XmlReader.Create(new DeclaredLengthStream(entry.Open(), entry.Length), XmlSettings);

    /// <summary>
    /// Which cells of each row hold a formula (&lt;f&gt;), read from the sheet XML by a reader that advances only as far
    /// as the row asked for, so that memory does not grow with the number of formulas.
    /// </summary>
    private sealed class FormulaCursor : IDisposable
    {
        private readonly FileStream _file;
        private readonly ZipArchive _zip;
        private readonly XmlReader _reader;
        private int _lastRow;
        private bool _done;
        private (int Row, bool[]? Flags)? _pending;

        public FormulaCursor(TempUpload upload, string entryName)
        {
            _file = upload.OpenRead();
            _zip = new ZipArchive(_file, ZipArchiveMode.Read);
            var entry = _zip.GetEntry(entryName) ?? throw new InvalidDataException("sheet entry vanished");
            _reader = OpenXml(entry);
        }

        /// <summary>The formula flags of row <paramref name="rowNumber"/> (asked in ascending order), or null when none.</summary>
        public bool[]? For(int rowNumber)
        {
            while (true)
            {
                if (_pending is { } pending)
                {
                    if (pending.Row > rowNumber)
                    {
                        return null;
                    }

                    _pending = null;
                    if (pending.Row == rowNumber)
                    {
                        return pending.Flags;
                    }

                    continue;
                }

                if (!ReadNextRow())
                {
                    return null;
                }
            }
        }

        public void Dispose()
        {
            _reader.Dispose();
            _zip.Dispose();
            _file.Dispose();
        }

        private bool ReadNextRow()
        {
            while (!_done)
            {
                if (_reader.NodeType == XmlNodeType.Element && _reader.LocalName == "row")
                {
                    var r = _reader.GetAttribute("r");
                    _lastRow = int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : _lastRow + 1;
                    _pending = (_lastRow, ReadRow());
                    return true;
                }

                if (!_reader.Read())
                {
                    _done = true;
                }
            }

            return false;
        }

        /// <summary>Reads the current &lt;row&gt; up to its end; leaves the reader on the node after it.</summary>
        private bool[]? ReadRow()
        {
            bool[]? flags = null;
            if (_reader.IsEmptyElement)
            {
                _reader.Read();
                return null;
            }

            var depth = _reader.Depth;
            var column = -1;
            _reader.Read();
            while (!_reader.EOF && !(_reader.Depth == depth && _reader.NodeType == XmlNodeType.EndElement))
            {
                if (_reader.NodeType == XmlNodeType.Element && _reader.Depth == depth + 1 && _reader.LocalName == "c")
                {
                    var reference = _reader.GetAttribute("r");
                    var parsed = reference is null ? -1 : ColumnLetters.ToIndex(reference);
                    column = parsed >= 0 ? parsed : column + 1;
                }
                else if (_reader.NodeType == XmlNodeType.Element && _reader.Depth == depth + 2 && _reader.LocalName == "f" && column >= 0)
                {
                    flags ??= new bool[column + 1];
                    if (flags.Length <= column)
                    {
                        Array.Resize(ref flags, column + 1);
                    }

                    flags[column] = true;
                }

                _reader.Read();
            }

            _reader.Read();
            return flags;
        }
    }

    /// <summary>Carries the value of a merged range's top-left cell into every other cell of the range.</summary>
    private sealed class MergeFiller(IReadOnlyList<MergeRange> merges)
    {
        private readonly List<(MergeRange Range, object? Value, bool Formula)> _active = [];
        private int _next;

        public void Apply(RawRow row)
        {
            var number = row.RowNumber;
            _active.RemoveAll(active => active.Range.Bottom < number);
            while (_next < merges.Count && merges[_next].Top <= number)
            {
                var range = merges[_next++];
                if (range.Bottom >= number)
                {
                    var own = range.Top == number;
                    _active.Add((range, own ? row.ValueAt(range.Left) : null, own && row.IsFormulaAt(range.Left)));
                }
            }

            foreach (var (range, value, formula) in _active)
            {
                for (var column = range.Left; column <= range.Right; column++)
                {
                    if (number == range.Top && column == range.Left)
                    {
                        continue;
                    }

                    row.Fill(column, value, formula);
                }
            }
        }
    }

    /// <summary>
    /// An entry's stream that fails rather than unpack more than the entry declares, so the zip-bomb check on declared
    /// sizes cannot be sidestepped by lying about them.
    /// </summary>
    private sealed class DeclaredLengthStream(Stream inner, long declared) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            _read += read;
            if (_read > declared)
            {
                throw new InvalidDataException("entry longer than declared");
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
