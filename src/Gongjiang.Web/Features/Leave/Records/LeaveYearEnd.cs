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
/// The year-end view of an enterprise's leave (issue 16: “who is owed days or compensation”), added up in SQL from the
/// stored assessments — the same numbers as <see cref="EmployerLeaveCompliance.Summarize"/> over the records.
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

    /// <summary>The counts by status and the totals of one enterprise's year on <paramref name="asOf"/> (one grouped query).</summary>
    public static async Task<YearEndSummary> SummaryAsync(GongjiangDbContext db, Guid enterpriseId, int year, DateOnly asOf, CancellationToken ct)
    {
        var groups = await Standings(Of(db, enterpriseId, year), asOf)
            .GroupBy(s => s.Status)
            .Select(g => new
            {
                Status = g.Key,
                Count = g.Count(),
                Owed = g.Sum(s => s.OwedDays),
                Compensable = g.Sum(s => s.CompensableDays),
                Shortfall = g.Sum(s => s.ShortfallFen),
                Needing = g.Count(s => s.OwedDays > 0 || s.ShortfallFen > 0),
            })
            .ToListAsync(ct);
        var byStatus = Enum.GetValues<LeaveYearStatus>().ToDictionary(s => s, s => groups.Where(g => g.Status == s).Sum(g => g.Count));
        return new YearEndSummary(enterpriseId, year, asOf, groups.Sum(g => g.Count), byStatus, groups.Sum(g => g.Owed), groups.Sum(g => g.Compensable),
            groups.Sum(g => g.Shortfall), groups.Sum(g => g.Needing));
    }

    /// <summary>
    /// Who needs action (owed days or a shortfall), shortfall first (largest first), then owed days, then name — a page;
    /// <paramref name="total"/> from <see cref="YearEndSummary.NeedingAction"/>.
    /// </summary>
    public static async Task<Paged<LeaveStanding>> NeedingActionAsync(
        GongjiangDbContext db, Guid enterpriseId, int year, DateOnly asOf, PageRequest page, int total, CancellationToken ct)
    {
        var items = await Standings(Of(db, enterpriseId, year), asOf)
            .Where(s => s.OwedDays > 0 || s.ShortfallFen > 0)
            .OrderByDescending(s => s.ShortfallFen).ThenByDescending(s => s.OwedDays).ThenBy(s => s.PersonName).ThenBy(s => s.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .ToListAsync(ct);
        return new Paged<LeaveStanding>(items, total, page.Page, page.PageSize);
    }

    /// <summary>
    /// Every record of the year (optionally of one status), by name — a page. <paramref name="knownTotal"/>: the count
    /// when the caller has it already (<see cref="YearEndSummary"/>), which saves counting again.
    /// </summary>
    public static async Task<Paged<LeaveStanding>> ListAsync(
        GongjiangDbContext db, Guid enterpriseId, int year, DateOnly asOf, LeaveYearStatus? status, PageRequest page, CancellationToken ct, int? knownTotal = null)
    {
        var query = Standings(Of(db, enterpriseId, year), asOf);
        if (status is { } s)
        {
            query = query.Where(x => x.Status == s);
        }

        var total = knownTotal ?? await query.CountAsync(ct);
        var items = await query.OrderBy(x => x.PersonName).ThenBy(x => x.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Paged<LeaveStanding>(items, total, page.Page, page.PageSize);
    }

    /// <summary>A worker's records (every year, every employer in scope), newest year first.</summary>
    public static Task<List<LeaveStanding>> OfPersonAsync(GongjiangDbContext db, Guid personId, DateOnly asOf, CancellationToken ct) =>
        Standings(db.Set<LeaveRecord>().AsNoTracking().Where(r => r.PersonId == personId), asOf)
            .OrderByDescending(s => s.Year).ThenBy(s => s.EnterpriseId)
            .ToListAsync(ct);
}
