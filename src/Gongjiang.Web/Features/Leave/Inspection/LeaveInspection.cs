using Gongjiang.Core.Access;
using Gongjiang.Core.Reference;
using Gongjiang.Web.Features.Leave.Data;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Gongjiang.Web.Features.Leave.Inspection;

/// <summary>
/// One enterprise on the labour-inspection list: employees whose untaken leave is past its deadline and whose
/// compensation (the 200 % extra of 条例 art 5) is not (fully) paid, on the day judged.
/// </summary>
/// <param name="EnterpriseId">The enterprise.</param>
/// <param name="EnterpriseName">Its name (from the registry).</param>
/// <param name="RegionCode">Its region.</param>
/// <param name="RegionName">The region's name.</param>
/// <param name="EmployeesRecorded">Employees with a record for the year.</param>
/// <param name="EmployeesOwed">Of them, owed compensation.</param>
/// <param name="NothingPaid">Of those, paid nothing at all.</param>
/// <param name="UntakenDays">Their untaken days past the deadline.</param>
/// <param name="DueFen">The compensation due for those days.</param>
/// <param name="ShortfallFen">Still owed (分).</param>
/// <param name="DamagesIfNotCorrectedFen">条例 art 7, 办法 art 15: damages of the same amount if not corrected after an order.</param>
public sealed record InspectionItem(
    Guid EnterpriseId, string EnterpriseName, string RegionCode, string RegionName, int EmployeesRecorded, int EmployeesOwed, int NothingPaid,
    int UntakenDays, long DueFen, long ShortfallFen, long DamagesIfNotCorrectedFen);

/// <summary>The list for a jurisdiction, a year and a day, with its totals.</summary>
public sealed record InspectionList(int Year, DateOnly AsOf, string RegionCode, int Enterprises, int EmployeesOwed, long ShortfallFen, Paged<InspectionItem> Page);

/// <summary>
/// The labour inspector's list (劳动保障监察, policy 六(四)) of the actor's jurisdiction: enterprises with employees whose
/// untaken leave of <c>year</c> is past its deadline and not (fully) compensated on <c>asOf</c>, most owed first — the
/// same as <c>EmployerLeaveCompliance.InspectionList</c>, read from <see cref="LeaveYearTotal"/>: after the year, the
/// rows of the period that stands on the day with someone owed, in the order of a partial index (a page is a LIMIT on
/// it, the totals one pass over those rows, about one per enterprise); in the year only employees who left before the
/// day can be owed, and their <see cref="LeaveTotalKind.LeaverChange"/> rows are added up per enterprise.
/// </summary>
public static class LeaveInspection
{
    /// <summary>At most this many enterprises in one export.</summary>
    public const int ExportCap = 50_000;

    /// <summary>Validates the optional region filter: a code inside the actor's jurisdiction, as its prefix.</summary>
    public static string? RegionPrefix(string? region, Jurisdiction jurisdiction, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            return null;
        }

        var parsed = Jurisdiction.Parse(region.Trim());
        if (!parsed.IsValid)
        {
            errors.Add("region", "地区（region）应为6位行政区划代码，如 440300");
            return null;
        }

        if (!jurisdiction.Contains(parsed.Value.Code))
        {
            errors.Add("region", $"地区{parsed.Value.Code}不在您的管辖范围内");
            return null;
        }

        return parsed.Value.Prefix;
    }

    /// <summary>A page of the list with the totals of the whole list.</summary>
    public static async Task<InspectionList> ListAsync(
        GongjiangDbContext db, IEmploymentDirectory directory, int year, DateOnly asOf, string? regionPrefix, PageRequest page, CancellationToken ct)
    {
        int enterprises, employees;
        long shortfall;
        List<Group> rows;
        if (LeaveYearTotals.PeriodOn(year, asOf) is var kind && kind != LeaveTotalKind.InYear)
        {
            var owed = Owed(db, year, kind, regionPrefix);
            var totals = await owed
                .GroupBy(_ => 1)
                .Select(g => new { Employees = g.Sum(t => t.CompensationOwed), Shortfall = g.Sum(t => t.ShortfallFen), Enterprises = g.Select(t => t.EnterpriseId).Distinct().Count() })
                .FirstOrDefaultAsync(ct);
            (enterprises, employees, shortfall) = (totals?.Enterprises ?? 0, totals?.Employees ?? 0, totals?.Shortfall ?? 0);
            rows = enterprises == 0 ? [] : await Page(owed).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        }
        else
        {
            var all = await LeaversOwed(db, year, asOf, regionPrefix).ToListAsync(ct);
            (enterprises, employees, shortfall) = (all.Select(r => r.EnterpriseId).Distinct().Count(), all.Sum(r => r.Employees), all.Sum(r => r.Shortfall));
            rows = [.. all.Skip(page.Skip).Take(page.PageSize)];
        }

        var items = await DescribeAsync(db, directory, year, rows, ct);
        return new InspectionList(year, asOf, regionPrefix ?? db.Actor.Jurisdiction.Code, enterprises, employees, shortfall,
            new Paged<InspectionItem>(items, enterprises, page.Page, page.PageSize));
    }

    /// <summary>The whole list (up to <see cref="ExportCap"/> enterprises) as XLSX, audited as an export.</summary>
    public static async Task<byte[]> ExportAsync(
        GongjiangDbContext db, IEmploymentDirectory directory, int year, DateOnly asOf, string? regionPrefix, CancellationToken ct)
    {
        var rows = await Grouped(db, year, asOf, regionPrefix).Take(ExportCap).ToListAsync(ct);
        var items = await DescribeAsync(db, directory, year, rows, ct);
        var sheet = items.Select(i => new Dictionary<string, object?>
        {
            ["用人单位"] = SpreadsheetText.Defuse(i.EnterpriseName),
            ["所在地区"] = SpreadsheetText.Defuse(i.RegionName),
            ["行政区划代码"] = i.RegionCode,
            ["登记人数"] = i.EmployeesRecorded,
            ["欠付报酬人数"] = i.EmployeesOwed,
            ["其中分文未付人数"] = i.NothingPaid,
            ["逾期应休未休天数"] = i.UntakenDays,
            ["应付报酬（元）"] = i.DueFen * 0.01m,
            ["尚欠报酬（元）"] = i.ShortfallFen * 0.01m,
            ["逾期不改正应加付赔偿金（元）"] = i.DamagesIfNotCorrectedFen * 0.01m,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: $"{year}年度年休假执法检查", cancellationToken: ct);
        await db.RecordAsync(new AuditEvent(AuditActions.Export, "LeaveInspection", $"{year}",
            Detail: $"导出{year}年度带薪年休假执法检查清单（截至{LeaveText.Date(asOf)}，地区{regionPrefix ?? db.Actor.Jurisdiction.Code}），{items.Count}家用人单位"), ct);
        return stream.ToArray();
    }

    private sealed class Group
    {
        public Guid EnterpriseId { get; init; }

        public string RegionCode { get; init; } = "";

        public int Employees { get; init; }

        public int NothingPaid { get; init; }

        public int Days { get; init; }

        public long Due { get; init; }

        public long Shortfall { get; init; }
    }

    /// <summary>After the year: the total rows of the period with someone owed (one per enterprise and region).</summary>
    private static IQueryable<LeaveYearTotal> Owed(GongjiangDbContext db, int year, LeaveTotalKind kind, string? regionPrefix)
    {
        var totals = db.Set<LeaveYearTotal>().AsNoTracking().Where(t => t.Year == year && t.Kind == kind && t.CompensationOwed > 0);
        return string.IsNullOrEmpty(regionPrefix) ? totals : totals.Where(t => t.RegionCode.StartsWith(regionPrefix));
    }

    private static IQueryable<Group> Page(IQueryable<LeaveYearTotal> owed) =>
        owed.OrderByDescending(t => t.ShortfallFen).ThenBy(t => t.EnterpriseId)
            .Select(t => new Group
            {
                EnterpriseId = t.EnterpriseId,
                RegionCode = t.RegionCode,
                Employees = t.CompensationOwed,
                NothingPaid = t.OwedNothingPaid,
                Days = t.OwedCompensableDays,
                Due = t.OwedDueFen,
                Shortfall = t.ShortfallFen,
            });

    /// <summary>In the year: the changes of the employees who left before the day, per enterprise and region, those owed, most owed first.</summary>
    private static IQueryable<Group> LeaversOwed(GongjiangDbContext db, int year, DateOnly asOf, string? regionPrefix)
    {
        var changes = db.Set<LeaveYearTotal>().AsNoTracking().Where(t => t.Year == year && t.Kind == LeaveTotalKind.LeaverChange && t.EffectiveFrom <= asOf);
        if (!string.IsNullOrEmpty(regionPrefix))
        {
            changes = changes.Where(t => t.RegionCode.StartsWith(regionPrefix));
        }

        return changes
            .GroupBy(t => new { t.EnterpriseId, t.RegionCode })
            .Select(g => new Group
            {
                EnterpriseId = g.Key.EnterpriseId,
                RegionCode = g.Key.RegionCode,
                Employees = g.Sum(t => t.CompensationOwed),
                NothingPaid = g.Sum(t => t.OwedNothingPaid),
                Days = g.Sum(t => t.OwedCompensableDays),
                Due = g.Sum(t => t.OwedDueFen),
                Shortfall = g.Sum(t => t.ShortfallFen),
            })
            .Where(g => g.Employees > 0)
            .OrderByDescending(g => g.Shortfall).ThenBy(g => g.EnterpriseId);
    }

    private static IQueryable<Group> Grouped(GongjiangDbContext db, int year, DateOnly asOf, string? regionPrefix) =>
        LeaveYearTotals.PeriodOn(year, asOf) is var kind && kind != LeaveTotalKind.InYear
            ? Page(Owed(db, year, kind, regionPrefix))
            : LeaversOwed(db, year, asOf, regionPrefix);

    private static async Task<List<InspectionItem>> DescribeAsync(GongjiangDbContext db, IEmploymentDirectory directory, int year, List<Group> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.EnterpriseId).ToList();
        var recorded = new Dictionary<Guid, int>();
        foreach (var chunk in ids.Chunk(500))
        {
            var list = chunk.ToList();
            foreach (var c in await db.Set<LeaveYearTotal>().AsNoTracking().Where(t => t.Year == year && t.Kind == LeaveTotalKind.InYear && list.Contains(t.EnterpriseId))
                .GroupBy(t => t.EnterpriseId).Select(g => new { g.Key, Count = g.Sum(t => t.Employees) }).ToListAsync(ct))
            {
                recorded[c.Key] = c.Count;
            }
        }

        var names = await directory.EnterprisesAsync(ids, ct);
        return [.. rows.Select(r => new InspectionItem(
            r.EnterpriseId,
            names.TryGetValue(r.EnterpriseId, out var e) ? e.Name : "（未找到该用人单位）",
            r.RegionCode,
            RegionCatalog.Default.FullName(r.RegionCode),
            recorded.GetValueOrDefault(r.EnterpriseId),
            r.Employees,
            r.NothingPaid,
            r.Days,
            r.Due,
            r.Shortfall,
            r.Shortfall))];
    }
}
