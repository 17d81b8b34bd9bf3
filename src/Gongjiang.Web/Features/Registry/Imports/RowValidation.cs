using System.Globalization;
using Gongjiang.Core.Access;
using Gongjiang.Core.Reference;
using Gongjiang.Core.Registry;
using Gongjiang.Core.Skills;
using Gongjiang.Core.Standards;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Imports.Reading;

namespace Gongjiang.Web.Features.Registry.Imports;

/// <summary>One problem with one cell of one row, as the error report shows it.</summary>
public sealed record RowError(int Row, string Column, string? Value, string Message);

/// <summary>A roster row that passed every check, in typed form.</summary>
public sealed record RosterEntry(
    int Row,
    CitizenIdNumber IdNumber,
    string Name,
    string? Mobile,
    string EnterpriseName,
    string CreditCode,
    string RegionCode,
    OwnershipType? OwnershipType,
    string? Industry,
    string Occupation,
    string? OccupationCode,
    string? Post,
    bool? Frontline,
    DateOnly? EmploymentStart,
    SkillLevel? SkillLevel,
    string? CertificateNumber,
    string? CertificateIssuer,
    DateOnly? CertificateDate);

/// <summary>An honours-list row that passed every check.</summary>
public sealed record HonourEntry(
    int Row,
    CitizenIdNumber IdNumber,
    string Name,
    HonourEntryKind Kind,
    HonorType? HonorType,
    SpecialAllowanceLevel? AllowanceLevel,
    string Title,
    int Year,
    string? AwardingBody,
    string? DocumentNumber,
    DateOnly? RevokedOn);

/// <summary>
/// Turns raw cells into typed entries with Chinese reasons per field. Pure: the date of today and the importer's
/// jurisdiction are arguments, so the same rules run in tests, the page and the API.
/// </summary>
public sealed class RowValidator(DateOnly today, Jurisdiction jurisdiction)
{
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d", "yyyy.MM.dd", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm"];

    public (RosterEntry? Entry, List<RowError> Errors) Roster(ImportRow row)
    {
        var errors = new List<RowError>();
        var cells = new Cells(row, errors);

        var name = cells.Name(ImportColumns.Name);
        var id = cells.IdNumber(ImportColumns.IdNumber, today);
        string? mobile = null;
        if (cells.Get(ImportColumns.Mobile) is { } mobileText)
        {
            var parsed = MobileNumber.Parse(mobileText);
            if (parsed.IsValid)
            {
                mobile = parsed.Value!.Value;
            }
            else
            {
                cells.Fail(ImportColumns.Mobile, parsed.Error!);
            }
        }

        var enterpriseName = cells.Text(ImportColumns.EnterpriseName, 200, required: true);
        UnifiedSocialCreditCode? creditCode = null;
        if (cells.Get(ImportColumns.CreditCode) is { } codeText)
        {
            var parsed = UnifiedSocialCreditCode.Parse(codeText);
            if (parsed.IsValid)
            {
                creditCode = parsed.Value;
            }
            else
            {
                cells.Fail(ImportColumns.CreditCode, parsed.Error!);
            }
        }
        else
        {
            cells.Fail(ImportColumns.CreditCode, "统一社会信用代码不能为空");
        }

        string? region = null;
        if (cells.Get(ImportColumns.RegionCode) is { } regionText)
        {
            var code = IdentifierText.Normalize(regionText);
            if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            {
                cells.Fail(ImportColumns.RegionCode, $"所在地区代码“{regionText}”应为6位数字的行政区划代码");
            }
            else if (RegionCatalog.Default.Find(code) is not { Level: RegionLevel.City or RegionLevel.County })
            {
                cells.Fail(ImportColumns.RegionCode, $"所在地区代码“{code}”不是现行的地级或县级行政区划代码");
            }
            else
            {
                region = code;
            }
        }
        else if (creditCode is not null && RegionCatalog.Default.Find(creditCode.RegionCode) is { Level: RegionLevel.City or RegionLevel.County })
        {
            region = creditCode.RegionCode;
        }
        else if (creditCode is not null)
        {
            cells.Fail(ImportColumns.RegionCode, $"未填写所在地区代码，且统一社会信用代码中的登记地“{creditCode.RegionCode}”不是现行区划代码，请填写所在地区代码");
        }

        if (region is not null && !jurisdiction.Contains(region))
        {
            cells.Fail(ImportColumns.RegionCode, $"所在地区“{RegionCatalog.Default.FullName(region)}”不在您的管辖范围（{RegionCatalog.Default.FullName(jurisdiction.Code)}）内");
        }

        OwnershipType? ownership = null;
        if (cells.Get(ImportColumns.OwnershipType) is { } ownershipText)
        {
            var parsed = OwnershipTypes.Parse(ownershipText);
            if (parsed.IsValid)
            {
                ownership = parsed.Value;
            }
            else
            {
                cells.Fail(ImportColumns.OwnershipType, parsed.Error!);
            }
        }

        var industry = cells.Text(ImportColumns.Industry, 100, required: false);
        var occupation = cells.Text(ImportColumns.Occupation, 100, required: true);
        string? occupationCode = null;
        if (cells.Get(ImportColumns.OccupationCode) is { } occupationCodeText)
        {
            var parsed = OccupationCode.Parse(occupationCodeText);
            if (parsed.IsValid)
            {
                occupationCode = parsed.Value!.Value;
            }
            else
            {
                cells.Fail(ImportColumns.OccupationCode, parsed.Error!);
            }
        }

        var post = cells.Text(ImportColumns.Post, 100, required: false);
        var frontline = cells.YesNo(ImportColumns.Frontline);
        var start = cells.Date(ImportColumns.EmploymentStart, today, id?.BirthDate);

        SkillLevel? level = null;
        if (cells.Get(ImportColumns.SkillLevel) is { } levelText)
        {
            var parsed = SkillLevels.Parse(levelText);
            if (parsed.IsValid)
            {
                level = parsed.Value;
            }
            else
            {
                cells.Fail(ImportColumns.SkillLevel, parsed.Error!);
            }
        }

        var certificateNumber = cells.Text(ImportColumns.CertificateNumber, 64, required: false);
        var issuer = cells.Text(ImportColumns.CertificateIssuer, 200, required: false);
        var certificateDate = cells.Date(ImportColumns.CertificateDate, today, id?.BirthDate);
        if (level is null && (certificateNumber is not null || certificateDate is not null) && cells.Get(ImportColumns.SkillLevel) is null)
        {
            cells.Fail(ImportColumns.SkillLevel, "填写了证书编号或发证日期，但缺少职业技能等级");
        }

        if (errors.Count > 0 || id is null || name is null || enterpriseName is null || creditCode is null || region is null || occupation is null)
        {
            return (null, errors);
        }

        return (new RosterEntry(row.RowNumber, id, name, mobile, enterpriseName, creditCode.Value, region, ownership, industry,
            occupation, occupationCode, post, frontline, start, level, certificateNumber, issuer, certificateDate), errors);
    }

    public (HonourEntry? Entry, List<RowError> Errors) Honours(ImportRow row)
    {
        var errors = new List<RowError>();
        var cells = new Cells(row, errors);
        var name = cells.Name(ImportColumns.Name);
        var id = cells.IdNumber(ImportColumns.IdNumber, today);
        var titleText = cells.Get(ImportColumns.HonorTitle);
        HonourEntryKind? kind = null;
        HonorType? honorType = null;
        SpecialAllowanceLevel? allowance = null;
        if (titleText is null)
        {
            cells.Fail(ImportColumns.HonorTitle, "荣誉称号不能为空");
        }
        else
        {
            (kind, honorType, allowance) = ParseTitle(titleText);
            if (kind is null)
            {
                var parsed = HonorTypes.Parse(titleText);
                cells.Fail(ImportColumns.HonorTitle, parsed.Error ?? $"荣誉称号“{titleText}”无法识别");
            }
        }

        int? year = null;
        if (cells.Get(ImportColumns.AwardYear) is { } yearText)
        {
            var parsed = RecordDates.AwardYear(yearText, today);
            if (parsed.IsValid)
            {
                year = parsed.Value;
            }
            else
            {
                cells.Fail(ImportColumns.AwardYear, parsed.Error!);
            }
        }
        else
        {
            cells.Fail(ImportColumns.AwardYear, "授予年份不能为空");
        }

        var body = cells.Text(ImportColumns.AwardingBody, 200, required: false);
        var document = cells.Text(ImportColumns.DocumentNumber, 100, required: false);
        var revoked = cells.YesNo(ImportColumns.Revoked);
        var revokedOn = cells.Date(ImportColumns.RevokedDate, today, null);
        if (revoked == true && revokedOn is null && cells.Get(ImportColumns.RevokedDate) is null)
        {
            cells.Fail(ImportColumns.RevokedDate, "已撤销的荣誉须填写撤销日期");
        }

        if (revokedOn is not null && year is not null && revokedOn.Value.Year < year)
        {
            cells.Fail(ImportColumns.RevokedDate, $"撤销日期{revokedOn:yyyy-MM-dd}早于授予年份{year}");
        }

        if (revoked == false)
        {
            revokedOn = null;
        }

        if (errors.Count > 0 || id is null || name is null || kind is null || year is null)
        {
            return (null, errors);
        }

        return (new HonourEntry(row.RowNumber, id, name, kind.Value, honorType, allowance, titleText!.Trim(), year.Value, body, document, revokedOn), errors);
    }

    /// <summary>Recognises honours, the two special allowances and the 高精尖缺 recognition of policy 三(一) (<see cref="HonourTitles.Recognise"/>).</summary>
    public static (HonourEntryKind? Kind, HonorType? Honor, SpecialAllowanceLevel? Allowance) ParseTitle(string text) =>
        HonourTitles.Recognise(text) is { } title ? (title.Kind, title.Honor, title.Allowance) : (null, null, null);

    /// <summary>Reads one row's cells, recording each problem against the column's Chinese header.</summary>
    private sealed class Cells
    {
        private readonly ImportRow _row;
        private readonly List<RowError> _errors;

        public Cells(ImportRow row, List<RowError> errors)
        {
            _row = row;
            _errors = errors;
            foreach (var problem in row.Problems)
            {
                var header = HeaderOf(problem.ColumnKey);
                errors.Add(new RowError(row.RowNumber, header, Truncate(ImportErrorText.Mask(header, row.Cells.GetValueOrDefault(problem.ColumnKey))), problem.Message));
            }
        }

        public string? Get(ImportColumn column)
        {
            if (_row.Problems.Any(p => p.ColumnKey == column.Key))
            {
                return null;
            }

            var value = _row.Cells.GetValueOrDefault(column.Key);
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        public void Fail(ImportColumn column, string message) =>
            _errors.Add(new RowError(_row.RowNumber, column.Header, Truncate(ImportErrorText.Mask(column.Header, _row.Cells.GetValueOrDefault(column.Key))), message));

        public string? Text(ImportColumn column, int max, bool required)
        {
            var value = Get(column);
            if (value is null)
            {
                if (required && !_row.Problems.Any(p => p.ColumnKey == column.Key))
                {
                    Fail(column, $"{column.Header}不能为空");
                }

                return null;
            }

            if (value.Length > max)
            {
                Fail(column, $"{column.Header}不能超过{max}个字符");
                return null;
            }

            if (value.Any(c => char.IsControl(c) || c is '<' or '>'))
            {
                Fail(column, $"{column.Header}含有不允许的字符（控制字符或尖括号）");
                return null;
            }

            if (value[0] is '=' or '+' or '@' || (value[0] == '-' && value.Length > 1 && !char.IsAsciiDigit(value[1])))
            {
                Fail(column, $"{column.Header}以“{value[0]}”开头，疑似电子表格公式，请改为纯文本");
                return null;
            }

            return value;
        }

        public string? Name(ImportColumn column)
        {
            var value = Text(column, 64, required: true);
            if (value is not null && !value.All(c => char.IsLetter(c) || c is '·' or '•' or '.' or ' '))
            {
                Fail(column, $"姓名“{value}”含有数字或符号");
                return null;
            }

            return value?.Replace('•', '·');
        }

        public CitizenIdNumber? IdNumber(ImportColumn column, DateOnly today)
        {
            var value = Get(column);
            if (value is null)
            {
                if (!_row.Problems.Any(p => p.ColumnKey == column.Key))
                {
                    Fail(column, "公民身份号码不能为空");
                }

                return null;
            }

            var parsed = CitizenIdNumber.Parse(value, today, RegionCatalog.Default);
            if (!parsed.IsValid)
            {
                Fail(column, parsed.Error!);
                return null;
            }

            return parsed.Value;
        }

        public bool? YesNo(ImportColumn column)
        {
            var value = Get(column);
            return value switch
            {
                null => null,
                "是" or "Y" or "y" or "1" or "√" or "true" or "TRUE" or "True" => true,
                "否" or "N" or "n" or "0" or "×" or "false" or "FALSE" or "False" => false,
                _ => FailYesNo(column, value),
            };
        }

        public DateOnly? Date(ImportColumn column, DateOnly today, DateOnly? birth)
        {
            var value = Get(column);
            if (value is null)
            {
                return null;
            }

            var text = IdentifierText.Normalize(value).Replace("年", "年", StringComparison.Ordinal);
            if (!DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                Fail(column, $"{column.Header}“{value}”不是有效日期，应为“2019-06-30”的格式");
                return null;
            }

            var checkedDate = RecordDates.Check(column.Header, DateOnly.FromDateTime(parsed), today, birth);
            if (!checkedDate.IsValid)
            {
                Fail(column, checkedDate.Error!);
                return null;
            }

            return checkedDate.Value;
        }

        private bool? FailYesNo(ImportColumn column, string value)
        {
            Fail(column, $"{column.Header}“{value}”应填“是”或“否”");
            return null;
        }

        private static string? Truncate(string? value) => value is { Length: > 200 } ? value[..200] : value;

        private static string HeaderOf(string key) =>
            ImportColumns.For(ImportKind.Roster).Concat(ImportColumns.For(ImportKind.Honours)).FirstOrDefault(c => c.Key == key)?.Header ?? key;
    }
}
