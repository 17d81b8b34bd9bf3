using Gongjiang.Core.Common;
using Gongjiang.Core.Leave;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Leave.Data;

/// <summary>Which figures a <see cref="LeaveYearTotal"/> row holds. Stored; never renumber.</summary>
public enum LeaveTotalKind
{
    /// <summary>Every record as it stands in the year (<see cref="LeaveRecord.InYearStatus"/>), for any day up to its deadline.</summary>
    InYear = 0,

    /// <summary>Every record after the year, within the carry-over year (the <c>AfterYear…</c> columns).</summary>
    AfterYear = 1,

    /// <summary>Every record after the carry-over year (the <c>AfterCarryOver…</c> columns).</summary>
    AfterCarryOver = 2,

    /// <summary>
    /// The change, from the day after their leaving day (<see cref="LeaveYearTotal.EffectiveFrom"/>), of the records of
    /// employees who left during the year: their after-year figures minus their in-year ones (办法 art 12: untaken days
    /// are due on leaving).
    /// </summary>
    LeaverChange = 3,
}

/// <summary>
/// The sum of the <see cref="LeaveYearTally"/> of every <see cref="LeaveRecord"/> of one enterprise, year and region in one
/// period (<see cref="LeaveTotalKind"/>): what the year-end view and the labour-inspection list read instead of adding
/// up the records on every call. On a day d of year Y's view: after the carry-over deadline the
/// <see cref="LeaveTotalKind.AfterCarryOver"/> row; after 31 December the <see cref="LeaveTotalKind.AfterYear"/> row
/// (every record's deadline — 31 December or the earlier leaving day — has passed); otherwise the
/// <see cref="LeaveTotalKind.InYear"/> row plus the <see cref="LeaveTotalKind.LeaverChange"/> rows effective on or before d.
/// Invariant: each row equals the recomputation from the records, because it is changed only by
/// <see cref="LeaveYearTotals"/> in the transaction of every change of a record (a <see cref="ISaveParticipant"/>).
/// Scoped like the records (region, enterprise); a worker sees none.
/// </summary>
public sealed class LeaveYearTotal
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid EnterpriseId { get; set; }

    public int Year { get; set; }

    /// <summary>The records' region (the enterprise's when they were written).</summary>
    public string RegionCode { get; set; } = "";

    public LeaveTotalKind Kind { get; set; }

    /// <summary>The first day the figures apply: <see cref="DateOnly.MinValue"/> in the year, 1 January after it, the day after the carry-over deadline, the day after a leaving day.</summary>
    public DateOnly EffectiveFrom { get; set; }

    public int Employees { get; set; }

    public int Taken { get; set; }

    public int Scheduled { get; set; }

    public int Outstanding { get; set; }

    public int CarriedOver { get; set; }

    public int WrittenRefusal { get; set; }

    public int Compensated { get; set; }

    public int CompensationOwed { get; set; }

    public int OwedDays { get; set; }

    public int CompensableDays { get; set; }

    public long ShortfallFen { get; set; }

    public int NeedingAction { get; set; }

    public int OwedNothingPaid { get; set; }

    public int OwedCompensableDays { get; set; }

    public long OwedDueFen { get; set; }

    /// <summary>The figures as a Core tally.</summary>
    public LeaveYearTally Tally
    {
        get => new(Employees, Taken, Scheduled, Outstanding, CarriedOver, WrittenRefusal, Compensated, CompensationOwed, OwedDays, CompensableDays,
            new Money(ShortfallFen), NeedingAction, OwedNothingPaid, OwedCompensableDays, new Money(OwedDueFen));
        set
        {
            Employees = value.Employees;
            Taken = value.Taken;
            Scheduled = value.Scheduled;
            Outstanding = value.Outstanding;
            CarriedOver = value.CarriedOver;
            WrittenRefusal = value.WrittenRefusal;
            Compensated = value.Compensated;
            CompensationOwed = value.CompensationOwed;
            OwedDays = value.OwedDays;
            CompensableDays = value.CompensableDays;
            ShortfallFen = value.Shortfall.Fen;
            NeedingAction = value.NeedingAction;
            OwedNothingPaid = value.OwedNothingPaid;
            OwedCompensableDays = value.OwedCompensableDays;
            OwedDueFen = value.OwedDue.Fen;
        }
    }
}

internal sealed class LeaveYearTotalConfiguration : IScopedEntityConfiguration
{
    public static readonly ScopeRule<LeaveYearTotal> Rule = new()
    {
        Region = t => t.RegionCode,
        Enterprise = t => t.EnterpriseId,
    };

    public void Configure(ModelBuilder builder, GongjiangDbContext context) => builder.Entity<LeaveYearTotal>(b =>
    {
        b.ToTable("leave_year_totals");
        b.Ignore(t => t.Tally);
        b.Property(t => t.RegionCode).HasMaxLength(6).IsRequired();
        b.HasIndex(t => new { t.EnterpriseId, t.Year, t.RegionCode, t.Kind, t.EffectiveFrom }).IsUnique();

        // The inspection list after the year: one row per enterprise and region, most owed first, straight from the index.
        b.HasIndex(t => new { t.Year, t.Kind, t.ShortfallFen, t.EnterpriseId }, "ix_leave_year_totals_owed")
            .IsDescending(false, false, true, false)
            .HasFilter("\"CompensationOwed\" > 0");
        b.HasScope(context, Rule);
    });
}
