using System.Buffers;
using System.Globalization;
using System.Text;

namespace Gongjiang.Web.Platform.Imports;

/// <summary>The encoding a CSV file is read with, and how many leading bytes (a byte order mark) to skip.</summary>
internal sealed record CsvEncoding(Encoding Encoding, string Name, int PreambleLength);

/// <summary>
/// Chooses a CSV file's encoding: a byte order mark wins; else a user's choice is enforced; else the whole file is
/// checked as strict UTF-8, and failing that read as GB18030 (a superset of GBK and GB2312) — unless some lines are
/// clearly UTF-8 Chinese while others are not, which is a mixed file no single encoding reads correctly.
/// </summary>
internal static class CsvEncodingDetector
{
    public const string Utf8Name = "UTF-8";
    public const string GbkName = "GBK";
    public const string Gb18030Name = "GB18030";

    private const int BufferSize = 1 << 16;

    /// <summary>A line counts as UTF-8 Chinese with at least this many valid three-byte sequences and no bad byte.</summary>
    private const int MinUtf8SequencesPerLine = 2;

    private enum Requested
    {
        Auto,
        Utf8,
        Gbk,
        Gb18030,
    }

    /// <summary>Null when <paramref name="requested"/> is a name this reader understands; else the Chinese error.</summary>
    public static string? ValidateRequested(string? requested) =>
        TryParseRequested(requested, out _) ? null : $"不支持的文件编码“{requested}”，可选：自动识别、UTF-8、GBK、GB18030";

    public static CsvEncoding? Detect(Stream file, string? requested, out string? error)
    {
        error = null;
        if (!TryParseRequested(requested, out var choice))
        {
            error = ValidateRequested(requested);
            return null;
        }

        Span<byte> head = stackalloc byte[3];
        file.Position = 0;
        var read = file.ReadAtLeast(head, 3, throwOnEndOfStream: false);
        head = head[..read];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8Checked(file, 3, forced: false, out error);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new CsvEncoding(new UnicodeEncoding(bigEndian: false, byteOrderMark: false), "UTF-16LE", 2);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new CsvEncoding(new UnicodeEncoding(bigEndian: true, byteOrderMark: false), "UTF-16BE", 2);
        }

        switch (choice)
        {
            case Requested.Utf8:
                return Utf8Checked(file, 0, forced: true, out error);
            case Requested.Gbk:
                return GbChecked(file, fourByte: false, GbkName, 936, out error);
            case Requested.Gb18030:
                return GbChecked(file, fourByte: true, Gb18030Name, 54936, out error);
            case Requested.Auto:
            default:
                break;
        }

        var utf8 = Utf8Scan.Run(file, 0);
        if (utf8.Valid)
        {
            return new CsvEncoding(new UTF8Encoding(false, throwOnInvalidBytes: true), Utf8Name, 0);
        }

        if (utf8.FirstUtf8ChineseLine > 0)
        {
            var (first, firstName, differs, differsName) = utf8.FirstUtf8ChineseLine < utf8.FirstInvalidLine
                ? (utf8.FirstUtf8ChineseLine, "UTF-8", utf8.FirstInvalidLine, "GBK")
                : (utf8.FirstInvalidLine, "GBK", utf8.FirstUtf8ChineseLine, "UTF-8");
            error = string.Create(
                CultureInfo.InvariantCulture,
                $"文件编码混杂（部分为 UTF-8，部分为 GBK），请统一另存为 UTF-8 后再导入。第 {first} 行是 {firstName}，第 {differs} 行起出现 {differsName}");
            return null;
        }

        var gb = GbScan.Run(file, fourByte: true);
        if (!gb.Valid)
        {
            error = string.Create(
                CultureInfo.InvariantCulture,
                $"文件不是有效的 UTF-8 编码，也无法按 GB18030 解码（第 {gb.Line} 行有无法识别的字节 0x{gb.Byte:X2}），请用 Excel 或记事本另存为“CSV UTF-8”后再导入");
            return null;
        }

        return new CsvEncoding(Encoding.GetEncoding(54936), Gb18030Name, 0);
    }

    private static CsvEncoding? Utf8Checked(Stream file, int preamble, bool forced, out string? error)
    {
        error = null;
        var utf8 = Utf8Scan.Run(file, preamble);
        if (!utf8.Valid)
        {
            var hint = forced ? "如果文件是 GBK 编码，请将文件编码选为“GBK”或“自动识别”" : "文件开头标明为 UTF-8，但内容不是，请重新另存为“CSV UTF-8”后再导入";
            error = string.Create(
                CultureInfo.InvariantCulture,
                $"文件不是有效的 UTF-8 编码：第 {utf8.FirstInvalidLine} 行（文件第 {utf8.FirstInvalidOffset + 1} 个字节）为无法识别的字节 0x{utf8.FirstInvalidByte:X2}。{hint}");
            return null;
        }

        return new CsvEncoding(new UTF8Encoding(false, throwOnInvalidBytes: true), Utf8Name, preamble);
    }

    private static CsvEncoding? GbChecked(Stream file, bool fourByte, string name, int codePage, out string? error)
    {
        error = null;
        var gb = GbScan.Run(file, fourByte);
        if (!gb.Valid)
        {
            error = string.Create(
                CultureInfo.InvariantCulture,
                $"文件无法按 {name} 编码读取（第 {gb.Line} 行有无法识别的字节 0x{gb.Byte:X2}），请确认文件编码，或将文件编码选为“自动识别”");
            return null;
        }

        return new CsvEncoding(Encoding.GetEncoding(codePage), name, 0);
    }

    private static bool TryParseRequested(string? requested, out Requested choice)
    {
        var name = requested?.Trim().ToUpperInvariant().Replace("_", "-", StringComparison.Ordinal);
        choice = name switch
        {
            null or "" or "AUTO" or "自动" or "自动识别" => Requested.Auto,
            "UTF-8" or "UTF8" => Requested.Utf8,
            "GBK" or "GB2312" or "CP936" or "936" => Requested.Gbk,
            "GB18030" or "54936" => Requested.Gb18030,
            _ => (Requested)(-1),
        };
        return Enum.IsDefined(choice);
    }

    /// <summary>
    /// One streaming pass of strict UTF-8 validation (no overlong forms, surrogates or code points above U+10FFFF) that
    /// also notes, per line, whether the line is valid UTF-8 Chinese.
    /// </summary>
    private sealed class Utf8Scan
    {
        private long _line = 1;
        private bool _lineInvalid;
        private int _lineSequences;
        private int _need;
        private int _length;
        private byte _low = 0x80;
        private byte _high = 0xBF;
        private long _sequenceStart;
        private byte _sequenceLead;

        public long FirstInvalidOffset { get; private set; } = -1;

        public long FirstInvalidLine { get; private set; } = -1;

        public byte FirstInvalidByte { get; private set; }

        public long FirstUtf8ChineseLine { get; private set; } = -1;

        public bool Valid => FirstInvalidOffset < 0;

        public static Utf8Scan Run(Stream file, int skip)
        {
            var scan = new Utf8Scan();
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                file.Position = skip;
                long offset = skip;
                int read;
                while ((read = file.Read(buffer, 0, BufferSize)) > 0)
                {
                    scan.Feed(buffer.AsSpan(0, read), offset);
                    offset += read;
                }

                if (scan._need > 0)
                {
                    scan.Invalid(scan._sequenceStart, scan._sequenceLead);
                }

                scan.EndLine();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            return scan;
        }

        private void Feed(ReadOnlySpan<byte> bytes, long offset)
        {
            var i = 0;
            while (i < bytes.Length)
            {
                if (_need == 0)
                {
                    var ascii = bytes[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                    var run = ascii < 0 ? bytes[i..] : bytes.Slice(i, ascii);
                    var newlines = run.Count((byte)'\n');
                    if (newlines > 0)
                    {
                        EndLine();
                        _line += newlines - 1;
                    }

                    i += run.Length;
                    if (ascii < 0)
                    {
                        return;
                    }
                }

                var b = bytes[i];
                if (_need > 0)
                {
                    if (b >= _low && b <= _high)
                    {
                        _need--;
                        _low = 0x80;
                        _high = 0xBF;
                        if (_need == 0 && _length == 3)
                        {
                            _lineSequences++;
                        }

                        i++;
                        continue;
                    }

                    Invalid(_sequenceStart, _sequenceLead);
                    _need = 0;
                    _low = 0x80;
                    _high = 0xBF;
                    continue; // b is looked at again as the start of a new sequence
                }

                _sequenceStart = offset + i;
                _sequenceLead = b;
                switch (b)
                {
                    case >= 0xC2 and <= 0xDF:
                        _need = 1;
                        break;
                    case 0xE0:
                        _need = 2;
                        _low = 0xA0;
                        break;
                    case >= 0xE1 and <= 0xEC or 0xEE or 0xEF:
                        _need = 2;
                        break;
                    case 0xED:
                        _need = 2;
                        _high = 0x9F;
                        break;
                    case 0xF0:
                        _need = 3;
                        _low = 0x90;
                        break;
                    case >= 0xF1 and <= 0xF3:
                        _need = 3;
                        break;
                    case 0xF4:
                        _need = 3;
                        _high = 0x8F;
                        break;
                    default:
                        Invalid(offset + i, b);
                        break;
                }

                _length = _need + 1;
                i++;
            }
        }

        private void Invalid(long offset, byte value)
        {
            _lineInvalid = true;
            if (FirstInvalidOffset < 0)
            {
                FirstInvalidOffset = offset;
                FirstInvalidLine = _line;
                FirstInvalidByte = value;
            }
        }

        private void EndLine()
        {
            if (_lineInvalid)
            {
                if (FirstInvalidLine < 0)
                {
                    FirstInvalidLine = _line;
                }
            }
            else if (_lineSequences >= MinUtf8SequencesPerLine && FirstUtf8ChineseLine < 0)
            {
                FirstUtf8ChineseLine = _line;
            }

            _line++;
            _lineInvalid = false;
            _lineSequences = 0;
        }
    }

    /// <summary>A streaming check that the bytes form GBK (two-byte) or GB18030 (also four-byte) sequences.</summary>
    private sealed class GbScan
    {
        public bool Valid { get; private set; } = true;

        public long Line { get; private set; } = 1;

        public byte Byte { get; private set; }

        public static GbScan Run(Stream file, bool fourByte)
        {
            var scan = new GbScan();
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                file.Position = 0;
                var state = 0;
                byte lead = 0;
                int read;
                while ((read = file.Read(buffer, 0, BufferSize)) > 0)
                {
                    var bytes = buffer.AsSpan(0, read);
                    for (var i = 0; i < bytes.Length; i++)
                    {
                        var b = bytes[i];
                        var ok = state switch
                        {
                            0 => b < 0x80 || (b is >= 0x81 and <= 0xFE),
                            1 => b is (>= 0x40 and <= 0x7E) or (>= 0x80 and <= 0xFE) || (fourByte && b is >= 0x30 and <= 0x39),
                            2 => b is >= 0x81 and <= 0xFE,
                            _ => b is >= 0x30 and <= 0x39,
                        };
                        if (!ok)
                        {
                            scan.Valid = false;
                            scan.Byte = state == 0 ? b : lead;
                            return scan;
                        }

                        state = state switch
                        {
                            0 when b >= 0x80 => 1,
                            1 when b <= 0x39 => 2,
                            2 => 3,
                            _ => 0,
                        };
                        if (state == 1)
                        {
                            lead = b;
                        }

                        if (b == (byte)'\n' && state == 0)
                        {
                            scan.Line++;
                        }
                    }
                }

                if (state != 0)
                {
                    scan.Valid = false;
                    scan.Byte = lead;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            return scan;
        }
    }
}
