using Gongjiang.Core.Leave;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Leave.Data;

/// <summary>
/// One employee's paid annual leave of one year at one enterprise, as the employer records it (form, import, API), with
/// the stored outcome of <see cref="EmployerLeaveCompliance.Assess"/>. The assessment of a record changes only on the day
/// after <see cref="YearDeadline"/> and on the day after <see cref="CarryOverDeadline"/> (its documented invariant), so
/// the outcome is stored for each of the three periods (in the year; after the year, within the carry-over year; after
/// the carry-over year): the year-end view and the inspection list pick the period of their “as of” day in SQL and add
/// up, on any past or future day, without re-assessing; their sums per enterprise and year are kept in
/// <see cref="LeaveYearTotal"/>. <see cref="OwedFrom"/> is the first day the record is 欠付报酬 (a shortfall only grows
/// from one period to the next), null when never.
/// Scoped by the enterprise's region, the enterprise and the person: an employer sees its staff, a worker themself.
/// </summary>
public sealed class LeaveRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid EnterpriseId { get; set; }

    /// <summary>The enterprise's region (GB/T 2260), for the jurisdiction scope.</summary>
    public string RegionCode { get; set; } = "";

    public Guid PersonId { get; set; }

    /// <summary>The employee's name when recorded (shown in the employer's lists).</summary>
    public string PersonName { get; set; } = "";

    public string IdNumberMasked { get; set; } = "";

    /// <summary>The leave year (办法 art 18: the calendar year).</summary>
    public int Year { get; set; }

    /// <summary>参加工作日期, when the employer gave it (then the entitlement may be calculated, 办法 art 4).</summary>
    public DateOnly? FirstWorkDate { get; set; }

    /// <summary>入职日期 when the employee joined during the year (办法 art 5), from the registry's employment.</summary>
    public DateOnly? HireDate { get; set; }

    /// <summary>True when <see cref="EntitledDays"/> was calculated by <see cref="AnnualLeaveCalculator"/> from the dates.</summary>
    public bool EntitlementCalculated { get; set; }

    public int EntitledDays { get; set; }

    public int ArrangedDays { get; set; }

    public int TakenDays { get; set; }

    public long AverageMonthlyWageFen { get; set; }

    public long CompensationPaidFen { get; set; }

    public bool WrittenRefusal { get; set; }

    public int CarriedOverDays { get; set; }

    public int CarriedOverTakenDays { get; set; }

    public DateOnly? LeftOn { get; set; }

    /// <summary>备注.</summary>
    public string? Note { get; set; }

    public int UntakenDays { get; set; }

    public DateOnly YearDeadline { get; set; }

    public DateOnly CarryOverDeadline { get; set; }

    public LeaveYearStatus InYearStatus { get; set; }

    public int InYearOwedDays { get; set; }

    public LeaveYearStatus AfterYearStatus { get; set; }

    public int AfterYearOwedDays { get; set; }

    public int AfterYearCompensableDays { get; set; }

    public long AfterYearDueFen { get; set; }

    public long AfterYearShortfallFen { get; set; }

    public LeaveYearStatus AfterCarryOverStatus { get; set; }

    public int AfterCarryOverCompensableDays { get; set; }

    public long AfterCarryOverDueFen { get; set; }

    public long AfterCarryOverShortfallFen { get; set; }

    public DateOnly? OwedFrom { get; set; }

    /// <summary>The import that last wrote the record, if any.</summary>
    public Guid? ImportId { get; set; }

    /// <summary>Unix milliseconds (SQLite cannot order DateTimeOffset).</summary>
    public long UpdatedAtMs { get; set; }

    public string UpdatedBy { get; set; } = "";
}

internal sealed class LeaveRecordConfiguration : IScopedEntityConfiguration
{
    public static readonly ScopeRule<LeaveRecord> Rule = new()
    {
        Region = r => r.RegionCode,
        Enterprise = r => r.EnterpriseId,
        Person = r => r.PersonId,
    };

    public void Configure(ModelBuilder builder, GongjiangDbContext context) => builder.Entity<LeaveRecord>(b =>
    {
        b.ToTable("leave_records");
        b.Property(r => r.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(r => r.PersonName).HasMaxLength(64).IsRequired();
        b.Property(r => r.IdNumberMasked).HasMaxLength(18).IsRequired();
        b.Property(r => r.Note).HasMaxLength(500);
        b.Property(r => r.UpdatedBy).HasMaxLength(64).IsRequired();
        b.HasIndex(r => new { r.EnterpriseId, r.Year, r.PersonId }).IsUnique();
        b.HasIndex(r => new { r.PersonId, r.Year });

        // The year-end view's list of all records by name: the first page straight from the index.
        b.HasIndex(r => new { r.EnterpriseId, r.Year, r.PersonName, r.Id });

        // The year-end view's “who needs action” page, one partial index per period, in the page's order (LeaveYearEnd):
        // in the year (still employed), after the year, after the carry-over year; and the employees who left in the year.
        b.HasIndex(r => new { r.EnterpriseId, r.Year, r.InYearOwedDays, r.PersonName, r.Id }, "ix_leave_records_needing_in_year")
            .IsDescending(false, false, true, false, false)
            .HasFilter("\"InYearOwedDays\" > 0");
        b.HasIndex(r => new { r.EnterpriseId, r.Year, r.AfterYearShortfallFen, r.AfterYearOwedDays, r.PersonName, r.Id }, "ix_leave_records_needing_after_year")
            .IsDescending(false, false, true, true, false, false)
            .HasFilter("\"AfterYearOwedDays\" > 0 OR \"AfterYearShortfallFen\" > 0");
        b.HasIndex(r => new { r.EnterpriseId, r.Year, r.AfterCarryOverShortfallFen, r.PersonName, r.Id }, "ix_leave_records_needing_after_carry_over")
            .IsDescending(false, false, true, false, false)
            .HasFilter("\"AfterCarryOverShortfallFen\" > 0");
        b.HasIndex(r => new { r.EnterpriseId, r.Year, r.YearDeadline }, "ix_leave_records_leavers").HasFilter("\"LeftOn\" IS NOT NULL");
        b.HasScope(context, Rule);
    });
}
