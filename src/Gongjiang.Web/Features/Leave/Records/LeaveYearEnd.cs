using Gongjiang.Core.Leave;
using Gongjiang.Web.Features.Leave.Data;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Leave.Records;

/// <summary>
/// Where one stored record stands on a day: the period of its stored assessment that contains the day
/// (<see cref="LeaveRecord"/>), the same as <see cref="EmployerLeaveCompliance.Assess"/> on that day.
/// </summary>
public sealed class LeaveStanding
{
    public Guid Id { get; init; }

    public Guid EnterpriseId { get; init; }

    public Guid PersonId { get; init; }

    public string PersonName { get; init; } = "";

    public string IdNumberMasked { get; init; } = "";

    public int Year { get; init; }

    public int EntitledDays { get; init; }

    public int ArrangedDays { get; init; }

    public int TakenDays { get; init; }

    public int UntakenDays { get; init; }

    public LeaveYearStatus Status { get; init; }

    /// <summary>Untaken days whose deadline has not passed.</summary>
    public int OwedDays { get; init; }

    /// <summary>Untaken days past their deadline to be paid.</summary>
    public int CompensableDays { get; init; }

    public long DueFen { get; init; }

    public long PaidFen { get; init; }

    public long ShortfallFen { get; init; }

    public DateOnly YearDeadline { get; init; }

    public DateOnly CarryOverDeadline { get; init; }

    public DateOnly? LeftOn { get; init; }
}

/// <summary>An enterprise's year-end view: how many employees stand where, what is owed, on a day.</summary>
public sealed record YearEndSummary(
    Guid EnterpriseId, int Year, DateOnly AsOf, int Employees, IReadOnlyDictionary<LeaveYearStatus, int> ByStatus,
    int OwedDays, int CompensableDays, long ShortfallFen, int NeedingAction);

/// <summary>
/// The year-end view of an enterprise's leave (issue 16: “who is owed days or compensation”) — the same numbers as
/// <see cref="EmployerLeaveCompliance.Summarize"/> over the records. The counts and totals are read from
/// <see cref="LeaveYearTotal"/> (a handful of rows, kept by every write of a record); the lists are pages of the records
/// read in the order of an index of the period that stands on the day (the period's stored columns), so no call adds
/// up or sorts all of an enterprise's records.
/// </summary>
public static class LeaveYearEnd
{
    /// <summary>The records of the scope, each as it stands on <paramref name="asOf"/>.</summary>
    public static IQueryable<LeaveStanding> Standings(IQueryable<LeaveRecord> records, DateOnly asOf) =>
        records.Select(r => new LeaveStanding
        {
            Id = r.Id,
            EnterpriseId = r.EnterpriseId,
            PersonId = r.PersonId,
            PersonName = r.PersonName,
            IdNumberMasked = r.IdNumberMasked,
            Year = r.Year,
            EntitledDays = r.EntitledDays,
            ArrangedDays = r.ArrangedDays,
            TakenDays = r.TakenDays,
            UntakenDays = r.UntakenDays,
            Status = asOf <= r.YearDeadline ? r.InYearStatus : asOf <= r.CarryOverDeadline ? r.AfterYearStatus : r.AfterCarryOverStatus,
            OwedDays = asOf <= r.YearDeadline ? r.InYearOwedDays : asOf <= r.CarryOverDeadline ? r.AfterYearOwedDays : 0,
            CompensableDays = asOf <= r.YearDeadline ? 0 : asOf <= r.CarryOverDeadline ? r.AfterYearCompensableDays : r.AfterCarryOverCompensableDays,
            DueFen = asOf <= r.YearDeadline ? 0 : asOf <= r.CarryOverDeadline ? r.AfterYearDueFen : r.AfterCarryOverDueFen,
            PaidFen = r.CompensationPaidFen,
            ShortfallFen = asOf <= r.YearDeadline ? 0 : asOf <= r.CarryOverDeadline ? r.AfterYearShortfallFen : r.AfterCarryOverShortfallFen,
            YearDeadline = r.YearDeadline,
            CarryOverDeadline = r.CarryOverDeadline,
            LeftOn = r.LeftOn,
        });

    private static IQueryable<LeaveRecord> Of(GongjiangDbContext db, Guid enterpriseId, int year) =>
        db.Set<LeaveRecord>().AsNoTracking().Where(r => r.EnterpriseId == enterpriseId && r.Year == year);

    /// <summary>
    /// The total rows that add up to an enterprise's year on <paramref name="asOf"/> (see <see cref="LeaveYearTotal"/>):
    /// one per region after the year; in the year, the in-year row and the changes of the employees who left before the day.
    /// </summary>
    public static IQueryable<LeaveYearTotal> TotalsOn(IQueryable<LeaveYearTotal> totals, int year, DateOnly asOf) =>
        LeaveYearTotals.PeriodOn(year, asOf) switch
        {
            LeaveTotalKind.InYear => totals.Where(t => t.Year == year && (t.Kind == LeaveTotalKind.InYear || (t.Kind == LeaveTotalKind.LeaverChange && t.EffectiveFrom <= asOf))),
            var kind => totals.Where(t => t.Year == year && t.Kind == kind),
        };

    /// <summary>The counts by status and the totals of one enterprise's year on <paramref name="asOf"/> (from its total rows).</summary>
    public static async Task<YearEndSummary> SummaryAsync(GongjiangDbContext db, Guid enterpriseId, int year, DateOnly asOf, CancellationToken ct)
    {
        var rows = await TotalsOn(db.Set<LeaveYearTotal>().AsNoTracking().Where(t => t.EnterpriseId == enterpriseId), year, asOf).ToListAsync(ct);
        var sum = rows.Aggregate(LeaveYearTally.Zero, (total, row) => total + row.Tally);
        var byStatus = Enum.GetValues<LeaveYearStatus>().ToDictionary(s => s, sum.Count);
        return new YearEndSummary(enterpriseId, year, asOf, sum.Employees, byStatus, sum.OwedDays, sum.CompensableDays, sum.Shortfall.Fen, sum.NeedingAction);
    }

    /// <summary>The years an enterprise has records of (in scope), newest first.</summary>
    public static Task<List<int>> YearsAsync(GongjiangDbContext db, Guid enterpriseId, CancellationToken ct) =>
        db.Set<LeaveYearTotal>().AsNoTracking().Where(t => t.EnterpriseId == enterpriseId && t.Kind == LeaveTotalKind.InYear)
            .Select(t => t.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);

    /// <summary>
    /// Who needs action (owed days or a shortfall), shortfall first (largest first), then owed days, then name — a page;
    /// <paramref name="total"/> from <see cref="YearEndSummary.NeedingAction"/>. After the year every record is in the
    /// same period and the page is read in the order of that period's partial index; in the year, the employees still
    /// employed (in-year index) and those who left before the day (after-year figures) are two ordered, limited reads
    /// merged by the database.
    /// </summary>
    public static async Task<Paged<LeaveStanding>> NeedingActionAsync(
        GongjiangDbContext db, Guid enterpriseId, int year, DateOnly asOf, PageRequest page, int total, CancellationToken ct)
    {
        var records = Of(db, enterpriseId, year);
        List<LeaveStanding> items;
        if (total == 0)
        {
            items = [];
        }
        else if (LeaveYearTotals.PeriodOn(year, asOf) == LeaveTotalKind.AfterCarryOver)
        {
            items = await Standings(records.Where(r => r.AfterCarryOverShortfallFen > 0)
                    .OrderByDescending(r => r.AfterCarryOverShortfallFen).ThenBy(r => r.PersonName).ThenBy(r => r.Id)
                    .Skip(page.Skip).Take(page.PageSize), asOf)
                .ToListAsync(ct);
        }
        else if (LeaveYearTotals.PeriodOn(year, asOf) == LeaveTotalKind.AfterYear)
        {
            items = await Standings(AfterYearNeeding(records)
                    .OrderByDescending(r => r.AfterYearShortfallFen).ThenByDescending(r => r.AfterYearOwedDays).ThenBy(r => r.PersonName).ThenBy(r => r.Id)
                    .Skip(page.Skip).Take(page.PageSize), asOf)
                .ToListAsync(ct);
        }
        else
        {
            var limit = page.Skip + page.PageSize;
            var employed = Standings(records.Where(r => r.YearDeadline >= asOf && r.InYearOwedDays > 0)
                .OrderByDescending(r => r.InYearOwedDays).ThenBy(r => r.PersonName).ThenBy(r => r.Id).Take(limit), asOf);
            var left = Standings(AfterYearNeeding(records.Where(r => r.LeftOn != null && r.YearDeadline < asOf))
                .OrderByDescending(r => r.AfterYearShortfallFen).ThenByDescending(r => r.AfterYearOwedDays).ThenBy(r => r.PersonName).ThenBy(r => r.Id)
                .Take(limit), asOf);
            items = await employed.Concat(left)
                .OrderByDescending(s => s.ShortfallFen).ThenByDescending(s => s.OwedDays).ThenBy(s => s.PersonName).ThenBy(s => s.Id)
                .Skip(page.Skip).Take(page.PageSize)
                .ToListAsync(ct);
        }

        return new Paged<LeaveStanding>(items, total, page.Page, page.PageSize);
    }

    private static IQueryable<LeaveRecord> AfterYearNeeding(IQueryable<LeaveRecord> records) =>
        records.Where(r => r.AfterYearOwedDays > 0 || r.AfterYearShortfallFen > 0);

    /// <summary>
    /// Every record of the year (optionally of one status), by name — a page, in the order of the (enterprise, year,
    /// name, id) index. <paramref name="knownTotal"/>: the count when the caller has it already (<see cref="YearEndSummary"/>);
    /// otherwise it is read from the totals.
    /// </summary>
    public static async Task<Paged<LeaveStanding>> ListAsync(
        GongjiangDbContext db, Guid enterpriseId, int year, DateOnly asOf, LeaveYearStatus? status, PageRequest page, CancellationToken ct, int? knownTotal = null)
    {
        var records = Of(db, enterpriseId, year);
        if (status is { } s)
        {
            records = LeaveYearTotals.PeriodOn(year, asOf) switch
            {
                LeaveTotalKind.AfterCarryOver => records.Where(r => r.AfterCarryOverStatus == s),
                LeaveTotalKind.AfterYear => records.Where(r => r.AfterYearStatus == s),
                _ => records.Where(r => (r.YearDeadline >= asOf && r.InYearStatus == s) || (r.YearDeadline < asOf && r.AfterYearStatus == s)),
            };
        }

        int total;
        if (knownTotal is { } known)
        {
            total = known;
        }
        else
        {
            var summary = await SummaryAsync(db, enterpriseId, year, asOf, ct);
            total = status is { } st ? summary.ByStatus[st] : summary.Employees;
        }

        var items = total == 0 ? [] : await Standings(records.OrderBy(r => r.PersonName).ThenBy(r => r.Id).Skip(page.Skip).Take(page.PageSize), asOf).ToListAsync(ct);
        return new Paged<LeaveStanding>(items, total, page.Page, page.PageSize);
    }

    /// <summary>A worker's records (every year, every employer in scope), newest year first.</summary>
    public static Task<List<LeaveStanding>> OfPersonAsync(GongjiangDbContext db, Guid personId, DateOnly asOf, CancellationToken ct) =>
        Standings(db.Set<LeaveRecord>().AsNoTracking().Where(r => r.PersonId == personId), asOf)
            .OrderByDescending(s => s.Year).ThenBy(s => s.EnterpriseId)
            .ToListAsync(ct);
}
