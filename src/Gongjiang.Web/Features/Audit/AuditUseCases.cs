using Gongjiang.Core.Access;
using Gongjiang.Core.Audit;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Audit;

/// <summary>The result of verifying the whole chain.</summary>
public sealed record ChainVerification(bool Intact, long Checked, long? BrokenAt, string? Reason)
{
    public string Summary => Intact
        ? $"审计日志完整：已核验 {Checked} 条记录，哈希链未发现断裂。"
        : $"审计日志在第 {BrokenAt} 条处断裂：{Reason}（此前 {Checked} 条记录核验通过）。";
}

public sealed record AuditRow(long Sequence, DateTimeOffset OccurredAt, string ActorName, string? ActorRole, string? ActorJurisdiction,
    string Action, string EntityType, string? EntityId, string Outcome, string? Detail, string? Before, string? After, string? ActorId = null);

/// <summary>The audit page's filters: object type (stored or Chinese name), actor, action, and a date range in China time.</summary>
public sealed record AuditFilter(string? EntityType = null, string? Actor = null, string? Action = null, DateOnly? From = null, DateOnly? To = null);

public static class AuditUseCases
{
    private const int BatchSize = 5000;

    /// <summary>Streams the whole log in sequence order and names the first broken link.</summary>
    public static async Task<ChainVerification> VerifyAsync(GongjiangDbContext db, AuditKey key, CancellationToken ct)
    {
        var verifier = new AuditChain.Verifier(key.Bytes);
        long after = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var entry in batch)
            {
                if (!verifier.Accept(entry.ToRecord(), entry.Hash))
                {
                    return new ChainVerification(false, verifier.Checked, verifier.FirstBreak!.Sequence, verifier.FirstBreak.Reason);
                }
            }

            after = batch[^1].Sequence;
        }

        return new ChainVerification(true, verifier.Checked, null, null);
    }

    /// <summary>Recent entries, newest first; administrators see entries of actors within their jurisdiction.</summary>
    public static Task<Paged<AuditRow>> ListAsync(GongjiangDbContext db, string? entityType, string? actor, PageRequest page, CancellationToken ct) =>
        ListAsync(db, new AuditFilter(entityType, actor), page, ct);

    /// <summary>Entries matching the filter, newest first, within the administrator's jurisdiction.</summary>
    public static async Task<Paged<AuditRow>> ListAsync(GongjiangDbContext db, AuditFilter filter, PageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.AuditEntries.AsNoTracking();
        var prefix = db.Actor.IsSystem ? "" : db.Actor.Jurisdiction.Prefix;
        if (prefix.Length > 0)
        {
            query = query.Where(e => e.ActorJurisdiction != null && e.ActorJurisdiction.StartsWith(prefix));
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            var type = AuditNames.ParseEntityType(filter.EntityType) ?? filter.EntityType.Trim();
            query = query.Where(e => e.EntityType == type);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var text = filter.Actor.Trim();
            query = query.Where(e => e.ActorName.Contains(text));
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            query = query.Where(e => e.Action == action);
        }

        // Dates are China Standard Time days; the sequence follows time, so the range is found on the sequence (an
        // integer both databases order) from the first entry at or after each bound.
        if (filter.From is { } from)
        {
            var start = ChinaTime.StartOf(from).ToUniversalTime();
            var first = await FirstSequenceAtOrAfterAsync(db, start, ct);
            query = query.Where(e => e.Sequence >= first);
        }

        if (filter.To is { } to)
        {
            var end = ChinaTime.EndOf(to).ToUniversalTime();
            var firstAfter = await FirstSequenceAtOrAfterAsync(db, end, ct);
            query = query.Where(e => e.Sequence < firstAfter);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.Sequence).Skip(page.Skip).Take(page.PageSize)
            .Select(e => new AuditRow(e.Sequence, e.OccurredAtUtc, e.ActorName, e.ActorRole, e.ActorJurisdiction, e.Action,
                e.EntityType, e.EntityId, e.Outcome, e.Detail, e.Before, e.After, e.ActorId))
            .ToListAsync(ct);
        return new Paged<AuditRow>(rows, total, page.Page, page.PageSize);
    }

    /// <summary>
    /// The sequence of the first entry at or after an instant (one past the last when none): a binary search on the
    /// sequence, reading one entry's time per step, as instants are not ordered in SQL on SQLite.
    /// </summary>
    private static async Task<long> FirstSequenceAtOrAfterAsync(GongjiangDbContext db, DateTimeOffset instant, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => (long?)e.Sequence).FirstOrDefaultAsync(ct) ?? 0;
        long low = 1, high = last + 1;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var at = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= middle).OrderBy(e => e.Sequence)
                .Select(e => new { e.Sequence, e.OccurredAtUtc }).FirstOrDefaultAsync(ct);
            if (at is null || at.OccurredAtUtc >= instant)
            {
                high = middle;
            }
            else
            {
                low = at.Sequence + 1;
            }
        }

        return low;
    }

    public static DateTimeOffset ToChinaTime(DateTimeOffset utc) => utc.ToOffset(ChinaTime.Offset);

    public static bool IsCountry(Jurisdiction j) => j.Prefix.Length == 0;
}
