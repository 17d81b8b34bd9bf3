using System.Buffers;
using System.Text;

namespace Gongjiang.DataGen;

/// <summary>Writes rosters and honours lists as RFC 4180 CSV (CRLF line ends, fields quoted only when needed).</summary>
public static class CsvWriter
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    /// <summary>Streams <paramref name="records"/> to <paramref name="stream"/>, which is left open.</summary>
    /// <param name="stream">Destination.</param>
    /// <param name="kind">Roster or honours: chooses the columns.</param>
    /// <param name="records">Rows of that kind (enumerated once).</param>
    /// <param name="encoding">See <see cref="TextEncodings"/>; a UTF-8 encoding that emits an identifier writes a BOM.</param>
    /// <param name="messyHeaders">Aliases, shuffled columns, an extra 备注 column and two title rows above the header.</param>
    /// <param name="layoutSeed">Seed of the messy layout.</param>
    /// <param name="title">First title row of a messy file; default “高技能领军人才人员名册/荣誉名单”.</param>
    public static WriteSummary Write(
        Stream stream,
        RecordKind kind,
        IEnumerable<ISyntheticRecord> records,
        Encoding encoding,
        bool messyHeaders = false,
        int layoutSeed = 0,
        string? title = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(encoding);

        var layout = SheetLayout.Create(kind, messyHeaders, layoutSeed, title);
        using var writer = new StreamWriter(stream, encoding, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\r\n" };

        foreach (var titleRow in layout.TitleRows)
        {
            // Excel exports a merged title cell as the text followed by empty cells.
            WriteField(writer, titleRow);
            writer.Write(new string(',', layout.ColumnCount - 1));
            writer.WriteLine();
        }

        for (var c = 0; c < layout.ColumnCount; c++)
        {
            if (c > 0)
            {
                writer.Write(',');
            }

            WriteField(writer, layout.Headers[c]);
        }

        writer.WriteLine();

        long rows = 0, bad = 0;
        foreach (var record in records)
        {
            if (record.Kind != kind)
            {
                throw new ArgumentException("记录类型与文件类型不一致", nameof(records));
            }

            for (var c = 0; c < layout.ColumnCount; c++)
            {
                if (c > 0)
                {
                    writer.Write(',');
                }

                WriteField(writer, layout.Cell(record, c));
            }

            writer.WriteLine();
            rows++;
            if (record.IsDeliberatelyBad)
            {
                bad++;
            }
        }

        writer.Flush();
        return new WriteSummary(rows, bad);
    }

    private static void WriteField(StreamWriter writer, string value)
    {
        if (value.AsSpan().IndexOfAny(NeedsQuotes) < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        var span = value.AsSpan();
        int quote;
        while ((quote = span.IndexOf('"')) >= 0)
        {
            writer.Write(span[..(quote + 1)]);
            writer.Write('"');
            span = span[(quote + 1)..];
        }

        writer.Write(span);
        writer.Write('"');
    }
}
