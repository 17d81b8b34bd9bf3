using Gongjiang.Core.Access;
using Gongjiang.Core.Audit;
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
    string Action, string EntityType, string? EntityId, string Outcome, string? Detail, string? Before, string? After);

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
    public static async Task<Paged<AuditRow>> ListAsync(GongjiangDbContext db, string? entityType, string? actor, PageRequest page, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        var prefix = db.Actor.IsSystem ? "" : db.Actor.Jurisdiction.Prefix;
        if (prefix.Length > 0)
        {
            query = query.Where(e => e.ActorJurisdiction != null && e.ActorJurisdiction.StartsWith(prefix));
        }

        if (!string.IsNullOrWhiteSpace(entityType))
        {
            query = query.Where(e => e.EntityType == entityType.Trim());
        }

        if (!string.IsNullOrWhiteSpace(actor))
        {
            query = query.Where(e => e.ActorName.Contains(actor.Trim()));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.Sequence).Skip(page.Skip).Take(page.PageSize)
            .Select(e => new AuditRow(e.Sequence, e.OccurredAtUtc, e.ActorName, e.ActorRole, e.ActorJurisdiction, e.Action,
                e.EntityType, e.EntityId, e.Outcome, e.Detail, e.Before, e.After))
            .ToListAsync(ct);
        return new Paged<AuditRow>(rows, total, page.Page, page.PageSize);
    }

    public static DateTimeOffset ToChinaTime(DateTimeOffset utc) => utc.ToOffset(TimeSpan.FromHours(8));

    public static bool IsCountry(Jurisdiction j) => j.Prefix.Length == 0;
}
