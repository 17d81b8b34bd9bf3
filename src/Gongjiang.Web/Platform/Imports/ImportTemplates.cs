using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongjiang.Web.Platform.Imports;

/// <summary>The downloadable templates of an <see cref="ImportSchema"/>: the headers and one example row.</summary>
public static class ImportTemplates
{
    private const uint TitleStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint RequiredHeaderStyle = 3;
    private const uint TextCellStyle = 4;
    private const uint GeneralCellStyle = 5;
    private const uint TextColumnStyle = 6;

    /// <summary>The title above the headers of the XLSX template.</summary>
    public static string Title(ImportSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.TemplateTitle ?? $"{schema.Name}导入模板（带*为必填）";
    }

    /// <summary>A UTF-8 CSV (with a byte order mark, so that Excel reads it right): the header line and an example row.</summary>
    public static byte[] Csv(ImportSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var columns = schema.Columns;
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(column => CsvField(column.Header))).Append("\r\n");
        text.AppendJoin(',', columns.Select(column => CsvField(column.Example))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>
    /// An XLSX workbook: a merged title row, the header row (required columns marked "*"), an example row; identifier
    /// columns formatted as text; the header frozen.
    /// </summary>
    public static byte[] Xlsx(ImportSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var columns = schema.Columns;
        var lastLetter = ColumnLetters.FromIndex(columns.Count - 1);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();

            var sheetColumns = new Columns();
            for (var i = 0; i < columns.Count; i++)
            {
                var column = new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Width(columns[i]), CustomWidth = true };
                if (columns[i].KeepsDigits)
                {
                    column.Style = TextColumnStyle;
                }

                sheetColumns.Append(column);
            }

            var title = new Row { RowIndex = 1, Height = 32, CustomHeight = true };
            title.Append(Cell("A1", Title(schema), TitleStyle));
            var headers = new Row { RowIndex = 2, Height = 30, CustomHeight = true };
            var example = new Row { RowIndex = 3 };
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                var letter = ColumnLetters.FromIndex(i);
                headers.Append(Cell(letter + "2", column.Required ? "*" + column.Header : column.Header, column.Required ? RequiredHeaderStyle : HeaderStyle));
                example.Append(Cell(letter + "3", column.Example, column.KeepsDigits ? TextCellStyle : GeneralCellStyle));
            }

            var view = new SheetView { TabSelected = true, WorkbookViewId = 0 };
            view.Append(new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A3", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A3" } });

            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = new Worksheet(
                new SheetViews(view),
                new SheetFormatProperties { DefaultRowHeight = 18 },
                sheetColumns,
                new SheetData(title, headers, example),
                new MergeCells(new MergeCell { Reference = $"A1:{lastLetter}1" }) { Count = 1 });

            workbookPart.Workbook.Append(new Sheets(new Sheet
            {
                Name = Export.SpreadsheetWriter.SheetName(schema.Name, []),
                SheetId = 1,
                Id = workbookPart.GetIdOfPart(worksheetPart),
            }));
        }

        return stream.ToArray();
    }

    private static Cell Cell(string reference, string text, uint style)
    {
        var cell = new Cell { CellReference = reference, StyleIndex = style };
        if (text.Length > 0)
        {
            cell.DataType = CellValues.InlineString;
            cell.InlineString = new InlineString(new Text(text));
        }

        return cell;
    }

    /// <summary>Column width in characters: CJK characters count double; between 10 and 40.</summary>
    private static double Width(ImportColumn column)
    {
        static int DisplayWidth(string text) => text.Sum(c => c > '\u2E80' ? 2 : 1);
        var width = Math.Max(DisplayWidth(column.Header) + (column.Required ? 1 : 0), DisplayWidth(column.Example)) + 4;
        return Math.Clamp(width, 10, 40);
    }

    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static Stylesheet Styles()
    {
        var fonts = new Fonts(
            Font(bold: false, size: 11, color: null),
            Font(bold: true, size: 11, color: null),
            Font(bold: true, size: 16, color: null),
            Font(bold: true, size: 11, color: "FFC00000"))
        { Count = 4 };

        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 };

        var thin = new Border(
            new LeftBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 };

        var centered = new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true };
        const uint textFormat = 49; // the built-in "@" (text) number format
        var formats = new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat((Alignment)centered.CloneNode(true)) { FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyAlignment = true },
            new CellFormat((Alignment)centered.CloneNode(true)) { FontId = 1, FillId = 2, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat((Alignment)centered.CloneNode(true)) { FontId = 3, FillId = 2, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = textFormat, FontId = 0, FillId = 0, BorderId = 1, FormatId = 0, ApplyNumberFormat = true, ApplyBorder = true },
            new CellFormat { FontId = 0, FillId = 0, BorderId = 1, FormatId = 0, ApplyBorder = true },
            new CellFormat { NumberFormatId = textFormat, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 7 };

        return new Stylesheet(
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(bool bold, double size, string? color)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = size });
        if (color is not null)
        {
            font.Append(new Color { Rgb = color });
        }

        font.Append(new FontName { Val = "宋体" });
        font.Append(new FontFamilyNumbering { Val = 3 });
        font.Append(new FontCharSet { Val = 134 });
        return font;
    }
}
