using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Gongjiang.Web.Platform.Export;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Export;

/// <summary>The one CSV/XLSX writer every download uses (Platform/Export).</summary>
public sealed class TableExportTests
{
    private sealed record Person(string Name, string? Employer, int Count);

    private static readonly TableExport<Person> People = new(
        new("姓名", p => p.Name),
        new("工作单位", p => p.Employer),
        new("人数", p => p.Count));

    [Fact]
    public async Task Csv_starts_with_a_byte_order_mark_and_the_plain_header_line_and_ends_lines_with_crlf()
    {
        var bytes = await CsvAsync([new Person("张三", "某公司", 3)]);

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.Equal("姓名,工作单位,人数\r\n\"张三\",\"某公司\",3\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Theory]
    // RFC 4180 §2.6: a field with a comma is enclosed in double quotes.
    [InlineData("甲,乙", "\"甲,乙\"")]
    // RFC 4180 §2.7: a double quote inside a field is escaped by another double quote.
    [InlineData("说\"好\"", "\"说\"\"好\"\"\"")]
    // RFC 4180 §2.6: a field with a line break stays one field inside quotes.
    [InlineData("第一行\r\n第二行", "\"第一行\r\n第二行\"")]
    // An empty (null) cell is an empty quoted field, so the column count never changes.
    [InlineData(null, "\"\"")]
    public async Task Csv_quotes_commas_quotes_and_line_breaks(string? employer, string expected)
    {
        var text = Encoding.UTF8.GetString((await CsvAsync([new Person("张三", employer, 1)]))[3..]);

        Assert.Equal($"姓名,工作单位,人数\r\n\"张三\",{expected},1\r\n", text);
    }

    [Theory]
    // OWASP CSV Injection: each of = + - @ tab CR at the start makes Excel or WPS evaluate the cell; an apostrophe keeps it text.
    [InlineData("=HYPERLINK(\"http://x\",\"点击\")")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    public async Task Formula_text_is_defused_in_csv_and_xlsx(string formula)
    {
        var csv = Encoding.UTF8.GetString((await CsvAsync([new Person(formula, null, 1)]))[3..]);
        var xlsx = await XlsxAsync([People.Sheet("名单", [new Person(formula, null, 1)])]);

        Assert.Contains("\"'" + formula.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", csv, StringComparison.Ordinal);
        Assert.Equal("'" + formula, Cells(xlsx, "名单")[1][0]);
        Assert.DoesNotContain("<f>", WorksheetXml(xlsx), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ordinary_text_and_negative_numbers_are_left_as_they_are()
    {
        var csv = Encoding.UTF8.GetString((await CsvAsync([new Person("欧阳·娜娜", "中国-东方", -5)]))[3..]);

        Assert.EndsWith("\"欧阳·娜娜\",\"中国-东方\",-5\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_is_a_valid_workbook_that_the_open_xml_sdk_reads_back()
    {
        var xlsx = await XlsxAsync(
        [
            People.Sheet("高技能领军人才名单", [new Person("张三", "某公司", 3), new Person("李四", null, 12)]),
            People.Sheet("高技能领军人才名单", [new Person("王五", "控制\u0001字符", 0)]),
            People.Sheet("名单:[第2期]/变化?*", []),
        ]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["高技能领军人才名单", "高技能领军人才名单(2)", "名单第2期变化"], names);
        Assert.Equal([["姓名", "工作单位", "人数"], ["张三", "某公司", "3"], ["李四", "", "12"]], Cells(xlsx, names[0]!));
        Assert.Equal([["姓名", "工作单位", "人数"], ["王五", "控制字符", "0"]], Cells(xlsx, names[1]!));
        Assert.Equal([["姓名", "工作单位", "人数"]], Cells(xlsx, names[2]!));
    }

    [Fact]
    public async Task Xlsx_writes_numbers_as_numbers_and_dates_as_text()
    {
        var table = new TableExport<(DateOnly Day, long Fen)>(new("日期", r => r.Day), new("金额（分）", r => r.Fen));
        var xlsx = await XlsxAsync([table.Sheet("表", [(new DateOnly(2024, 2, 29), 123_456_789_012L)])]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();
        Assert.Equal(CellValues.InlineString, cells[2].DataType!.Value);
        Assert.Equal("2024-02-29", cells[2].InnerText);
        Assert.Null(cells[3].DataType);
        Assert.Equal("123456789012", cells[3].CellValue!.Text);
    }

    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Xlsx)]
    public async Task A_large_export_is_written_while_its_rows_are_read_with_asynchronous_io_only(ExportFormat format)
    {
        const int rows = 200_000;
        var sink = new AsyncOnlySink();
        long writtenAtHalf = -1;

        async IAsyncEnumerable<Person> Rows()
        {
            for (var i = 0; i < rows; i++)
            {
                if (i == rows / 2)
                {
                    writtenAtHalf = sink.Length;
                }

                yield return new Person("张三" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "某某精密制造有限公司", i);
            }

            await Task.CompletedTask;
        }

        if (format == ExportFormat.Csv)
        {
            await People.WriteCsvAsync(sink, Rows(), CancellationToken.None);
        }
        else
        {
            await People.WriteXlsxAsync(sink, "名单", Rows(), CancellationToken.None);
        }

        // Half the rows read means a good part of the file already sent, not held back until the end.
        Assert.True(writtenAtHalf > sink.Length / 4, $"{writtenAtHalf} of {sink.Length} bytes written when half the rows were read");
        Assert.True(sink.Length > (format == ExportFormat.Csv ? 8_000_000 : 500_000), $"{sink.Length} bytes");
    }

    [Fact]
    public async Task The_download_carries_its_chinese_file_name_as_rfc_5987_and_the_content_type()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();

        await TableDownload.File(ExportFormat.Csv, People, [new Person("张三", null, 1)], "导入错误报告.csv", "表", CancellationToken.None).ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", context.Response.ContentType);
        var disposition = context.Response.Headers.ContentDisposition.ToString();
        Assert.Contains("attachment", disposition, StringComparison.Ordinal);
        Assert.Contains("filename*=UTF-8''%E5%AF%BC%E5%85%A5%E9%94%99%E8%AF%AF%E6%8A%A5%E5%91%8A.csv", disposition, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), ((MemoryStream)context.Response.Body).ToArray()[..3]);
    }

    private static async Task<byte[]> CsvAsync(IEnumerable<Person> rows)
    {
        using var stream = new MemoryStream();
        await People.WriteCsvAsync(stream, SpreadsheetWriter.Async(rows), CancellationToken.None);
        return stream.ToArray();
    }

    private static async Task<byte[]> XlsxAsync(IReadOnlyList<ExportSheet> sheets)
    {
        using var stream = new MemoryStream();
        await SpreadsheetWriter.WriteXlsxAsync(stream, sheets, CancellationToken.None);
        return stream.ToArray();
    }

    /// <summary>Every row of a worksheet as the texts of its cells, read with the Open XML SDK.</summary>
    private static List<List<string>> Cells(byte[] xlsx, string sheetName)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return [.. part.Worksheet.Descendants<Row>().Select(row =>
        {
            var texts = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference!.Value!.TakeWhile(char.IsAsciiLetter).Aggregate(0, (n, c) => (n * 26) + c - 'A' + 1) - 1;
                while (texts.Count < column)
                {
                    texts.Add("");
                }

                texts.Add(cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? "");
            }

            while (texts.Count < 3)
            {
                texts.Add("");
            }

            return texts;
        })];
    }

    private static string WorksheetXml(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>A response body as Kestrel gives it: not seekable, and synchronous writes refused. Counts the bytes.</summary>
    private sealed class AsyncOnlySink : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }
    }
}
