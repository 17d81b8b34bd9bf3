using Gongjiang.Core.Registry;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Persons;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry.Lifecycle;

public sealed record ReviewProgress(
    Guid Id, int Year, string RegionCode, string RegionName, DateOnly DueDate, string Status, int Total, int AwaitingEmployer,
    int AwaitingClerk, int Confirmed, int Delisted, IReadOnlyList<ReviewItemRow> Items);

public sealed record ReviewItemRow(
    Guid PersonId, string Name, string IdNumberMasked, string? EnterpriseName, string? Bases, string? EmployerAnswer, bool? StillFrontline,
    string? EmployerNote, string? Outcome, string? ClerkNote, bool AwaitingEmployer, bool AwaitingClerk,
    EmployerAnswer? EmployerAnswerValue = null, bool RemovesOnCheck = false);

/// <summary>Input of the employer's confirmation and of the clerk's check.</summary>
public sealed class ReviewAnswer
{
    public string? Answer { get; set; }

    /// <summary>The clerk's check: true once the removal it leads to was confirmed (the page's confirmation step).</summary>
    public bool Confirmed { get; set; }

    public bool? StillFrontline { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// 年度复核 (notice 三: 定期更新). The clerk opens a campaign for a year; every listed talent of the jurisdiction goes
/// under review; each employer confirms its people (in post, retired, resigned, deceased, moved out); the clerk checks
/// each confirmation — back to listed (and re-determined on today's facts) or delisted with the reason. The progress
/// view shows who is still unconfirmed.
/// </summary>
public static class ReviewUseCases
{
    public static async Task<(Guid? Id, FieldErrors Errors)> StartAsync(GongjiangDbContext db, int? year, DateOnly? dueDate, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var today = PersonUseCases.Today(clock);
        if (db.Actor.Role != Roles.Clerk)
        {
            errors.Add("year", "年度复核由窗口经办人发起");
        }

        if (year is not { } y || y < 2018 || y > today.Year)
        {
            errors.Add("year", $"复核年度应在2018至{today.Year}之间");
        }

        if (dueDate is not { } due || due <= today)
        {
            errors.Add("dueDate", "截止日期应晚于今天");
        }

        if (errors.IsEmpty && await db.Set<ReviewCampaign>().AnyAsync(c => c.RegionCode == db.Actor.Jurisdiction.Code && c.Year == year, ct))
        {
            errors.Add("year", $"{LifecycleUseCases.RegionName(db.Actor.Jurisdiction.Code)}{year}年度的复核已经发起过，不能重复发起");
        }

        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var campaign = new ReviewCampaign
        {
            Year = year!.Value,
            RegionCode = db.Actor.Jurisdiction.Code,
            DueDate = dueDate!.Value,
            StartedBy = db.Actor.UserName,
            StartedAt = clock.GetUtcNow(),
        };
        db.Add(campaign);
        var listed = await db.Set<Person>().Where(p => p.Status == TalentStatus.Listed).ToListAsync(ct);
        foreach (var person in listed)
        {
            LifecycleUseCases.Record(db, person, TalentAction.StartReview, TalentStatus.UnderReview, null, $"{campaign.Year}年度复核", today, clock);
            db.Add(new ReviewItem { CampaignId = campaign.Id, PersonId = person.Id, RegionCode = person.RegionCode, EnterpriseId = person.EnterpriseId, CreatedAt = clock.GetUtcNow() });
        }

        await db.SaveChangesAsync(ct);
        return (campaign.Id, errors);
    }

    public static async Task<ReviewProgress?> ProgressAsync(GongjiangDbContext db, Guid id, CancellationToken ct)
    {
        var campaign = await db.Set<ReviewCampaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return null;
        }

        var rows = await db.Set<ReviewItem>().AsNoTracking().Where(i => i.CampaignId == id)
            .Join(db.Set<Person>(), i => i.PersonId, p => p.Id, (i, p) => new { Item = i, Person = p })
            // A stable order (name, then id): rows never move when someone is confirmed, so a second click lands on
            // the row it was meant for.
            .OrderBy(x => x.Person.Name).ThenBy(x => x.Person.Id)
            .Select(x => new
            {
                x.Item,
                x.Person.Name,
                x.Person.IdNumberMasked,
                x.Person.BasesSummary,
                Enterprise = db.Set<Enterprise>().Where(e => e.Id == x.Person.EnterpriseId).Select(e => e.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new ReviewItemRow(r.Item.PersonId, r.Name, r.IdNumberMasked, r.Enterprise, r.BasesSummary,
            r.Item.EmployerAnswer is { } a ? EmployerAnswers.ChineseName(a) : null, r.Item.StillFrontline, r.Item.EmployerNote,
            r.Item.Outcome is { } o ? TalentStatuses.ChineseName(o) : null, r.Item.ClerkNote,
            r.Item.EmployerAnswer is null, r.Item.EmployerAnswer is not null && r.Item.Outcome is null,
            r.Item.EmployerAnswer, r.Item.EmployerAnswer is { } answer && EmployerAnswers.DelistReasonOf(answer) is not null)).ToList();
        return new ReviewProgress(campaign.Id, campaign.Year, campaign.RegionCode, LifecycleUseCases.RegionName(campaign.RegionCode), campaign.DueDate,
            campaign.Status == ReviewCampaignStatus.Open ? "进行中" : "已结束", items.Count, items.Count(i => i.AwaitingEmployer),
            items.Count(i => i.AwaitingClerk), rows.Count(r => r.Item.Outcome == TalentStatus.Listed), rows.Count(r => r.Item.Outcome == TalentStatus.Delisted), items);
    }

    /// <summary>The employer re-confirms one of its people. Null when the item is not found in scope.</summary>
    public static async Task<FieldErrors?> ConfirmAsync(GongjiangDbContext db, Guid campaignId, Guid personId, ReviewAnswer answer, TimeProvider clock, CancellationToken ct)
    {
        var item = await db.Set<ReviewItem>().FirstOrDefaultAsync(i => i.CampaignId == campaignId && i.PersonId == personId, ct);
        if (item is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        if (db.Actor.Role is not (Roles.Employer or Roles.Clerk))
        {
            errors.Add("answer", "复核确认由用人单位（或代为确认的窗口经办人）填写");
        }

        if (!Enum.TryParse<EmployerAnswer>(answer.Answer, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            errors.Add("answer", "请选择人员现状：在职、已退休、已离职、去世或迁出");
        }

        if (answer.Note is { Length: > 1000 })
        {
            errors.Add("note", "说明不能超过1000个字");
        }

        if (item.Outcome is not null)
        {
            errors.Add("answer", "窗口经办人已完成核查，不能再修改确认");
        }

        if (!errors.IsEmpty)
        {
            return errors;
        }

        item.EmployerAnswer = parsed;
        item.StillFrontline = answer.StillFrontline;
        item.EmployerNote = answer.Note?.Trim();
        item.EmployerConfirmedBy = db.Actor.UserName;
        item.EmployerConfirmedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>
    /// The clerk checks a confirmation: back to listed (re-determined today), or delisted with the reason. A check that
    /// removes the person (the employer answered 已退休, 已离职…, or the honour no longer holds) is irreversible: it
    /// needs <paramref name="confirmed"/> and a note of at least <see cref="Confirmation.MinimumReasonLength"/> characters.
    /// </summary>
    public static async Task<FieldErrors?> CheckAsync(GongjiangDbContext db, Guid campaignId, Guid personId, string? note, bool confirmed, TimeProvider clock, CancellationToken ct)
    {
        var item = await db.Set<ReviewItem>().FirstOrDefaultAsync(i => i.CampaignId == campaignId && i.PersonId == personId, ct);
        var person = await db.Set<Person>().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (item is null || person is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        if (db.Actor.Role != Roles.Clerk)
        {
            errors.Add("note", "复核核查由窗口经办人完成");
        }
        else if (item.EmployerAnswer is null)
        {
            errors.Add("note", "用人单位尚未确认，不能核查");
        }
        else if (item.Outcome is not null)
        {
            errors.Add("note", "该人员已核查");
        }

        if (!errors.IsEmpty)
        {
            return errors;
        }

        var today = PersonUseCases.Today(clock);
        if (item.StillFrontline is { } frontline)
        {
            person.Frontline = frontline;
        }

        var reason = EmployerAnswers.DelistReasonOf(item.EmployerAnswer!.Value);
        if (reason is null)
        {
            await Determination.RecomputeAsync(db, [person], today, ct);
            if (!person.IsLeadingTalent)
            {
                reason = DelistReason.HonorRevoked;
            }
        }

        if (reason is not null)
        {
            new Confirmation(confirmed, note).Check(errors, $"核查后移出（{DelistReasons.ChineseName(reason.Value)}）", "note");
            if (!errors.IsEmpty)
            {
                return errors;
            }
        }

        var action = reason is null ? TalentAction.ConfirmReview : TalentAction.Delist;
        var to = TalentLifecycle.Transition(person.Status, action);
        if (!to.IsValid)
        {
            errors.Add("note", to.Error!);
            return errors;
        }

        var clerkNote = note?.Trim() is { Length: > 0 } n ? n : null;
        LifecycleUseCases.Record(db, person, action, to.Value, reason, clerkNote ?? EmployerAnswers.ChineseName(item.EmployerAnswer.Value) + "（用人单位确认）", today, clock);
        item.Outcome = to.Value;
        item.ClerkNote = clerkNote;
        item.CheckedBy = db.Actor.UserName;
        item.CheckedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return errors;
    }
}
