using System.Globalization;
using System.Text.Json;
using Gongjiang.Core.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Gongjiang.Web.Platform.Audit;

/// <summary>A row change captured before saving; its id is read after saving (store-generated keys).</summary>
internal sealed record CapturedChange(EntityEntry Entry, string Action, string EntityType, string? Before, string? After);

/// <summary>
/// Appends audit entries in the same transaction as the change they record. Writers are serialised — a process-wide
/// lock, plus on PostgreSQL a transaction-scoped advisory lock for several web nodes — so each new entry links to the
/// true last one and the chain cannot fork; the unique sequence is the last guard.
/// </summary>
public sealed class AuditWriter(AuditKey key, TimeProvider clock)
{
    // Chinese stays readable in the stored JSON; pages HTML-encode it when they show it.
    private static readonly JsonSerializerOptions SnapshotJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };
    private static readonly HashSet<(Type, string)> Sensitive = [];
    private static readonly Lock SensitiveGate = new();

    /// <summary>Marks a property whose value is replaced by a placeholder in the audit log.</summary>
    public static void MarkSensitive(Type entityType, string property)
    {
        lock (SensitiveGate)
        {
            Sensitive.Add((entityType, property));
        }
    }

    private static bool IsSensitive(Type entityType, string property)
    {
        lock (SensitiveGate)
        {
            return Sensitive.Contains((entityType, property));
        }
    }

    private const long AdvisoryLockId = 0x47_4A_41_55_44_49_54; // "GJAUDIT"
    private static readonly SemaphoreSlim ProcessLock = new(1, 1);

    internal static List<CapturedChange> Capture(ChangeTracker tracker, bool skipInserts = false)
    {
        var changes = new List<CapturedChange>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is AuditEntry || entry.State is EntityState.Unchanged or EntityState.Detached || (skipInserts && entry.State == EntityState.Added))
            {
                continue;
            }

            var (action, before, after) = entry.State switch
            {
                EntityState.Added => (AuditActions.Create, null, Snapshot(entry, current: true, onlyModified: false)),
                EntityState.Modified => (AuditActions.Update, Snapshot(entry, current: false, onlyModified: true), Snapshot(entry, current: true, onlyModified: true)),
                EntityState.Deleted => (AuditActions.Delete, Snapshot(entry, current: false, onlyModified: false), null),
                _ => throw new InvalidOperationException("unexpected state"),
            };

            if (action == AuditActions.Update && after == "{}")
            {
                continue;
            }

            changes.Add(new CapturedChange(entry, action, entry.Metadata.ClrType.Name, before, after));
        }

        return changes;
    }

    internal async Task<T> WriteAsync<T>(
        GongjiangDbContext db,
        ICurrentActor current,
        IReadOnlyList<CapturedChange> changes,
        IReadOnlyList<AuditEvent> events,
        Func<CancellationToken, Task<T>> save,
        CancellationToken ct)
    {
        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        await ProcessLock.WaitAsync(ct);
        try
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockId})", ct);
            }

            var result = await save(ct);

            var last = await db.AuditEntries.AsNoTracking()
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(ct);
            var sequence = last?.Sequence ?? 0;
            var previous = last?.Hash ?? AuditChain.GenesisHash;
            var now = AuditChain.TruncateToMicroseconds(clock.GetUtcNow());
            var actor = current.Actor;

            AuditEntry Next(string action, string entityType, string? entityId, string? before, string? after, string outcome, string? detail, string? actorName, AuditEvent? evt = null)
            {
                var entry = new AuditEntry
                {
                    Sequence = ++sequence,
                    OccurredAtUtc = now,
                    UtcOffsetMinutes = (int)ChinaTime.Offset.TotalMinutes,
                    ActorId = actor.UserId,
                    ActorName = actorName ?? (actor.IsAuthenticated ? actor.UserName : actor.DisplayName),
                    ActorRole = evt?.ActorRoleOverride ?? actor.Role,
                    ActorJurisdiction = evt?.ActorJurisdictionOverride ?? (actor.IsAuthenticated ? actor.Jurisdiction.Code : null),
                    Action = action,
                    EntityType = entityType,
                    EntityId = entityId,
                    Before = before,
                    After = after,
                    Outcome = outcome,
                    Detail = detail is { Length: > 2000 } ? detail[..2000] : detail,
                    ClientAddress = current.ClientAddress,
                    PreviousHash = previous,
                };
                entry.Hash = AuditChain.ComputeHash(entry.ToRecord(), key.Bytes);
                previous = entry.Hash;
                return entry;
            }

            var entries = new List<AuditEntry>(changes.Count + events.Count);
            foreach (var change in changes)
            {
                entries.Add(Next(change.Action, change.EntityType, KeyOf(change.Entry), change.Before, change.After, AuditOutcomes.Succeeded, null, null));
            }

            foreach (var evt in events)
            {
                entries.Add(Next(evt.Action, evt.EntityType, evt.EntityId, null, null, evt.Outcome, evt.Detail, evt.ActorNameOverride, evt));
            }

            db.AuditEntries.AddRange(entries);
            await db.SaveAuditEntriesAsync(ct);

            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            return result;
        }
        finally
        {
            ProcessLock.Release();
        }
    }

    private static string? KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return null;
        }

        return string.Join("|", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }

    private static string Snapshot(EntityEntry entry, bool current, bool onlyModified)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            if (onlyModified && !property.IsModified)
            {
                continue;
            }

            if (onlyModified && Equals(property.OriginalValue, property.CurrentValue))
            {
                continue;
            }

            var sensitive = IsSensitive(entry.Metadata.ClrType, property.Metadata.Name);
            var value = current ? property.CurrentValue : property.OriginalValue;
            values[property.Metadata.Name] = sensitive ? (value is null ? null : "（已隐去）") : value;
        }

        return JsonSerializer.Serialize(values, SnapshotJson);
    }
}

/// <summary>The HMAC key of the audit chain, held outside the database (configuration <c>Audit:ChainKey</c>).</summary>
public sealed class AuditKey(byte[] bytes)
{
    public byte[] Bytes { get; } = bytes;
}
