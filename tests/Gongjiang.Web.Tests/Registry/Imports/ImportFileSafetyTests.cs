using System.IO.Compression;
using System.Text;
using Gongjiang.Web.Features.Registry.Imports;
using Gongjiang.Web.Platform.Imports;
using static Gongjiang.Web.Tests.Registry.Imports.ImportFixtures;

namespace Gongjiang.Web.Tests.Registry.Imports;

/// <summary>Files that are not what they claim, too big, or hostile: each refused with a clear Chinese message.</summary>
public sealed class ImportFileSafetyTests
{
    [Fact]
    public void A_png_is_not_a_csv_even_when_named_so()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

        using var result = Open(png, fileName: "名册.csv");

        Assert.Equal("文件不是 CSV 或 XLSX 格式（检测到 PNG 图片）", result.Error);
    }

    [Fact]
    public void A_pdf_is_not_a_csv()
    {
        using var result = Open([.. "%PDF-1.7\n%âãÏÓ\n1 0 obj\n"u8, 0x00, 0x01], fileName: "名册.csv");

        Assert.Equal("文件不是 CSV 或 XLSX 格式（检测到 PDF 文档）", result.Error);
    }

    [Fact]
    public void Unknown_binary_content_with_nul_bytes_is_not_a_csv()
    {
        using var result = Open([0x01, 0x02, 0x00, 0x00, 0x41, 0x42, 0x00, 0x7F]);

        Assert.Equal("文件不是 CSV 或 XLSX 格式（检测到二进制内容）", result.Error);
    }

    [Fact]
    public void A_legacy_xls_file_is_refused_with_how_to_convert_it()
    {
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00, 0x00, 0x00];

        using var result = Open(xls, fileName: "名册.xlsx");

        Assert.Equal("不支持旧版 Excel（.xls）格式，请另存为 .xlsx 或 CSV", result.Error);
    }

    [Fact]
    public void A_word_document_is_not_an_xlsx()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry("word/document.xml");
        }

        using var result = Open(stream.ToArray(), fileName: "名册.xlsx");

        Assert.Equal("文件不是 CSV 或 XLSX 格式（检测到 Word 文档（.docx））", result.Error);
    }

    [Fact]
    public void An_html_table_saved_as_xls_is_explained()
    {
        using var result = Open(Utf8("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body><table><tr><td>姓名</td></tr></table></body></html>"), fileName: "名册.xls");

        Assert.Equal("文件不是 CSV 或 XLSX 格式（检测到网页 HTML 格式，常见于系统导出的“.xls”文件），请用 Excel 打开后另存为 .xlsx", result.Error);
    }

    [Fact]
    public void A_513_mb_upload_of_known_length_is_refused_before_copying()
    {
        using var stream = new GeneratedStream(513L * 1024 * 1024, seekable: true);

        using var result = ImportFileReader.Open(stream, "名册.csv", ImportKind.Roster, new ImportReadOptions());

        Assert.Equal("文件大小 513.0 MB 超过上限 512 MB，请拆分为多个文件分批导入", result.Error);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public void A_151_mb_upload_of_unknown_length_is_refused_once_the_limit_is_passed()
    {
        using var stream = new GeneratedStream(151L * 1024 * 1024, seekable: false);

        using var result = ImportFileReader.Open(stream, "名册.csv", ImportKind.Roster, new ImportReadOptions { MaxBytes = 150L * 1024 * 1024 });

        Assert.Equal("文件大小超过上限 150 MB，请拆分为多个文件分批导入", result.Error);
        Assert.True(stream.BytesRead < 151L * 1024 * 1024);
    }

    [Fact]
    public void An_xlsx_zip_bomb_is_refused_by_its_compression_ratio()
    {
        using var result = Open(ZipBomb(200L * 1024 * 1024));

        Assert.Equal("XLSX 文件解压后过大，疑似压缩炸弹，已拒绝", result.Error);
    }

    [Fact]
    public void An_xlsx_unpacking_beyond_the_size_limit_is_refused()
    {
        var bytes = new XlsxBuilder()
            .Texts(1, "姓名", "公民身份号码", "工作单位", "统一社会信用代码", "职业（工种）")
            .Texts(2, "李建华", "44030619780512321X", "深圳市鹏城精密制造有限公司", "91440306MA5DPC0108", "数控车工")
            .Build();

        using var result = Open(bytes, options: new ImportReadOptions { MaxXlsxUncompressedBytes = 1024 });

        Assert.Equal("XLSX 文件解压后过大，疑似压缩炸弹，已拒绝", result.Error);
    }

    [Fact]
    public void An_xlsx_with_too_many_rows_stops_with_a_file_error_row()
    {
        var builder = new XlsxBuilder().Texts(1, "姓名", "公民身份号码", "工作单位", "统一社会信用代码", "职业（工种）");
        for (uint row = 2; row <= 6; row++)
        {
            builder.Texts(row, "李建华", "44030619780512321X", "深圳市鹏城精密制造有限公司", "91440306MA5DPC0108", "数控车工");
        }

        using var result = OpenOk(builder.Build(), options: new ImportReadOptions { MaxRows = 3 });

        var rows = result.Rows.ToList();
        Assert.Equal([2, 3, 4, 5], rows.Select(row => row.RowNumber));
        Assert.Equal("数据行数超过上限 3 行，已在第 5 行停止读取，请拆分为多个文件分批导入", rows[^1].FileError);
    }

    /// <summary>A minimal workbook whose sheet is <paramref name="zeros"/> bytes of zeros, packed as small as possible.</summary>
    private static byte[] ZipBomb(long zeros)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open(), Encoding.UTF8))
            {
                writer.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            }

            using (var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open(), Encoding.UTF8))
            {
                writer.Write("<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
            }

            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var block = new byte[1 << 20];
            for (long written = 0; written < zeros; written += block.Length)
            {
                sheet.Write(block, 0, (int)Math.Min(block.Length, zeros - written));
            }
        }

        Assert.True(stream.Length < 1024 * 1024);
        return stream.ToArray();
    }
}
