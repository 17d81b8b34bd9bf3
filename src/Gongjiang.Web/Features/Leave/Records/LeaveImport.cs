using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Platform.Data;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace Gongjiang.Web.Features.Leave.Records;

/// <summary>
/// 年休假记录导入: a CSV (UTF-8 or GB18030/GBK, detected) or XLSX file with one employee-year a row, headers in Chinese
/// (<see cref="LeaveRecords.Columns"/>) or the API's field names, checked row by row with Chinese messages naming the line
/// and the column, and written all or nothing through <see cref="LeaveRecords.SaveAsync"/>. Small and self-contained
/// (the platform has no shared import engine yet; the registry's is its own): up to <see cref="MaxBytes"/> and
/// <see cref="MaxRows"/> rows, read in memory.
/// </summary>
public static class LeaveImport
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public const int MaxRows = 20_000;

    /// <summary>An XLSX may unpack to at most this many bytes (a zip bomb is refused before reading).</summary>
    private const long MaxUnpackedBytes = 200L * 1024 * 1024;

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Reads and saves a file: the outcome has every problem (nothing written) or the counts.</summary>
    public static async Task<SaveOutcome> ImportAsync(
        GongjiangDbContext db, IEmploymentDirectory directory, Stream file, string fileName, long length, TimeProvider clock, CancellationToken ct)
    {
        if (length > MaxBytes)
        {
            return Fail(0, "file", $"文件超过{MaxBytes / 1024 / 1024}MB，请拆分后分批导入");
        }

        if (length == 0)
        {
            return Fail(0, "file", "文件为空，请选择填写好的 CSV 或 XLSX 文件");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes)
        {
            return Fail(0, "file", $"文件超过{MaxBytes / 1024 / 1024}MB，请拆分后分批导入");
        }

        var bytes = buffer.ToArray();
        var (drafts, problems) = Read(bytes);
        if (problems.Count > 0)
        {
            return new SaveOutcome([], problems, 0, 0);
        }

        var import = new LeaveImportFile(Guid.CreateVersion7(), Path.GetFileName(fileName) is { Length: > 0 and <= 200 } name ? name : "upload", Hash(bytes));
        db.SuppressInsertAudit = true; // the import's audit event (counts, file hash) records the inserted rows
        try
        {
            return await LeaveRecords.SaveAsync(db, directory, drafts, clock, import, ct);
        }
        finally
        {
            db.SuppressInsertAudit = false;
        }
    }

    /// <summary>The SHA-256 of a file, for the import's audit record.</summary>
    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The rows of a file as drafts (line numbers as the file shows them: the header is line 1), or why not.</summary>
    public static (List<LeaveRecordDraft> Drafts, List<RecordProblem> Problems) Read(byte[] bytes)
    {
        List<Dictionary<string, string?>> rows;
        try
        {
            rows = IsZip(bytes) ? ReadXlsx(bytes) : ReadCsv(bytes);
        }
        catch (InvalidDataException ex)
        {
            return ([], [new RecordProblem(0, "file", ex.Message)]);
        }

        if (rows.Count == 0)
        {
            return ([], [new RecordProblem(0, "file", "文件中没有数据行（第1行应为表头，如“公民身份号码,年度,应休天数,已休天数,月平均工资…”）")]);
        }

        if (rows.Count > MaxRows)
        {
            return ([], [new RecordProblem(0, "file", $"文件有{rows.Count}行数据，超过单次导入上限{MaxRows}行，请拆分后分批导入")]);
        }

        var headers = rows[0].Keys.ToList();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in headers)
        {
            var clean = header.Trim().TrimStart('\uFEFF').Replace("*", "", StringComparison.Ordinal).Replace("（元）", "", StringComparison.Ordinal).Trim();
            var column = LeaveRecords.Columns.FirstOrDefault(c => c.Label == clean || string.Equals(c.Field, clean, StringComparison.OrdinalIgnoreCase));
            if (column.Field is not null && !map.ContainsValue(column.Field))
            {
                map[header] = column.Field;
            }
        }

        var problems = new List<RecordProblem>();
        foreach (var required in new[] { "idNumber", "year" })
        {
            if (!map.ContainsValue(required))
            {
                problems.Add(new RecordProblem(1, required, $"表头缺少“{LeaveRecords.Label(required)}”列（可下载模板核对表头）"));
            }
        }

        if (problems.Count > 0)
        {
            return ([], problems);
        }

        var drafts = new List<LeaveRecordDraft>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var line = i + 2; // line 1 is the header
            var values = map.ToDictionary(m => m.Value, m => rows[i].GetValueOrDefault(m.Key)?.Trim(), StringComparer.Ordinal);
            if (values.Values.All(string.IsNullOrWhiteSpace))
            {
                continue; // a blank line
            }

            var refusal = values.GetValueOrDefault("writtenRefusal");
            bool written;
            switch (refusal)
            {
                case null or "" or "否" or "false" or "FALSE" or "False" or "0" or "N" or "n":
                    written = false;
                    break;
                case "是" or "true" or "TRUE" or "True" or "1" or "Y" or "y":
                    written = true;
                    break;
                default:
                    problems.Add(new RecordProblem(line, "writtenRefusal", $"书面提出不休（writtenRefusal）应填“是”或“否”，当前为“{refusal}”"));
                    written = false;
                    break;
            }

            drafts.Add(new LeaveRecordDraft
            {
                Line = line,
                IdNumber = values.GetValueOrDefault("idNumber"),
                Name = values.GetValueOrDefault("name"),
                Year = values.GetValueOrDefault("year"),
                FirstWorkDate = values.GetValueOrDefault("firstWorkDate"),
                EntitledDays = values.GetValueOrDefault("entitledDays"),
                ArrangedDays = values.GetValueOrDefault("arrangedDays"),
                TakenDays = values.GetValueOrDefault("takenDays"),
                AverageMonthlyWage = values.GetValueOrDefault("averageMonthlyWage"),
                CompensationPaid = values.GetValueOrDefault("compensationPaid"),
                WrittenRefusal = written,
                CarriedOverDays = values.GetValueOrDefault("carriedOverDays"),
                CarriedOverTakenDays = values.GetValueOrDefault("carriedOverTakenDays"),
                LeftOn = values.GetValueOrDefault("leftOn"),
                Note = values.GetValueOrDefault("note"),
            });
        }

        if (drafts.Count == 0 && problems.Count == 0)
        {
            problems.Add(new RecordProblem(0, "file", "文件中没有数据行"));
        }

        return problems.Count > 0 ? ([], problems) : (drafts, []);
    }

    /// <summary>The template: the headers and one example row.</summary>
    public static byte[] TemplateCsv()
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', LeaveRecords.Columns.Select(c => c.Label)));
        text.AppendLine("440306197805123210,李建华,2025,1998-07-01,,15,10,12000.00,0,否,0,0,,示例行，导入前请删除");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] TemplateXlsx()
    {
        var row = LeaveRecords.Columns.ToDictionary(c => c.Label, c => (object?)(c.Field switch
        {
            "idNumber" => "440306197805123210",
            "name" => "李建华",
            "year" => "2025",
            "firstWorkDate" => "1998-07-01",
            "arrangedDays" => "15",
            "takenDays" => "10",
            "averageMonthlyWage" => "12000.00",
            "compensationPaid" => "0",
            "writtenRefusal" => "否",
            "note" => "示例行，导入前请删除",
            _ => "",
        }));
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { row }, sheetName: "年休假记录");
        return stream.ToArray();
    }

    public static string ContentType(bool xlsx) => xlsx ? XlsxType : "text/csv; charset=utf-8";

    private static SaveOutcome Fail(int row, string field, string message) => new([], [new RecordProblem(row, field, message)], 0, 0);

    private static bool IsZip(byte[] bytes) => bytes.Length >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04;

    private static List<Dictionary<string, string?>> ReadXlsx(byte[] bytes)
    {
        using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > MaxUnpackedBytes || (entry.CompressedLength > 0 && entry.Length / Math.Max(1, entry.CompressedLength) > 100 && entry.Length > 1024 * 1024))
                {
                    throw new InvalidDataException("XLSX 文件解压后过大，疑似异常文件，已拒绝");
                }
            }
        }

        var rows = new List<Dictionary<string, string?>>();
        try
        {
            using var stream = new MemoryStream(bytes);
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: true))
            {
                rows.Add(row.ToDictionary(c => c.Key, c => Cell(c.Value), StringComparer.Ordinal));
                if (rows.Count > MaxRows)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidDataException("无法读取 XLSX 文件（文件可能已损坏，或不是 Excel 2007 及以上格式），请另存为 .xlsx 或 CSV 后重试");
        }

        return rows;
    }

    private static string? Cell(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n => n.ToString("0.##########", CultureInfo.InvariantCulture),
        decimal n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static List<Dictionary<string, string?>> ReadCsv(byte[] bytes)
    {
        var text = Decode(bytes);
        var rows = new List<Dictionary<string, string?>>();
        using var reader = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions { HasHeaders = true, MaxBufferSize = 1 << 20 });
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        while (reader.Read())
        {
            var row = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < names.Count && i < reader.RowFieldCount; i++)
            {
                row.TryAdd(names[i], reader.GetString(i));
            }

            rows.Add(row);
            if (rows.Count > MaxRows)
            {
                break;
            }
        }

        return rows;
    }

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030 (a superset of GBK, as Excel in China saves CSV).</summary>
    private static string Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble))
        {
            return Encoding.UTF8.GetString(span[3..]);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }
}
