using System.Text;

namespace Gongjiang.DataGen;

/// <summary>The encodings CSV files arrive in.</summary>
public static class TextEncodings
{
    /// <summary>UTF-8 without a byte order mark.</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>UTF-8 with a byte order mark (what Excel writes as “CSV UTF-8”).</summary>
    public static Encoding Utf8WithBom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>GB18030 (what Excel and WPS on Chinese Windows write as plain “CSV”).</summary>
    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    /// <summary>“utf8”, “utf8bom” or “gb18030”.</summary>
    public static Encoding Parse(string name) => name.ToLowerInvariant() switch
    {
        "utf8" or "utf-8" => Utf8,
        "utf8bom" or "utf-8-bom" => Utf8WithBom,
        "gb18030" => Gb18030,
        _ => throw new ArgumentException("编码应为 utf8、utf8bom 或 gb18030", nameof(name)),
    };
}

/// <summary>What a writer wrote.</summary>
/// <param name="Rows">Data rows (title and header rows not counted).</param>
/// <param name="BadRows">Rows with <see cref="ISyntheticRecord.IsDeliberatelyBad"/>.</param>
public sealed record WriteSummary(long Rows, long BadRows);
