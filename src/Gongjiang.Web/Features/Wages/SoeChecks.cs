using System.Globalization;
using Gongjiang.Core.Calendar;
using Gongjiang.Core.Wages;
using Gongjiang.Web.Features.Wages.Data;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Wages;

/// <summary>
/// The SOE pay check (policy 四(二), 2025 notice) run by the system on every confirmed report of a 中央企业 or 地方国有企业,
/// and the rectification case (整改) a non-compliant result opens for the 国资 department.
/// </summary>
public static class SoeChecks
{
    /// <summary>The comparable-population choice used (全年在岗可比人员: explained with every result).</summary>
    public const ComparablePopulation Population = ComparablePopulation.FullYearStaff;

    /// <summary>The population explanation shown on the compliance list.</summary>
    public static string PopulationNote => "统计口径：" + SoePayCompliance.Explain(Population);

    /// <summary>
    /// Checks the enterprise's confirmed report of <paramref name="year"/> against the year before, stores the result
    /// and, when non-compliant and no case is open for that year, opens a rectification case with a working-day deadline.
    /// Does nothing for a non-SOE or when the year has no confirmed report.
    /// </summary>
    public static async Task<SoeCheck?> RunAsync(GongjiangDbContext db, Guid enterpriseId, int year, TimeProvider clock, CancellationToken ct)
    {
        var report = await db.Set<WageReport>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.EnterpriseId == enterpriseId && r.Year == year && r.Status == WageReportStatus.Confirmed, ct);
        if (report is null || !report.StateOwned)
        {
            return null;
        }

        var lines = await db.Set<WageReportLine>().AsNoTracking()
            .Where(l => l.EnterpriseId == enterpriseId && (l.Year == year || l.Year == year - 1) && l.IsCurrent).ToListAsync(ct);
        var current = lines.Where(l => l.Year == year).Select(l => l.ToRow()).ToList();
        var previous = lines.Where(l => l.Year == year - 1).Select(l => l.ToRow()).ToList();
        var decision = SoePayCompliance.Evaluate(year, stateOwned: true, current, previous, Population, SoePayRules.Default);
        var check = new SoeCheck
        {
            EnterpriseId = enterpriseId,
            EnterpriseName = report.EnterpriseName,
            RegionCode = report.RegionCode,
            Year = year,
            ReportId = report.Id,
            Outcome = decision.Outcome.Outcome,
            Explanation = decision.Outcome.PopulationExplanation,
            Reasons = string.Join('\n', decision.Rules.Where(r => r.RuleId != "4.2-population").Select(r => (r.Holds ? "✓ " : "✗ ") + r.Reason + (r.Citation is { } c ? "（" + c + "）" : ""))),
            CheckedAt = clock.GetUtcNow(),
        };
        db.Add(check);

        if (check.Outcome == SoeComplianceOutcome.NonCompliant
            && !await db.Set<RectificationCase>().AnyAsync(c => c.EnterpriseId == enterpriseId && c.Year == year && c.Status != RectificationStatus.Closed, ct))
        {
            var today = ChinaTime.Today(clock);
            var opened = RectificationWorkflow.Transition(null, RectificationAction.Open, new RectificationContext(today, "系统", Finding: decision));
            if (opened.IsValid)
            {
                var (deadline, provisional) = RectificationWorkflow.Deadline(WorkingDayCalendar.China, today, RectificationWorkflow.DefaultWorkingDays);
                db.Add(new RectificationCase
                {
                    CheckId = check.Id,
                    EnterpriseId = enterpriseId,
                    EnterpriseName = report.EnterpriseName,
                    RegionCode = report.RegionCode,
                    Year = year,
                    Status = opened.Value!.Value,
                    Finding = check.Reasons,
                    OpenedOn = today,
                    Deadline = deadline,
                    DeadlineProvisional = provisional,
                    History = Line(today, "系统", "立案", string.Create(CultureInfo.InvariantCulture, $"{year}年度国有企业技能人才工资增幅检查不符合，整改期限{RectificationWorkflow.DefaultWorkingDays}个工作日")),
                });
            }
        }

        await db.SaveChangesAsync(ct);
        return check;
    }

    /// <summary>Who may take a step: the enterprise answers, the 国资 department decides.</summary>
    public static bool IsEnterpriseStep(RectificationAction action) =>
        action is RectificationAction.Explain or RectificationAction.StartRectification or RectificationAction.SubmitEvidence;

    /// <summary>Parses an action name (English member name or its Chinese name).</summary>
    public static RectificationAction? ParseAction(string? text)
    {
        var t = text?.Trim();
        foreach (var action in Enum.GetValues<RectificationAction>())
        {
            if (string.Equals(t, action.ToString(), StringComparison.OrdinalIgnoreCase) || t == RectificationWorkflow.ChineseName(action))
            {
                return action;
            }
        }

        return null;
    }

    /// <summary>
    /// Takes one step of a case. The enterprise's own account takes the enterprise's steps (说明情况, 开始整改, 提交整改证据);
    /// the 国资 department of the jurisdiction takes the others. Evidence documents are named one a line. Null: not found.
    /// </summary>
    public static async Task<FieldErrors?> StepAsync(GongjiangDbContext db, Guid id, string? actionText, string? text, string? documents,
        TimeProvider clock, CancellationToken ct)
    {
        var @case = await db.Set<RectificationCase>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        var actor = db.Actor;
        if (ParseAction(actionText) is not { } action || action == RectificationAction.Open)
        {
            errors.Add("action", "操作无法识别，应为 Explain（说明情况）、StartRectification（开始整改）、SubmitEvidence（提交整改证据）、AcceptExplanation、RequireRectification、ReturnEvidence 或 Close");
            return errors;
        }

        var enterpriseStep = IsEnterpriseStep(action);
        if (enterpriseStep && actor.EnterpriseId != @case.EnterpriseId)
        {
            errors.Add("action", $"“{RectificationWorkflow.ChineseName(action)}”由被检查单位办理");
            return errors;
        }

        if (!enterpriseStep && actor.DepartmentCode != @case.DepartmentCode)
        {
            errors.Add("action", $"“{RectificationWorkflow.ChineseName(action)}”由辖区国资部门办理");
            return errors;
        }

        var docs = (documents ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var today = ChinaTime.Today(clock);
        var result = RectificationWorkflow.Transition(@case.Status, action, new RectificationContext(today, actor.DisplayName, text?.Trim(), docs.Length));
        if (!result.IsValid)
        {
            errors.Add(action == RectificationAction.SubmitEvidence && docs.Length == 0 ? "documents" : "text", result.Error!);
            return errors;
        }

        @case.Status = result.Value!.Value;
        switch (action)
        {
            case RectificationAction.Explain:
                @case.Explanation = text!.Trim();
                break;
            case RectificationAction.SubmitEvidence:
                @case.Evidence = text!.Trim();
                @case.EvidenceDocuments = string.Join('\n', docs);
                break;
            case RectificationAction.AcceptExplanation or RectificationAction.Close or RectificationAction.RequireRectification or RectificationAction.ReturnEvidence:
                @case.DecisionReason = text!.Trim();
                break;
        }

        if (@case.Status == RectificationStatus.Closed)
        {
            @case.ClosedOn = today;
            @case.ClosedByName = actor.DisplayName;
        }

        @case.History += "\n" + Line(today, actor.DisplayName, RectificationWorkflow.ChineseName(action), text?.Trim() + (docs.Length > 0 ? "（证据：" + string.Join("、", docs) + "）" : ""));
        db.Audit(new AuditEvent(AuditActions.Workflow, nameof(RectificationCase), @case.Id.ToString(), Detail: $"{@case.EnterpriseName}{@case.Year}年度整改：{RectificationWorkflow.ChineseName(action)}"));
        await db.SaveChangesAsync(ct);
        return errors;
    }

    private static string Line(DateOnly day, string who, string what, string? text) =>
        string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd} {who} {what}") + (string.IsNullOrWhiteSpace(text) ? "" : "：" + text);
}
