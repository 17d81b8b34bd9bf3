using Gongjiang.Core.Common;
using Gongjiang.Core.Leave;
using Gongjiang.Web.Features.Leave.Data;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using P = Gongjiang.Web.Features.Leave.LeavePermissions;

namespace Gongjiang.Web.Features.Leave.Records;

/// <summary>A record with its standing on the day asked and the rules applied (<see cref="EmployerLeaveCompliance.Evaluate"/>).</summary>
public sealed record LeaveRecordDetail(
    Guid Id, Guid EnterpriseId, Guid PersonId, string PersonName, string IdNumberMasked, int Year, DateOnly? FirstWorkDate, DateOnly? HireDate,
    bool EntitlementCalculated, int EntitledDays, int ArrangedDays, int TakenDays, decimal AverageMonthlyWage, decimal CompensationPaid,
    bool WrittenRefusal, int CarriedOverDays, int CarriedOverTakenDays, DateOnly? LeftOn, string? Note, DateOnly AsOf, string Status,
    int OwedDays, int CompensableDays, decimal CompensationDue, decimal Shortfall, DateOnly YearDeadline, DateOnly CarryOverDeadline,
    IReadOnlyList<RuleOutcome> Rules)
{
    public static LeaveRecordDetail From(LeaveRecord r, DateOnly asOf)
    {
        var status = EmployerLeaveCompliance.Evaluate(LeaveRecords.ToCore(r), asOf, LeaveRecords.Parameters(r.Year));
        return new LeaveRecordDetail(r.Id, r.EnterpriseId, r.PersonId, r.PersonName, r.IdNumberMasked, r.Year, r.FirstWorkDate, r.HireDate,
            r.EntitlementCalculated, r.EntitledDays, r.ArrangedDays, r.TakenDays, LeaveText.JsonYuan(new Money(r.AverageMonthlyWageFen)),
            LeaveText.JsonYuan(new Money(r.CompensationPaidFen)), r.WrittenRefusal, r.CarriedOverDays, r.CarriedOverTakenDays, r.LeftOn, r.Note, asOf,
            LeaveText.ChineseName(status.Status), status.OwedDays, status.CompensableDays, LeaveText.JsonYuan(status.CompensationDue),
            LeaveText.JsonYuan(status.Shortfall), r.YearDeadline, r.CarryOverDeadline, status.Rules);
    }
}

/// <summary>A row of the year-end lists.</summary>
public sealed record LeaveStandingDto(
    Guid Id, Guid PersonId, string PersonName, string IdNumberMasked, int Year, int EntitledDays, int TakenDays, int UntakenDays, string Status,
    int OwedDays, int CompensableDays, decimal CompensationDue, decimal CompensationPaid, decimal Shortfall, DateOnly YearDeadline, DateOnly CarryOverDeadline)
{
    public static LeaveStandingDto From(LeaveStanding s) => new(s.Id, s.PersonId, s.PersonName, s.IdNumberMasked, s.Year, s.EntitledDays, s.TakenDays,
        s.UntakenDays, LeaveText.ChineseName(s.Status), s.OwedDays, s.CompensableDays, LeaveText.JsonYuan(new Money(s.DueFen)),
        LeaveText.JsonYuan(new Money(s.PaidFen)), LeaveText.JsonYuan(new Money(s.ShortfallFen)), s.YearDeadline, s.CarryOverDeadline);
}

/// <summary>The year-end view: counts by status (Chinese names), totals, and who needs action (a page).</summary>
public sealed record YearEndDto(
    Guid EnterpriseId, string EnterpriseName, int Year, DateOnly AsOf, int Employees, IReadOnlyDictionary<string, int> ByStatus, int OwedDays,
    int CompensableDays, decimal Shortfall, Paged<LeaveStandingDto> NeedingAction);

/// <summary>The outcome of a save or an import.</summary>
public sealed record SaveResultDto(int Created, int Updated, IReadOnlyList<LeaveRecordDetail> Records);

/// <summary>The employer's records API and the page downloads (templates).</summary>
internal static class RecordsApi
{
    public const string Tag = "年休假记录";

    public static IEndpointRouteBuilder MapLeaveRecords(this IEndpointRouteBuilder app)
    {
        var read = app.MapApiGroup("leave/records", Tag, P.RecordsRead);
        read.MapGet("/", ListAsync)
            .WithSummary("用人单位某年度的年休假记录（分页；用人单位为本单位，窗口经办人和督查人员须指定 enterpriseId）")
            .WithDescription("查询参数：year（默认今年）、enterpriseId、status（Taken、Scheduled、Outstanding、CarriedOver、WrittenRefusal、Compensated、CompensationOwed）、asOf（按哪一天判断，默认今天）、page、pageSize。");
        read.MapGet("/year-end", YearEndAsync)
            .WithSummary("年末视图：各状态人数、应休未休天数、尚欠报酬，以及应休未休或欠付报酬的职工（欠付多者在前）");
        var view = app.MapApiGroup("leave/records", Tag, P.RecordView);
        view.MapGet("/{id:guid}", async Task<Results<Ok<LeaveRecordDetail>, ProblemHttpResult>> (Guid id, GongjiangDbContext db, TimeProvider clock, string? asOf, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var day = AsOf(asOf, clock, errors);
            if (!errors.IsEmpty)
            {
                return Problems.Validation(errors);
            }

            return await db.Set<LeaveRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } record
                ? TypedResults.Ok(LeaveRecordDetail.From(record, day))
                : Problems.NotFound("该年休假记录");
        }).WithSummary("一条年休假记录，及其在 asOf 当日的状态和适用的条款");

        var write = app.MapApiGroup("leave/records", Tag, P.RecordsEdit);
        write.MapPost("/", SaveAsync)
            .WithSummary("登记或更新本单位一名职工某年度的年休假（按公民身份号码和年度；不填应休天数而填参加工作日期时按条例计算）");
        write.MapPost("/import", ImportAsync)
            .DisableAntiforgery()
            .WithSummary($"导入年休假记录（multipart/form-data，字段 file：CSV 或 XLSX，不超过{LeaveImport.MaxBytes / 1024 / 1024}MB、{LeaveImport.MaxRows}行；任一行有误则全部不写入，逐行说明错误）");

        app.MapGet("/leave/records/import/template.{format}", (string format) => format switch
        {
            "csv" => Results.File(LeaveImport.TemplateCsv(), LeaveImport.ContentType(false), "年休假记录导入模板.csv"),
            "xlsx" => Results.File(LeaveImport.TemplateXlsx(), LeaveImport.ContentType(true), "年休假记录导入模板.xlsx"),
            _ => Results.NotFound(),
        }).RequireAuthorization(P.RecordsEdit).ExcludeFromDescription();
        return app;
    }

    public static DateOnly AsOf(string? text, TimeProvider clock, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ChinaTime.Today(clock);
        }

        if (!LeaveRecords.TryDate(text, out var day) || day.Year is < 2008 or > 2101)
        {
            errors.Add("asOf", "判断日期（asOf）应为“YYYY-MM-DD”格式的日期，如 2026-01-01");
        }

        return day;
    }

    public static int Year(string? text, DateOnly today, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return today.Year;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ||
            year < AnnualLeaveParameters.FirstYear || year > today.Year)
        {
            errors.Add("year", $"年度（year）应为{AnnualLeaveParameters.FirstYear}至{today.Year}之间的整数");
            return today.Year;
        }

        return year;
    }

    /// <summary>The enterprise the actor asks about: the employer's own, or one in the clerk's jurisdiction (null: not found).</summary>
    public static async Task<EnterpriseFacts?> EnterpriseAsync(GongjiangDbContext db, IEmploymentDirectory directory, string? enterpriseId, FieldErrors errors, CancellationToken ct)
    {
        Guid id;
        if (db.Actor.EnterpriseId is { } own)
        {
            id = own;
        }
        else if (!Guid.TryParse(enterpriseId, out id))
        {
            errors.Add("enterpriseId", "请指定用人单位（enterpriseId）");
            return null;
        }

        return (await directory.EnterprisesAsync([id], ct)).GetValueOrDefault(id);
    }

    private static async Task<Results<Ok<Paged<LeaveStandingDto>>, ProblemHttpResult>> ListAsync(
        GongjiangDbContext db, IEmploymentDirectory directory, TimeProvider clock, CancellationToken ct,
        string? year = null, string? enterpriseId = null, string? status = null, string? asOf = null, int? page = null, int? pageSize = null)
    {
        var errors = new FieldErrors();
        var day = AsOf(asOf, clock, errors);
        var y = Year(year, ChinaTime.Today(clock), errors);
        LeaveYearStatus? filter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<LeaveYearStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                filter = parsed;
            }
            else
            {
                errors.Add("status", "状态（status）应为 Taken、Scheduled、Outstanding、CarriedOver、WrittenRefusal、Compensated 或 CompensationOwed");
            }
        }

        PageRequest.TryCreate(page, pageSize, errors, out var paging);
        var enterprise = errors.IsEmpty ? await EnterpriseAsync(db, directory, enterpriseId, errors, ct) : null;
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        if (enterprise is null)
        {
            return Problems.NotFound("该用人单位");
        }

        var list = await LeaveYearEnd.ListAsync(db, enterprise.Id, y, day, filter, paging, ct);
        return TypedResults.Ok(new Paged<LeaveStandingDto>([.. list.Items.Select(LeaveStandingDto.From)], list.Total, list.Page, list.PageSize));
    }

    private static async Task<Results<Ok<YearEndDto>, ProblemHttpResult>> YearEndAsync(
        GongjiangDbContext db, IEmploymentDirectory directory, TimeProvider clock, CancellationToken ct,
        string? year = null, string? enterpriseId = null, string? asOf = null, int? page = null, int? pageSize = null)
    {
        var errors = new FieldErrors();
        var day = AsOf(asOf, clock, errors);
        var y = Year(year, ChinaTime.Today(clock), errors);
        PageRequest.TryCreate(page, pageSize, errors, out var paging);
        var enterprise = errors.IsEmpty ? await EnterpriseAsync(db, directory, enterpriseId, errors, ct) : null;
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        if (enterprise is null)
        {
            return Problems.NotFound("该用人单位");
        }

        var summary = await LeaveYearEnd.SummaryAsync(db, enterprise.Id, y, day, ct);
        var needing = await LeaveYearEnd.NeedingActionAsync(db, enterprise.Id, y, day, paging, summary.NeedingAction, ct);
        return TypedResults.Ok(new YearEndDto(enterprise.Id, enterprise.Name, y, day, summary.Employees,
            summary.ByStatus.ToDictionary(s => LeaveText.ChineseName(s.Key), s => s.Value, StringComparer.Ordinal), summary.OwedDays,
            summary.CompensableDays, LeaveText.JsonYuan(new Money(summary.ShortfallFen)),
            new Paged<LeaveStandingDto>([.. needing.Items.Select(LeaveStandingDto.From)], needing.Total, needing.Page, needing.PageSize)));
    }

    private static async Task<Results<Ok<SaveResultDto>, ProblemHttpResult>> SaveAsync(
        LeaveRecordRequest request, GongjiangDbContext db, IEmploymentDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await LeaveRecords.SaveAsync(db, directory, [request.ToDraft()], clock, null, ct);
        return Result(outcome, ChinaTime.Today(clock));
    }

    private static async Task<Results<Ok<SaveResultDto>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, GongjiangDbContext db, IEmploymentDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!request.HasFormContentType)
        {
            errors.Add("file", "请以 multipart/form-data 上传文件（字段 file）");
            return Problems.Validation(errors);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            errors.Add("file", "上传内容不完整或过大");
            return Problems.Validation(errors);
        }

        if (form.Files["file"] is not { } file)
        {
            errors.Add("file", "请选择要导入的文件（字段 file）");
            return Problems.Validation(errors);
        }

        await using var stream = file.OpenReadStream();
        var outcome = await LeaveImport.ImportAsync(db, directory, stream, file.FileName, file.Length, clock, ct);
        return Result(outcome, ChinaTime.Today(clock));
    }

    private static Results<Ok<SaveResultDto>, ProblemHttpResult> Result(SaveOutcome outcome, DateOnly today) =>
        outcome.Succeeded
            ? TypedResults.Ok(new SaveResultDto(outcome.Created, outcome.Updated, [.. outcome.Saved.Take(200).Select(r => LeaveRecordDetail.From(r, today))]))
            : Problems.Validation(outcome.ToFieldErrors(), outcome.Problems.Any(p => p.Row > 0) ? $"共{outcome.Problems.Count}处错误，全部记录均未写入；请按行修改后重新导入。" : null);
}
