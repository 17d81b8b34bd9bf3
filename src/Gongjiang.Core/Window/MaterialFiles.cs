using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Window;

/// <summary>The kinds of file accepted as a request's material. Stored; never renumber.</summary>
public enum MaterialFileType
{
    /// <summary>PDF (ISO 32000), “%PDF-”.</summary>
    Pdf = 1,
    /// <summary>JPEG image, FF D8 FF.</summary>
    Jpeg = 2,
    /// <summary>PNG image, 89 50 4E 47 0D 0A 1A 0A.</summary>
    Png = 3,
    /// <summary>OFD (GB/T 33190-2016 版式文档, the format of Chinese e-government documents): a ZIP package with OFD.xml at its root.</summary>
    Ofd = 4,
    /// <summary>Word document (.docx, ECMA-376 / ISO/IEC 29500): a ZIP package with word/document.xml, without macros.</summary>
    Docx = 5,
    /// <summary>Excel workbook (.xlsx): a ZIP package with xl/workbook.xml, without macros.</summary>
    Xlsx = 6,
}

/// <summary>Size limits for materials (local choices; 政务服务 platforms commonly cap uploads at 10–20 MB a file).</summary>
/// <param name="MaxDocumentBytes">PDF, OFD, DOCX, XLSX (default 20 MB).</param>
/// <param name="MaxImageBytes">JPEG, PNG (default 10 MB).</param>
public sealed record MaterialLimits(long MaxDocumentBytes = 20 * 1024 * 1024, long MaxImageBytes = 10 * 1024 * 1024)
{
    public static MaterialLimits Default { get; } = new();

    /// <summary>The limit for a type.</summary>
    public long For(MaterialFileType type) => type is MaterialFileType.Jpeg or MaterialFileType.Png ? MaxImageBytes : MaxDocumentBytes;
}

/// <summary>A material file that passed <see cref="MaterialFiles.Check"/>.</summary>
/// <param name="FileName">The file name without any path, as shown to people (never used as a storage path).</param>
/// <param name="Type">The type, agreeing with both the extension and the content.</param>
/// <param name="ContentType">The MIME type to serve it with.</param>
/// <param name="Length">Its size in bytes.</param>
public sealed record CheckedMaterial(string FileName, MaterialFileType Type, string ContentType, long Length);

/// <summary>A material a service item requires (from its 办事指南).</summary>
/// <param name="Code">Stable code of the material within the item.</param>
/// <param name="Name">Its name, e.g. “身份证明”, “购房合同”.</param>
public sealed record RequiredMaterial(string Code, string Name);

/// <summary>
/// Checks of uploaded materials, pure over the file's name, size and first bytes: the extension must be one of the
/// accepted types, the content's magic bytes must be that type (an .exe renamed .pdf is refused), and the size within
/// the limits. ZIP-based types (OFD, DOCX, XLSX) are then confirmed on the package's entry names
/// (<see cref="CheckPackage"/>; Web lists them with <c>System.IO.Compression.ZipArchive</c>). The issue's “Bad input”
/// list: oversized or wrong-type files get a clear Chinese message naming the file.
/// </summary>
public static class MaterialFiles
{
    /// <summary>How many leading bytes Web should pass (fewer when the file is shorter).</summary>
    public const int HeaderLength = 512;

    private const string Accepted = "PDF、OFD、JPG、PNG、DOCX或XLSX";

    /// <summary>The MIME type of a material type.</summary>
    public static string ContentType(MaterialFileType type) => type switch
    {
        MaterialFileType.Pdf => "application/pdf",
        MaterialFileType.Jpeg => "image/jpeg",
        MaterialFileType.Png => "image/png",
        MaterialFileType.Ofd => "application/ofd",
        MaterialFileType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        MaterialFileType.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>“PDF文件”, “JPG图片”, “Word文档（.docx）”…</summary>
    public static string ChineseName(MaterialFileType type) => type switch
    {
        MaterialFileType.Pdf => "PDF文件",
        MaterialFileType.Jpeg => "JPG图片",
        MaterialFileType.Png => "PNG图片",
        MaterialFileType.Ofd => "OFD版式文件",
        MaterialFileType.Docx => "Word文档（.docx）",
        MaterialFileType.Xlsx => "Excel表格（.xlsx）",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// Checks a file by its name, size and first bytes (<see cref="HeaderLength"/>, or all of a shorter file).
    /// </summary>
    /// <returns>The checked material, or every reason it is refused, in Chinese, naming the file.</returns>
    public static Result<CheckedMaterial> Check(string? fileName, long length, ReadOnlySpan<byte> header, MaterialLimits? limits = null)
    {
        limits ??= MaterialLimits.Default;
        var name = BaseName(fileName);
        if (name.Length == 0)
        {
            return Result<CheckedMaterial>.Fail("材料文件名不能为空");
        }

        if (name.Length > 200 || name.Any(char.IsControl))
        {
            return Result<CheckedMaterial>.Fail("材料文件名过长或含有不可见字符，请重命名后上传");
        }

        var dot = name.LastIndexOf('.');
        if (dot <= 0 || dot == name.Length - 1)
        {
            return Result<CheckedMaterial>.Fail($"材料文件“{name}”没有扩展名，请上传{Accepted}文件");
        }

        var extension = name[(dot + 1)..].ToLowerInvariant();
        MaterialFileType? declared = extension switch
        {
            "pdf" => MaterialFileType.Pdf,
            "jpg" or "jpeg" => MaterialFileType.Jpeg,
            "png" => MaterialFileType.Png,
            "ofd" => MaterialFileType.Ofd,
            "docx" => MaterialFileType.Docx,
            "xlsx" => MaterialFileType.Xlsx,
            _ => null,
        };
        if (declared is not { } type)
        {
            return Result<CheckedMaterial>.Fail($"材料文件“{name}”的类型（.{extension}）不在允许范围内，请上传{Accepted}文件");
        }

        if (length <= 0 || header.IsEmpty)
        {
            return Result<CheckedMaterial>.Fail($"材料文件“{name}”是空文件，请重新选择");
        }

        var reasons = new List<string>();
        var limit = limits.For(type);
        if (length > limit)
        {
            reasons.Add($"材料文件“{name}”大小为{Megabytes(length)}，超过{ChineseName(type)}的上限{Megabytes(limit)}");
        }

        var content = Sniff(header);
        if (!Agrees(type, content, header))
        {
            reasons.Add($"材料文件“{name}”的内容不是{ChineseName(type)}（{Describe(content, header)}），已拒收；请上传真实的{ChineseName(type)}");
        }

        return reasons.Count > 0
            ? Result<CheckedMaterial>.Fail(reasons)
            : Result<CheckedMaterial>.Ok(new CheckedMaterial(name, type, ContentType(type), length));
    }

    /// <summary>
    /// Confirms a ZIP-based material on its entry names: OFD needs OFD.xml at the root (GB/T 33190-2016 文档入口); DOCX
    /// needs [Content_Types].xml and word/document.xml; XLSX needs [Content_Types].xml and xl/workbook.xml; OOXML with a
    /// VBA project (macros) is refused. Other types need no package check.
    /// </summary>
    public static Result<MaterialFileType> CheckPackage(MaterialFileType type, IReadOnlyCollection<string> entryNames)
    {
        ArgumentNullException.ThrowIfNull(entryNames);
        var names = new HashSet<string>(entryNames.Select(n => n.Replace('\\', '/').TrimStart('/')), StringComparer.OrdinalIgnoreCase);
        var missing = type switch
        {
            MaterialFileType.Ofd => new[] { "OFD.xml" },
            MaterialFileType.Docx => ["[Content_Types].xml", "word/document.xml"],
            MaterialFileType.Xlsx => ["[Content_Types].xml", "xl/workbook.xml"],
            _ => [],
        };
        var absent = missing.Where(n => !names.Contains(n)).ToList();
        if (absent.Count > 0)
        {
            return Result<MaterialFileType>.Fail($"文件内容不是有效的{ChineseName(type)}（缺少{string.Join("、", absent)}）");
        }

        if (type is MaterialFileType.Docx or MaterialFileType.Xlsx && names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
        {
            return Result<MaterialFileType>.Fail($"{ChineseName(type)}中含有宏代码，出于安全考虑不予接收，请另存为不含宏的文件");
        }

        return Result<MaterialFileType>.Ok(type);
    }

    /// <summary>The names of the required materials not among <paramref name="providedCodes"/>, in the item's order.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<RequiredMaterial> required, IEnumerable<string> providedCodes)
    {
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(providedCodes);
        var provided = providedCodes.ToHashSet(StringComparer.Ordinal);
        return [.. required.Where(m => !provided.Contains(m.Code)).Select(m => m.Name)];
    }

    private enum Content
    {
        Unknown,
        Pdf,
        Jpeg,
        Png,
        Zip,
        WindowsExecutable,
        Elf,
        MachO,
        Script,
        Html,
        Gif,
        Bmp,
        Tiff,
        LegacyOffice,
        Rar,
        SevenZip,
        Gzip,
        Webp,
    }

    private static Content Sniff(ReadOnlySpan<byte> h)
    {
        if (h.StartsWith("%PDF-"u8))
        {
            return Content.Pdf;
        }

        if (Starts(h, 0xFF, 0xD8, 0xFF))
        {
            return Content.Jpeg;
        }

        if (Starts(h, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A))
        {
            return Content.Png;
        }

        if (h.StartsWith("PK\u0003\u0004"u8))
        {
            return Content.Zip;
        }

        if (h.StartsWith("MZ"u8))
        {
            return Content.WindowsExecutable;
        }

        if (Starts(h, 0x7F, 0x45, 0x4C, 0x46))
        {
            return Content.Elf;
        }

        if (Starts(h, 0xFE, 0xED, 0xFA, 0xCE) || Starts(h, 0xFE, 0xED, 0xFA, 0xCF) || Starts(h, 0xCE, 0xFA, 0xED, 0xFE)
            || Starts(h, 0xCF, 0xFA, 0xED, 0xFE) || Starts(h, 0xCA, 0xFE, 0xBA, 0xBE))
        {
            return Content.MachO;
        }

        if (h.StartsWith("#!"u8))
        {
            return Content.Script;
        }

        if (h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8))
        {
            return Content.Gif;
        }

        if (h.StartsWith("BM"u8))
        {
            return Content.Bmp;
        }

        if (h.StartsWith("II*\0"u8) || h.StartsWith("MM\0*"u8))
        {
            return Content.Tiff;
        }

        if (Starts(h, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1))
        {
            return Content.LegacyOffice;
        }

        if (h.StartsWith("Rar!"u8))
        {
            return Content.Rar;
        }

        if (Starts(h, 0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C))
        {
            return Content.SevenZip;
        }

        if (Starts(h, 0x1F, 0x8B))
        {
            return Content.Gzip;
        }

        if (h.Length >= 12 && h.StartsWith("RIFF"u8) && h[8..12].SequenceEqual("WEBP"u8))
        {
            return Content.Webp;
        }

        var text = h.StartsWith("\uFEFF"u8) ? h[3..] : h;
        while (!text.IsEmpty && text[0] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            text = text[1..];
        }

        if (text.StartsWith("<"u8))
        {
            return Content.Html;
        }

        return Content.Unknown;
    }

    private static bool Starts(ReadOnlySpan<byte> header, params ReadOnlySpan<byte> signature) => header.StartsWith(signature);

    private static bool Agrees(MaterialFileType type, Content content, ReadOnlySpan<byte> header) => type switch
    {
        MaterialFileType.Pdf => content == Content.Pdf,
        MaterialFileType.Jpeg => content == Content.Jpeg,
        MaterialFileType.Png => content == Content.Png,
        MaterialFileType.Ofd or MaterialFileType.Docx or MaterialFileType.Xlsx => content == Content.Zip && FirstEntryFits(type, FirstZipEntry(header)),
        _ => false,
    };

    /// <summary>
    /// The first entry of a ZIP package, when visible in the header, must not belong to another kind of package (an .xlsx
    /// renamed .docx, an OpenDocument file, an OOXML file renamed .ofd). Absent or unknown names pass here and are
    /// decided by <see cref="CheckPackage"/>.
    /// </summary>
    private static bool FirstEntryFits(MaterialFileType type, string? first)
    {
        if (first is null)
        {
            return true;
        }

        var ooxml = first.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase) || first.StartsWith("_rels/", StringComparison.OrdinalIgnoreCase)
            || first.StartsWith("docProps/", StringComparison.OrdinalIgnoreCase);
        if (first.Equals("mimetype", StringComparison.Ordinal))
        {
            return false; // OpenDocument (.odt/.ods) or EPUB
        }

        return type switch
        {
            MaterialFileType.Docx => !first.StartsWith("xl/", StringComparison.OrdinalIgnoreCase) && !first.Equals("OFD.xml", StringComparison.OrdinalIgnoreCase),
            MaterialFileType.Xlsx => !first.StartsWith("word/", StringComparison.OrdinalIgnoreCase) && !first.Equals("OFD.xml", StringComparison.OrdinalIgnoreCase),
            MaterialFileType.Ofd => !ooxml && !first.StartsWith("word/", StringComparison.OrdinalIgnoreCase) && !first.StartsWith("xl/", StringComparison.OrdinalIgnoreCase),
            _ => true,
        };
    }

    /// <summary>The name in the first local file header (PKWARE APPNOTE 4.3.7: name length at offset 26, name at 30).</summary>
    private static string? FirstZipEntry(ReadOnlySpan<byte> header)
    {
        if (header.Length < 30)
        {
            return null;
        }

        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[26..28]);
        return nameLength == 0 || header.Length < 30 + nameLength ? null : Encoding.UTF8.GetString(header.Slice(30, nameLength));
    }

    private static string Describe(Content content, ReadOnlySpan<byte> header) => content switch
    {
        Content.Pdf => "识别为PDF文件",
        Content.Jpeg => "识别为JPG图片",
        Content.Png => "识别为PNG图片",
        Content.Zip => FirstZipEntry(header) switch
        {
            "mimetype" => "识别为OpenDocument文档或其他压缩包",
            var first when first is not null && first.StartsWith("word/", StringComparison.OrdinalIgnoreCase) => "识别为Word文档",
            var first when first is not null && first.StartsWith("xl/", StringComparison.OrdinalIgnoreCase) => "识别为Excel表格",
            var first when first is not null && first.StartsWith("[Content_Types]", StringComparison.OrdinalIgnoreCase) => "识别为Office文档",
            "OFD.xml" => "识别为OFD版式文件",
            _ => "识别为ZIP压缩包",
        },
        Content.WindowsExecutable => "识别为Windows可执行程序",
        Content.Elf => "识别为Linux可执行程序",
        Content.MachO => "识别为macOS可执行程序或Java类文件",
        Content.Script => "识别为脚本程序",
        Content.Html => "识别为网页或XML/SVG文本",
        Content.Gif => "识别为GIF图片",
        Content.Bmp => "识别为BMP图片",
        Content.Tiff => "识别为TIFF图片",
        Content.LegacyOffice => "识别为旧版或加密的Office文档（.doc/.xls）",
        Content.Rar => "识别为RAR压缩包",
        Content.SevenZip => "识别为7z压缩包",
        Content.Gzip => "识别为gzip压缩包",
        Content.Webp => "识别为WebP图片",
        _ => "无法识别的文件格式",
    };

    private static string BaseName(string? fileName)
    {
        var trimmed = fileName?.Trim() ?? "";
        var slash = trimmed.LastIndexOfAny(['/', '\\']);
        return slash >= 0 ? trimmed[(slash + 1)..].Trim() : trimmed;
    }

    /// <summary>“20MB”, “10.5MB”, “300KB”, “512字节”.</summary>
    private static string Megabytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / 1024m / 1024m).ToString(bytes % (1024 * 1024) == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + "MB",
        >= 1024 => (bytes / 1024m).ToString(bytes % 1024 == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + "KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + "字节",
    };
}
