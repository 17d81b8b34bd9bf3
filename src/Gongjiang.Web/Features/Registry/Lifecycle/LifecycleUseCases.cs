using Gongjiang.Core.Reference;
using Gongjiang.Core.Registry;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Persons;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry.Lifecycle;

/// <summary>Input of one lifecycle step (page form and API body).</summary>
public sealed class LifecycleRequest
{
    /// <summary>Nominate | Verify | Reject | List | Delist (StartReview and ConfirmReview belong to the yearly review).</summary>
    public string? Action { get; set; }

    public string? Reason { get; set; }

    public string? Note { get; set; }
}

public sealed record TalentEventDto(DateOnly EffectiveOn, string Action, string? From, string To, string? Reason, string? Note, string ActorName);

/// <summary>
/// The registry lifecycle of the ministry notice 三 — the employer nominates with evidence, the window clerk verifies and
/// lists, the yearly review re-confirms, the clerk delists with a reason. Transitions are the pure rule
/// <see cref="TalentLifecycle.Transition(TalentStatus?, TalentAction)"/>; who may take which step is decided here.
/// </summary>
public static class LifecycleUseCases
{
    /// <summary>Which actions a role may take directly (the review's two steps run through the campaign).</summary>
    public static bool RoleMay(string? role, TalentAction action) => action switch
    {
        TalentAction.Nominate => role is Roles.Employer or Roles.Clerk,
        TalentAction.Verify or TalentAction.Reject or TalentAction.List or TalentAction.Delist => role == Roles.Clerk,
        TalentAction.StartReview or TalentAction.ConfirmReview => false,
        _ => false,
    };

    public static IReadOnlyList<TalentAction> AvailableTo(Actor actor, TalentStatus? status) =>
        TalentLifecycle.AllowedActions(status).Where(a => RoleMay(actor.Role, a)).ToList();

    /// <summary>
    /// Applies one step to a person in scope; null when the person is not found in scope. 移出 is irreversible: it needs
    /// <paramref name="confirmed"/> (the page's confirmation step; an API call is explicit) and a 说明 of at least
    /// <see cref="Confirmation.MinimumReasonLength"/> characters.
    /// </summary>
    public static async Task<FieldErrors?> ApplyAsync(GongjiangDbContext db, Guid personId, LifecycleRequest request, bool confirmed, TimeProvider clock, CancellationToken ct)
    {
        var person = await db.Set<Person>().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        if (!Enum.TryParse<TalentAction>(request.Action, ignoreCase: true, out var action) || !Enum.IsDefined(action))
        {
            errors.Add("action", "操作（action）应为 Nominate（提名）、Verify（核实）、Reject（核实不通过）、List（入库）或 Delist（移出）");
            return errors;
        }

        if (!RoleMay(db.Actor.Role, action))
        {
            errors.Add("action", $"您的角色（{Roles.ChineseName(db.Actor.Role)}）不能执行“{TalentActions.ChineseName(action)}”");
            return errors;
        }

        var note = request.Note?.Trim();
        if (note is { Length: > 1000 })
        {
            errors.Add("note", "说明不能超过1000个字");
        }

        if (action == TalentAction.Nominate && string.IsNullOrEmpty(note))
        {
            errors.Add("note", "提名须写明依据（如“2019年全国技术能手，人社部发〔2019〕105号”）");
        }

        DelistReason? reason = null;
        if (action is TalentAction.Delist or TalentAction.Reject)
        {
            if (action == TalentAction.Delist)
            {
                var parsed = DelistReasons.Parse(request.Reason);
                if (parsed.IsValid)
                {
                    reason = parsed.Value;
                }
                else
                {
                    errors.Add("reason", "请选择移出原因：退休、离职、去世、荣誉撤销、迁出或其他");
                }

                new Confirmation(confirmed, note).Check(errors, "移出", "note");
            }
            else if (string.IsNullOrEmpty(note))
            {
                errors.Add("note", "核实不通过须写明理由");
            }
        }

        var transition = TalentLifecycle.Transition(person.Status, action);
        if (!transition.IsValid)
        {
            errors.Add("action", transition.Error!);
        }

        var today = PersonUseCases.Today(clock);
        if (action == TalentAction.List && transition.IsValid)
        {
            var decision = await Determination.EvaluateAsync(db, personId, today, ct);
            if (decision is not { IsLeadingTalent: true })
            {
                errors.Add("action", "按《意见》三（一），该人员目前不持有有效的领军人才认定依据（荣誉、政府特殊津贴或省级“高精尖缺”认定），不能入库；请先导入或补录其荣誉");
            }
        }

        if (!errors.IsEmpty)
        {
            return errors;
        }

        Record(db, person, action, transition.Value, reason, note, today, clock);
        await db.SaveChangesAsync(ct);
        return errors;
    }

    internal static void Record(GongjiangDbContext db, Person person, TalentAction action, TalentStatus to, DelistReason? reason, string? note, DateOnly today, TimeProvider clock)
    {
        db.Add(new TalentEvent
        {
            PersonId = person.Id,
            RegionCode = person.RegionCode,
            EnterpriseId = person.EnterpriseId,
            Action = action,
            FromStatus = person.Status,
            ToStatus = to,
            Reason = reason,
            Note = note,
            ActorName = db.Actor.UserName,
            EffectiveOn = today,
            CreatedAt = clock.GetUtcNow(),
        });
        person.Status = to;
        person.UpdatedAt = clock.GetUtcNow();
    }

    public static async Task<IReadOnlyList<TalentEventDto>> HistoryAsync(GongjiangDbContext db, Guid personId, CancellationToken ct) =>
        (await db.Set<TalentEvent>().AsNoTracking().Where(e => e.PersonId == personId).OrderBy(e => e.CreatedAt).ToListAsync(ct))
        .Select(e => new TalentEventDto(e.EffectiveOn, TalentActions.ChineseName(e.Action), e.FromStatus is { } f ? TalentStatuses.ChineseName(f) : null,
            TalentStatuses.ChineseName(e.ToStatus), e.Reason is { } r ? DelistReasons.ChineseName(r) : null, e.Note, e.ActorName))
        .ToList();

    /// <summary>The status on a past date: the last event on or before it.</summary>
    public static async Task<TalentStatus?> StatusOnAsync(GongjiangDbContext db, Guid personId, DateOnly date, CancellationToken ct) =>
        await db.Set<TalentEvent>().AsNoTracking().Where(e => e.PersonId == personId && e.EffectiveOn <= date)
            .OrderByDescending(e => e.EffectiveOn).ThenByDescending(e => e.CreatedAt)
            .Select(e => (TalentStatus?)e.ToStatus).FirstOrDefaultAsync(ct);

    public static string RegionName(string code) => RegionCatalog.Default.FullName(code);
}
