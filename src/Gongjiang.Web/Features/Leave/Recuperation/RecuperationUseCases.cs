using System.Globalization;
using Gongjiang.Core.Leave;
using Gongjiang.Core.Skills;
using Gongjiang.Web.Features.Leave.Data;
using Gongjiang.Web.Features.Leave.Records;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Leave.Recuperation;

/// <summary>A 休疗养 programme as typed in the form or sent to the API (text: a bad value is reported with its field).</summary>
public sealed class ProgrammeDraft
{
    public string? Name { get; set; }

    public string? Organiser { get; set; }

    public string? Place { get; set; }

    public string? Description { get; set; }

    public string? ApplicationsCloseOn { get; set; }

    public string? StartsOn { get; set; }

    public string? EndsOn { get; set; }

    public string? Quota { get; set; }

    public string? WaitlistSize { get; set; }

    /// <summary>Lowest skill level (Chinese name or member name); empty = any.</summary>
    public string? MinimumSkillLevel { get; set; }

    public bool FrontlineOnly { get; set; }

    public string? YearsBetweenProgrammes { get; set; }

    public bool RequiresFitness { get; set; } = true;

    /// <summary>The priority groups in order, comma-separated member names (LeadingTalent,FrontlineTechnicalWorker,HighSkillWorker).</summary>
    public string? PriorityOrder { get; set; } = "LeadingTalent,FrontlineTechnicalWorker";

    public string? TieBreak { get; set; } = nameof(RecuperationTieBreak.EarlierApplication);
}

/// <summary>The API body of a programme (<c>POST /api/v1/leave/recuperation/programmes</c>).</summary>
/// <param name="Name">活动名称.</param>
/// <param name="Organiser">组织单位.</param>
/// <param name="Place">地点.</param>
/// <param name="Description">说明.</param>
/// <param name="ApplicationsCloseOn">报名截止日期.</param>
/// <param name="StartsOn">开始日期.</param>
/// <param name="EndsOn">结束日期.</param>
/// <param name="Quota">名额.</param>
/// <param name="WaitlistSize">候补名额 (null: all eligible after the quota).</param>
/// <param name="MinimumSkillLevel">最低职业技能等级 (e.g. “高级工”), null = any.</param>
/// <param name="FrontlineOnly">仅限一线岗位.</param>
/// <param name="YearsBetweenProgrammes">间隔年限 (e.g. 3), null = none.</param>
/// <param name="RequiresFitness">须本人声明身体健康 (default true).</param>
/// <param name="PriorityOrder">优先顺序: LeadingTalent, FrontlineTechnicalWorker, HighSkillWorker (default the first two).</param>
/// <param name="TieBreak">EarlierApplication, HigherSkillLevelThenEarlierApplication or LongestSinceLastProgrammeThenEarlierApplication.</param>
public sealed record ProgrammeRequest(
    string? Name,
    string? Organiser,
    string? Place,
    string? Description,
    DateOnly? ApplicationsCloseOn,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    int? Quota,
    int? WaitlistSize,
    string? MinimumSkillLevel,
    bool? FrontlineOnly,
    int? YearsBetweenProgrammes,
    bool? RequiresFitness,
    string[]? PriorityOrder,
    string? TieBreak)
{
    public ProgrammeDraft ToDraft() => new()
    {
        Name = Name,
        Organiser = Organiser,
        Place = Place,
        Description = Description,
        ApplicationsCloseOn = LeaveText.Date(ApplicationsCloseOn),
        StartsOn = LeaveText.Date(StartsOn),
        EndsOn = LeaveText.Date(EndsOn),
        Quota = Quota?.ToString(CultureInfo.InvariantCulture),
        WaitlistSize = WaitlistSize?.ToString(CultureInfo.InvariantCulture),
        MinimumSkillLevel = MinimumSkillLevel,
        FrontlineOnly = FrontlineOnly ?? false,
        YearsBetweenProgrammes = YearsBetweenProgrammes?.ToString(CultureInfo.InvariantCulture),
        RequiresFitness = RequiresFitness ?? true,
        PriorityOrder = PriorityOrder is null ? "LeadingTalent,FrontlineTechnicalWorker" : string.Join(',', PriorityOrder),
        TieBreak = TieBreak ?? nameof(RecuperationTieBreak.EarlierApplication),
    };
}

/// <summary>A programme as lists and the API show it.</summary>
public sealed record ProgrammeSummary(
    Guid Id, string Name, string Organiser, string Place, string RegionCode, DateOnly ApplicationsCloseOn, DateOnly StartsOn, DateOnly EndsOn,
    int Quota, int? WaitlistSize, string Eligibility, string Priority, string Stage, DateOnly? SelectedOn, DateOnly? PublishedOn)
{
    public static ProgrammeSummary From(RecuperationProgrammeRow p, DateOnly today) => new(
        p.Id, p.Name, p.Organiser, p.Place, p.RegionCode, p.ApplicationsCloseOn, p.StartsOn, p.EndsOn, p.Quota, p.WaitlistSize,
        RecuperationUseCases.EligibilityText(p), RecuperationUseCases.PriorityText(p), RecuperationUseCases.Stage(p, today), p.SelectedOn, p.PublishedOn);
}

/// <summary>An application as the organiser, the employer or the worker sees it.</summary>
public sealed record ApplicationView(
    Guid Id, Guid ProgrammeId, Guid PersonId, string PersonName, string IdNumberMasked, string EnterpriseName, string Status,
    RecuperationApplicationStatus StatusCode, DateTimeOffset AppliedAt, bool Nominated, bool FitForActivity, string? Reason, string? Group,
    int? Rank, int? WaitlistPosition, string? Decision, IReadOnlyList<string> Actions)
{
    public static ApplicationView From(RecuperationApplicationRow a, IReadOnlyList<RecuperationApplicationAction> actions) => new(
        a.Id, a.ProgrammeId, a.PersonId, a.PersonName, a.IdNumberMasked, a.EnterpriseName, RecuperationApplicationWorkflow.ChineseName(a.Status), a.Status,
        DateTimeOffset.FromUnixTimeMilliseconds(a.AppliedAtMs), a.Nominated, a.FitForActivity, a.Reason,
        a.Group is { } g ? RecuperationProgramme.ChineseName(g) : null, a.Rank, a.WaitlistPosition, a.Decision, [.. actions.Select(x => x.ToString())]);
}

/// <summary>One line of a published result (masked).</summary>
public sealed record PublishedResultLine(int Position, string Name, string EnterpriseName, string Group, string Outcome, int Rank, int? WaitlistPosition);

/// <summary>
/// 休疗养 (policy 六(四)): programmes set by the organiser, applications by workers and nominations by employers, the
/// employer's recommendation, selection by the programme's rule (<see cref="RecuperationSelection.Select"/>: eligibility,
/// then the priority order), the published result with masked names, and attendance — every step a move of
/// <see cref="RecuperationApplicationWorkflow"/>. Who may act is decided here (role and scope); whether the move is
/// allowed, by the workflow.
/// </summary>
public static class RecuperationUseCases
{
    /// <summary>The moves each role makes on one application (apply, nominate and selection have their own use cases).</summary>
    public static readonly IReadOnlyDictionary<string, RecuperationApplicationAction[]> ActionsByRole = new Dictionary<string, RecuperationApplicationAction[]>(StringComparer.Ordinal)
    {
        [Roles.Worker] = [RecuperationApplicationAction.Withdraw],
        [Roles.Employer] = [RecuperationApplicationAction.Recommend, RecuperationApplicationAction.DeclineRecommendation],
        [Roles.Clerk] = [RecuperationApplicationAction.PromoteFromWaitlist, RecuperationApplicationAction.RecordAttendance, RecuperationApplicationAction.RecordAbsence],
    };

    /// <summary>Programmes in the actor's jurisdiction (published ones of other regions are public, but not listed here), newest first.</summary>
    public static IQueryable<RecuperationProgrammeRow> Programmes(GongjiangDbContext db)
    {
        var prefix = db.Actor.Jurisdiction.Prefix;
        return db.Set<RecuperationProgrammeRow>().AsNoTracking().Where(p => p.RegionCode.StartsWith(prefix)).OrderByDescending(p => p.Id);
    }

    public static Task<RecuperationProgrammeRow?> ProgrammeAsync(GongjiangDbContext db, Guid id, CancellationToken ct) =>
        Programmes(db).FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The applications to a programme the actor may see (scope), in rank order once selected, else by application time.</summary>
    public static async Task<List<ApplicationView>> ApplicationsAsync(GongjiangDbContext db, RecuperationProgrammeRow programme, DateOnly today, CancellationToken ct)
    {
        var rows = await db.Set<RecuperationApplicationRow>().AsNoTracking().Where(a => a.ProgrammeId == programme.Id).ToListAsync(ct);
        var selected = await SelectedCountAsync(db, programme.Id, ct);
        var context = RecuperationContext.For(programme.ToCore(), today, selected);
        var mine = db.Actor.Role is { } role && ActionsByRole.TryGetValue(role, out var actions) ? actions : [];
        return [.. rows
            .OrderBy(a => a.Rank ?? int.MaxValue).ThenBy(a => a.AppliedAtMs).ThenBy(a => a.Id)
            .Select(a => ApplicationView.From(a, [.. RecuperationApplicationWorkflow.AllowedActions(a.Status, context).Where(mine.Contains)]))];
    }

    public static string EligibilityText(RecuperationProgrammeRow p)
    {
        var parts = new List<string> { "经用人单位推荐", $"工作单位在{Gongjiang.Core.Reference.RegionCatalog.Default.FullName(p.RegionCode)}" };
        if (p.MinimumSkillLevel is { } level)
        {
            parts.Add($"职业技能等级不低于{SkillLevels.DisplayName(level)}");
        }

        if (p.FrontlineOnly)
        {
            parts.Add("在生产服务一线岗位");
        }

        if (p.YearsBetweenProgrammes is { } gap and > 0)
        {
            parts.Add($"{gap}年内未参加过休疗养");
        }

        if (p.RequiresFitness)
        {
            parts.Add("本人声明身体健康、能够参加");
        }

        return string.Join("；", parts);
    }

    public static string PriorityText(RecuperationProgrammeRow p) =>
        string.Join(" → ", p.Priority().Select(RecuperationProgramme.ChineseName).Append("其他符合条件的人员").Distinct()) + "；" + RecuperationProgramme.ChineseName(p.TieBreak);

    public static string Stage(RecuperationProgrammeRow p, DateOnly today) =>
        p.PublishedOn is not null ? (today > p.EndsOn ? "已结束" : today >= p.StartsOn ? "进行中" : "已公布遴选结果")
        : p.SelectedOn is not null ? "已遴选，待公布"
        : today <= p.ApplicationsCloseOn ? "报名中"
        : today < p.StartsOn ? "报名已截止，待遴选"
        : "未遴选";

    /// <summary>Creates a programme in the organiser's (the clerk's) jurisdiction.</summary>
    public static async Task<(Guid? Id, FieldErrors Errors)> CreateProgrammeAsync(GongjiangDbContext db, ProgrammeDraft draft, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var today = ChinaTime.Today(clock);
        var row = Parse(draft, errors);
        if (row is null)
        {
            return (null, errors);
        }

        row.RegionCode = db.Actor.Jurisdiction.Code;
        foreach (var problem in row.ToCore().Check())
        {
            errors.Add(problem.Field, problem.Message);
        }

        if (row.ApplicationsCloseOn < today)
        {
            errors.Add("applicationsCloseOn", $"报名截止日期（applicationsCloseOn）{LeaveText.ChineseDate(row.ApplicationsCloseOn)}早于今天");
        }

        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        row.CreatedBy = db.Actor.UserName;
        row.CreatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return (row.Id, errors);
    }

    /// <summary>A worker applies (申请), declaring whether they are fit for the activity.</summary>
    public static async Task<(Guid? Id, FieldErrors Errors)> ApplyAsync(
        GongjiangDbContext db, IEmploymentDirectory directory, Guid programmeId, bool fit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (db.Actor.PersonId is not { } personId)
        {
            errors.Add("person", "只有技术工人本人可以申请");
            return (null, errors);
        }

        return await CreateApplicationAsync(db, directory, programmeId, personId, fit, nominated: false, clock, errors, ct);
    }

    /// <summary>An employer nominates one of its staff (单位推荐（直接提名）), named by ID number or person id.</summary>
    public static async Task<(Guid? Id, FieldErrors Errors)> NominateAsync(
        GongjiangDbContext db, IEmploymentDirectory directory, Guid programmeId, string? idNumber, Guid? personId, bool fit, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (db.Actor.EnterpriseId is null)
        {
            errors.Add("person", "只有用人单位经办人可以推荐本单位职工");
            return (null, errors);
        }

        Guid? id = personId;
        if (!string.IsNullOrWhiteSpace(idNumber))
        {
            var parsed = Gongjiang.Core.Standards.CitizenIdNumber.Parse(idNumber, ChinaTime.Today(clock), Gongjiang.Core.Reference.RegionCatalog.Default);
            if (!parsed.IsValid)
            {
                errors.Add("idNumber", "公民身份号码（idNumber）有误：" + parsed.Error);
                return (null, errors);
            }

            id = (await directory.FindByIdNumbersAsync([parsed.Value!.Value], ct)).Values.FirstOrDefault()?.PersonId;
            if (id is null)
            {
                errors.Add("idNumber", "该公民身份号码不是本单位在册职工");
                return (null, errors);
            }
        }

        if (id is null)
        {
            errors.Add("personId", "请选择要推荐的职工");
            return (null, errors);
        }

        return await CreateApplicationAsync(db, directory, programmeId, id.Value, fit, nominated: true, clock, errors, ct);
    }

    internal static async Task<(Guid? Id, FieldErrors Errors)> CreateApplicationAsync(
        GongjiangDbContext db, IEmploymentDirectory directory, Guid programmeId, Guid personId, bool fit, bool nominated, TimeProvider clock, FieldErrors errors, CancellationToken ct)
    {
        var programme = await db.Set<RecuperationProgrammeRow>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId, ct);
        if (programme is null)
        {
            errors.Add("programme", "未找到该休疗养活动，或不在您的管辖范围内");
            return (null, errors);
        }

        var person = await directory.FindAsync(personId, ct);
        if (person is null || person.EnterpriseId is not { } enterpriseId || (db.Actor.EnterpriseId is { } own && own != enterpriseId))
        {
            errors.Add("personId", person is null ? "未找到该人员" : "该人员不是本单位在册职工，或档案中没有工作单位（休疗养须经用人单位推荐）");
            return (null, errors);
        }

        if (programme.RequiresFitness && !fit)
        {
            errors.Add("fitForActivity", "本期活动须本人声明身体健康、能够参加（请勾选声明）");
            return (null, errors);
        }

        if (await db.Set<RecuperationApplicationRow>().AnyAsync(a => a.ProgrammeId == programmeId && a.PersonId == personId, ct))
        {
            errors.Add("personId", $"{person.Name}已申请（或已被推荐）本期活动，不能重复申请");
            return (null, errors);
        }

        var today = ChinaTime.Today(clock);
        var action = nominated ? RecuperationApplicationAction.Nominate : RecuperationApplicationAction.Apply;
        var moved = RecuperationApplicationWorkflow.Transition(null, action, RecuperationContext.For(programme.ToCore(), today, 0));
        if (!moved.IsValid)
        {
            moved.Reasons.ToList().ForEach(r => errors.Add("action", r));
            return (null, errors);
        }

        var enterprise = (await directory.EnterprisesAsync([enterpriseId], ct)).GetValueOrDefault(enterpriseId);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var row = new RecuperationApplicationRow
        {
            ProgrammeId = programmeId,
            PersonId = personId,
            EnterpriseId = enterpriseId,
            RegionCode = enterprise?.RegionCode ?? person.RegionCode,
            PersonName = person.Name,
            IdNumberMasked = person.IdNumberMasked,
            EnterpriseName = enterprise?.Name ?? person.EnterpriseName ?? "",
            Status = moved.Value!.Value,
            AppliedAtMs = now,
            Nominated = nominated,
            FitForActivity = fit,
            IsLeadingTalent = person.IsLeadingTalent,
            Frontline = person.Frontline == true,
            SkillLevel = person.HighestSkillLevel,
            UpdatedAtMs = now,
        };
        db.Add(row);
        db.Audit(new AuditEvent(AuditActions.Workflow, nameof(RecuperationApplicationRow), row.Id.ToString(),
            Detail: $"{RecuperationApplicationWorkflow.ChineseName(action)}：{programme.Name}，{person.Name}"));
        await db.SaveChangesAsync(ct);
        return (row.Id, errors);
    }

    /// <summary>
    /// One move on one application by the actor's role (<see cref="ActionsByRole"/>): withdraw, recommend, decline (with a
    /// reason), promote from the waiting list, record attendance or absence. Null when the application is not found.
    /// </summary>
    public static async Task<FieldErrors?> ActAsync(GongjiangDbContext db, Guid applicationId, RecuperationApplicationAction? action, string? reason, TimeProvider clock, CancellationToken ct)
    {
        var row = await db.Set<RecuperationApplicationRow>().FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (row is null)
        {
            return null;
        }

        var programme = await db.Set<RecuperationProgrammeRow>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == row.ProgrammeId, ct);
        if (programme is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        if (action is not { } move || db.Actor.Role is not { } role || !ActionsByRole.TryGetValue(role, out var allowed) || !allowed.Contains(move))
        {
            errors.Add("action", action is null ? "请指明操作（action）" : $"您的角色不能对申请执行“{RecuperationApplicationWorkflow.ChineseName(action.Value)}”");
            return errors;
        }

        var today = ChinaTime.Today(clock);
        var context = RecuperationContext.For(programme.ToCore(), today, await SelectedCountAsync(db, programme.Id, ct), reason);
        var moved = RecuperationApplicationWorkflow.Transition(row.Status, move, context);
        if (!moved.IsValid)
        {
            moved.Reasons.ToList().ForEach(r => errors.Add("action", r));
            return errors;
        }

        var from = row.Status;
        row.Status = moved.Value!.Value;
        if (move == RecuperationApplicationAction.DeclineRecommendation)
        {
            row.Reason = reason!.Trim();
        }

        if (move == RecuperationApplicationAction.PromoteFromWaitlist)
        {
            row.WaitlistPosition = null;
        }

        row.UpdatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        db.Audit(new AuditEvent(AuditActions.Workflow, nameof(RecuperationApplicationRow), row.Id.ToString(),
            Detail: $"{RecuperationApplicationWorkflow.ChineseName(move)}：{RecuperationApplicationWorkflow.ChineseName(from)} → {RecuperationApplicationWorkflow.ChineseName(row.Status)}" +
                (string.IsNullOrWhiteSpace(reason) ? "" : "；理由：" + reason.Trim())));
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>
    /// 遴选: the recommended applications, with their facts read from the registry today and their last attendance from
    /// this module, go through <see cref="RecuperationSelection.Select"/>; each placement is then a workflow move (入选,
    /// 候补, 未入选) stored with its rank, group and reasons. Once per programme, after applications close, before it starts.
    /// </summary>
    public static async Task<FieldErrors?> SelectAsync(GongjiangDbContext db, IEmploymentDirectory directory, Guid programmeId, bool confirmed, TimeProvider clock, CancellationToken ct)
    {
        var programme = await db.Set<RecuperationProgrammeRow>().Where(p => p.RegionCode.StartsWith(db.Actor.Jurisdiction.Prefix)).FirstOrDefaultAsync(p => p.Id == programmeId, ct);
        if (programme is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        if (!confirmed)
        {
            errors.Add("confirm", "遴选结果确定后不能重新遴选，请勾选“已核对，确定遴选结果”后提交");
            return errors;
        }

        if (programme.SelectedOn is not null)
        {
            errors.Add("action", $"本期活动已于{LeaveText.ChineseDate(programme.SelectedOn)}完成遴选，不能重新遴选（名额空出时可从候补中递补）");
            return errors;
        }

        var today = ChinaTime.Today(clock);
        var core = programme.ToCore();
        var rows = await db.Set<RecuperationApplicationRow>().Where(a => a.ProgrammeId == programmeId && a.Status == RecuperationApplicationStatus.Recommended).ToListAsync(ct);
        var facts = await directory.FindManyAsync([.. rows.Select(r => r.PersonId)], ct);
        var personIds = rows.Select(r => r.PersonId).ToList();
        var attended = await (
            from a in db.Set<RecuperationApplicationRow>().AsNoTracking()
            join p in db.Set<RecuperationProgrammeRow>().AsNoTracking() on a.ProgrammeId equals p.Id
            where personIds.Contains(a.PersonId) && a.Status == RecuperationApplicationStatus.Attended && a.ProgrammeId != programmeId
            select new { a.PersonId, p.StartsOn }).ToListAsync(ct);
        var lastAttended = attended.GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.Max(x => x.StartsOn.Year));

        foreach (var row in rows)
        {
            if (facts.TryGetValue(row.PersonId, out var f))
            {
                row.IsLeadingTalent = f.IsLeadingTalent;
                row.Frontline = f.Frontline == true;
                row.SkillLevel = f.HighestSkillLevel;
            }

            row.LastAttendedYear = lastAttended.TryGetValue(row.PersonId, out var year) ? year : null;
        }

        var applicants = rows.Select(r => new RecuperationApplicant(
            r.Id.ToString(), r.PersonId.ToString(), DateTimeOffset.FromUnixTimeMilliseconds(r.AppliedAtMs), r.IsLeadingTalent, r.Frontline, r.SkillLevel,
            r.RegionCode, r.LastAttendedYear, RecommendedByEmployer: true, r.FitForActivity));
        var selection = RecuperationSelection.Select(core, applicants, today);
        if (!selection.IsValid)
        {
            selection.Reasons.ToList().ForEach(r => errors.Add("action", r));
            return errors;
        }

        if (today >= programme.StartsOn)
        {
            errors.Add("action", $"活动已于{LeaveText.ChineseDate(programme.StartsOn)}开始，不能再遴选");
            return errors;
        }

        var byId = rows.ToDictionary(r => r.Id.ToString(), r => r, StringComparer.Ordinal);
        var selected = await SelectedCountAsync(db, programmeId, ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var placement in selection.Value!.Placements)
        {
            var row = byId[placement.ApplicationId];
            var move = placement.Outcome switch
            {
                RecuperationOutcome.Selected => RecuperationApplicationAction.Select,
                RecuperationOutcome.Waitlisted => RecuperationApplicationAction.Waitlist,
                _ => RecuperationApplicationAction.NotSelect,
            };
            var moved = RecuperationApplicationWorkflow.Transition(row.Status, move, RecuperationContext.For(core, today, selected));
            if (!moved.IsValid)
            {
                moved.Reasons.ToList().ForEach(r => errors.Add("action", $"{row.PersonName}：{r}"));
                return errors;
            }

            row.Status = moved.Value!.Value;
            selected += row.Status == RecuperationApplicationStatus.Selected ? 1 : 0;
            row.Group = placement.Group;
            row.Rank = placement.Rank;
            row.WaitlistPosition = placement.WaitlistPosition;
            var decision = string.Join("；", placement.Decision.Rules.Select(r => r.Reason));
            row.Decision = decision.Length > 2000 ? decision[..2000] : decision;
            row.UpdatedAtMs = now;
        }

        programme.SelectedOn = today;
        programme.SelectedBy = db.Actor.UserName;
        var result = selection.Value;
        db.Audit(new AuditEvent(AuditActions.Workflow, nameof(RecuperationProgrammeRow), programme.Id.ToString(),
            Detail: $"确定遴选结果：{programme.Name}，入选{result.Selected.Count()}人，候补{result.Waitlisted.Count()}人，未入选{result.NotSelected.Count()}人"));
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>公布遴选结果: the selected and waitlisted, with masked names, become public and fixed.</summary>
    public static async Task<FieldErrors?> PublishAsync(GongjiangDbContext db, Guid programmeId, bool confirmed, TimeProvider clock, CancellationToken ct)
    {
        var programme = await db.Set<RecuperationProgrammeRow>().Where(p => p.RegionCode.StartsWith(db.Actor.Jurisdiction.Prefix)).FirstOrDefaultAsync(p => p.Id == programmeId, ct);
        if (programme is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        if (!confirmed)
        {
            errors.Add("confirm", "公布后结果向社会公开且不能撤回，请勾选“已核对，确认公布”后提交");
        }
        else if (programme.SelectedOn is null)
        {
            errors.Add("action", "尚未遴选，遴选后方可公布结果");
        }
        else if (programme.PublishedOn is not null)
        {
            errors.Add("action", $"遴选结果已于{LeaveText.ChineseDate(programme.PublishedOn)}公布");
        }

        if (!errors.IsEmpty)
        {
            return errors;
        }

        var rows = await db.Set<RecuperationApplicationRow>().AsNoTracking()
            .Where(a => a.ProgrammeId == programmeId && a.Rank != null && (a.Status == RecuperationApplicationStatus.Selected || a.Status == RecuperationApplicationStatus.Waitlisted))
            .OrderBy(a => a.Rank).ToListAsync(ct);
        var position = 0;
        foreach (var a in rows)
        {
            db.Add(new RecuperationResultEntry
            {
                ProgrammeId = programmeId,
                RegionCode = programme.RegionCode,
                Position = ++position,
                MaskedName = LeaveText.MaskName(a.PersonName),
                EnterpriseName = a.EnterpriseName,
                Group = a.Group ?? RecuperationPriorityGroup.Other,
                Outcome = a.Status == RecuperationApplicationStatus.Selected ? RecuperationOutcome.Selected : RecuperationOutcome.Waitlisted,
                Rank = a.Rank!.Value,
                WaitlistPosition = a.WaitlistPosition,
            });
        }

        programme.PublishedOn = ChinaTime.Today(clock);
        programme.PublishedBy = db.Actor.UserName;
        db.Audit(new AuditEvent(AuditActions.Workflow, nameof(RecuperationProgrammeRow), programme.Id.ToString(),
            Detail: $"公布遴选结果：{programme.Name}，{rows.Count}人"));
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>The published result of a programme (public, masked), or null when not published.</summary>
    public static async Task<(RecuperationProgrammeRow Programme, List<PublishedResultLine> Lines)?> PublishedAsync(GongjiangDbContext db, Guid programmeId, CancellationToken ct)
    {
        var programme = await db.PublicView<RecuperationProgrammeRow>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId && p.PublishedOn != null, ct);
        if (programme is null)
        {
            return null;
        }

        var lines = await db.PublicView<RecuperationResultEntry>().AsNoTracking().Where(e => e.ProgrammeId == programmeId).OrderBy(e => e.Position).ToListAsync(ct);
        return (programme, [.. lines.Select(e => new PublishedResultLine(e.Position, e.MaskedName, e.EnterpriseName, RecuperationProgramme.ChineseName(e.Group),
            e.Outcome == RecuperationOutcome.Selected ? "入选" : "候补", e.Rank, e.WaitlistPosition))]);
    }

    /// <summary>Published programmes, newest first (public).</summary>
    public static Task<List<RecuperationProgrammeRow>> PublishedProgrammesAsync(GongjiangDbContext db, CancellationToken ct) =>
        db.PublicView<RecuperationProgrammeRow>().AsNoTracking().Where(p => p.PublishedOn != null).OrderByDescending(p => p.Id).Take(200).ToListAsync(ct);

    private static Task<int> SelectedCountAsync(GongjiangDbContext db, Guid programmeId, CancellationToken ct) =>
        db.Set<RecuperationApplicationRow>().CountAsync(a => a.ProgrammeId == programmeId &&
            (a.Status == RecuperationApplicationStatus.Selected || a.Status == RecuperationApplicationStatus.Attended || a.Status == RecuperationApplicationStatus.Absent), ct);

    /// <summary>Parses an action name (member name or Chinese button text).</summary>
    public static RecuperationApplicationAction? ParseAction(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        if (Enum.TryParse<RecuperationApplicationAction>(t, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(t, CultureInfo.InvariantCulture, out _))
        {
            return parsed;
        }

        return Enum.GetValues<RecuperationApplicationAction>().Cast<RecuperationApplicationAction?>()
            .FirstOrDefault(a => RecuperationApplicationWorkflow.ChineseName(a!.Value) == t);
    }

    private static RecuperationProgrammeRow? Parse(ProgrammeDraft draft, FieldErrors errors)
    {
        string Required(string field, string label, string? text, int max)
        {
            var value = text?.Trim() ?? "";
            if (value.Length == 0)
            {
                errors.Add(field, $"请填写{label}（{field}）");
            }
            else if (value.Length > max)
            {
                errors.Add(field, $"{label}（{field}）不能超过{max}字");
            }

            return value;
        }

        DateOnly Date(string field, string label, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add(field, $"请填写{label}（{field}），格式为“YYYY-MM-DD”");
                return default;
            }

            if (!LeaveRecords.TryDate(text, out var date))
            {
                errors.Add(field, $"{label}（{field}）应为“YYYY-MM-DD”格式的日期，当前为“{text.Trim()}”");
            }

            return date;
        }

        int? Int(string field, string label, string? text, bool required)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                if (required)
                {
                    errors.Add(field, $"请填写{label}（{field}）");
                }

                return null;
            }

            if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                errors.Add(field, $"{label}（{field}）应为整数，当前为“{text.Trim()}”");
                return null;
            }

            return value;
        }

        var row = new RecuperationProgrammeRow
        {
            Name = Required("name", "活动名称", draft.Name, 100),
            Organiser = Required("organiser", "组织单位", draft.Organiser, 100),
            Place = Required("place", "地点", draft.Place, 100),
            Description = string.IsNullOrWhiteSpace(draft.Description) ? null : draft.Description.Trim(),
            ApplicationsCloseOn = Date("applicationsCloseOn", "报名截止日期", draft.ApplicationsCloseOn),
            StartsOn = Date("startsOn", "开始日期", draft.StartsOn),
            EndsOn = Date("endsOn", "结束日期", draft.EndsOn),
            Quota = Int("quota", "名额", draft.Quota, required: true) ?? 0,
            WaitlistSize = Int("waitlistSize", "候补名额", draft.WaitlistSize, required: false),
            FrontlineOnly = draft.FrontlineOnly,
            YearsBetweenProgrammes = Int("yearsBetweenProgrammes", "间隔年限", draft.YearsBetweenProgrammes, required: false),
            RequiresFitness = draft.RequiresFitness,
        };
        if (row.Description is { Length: > 1000 })
        {
            errors.Add("description", "说明（description）不能超过1000字");
        }

        if (!string.IsNullOrWhiteSpace(draft.MinimumSkillLevel))
        {
            var level = SkillLevels.Parse(draft.MinimumSkillLevel);
            if (level.IsValid)
            {
                row.MinimumSkillLevel = level.Value;
            }
            else
            {
                errors.Add("minimumSkillLevel", "最低职业技能等级（minimumSkillLevel）：" + level.Error);
            }
        }

        var groups = new List<RecuperationPriorityGroup>();
        foreach (var part in (draft.PriorityOrder ?? "").Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var group = Enum.GetValues<RecuperationPriorityGroup>().Cast<RecuperationPriorityGroup?>()
                .FirstOrDefault(g => string.Equals(g.ToString(), part, StringComparison.OrdinalIgnoreCase) || RecuperationProgramme.ChineseName(g!.Value) == part);
            if (group is null || group == RecuperationPriorityGroup.Other)
            {
                errors.Add("priorityOrder", $"优先顺序（priorityOrder）中的“{part}”无法识别，应为 LeadingTalent（高技能领军人才）、FrontlineTechnicalWorker（一线技术工人）或 HighSkillWorker（高技能人才）");
                continue;
            }

            groups.Add(group.Value);
        }

        row.PriorityOrder = string.Join(',', groups.Select(g => ((int)g).ToString(CultureInfo.InvariantCulture)));
        if (!Enum.TryParse<RecuperationTieBreak>(draft.TieBreak, ignoreCase: true, out var tieBreak) || !Enum.IsDefined(tieBreak) || int.TryParse(draft.TieBreak, CultureInfo.InvariantCulture, out _))
        {
            errors.Add("tieBreak", "同类人员排序（tieBreak）应为 EarlierApplication、HigherSkillLevelThenEarlierApplication 或 LongestSinceLastProgrammeThenEarlierApplication");
        }
        else
        {
            row.TieBreak = tieBreak;
        }

        return errors.IsEmpty ? row : null;
    }
}
