using System.Globalization;
using Gongjiang.Core.Wages;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Features.Wages.Data;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Wages;

/// <summary>
/// One employee's row as submitted (API, pasted text or a template file): every cell as text, amounts in 元
/// (e.g. “86000” or “86,000.50”), read by <see cref="WageRowRules.Read"/>.
/// </summary>
public sealed record WageRowInput(
    string? IdNumber,
    string? Category,
    string? Tier = null,
    string? Frontline = null,
    string? OccupationCode = null,
    string? SkillLevel = null,
    string? MonthsWorked = null,
    string? TotalPay = null,
    string? BasicPay = null,
    string? PerformancePay = null,
    string? Allowances = null,
    string? SpecialPostAllowance = null,
    string? MentorAllowance = null,
    string? SeniorityPay = null,
    string? ServiceStart = null,
    string? SpecialPostMonths = null,
    string? Apprentices = null);

/// <summary>
/// A wage report to submit. <paramref name="EnterpriseId"/> defaults to the employer's own enterprise; a correction names
/// the confirmed version it corrects (<paramref name="CorrectsId"/>) and why (<paramref name="CorrectionReason"/>, at least 5 characters).
/// </summary>
public sealed record WageReportRequest(Guid? EnterpriseId, int? Year, IReadOnlyList<WageRowInput>? Rows, Guid? CorrectsId = null, string? CorrectionReason = null);

/// <summary>The use cases of annual wage reports (工资报送): submit (all or nothing), confirm, discard, read (audited).</summary>
public static class WageReports
{
    /// <summary>The most rows one report may have.</summary>
    public const int MaxRows = 200_000;

    /// <summary>The earliest report year accepted.</summary>
    public const int FirstYear = 2018;

    public const string SourceApi = "接口";
    public const string SourcePage = "页面";
    public const string SourceFile = "文件导入";

    /// <summary>
    /// Checks the request as a whole and every row, and stores a draft (待确认) when nothing is wrong; otherwise stores
    /// nothing and returns every problem, keyed <c>rows[i].field</c> for a row (message “第n行：…”).
    /// <paramref name="firstRowNumber"/> is the number shown for the first row (2 for a file whose first line is the header);
    /// <paramref name="rowNumbers"/>, when given, the number in the file of each row (the import engine's).
    /// </summary>
    public static async Task<(Guid? Id, FieldErrors Errors)> SubmitAsync(GongjiangDbContext db, IRegistryDirectory registry, WageReportRequest request,
        string source, TimeProvider clock, CancellationToken ct, int firstRowNumber = 1, IReadOnlyList<int>? rowNumbers = null)
    {
        var errors = new FieldErrors();
        var actor = db.Actor;
        var today = ChinaTime.Today(clock);
        var year = request.Year ?? 0;
        if (request.Year is null)
        {
            errors.Add("year", "年度不能为空");
        }
        else if (year < FirstYear || year > today.Year)
        {
            errors.Add("year", string.Create(CultureInfo.InvariantCulture, $"年度应在{FirstYear}至{today.Year}之间，现为{year}"));
        }

        var enterpriseId = request.EnterpriseId ?? actor.EnterpriseId;
        DirectoryEnterprise? enterprise = null;
        if (enterpriseId is not { } eid)
        {
            errors.Add("enterpriseId", "请指定报送单位（enterpriseId）");
        }
        else if ((actor.EnterpriseId is { } own && own != eid) || (enterprise = await registry.FindEnterpriseAsync(eid, ct)) is null
            || !actor.Jurisdiction.Contains(enterprise.RegionCode))
        {
            errors.Add("enterpriseId", "该单位不在您的管辖范围内，不能为其报送工资");
            enterprise = null;
        }

        var rows = request.Rows ?? [];
        if (rows.Count == 0)
        {
            errors.Add("rows", "报送内容为空：至少应有一名职工的工资");
        }
        else if (rows.Count > MaxRows)
        {
            errors.Add("rows", string.Create(CultureInfo.InvariantCulture, $"一次报送最多{MaxRows}行，现为{rows.Count}行"));
        }

        // One report per enterprise and year; a second one only through the correction flow.
        WageReport? corrected = null;
        if (enterprise is not null && errors.For("year") is null)
        {
            var existing = await db.Set<WageReport>().AsNoTracking()
                .Where(r => r.EnterpriseId == enterprise.Id && r.Year == year && (r.Status == WageReportStatus.Draft || r.Status == WageReportStatus.Confirmed))
                .ToListAsync(ct);
            var draft = existing.FirstOrDefault(r => r.Status == WageReportStatus.Draft);
            var confirmed = existing.FirstOrDefault(r => r.Status == WageReportStatus.Confirmed);
            if (draft is not null)
            {
                errors.Add("year", string.Create(CultureInfo.InvariantCulture, $"{enterprise.Name}{year}年度已有一份待确认的报送（第{draft.Version}版），请先确认或作废"));
            }
            else if (request.CorrectsId is null && confirmed is not null)
            {
                errors.Add("correctsId", string.Create(CultureInfo.InvariantCulture,
                    $"{enterprise.Name}{year}年度已报送（第{confirmed.Version}版，已确认）；如需修改，请提交更正：correctsId 填该报送的编号并说明更正理由"));
            }
            else if (request.CorrectsId is { } correctsId)
            {
                if (confirmed is null || confirmed.Id != correctsId)
                {
                    errors.Add("correctsId", string.Create(CultureInfo.InvariantCulture, $"更正的报送应为{enterprise.Name}{year}年度当前已确认的版本"));
                }
                else
                {
                    corrected = confirmed;
                }

                if ((request.CorrectionReason?.Trim().Length ?? 0) < RectificationWorkflow.MinimumTextLength)
                {
                    errors.Add("correctionReason", "请说明更正理由（不少于5个字）");
                }
            }
        }

        // Rows: each read by the Core rules; ID numbers resolved through the registry.
        var resolved = await registry.ResolveIdNumbersAsync([.. rows.Select(r => Normal(r.IdNumber)).Where(s => s.Length > 0)], today, ct);
        var lines = new List<WageReportLine>(rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var input = rows[i];
            var number = rowNumbers is not null && i < rowNumbers.Count ? rowNumbers[i] : i + firstRowNumber;
            var prefix = string.Create(CultureInfo.InvariantCulture, $"第{number}行：");
            string Key(string field) => string.Create(CultureInfo.InvariantCulture, $"rows[{i}].{field}");
            if (input is null)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"rows[{i}]"), prefix + "该行为空");
                continue;
            }

            DirectoryPerson? person = null;
            var id = Normal(input.IdNumber);
            if (id.Length == 0)
            {
                errors.Add(Key("idNumber"), prefix + "公民身份号码不能为空");
            }
            else if (resolved.TryGetValue(id, out var r) && r.Person is { } p)
            {
                person = p;
                if (seen.TryGetValue(p.Hash, out var first))
                {
                    errors.Add(Key("idNumber"), prefix + string.Create(CultureInfo.InvariantCulture, $"公民身份号码与第{first}行重复，同一人每年只报送一行"));
                }
                else
                {
                    seen[p.Hash] = number;
                }
            }
            else
            {
                errors.Add(Key("idNumber"), prefix + "公民身份号码" + (resolved.TryGetValue(id, out var bad) ? bad.Error : "无效"));
            }

            var (row, rowErrors) = WageRowRules.Read(new WageRowText(person?.Hash ?? "?", input.Category, input.Tier, input.Frontline, input.OccupationCode,
                input.SkillLevel, input.MonthsWorked, input.TotalPay, input.BasicPay, input.PerformancePay, input.Allowances,
                input.SpecialPostAllowance, input.MentorAllowance, input.SeniorityPay), WageRowLimits.Default);
            foreach (var (field, message) in rowErrors)
            {
                errors.Add(Key(field), prefix + message);
            }

            var (serviceStart, specialMonths, apprentices) = SchemeFacts(input, year, prefix, Key, errors);
            if (row is not null && person is not null && enterprise is not null)
            {
                lines.Add(new WageReportLine
                {
                    RowNumber = number,
                    EnterpriseId = enterprise.Id,
                    RegionCode = enterprise.RegionCode,
                    Year = year,
                    PersonKey = person.Hash,
                    IdNumberMasked = person.Masked,
                    PersonId = person.PersonId,
                    PersonName = person.Name,
                    Category = row.Category,
                    Tier = row.Tier,
                    Frontline = row.Frontline,
                    OccupationCode = row.OccupationCode,
                    SkillLevel = row.SkillLevel,
                    MonthsWorked = row.MonthsWorked,
                    TotalPayFen = row.TotalPay.Fen,
                    BasicPayFen = row.BasicPay.Fen,
                    PerformancePayFen = row.PerformancePay.Fen,
                    AllowancesFen = row.Allowances.Fen,
                    SpecialPostAllowanceFen = row.SpecialPostAllowance.Fen,
                    MentorAllowanceFen = row.MentorAllowance.Fen,
                    SeniorityPayFen = row.SeniorityPay.Fen,
                    ServiceStart = serviceStart,
                    SpecialPostMonths = specialMonths,
                    Apprentices = apprentices,
                });
            }
        }

        if (!errors.IsEmpty || enterprise is null)
        {
            return (null, errors);
        }

        var version = (await db.Set<WageReport>().Where(r => r.EnterpriseId == enterprise.Id && r.Year == year).MaxAsync(r => (int?)r.Version, ct) ?? 0) + 1;
        var report = new WageReport
        {
            EnterpriseId = enterprise.Id,
            EnterpriseName = enterprise.Name,
            RegionCode = enterprise.RegionCode,
            StateOwned = enterprise.StateOwned,
            Year = year,
            Version = version,
            CorrectsId = corrected?.Id,
            CorrectionReason = corrected is null ? null : request.CorrectionReason!.Trim(),
            Source = source,
            RowCount = lines.Count,
            TotalPayFen = lines.Sum(l => l.TotalPayFen),
            SubmittedById = actor.UserId ?? actor.UserName,
            SubmittedByName = actor.DisplayName,
            SubmittedAt = clock.GetUtcNow(),
        };
        foreach (var line in lines)
        {
            line.ReportId = report.Id;
        }

        // All or nothing, in one transaction: the header (with ONE audit event naming the row count and a checksum of
        // the rows) and the rows in bulk (binary COPY on PostgreSQL), not one audit entry per row.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var suppress = db.SuppressInsertAudit;
        db.SuppressInsertAudit = true;
        try
        {
            db.Add(report);
            db.Audit(new AuditEvent(AuditActions.Create, nameof(WageReport), report.Id.ToString(), Detail: string.Create(CultureInfo.InvariantCulture,
                $"{enterprise.Name}{year}年度工资报送第{version}版（{source}）：{lines.Count}行，工资总额{report.TotalPayFen / 100m:0.00}元，明细校验和 SHA-256 {WageLineWriter.Checksum(lines)}")));
            await db.SaveChangesAsync(ct);
            await WageLineWriter.WriteAsync(db, lines, ct);
        }
        finally
        {
            db.SuppressInsertAudit = suppress;
        }

        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return (report.Id, errors);
    }

    /// <summary>
    /// The optional facts the enterprise's schemes need (policy 三(三)): 本企业工龄起算日 (yyyy-MM-dd, not after the year),
    /// 特聘岗位月数 (0–12, not above the months worked) and 带徒人数 (0–50). Empty cells are null.
    /// </summary>
    private static (DateOnly? ServiceStart, int? SpecialPostMonths, int? Apprentices) SchemeFacts(WageRowInput input, int year, string prefix,
        Func<string, string> key, FieldErrors errors)
    {
        DateOnly? start = null;
        if (!string.IsNullOrWhiteSpace(input.ServiceStart))
        {
            var text = input.ServiceStart.Trim().Replace('/', '-').Replace('.', '-');
            if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year >= 1950
                && (year == 0 || d.Year <= year))
            {
                start = d;
            }
            else
            {
                errors.Add(key("serviceStart"), prefix + "本企业工龄起算日应为日期（如2015-03-01），且不晚于报送年度");
            }
        }

        int? Count(string? value, string field, string name, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= max)
            {
                return n;
            }

            errors.Add(key(field), prefix + string.Create(CultureInfo.InvariantCulture, $"{name}应为0至{max}的整数，现为“{value.Trim()}”"));
            return null;
        }

        var months = int.TryParse(input.MonthsWorked?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 ? m : 12;
        var special = Count(input.SpecialPostMonths, "specialPostMonths", "特聘岗位月数", 12);
        if (special > months)
        {
            errors.Add(key("specialPostMonths"), prefix + string.Create(CultureInfo.InvariantCulture, $"特聘岗位月数（{special}）不能超过工作月数（{months}）"));
        }

        return (start, special, Count(input.Apprentices, "apprentices", "带徒人数", 50));
    }

    /// <summary>
    /// 确认: the draft becomes the enterprise's report for its year (the corrected version, if any, becomes 已更正), then
    /// the SOE check runs (for this year and the next, if reported) and the year's wage levels are recomputed.
    /// Null when the report is not found in scope.
    /// </summary>
    public static async Task<FieldErrors?> ConfirmAsync(GongjiangDbContext db, Guid id, TimeProvider clock, CancellationToken ct)
    {
        var report = await db.Set<WageReport>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        if (report.Status != WageReportStatus.Draft)
        {
            errors.Add("status", $"该报送当前为“{WageReport.ChineseName(report.Status)}”，只有待确认的报送可以确认");
            return errors;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (report.CorrectsId is { } previousId)
        {
            var previous = await db.Set<WageReport>().FirstAsync(r => r.Id == previousId, ct);
            previous.Status = WageReportStatus.Superseded;
            await db.UpdateInScopeAsync(db.Set<WageReportLine>().Where(l => l.ReportId == previousId),
                s => s.SetProperty(l => l.IsCurrent, false), "工资报送更正：旧版本不再计入", ct);
        }

        report.Status = WageReportStatus.Confirmed;
        report.ConfirmedAt = clock.GetUtcNow();
        report.ConfirmedByName = db.Actor.DisplayName;
        await db.SaveChangesAsync(ct);
        await db.UpdateInScopeAsync(db.Set<WageReportLine>().Where(l => l.ReportId == report.Id),
            s => s.SetProperty(l => l.IsCurrent, true), "工资报送确认：计入工资价位和国有企业工资增幅检查", ct);
        await tx.CommitAsync(ct);

        await SoeChecks.RunAsync(db, report.EnterpriseId, report.Year, clock, ct);
        if (await db.Set<WageReport>().AnyAsync(r => r.EnterpriseId == report.EnterpriseId && r.Year == report.Year + 1 && r.Status == WageReportStatus.Confirmed, ct))
        {
            await SoeChecks.RunAsync(db, report.EnterpriseId, report.Year + 1, clock, ct);
        }

        await WageLevelTable.RecomputeAsync(db, report.Year, clock, ct);
        return errors;
    }

    /// <summary>作废 a draft (never a confirmed report: those are corrected). Null when not found.</summary>
    public static async Task<FieldErrors?> DiscardAsync(GongjiangDbContext db, Guid id, CancellationToken ct)
    {
        var report = await db.Set<WageReport>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        if (report.Status != WageReportStatus.Draft)
        {
            errors.Add("status", "只有待确认的报送可以作废；已确认的报送请提交更正");
            return errors;
        }

        report.Status = WageReportStatus.Discarded;
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>The rows of a report (individual pay): every view is audited.</summary>
    public static async Task<List<WageReportLine>> LinesAsync(GongjiangDbContext db, WageReport report, CancellationToken ct)
    {
        var lines = await db.Set<WageReportLine>().AsNoTracking().Where(l => l.ReportId == report.Id).OrderBy(l => l.RowNumber).ToListAsync(ct);
        db.Audit(new AuditEvent(AuditActions.View, nameof(WageReport), report.Id.ToString(),
            Detail: string.Create(CultureInfo.InvariantCulture, $"查看{report.EnterpriseName}{report.Year}年度工资报送（第{report.Version}版）的个人工资{lines.Count}行")));
        await db.SaveChangesAsync(ct);
        return lines;
    }

    /// <summary>The worker's own rows of confirmed reports (the scope narrows them to the person): audited.</summary>
    public static async Task<List<WageReportLine>> OwnLinesAsync(GongjiangDbContext db, CancellationToken ct)
    {
        var personId = db.Actor.PersonId;
        var lines = personId is null ? [] : await db.Set<WageReportLine>().AsNoTracking().Where(l => l.PersonId == personId && l.IsCurrent).OrderByDescending(l => l.Year).ToListAsync(ct);
        db.Audit(new AuditEvent(AuditActions.View, nameof(WageReportLine), personId?.ToString(), Detail: string.Create(CultureInfo.InvariantCulture, $"本人查看工资报送记录{lines.Count}条")));
        await db.SaveChangesAsync(ct);
        return lines;
    }

    private static string Normal(string? idNumber) => (idNumber ?? "").Trim().ToUpperInvariant();
}
