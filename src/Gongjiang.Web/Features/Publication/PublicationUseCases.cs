using System.Globalization;
using System.Security.Cryptography;
using Gongjiang.Core.Calendar;
using Gongjiang.Core.Publication;
using Gongjiang.Core.Reference;
using Gongjiang.Core.Registry;
using Gongjiang.Core.Skills;
using Gongjiang.Core.Standards;
using Gongjiang.Web.Features.Publication.Data;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Publication;

/// <summary>What the public sees of an objection by its receipt number.</summary>
public sealed record ObjectionStatus(string ReceiptNumber, string PublicationTitle, Guid PublicationId, string RegionName, string EntryName,
    DateOnly ReceivedOn, string Status, DateOnly? DecidedOn);

/// <summary>Deployment settings of publications (section <c>Publication</c>).</summary>
public sealed class PublicationOptions
{
    /// <summary>Length of the 公示期 in working days on the Chinese working-day calendar; default 5.</summary>
    public int NoticeWorkingDays { get; set; } = PublicationWorkflow.DefaultNoticeWorkingDays;
}

/// <summary>
/// The way of a publication: prepare (编制) → notice period (公示) with objections (异议) → approval by a second person
/// (复核) → published. Pages and API call these; the scope filter of the context limits every read and write to the
/// actor's jurisdiction.
/// </summary>
public static class PublicationUseCases
{
    public const string EntityName = "Publication";

    /// <summary>编制: a draft of the jurisdiction's current leading talents for a period, with its change list.</summary>
    public static async Task<(Guid? Id, FieldErrors Errors)> PrepareAsync(GongjiangDbContext db, string? periodKey, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var actor = db.Actor;
        var period = PublicationPeriod.Parse(periodKey);
        if (!period.IsValid)
        {
            errors.Add("period", period.Error!);
            return (null, errors);
        }

        var region = actor.Jurisdiction.Code;
        var existing = await db.Set<Data.Publication>().AsNoTracking()
            .Where(p => p.RegionCode == region && (p.PeriodKey == period.Value.Key || p.Status != PublicationStatus.Published))
            .Select(p => new { p.PeriodKey, p.PeriodName, p.Status }).ToListAsync(ct);
        if (existing.FirstOrDefault(p => p.PeriodKey == period.Value.Key) is { } same)
        {
            errors.Add("period", $"本辖区{same.PeriodName}的名单已编制（{PublicationWorkflow.ChineseName(same.Status)}），同一期次不能重复公布");
            return (null, errors);
        }

        if (existing.FirstOrDefault() is { } open)
        {
            errors.Add("period", open.Status == PublicationStatus.Notice
                ? $"本辖区{open.PeriodName}的名单正在公示，须复核公布或撤回公示后，才能编制新一期名单"
                : $"本辖区{open.PeriodName}的名单草稿尚未完成，请先开始公示并复核公布，或删除该草稿后，再编制新一期名单");
            return (null, errors);
        }

        var (previous, lines, enterpriseOf) = await ComputeLinesAsync(db, region, actor.Jurisdiction.Prefix, ct);
        var now = clock.GetUtcNow();
        var regionName = RegionCatalog.Default.FullName(region);
        var publication = new Data.Publication
        {
            RegionCode = region,
            RegionName = regionName,
            PeriodKey = period.Value.Key,
            PeriodName = period.Value.DisplayName,
            Title = $"{regionName}高技能领军人才名单（{period.Value.DisplayName}）",
            PreviousId = previous?.Id,
            PreparedById = actor.UserId ?? actor.UserName,
            PreparedByName = actor.DisplayName,
            PreparedAt = now,
        };
        db.Add(publication);
        AddEntries(db, publication, lines, enterpriseOf);

        // The entries are a derived snapshot: one audit record names the publication and its counts.
        db.SuppressInsertAudit = true;
        db.Audit(new AuditEvent(AuditActions.Workflow, EntityName, publication.Id.ToString(), Detail:
            $"编制{publication.Title}：在库{publication.ListedCount}人，新增{publication.AddedCount}，变更{publication.ChangedCount}，移出{publication.RemovedCount}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two clerks preparing the same period at once: the unique index decides.
            errors.Add("period", $"本辖区{period.Value.DisplayName}的名单已编制，同一期次不能重复公布");
            return (null, errors);
        }
        finally
        {
            db.SuppressInsertAudit = false;
        }

        return (publication.Id, errors);
    }

    /// <summary>The jurisdiction's last published publication and the change list of its current talents against it.</summary>
    private static async Task<(Data.Publication? Previous, IReadOnlyList<ChangeLine> Lines, Dictionary<Guid, Guid?> EnterpriseOf)> ComputeLinesAsync(
        GongjiangDbContext db, string region, string regionPrefix, CancellationToken ct)
    {
        var previous = await db.Set<Data.Publication>().AsNoTracking()
            .Where(p => p.RegionCode == region && p.Status == PublicationStatus.Published)
            .OrderByDescending(p => p.Sequence).FirstOrDefaultAsync(ct);
        var previousFacts = previous is null ? [] : await db.Set<PublicationEntry>().AsNoTracking()
            .Where(e => e.PublicationId == previous.Id && e.Change != EntryChange.Removed && e.WithdrawnOn == null)
            .Select(e => new PublishedFacts(e.PersonId, e.Name, e.Sex, e.EmployerName, e.Occupation, e.SkillLevel, e.RegionCode, e.Bases, e.Frontline))
            .ToListAsync(ct);

        var current = await CurrentFactsAsync(db, regionPrefix, ct);
        var lines = ChangeList.Compute(previousFacts, current.Select(c => c.Facts));
        return (previous, lines, current.ToDictionary(c => c.Facts.PersonId, c => c.EnterpriseId));
    }

    /// <summary>The entries of a change list added to a publication, with its counts.</summary>
    private static void AddEntries(GongjiangDbContext db, Data.Publication publication, IReadOnlyList<ChangeLine> lines, Dictionary<Guid, Guid?> enterpriseOf)
    {
        publication.ListedCount = lines.Count(l => l.Change != EntryChange.Removed);
        publication.AddedCount = lines.Count(l => l.Change == EntryChange.Added);
        publication.ChangedCount = lines.Count(l => l.Change == EntryChange.Changed);
        publication.RemovedCount = lines.Count(l => l.Change == EntryChange.Removed);
        publication.WithdrawnCount = 0;
        var position = 0;
        foreach (var line in lines)
        {
            var f = line.Facts;
            db.Add(new PublicationEntry
            {
                PublicationId = publication.Id,
                PersonId = f.PersonId,
                RegionCode = f.RegionCode,
                RegionName = RegionCatalog.Default.FullName(f.RegionCode),
                EnterpriseId = enterpriseOf.GetValueOrDefault(f.PersonId),
                Name = f.Name,
                Sex = f.Sex,
                EmployerName = f.Employer,
                Occupation = f.Occupation,
                SkillLevel = f.SkillLevel,
                Bases = f.Bases,
                Frontline = f.Frontline,
                Change = line.Change,
                ChangedFields = line.ChangedFields.Count == 0 ? null : string.Join("、", line.ChangedFields),
                Position = ++position,
            });
        }
    }

    /// <summary>
    /// How a draft differs from what preparing it now would give (people listed, removed or changed since): null when it
    /// is current, else a Chinese summary. Only drafts are compared; a publication on notice or published is fixed.
    /// </summary>
    public static async Task<string?> DraftStalenessAsync(GongjiangDbContext db, Data.Publication publication, CancellationToken ct)
    {
        if (publication.Status != PublicationStatus.Draft)
        {
            return null;
        }

        var prefix = Gongjiang.Core.Access.Jurisdiction.Parse(publication.RegionCode).GetValueOrThrow().Prefix;
        var (_, lines, _) = await ComputeLinesAsync(db, publication.RegionCode, prefix, ct);
        var stored = await db.Set<PublicationEntry>().AsNoTracking().Where(e => e.PublicationId == publication.Id)
            .Select(e => new { e.PersonId, e.Change, e.Name, e.EmployerName, e.Occupation, e.SkillLevel, e.Bases, e.Frontline, e.RegionCode })
            .ToListAsync(ct);
        var storedKeys = stored.Select(e => (e.PersonId, e.Change, e.Name, e.EmployerName, e.Occupation, e.SkillLevel, e.Bases, e.Frontline, e.RegionCode)).ToHashSet();
        var currentKeys = lines.Select(l => (l.Facts.PersonId, l.Change, l.Facts.Name, l.Facts.Employer, l.Facts.Occupation, l.Facts.SkillLevel, l.Facts.Bases, l.Facts.Frontline, l.Facts.RegionCode)).ToHashSet();
        if (storedKeys.SetEquals(currentKeys))
        {
            return null;
        }

        var storedPersons = stored.Where(e => e.Change != EntryChange.Removed).Select(e => e.PersonId).ToHashSet();
        var currentPersons = lines.Where(l => l.Change != EntryChange.Removed).Select(l => l.Facts.PersonId).ToHashSet();
        var joined = currentPersons.Count(p => !storedPersons.Contains(p));
        var left = storedPersons.Count(p => !currentPersons.Contains(p));
        return $"草稿编制后数据库已有变化（现在入库而草稿未列入{joined}人，草稿列入而现已不在库{left}人，或信息有变更），请刷新名单后再开始公示。";
    }

    /// <summary>刷新名单: a draft's entries recomputed from the registry as it is now (a draft that received objections keeps its entries).</summary>
    public static async Task<FieldErrors?> RefreshDraftAsync(GongjiangDbContext db, Guid id, TimeProvider clock, CancellationToken ct)
    {
        var publication = await FindOwnAsync(db, id, ct);
        if (publication is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        if (publication.Status != PublicationStatus.Draft)
        {
            errors.Add("status", $"只有草稿可以刷新名单（当前状态：{PublicationWorkflow.ChineseName(publication.Status)}）");
            return errors;
        }

        if (await db.Set<Objection>().AnyAsync(o => o.PublicationId == id, ct))
        {
            errors.Add("status", "该名单公示期间收到过异议，名单须保留以便核查，不能刷新；如需反映新的变化，请在下一期公布");
            return errors;
        }

        var prefix = Gongjiang.Core.Access.Jurisdiction.Parse(publication.RegionCode).GetValueOrThrow().Prefix;
        var (previous, lines, enterpriseOf) = await ComputeLinesAsync(db, publication.RegionCode, prefix, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.DeleteInScopeAsync(db.Set<PublicationEntry>().Where(e => e.PublicationId == id), $"刷新草稿{publication.Title}：删除原名单", ct);
        publication.PreviousId = previous?.Id;
        AddEntries(db, publication, lines, enterpriseOf);
        db.SuppressInsertAudit = true;
        db.Audit(new AuditEvent(AuditActions.Workflow, EntityName, id.ToString(), Detail:
            $"刷新草稿{publication.Title}：在库{publication.ListedCount}人，新增{publication.AddedCount}，变更{publication.ChangedCount}，移出{publication.RemovedCount}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.SuppressInsertAudit = false;
        }

        await transaction.CommitAsync(ct);
        return errors;
    }

    /// <summary>The jurisdiction's leading talents now: listed (or under review) and determined as such.</summary>
    internal static async Task<List<(PublishedFacts Facts, Guid? EnterpriseId)>> CurrentFactsAsync(GongjiangDbContext db, string regionPrefix, CancellationToken ct)
    {
        var rows = await (
            from p in db.Set<Person>().AsNoTracking()
            where (p.Status == TalentStatus.Listed || p.Status == TalentStatus.UnderReview) && p.IsLeadingTalent && p.RegionCode.StartsWith(regionPrefix)
            join e in db.Unscoped<Enterprise>("编制名单时读取在库人员的用人单位名称（单位可在其他地区登记）") on p.EnterpriseId equals e.Id into employers
            from e in employers.DefaultIfEmpty()
            select new { p.Id, p.Name, p.Sex, Employer = e == null ? null : e.Name, p.Occupation, p.HighestSkillLevel, p.RegionCode, p.BasesSummary, p.Frontline, p.EnterpriseId })
            .ToListAsync(ct);
        return [.. rows.Select(r => (new PublishedFacts(r.Id, r.Name, SexNames.ToChinese(r.Sex), r.Employer ?? "", r.Occupation ?? "",
            r.HighestSkillLevel is { } level ? SkillLevels.ChineseName(level) : "", r.RegionCode, r.BasesSummary ?? "", r.Frontline), r.EnterpriseId))];
    }

    /// <summary>
    /// 开始公示: proposed additions become public until the end of the notice period. A public step: it needs the
    /// confirmation and a reason (<see cref="Confirmation"/>).
    /// </summary>
    public static async Task<FieldErrors?> StartNoticeAsync(GongjiangDbContext db, Guid id, PublicationOptions options, Confirmation confirmation, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        var publication = await FindOwnAsync(db, id, ct);
        if (publication is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        var today = ChinaTime.Today(clock);
        var next = PublicationWorkflow.Transition(publication.Status, PublicationAction.StartNotice, Context(db, publication, today, 0));
        if (!next.IsValid)
        {
            errors.Add("status", next.Error!);
            return errors;
        }

        confirmation.Check(errors, "开始公示");
        if (!errors.IsEmpty)
        {
            return errors;
        }

        if (options.NoticeWorkingDays is < 1 or > 60)
        {
            errors.Add("noticeWorkingDays", "公示期应为1至60个工作日，请检查配置 Publication:NoticeWorkingDays");
            return errors;
        }

        var (endsOn, provisional) = PublicationWorkflow.NoticeEndsOn(WorkingDayCalendar.China, today, options.NoticeWorkingDays);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        publication.Status = next.Value;
        publication.NoticeWorkingDays = options.NoticeWorkingDays;
        publication.NoticeStartsOn = today;
        publication.NoticeEndsOn = endsOn;
        publication.NoticeEndsOnProvisional = provisional;
        db.Audit(new AuditEvent(AuditActions.Workflow, EntityName, id.ToString(), Detail: $"开始公示，公示期{today:yyyy-MM-dd}至{endsOn:yyyy-MM-dd}（{options.NoticeWorkingDays}个工作日），新增{publication.AddedCount}人公示；理由：{confirmation.Text}"));
        await db.SaveChangesAsync(ct);
        await db.UpdateInScopeAsync(db.Set<PublicationEntry>().Where(e => e.PublicationId == id && e.Change == EntryChange.Added),
            s => s.SetProperty(e => e.IsPublic, true), $"开始公示{publication.Title}：新增人员向社会公示", ct);
        await transaction.CommitAsync(ct);
        return errors;
    }

    private static PublicationContext Context(GongjiangDbContext db, Data.Publication publication, DateOnly today, int undecidedObjections, string? reason = null) =>
        new(today, publication.NoticeEndsOn, undecidedObjections, publication.PreparedById, db.Actor.UserId ?? db.Actor.UserName, reason);

    /// <summary>
    /// 删除草稿: a draft that was never shown may be thrown away, after the confirmation with a reason. A draft that
    /// was on notice and received objections is kept (the objections refer to it).
    /// </summary>
    public static async Task<FieldErrors?> DeleteDraftAsync(GongjiangDbContext db, Guid id, Confirmation confirmation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        var publication = await FindOwnAsync(db, id, ct);
        if (publication is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        if (publication.Status != PublicationStatus.Draft)
        {
            errors.Add("status", "只有草稿可以删除；已公示或已公布的名单须保留");
            return errors;
        }

        if (await db.Set<Objection>().AnyAsync(o => o.PublicationId == id, ct))
        {
            errors.Add("status", "该名单公示期间收到过异议，须保留，不能删除");
            return errors;
        }

        confirmation.Check(errors, "删除草稿");
        if (!errors.IsEmpty)
        {
            return errors;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var entries = await db.DeleteInScopeAsync(db.Set<PublicationEntry>().Where(e => e.PublicationId == id), $"删除草稿{publication.Title}的名单", ct);
        db.Remove(publication);
        db.Audit(new AuditEvent(AuditActions.Workflow, EntityName, id.ToString(), Detail: $"删除草稿{publication.Title}（含{entries}条名单）；理由：{confirmation.Text}"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return errors;
    }

    /// <summary>
    /// 撤回公示: a publication on notice goes back to draft with a reason (<see cref="PublicationAction.WithdrawNotice"/>);
    /// its proposed additions stop being public at once. Objections already filed stay with it.
    /// </summary>
    public static async Task<FieldErrors?> WithdrawNoticeAsync(GongjiangDbContext db, Guid id, Confirmation confirmation, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        var publication = await FindOwnAsync(db, id, ct);
        if (publication is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        var today = ChinaTime.Today(clock);
        var next = PublicationWorkflow.Transition(publication.Status, PublicationAction.WithdrawNotice, Context(db, publication, today, 0, confirmation.Text));
        if (!next.IsValid && publication.Status != PublicationStatus.Notice)
        {
            errors.Add("status", next.Error!);
            return errors;
        }

        confirmation.Check(errors, "撤回公示");
        if (!errors.IsEmpty)
        {
            return errors;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var period = $"{publication.NoticeStartsOn:yyyy-MM-dd}至{publication.NoticeEndsOn:yyyy-MM-dd}";
        publication.Status = next.Value;
        publication.NoticeStartsOn = null;
        publication.NoticeEndsOn = null;
        publication.NoticeEndsOnProvisional = false;
        db.Audit(new AuditEvent(AuditActions.Workflow, EntityName, id.ToString(), Detail: $"撤回公示{publication.Title}（原公示期{period}），退回草稿；理由：{confirmation.Text}"));
        await db.SaveChangesAsync(ct);
        await db.UpdateInScopeAsync(db.Set<PublicationEntry>().Where(e => e.PublicationId == id && e.IsPublic),
            s => s.SetProperty(e => e.IsPublic, false), $"撤回公示{publication.Title}：名单不再公开", ct);
        await transaction.CommitAsync(ct);
        return errors;
    }

    /// <summary>复核公布: a second person approves after the notice period with every objection decided.</summary>
    public static async Task<FieldErrors?> ApproveAsync(GongjiangDbContext db, Guid id, TimeProvider clock, CancellationToken ct)
    {
        var publication = await FindOwnAsync(db, id, ct);
        if (publication is null)
        {
            return null;
        }

        var undecided = await db.Set<Objection>().CountAsync(o => o.PublicationId == id && o.Decision == null, ct);
        var today = ChinaTime.Today(clock);
        var next = PublicationWorkflow.Transition(publication.Status, PublicationAction.Approve, Context(db, publication, today, undecided));
        var errors = new FieldErrors();
        foreach (var refusal in next.Reasons)
        {
            errors.Add("status", refusal);
        }

        if (!errors.IsEmpty)
        {
            return errors;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The global order of publications (for feeds) reads every jurisdiction's numbers, nothing else of them.
        var last = await db.Unscoped<Data.Publication>("公布编号全国连续：读取最大编号").MaxAsync(p => p.Sequence, ct) ?? 0;
        foreach (var superseded in await db.Set<Data.Publication>().Where(p => p.RegionCode == publication.RegionCode && p.IsCurrent).ToListAsync(ct))
        {
            superseded.IsCurrent = false;
        }

        publication.Status = next.Value;
        publication.ApprovedById = db.Actor.UserId ?? db.Actor.UserName;
        publication.ApprovedByName = db.Actor.DisplayName;
        publication.ApprovedAt = clock.GetUtcNow();
        publication.PublishedOn = today;
        publication.Sequence = last + 1;
        publication.IsCurrent = true;
        publication.ListedCount = await db.Set<PublicationEntry>().CountAsync(e => e.PublicationId == id && e.Change != EntryChange.Removed && e.WithdrawnOn == null, ct);
        db.Audit(new AuditEvent(AuditActions.Workflow, EntityName, id.ToString(), Detail:
            $"复核公布{publication.Title}：第{publication.Sequence}号公布，在库{publication.ListedCount}人；编制人{publication.PreparedByName}，复核人{publication.ApprovedByName}"));
        await db.SaveChangesAsync(ct);
        await db.UpdateInScopeAsync(db.Set<PublicationEntry>().Where(e => e.PublicationId == id && e.WithdrawnOn == null),
            s => s.SetProperty(e => e.IsPublic, true), $"复核公布{publication.Title}：名单向社会公布", ct);
        await transaction.CommitAsync(ct);
        return errors;
    }

    /// <summary>提出异议: anyone, during the notice period, against one proposed addition. Returns the receipt number.</summary>
    /// <remarks>
    /// The public has no scope to write in: the entry is read through the public query source, and the objection is
    /// written by <see cref="Platform.Identity.Actor.PublicSubmission"/> — scoped to the publication's own jurisdiction
    /// only (the audit record carries the client address).
    /// </remarks>
    public static async Task<(string? Receipt, FieldErrors Errors)> FileObjectionAsync(
        IServiceScopeFactory scopes, Guid publicationId, Guid entryId, string? name, string? contact, string? reason, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        using var reading = scopes.CreateScope();
        reading.ServiceProvider.GetRequiredService<Platform.Identity.HttpCurrentActor>().Use(Platform.Identity.Actor.Anonymous);
        var publicDb = reading.ServiceProvider.GetRequiredService<GongjiangDbContext>();
        var target = await (
            from e in publicDb.PublicView<PublicationEntry>().AsNoTracking()
            join p in publicDb.PublicView<Data.Publication>().AsNoTracking() on e.PublicationId equals p.Id
            where e.Id == entryId && p.Id == publicationId && p.Status != PublicationStatus.Draft && e.IsPublic
            select new { p.Status, p.NoticeEndsOn, p.RegionCode, e.Change, e.WithdrawnOn }).FirstOrDefaultAsync(ct);
        if (target is null || target.Change != EntryChange.Added || target.WithdrawnOn is not null)
        {
            errors.Add("entry", "未找到公示中的该条名单");
            return (null, errors);
        }

        if (PublicationWorkflow.CanObject(target.Status, target.NoticeEndsOn, ChinaTime.Today(clock)) is { } closed)
        {
            errors.Add("entry", closed);
            return (null, errors);
        }

        var (form, fieldErrors) = ObjectionRules.Check(name, contact, reason);
        foreach (var (field, message) in fieldErrors)
        {
            errors.Add(field, message);
        }

        if (form is null)
        {
            return (null, errors);
        }

        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<Platform.Identity.HttpCurrentActor>().Use(
            Platform.Identity.Actor.PublicSubmission(Gongjiang.Core.Access.Jurisdiction.Parse(target.RegionCode).GetValueOrThrow(), "提出异议"));
        var db = scope.ServiceProvider.GetRequiredService<GongjiangDbContext>();
        var now = clock.GetUtcNow();
        var receipt = "YY" + now.ToOffset(ChinaTime.Offset).ToString("yyyyMMdd", CultureInfo.InvariantCulture) +
            RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        db.Add(new Objection
        {
            PublicationId = publicationId,
            EntryId = entryId,
            RegionCode = target.RegionCode,
            ReceiptNumber = receipt,
            ObjectorName = form.Name,
            Contact = form.Contact,
            Reason = form.Reason,
            SubmittedAt = now,
        });
        await db.SaveChangesAsync(ct);
        return (receipt, errors);
    }

    /// <summary>
    /// The public lookup of an objection by its 受理编号: the publication, the person objected to (a public line), when it
    /// was received and whether it is decided — nothing of the objector and not the reasons. The public has no scope,
    /// so it is read by a system actor named for the purpose, limited to the one receipt, and each lookup is audited.
    /// </summary>
    /// <summary>The named escape of the public lookup: one objection by its receipt number, public fields only.</summary>
    private const string ObjectionLookup = "社会公众按受理编号查询异议处理情况";

    public static async Task<ObjectionStatus?> ObjectionStatusAsync(IServiceScopeFactory scopes, string? receipt, CancellationToken ct)
    {
        var number = receipt?.Trim().ToUpperInvariant();
        if (number is null || number.Length is < 8 or > 20 || !number.StartsWith("YY", StringComparison.Ordinal) || !number[2..].All(char.IsAsciiDigit))
        {
            return null;
        }

        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<Platform.Identity.HttpCurrentActor>().Use(Platform.Identity.Actor.Anonymous);
        var db = scope.ServiceProvider.GetRequiredService<GongjiangDbContext>();
        var row = await (
            from o in db.Unscoped<Objection>(ObjectionLookup)
            join p in db.Unscoped<Data.Publication>(ObjectionLookup) on o.PublicationId equals p.Id
            join e in db.Unscoped<PublicationEntry>(ObjectionLookup) on o.EntryId equals e.Id
            where o.ReceiptNumber == number
            select new { o.Id, o.ReceiptNumber, o.SubmittedAt, o.Decision, o.DecidedAt, p.Title, PublicationId = p.Id, p.RegionName, e.Name }).FirstOrDefaultAsync(ct);
        await db.RecordAsync(new AuditEvent(AuditActions.View, nameof(Objection), row?.Id.ToString(), row is null ? AuditOutcomes.Failed : AuditOutcomes.Succeeded,
            $"社会公众按受理编号查询异议处理情况：{number}"), ct);
        return row is null ? null : new ObjectionStatus(row.ReceiptNumber, row.Title, row.PublicationId, row.RegionName, row.Name,
            DateOnly.FromDateTime(row.SubmittedAt.ToOffset(ChinaTime.Offset).DateTime),
            row.Decision is { } d ? PublicationWorkflow.ChineseName(d) : "正在核实处理",
            row.DecidedAt is { } at ? DateOnly.FromDateTime(at.ToOffset(ChinaTime.Offset).DateTime) : null);
    }

    /// <summary>处理异议: 成立 takes the entry off the publication; 不成立 keeps it. Either way with a reason.</summary>
    /// <remarks>异议成立 takes a person off a public list: it needs <paramref name="confirmed"/> (the page's confirmation step; an
    /// API call is explicit) and a reason of at least <see cref="Confirmation.MinimumReasonLength"/> characters.</remarks>
    public static async Task<FieldErrors?> DecideObjectionAsync(GongjiangDbContext db, Guid objectionId, ObjectionDecision? decision, string? reason, bool confirmed, TimeProvider clock, CancellationToken ct)
    {
        var objection = await db.Set<Objection>().FirstOrDefaultAsync(o => o.Id == objectionId, ct);
        if (objection is null)
        {
            return null;
        }

        var publication = await db.Set<Data.Publication>().FirstAsync(p => p.Id == objection.PublicationId, ct);
        var errors = new FieldErrors();
        if (decision is not (ObjectionDecision.Upheld or ObjectionDecision.Rejected))
        {
            errors.Add("decision", "请选择处理结果：异议成立或异议不成立");
        }

        if (ObjectionRules.CheckDecisionReason(reason) is { } bad)
        {
            errors.Add("reason", bad);
        }
        else if (decision == ObjectionDecision.Upheld)
        {
            new Confirmation(confirmed, reason).Check(errors, "异议成立（撤下该人员）");
        }

        if (PublicationWorkflow.CanDecide(publication.Status, objection.Decision) is { } refused)
        {
            errors.Add("decision", refused);
        }

        if (!errors.IsEmpty)
        {
            return errors;
        }

        objection.Decision = decision;
        objection.DecisionReason = reason!.Trim();
        objection.DecidedByName = db.Actor.DisplayName;
        objection.DecidedAt = clock.GetUtcNow();
        if (decision == ObjectionDecision.Upheld)
        {
            var entry = await db.Set<PublicationEntry>().FirstAsync(e => e.Id == objection.EntryId, ct);
            if (entry.WithdrawnOn is null)
            {
                entry.WithdrawnOn = ChinaTime.Today(clock);
                entry.IsPublic = false;
                publication.WithdrawnCount++;
                publication.AddedCount--;
                publication.ListedCount--;
            }
        }

        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>Sets the jurisdiction's schedule (or clears it with null).</summary>
    public static async Task SetScheduleAsync(GongjiangDbContext db, PublicationFrequency? frequency, TimeProvider clock, CancellationToken ct)
    {
        var region = db.Actor.Jurisdiction.Code;
        var schedule = await db.Set<PublicationSchedule>().FirstOrDefaultAsync(s => s.RegionCode == region, ct);
        if (frequency is null)
        {
            if (schedule is not null)
            {
                db.Remove(schedule);
            }
        }
        else
        {
            schedule ??= db.Add(new PublicationSchedule { RegionCode = region }).Entity;
            schedule.Frequency = frequency.Value;
            schedule.UpdatedByName = db.Actor.DisplayName;
            schedule.UpdatedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A publication of the actor's own jurisdiction or below (not merely a public one of elsewhere).</summary>
    private static Task<Data.Publication?> FindOwnAsync(GongjiangDbContext db, Guid id, CancellationToken ct) =>
        db.Set<Data.Publication>().Of(db.Actor.Jurisdiction).FirstOrDefaultAsync(p => p.Id == id, ct);
}
