using System.IO.Compression;
using System.Text;

namespace Gongjiang.Web.Features.Registry.Imports.Reading;

internal enum SniffedFormat
{
    Csv,
    Xlsx,
}

/// <summary>Tells CSV from XLSX (and both from everything else) by the content, never by the file name.</summary>
internal static class FileSniffer
{
    private const int SampleSize = 8192;
    private const string NotCsvOrXlsx = "文件不是 CSV 或 XLSX 格式";

    public static SniffedFormat? Sniff(TempUpload upload, string? fileName, out string? error)
    {
        error = null;
        if (upload.Length == 0)
        {
            error = "文件为空";
            return null;
        }

        var sample = new byte[(int)Math.Min(SampleSize, upload.Length)];
        using (var file = upload.OpenRead())
        {
            file.ReadExactly(sample);
        }

        ReadOnlySpan<byte> head = sample;
        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8))
        {
            return SniffZip(upload, fileName, out error);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            error = "不支持旧版 Excel（.xls）格式，请另存为 .xlsx 或 CSV";
            return null;
        }

        if (Binary(head) is { } kind)
        {
            error = Detected(kind);
            return null;
        }

        var bom = head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        if (!bom && head.Contains((byte)0))
        {
            error = Detected("二进制内容");
            return null;
        }

        if (!bom && Markup(head) is { } markup)
        {
            error = markup;
            return null;
        }

        if (IsXlsxName(fileName))
        {
            // Named .xlsx but not a workbook (a renamed text or a broken download): say so, instead of reading it as CSV.
            error = "文件名是 .xlsx，但内容不是 Excel 工作簿，无法读取。请用 Excel 或 WPS 打开原表格后“另存为” Excel 工作簿（.xlsx）或 CSV，再重新上传";
            return null;
        }

        if (IsBlankText(upload, bom))
        {
            error = "文件为空";
            return null;
        }

        return SniffedFormat.Csv;
    }

    private static SniffedFormat? SniffZip(TempUpload upload, string? fileName, out string? error)
    {
        error = null;
        try
        {
            using var file = upload.OpenRead();
            using var zip = new ZipArchive(file, ZipArchiveMode.Read);
            if (zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("xl/workbook.xml") is not null)
            {
                return SniffedFormat.Xlsx;
            }

            var detected =
                zip.GetEntry("word/document.xml") is not null ? "Word 文档（.docx）" :
                zip.GetEntry("ppt/presentation.xml") is not null ? "PowerPoint 演示文稿（.pptx）" :
                zip.GetEntry("content.xml") is not null ? "OpenDocument/WPS 文档" :
                "ZIP 压缩包";
            error = Detected(detected);
            return null;
        }
        catch (InvalidDataException)
        {
            error = IsXlsxName(fileName)
                ? "XLSX 文件已损坏，无法打开，请用 Excel 打开后重新另存为 .xlsx"
                : Detected("已损坏的 ZIP 压缩包");
            return null;
        }
    }

    /// <summary>"文件不是 CSV 或 XLSX 格式（检测到 PDF 文档）", with a space before Latin letters as Chinese typesetting has it.</summary>
    private static string Detected(string what) =>
        $"{NotCsvOrXlsx}（检测到{(char.IsAsciiLetterOrDigit(what[0]) ? " " : "")}{what}）";

    private static string? Binary(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF"u8) ? "PDF 文档" :
        head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ? "PNG 图片" :
        head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "JPEG 图片" :
        head.StartsWith("GIF8"u8) ? "GIF 图片" :
        head.StartsWith("BM"u8) && head.Length > 14 && head.Contains((byte)0) ? "BMP 图片" :
        head.StartsWith("Rar!"u8) ? "RAR 压缩包" :
        head.StartsWith((ReadOnlySpan<byte>)[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) ? "7z 压缩包" :
        head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]) ? "GZIP 压缩包" :
        head.StartsWith("MZ"u8) && head.Contains((byte)0) ? "可执行程序" :
        head.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]) ? "可执行程序" :
        head.StartsWith("{\\rtf"u8) ? "RTF 文档" :
        null;

    /// <summary>
    /// HTML or XML disguised as a spreadsheet: what many business systems export under an ".xls" name.
    /// </summary>
    private static string? Markup(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head).TrimStart();
        if (!text.StartsWith('<'))
        {
            return null;
        }

        if (text.Contains("urn:schemas-microsoft-com:office:spreadsheet", StringComparison.OrdinalIgnoreCase)
            && !text.Contains("<html", StringComparison.OrdinalIgnoreCase))
        {
            return $"{NotCsvOrXlsx}（检测到“XML 电子表格 2003”格式），请用 Excel 打开后另存为 .xlsx";
        }

        if (text.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<table", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            return $"{NotCsvOrXlsx}（检测到网页 HTML 格式，常见于系统导出的“.xls”文件），请用 Excel 打开后另存为 .xlsx";
        }

        if (text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
        {
            return $"{NotCsvOrXlsx}（检测到 XML 文件）";
        }

        return null;
    }

    /// <summary>Only a byte order mark, whitespace and line breaks.</summary>
    private static bool IsBlankText(TempUpload upload, bool utf16)
    {
        if (upload.Length > SampleSize)
        {
            return false;
        }

        using var file = upload.OpenRead();
        var bytes = new byte[upload.Length];
        file.ReadExactly(bytes);
        foreach (var b in bytes)
        {
            var blank = b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF or 0xFF or 0xFE
                || (utf16 && b == 0);
            if (!blank)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsXlsxName(string? fileName) =>
        fileName is not null && fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
}
