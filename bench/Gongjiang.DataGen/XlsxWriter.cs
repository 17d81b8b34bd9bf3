using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongjiang.DataGen;

/// <summary>
/// Writes rosters and honours lists as a one-sheet XLSX, streaming: the worksheet is written row by row with
/// DocumentFormat.OpenXml's SAX-style <see cref="OpenXmlWriter"/> straight into a ZIP entry, so a million rows never
/// sit in memory.
/// </summary>
/// <remarks>
/// The package is assembled with <see cref="ZipArchive"/> in create mode rather than <c>SpreadsheetDocument</c>:
/// System.IO.Packaging opens a read/write package in ZIP update mode, which buffers every part in memory until the
/// package is closed (dotnet/Open-XML-SDK#807), and a write-only package cannot be used by the SDK. Every cell is an
/// inline string (t="inlineStr"), so 公民身份号码, 统一社会信用代码 and dates (“yyyy-MM-dd”) stay text; those columns
/// also carry the “@” (text) number format. 授予年份 is written as a number, as Excel users type it. Empty cells are
/// omitted, as Excel does. The sheet XML is produced on the calling thread and compressed on a second one.
/// </remarks>
public static class XlsxWriter
{
    /// <summary>Rows per sheet in Excel 2007 and later.</summary>
    public const int MaxSheetRows = 1_048_576;

    private const string TextStyle = "3";
    private const string HeaderStyle = "1";
    private const string TitleStyle = "2";

    private static readonly HashSet<string> TextFormatKeys = new(StringComparer.Ordinal)
    {
        "idNumber", "creditCode", "mobile", "regionCode", "employmentStart", "certificateNumber", "certificateDate",
        "revokedDate", "occupationCode",
    };

    private const string ContentTypes =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" +
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
        "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
        "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
        "</Types>";

    private const string RootRelationships =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" +
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>" +
        "</Relationships>";

    private const string WorkbookRelationships =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" +
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
        "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>" +
        "</Relationships>";

    /// <summary>Streams <paramref name="records"/> to <paramref name="stream"/> as an XLSX package; the stream is left open.</summary>
    /// <param name="stream">Destination; need not be seekable.</param>
    /// <param name="kind">Roster or honours: chooses the columns and the sheet name.</param>
    /// <param name="records">Rows of that kind (enumerated once).</param>
    /// <param name="messyHeaders">Aliases, shuffled columns, an extra 备注 column and a merged title row plus a 填报单位 row above the header.</param>
    /// <param name="layoutSeed">Seed of the messy layout (the same layout as <see cref="CsvWriter"/> for the same seed).</param>
    /// <param name="title">Text of the merged title row of a messy file.</param>
    /// <param name="compression">ZIP compression of the parts.</param>
    /// <exception cref="InvalidOperationException">More rows than an Excel sheet holds.</exception>
    public static WriteSummary Write(
        Stream stream,
        RecordKind kind,
        IEnumerable<ISyntheticRecord> records,
        bool messyHeaders = false,
        int layoutSeed = 0,
        string? title = null,
        CompressionLevel compression = CompressionLevel.Fastest)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(records);

        var layout = SheetLayout.Create(kind, messyHeaders, layoutSeed, title);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        WriteText(zip, "[Content_Types].xml", ContentTypes, compression);
        WriteText(zip, "_rels/.rels", RootRelationships, compression);
        WriteText(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships, compression);
        WritePart(zip, "xl/workbook.xml", compression, new Workbook(
            new Sheets(new Sheet { Name = SyntheticColumns.ChineseName(kind), SheetId = 1U, Id = "rId1" })));
        WritePart(zip, "xl/styles.xml", compression, Styles());

        // The sheet XML is serialised on this thread and compressed on another (HandOffStream).
        var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", compression);
        using var entryStream = entry.Open();
        using var handOff = new HandOffStream(entryStream);
        var summary = WriteSheet(handOff, kind, layout, records);
        handOff.Complete();
        return summary;
    }

    private static WriteSummary WriteSheet(Stream partStream, RecordKind kind, SheetLayout layout, IEnumerable<ISyntheticRecord> records)
    {
        var columns = SyntheticColumns.For(kind);
        var columnNames = Enumerable.Range(0, layout.ColumnCount).Select(ColumnName).ToArray();
        var dataStyles = layout.Order
            .Select(index => index != SheetLayout.NoteColumn && TextFormatKeys.Contains(columns[index].Key) ? TextStyle : null)
            .ToArray();
        var numeric = layout.Order
            .Select(index => index != SheetLayout.NoteColumn && string.Equals(columns[index].Key, "awardYear", StringComparison.Ordinal))
            .ToArray();

        using var writer = OpenXmlWriter.Create(partStream, TextEncodings.Utf8);
        var row = new Row();
        var cell = new Cell();
        var inline = new InlineString();
        var text = new Text();
        var value = new CellValue();
        var rowAttributes = new List<OpenXmlAttribute>(1);
        var cellAttributes = new List<OpenXmlAttribute>(3);
        var rowNumber = 0;

        void StartRow()
        {
            rowNumber++;
            if (rowNumber > MaxSheetRows)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"XLSX 工作表最多 {MaxSheetRows} 行"));
            }

            rowAttributes.Clear();
            rowAttributes.Add(new OpenXmlAttribute("r", string.Empty, rowNumber.ToString(CultureInfo.InvariantCulture)));
            writer.WriteStartElement(row, rowAttributes);
        }

        void WriteCell(int column, string content, string? style, bool asNumber)
        {
            if (content.Length == 0)
            {
                return;
            }

            cellAttributes.Clear();
            cellAttributes.Add(new OpenXmlAttribute("r", string.Empty, string.Concat(columnNames[column], rowNumber.ToString(CultureInfo.InvariantCulture))));
            if (style is not null)
            {
                cellAttributes.Add(new OpenXmlAttribute("s", string.Empty, style));
            }

            if (asNumber)
            {
                writer.WriteStartElement(cell, cellAttributes);
                writer.WriteStartElement(value);
                writer.WriteString(content);
                writer.WriteEndElement();
                writer.WriteEndElement();
                return;
            }

            cellAttributes.Add(new OpenXmlAttribute("t", string.Empty, "inlineStr"));
            writer.WriteStartElement(cell, cellAttributes);
            writer.WriteStartElement(inline);
            writer.WriteStartElement(text);
            writer.WriteString(content);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new Columns(layout.Order.Select((index, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = Width(index == SheetLayout.NoteColumn ? "note" : columns[index].Key),
            CustomWidth = true,
        })));
        writer.WriteStartElement(new SheetData());

        for (var t = 0; t < layout.TitleRows.Length; t++)
        {
            StartRow();
            WriteCell(0, layout.TitleRows[t], t == 0 ? TitleStyle : null, asNumber: false);
            writer.WriteEndElement();
        }

        StartRow();
        for (var c = 0; c < layout.ColumnCount; c++)
        {
            WriteCell(c, layout.Headers[c], HeaderStyle, asNumber: false);
        }

        writer.WriteEndElement();

        long rows = 0, bad = 0;
        foreach (var record in records)
        {
            if (record.Kind != kind)
            {
                throw new ArgumentException("记录类型与文件类型不一致", nameof(records));
            }

            StartRow();
            for (var c = 0; c < layout.ColumnCount; c++)
            {
                var content = layout.Cell(record, c);
                WriteCell(c, content, dataStyles[c], numeric[c] && IsSmallInteger(content));
            }

            writer.WriteEndElement();
            rows++;
            if (record.IsDeliberatelyBad)
            {
                bad++;
            }
        }

        writer.WriteEndElement(); // sheetData
        if (layout.TitleRows.Length > 0)
        {
            var last = columnNames[^1];
            writer.WriteElement(new MergeCells(new MergeCell { Reference = "A1:" + last + "1" }, new MergeCell { Reference = "A2:" + last + "2" }) { Count = 2U });
        }

        writer.WriteEndElement(); // worksheet
        writer.Close();
        return new WriteSummary(rows, bad);
    }

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11D }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 16D }, new FontName { Val = "等线" }))
        { Count = 3U },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
        new CellFormats(
            new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U },
            new CellFormat { NumberFormatId = 0U, FontId = 1U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyFont = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center })
            {
                NumberFormatId = 0U,
                FontId = 2U,
                FillId = 0U,
                BorderId = 0U,
                FormatId = 0U,
                ApplyFont = true,
                ApplyAlignment = true,
            },
            new CellFormat { NumberFormatId = 49U, FontId = 0U, FillId = 0U, BorderId = 0U, FormatId = 0U, ApplyNumberFormat = true })
        { Count = 4U },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });

    private static double Width(string key) => key switch
    {
        "idNumber" or "creditCode" or "certificateNumber" => 24,
        "enterpriseName" or "certificateIssuer" or "awardingBody" => 34,
        "honorTitle" or "documentNumber" or "industry" => 22,
        "name" or "frontline" or "revoked" or "awardYear" => 10,
        _ => 14,
    };

    private static bool IsSmallInteger(string content) =>
        content.Length is > 0 and <= 9 && !content.AsSpan().ContainsAnyExceptInRange('0', '9');

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static void WriteText(ZipArchive zip, string path, string content, CompressionLevel compression)
    {
        using var entry = zip.CreateEntry(path, compression).Open();
        var bytes = TextEncodings.Utf8.GetBytes(content);
        entry.Write(bytes);
    }

    private static void WritePart(ZipArchive zip, string path, CompressionLevel compression, OpenXmlElement root)
    {
        using var entry = zip.CreateEntry(path, compression).Open();
        using var writer = OpenXmlWriter.Create(entry, TextEncodings.Utf8);
        writer.WriteStartDocument(true);
        writer.WriteElement(root);
        writer.Close();
    }
}
