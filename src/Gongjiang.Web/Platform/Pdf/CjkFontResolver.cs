using PdfSharp.Fonts;

namespace Gongjiang.Web.Platform.Pdf;

/// <summary>
/// The CJK font of printable exports: Noto Sans CJK SC from Debian's <c>fonts-noto-cjk</c> (the first file of
/// <see cref="Candidates"/> that exists), embedded (subset) into every PDF so it prints the same everywhere. Shared by
/// every module's PDFs (the supervision year-end consolidation, the window's 受理回执): call <see cref="TryInstall"/> and
/// answer <see cref="MissingMessage"/> when it returns false.
/// </summary>
internal sealed class CjkFontResolver : IFontResolver
{
    public const string Family = "NotoSansCJK";

    /// <summary>The Chinese answer when the font is not installed.</summary>
    public const string MissingMessage = "服务器未安装中文字体（Noto Sans CJK，Debian 软件包 fonts-noto-cjk），无法生成PDF，请联系系统管理员安装后重试。";

    /// <summary>Where Debian and other distributions install Noto Sans CJK; the collection index of its SC face.</summary>
    private static readonly (string Path, int Index)[] Candidates =
    [
        ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
        ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
        ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2),
        ("/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf", 0),
    ];

    private static readonly Lazy<(string Path, int Index)?> Found = new(() => Candidates.FirstOrDefault(c => File.Exists(c.Path)) is { Path: not null } c ? c : null);

    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Installs the resolver once; false (with nothing installed) when the font is missing.</summary>
    public static bool TryInstall()
    {
        if (Found.Value is null)
        {
            return false;
        }

        lock (Gate)
        {
            if (!_installed)
            {
                GlobalFontSettings.FontResolver = new CjkFontResolver();
                _installed = true;
            }
        }

        return true;
    }

    private static readonly Lazy<byte[]?> Face = new(() => Found.Value is { } f ? ExtractFace(File.ReadAllBytes(f.Path), f.Index) : null);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        Found.Value is null ? null : new FontResolverInfo(Family);

    public byte[]? GetFont(string faceName) => Face.Value;

    /// <summary>One face of a font collection (.ttc) as a standalone font: its table directory with the tables it points to.</summary>
    internal static byte[] ExtractFace(byte[] file, int index)
    {
        static uint U32(byte[] b, int at) => System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at));
        static ushort U16(byte[] b, int at) => System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(at));
        if (file.Length < 12 || U32(file, 0) != 0x74746366) // 'ttcf': a single font already
        {
            return file;
        }

        var start = (int)U32(file, 12 + (4 * index));
        var tables = U16(file, start + 4);
        var headerLength = 12 + (16 * tables);
        var records = Enumerable.Range(0, tables).Select(i => start + 12 + (16 * i))
            .Select(at => (Record: at, Offset: (int)U32(file, at + 8), Length: (int)U32(file, at + 12))).ToList();
        var size = headerLength + records.Sum(r => (r.Length + 3) & ~3);
        var output = new byte[size];
        Array.Copy(file, start, output, 0, 12);
        var position = headerLength;
        for (var i = 0; i < records.Count; i++)
        {
            var (record, offset, length) = records[i];
            Array.Copy(file, record, output, 12 + (16 * i), 16);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(12 + (16 * i) + 8), (uint)position);
            Array.Copy(file, offset, output, position, length);
            position += (length + 3) & ~3;
        }

        return output;
    }
}
