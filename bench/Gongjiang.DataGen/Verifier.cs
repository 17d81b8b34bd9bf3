using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Gongjiang.Core.Reference;
using Gongjiang.Core.Registry;
using Gongjiang.Core.Skills;
using Gongjiang.Core.Standards;

namespace Gongjiang.DataGen;

/// <summary>
/// The <c>--verify</c> check: reads a generated file back (CSV or XLSX, messy or not), maps its header through the
/// aliases as the import would, compares every cell with the regenerated records, and checks every row against the
/// Gongjiang.Core parsers: valid rows must pass, deliberately bad rows must fail in the way their reason says.
/// </summary>
internal static partial class Verifier
{
    private const int MaxReported = 20;

    public static bool Run(
        string path,
        bool xlsx,
        Encoding encoding,
        RecordKind kind,
        IEnumerable<ISyntheticRecord> expected,
        Func<IEnumerable<RosterRecord>>? roster,
        DateOnly today,
        TextWriter output)
    {
        var report = new Report(output);
        var rows = xlsx ? ReadXlsx(path, report) : ReadCsv(path, encoding);
        var columns = SyntheticColumns.For(kind);

        using var rowEnumerator = rows.GetEnumerator();
        int[]? map = null;
        var skipped = 0;
        while (map is null && rowEnumerator.MoveNext())
        {
            map = HeaderMap(rowEnumerator.Current, columns);
            if (map is null)
            {
                skipped++;
            }
        }

        if (map is null)
        {
            report.Fail("no header row found");
            return report.Finish();
        }

        report.Note(string.Create(CultureInfo.InvariantCulture, $"header found after {skipped} title row(s); {map.Count(m => m >= 0)} of {map.Length} columns mapped"));
        foreach (var (column, index) in columns.Select((c, i) => (c, i)))
        {
            if (!map.Contains(index))
            {
                report.Fail("column not found: " + column.Header);
            }
        }

        var checker = kind == RecordKind.Roster ? (IRowChecker)new RosterChecker(today, report) : new HonoursChecker(today, report, expected, roster);
        long count = 0;
        foreach (var record in expected)
        {
            if (!rowEnumerator.MoveNext())
            {
                report.Fail(string.Create(CultureInfo.InvariantCulture, $"file ends after {count} data rows"));
                break;
            }

            count++;
            var cells = new string[columns.Count];
            var row = rowEnumerator.Current;
            for (var i = 0; i < map.Length; i++)
            {
                if (map[i] >= 0)
                {
                    cells[map[i]] = i < row.Count ? row[i] : string.Empty;
                }
            }

            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] ??= string.Empty;
                if (!string.Equals(cells[c], record.GetField(c), StringComparison.Ordinal))
                {
                    report.Fail(string.Create(CultureInfo.InvariantCulture, $"row {count}: {columns[c].Key} is “{cells[c]}”, generated “{record.GetField(c)}”"));
                }
            }

            checker.Check(count, cells, record);
        }

        while (rowEnumerator.MoveNext())
        {
            if (rowEnumerator.Current.Any(c => c.Length > 0))
            {
                report.Fail("file has more data rows than generated");
                break;
            }
        }

        report.Note(string.Create(CultureInfo.InvariantCulture, $"{count} data rows compared"));
        checker.Summarize();
        return report.Finish();
    }

    /// <summary>The canonical column of each file column, or null when the row is not a header.</summary>
    private static int[]? HeaderMap(IReadOnlyList<string> row, IReadOnlyList<SyntheticColumn> columns)
    {
        var map = new int[row.Count];
        var found = 0;
        for (var i = 0; i < row.Count; i++)
        {
            var header = NormalizeHeader(row[i]);
            map[i] = -1;
            for (var c = 0; c < columns.Count; c++)
            {
                if (columns[c].Aliases.Any(alias => string.Equals(NormalizeHeader(alias), header, StringComparison.Ordinal)))
                {
                    map[i] = c;
                    found++;
                    break;
                }
            }
        }

        return found >= 2 ? map : null;
    }

    /// <summary>The import's header comparison: no whitespace, half-width, without the marks *（）()：:.</summary>
    private static string NormalizeHeader(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var original in text)
        {
            var c = original is >= '\uFF01' and <= '\uFF5E' ? (char)(original - 0xFEE0) : original;
            if (char.IsWhiteSpace(c) || c is '*' or '(' or ')' or ':')
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static IEnumerable<IReadOnlyList<string>> ReadCsv(string path, Encoding encoding)
    {
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int ch;
        while ((ch = reader.Read()) >= 0)
        {
            var c = (char)ch;
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return fields.ToArray();
                    fields.Clear();
                    any = false;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }

    private static IEnumerable<IReadOnlyList<string>> ReadXlsx(string path, Report report)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        if (new FileInfo(path).Length < 20_000_000)
        {
            var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).ToList();
            report.Note(string.Create(CultureInfo.InvariantCulture, $"OpenXmlValidator: {errors.Count} schema error(s)"));
            foreach (var error in errors.Take(5))
            {
                report.Fail("OpenXmlValidator: " + error.Description + " at " + error.Path?.XPath);
            }
        }

        var sheetPart = document.WorkbookPart!.WorksheetParts.Single();
        using var reader = OpenXmlReader.Create(sheetPart);
        var cells = new List<string>();
        var expectedRow = 1u;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                cells.Clear();
                var number = reader.Attributes.First(a => string.Equals(a.LocalName, "r", StringComparison.Ordinal)).Value;
                for (; expectedRow < uint.Parse(number!, CultureInfo.InvariantCulture); expectedRow++)
                {
                    yield return Array.Empty<string>();
                }

                expectedRow++;
            }
            else if (reader.ElementType == typeof(Cell) && reader.IsStartElement)
            {
                var cell = (Cell)reader.LoadCurrentElement()!;
                var column = ColumnIndex(cell.CellReference!.Value!);
                while (cells.Count < column)
                {
                    cells.Add(string.Empty);
                }

                cells.Add(cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.Text?.Text ?? string.Empty : cell.CellValue?.Text ?? string.Empty);
            }
            else if (reader.ElementType == typeof(Row) && reader.IsEndElement)
            {
                yield return cells.ToArray();
            }
        }
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                break;
            }

            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }

    [GeneratedRegex(@"^\d-\d{2}-\d{2}-\d{2}$")]
    private static partial Regex OccupationCodePattern();

    private static bool IsDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>64-bit FNV-1a of a row, to spot exact duplicates without keeping rows.</summary>
    private static ulong RowHash(string[] cells)
    {
        var hash = 14695981039346656037UL;
        foreach (var cell in cells)
        {
            foreach (var c in cell)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            hash = (hash ^ 0x1F) * 1099511628211UL;
        }

        return hash;
    }

    private interface IRowChecker
    {
        void Check(long row, string[] cells, ISyntheticRecord record);

        void Summarize();
    }

    private sealed class Report(TextWriter output)
    {
        private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);
        private long failures;

        public void Note(string text) => output.WriteLine("  verify: " + text);

        public void Count(string what) => counts[what] = counts.GetValueOrDefault(what) + 1;

        public void Expect(bool condition, long row, string what)
        {
            if (condition)
            {
                Count("ok: " + what);
                return;
            }

            Fail(string.Create(CultureInfo.InvariantCulture, $"row {row}: {what}"));
        }

        public void Fail(string text)
        {
            failures++;
            if (failures <= MaxReported)
            {
                output.WriteLine("  FAIL: " + text);
            }
        }

        public bool Finish()
        {
            foreach (var (what, count) in counts.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  verify: {count,9} × {what}"));
            }

            output.WriteLine(failures == 0
                ? "  verify: PASSED"
                : string.Create(CultureInfo.InvariantCulture, $"  verify: FAILED ({failures} failure(s))"));
            return failures == 0;
        }
    }

    private sealed class RosterChecker(DateOnly today, Report report) : IRowChecker
    {
        private readonly Dictionary<string, (string Name, ulong Hash)> seen = new(StringComparer.Ordinal);

        public void Check(long row, string[] cells, ISyntheticRecord record)
        {
            var (name, id, mobile, credit, region, occupationCode, post, employment, level, certificateDate) =
                (cells[0], cells[1], cells[2], cells[4], cells[5], cells[9], cells[10], cells[12], cells[13], cells[16]);
            var idResult = CitizenIdNumber.Parse(id, today, RegionCatalog.Default);
            var creditResult = UnifiedSocialCreditCode.Parse(credit);
            var hash = RowHash(cells);
            seen.TryGetValue(id, out var earlier);
            var isRepeat = earlier.Name is not null;

            if (!record.IsDeliberatelyBad)
            {
                report.Expect(idResult.IsValid, row, "valid row: 公民身份号码 parses");
                report.Expect(creditResult.IsValid, row, "valid row: 统一社会信用代码 parses");
                report.Expect(!isRepeat, row, "valid row: 公民身份号码 unique so far");
                report.Expect(name.Length is >= 2 and <= 3, row, "valid row: 姓名 2–3 characters");
                report.Expect(SkillLevels.Parse(level).IsValid, row, "valid row: 职业技能等级 parses");
                report.Expect(mobile.Length == 0 || MobileNumber.Parse(mobile).IsValid, row, "valid row: 手机号码 empty or valid");
                report.Expect(OccupationCodePattern().IsMatch(occupationCode), row, "valid row: 职业编码 D-DD-DD-DD");
                report.Expect(!post.StartsWith('='), row, "valid row: 岗位 not a formula");
                report.Expect(region.Length == 0 || (creditResult.IsValid && string.Equals(creditResult.Value!.RegionCode, region, StringComparison.Ordinal)), row, "valid row: 所在地区代码 = credit code region");
                report.Expect(region.Length == 0 || RegionCatalog.Default.Find(region) is not null, row, "valid row: 所在地区代码 in GB/T 2260");
                if (idResult.IsValid)
                {
                    var birth = idResult.Value!.BirthDate;
                    report.Expect(IsDate(certificateDate, out var certificate) && certificate <= today && certificate >= birth.AddYears(18), row, "valid row: 发证日期 after 18th birthday, not in future");
                    report.Expect(IsDate(employment, out var start) && start <= today && start >= birth.AddYears(16), row, "valid row: 入职日期 after 16th birthday, not in future");
                    report.Count(id[17] == 'X' ? "info: ID ends in X" : "info: ID ends in a digit");
                }
            }
            else
            {
                report.Count("bad row: " + record.BadReason);
                switch (record.BadReason)
                {
                    case BadReasons.IdCheck or BadReasons.BirthDateImpossible or BadReasons.BirthDateFuture or BadReasons.ProvinceUnknown:
                        report.Expect(!idResult.IsValid, row, "bad row " + record.BadReason + ": CitizenIdNumber.Parse fails");
                        break;
                    case BadReasons.CreditCodeCheck:
                        report.Expect(!creditResult.IsValid, row, "bad row credit-code-check: UnifiedSocialCreditCode.Parse fails");
                        break;
                    case BadReasons.NameEmpty:
                        report.Expect(name.Length == 0, row, "bad row name-empty: 姓名 empty");
                        break;
                    case BadReasons.SkillLevelUnknown:
                        report.Expect(!SkillLevels.Parse(level).IsValid, row, "bad row skill-level-unknown: SkillLevels.Parse fails");
                        break;
                    case BadReasons.CertificateDateFuture:
                        report.Expect(IsDate(certificateDate, out var date) && date > today, row, "bad row certificate-date-future: after today");
                        break;
                    case BadReasons.OccupationCodeFormat:
                        report.Expect(!OccupationCodePattern().IsMatch(occupationCode), row, "bad row occupation-code-format: not D-DD-DD-DD");
                        break;
                    case BadReasons.MobileInvalid:
                        report.Expect(!MobileNumber.Parse(mobile).IsValid, row, "bad row mobile-invalid: MobileNumber.Parse fails");
                        break;
                    case BadReasons.FormulaCell:
                        report.Expect(post.StartsWith('='), row, "bad row formula-cell: 岗位 starts with =");
                        break;
                    case BadReasons.Duplicate:
                        report.Expect(isRepeat && earlier.Hash == hash, row, "bad row duplicate: identical to an earlier row");
                        break;
                    case BadReasons.ConflictingDuplicate:
                        report.Expect(isRepeat && !string.Equals(earlier.Name, name, StringComparison.Ordinal), row, "bad row conflicting-duplicate: earlier ID, other name");
                        break;
                    default:
                        report.Fail("unknown bad reason " + record.BadReason);
                        break;
                }
            }

            if (idResult.IsValid && !isRepeat)
            {
                seen[id] = (name, hash);
            }
        }

        public void Summarize()
        {
        }
    }

    private sealed class HonoursChecker : IRowChecker
    {
        private static readonly HashSet<string> Allowances = new(StringComparer.Ordinal) { "国务院政府特殊津贴", "省级政府特殊津贴" };

        private readonly DateOnly today;
        private readonly Report report;
        private readonly Dictionary<string, string> rosterNames = new(StringComparer.Ordinal);
        private readonly HashSet<ulong> seenRows = [];

        public HonoursChecker(DateOnly today, Report report, IEnumerable<ISyntheticRecord> expected, Func<IEnumerable<RosterRecord>>? roster)
        {
            this.today = today;
            this.report = report;
            if (roster is null)
            {
                return;
            }

            var ids = expected.Select(h => h.GetField(1)).ToHashSet(StringComparer.Ordinal);
            foreach (var person in roster())
            {
                if (!person.IsDeliberatelyBad && ids.Contains(person.IdNumber))
                {
                    rosterNames.TryAdd(person.IdNumber, person.Name);
                }
            }

            report.Note(string.Create(CultureInfo.InvariantCulture, $"{rosterNames.Count} honoured persons found in the roster of the same seed"));
        }

        public void Check(long row, string[] cells, ISyntheticRecord record)
        {
            var (name, id, title, year, revoked, revokedDate) = (cells[0], cells[1], cells[2], cells[3], cells[6], cells[7]);
            var idResult = CitizenIdNumber.Parse(id, today, RegionCatalog.Default);
            var titleValid = HonorTypes.Parse(title).IsValid || Allowances.Contains(title);
            var yearValid = int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var awardYear) && awardYear >= 1990 && awardYear <= today.Year;
            var rosterName = rosterNames.GetValueOrDefault(id);
            var hash = RowHash(cells);
            var repeated = !seenRows.Add(hash);

            if (!record.IsDeliberatelyBad)
            {
                report.Expect(idResult.IsValid, row, "valid row: 公民身份号码 parses");
                report.Expect(name.Length is >= 2 and <= 3, row, "valid row: 姓名 2–3 characters");
                report.Expect(titleValid, row, "valid row: 荣誉称号 recognised (HonorTypes.Parse or 政府特殊津贴)");
                report.Expect(yearValid, row, "valid row: 授予年份 a past year");
                report.Expect(rosterNames.Count == 0 || string.Equals(rosterName, name, StringComparison.Ordinal), row, "valid row: same person in the roster");
                report.Expect(revoked is "" or "否" || (revoked == "是" && IsDate(revokedDate, out var date) && date <= today && date.Year > awardYear), row, "valid row: 撤销 consistent");
                report.Expect(!repeated, row, "valid row: not a repeat");
                report.Count("info: title " + title);
            }
            else
            {
                report.Count("bad row: " + record.BadReason);
                var ok = record.BadReason switch
                {
                    BadReasons.IdCheck => !idResult.IsValid,
                    BadReasons.NameEmpty => name.Length == 0,
                    BadReasons.HonourUnknown => !titleValid,
                    BadReasons.AwardYearFuture => int.TryParse(year, CultureInfo.InvariantCulture, out var y) && y > today.Year,
                    BadReasons.NameMismatch => rosterName is not null && !string.Equals(rosterName, name, StringComparison.Ordinal),
                    BadReasons.RevokedDateInvalid => revoked == "是" && !IsDate(revokedDate, out _),
                    BadReasons.Duplicate => repeated,
                    _ => false,
                };
                report.Expect(ok, row, "bad row " + record.BadReason + " detectable");
            }
        }

        public void Summarize()
        {
        }
    }
}
