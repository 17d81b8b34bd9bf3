using Gongjiang.Core.Common;
using Gongjiang.Core.Leave;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Gongjiang.Web.Features.Leave.Data;

/// <summary>The key of one <see cref="LeaveYearTotal"/> row.</summary>
public readonly record struct LeaveTotalKey(Guid EnterpriseId, int Year, string RegionCode, LeaveTotalKind Kind, DateOnly EffectiveFrom);

/// <summary>
/// Keeps <see cref="LeaveYearTotal"/> equal to the sum of the records: on every save that adds, changes or removes a
/// <see cref="LeaveRecord"/> (form, import, API, corrections, demo data, any code that saves through the context), in
/// the same transaction, it takes a lock per enterprise and year (PostgreSQL: a transaction-scoped advisory lock;
/// SQLite: the save's immediate transaction holds the database's write lock), re-reads the changed records as stored,
/// and moves each total by the records' new <see cref="Contributions"/> minus their stored ones. Bulk SQL
/// (<c>UpdateInScopeAsync</c>, <c>DeleteInScopeAsync</c>, COPY) bypasses it and must not be used on the records.
/// </summary>
public sealed class LeaveYearTotals : ISaveParticipant
{
    /// <summary>First key of the advisory locks (“LEAV”); the second is a hash of the enterprise and the year.</summary>
    private const int LockSpace = 0x4C_45_41_56;

    /// <summary>The period whose figures stand on <paramref name="asOf"/> for a leave year (all records of a year share 31 December and the carry-over deadline).</summary>
    public static LeaveTotalKind PeriodOn(int year, DateOnly asOf) =>
        asOf > AnnualLeaveRules.CarryOverDeadline(year, Records.LeaveRecords.Parameters(year)) ? LeaveTotalKind.AfterCarryOver
        : asOf > new DateOnly(year, 12, 31) ? LeaveTotalKind.AfterYear
        : LeaveTotalKind.InYear;

    /// <summary>A record's tally in the year (<see cref="LeaveRecord.InYearStatus"/>).</summary>
    public static LeaveYearTally InYear(LeaveRecord r) =>
        LeaveYearTally.Of(r.InYearStatus, r.InYearOwedDays, 0, Money.Zero, new Money(r.CompensationPaidFen), Money.Zero);

    /// <summary>A record's tally after its year's deadline, within the carry-over year.</summary>
    public static LeaveYearTally AfterYear(LeaveRecord r) =>
        LeaveYearTally.Of(r.AfterYearStatus, r.AfterYearOwedDays, r.AfterYearCompensableDays, new Money(r.AfterYearDueFen), new Money(r.CompensationPaidFen),
            new Money(r.AfterYearShortfallFen));

    /// <summary>A record's tally after the carry-over year.</summary>
    public static LeaveYearTally AfterCarryOver(LeaveRecord r) =>
        LeaveYearTally.Of(r.AfterCarryOverStatus, 0, r.AfterCarryOverCompensableDays, new Money(r.AfterCarryOverDueFen), new Money(r.CompensationPaidFen),
            new Money(r.AfterCarryOverShortfallFen));

    /// <summary>What one stored record adds to each total row (its stored assessment in each period).</summary>
    public static IEnumerable<(LeaveTotalKey Key, LeaveYearTally Tally)> Contributions(LeaveRecord r)
    {
        var inYear = InYear(r);
        var afterYear = AfterYear(r);
        yield return (new LeaveTotalKey(r.EnterpriseId, r.Year, r.RegionCode, LeaveTotalKind.InYear, DateOnly.MinValue), inYear);
        yield return (new LeaveTotalKey(r.EnterpriseId, r.Year, r.RegionCode, LeaveTotalKind.AfterYear, new DateOnly(r.Year + 1, 1, 1)), afterYear);
        yield return (new LeaveTotalKey(r.EnterpriseId, r.Year, r.RegionCode, LeaveTotalKind.AfterCarryOver, r.CarryOverDeadline.AddDays(1)), AfterCarryOver(r));
        if (r.YearDeadline < new DateOnly(r.Year, 12, 31))
        {
            yield return (new LeaveTotalKey(r.EnterpriseId, r.Year, r.RegionCode, LeaveTotalKind.LeaverChange, r.YearDeadline.AddDays(1)), afterYear - inYear);
        }
    }

    /// <summary>The totals of some records (a recomputation: what the stored rows must equal), zero rows left out.</summary>
    public static Dictionary<LeaveTotalKey, LeaveYearTally> Sum(IEnumerable<LeaveRecord> records)
    {
        var sums = new Dictionary<LeaveTotalKey, LeaveYearTally>();
        foreach (var record in records)
        {
            foreach (var (key, tally) in Contributions(record))
            {
                sums[key] = sums.GetValueOrDefault(key) + tally;
            }
        }

        foreach (var key in sums.Where(s => s.Value.IsZero).Select(s => s.Key).ToList())
        {
            sums.Remove(key);
        }

        return sums;
    }

    public bool Concerns(ChangeTracker changes) =>
        changes.Entries<LeaveRecord>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    public async Task BeforeSaveAsync(GongjiangDbContext db, CancellationToken ct)
    {
        var entries = db.ChangeTracker.Entries<LeaveRecord>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (entries.Count == 0)
        {
            return;
        }

        // Totals tracked from an earlier save of this context may be stale: every save reads them afresh under the lock.
        foreach (var tracked in db.ChangeTracker.Entries<LeaveYearTotal>().ToList())
        {
            tracked.State = EntityState.Detached;
        }

        var years = new SortedSet<(Guid EnterpriseId, int Year)>();
        foreach (var entry in entries)
        {
            if (entry.State != EntityState.Deleted)
            {
                years.Add((entry.Entity.EnterpriseId, entry.Entity.Year));
            }

            if (entry.State != EntityState.Added)
            {
                years.Add((entry.OriginalValues.GetValue<Guid>(nameof(LeaveRecord.EnterpriseId)), entry.OriginalValues.GetValue<int>(nameof(LeaveRecord.Year))));
            }
        }

        await LockAsync(db, years, ct);

        // The records as stored now (under the lock), not as loaded: a save that committed in between is counted once.
        var changedIds = entries.Where(e => e.State != EntityState.Added).Select(e => e.Entity.Id).ToList();
        var stored = new Dictionary<Guid, LeaveRecord>();
        foreach (var chunk in changedIds.Chunk(1000))
        {
            var ids = chunk.ToList();
            foreach (var r in await db.Set<LeaveRecord>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct))
            {
                stored[r.Id] = r;
            }
        }

        var moreYears = stored.Values.Select(r => (r.EnterpriseId, r.Year)).Where(y => !years.Contains(y)).ToList();
        if (moreYears.Count > 0)
        {
            await LockAsync(db, moreYears, ct);
            years.UnionWith(moreYears);
        }

        var deltas = new Dictionary<LeaveTotalKey, LeaveYearTally>();
        void Move(LeaveRecord record, int sign)
        {
            foreach (var (key, tally) in Contributions(record))
            {
                deltas[key] = sign > 0 ? deltas.GetValueOrDefault(key) + tally : deltas.GetValueOrDefault(key) - tally;
            }
        }

        foreach (var entry in entries)
        {
            if (entry.State != EntityState.Added && stored.TryGetValue(entry.Entity.Id, out var before))
            {
                Move(before, -1);
            }

            if (entry.State != EntityState.Deleted)
            {
                Move(entry.Entity, +1);
            }
        }

        var changed = deltas.Where(d => !d.Value.IsZero).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var rows = new Dictionary<LeaveTotalKey, LeaveYearTotal>();
        foreach (var group in changed.Select(c => (c.Key.EnterpriseId, c.Key.Year)).Distinct().GroupBy(k => k.Year))
        {
            var year = group.Key;
            foreach (var chunk in group.Select(g => g.EnterpriseId).Chunk(500))
            {
                var enterprises = chunk.ToList();
                foreach (var row in await db.Set<LeaveYearTotal>().Where(t => t.Year == year && enterprises.Contains(t.EnterpriseId)).ToListAsync(ct))
                {
                    rows[new LeaveTotalKey(row.EnterpriseId, row.Year, row.RegionCode, row.Kind, row.EffectiveFrom)] = row;
                }
            }
        }

        foreach (var (key, delta) in changed)
        {
            if (rows.TryGetValue(key, out var row))
            {
                var sum = row.Tally + delta;
                if (sum.IsZero)
                {
                    db.Remove(row);
                }
                else
                {
                    row.Tally = sum;
                }
            }
            else
            {
                db.Add(new LeaveYearTotal
                {
                    EnterpriseId = key.EnterpriseId,
                    Year = key.Year,
                    RegionCode = key.RegionCode,
                    Kind = key.Kind,
                    EffectiveFrom = key.EffectiveFrom,
                    Tally = delta,
                });
            }
        }
    }

    private static async Task LockAsync(GongjiangDbContext db, IEnumerable<(Guid EnterpriseId, int Year)> years, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return; // SQLite: the save's transaction is IMMEDIATE and holds the only write lock
        }

        foreach (var key in years.Select(y => LockKey(y.EnterpriseId, y.Year)).Distinct().Order())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockSpace}, {key})", ct);
        }
    }

    /// <summary>FNV-1a over the enterprise id and the year: stable across processes and nodes (unlike <see cref="HashCode"/>).</summary>
    private static int LockKey(Guid enterpriseId, int year)
    {
        var hash = 2166136261u;
        foreach (var b in enterpriseId.ToByteArray().Concat(BitConverter.GetBytes(year)))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return unchecked((int)hash);
    }
}
