using Gongjiang.Core.Supervision;
using Gongjiang.Web.Features.Supervision.Data;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Supervision;

/// <summary>One measure's line as entered (status may be missing in a draft).</summary>
public sealed record LineInput(string MeasureCode, MeasureStatus? Status, string? Narrative);

/// <summary>A report's content as entered.</summary>
public sealed record ReportInput(IReadOnlyList<LineInput> Lines, string? Summary);

public sealed partial class SupervisionService
{
    public const string ReportEntity = "ProgressReport";

    /// <summary>新建: the actor's own region starts its report for a period (a draft, statuses carried over from its last accepted report).</summary>
    public async Task<(Guid? Id, FieldErrors Errors)> CreateReportAsync(string? periodKey, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var period = ReportPeriod.Parse(periodKey);
        if (!period.IsValid)
        {
            errors.Add("period", period.Error!);
            return (null, errors);
        }

        var p = period.Value;
        if (p.Start > Today)
        {
            errors.Add("period", $"{p.DisplayName}尚未开始，不能填报");
            return (null, errors);
        }

        var region = OwnRegion;
        var existing = await db.Set<ReportRow>().AsNoTracking().Where(r => r.RegionCode == region && r.PeriodKey == p.Key)
            .Select(r => (ReportStatus?)r.Status).FirstOrDefaultAsync(ct);
        var move = ProgressReportWorkflow.Transition(existing, ReportAction.Create, new ReportContext(region, region, Hierarchy));
        if (!move.IsValid)
        {
            move.Reasons.ToList().ForEach(r => errors.Add("period", r));
            return (null, errors);
        }

        var report = new ReportRow
        {
            RegionCode = region,
            RegionName = Name(region),
            PeriodKey = p.Key,
            Year = p.Year,
            Kind = p.Kind,
            Number = p.Number,
            PeriodEnd = p.End,
            Status = ReportStatus.Draft,
            UpdatedByName = Actor.DisplayName,
            UpdatedAt = clock.GetUtcNow(),
        };
        db.Add(report);
        foreach (var (measure, status) in await PreviousStatusesAsync(region, p.End, Guid.Empty, ct))
        {
            db.Add(new ReportLineRow { ReportId = report.Id, RegionCode = region, MeasureCode = measure, Status = status });
        }

        AddEvent(report, ReportAction.Create, null);
        await db.SaveChangesAsync(ct);
        return (report.Id, errors);
    }

    /// <summary>
    /// 修改 (and 提交 when <paramref name="submit"/>): saves the content of a draft or returned report of the actor's own
    /// region. A draft is saved whenever its content is well-formed, even when it cannot yet be submitted (nothing typed is
    /// lost); submitting checks every measure and the narratives the rules require, then freezes the indicator values.
    /// Returns null when there is no such report in scope.
    /// </summary>
    public async Task<FieldErrors?> SaveReportAsync(Guid id, ReportInput input, bool submit, CancellationToken ct)
    {
        var report = await db.Set<ReportRow>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        var context = new ReportContext(report.RegionCode, OwnRegion, Hierarchy);
        var revise = ProgressReportWorkflow.Transition(report.Status, ReportAction.Revise, context);
        if (!revise.IsValid)
        {
            revise.Reasons.ToList().ForEach(r => errors.Add("report", r));
            return errors;
        }

        var period = PeriodOf(report);
        var missingStatus = input.Lines.Where(l => l.Status is null && !string.IsNullOrWhiteSpace(l.Narrative)).ToList();
        var content = new ProgressReportContent(report.RegionCode, period,
            [.. input.Lines.Where(l => l.Status is not null).Select(l => new MeasureProgress(l.MeasureCode, l.Status!.Value, l.Narrative))], [], input.Summary);
        var draft = ProgressReportRules.CheckDraft(content, Catalog, Indicators, Hierarchy);
        if (!draft.IsValid)
        {
            foreach (var reason in draft.Reasons)
            {
                errors.Add(FieldOf(reason), reason);
            }

            return errors;
        }

        // Save the draft content.
        var normalized = draft.Value!;
        var lines = await db.Set<ReportLineRow>().Where(l => l.ReportId == id).ToListAsync(ct);
        foreach (var line in normalized.Measures)
        {
            var row = lines.FirstOrDefault(l => l.MeasureCode == line.MeasureCode);
            if (row is null)
            {
                db.Add(new ReportLineRow { ReportId = id, RegionCode = report.RegionCode, MeasureCode = line.MeasureCode, Status = line.Status, Narrative = line.Narrative });
            }
            else
            {
                row.Status = line.Status;
                row.Narrative = line.Narrative;
            }
        }

        foreach (var cleared in missingStatus)
        {
            if (Catalog.Find(cleared.MeasureCode) is { } m)
            {
                errors.Add("m" + m.Code, $"{m.DisplayCode}：请选择进展状态（未启动、推进中或已完成）");
            }
        }

        report.Summary = normalized.Summary;
        report.UpdatedByName = Actor.DisplayName;
        report.UpdatedAt = clock.GetUtcNow();
        report.Version++;

        if (submit && errors.IsEmpty)
        {
            var previous = await PreviousStatusesAsync(report.RegionCode, period.Start.AddDays(-1), report.Id, ct);
            var targets = await TargetsOfAsync([report.RegionCode], ct);
            var live = await LiveIndicatorsAsync(report.RegionCode, period, ct);
            var full = normalized with { Indicators = live };
            var check = ProgressReportRules.CheckForSubmission(full, previous, targets, Catalog, Indicators, Hierarchy);
            var move = ProgressReportWorkflow.Transition(report.Status, ReportAction.Submit, context with { ContentProblems = check.IsValid ? [] : check.Reasons });
            if (move.IsValid)
            {
                report.Status = ReportStatus.Submitted;
                report.SubmittedOn = Today;
                report.FirstSubmittedOn ??= Today;
                report.ReturnReason = null;
                db.RemoveRange(await db.Set<ReportIndicatorRow>().Where(v => v.ReportId == id).ToListAsync(ct));
                foreach (var value in live)
                {
                    db.Add(new ReportIndicatorRow { ReportId = id, RegionCode = report.RegionCode, Code = value.Code, Value = value.Value });
                }

                AddEvent(report, ReportAction.Submit, null);
            }
            else
            {
                foreach (var reason in move.Reasons)
                {
                    errors.Add(FieldOf(reason), reason);
                }
            }
        }
        else
        {
            AddEvent(report, ReportAction.Revise, null);
        }

        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>接收 or 退回修改 by the level above. Returns null when there is no such report in scope.</summary>
    public async Task<FieldErrors?> DecideReportAsync(Guid id, ReportAction action, string? reason, CancellationToken ct)
    {
        var report = await db.Set<ReportRow>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        if (action is not (ReportAction.Accept or ReportAction.Return))
        {
            errors.Add("action", "操作应为接收或退回修改");
            return errors;
        }

        var move = ProgressReportWorkflow.Transition(report.Status, action, new ReportContext(report.RegionCode, OwnRegion, Hierarchy, Reason: reason));
        if (!move.IsValid)
        {
            move.Reasons.ToList().ForEach(r => errors.Add(r.Contains("理由", StringComparison.Ordinal) ? "reason" : "report", r));
            return errors;
        }

        report.Status = move.Value!.Value;
        report.Version++;
        report.UpdatedByName = Actor.DisplayName;
        report.UpdatedAt = clock.GetUtcNow();
        if (action == ReportAction.Accept)
        {
            report.AcceptedOn = Today;
        }
        else
        {
            report.ReturnReason = reason!.Trim();
        }

        AddEvent(report, action, action == ReportAction.Return ? reason!.Trim() : null);
        db.Audit(new AuditEvent(AuditActions.Workflow, ReportEntity, id.ToString(), Detail: $"{ProgressReportWorkflow.ChineseName(action)}：{report.RegionName}{report.PeriodKey}{(reason is null ? "" : "，理由：" + reason.Trim())}"));
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>
    /// 汇总: the consolidation of the accepted reports of the regions reporting to <paramref name="regionCode"/> for a period.
    /// </summary>
    public async Task<ConsolidatedReport> ConsolidateAsync(string regionCode, ReportPeriod period, CancellationToken ct)
    {
        var below = Hierarchy.ReportingTo(regionCode).Select(r => r.Code).ToList();
        var reports = await db.Set<ReportRow>().AsNoTracking()
            .Where(r => below.Contains(r.RegionCode) && r.PeriodKey == period.Key && r.Status == ReportStatus.Accepted)
            .Select(r => new { r.Id, r.RegionCode, r.Summary }).ToListAsync(ct);
        var ids = reports.Select(r => r.Id).ToList();
        var lines = (await db.Set<ReportLineRow>().AsNoTracking().Where(l => ids.Contains(l.ReportId)).ToListAsync(ct)).ToLookup(l => l.ReportId);
        var values = (await db.Set<ReportIndicatorRow>().AsNoTracking().Where(v => ids.Contains(v.ReportId)).ToListAsync(ct)).ToLookup(v => v.ReportId);
        var registered = Indicators;
        var contents = reports.Select(r => new ProgressReportContent(r.RegionCode, period,
            [.. lines[r.Id].Select(l => new MeasureProgress(l.MeasureCode, l.Status, l.Narrative))],
            [.. values[r.Id].Where(v => registered.Find(v.Code) is not null).Select(v => new IndicatorValue(v.Code, v.Value))],
            r.Summary));
        return Consolidation.Consolidate(regionCode, period, null, contents, Hierarchy, Catalog, registered);
    }

    /// <summary>Fills the own draft report's statuses with the consolidation of the level below (the narrative says so).</summary>
    public async Task<FieldErrors?> ApplyConsolidationAsync(Guid id, CancellationToken ct)
    {
        var report = await db.Set<ReportRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return null;
        }

        var consolidated = await ConsolidateAsync(report.RegionCode, PeriodOf(report), ct);
        var existing = await db.Set<ReportLineRow>().AsNoTracking().Where(l => l.ReportId == id).ToListAsync(ct);
        var input = new List<LineInput>();
        foreach (var m in consolidated.Measures)
        {
            var old = existing.FirstOrDefault(l => l.MeasureCode == m.MeasureCode);
            var note = $"汇总下级报告：未启动{m.NotStarted}个、推进中{m.InProgress}个、已完成{m.Completed}个、未报送{m.NotReported}个。";
            var narrative = old?.Narrative is { Length: > 0 } n && !n.Contains("汇总下级报告", StringComparison.Ordinal) ? n + "\n" + note : note;
            input.Add(new LineInput(m.MeasureCode, m.Status ?? old?.Status, narrative));
        }

        var summary = $"本级汇总：已接收下级报告{consolidated.Reported.Count}份，未报送{consolidated.NotReported.Count}个地区。";
        return await SaveReportAsync(id, new ReportInput(input, report.Summary ?? summary), submit: false, ct);
    }

    /// <summary>Who reports to <paramref name="parentRegion"/> for a period, with due date and timeliness today.</summary>
    public async Task<IReadOnlyList<ReportDeadlineStatus>> DeadlinesAsync(string parentRegion, ReportPeriod period, CancellationToken ct)
    {
        var below = Hierarchy.ReportingTo(parentRegion).Select(r => r.Code).ToList();
        var submitted = await db.Set<ReportRow>().AsNoTracking()
            .Where(r => below.Contains(r.RegionCode) && r.PeriodKey == period.Key && r.FirstSubmittedOn != null)
            .Select(r => new { r.RegionCode, r.FirstSubmittedOn }).ToListAsync(ct);
        return Schedule.Check(period, parentRegion, submitted.ToDictionary(s => s.RegionCode, s => s.FirstSubmittedOn!.Value, StringComparer.Ordinal), Today, Hierarchy, Calendar);
    }

    internal static ReportPeriod PeriodOf(ReportRow report) => new(report.Year, report.Kind, report.Number);

    private void AddEvent(ReportRow report, ReportAction action, string? text) => db.Add(new ReportEventRow
    {
        ReportId = report.Id,
        RegionCode = report.RegionCode,
        Action = action,
        ActorName = Actor.DisplayName,
        ActorRegionCode = OwnRegion,
        At = clock.GetUtcNow(),
        Text = text,
    });

    /// <summary>The form field a reason belongs to: the measure it names (“三（一）：…”), the summary, or the report.</summary>
    private static string FieldOf(string reason)
    {
        foreach (var m in Catalog.All)
        {
            if (reason.StartsWith(m.DisplayCode, StringComparison.Ordinal))
            {
                return "m" + m.Code;
            }
        }

        return reason.StartsWith("总体情况", StringComparison.Ordinal) ? "summary" : "report";
    }
}
