using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gongjiang.Core.Calendar;
using Gongjiang.Core.Common;
using Gongjiang.Core.Policies;
using Gongjiang.Core.Window;
using Gongjiang.Web.Features.Policies.Contracts;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Features.Window.Catalogue;
using Gongjiang.Web.Features.Window.Data;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Window.Requests;

/// <summary>The pre-check of one service item: the benefit items it grants as the policy engine decides them today.</summary>
public sealed record ItemPreCheck(ServiceItem Item, IReadOnlyList<Entitlement> Benefits)
{
    /// <summary>False only when the engine says “不符合条件” for every benefit item (unknown facts leave it to the clerk).</summary>
    public bool MayApply => Benefits.Count == 0 || Benefits.Any(b => b.Status != EntitlementStatus.NotEligible);
}

/// <summary>The outcome of filing: the request, and whether it was an earlier submission with the same idempotency key.</summary>
public sealed record Filed(ServiceRequest Request, bool Repeated);

/// <summary>A request with its tasks, history and deadlines, as the request page shows it.</summary>
public sealed record RequestView(ServiceRequest Request, IReadOnlyList<RequestTask> Tasks, IReadOnlyList<RequestStep> Steps, Deadline? Committed, Deadline? Statutory)
{
    /// <summary>The ratings given (one per closure).</summary>
    public IReadOnlyList<ServiceRating> Ratings { get; init; } = [];

    /// <summary>The rectifications opened by poor ratings.</summary>
    public IReadOnlyList<Rectification> Rectifications { get; init; } = [];
}

/// <summary>
/// The window's use cases on requests: pre-check, filing (idempotent), the clerk's transitions, routing to one task per
/// department, the departments' task actions with 补正 pausing the clock, and closing. Every transition goes through
/// Core's <see cref="ServiceRequestWorkflow"/> / <see cref="AssignmentWorkflow"/>, is checked against the actor's role,
/// written with a history step and audited (the context audits every write), and guarded by the record's version.
/// </summary>
public sealed class RequestService(GongjiangDbContext db, IRegistryPersons persons, IEntitlements entitlements, TimeProvider clock)
{
    public const string ConcurrencyMessage = "该办件已被他人处理（状态已变化），您的操作未保存。请刷新页面查看最新状态后重试。";

    private Actor Actor => db.Actor;

    private DateOnly Today => ChinaTime.Today(clock);

    /// <summary>The pre-check of each item for the person (null when the person is not in the caller's scope).</summary>
    public async Task<IReadOnlyList<ItemPreCheck>?> PreCheckAsync(Guid personId, IEnumerable<ServiceItem> items, CancellationToken ct)
    {
        var report = await entitlements.ForPersonAsync(personId, Today, ct);
        if (report is null)
        {
            return null;
        }

        return [.. items.Select(i => new ItemPreCheck(i, [.. report.Items.Where(e => i.BenefitItemKeys.Contains(e.ItemKey, StringComparer.Ordinal))]))];
    }

    /// <summary>
    /// Files a request for <paramref name="personId"/> (a worker for themself, an employer for an employee, a clerk at the
    /// counter for anyone in the jurisdiction). A repeated submission with the same key (or, without a key, the same
    /// content on the same day) returns the first request; nothing is filed twice.
    /// </summary>
    public async Task<Result<Filed>> FileAsync(Guid? personId, IReadOnlyList<string>? itemCodes, string? idempotencyKey, CancellationToken ct)
    {
        if (Actor.Role is not (Roles.Worker or Roles.Employer or Roles.Clerk))
        {
            return Result<Filed>.Fail("只有技术工人、用人单位经办人或窗口经办人可以提交办件");
        }

        var reasons = new List<string>();
        var who = personId ?? (Actor.Role == Roles.Worker ? Actor.PersonId : null);
        if (who is null)
        {
            reasons.Add("请指明申请人（personId）");
        }

        var codes = (itemCodes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            reasons.Add("请至少选择一个办理事项（items）");
        }

        var unknown = codes.Where(c => ServiceCatalogue.Find(c) is null).ToList();
        if (unknown.Count > 0)
        {
            reasons.Add("办理事项不存在：" + string.Join("、", unknown));
        }

        if (idempotencyKey is not null && !IdempotencyKeys.Validate(idempotencyKey).IsValid)
        {
            reasons.Add(IdempotencyKeys.Validate(idempotencyKey).Error!);
        }

        if (reasons.Count > 0)
        {
            return Result<Filed>.Fail(reasons);
        }

        var person = await persons.FindAsync(who!.Value, ct);
        if (person is null || (Actor.Role == Roles.Worker && person.Id != Actor.PersonId))
        {
            return Result<Filed>.Fail("未找到该申请人，或该申请人不在您的办理范围内");
        }

        codes.Sort(StringComparer.Ordinal);
        var key = idempotencyKey is not null
            ? IdempotencyKeys.Derive("window.file-request", Actor.UserName, idempotencyKey)
            : IdempotencyKeys.DeriveFromContent("window.file-request", Actor.UserName,
                IdempotencyKeys.Fingerprint(Encoding.UTF8.GetBytes(person.Id.ToString() + "|" + string.Join(",", codes))), Today);
        var earlier = await db.Set<ServiceRequest>().FirstOrDefaultAsync(r => r.IdempotencyKey == key, ct);
        if (earlier is not null)
        {
            return Result<Filed>.Ok(new Filed(earlier, true));
        }

        var items = codes.Select(c => ServiceCatalogue.Find(c)!).ToList();
        var checks = await PreCheckAsync(person.Id, items, ct);
        var refused = (checks ?? []).Where(c => !c.MayApply).ToList();
        if (refused.Count > 0)
        {
            return Result<Filed>.Fail(refused.Select(c => $"申请人不符合“{c.Item.Name}”的条件：" +
                string.Join("；", c.Benefits.Select(b => b.Name + "（" + string.Join("，", b.Trace.Where(t => !t.Holds).Select(t => t.Reason)) + "）")) +
                "。如情况有变化，请先到窗口登记。").ToList());
        }

        var today = Today;
        var submitted = ServiceRequestWorkflow.Transition(ServiceRequestStatus.Draft, ServiceRequestAction.Submit, ServiceRequestContext.Empty);
        var limits = ServiceCatalogue.LimitsOf(items);
        var sequence = await db.Unscoped<ServiceRequest>("办件编号按地区、日期取当日序号")
            .CountAsync(r => r.RegionCode == person.RegionCode && r.FiledOn == today, ct) + 1;
        var request = new ServiceRequest
        {
            ReceiptNumber = ReceiptNumber.Create(person.RegionCode, today, sequence, RandomNumberGenerator.GetBytes(4)).Value,
            ItemCodes = string.Join(",", codes),
            RegionCode = person.RegionCode,
            PersonId = person.Id,
            EnterpriseId = person.EnterpriseId,
            ApplicantName = person.Name,
            Status = submitted.Value,
            Channel = Actor.Role == Roles.Clerk ? "窗口代办" : "网上申报",
            FiledOn = today,
            CommittedWorkingDays = limits.CommittedWorkingDays,
            StatutoryWorkingDays = limits.StatutoryWorkingDays,
            IdempotencyKey = key,
            FiledBy = Actor.UserName,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(request);
        AddStep(request, ServiceRequestAction.Submit, null, "提交：" + string.Join("、", items.Select(i => i.Name)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same key raced in from a second click: return the one that won.
            db.ChangeTracker.Clear();
            var winner = await db.Set<ServiceRequest>().FirstOrDefaultAsync(r => r.IdempotencyKey == key, ct);
            return winner is null ? Result<Filed>.Fail("提交失败，请稍后重试") : Result<Filed>.Ok(new Filed(winner, true));
        }

        return Result<Filed>.Ok(new Filed(request, false));
    }

    /// <summary>A request in scope with its tasks, steps and deadlines; null when unknown or out of scope.</summary>
    public async Task<RequestView?> ViewAsync(Guid id, CancellationToken ct)
    {
        var request = await db.Set<ServiceRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return null;
        }

        var tasks = await db.Set<RequestTask>().AsNoTracking().Where(t => t.RequestId == id).OrderBy(t => t.DepartmentCode).ToListAsync(ct);
        if (Actor.Role == Roles.DepartmentOfficer && tasks.Count == 0)
        {
            return null; // an officer sees only requests routed to their department
        }

        var steps = await db.Set<RequestStep>().AsNoTracking().Where(s => s.RequestId == id).ToListAsync(ct);
        steps = [.. steps.OrderBy(s => s.At).ThenBy(s => s.Id)];
        var (committed, statutory) = DeadlinesOf(request, steps, Today);
        var ratings = await db.Set<ServiceRating>().AsNoTracking().Where(r => r.RequestId == id).ToListAsync(ct);
        var rectifications = await db.Set<Rectification>().AsNoTracking().Where(r => r.RequestId == id).ToListAsync(ct);
        return new RequestView(request, tasks, steps, committed, statutory) { Ratings = ratings, Rectifications = rectifications };
    }

    /// <summary>The committed and statutory deadlines as of <paramref name="asOf"/> (null before acceptance).</summary>
    public static (Deadline? Committed, Deadline? Statutory) DeadlinesOf(ServiceRequest request, IReadOnlyList<RequestStep> steps, DateOnly asOf)
    {
        if (request.AcceptedOn is not { } accepted)
        {
            return (null, null);
        }

        var pauses = Suspensions(steps);
        var both = Deadlines.ComputeBoth(WorkingDayCalendar.China, new ServiceTimeLimits(request.StatutoryWorkingDays, request.CommittedWorkingDays), accepted, pauses, asOf);
        return both.IsValid ? (both.Value.Committed, both.Value.Statutory) : (null, null);
    }

    /// <summary>The 补正 pauses from the history: each 要求补正 until the next 补正材料已收到.</summary>
    public static IReadOnlyList<Suspension> Suspensions(IEnumerable<RequestStep> steps)
    {
        var list = new List<Suspension>();
        DateOnly? open = null;
        foreach (var s in steps)
        {
            if (s.Action == ServiceRequestAction.RequestSupplement && open is null)
            {
                open = s.On;
            }
            else if (s.Action == ServiceRequestAction.ReceiveSupplement && open is { } from)
            {
                list.Add(new Suspension(from, s.On));
                open = null;
            }
        }

        if (open is { } still)
        {
            list.Add(new Suspension(still, null));
        }

        return list;
    }

    /// <summary>
    /// A window (clerk) or applicant action on the request: 受理, 不予受理, 分送办理 (one task per responsible department),
    /// 办结 (every task done; the granted benefits are recorded as decisions of the policy engine), 撤回, 重新办理.
    /// 受理 needs every required material uploaded; the refusal names the missing ones.
    /// <paramref name="version"/> is the version the actor saw: if someone else changed the request since, nothing is
    /// saved and the answer says so.
    /// </summary>
    public async Task<Result<ServiceRequest>> ActAsync(Guid id, ServiceRequestAction action, int version, string? reason, ServiceOutcome? outcome, CancellationToken ct,
        AppealKind? appeal = null, string? appealReference = null)
    {
        var request = await db.Set<ServiceRequest>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return Result<ServiceRequest>.Fail("未找到该办件，或该办件不在您的办理范围内");
        }

        var applicantActions = action is ServiceRequestAction.Withdraw;
        var clerk = Actor.Role == Roles.Clerk;
        var applicant = (Actor.Role == Roles.Worker && Actor.PersonId == request.PersonId) || (Actor.Role == Roles.Employer && Actor.EnterpriseId == request.EnterpriseId);
        if (!(clerk || (applicantActions && applicant)))
        {
            return Result<ServiceRequest>.Fail("您无权对该办件执行“" + ServiceRequestWorkflow.ChineseName(action) + "”");
        }

        if (request.Version != version)
        {
            return Result<ServiceRequest>.Fail(ConcurrencyMessage);
        }

        var tasks = await db.Set<RequestTask>().Where(t => t.RequestId == id).ToListAsync(ct);
        var items = request.ItemCodes.Split(',').Select(c => ServiceCatalogue.Find(c)!).ToList();
        var departments = items.Select(i => i.Department).DistinctBy(d => d.Code).ToList();
        var context = new ServiceRequestContext
        {
            MissingMaterials = action == ServiceRequestAction.Accept ? await MissingMaterialsAsync(request, ct) : [],
            Assignments = action == ServiceRequestAction.Route ? departments.Count : tasks.Count,
            OpenAssignments = Routing.OpenAssignments(tasks.Select(t => t.Status)),
            Outcome = outcome,
            Reason = reason,
            Appeal = appeal,
            AppealReference = appealReference,
        };
        var next = ServiceRequestWorkflow.Transition(request.Status, action, context);
        if (!next.IsValid)
        {
            return Result<ServiceRequest>.Fail(next.Reasons);
        }

        var today = Today;
        request.Status = next.Value;
        switch (action)
        {
            case ServiceRequestAction.Accept:
                request.AcceptedOn = today;
                break;
            case ServiceRequestAction.Route:
                foreach (var department in departments)
                {
                    db.Add(new RequestTask
                    {
                        RequestId = request.Id,
                        RegionCode = request.RegionCode,
                        DepartmentCode = department.Code,
                        ItemCodes = string.Join(",", items.Where(i => i.Department.Code == department.Code).Select(i => i.Code)),
                        Status = AssignmentStatus.Pending,
                        RoutedOn = today,
                    });
                }

                reason ??= "分送" + string.Join("、", departments.Select(d => d.Name)) + "办理";
                break;
            case ServiceRequestAction.Close:
                request.Outcome = outcome;
                request.OutcomeReason = reason;
                request.ClosedOn = today;
                break;
            case ServiceRequestAction.Withdraw:
                foreach (var task in tasks.Where(t => AssignmentWorkflow.IsOpen(t.Status)))
                {
                    task.Status = AssignmentStatus.Cancelled;
                    task.Version++;
                }

                break;
            case ServiceRequestAction.Reopen:
                request.ClosedOn = null;
                request.Outcome = null;
                foreach (var task in tasks.Where(t => t.Status == AssignmentStatus.Done))
                {
                    task.Status = AssignmentStatus.InProgress;
                    task.Version++;
                }

                break;
            default:
                break;
        }

        request.Version++;
        AddStep(request, action, outcome, reason);
        db.Audit(new AuditEvent(AuditActions.Workflow, nameof(ServiceRequest), request.Id.ToString(),
            Detail: ServiceRequestWorkflow.ChineseName(action) + "：" + request.ReceiptNumber + (reason is null ? "" : "，" + reason)));
        return await SaveAsync(request, ct);
    }

    /// <summary>
    /// A department officer's action on their department's task: 签收办理, 提出补正 (pauses the request's clock), 补正材料已收到
    /// (resumes it on that day), 办结 with an opinion.
    /// </summary>
    public async Task<Result<RequestTask>> ActOnTaskAsync(Guid taskId, AssignmentAction action, int version, AssignmentOpinion? opinion, string? text, CancellationToken ct)
    {
        var task = await db.Set<RequestTask>().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || Actor.Role != Roles.DepartmentOfficer || task.DepartmentCode != Actor.DepartmentCode)
        {
            return Result<RequestTask>.Fail("未找到该任务，或该任务不属于您所在部门");
        }

        if (task.Version != version)
        {
            return Result<RequestTask>.Fail(ConcurrencyMessage);
        }

        var next = AssignmentWorkflow.Transition(task.Status, action, new AssignmentContext(opinion, text));
        if (!next.IsValid)
        {
            return Result<RequestTask>.Fail(next.Reasons);
        }

        var request = await db.Set<ServiceRequest>().FirstAsync(r => r.Id == task.RequestId, ct);
        ServiceRequestAction? requestAction = action switch
        {
            AssignmentAction.RequestSupplement => Routing.RequestActionOnAssignmentSupplement(request.Status),
            AssignmentAction.ReceiveSupplement when request.Status == ServiceRequestStatus.Supplement => ServiceRequestAction.ReceiveSupplement,
            _ => null,
        };
        if (requestAction is { } ra)
        {
            var moved = ServiceRequestWorkflow.Transition(request.Status, ra, new ServiceRequestContext { Reason = text });
            if (!moved.IsValid)
            {
                return Result<RequestTask>.Fail(moved.Reasons);
            }

            request.Status = moved.Value;
            request.Version++;
            AddStep(request, ra, null, text, task.DepartmentCode);
        }

        task.Status = next.Value;
        task.Version++;
        if (action == AssignmentAction.Complete)
        {
            task.Opinion = opinion;
            task.Text = text;
            task.DoneOn = Today;
        }
        else if (text is not null)
        {
            task.Text = text;
        }

        db.Audit(new AuditEvent(AuditActions.Workflow, nameof(RequestTask), task.Id.ToString(),
            Detail: AssignmentWorkflow.ChineseName(action) + "：" + request.ReceiptNumber + "（" + (Gongjiang.Core.Reference.Departments.Find(task.DepartmentCode)?.Name ?? task.DepartmentCode) + "）" + (text is null ? "" : "，" + text)));
        try
        {
            await db.SaveChangesAsync(ct);
            return Result<RequestTask>.Ok(task);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<RequestTask>.Fail(ConcurrencyMessage);
        }
    }

    /// <summary>
    /// 好差评: the applicant rates a closed request (five grades, a comment); 不满意 or worse opens a rectification (整改) due
    /// in 15 working days with a callback (回访) record to fill (<see cref="RatingRules.Rectification"/>).
    /// </summary>
    public async Task<Result<ServiceRating>> RateAsync(Guid id, int? grade, string? comment, CancellationToken ct)
    {
        var request = await db.Set<ServiceRequest>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return Result<ServiceRating>.Fail("未找到该办件，或该办件不在您的办理范围内");
        }

        var applicant = (Actor.Role == Roles.Worker && Actor.PersonId == request.PersonId) || (Actor.Role == Roles.Employer && Actor.EnterpriseId == request.EnterpriseId);
        if (!applicant)
        {
            return Result<ServiceRating>.Fail("只有申请人可以评价办件");
        }

        var rating = RatingRules.Create(grade, comment);
        var next = ServiceRequestWorkflow.Transition(request.Status, ServiceRequestAction.Rate, ServiceRequestContext.Empty);
        if (!rating.IsValid || !next.IsValid)
        {
            return Result<ServiceRating>.Fail([.. rating.Reasons, .. next.Reasons]);
        }

        var today = Today;
        var departments = await db.Set<RequestTask>().Where(t => t.RequestId == id).Select(t => t.DepartmentCode).Distinct().ToListAsync(ct);
        var stored = new ServiceRating
        {
            RequestId = request.Id,
            RegionCode = request.RegionCode,
            PersonId = request.PersonId,
            EnterpriseId = request.EnterpriseId,
            ItemCodes = request.ItemCodes,
            DepartmentCodes = string.Join(",", departments.Order(StringComparer.Ordinal)),
            Grade = rating.Value!.Grade,
            Comment = rating.Value.Comment,
            RatedOn = today,
        };
        db.Add(stored);
        request.Status = next.Value;
        request.Version++;
        var order = RatingRules.Rectification(WorkingDayCalendar.China, stored.Grade, today);
        if (order.Outcome is { } o)
        {
            db.Add(new Rectification
            {
                RequestId = request.Id,
                RatingId = stored.Id,
                RegionCode = request.RegionCode,
                PersonId = request.PersonId,
                EnterpriseId = request.EnterpriseId,
                Status = RectificationStatus.Pending,
                OpenedOn = today,
                DueOn = o.DueOn,
                Reason = order.Rules[0].Reason,
            });
        }

        AddStep(request, ServiceRequestAction.Rate, null, RatingRules.ChineseName(stored.Grade) + (stored.Comment is null ? "" : "：" + stored.Comment));
        db.Audit(new AuditEvent(AuditActions.Workflow, nameof(ServiceRating), stored.Id.ToString(), Detail: "评价：" + request.ReceiptNumber + "，" + RatingRules.ChineseName(stored.Grade)));
        try
        {
            await db.SaveChangesAsync(ct);
            return Result<ServiceRating>.Ok(stored);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<ServiceRating>.Fail(ConcurrencyMessage);
        }
    }

    /// <summary>The open tasks of the officer's department in the jurisdiction (the inbox), oldest first.</summary>
    public async Task<IReadOnlyList<(RequestTask Task, ServiceRequest Request)>> InboxAsync(int take, CancellationToken ct)
    {
        var rows = await (from t in db.Set<RequestTask>()
                          join r in db.Set<ServiceRequest>() on t.RequestId equals r.Id
                          where t.Status == AssignmentStatus.Pending || t.Status == AssignmentStatus.InProgress || t.Status == AssignmentStatus.AwaitingSupplement
                          orderby t.RoutedOn, t.Id
                          select new { t, r }).AsNoTracking().Take(take).ToListAsync(ct);
        return [.. rows.Select(x => (x.t, x.r))];
    }

    /// <summary>Requests in scope, newest first.</summary>
    public async Task<IReadOnlyList<ServiceRequest>> ListAsync(int take, CancellationToken ct) =>
        await db.Set<ServiceRequest>().AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(take).ToListAsync(ct);

    /// <summary>
    /// The public progress of a request by receipt number and applicant name (no sign-in): null for a wrong number or
    /// name alike. Reads only the status and the steps' dates and actions.
    /// </summary>
    public async Task<(ServiceRequest Request, IReadOnlyList<PublicStage> Stages)?> PublicProgressAsync(string receipt, string? name, CancellationToken ct)
    {
        var parsed = ReceiptNumber.Parse(receipt);
        if (!parsed.IsValid)
        {
            return null;
        }

        var number = parsed.Value!.Value;
        var request = await db.Unscoped<ServiceRequest>("公开办件进度查询（办件编号与申请人姓名均须相符）").AsNoTracking().FirstOrDefaultAsync(r => r.ReceiptNumber == number, ct);
        if (request is null || !PublicProgress.ApplicantNameMatches(request.ApplicantName, name))
        {
            return null;
        }

        var steps = await db.Unscoped<RequestStep>("公开办件进度查询的办理环节（仅日期和环节）").AsNoTracking().Where(s => s.RequestId == request.Id)
            .Select(s => new { s.On, s.At, s.Action, s.Outcome }).ToListAsync(ct);
        var stages = PublicProgress.Stages(steps.OrderBy(s => s.At).Select(s => new RequestEvent(s.On, s.Action, s.Outcome)));
        return (request, stages);
    }

    /// <summary>
    /// The names of the request's required materials (every item's, <see cref="MaterialStore.RequiredFor"/>) with no
    /// upload yet: 受理 is refused while any is missing (<see cref="ServiceRequestWorkflow.MissingForAcceptance"/>).
    /// </summary>
    private async Task<IReadOnlyList<string>> MissingMaterialsAsync(ServiceRequest request, CancellationToken ct)
    {
        var codes = await db.Set<RequestMaterial>().Where(m => m.RequestId == request.Id).Select(m => m.MaterialCode).Distinct().ToListAsync(ct);
        return MaterialFiles.Missing(MaterialStore.RequiredFor(request), codes);
    }

    private void AddStep(ServiceRequest request, ServiceRequestAction action, ServiceOutcome? outcome, string? text, string? department = null) =>
        db.Add(new RequestStep
        {
            RequestId = request.Id,
            RegionCode = request.RegionCode,
            PersonId = request.PersonId,
            EnterpriseId = request.EnterpriseId,
            On = Today,
            At = clock.GetUtcNow(),
            Action = action,
            Outcome = outcome,
            DepartmentCode = department,
            Text = text,
            Actor = Actor.DisplayName,
        });

    private async Task<Result<ServiceRequest>> SaveAsync(ServiceRequest request, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result<ServiceRequest>.Ok(request);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<ServiceRequest>.Fail(ConcurrencyMessage);
        }
    }

    /// <summary>“2026年3月5日”.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
