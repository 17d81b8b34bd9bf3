using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gongjiang.Core.Common;
using static Gongjiang.Core.Supervision.SupervisionText;

namespace Gongjiang.Core.Supervision;

/// <summary>
/// A document number (发文字号, 文号) such as “粤人社发〔2019〕12号”: the issuing body's abbreviation (发文机关代字), the year
/// and the sequence number. GB/T 9704-2012《党政机关公文格式》7.2.4: “发文字号由发文机关代字、年份、发文顺序号组成…年份应标
/// 全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位（即1不编为01），在阿拉伯数字后加“号””.
/// </summary>
/// <remarks>Invariant: <see cref="Agency"/> is non-empty and holds no digit or bracket; <see cref="Year"/> has four digits; <see cref="Sequence"/> ≥ 1.</remarks>
public readonly partial record struct DocumentNumber(string Agency, int Year, int Sequence)
{
    private const string Example = "粤人社发〔2019〕12号";

    /// <summary>The canonical form with six-sided brackets: “粤人社发〔2019〕12号”.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Agency}〔{Year}〕{Sequence}号");

    /// <summary>
    /// Parses a document number as typed: spaces removed, full-width digits made ASCII, and the year's brackets — typed as
    /// [ ] ［ ］ ( ) （ ） 【 】 ﹝ ﹞ — made the standard 〔 〕. Refuses, naming the field 文号: an empty value, a two-digit year,
    /// “第” before the number, a leading zero, and anything not of the form 代字〔年份〕序号号.
    /// </summary>
    public static Result<DocumentNumber> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<DocumentNumber>.Fail(Invariant($"文号不能为空，应如“{Example}”"));
        }

        var normalized = Normalize(text);
        var match = Pattern().Match(normalized);
        if (!match.Success)
        {
            var hint = normalized switch
            {
                _ when Regex.IsMatch(normalized, "〔\\d{2}〕", RegexOptions.CultureInvariant) => "年份应标全称（四位数字）",
                _ when normalized.Contains("〕第", StringComparison.Ordinal) => "发文顺序号不加“第”字",
                _ when !normalized.Contains('〔', StringComparison.Ordinal) => "年份应用六角括号“〔〕”括入",
                _ when !normalized.EndsWith('号') => "发文顺序号后应加“号”",
                _ => "应由发文机关代字、年份和发文顺序号组成",
            };
            return Result<DocumentNumber>.Fail(Invariant($"文号“{text.Trim()}”格式不正确：{hint}，如“{Example}”（GB/T 9704-2012 7.2.4）"));
        }

        var sequence = match.Groups["seq"].Value;
        if (sequence[0] == '0')
        {
            return Result<DocumentNumber>.Fail(Invariant($"文号“{text.Trim()}”格式不正确：发文顺序号不编虚位（如“01号”应为“1号”），如“{Example}”（GB/T 9704-2012 7.2.4）"));
        }

        return Result<DocumentNumber>.Ok(new DocumentNumber(
            match.Groups["agency"].Value,
            int.Parse(match.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture),
            int.Parse(sequence, NumberStyles.None, CultureInfo.InvariantCulture)));
    }

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '[' or '［' or '(' or '（' or '【' or '﹝' or '〖' => '〔',
                ']' or '］' or ')' or '）' or '】' or '﹞' or '〗' => '〕',
                _ => c,
            });
        }

        return builder.ToString();
    }

    [GeneratedRegex("^(?<agency>[^〔〕0-9]{1,30})〔(?<year>[0-9]{4})〕(?<seq>[0-9]{1,6})号$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>
/// An implementing document (配套文件) a region has issued to carry out the policy. Notice 二: “牵头研究制定贯彻落实《意见》
/// 的具体措施…各地制定出台的政策措施情况请于今年年底前报我部”.
/// </summary>
/// <remarks>Invariant (made by <see cref="ImplementingDocuments.Validate"/>): every field present and checked, at least one known measure, codes “3.1” in policy order.</remarks>
/// <param name="RegionCode">The region that filed it.</param>
/// <param name="Title">文件标题.</param>
/// <param name="Number">文号.</param>
/// <param name="Issuer">发文机关.</param>
/// <param name="IssuedOn">成文日期.</param>
/// <param name="MeasureCodes">The measures it carries out (涉及政策措施).</param>
public sealed record ImplementingDocument(string RegionCode, string Title, DocumentNumber Number, string Issuer, DateOnly IssuedOn, IReadOnlyList<string> MeasureCodes);

/// <summary>An implementing document as entered (a form, an import row, an API body).</summary>
public sealed record ImplementingDocumentInput(string? Title, string? Number, string? Issuer, DateOnly? IssuedOn, IReadOnlyList<string>? MeasureCodes);

/// <summary>Rules on <see cref="ImplementingDocument"/>s.</summary>
public static class ImplementingDocuments
{
    /// <summary>
    /// The earliest 成文日期 accepted: the month the policy was issued (notice: “今年3月，中共中央办公厅、国务院办公厅印发
    /// 《关于提高技术工人待遇的意见》”, dated 2018-04-20). A document before it cannot implement it.
    /// </summary>
    public static readonly DateOnly EarliestIssuedOn = new(2018, 3, 1);

    /// <summary>Longest title accepted.</summary>
    public const int MaximumTitleLength = 200;

    /// <summary>Longest issuer accepted.</summary>
    public const int MaximumIssuerLength = 100;

    /// <summary>
    /// Checks a document as entered and returns it normalised, or every reason, each naming its field: 文件标题 (2–200
    /// characters), 文号 (<see cref="DocumentNumber.Parse"/>, and its year that of the 成文日期), 发文机关 (≤ 100 characters),
    /// 成文日期 (present, not after <paramref name="today"/>, not before <see cref="EarliestIssuedOn"/>), 涉及政策措施 (at
    /// least one, each a known measure written “3.1” or “三（一）”; repeats dropped).
    /// </summary>
    public static Result<ImplementingDocument> Validate(string regionCode, ImplementingDocumentInput input, DateOnly today, MeasureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<string>();

        var title = input.Title?.Trim() ?? "";
        if (Length(title) < 2)
        {
            errors.Add("文件标题不能为空");
        }
        else if (Length(title) > MaximumTitleLength)
        {
            errors.Add(Invariant($"文件标题不能超过{MaximumTitleLength}个字"));
        }

        var number = DocumentNumber.Parse(input.Number);
        errors.AddRange(number.Reasons);

        var issuer = input.Issuer?.Trim() ?? "";
        if (issuer.Length == 0)
        {
            errors.Add("发文机关不能为空");
        }
        else if (Length(issuer) > MaximumIssuerLength)
        {
            errors.Add(Invariant($"发文机关不能超过{MaximumIssuerLength}个字"));
        }

        if (input.IssuedOn is not { } issuedOn)
        {
            errors.Add("成文日期不能为空");
        }
        else if (issuedOn > today)
        {
            errors.Add(Invariant($"成文日期{Date(issuedOn)}晚于今天（{Date(today)}），不能是将来的日期"));
        }
        else if (issuedOn < EarliestIssuedOn)
        {
            errors.Add(Invariant($"成文日期{Date(issuedOn)}早于《关于提高技术工人待遇的意见》印发（2018年3月），不是其配套文件"));
        }
        else if (number.IsValid && number.Value.Year != issuedOn.Year)
        {
            errors.Add(Invariant($"文号中的年份{number.Value.Year}与成文日期的年份{issuedOn.Year}不一致"));
        }

        var measures = new List<string>();
        foreach (var code in input.MeasureCodes ?? [])
        {
            var measure = catalog.Parse(code);
            if (!measure.IsValid)
            {
                errors.Add("涉及政策措施：" + measure.Reasons[0]);
            }
            else if (!measures.Contains(measure.Value!.Code))
            {
                measures.Add(measure.Value.Code);
            }
        }

        if (measures.Count == 0 && errors.All(e => !e.StartsWith("涉及政策措施", StringComparison.Ordinal)))
        {
            errors.Add("涉及政策措施不能为空，请至少选择一项");
        }

        if (errors.Count > 0)
        {
            return Result<ImplementingDocument>.Fail(errors);
        }

        var ordered = catalog.All.Select(m => m.Code).Where(measures.Contains).ToArray();
        return Result<ImplementingDocument>.Ok(new ImplementingDocument(regionCode, title, number.Value, issuer, input.IssuedOn!.Value, ordered));
    }
}
