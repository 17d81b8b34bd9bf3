using Gongjiang.Core.Reference;
using Gongjiang.Core.Supervision;
using Gongjiang.Web.Features.Supervision.Data;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Supervision;

public sealed partial class SupervisionService
{
    /// <summary>反映: the actor's own region raises a problem against a measure; it goes to the level above.</summary>
    public async Task<(Guid? Id, FieldErrors Errors)> RaiseProblemAsync(ProblemInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var valid = ProblemTracking.Validate(input, Catalog);
        if (!valid.IsValid)
        {
            valid.Reasons.ToList().ForEach(r => AddReason(errors, r, "description", ("涉及政策措施", "measure"), ("问题标题", "title"), ("问题描述", "description")));
            return (null, errors);
        }

        var region = OwnRegion;
        var move = ProblemWorkflow.Transition(null, ProblemAction.Raise, new ProblemContext(region, region, Hierarchy, valid.Value!.Description));
        if (!move.IsValid)
        {
            move.Reasons.ToList().ForEach(r => errors.Add("description", r));
            return (null, errors);
        }

        var row = new ProblemRow
        {
            RegionCode = region,
            MeasureCode = valid.Value.MeasureCode!,
            Title = valid.Value.Title!,
            Description = valid.Value.Description!,
            Status = move.Value!.Status,
            HandlerRegionCode = move.Value.HandlerRegionCode,
            WithHandlerSince = Today,
            RaisedOn = Today,
            RaisedByName = Actor.DisplayName,
        };
        db.Add(row);
        AddProblemEvent(row, ProblemAction.Raise, row.Description);
        await db.SaveChangesAsync(ct);
        return (row.Id, errors);
    }

    /// <summary>答复、转报上级 (the handling level), 追问、办结、撤回 (the raising region). Null when there is no such problem in scope.</summary>
    public async Task<FieldErrors?> ActOnProblemAsync(Guid id, ProblemAction action, string? text, CancellationToken ct)
    {
        var row = await db.Set<ProblemRow>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (row is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        if (action is ProblemAction.Answer or ProblemAction.PassUp && !Actor.Can(SupervisionPermissions.Review))
        {
            errors.Add("action", "答复和转报上级由督查人员办理");
            return errors;
        }

        var move = ProblemWorkflow.Transition(new ProblemState(row.Status, row.HandlerRegionCode), action, new ProblemContext(row.RegionCode, OwnRegion, Hierarchy, text));
        if (!move.IsValid)
        {
            move.Reasons.ToList().ForEach(r => errors.Add(r.Contains("不能少于", StringComparison.Ordinal) ? "text" : "action", r));
            return errors;
        }

        var next = move.Value!;
        if (next.HandlerRegionCode != row.HandlerRegionCode || (action == ProblemAction.FollowUp))
        {
            row.WithHandlerSince = Today;
        }

        row.Status = next.Status;
        row.HandlerRegionCode = next.HandlerRegionCode;
        row.Version++;
        AddProblemEvent(row, action, text?.Trim());
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>The open problems the actor's own level must answer, oldest first, with their answer due dates.</summary>
    public async Task<IReadOnlyList<PendingProblem>> PendingProblemsAsync(CancellationToken ct)
    {
        var region = OwnRegion;
        var rows = await db.Set<ProblemRow>().AsNoTracking().Where(p => p.HandlerRegionCode == region && p.Status == ProblemStatus.Open).ToListAsync(ct);
        return ProblemTracking.Pending(rows.Select(ToRecord), region, Today, Options.ProblemAnswerWorkingDays, Calendar);
    }

    internal static ProblemRecord ToRecord(ProblemRow p) =>
        new(p.Id.ToString(), p.MeasureCode, p.RegionCode, new ProblemState(p.Status, p.HandlerRegionCode), p.WithHandlerSince);

    private void AddProblemEvent(ProblemRow row, ProblemAction action, string? text) => db.Add(new ProblemEventRow
    {
        ProblemId = row.Id,
        RegionCode = row.RegionCode,
        Action = action,
        ActorName = Actor.DisplayName,
        ActorRegionCode = OwnRegion,
        At = clock.GetUtcNow(),
        Text = text,
    });
}

/// <summary>Input of a 任务分工 edit: department codes and other named bodies, for leads and participants.</summary>
public sealed record DivisionInput(string? MeasureCode, IReadOnlyList<string> LeadDepartments, string? LeadOthers, IReadOnlyList<string> ParticipantDepartments, string? ParticipantOthers);

public sealed partial class SupervisionService
{
    /// <summary>The division in force for a region's level (its supervisors' edits over the policy's default).</summary>
    public async Task<TaskDivision> DivisionOfAsync(string regionCode, CancellationToken ct)
    {
        var rows = await db.Set<DivisionVersion>().AsNoTracking().Where(d => d.RegionCode == regionCode && d.IsCurrent).ToListAsync(ct);
        var stored = rows.Select(ToAssignment).ToList();
        var division = TaskDivision.FromAssignments(Catalog, stored);
        return division.IsValid ? division.Value! : TaskDivision.Default;
    }

    /// <summary>The edits of a region's division, newest first.</summary>
    public Task<List<DivisionVersion>> DivisionHistoryAsync(string regionCode, CancellationToken ct) =>
        db.Set<DivisionVersion>().AsNoTracking().Where(d => d.RegionCode == regionCode).OrderByDescending(d => d.Id).Take(200).ToListAsync(ct);

    /// <summary>A supervisor changes the lead and participating units of a measure at their own region's level; the change is kept as history.</summary>
    public async Task<FieldErrors> EditDivisionAsync(DivisionInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var region = OwnRegion;
        if (!Actor.Can(SupervisionPermissions.Review))
        {
            errors.Add("measure", "任务分工由督查人员调整");
            return errors;
        }

        if (Hierarchy.LevelOf(region) is not { } level)
        {
            errors.Add("measure", $"{Name(region)}不在报送范围内");
            return errors;
        }

        var measure = Catalog.Parse(input.MeasureCode);
        if (!measure.IsValid)
        {
            errors.Add("measure", measure.Error!);
            return errors;
        }

        static IEnumerable<Participant> Units(IReadOnlyList<string> codes, string? others) =>
            codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => new Participant(c.Trim(), Departments.Find(c.Trim())?.Name ?? c.Trim()))
                .Concat((others ?? "").Split(['、', ',', '，', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Participant.Named));

        var division = await DivisionOfAsync(region, ct);
        var before = division.For(measure.Value!.Code, level);
        var changed = new MeasureAssignment(measure.Value.Code, level, [.. Units(input.LeadDepartments, input.LeadOthers)], [.. Units(input.ParticipantDepartments, input.ParticipantOthers)]);
        var after = division.With(changed);
        if (!after.IsValid)
        {
            after.Reasons.ToList().ForEach(r => errors.Add(r.StartsWith("参与", StringComparison.Ordinal) ? "participants" : "leads", r));
            return errors;
        }

        var result = after.Value!.For(measure.Value.Code, level);
        var lines = TaskDivision.Describe(before, result, Catalog);
        if (lines.Count == 0)
        {
            errors.Add("leads", "任务分工没有改动");
            return errors;
        }

        foreach (var current in await db.Set<DivisionVersion>().Where(d => d.RegionCode == region && d.MeasureCode == result.MeasureCode && d.IsCurrent).ToListAsync(ct))
        {
            current.IsCurrent = false;
        }

        db.Add(new DivisionVersion
        {
            RegionCode = region,
            MeasureCode = result.MeasureCode,
            Level = level,
            Leads = Encode(result.Leads),
            Participants = Encode(result.Participants),
            Changes = string.Join("\n", lines),
            IsCurrent = true,
            ChangedByName = Actor.DisplayName,
            ChangedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>A work target for a region: its own office sets its targets; a supervisor also for the regions in their jurisdiction.</summary>
    public async Task<(Guid? Id, FieldErrors Errors)> AddTargetAsync(string? regionCode, string? measureCode, string? description, DateOnly? dueOn, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var region = string.IsNullOrWhiteSpace(regionCode) ? OwnRegion : regionCode.Trim();
        if (!InJurisdiction(region))
        {
            errors.Add("region", $"行政区划“{region}”不在您的管辖范围内，不能为其设定工作目标");
            return (null, errors);
        }

        if (!IsOwn(region) && !Actor.Can(SupervisionPermissions.Review))
        {
            errors.Add("region", "只能为本地区设定工作目标");
            return (null, errors);
        }

        if (dueOn is null)
        {
            errors.Add("dueOn", "完成期限不能为空");
        }

        var valid = WorkTargets.Validate(new WorkTarget(measureCode ?? "", region, description ?? "", dueOn ?? Today), Catalog, Hierarchy);
        if (!valid.IsValid)
        {
            valid.Reasons.ToList().ForEach(r => AddReason(errors, r, "description", ("政策措施", "measure"), ("行政区划", "region"), ("工作目标", "description")));
        }

        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var target = valid.Value!;
        var row = new WorkTargetRow
        {
            RegionCode = region,
            MeasureCode = target.MeasureCode,
            Description = target.Description,
            DueOn = target.DueOn,
            CreatedByName = Actor.DisplayName,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return (row.Id, errors);
    }

    internal static MeasureAssignment ToAssignment(DivisionVersion row) =>
        new(row.MeasureCode, row.Level, Decode(row.Leads), Decode(row.Participants));

    private static string Encode(IEnumerable<Participant> units) => string.Join("\n", units.Select(u => (u.DepartmentCode ?? "") + "|" + u.Name));

    private static Participant[] Decode(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|', 2)).Select(p => new Participant(p[0].Length == 0 ? null : p[0], p[1]))];
}

/// <summary>The module's permissions (policies of the same name).</summary>
public static class SupervisionPermissions
{
    /// <summary>See the supervision pages of one's jurisdiction (reports, documents, targets, problems).</summary>
    public const string View = "supervision.view";

    /// <summary>File for one's own region: documents, work targets, progress reports, problems.</summary>
    public const string File = "supervision.file";

    /// <summary>Supervise: dashboard and matrix, accept or return reports of the level below, answer or pass up problems, task division, exports.</summary>
    public const string Review = "supervision.review";

    public static IReadOnlyDictionary<string, string[]> Grants { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [View] = [Roles.Clerk, Roles.Supervisor],
        [File] = [Roles.Clerk, Roles.Supervisor],
        [Review] = [Roles.Supervisor],
    };
}
