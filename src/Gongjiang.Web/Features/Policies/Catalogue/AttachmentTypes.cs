using System.IO.Compression;

namespace Gongjiang.Web.Features.Policies.Catalogue;

/// <summary>
/// The type of a policy attachment by its content, never by its name: PDF (<c>%PDF-</c>), DOC (an OLE2 compound file),
/// OFD (GB/T 33190: a ZIP package with <c>OFD.xml</c> at its root) and DOCX (a ZIP package with <c>word/document.xml</c>).
/// </summary>
public static class AttachmentTypes
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>"pdf", "ofd", "doc" or "docx"; null for anything else. Reads from the stream's start (it must be seekable).</summary>
    public static string? Detect(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[8];
        stream.Position = 0;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (read >= Pdf.Length && head.AsSpan(0, Pdf.Length).SequenceEqual(Pdf))
        {
            return "pdf";
        }

        if (read >= Ole2.Length && head.AsSpan(0, Ole2.Length).SequenceEqual(Ole2))
        {
            return "doc";
        }

        if (read < Zip.Length || !head.AsSpan(0, Zip.Length).SequenceEqual(Zip))
        {
            return null;
        }

        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return names.Contains("OFD.xml") ? "ofd" : names.Contains("word/document.xml") ? "docx" : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            stream.Position = 0;
        }
    }

    public static string ContentType(string? type) => type switch
    {
        "pdf" => "application/pdf",
        "ofd" => "application/ofd",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    };

    public static string ChineseName(string? type) => type switch
    {
        "pdf" => "PDF",
        "ofd" => "OFD（版式文档）",
        "doc" => "DOC 文字文档",
        "docx" => "DOCX 文字文档",
        _ => "未知",
    };
}
