using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongjiang.Web.Features.Registry.Imports;
using Gongjiang.Web.Platform.Imports;

namespace Gongjiang.Web.Tests.Registry.Imports;

/// <summary>Import files built in code, and a shortcut to read them.</summary>
internal static class ImportFixtures
{
    public const string RosterHeader = "姓名,公民身份号码,工作单位,统一社会信用代码,职业（工种）";
    public const string RosterRow1 = "李建华,44030619780512321X,深圳市鹏城精密制造有限公司,91440306MA5DPC0108,数控车工";
    public const string RosterRow2 = "王秀英,110101198003070028,北京市京华机床厂,91110000100000000X,钳工";

    static ImportFixtures() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gbk => Encoding.GetEncoding("GBK");

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    public static byte[] Utf8(string text, bool bom = false) =>
        bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);

    public static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    public static ImportReadResult Open(byte[] bytes, ImportKind kind = ImportKind.Roster, ImportReadOptions? options = null, string? fileName = null)
    {
        using var stream = new MemoryStream(bytes);
        return ImportFileReader.Open(stream, fileName, kind, options ?? new ImportReadOptions());
    }

    public static ImportReadResult OpenOk(byte[] bytes, ImportKind kind = ImportKind.Roster, ImportReadOptions? options = null)
    {
        var result = Open(bytes, kind, options);
        Assert.True(result.Succeeded, result.Error);
        return result;
    }
}

/// <summary>A cell of an XLSX fixture: text (shared string), a number, a formula with its cached value, a style.</summary>
internal sealed record XCell(string Reference, object? Value, string? Formula = null, uint Style = 0);

/// <summary>Builds XLSX fixtures with DocumentFormat.OpenXml the way Excel writes them (shared strings, styles).</summary>
internal sealed class XlsxBuilder
{
    /// <summary>Style index of the built-in date format 14 ("yyyy/m/d" in a Chinese Excel).</summary>
    public const uint BuiltInDate = 1;

    /// <summary>Style index of a custom date format "yyyy年m月d日" (MiniExcel leaves these as numbers).</summary>
    public const uint CustomDate = 2;

    /// <summary>Style index of the text format "@".</summary>
    public const uint Text = 3;

    private readonly List<(string Name, List<(uint Row, XCell[] Cells)> Rows, List<string> Merges)> _sheets = [];
    private int _firstListed;

    public XlsxBuilder() => Sheet("Sheet1");

    public XlsxBuilder Sheet(string name)
    {
        _sheets.Add((name, [], []));
        return this;
    }

    /// <summary>Lists the sheet at <paramref name="index"/> (in creation order) first in the workbook.</summary>
    public XlsxBuilder ListFirst(int index)
    {
        _firstListed = index;
        return this;
    }

    public XlsxBuilder Row(uint rowNumber, params XCell[] cells)
    {
        _sheets[^1].Rows.Add((rowNumber, cells));
        return this;
    }

    /// <summary>A row of texts starting at column A (null leaves a cell out).</summary>
    public XlsxBuilder Texts(uint rowNumber, params string?[] texts) =>
        Row(rowNumber, [.. texts.Select((text, i) => text is null ? null : new XCell(ColumnLetter(i) + rowNumber.ToString(CultureInfo.InvariantCulture), text)).OfType<XCell>()]);

    public XlsxBuilder Merge(string reference)
    {
        _sheets[^1].Merges.Add(reference);
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var strings = new List<string>();
            var sharedStrings = workbookPart.AddNewPart<SharedStringTablePart>();

            var parts = new List<(string Name, WorksheetPart Part)>();
            foreach (var (name, rows, merges) in _sheets)
            {
                var sheetData = new SheetData();
                foreach (var (rowNumber, cells) in rows)
                {
                    var row = new Row { RowIndex = rowNumber };
                    foreach (var spec in cells)
                    {
                        row.Append(ToCell(spec, strings));
                    }

                    sheetData.Append(row);
                }

                var worksheet = new Worksheet(sheetData);
                if (merges.Count > 0)
                {
                    worksheet.Append(new MergeCells(merges.Select(reference => new MergeCell { Reference = reference })) { Count = (uint)merges.Count });
                }

                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = worksheet;
                parts.Add((name, part));
            }

            sharedStrings.SharedStringTable = new SharedStringTable(strings.Select(text => new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve })))
            {
                Count = (uint)strings.Count,
                UniqueCount = (uint)strings.Count,
            };

            var order = Enumerable.Range(0, parts.Count).OrderBy(i => i == _firstListed ? 0 : 1).ThenBy(i => i).ToList();
            var sheets = new Sheets();
            uint id = 1;
            foreach (var index in order)
            {
                sheets.Append(new Sheet { Name = parts[index].Name, SheetId = id++, Id = workbookPart.GetIdOfPart(parts[index].Part) });
            }

            workbookPart.Workbook.Append(sheets);
        }

        return stream.ToArray();
    }

    public static string ColumnLetter(int index) => index < 26
        ? ((char)('A' + index)).ToString()
        : ColumnLetter((index / 26) - 1) + ColumnLetter(index % 26);

    private static Cell ToCell(XCell spec, List<string> strings)
    {
        var cell = new Cell { CellReference = spec.Reference };
        if (spec.Style != 0)
        {
            cell.StyleIndex = spec.Style;
        }

        if (spec.Formula is not null)
        {
            cell.CellFormula = new CellFormula(spec.Formula);
        }

        switch (spec.Value)
        {
            case null:
                break;
            case string text when spec.Formula is not null:
                cell.DataType = CellValues.String;
                cell.CellValue = new CellValue(text);
                break;
            case string text:
                var index = strings.IndexOf(text);
                if (index < 0)
                {
                    index = strings.Count;
                    strings.Add(text);
                }

                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture));
                break;
            case double number:
                cell.CellValue = new CellValue(number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case int number:
                cell.CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException("Unsupported fixture value", nameof(spec));
        }

        return cell;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 176, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" }) { Count = 1 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" })) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 14, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 176, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 4 });
}

/// <summary>A stream of <paramref name="length"/> bytes of repeated CSV text, generated as it is read.</summary>
internal sealed class GeneratedStream(long length, bool seekable) : Stream
{
    private static readonly byte[] Pattern = Encoding.UTF8.GetBytes("李建华,44030619780512321X,深圳市鹏城精密制造有限公司,91440306MA5DPC0108,数控车工\r\n");
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => seekable;

    public override bool CanWrite => false;

    public override long Length => seekable ? length : throw new NotSupportedException();

    public override long Position
    {
        get => seekable ? _position : throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public long BytesRead => _position;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - _position);
        for (var i = 0; i < n; i++)
        {
            buffer[offset + i] = Pattern[(int)((_position + i) % Pattern.Length)];
        }

        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
