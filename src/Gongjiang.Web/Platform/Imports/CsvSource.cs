using Sylvan.Data.Csv;

namespace Gongjiang.Web.Platform.Imports;

/// <summary>Rows of a CSV (or tab- or semicolon-separated) text file, decoded with a known encoding.</summary>
internal static class CsvSource
{
    /// <summary>The longest record accepted, in characters; longer means a stray quote swallowed the rest of the file.</summary>
    public const int MaxRecordChars = 1 << 22;

    private const int SniffChars = 1 << 16;
    private static readonly char[] Delimiters = [',', '\t', ';'];

    /// <summary>
    /// The delimiter whose split of one of the first lines names the most known columns (the header line); ties and
    /// files without a recognisable header go to the comma, then the tab.
    /// </summary>
    public static char DetectDelimiter(TempUpload upload, CsvEncoding encoding, ImportSchema schema)
    {
        var buffer = new char[SniffChars];
        int length;
        using (var reader = OpenText(upload, encoding))
        {
            length = reader.ReadBlock(buffer, 0, buffer.Length);
        }

        var lines = new string(buffer, 0, length).Split('\n').Take(HeaderLocator.ScanRows + 1).ToList();
        var best = ',';
        var bestScore = 0;
        foreach (var delimiter in Delimiters)
        {
            foreach (var line in lines)
            {
                var score = HeaderLocator.CountDistinctMatches(
                    line.TrimEnd('\r').Split(delimiter).Select(cell => cell.Trim().Trim('"')),
                    schema);
                if (score > bestScore)
                {
                    best = delimiter;
                    bestScore = score;
                }
            }
        }

        return best;
    }

    public static IEnumerable<RawRow> Read(TempUpload upload, CsvEncoding encoding, char delimiter)
    {
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = delimiter,
            Comment = '\0',
            CsvStyle = CsvStyle.Lax,
            MaxBufferSize = MaxRecordChars,
            OwnsReader = true,
        };
        using var csv = CsvDataReader.Create(OpenText(upload, encoding), options);
        var rowNumber = 0;
        while (csv.Read())
        {
            rowNumber++;
            var count = csv.RowFieldCount;
            var values = new object?[count];
            bool[]? formulas = null;
            for (var i = 0; i < count; i++)
            {
                var text = csv.GetString(i);
                if (text.Length > 1 && text[0] == '=')
                {
                    if (text.Length >= 3 && text[1] == '"' && text[^1] == '"' && text.IndexOf('"', 2) == text.Length - 1)
                    {
                        text = text[2..^1]; // ="0123": the usual way to keep digits as text in a CSV, not a formula
                    }
                    else
                    {
                        formulas ??= new bool[count];
                        formulas[i] = true;
                    }
                }

                values[i] = text.Length == 0 ? null : text;
            }

            yield return new RawRow(rowNumber, values, formulas);
        }
    }

    private static StreamReader OpenText(TempUpload upload, CsvEncoding encoding)
    {
        var file = upload.OpenRead();
        file.Position = encoding.PreambleLength;
        return new StreamReader(file, encoding.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: false);
    }
}
