using System.IO.Compression;
using System.Text;
using Gongjiang.Core.Window;

namespace Gongjiang.Core.Tests.Window;

/// <summary>
/// Uploaded materials are checked by content (magic bytes), not by name: the issue's bad input “an .exe renamed .pdf”
/// is refused with a Chinese message naming the file.
/// </summary>
public sealed class MaterialFilesTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00E2\u00E3\n1 0 obj");
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];
    private static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];

    [Theory]
    [InlineData("申请表.pdf", "pdf", MaterialFileType.Pdf, "application/pdf")]
    [InlineData("身份证正面.JPG", "jpeg", MaterialFileType.Jpeg, "image/jpeg")]
    [InlineData("photo.jpeg", "jpeg", MaterialFileType.Jpeg, "image/jpeg")]
    [InlineData("户口本.png", "png", MaterialFileType.Png, "image/png")]
    public void Files_whose_content_matches_their_extension_pass(string name, string content, MaterialFileType type, string mime)
    {
        var result = MaterialFiles.Check(name, 1024, Header(content));

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(new CheckedMaterial(name, type, mime, 1024), result.Value);
    }

    [Fact]
    public void An_exe_renamed_pdf_is_refused()
    {
        var result = MaterialFiles.Check("申请表.pdf", 4096, Exe);

        Assert.Equal("材料文件“申请表.pdf”的内容不是PDF文件（识别为Windows可执行程序），已拒收；请上传真实的PDF文件", result.Error);
    }

    [Theory]
    [InlineData("a.pdf", "png", "材料文件“a.pdf”的内容不是PDF文件（识别为PNG图片），已拒收；请上传真实的PDF文件")]
    [InlineData("a.jpg", "pdf", "材料文件“a.jpg”的内容不是JPG图片（识别为PDF文件），已拒收；请上传真实的JPG图片")]
    [InlineData("a.png", "svg", "材料文件“a.png”的内容不是PNG图片（识别为网页或XML/SVG文本），已拒收；请上传真实的PNG图片")]
    [InlineData("a.pdf", "elf", "材料文件“a.pdf”的内容不是PDF文件（识别为Linux可执行程序），已拒收；请上传真实的PDF文件")]
    [InlineData("a.pdf", "script", "材料文件“a.pdf”的内容不是PDF文件（识别为脚本程序），已拒收；请上传真实的PDF文件")]
    [InlineData("a.docx", "doc", "材料文件“a.docx”的内容不是Word文档（.docx）（识别为旧版或加密的Office文档（.doc/.xls）），已拒收；请上传真实的Word文档（.docx）")]
    [InlineData("a.pdf", "text", "材料文件“a.pdf”的内容不是PDF文件（无法识别的文件格式），已拒收；请上传真实的PDF文件")]
    public void Content_of_another_kind_is_refused_naming_what_it_is(string name, string content, string message)
    {
        Assert.Equal(message, MaterialFiles.Check(name, 100, Header(content)).Error);
    }

    [Fact]
    public void Office_and_OFD_packages_pass_on_their_first_entry_and_then_on_their_entry_list()
    {
        var docx = Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
        var xlsx = Zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml");
        var ofd = Zip("OFD.xml", "Doc_0/Document.xml");

        Assert.Equal(MaterialFileType.Docx, MaterialFiles.Check("简历.docx", docx.Length, docx).Value!.Type);
        Assert.Equal(MaterialFileType.Xlsx, MaterialFiles.Check("工资表.xlsx", xlsx.Length, xlsx).Value!.Type);
        Assert.Equal(MaterialFileType.Ofd, MaterialFiles.Check("证明.ofd", ofd.Length, ofd).Value!.Type);
        Assert.True(MaterialFiles.CheckPackage(MaterialFileType.Docx, Entries(docx)).IsValid);
        Assert.True(MaterialFiles.CheckPackage(MaterialFileType.Xlsx, Entries(xlsx)).IsValid);
        Assert.True(MaterialFiles.CheckPackage(MaterialFileType.Ofd, Entries(ofd)).IsValid);
    }

    [Theory]
    // An .xlsx renamed .docx: the first entry is the workbook.
    [InlineData("a.docx", new[] { "xl/workbook.xml" }, "材料文件“a.docx”的内容不是Word文档（.docx）（识别为Excel表格），已拒收；请上传真实的Word文档（.docx）")]
    // An OpenDocument text (.odt) renamed .docx: “mimetype” comes first.
    [InlineData("a.docx", new[] { "mimetype", "content.xml" }, "材料文件“a.docx”的内容不是Word文档（.docx）（识别为OpenDocument文档或其他压缩包），已拒收；请上传真实的Word文档（.docx）")]
    // A Word file renamed .ofd.
    [InlineData("a.ofd", new[] { "[Content_Types].xml", "word/document.xml" }, "材料文件“a.ofd”的内容不是OFD版式文件（识别为Office文档），已拒收；请上传真实的OFD版式文件")]
    // A ZIP is not a PDF.
    [InlineData("a.pdf", new[] { "OFD.xml" }, "材料文件“a.pdf”的内容不是PDF文件（识别为OFD版式文件），已拒收；请上传真实的PDF文件")]
    public void Packages_of_another_kind_are_refused(string name, string[] entries, string message)
    {
        var zip = Zip(entries);

        Assert.Equal(message, MaterialFiles.Check(name, zip.Length, zip).Error);
    }

    [Theory]
    [InlineData(MaterialFileType.Docx, new[] { "[Content_Types].xml", "word/styles.xml" }, "文件内容不是有效的Word文档（.docx）（缺少word/document.xml）")]
    [InlineData(MaterialFileType.Xlsx, new[] { "xl/workbook.xml" }, "文件内容不是有效的Excel表格（.xlsx）（缺少[Content_Types].xml）")]
    [InlineData(MaterialFileType.Ofd, new[] { "Doc_0/Document.xml" }, "文件内容不是有效的OFD版式文件（缺少OFD.xml）")]
    [InlineData(MaterialFileType.Docx, new[] { "[Content_Types].xml", "word/document.xml", "word/vbaProject.bin" }, "Word文档（.docx）中含有宏代码，出于安全考虑不予接收，请另存为不含宏的文件")]
    public void The_package_check_needs_the_entry_files_and_refuses_macros(MaterialFileType type, string[] entries, string message)
    {
        Assert.Equal(message, MaterialFiles.CheckPackage(type, entries).Error);
    }

    [Fact]
    public void Plain_files_need_no_package_check()
    {
        Assert.Equal(MaterialFileType.Pdf, MaterialFiles.CheckPackage(MaterialFileType.Pdf, []).Value);
    }

    [Theory]
    [InlineData(null, "材料文件名不能为空")]
    [InlineData("  ", "材料文件名不能为空")]
    [InlineData("申请表", "材料文件“申请表”没有扩展名，请上传PDF、OFD、JPG、PNG、DOCX或XLSX文件")]
    [InlineData("申请表.", "材料文件“申请表.”没有扩展名，请上传PDF、OFD、JPG、PNG、DOCX或XLSX文件")]
    [InlineData("setup.exe", "材料文件“setup.exe”的类型（.exe）不在允许范围内，请上传PDF、OFD、JPG、PNG、DOCX或XLSX文件")]
    [InlineData("申请表.pdf.exe", "材料文件“申请表.pdf.exe”的类型（.exe）不在允许范围内，请上传PDF、OFD、JPG、PNG、DOCX或XLSX文件")]
    [InlineData("a\u0000b.pdf", "材料文件名过长或含有不可见字符，请重命名后上传")]
    public void Names_are_checked_before_the_content(string? name, string message)
    {
        Assert.Equal(message, MaterialFiles.Check(name, 100, Pdf).Error);
    }

    [Fact]
    public void A_path_sent_with_the_name_is_dropped()
    {
        Assert.Equal("申请表.pdf", MaterialFiles.Check(@"C:\fakepath\申请表.pdf", 100, Pdf).Value!.FileName);
        Assert.Equal("申请表.pdf", MaterialFiles.Check("../../etc/申请表.pdf", 100, Pdf).Value!.FileName);
    }

    [Fact]
    public void Empty_files_are_refused()
    {
        Assert.Equal("材料文件“a.pdf”是空文件，请重新选择", MaterialFiles.Check("a.pdf", 0, []).Error);
    }

    [Theory]
    [InlineData("a.pdf", "pdf", 20L * 1024 * 1024, null)] // exactly the limit
    [InlineData("a.pdf", "pdf", 25L * 1024 * 1024, "材料文件“a.pdf”大小为25MB，超过PDF文件的上限20MB")]
    [InlineData("a.jpg", "jpeg", (10L * 1024 * 1024) + (512 * 1024), "材料文件“a.jpg”大小为10.5MB，超过JPG图片的上限10MB")]
    public void Sizes_are_limited_by_type(string name, string content, long length, string? message)
    {
        Assert.Equal(message, MaterialFiles.Check(name, length, Header(content)).Error);
    }

    [Fact]
    public void A_file_can_be_both_too_large_and_of_the_wrong_kind()
    {
        var result = MaterialFiles.Check("a.pdf", 30L * 1024 * 1024, Exe);

        Assert.Equal(2, result.Reasons.Count);
    }

    [Fact]
    public void Limits_are_parameters()
    {
        var limits = new MaterialLimits(MaxDocumentBytes: 1024, MaxImageBytes: 512);

        Assert.False(MaterialFiles.Check("a.pdf", 1025, Pdf, limits).IsValid);
        Assert.True(MaterialFiles.Check("a.pdf", 1024, Pdf, limits).IsValid);
        Assert.Equal("材料文件“a.pdf”大小为1.5KB，超过PDF文件的上限1KB", MaterialFiles.Check("a.pdf", 1536, Pdf, limits).Error);
        Assert.Equal("材料文件“a.png”大小为513字节，超过PNG图片的上限512字节", MaterialFiles.Check("a.png", 513, Png, limits).Error);
    }

    [Fact]
    public void Missing_required_materials_are_named_in_the_items_order()
    {
        RequiredMaterial[] required = [new("id", "身份证明"), new("contract", "购房合同"), new("honor", "荣誉证书")];

        Assert.Equal(["身份证明", "荣誉证书"], MaterialFiles.Missing(required, ["contract"]));
        Assert.Empty(MaterialFiles.Missing(required, ["honor", "contract", "id"]));
    }

    private static byte[] Header(string kind) => kind switch
    {
        "pdf" => Pdf,
        "jpeg" => Jpeg,
        "png" => Png,
        "svg" => Encoding.UTF8.GetBytes("\uFEFF  <?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\">"),
        "elf" => [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01],
        "script" => Encoding.ASCII.GetBytes("#!/bin/sh\nrm -rf /"),
        "doc" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00],
        "text" => Encoding.UTF8.GetBytes("这是一段普通文字"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A real ZIP package with these entries, in this order (System.IO.Compression writes local headers in order).</summary>
    private static byte[] Zip(params string[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(entry).Open());
                writer.Write("<x/>");
            }
        }

        return stream.ToArray();
    }

    private static string[] Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return [.. archive.Entries.Select(e => e.FullName)];
    }
}
