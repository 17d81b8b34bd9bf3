using System.Globalization;
using Gongjiang.Core.Skills;
using Gongjiang.Core.Wages;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Features.Wages.Data;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Export;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Wages;

public sealed record WageReportDto(Guid Id, Guid EnterpriseId, string EnterpriseName, string RegionCode, int Year, int Version, string Status,
    Guid? CorrectsId, string? CorrectionReason, string Source, int Rows, decimal TotalPay, string SubmittedBy, DateTimeOffset SubmittedAt,
    string? ConfirmedBy, DateTimeOffset? ConfirmedAt)
{
    public static WageReportDto From(WageReport r) => new(r.Id, r.EnterpriseId, r.EnterpriseName, r.RegionCode, r.Year, r.Version,
        WageReport.ChineseName(r.Status), r.CorrectsId, r.CorrectionReason, r.Source, r.RowCount, r.TotalPayFen / 100m,
        r.SubmittedByName, r.SubmittedAt, r.ConfirmedByName, r.ConfirmedAt);
}

/// <summary>One row as returned (amounts in 元; the ID number masked).</summary>
public sealed record WageLineDto(int Row, int Year, string IdNumber, string? Name, string Category, string? Tier, bool? Frontline, string? OccupationCode,
    string? SkillLevel, int MonthsWorked, decimal TotalPay, decimal BasicPay, decimal PerformancePay, decimal Allowances,
    decimal SpecialPostAllowance, decimal MentorAllowance, decimal SeniorityPay)
{
    public static WageLineDto From(WageReportLine l) => new(l.RowNumber, l.Year, l.IdNumberMasked, l.PersonName, StaffCategories.ChineseName(l.Category),
        l.Tier is { } t ? StaffCategories.ChineseName(t) : null, l.Frontline, l.OccupationCode, l.SkillLevel is { } s ? SkillLevels.DisplayName(s) : null,
        l.MonthsWorked, l.TotalPayFen / 100m, l.BasicPayFen / 100m, l.PerformancePayFen / 100m, l.AllowancesFen / 100m,
        l.SpecialPostAllowanceFen / 100m, l.MentorAllowanceFen / 100m, l.SeniorityPayFen / 100m);
}

/// <summary>A report with its rows and the rows that pay less than the enterprise's own 年资工资/津贴 schemes (policy 三(三)).</summary>
public sealed record WageReportDetailDto(WageReportDto Report, IReadOnlyList<WageLineDto> Rows, IReadOnlyList<WageShortfallDto> SchemeShortfalls);

/// <summary>A row paid below the enterprise's own schemes: what is due (元) and the shortfall, with the reasons.</summary>
public sealed record WageShortfallDto(int Row, decimal DueSeniorityPay, decimal DueSpecialPostAllowance, decimal DueMentorAllowance, decimal Shortfall,
    IReadOnlyList<string> Reasons);

public sealed record SoeCheckDto(Guid Id, Guid EnterpriseId, string EnterpriseName, string RegionCode, int Year, string Outcome, string Explanation,
    IReadOnlyList<string> Reasons, DateTimeOffset CheckedAt)
{
    public static SoeCheckDto From(SoeCheck c) => new(c.Id, c.EnterpriseId, c.EnterpriseName, c.RegionCode, c.Year, SoeCheck.ChineseName(c.Outcome),
        c.Explanation, c.Reasons.Split('\n', StringSplitOptions.RemoveEmptyEntries), c.CheckedAt);
}

public sealed record RectificationDto(Guid Id, Guid EnterpriseId, string EnterpriseName, string RegionCode, int Year, string Status, string Finding,
    DateOnly OpenedOn, DateOnly Deadline, bool DeadlineProvisional, bool Overdue, string? Explanation, string? Evidence,
    IReadOnlyList<string> EvidenceDocuments, string? DecisionReason, DateOnly? ClosedOn, string? ClosedBy, IReadOnlyList<string> History)
{
    public static RectificationDto From(RectificationCase c, DateOnly today) => new(c.Id, c.EnterpriseId, c.EnterpriseName, c.RegionCode, c.Year,
        RectificationWorkflow.ChineseName(c.Status), c.Finding, c.OpenedOn, c.Deadline, c.DeadlineProvisional,
        RectificationWorkflow.IsOverdue(c.Status, c.Deadline, today), c.Explanation, c.Evidence,
        (c.EvidenceDocuments ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries), c.DecisionReason, c.ClosedOn, c.ClosedByName,
        c.History.Split('\n', StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A step of a rectification case: action (Explain, StartRectification, SubmitEvidence, AcceptExplanation, RequireRectification, ReturnEvidence, Close), text, documents (one a line).</summary>
public sealed record RectificationStepRequest(string? Action, string? Text, string? Documents);

/// <summary>The pinned public cell (issue 15): a suppressed cell has its keys, <c>suppressed: true</c> and every figure null.</summary>
public sealed record PublicWageLevelCell(string Region, string Occupation, string Level, int? Enterprises, int? Persons,
    decimal? P10, decimal? P25, decimal? P50, decimal? P75, decimal? P90, decimal? Mean, bool Suppressed)
{
    public static PublicWageLevelCell From(WageLevelCellRecord c) => c.Suppressed
        ? new(c.RegionCode, c.OccupationCode, c.Level.ToString(), null, null, null, null, null, null, null, null, true)
        : new(c.RegionCode, c.OccupationCode, c.Level.ToString(), c.Enterprises, c.Persons, WageLevelTable.Yuan(c.P10), WageLevelTable.Yuan(c.P25),
            WageLevelTable.Yuan(c.P50), WageLevelTable.Yuan(c.P75), WageLevelTable.Yuan(c.P90), WageLevelTable.Yuan(c.MeanFen), false);
}

/// <summary>The pinned public answer: <c>{"year","cells":[…]}</c>.</summary>
public sealed record PublicWageLevels(int Year, IReadOnlyList<PublicWageLevelCell> Cells);

/// <summary>The wages API (bearer tokens) and the pages' downloads (cookie sign-in).</summary>
internal static class WagesApi
{
    /// <summary>The audit log's object type of a wage-level download.</summary>
    public const string LevelsEntity = "WageLevelTable";

    public static IEndpointRouteBuilder MapWages(this IEndpointRouteBuilder app)
    {
        var reports = app.MapApiGroup("wages/reports", "工资报送", WagesModule.Report);
        reports.MapGet("/", async (GongjiangDbContext db, CancellationToken ct, int? year = null) =>
        {
            var query = db.Set<WageReport>().AsNoTracking();
            if (year is { } y)
            {
                query = query.Where(r => r.Year == y);
            }

            var list = await query.OrderByDescending(r => r.Year).ThenBy(r => r.EnterpriseName).ThenByDescending(r => r.Version).Take(500).ToListAsync(ct);
            return TypedResults.Ok(list.Select(WageReportDto.From).ToList());
        }).WithSummary("管辖范围内（用人单位：本单位）的工资报送，含各版本（year 可选）");
        reports.MapPost("/", Submit)
            .WithSummary("报送年度工资（全部行通过才保存，保存后为“待确认”）：rows 每行一名职工，金额以元为单位的文本；同一年度再次报送须走更正（correctsId、correctionReason）");
        reports.MapGet("/{id:guid}", async Task<Results<Ok<WageReportDetailDto>, ProblemHttpResult>> (Guid id, GongjiangDbContext db, CancellationToken ct) =>
        {
            var report = await db.Set<WageReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (report is null)
            {
                return Problems.NotFound("该工资报送");
            }

            var lines = await WageReports.LinesAsync(db, report, ct);
            var shortfalls = await WageSchemeStore.ShortfallsAsync(db, report, lines, ct);
            return TypedResults.Ok(new WageReportDetailDto(WageReportDto.From(report), [.. lines.Select(WageLineDto.From)],
                [.. lines.Where(l => shortfalls.ContainsKey(l.Id)).Select(l => shortfalls[l.Id]).Select(f => new WageShortfallDto(
                    lines.First(l => l.Id == f.LineId).RowNumber, f.Due.SeniorityPay.Yuan, f.Due.SpecialPostAllowance.Yuan, f.Due.MentorAllowance.Yuan,
                    f.Shortfall.Yuan, f.Reasons))]));
        }).WithSummary("一份工资报送及其各行（个人工资；每次查看记入审计日志），以及低于本单位年资工资、津贴制度应发数的行（schemeShortfalls）");
        reports.MapPost("/{id:guid}/confirm", async (Guid id, GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
            Outcome(await WageReports.ConfirmAsync(db, id, clock, ct)))
            .WithSummary("确认报送：成为该单位该年度的工资报送（更正时旧版本标为已更正），随后自动进行国有企业工资增幅检查并重算工资价位");
        reports.MapPost("/{id:guid}/discard", async (Guid id, GongjiangDbContext db, CancellationToken ct) =>
            Outcome(await WageReports.DiscardAsync(db, id, ct))).WithSummary("作废待确认的报送（已确认的报送只能更正）");

        app.MapWageSchemes();

        var own = app.MapApiGroup("wages/mine", "工资报送", WagesModule.Own);
        own.MapGet("/", async (GongjiangDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await WageReports.OwnLinesAsync(db, ct)).Select(WageLineDto.From).ToList()))
            .WithSummary("本人的工资报送记录（各年度已确认的版本；查看记入审计日志）");

        var compliance = app.MapApiGroup("wages/compliance", "国有企业工资增幅检查", WagesModule.Compliance);
        compliance.MapGet("/", async (GongjiangDbContext db, CancellationToken ct, int? year = null) =>
            TypedResults.Ok((await ComplianceAsync(db, year, ct)).Select(SoeCheckDto.From).ToList()))
            .WithSummary("管辖范围内国有企业的工资增幅检查结果（每个单位每年度最新一次；year 可选）");

        var cases = app.MapApiGroup("wages/rectifications", "工资整改", WagesModule.Rectification);
        cases.MapGet("/", async (GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var list = await db.Set<RectificationCase>().AsNoTracking().OrderByDescending(c => c.Id).Take(500).ToListAsync(ct);
            return TypedResults.Ok(list.Select(c => RectificationDto.From(c, ChinaTime.Today(clock))).ToList());
        }).WithSummary("整改案件（国资部门：本辖区；用人单位：本单位）");
        cases.MapGet("/{id:guid}", async Task<Results<Ok<RectificationDto>, ProblemHttpResult>> (Guid id, GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
            await db.Set<RectificationCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } c
                ? TypedResults.Ok(RectificationDto.From(c, ChinaTime.Today(clock)))
                : Problems.NotFound("该整改案件")).WithSummary("一个整改案件及其办理经过");
        cases.MapPost("/{id:guid}/steps", async (Guid id, RectificationStepRequest request, GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
            Outcome(await SoeChecks.StepAsync(db, id, request.Action, request.Text, request.Documents, clock, ct), "该整改案件"))
            .WithSummary("办理一步：用人单位 Explain（说明情况）、StartRectification（开始整改）、SubmitEvidence（提交整改证据，documents 每行一份）；国资部门 AcceptExplanation、RequireRectification、ReturnEvidence、Close（结案）；text 不少于5个字");

        var levels = app.MapApiGroup("wages/levels", "技术工人工资价位", WagesModule.LevelsExport);
        levels.MapGet("/export.xlsx", ExportLevels).WithSummary("下载工资价位（XLSX：各单元格和统计说明；样本不足的单元格只列分组并标注；记入审计日志）");
        app.MapGet("/wages/levels/export.xlsx", ExportLevels).RequireAuthorization(WagesModule.LevelsExport).ExcludeFromDescription();

        app.MapGet("/wages/reports/template.csv", () => TypedResults.File(Platform.Imports.ImportTemplates.Csv(WageTemplate.Schema), "text/csv; charset=utf-8", "工资报送模板.csv"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/wages/reports/template.xlsx", () => TypedResults.File(Platform.Imports.ImportTemplates.Xlsx(WageTemplate.Schema), SpreadsheetWriter.XlsxContentType, "工资报送模板.xlsx"))
            .AllowAnonymous().ExcludeFromDescription();

        var open = app.MapGroup("/api/v1/public").WithTags("技术工人工资价位").AllowAnonymous();
        open.MapGet("/wage-levels", PublicLevels)
            .WithSummary("技术工人工资价位（无需登录）：按省级地区×职业×技能等级的 P10、P25、P50、P75、P90 和平均数（元/年），以及单位数和人数；样本不足的单元格 suppressed=true，各项数值均为 null")
            .WithDescription("查询条件：year（必填，四位年份）、region（可选，省级行政区划代码，如 440000）、occupation（可选，职业编码，如 6-18-01-01）。level 为职业技能等级：Junior、Intermediate、Senior、Technician、SeniorTechnician 等。");
        return app;
    }

    private static async Task<Results<Created<WageReportDto>, ProblemHttpResult>> Submit(WageReportRequest request, GongjiangDbContext db,
        IRegistryDirectory registry, TimeProvider clock, CancellationToken ct)
    {
        var (id, errors) = await WageReports.SubmitAsync(db, registry, request, WageReports.SourceApi, clock, ct);
        if (id is null)
        {
            return Problems.Validation(errors);
        }

        var created = await db.Set<WageReport>().AsNoTracking().FirstAsync(r => r.Id == id, ct);
        return TypedResults.Created($"/api/v1/wages/reports/{id}", WageReportDto.From(created));
    }

    internal static async Task<List<SoeCheck>> ComplianceAsync(GongjiangDbContext db, int? year, CancellationToken ct)
    {
        var query = db.Set<SoeCheck>().AsNoTracking();
        if (year is { } y)
        {
            query = query.Where(c => c.Year == y);
        }

        var all = await query.OrderByDescending(c => c.Id).Take(5000).ToListAsync(ct);
        return [.. all.GroupBy(c => (c.EnterpriseId, c.Year)).Select(g => g.First()).OrderByDescending(c => c.Year).ThenBy(c => c.EnterpriseName, StringComparer.Ordinal)];
    }

    private static async Task<Results<Ok<PublicWageLevels>, ProblemHttpResult>> PublicLevels(GongjiangDbContext db, CancellationToken ct,
        string? year = null, string? region = null, string? occupation = null)
    {
        var errors = WageLevelTable.Validate(year, region, occupation, out var y);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var cells = await WageLevelTable.CellsAsync(db, y, region, occupation, ct);
        return TypedResults.Ok(new PublicWageLevels(y, [.. cells.Select(PublicWageLevelCell.From)]));
    }

    private static readonly TableExport<WageLevelCellRecord> LevelsTable = new(
        new("地区代码", c => c.RegionCode),
        new("地区", c => Core.Reference.RegionCatalog.Default.FullName(c.RegionCode)),
        new("职业编码", c => c.OccupationCode),
        new("职业技能等级", c => WageLevelTable.LevelName(c.Level)),
        new("是否公布", c => c.Suppressed ? "样本不足，不予公布" : "公布"),
        new("单位数", c => c.Enterprises),
        new("人数", c => c.Persons),
        new("P10（元）", c => WageLevelTable.Yuan(c.P10)),
        new("P25（元）", c => WageLevelTable.Yuan(c.P25)),
        new("P50（元）", c => WageLevelTable.Yuan(c.P50)),
        new("P75（元）", c => WageLevelTable.Yuan(c.P75)),
        new("P90（元）", c => WageLevelTable.Yuan(c.P90)),
        new("平均数（元）", c => WageLevelTable.Yuan(c.MeanFen)));

    private static readonly TableExport<string> NoteTable = new(new ExportColumn<string>("统计说明", s => s));

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportLevels(GongjiangDbContext db, TimeProvider clock, CancellationToken ct,
        string? year = null, string? region = null, string? occupation = null)
    {
        var errors = WageLevelTable.Validate(year, region, occupation, out var y);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        // Suppressed cells come from the stored table with every figure null: nothing to leak in the file.
        var cells = await WageLevelTable.CellsAsync(db, y, region, occupation, ct);
        await db.RecordAsync(new AuditEvent(AuditActions.Export, LevelsEntity, null,
            Detail: string.Create(CultureInfo.InvariantCulture, $"下载{y}年度工资价位（XLSX），{cells.Count}个单元格，其中样本不足{cells.Count(c => c.Suppressed)}个")), ct);
        return TableDownload.Xlsx([LevelsTable.Sheet(string.Create(CultureInfo.InvariantCulture, $"{y}年工资价位"), cells), NoteTable.Sheet("统计说明", WageLevelTable.Methodology)],
            string.Create(CultureInfo.InvariantCulture, $"技术工人工资价位-{y}.xlsx"), ct);
    }

    private static Results<NoContent, ProblemHttpResult> Outcome(FieldErrors? errors, string what = "该工资报送") => errors switch
    {
        null => Problems.NotFound(what),
        { IsEmpty: true } => TypedResults.NoContent(),
        _ => Problems.Validation(errors),
    };
}
