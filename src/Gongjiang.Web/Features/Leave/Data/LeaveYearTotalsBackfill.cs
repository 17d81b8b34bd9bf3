namespace Gongjiang.Web.Features.Leave.Data;

/// <summary>
/// The SQL that fills <see cref="LeaveYearTotal"/> from the stored records — the same sums as
/// <see cref="LeaveYearTotals.Contributions"/> — run by the migration that adds the table (records saved before it), per
/// provider. Frozen with that migration: a later change of the totals needs a migration of its own. A test runs it
/// against records saved through the app and compares with the totals the saves kept.
/// </summary>
public static class LeaveYearTotalsBackfill
{
    // One row per record and period: (sign, status, owed days, compensable days, due, paid, shortfall) — the leaver
    // change is the after-year figures (+1) and the in-year ones (−1) of a record whose deadline is before 31 December.
    private const string Aggregates = """
        SUM(c.sign),
        SUM(CASE WHEN c.status = 1 THEN c.sign ELSE 0 END),
        SUM(CASE WHEN c.status = 2 THEN c.sign ELSE 0 END),
        SUM(CASE WHEN c.status = 3 THEN c.sign ELSE 0 END),
        SUM(CASE WHEN c.status = 4 THEN c.sign ELSE 0 END),
        SUM(CASE WHEN c.status = 5 THEN c.sign ELSE 0 END),
        SUM(CASE WHEN c.status = 6 THEN c.sign ELSE 0 END),
        SUM(CASE WHEN c.status = 7 THEN c.sign ELSE 0 END),
        SUM(c.sign * c.owed),
        SUM(c.sign * c.comp),
        SUM(c.sign * c.shortfall),
        SUM(CASE WHEN c.owed > 0 OR c.shortfall > 0 THEN c.sign ELSE 0 END),
        SUM(CASE WHEN c.status = 7 AND c.paid = 0 THEN c.sign ELSE 0 END),
        SUM(CASE WHEN c.status = 7 THEN c.sign * c.comp ELSE 0 END),
        SUM(CASE WHEN c.status = 7 THEN c.sign * c.due ELSE 0 END)
        """;

    private const string Columns = """
        "Id", "EnterpriseId", "Year", "RegionCode", "Kind", "EffectiveFrom", "Employees", "Taken", "Scheduled", "Outstanding", "CarriedOver",
        "WrittenRefusal", "Compensated", "CompensationOwed", "OwedDays", "CompensableDays", "ShortfallFen", "NeedingAction", "OwedNothingPaid",
        "OwedCompensableDays", "OwedDueFen"
        """;

    private const string ZeroRows = """
        "Employees" = 0 AND "Taken" = 0 AND "Scheduled" = 0 AND "Outstanding" = 0 AND "CarriedOver" = 0 AND "WrittenRefusal" = 0 AND "Compensated" = 0
        AND "CompensationOwed" = 0 AND "OwedDays" = 0 AND "CompensableDays" = 0 AND "ShortfallFen" = 0 AND "NeedingAction" = 0 AND "OwedNothingPaid" = 0
        AND "OwedCompensableDays" = 0 AND "OwedDueFen" = 0
        """;

    /// <summary>PostgreSQL (schema <c>leave</c>).</summary>
    public const string Postgres = $"""
        INSERT INTO leave.leave_year_totals ({Columns})
        SELECT gen_random_uuid(), c."EnterpriseId", c."Year", c."RegionCode", c.kind, c.effective, {Aggregates}
        FROM (
            SELECT "EnterpriseId", "Year", "RegionCode", 0 AS kind, DATE '0001-01-01' AS effective, 1 AS sign, "InYearStatus" AS status,
                "InYearOwedDays" AS owed, 0 AS comp, 0::bigint AS due, "CompensationPaidFen" AS paid, 0::bigint AS shortfall
            FROM leave.leave_records
            UNION ALL
            SELECT "EnterpriseId", "Year", "RegionCode", 1, make_date("Year" + 1, 1, 1), 1, "AfterYearStatus", "AfterYearOwedDays",
                "AfterYearCompensableDays", "AfterYearDueFen", "CompensationPaidFen", "AfterYearShortfallFen"
            FROM leave.leave_records
            UNION ALL
            SELECT "EnterpriseId", "Year", "RegionCode", 2, "CarryOverDeadline" + 1, 1, "AfterCarryOverStatus", 0,
                "AfterCarryOverCompensableDays", "AfterCarryOverDueFen", "CompensationPaidFen", "AfterCarryOverShortfallFen"
            FROM leave.leave_records
            UNION ALL
            SELECT "EnterpriseId", "Year", "RegionCode", 3, "YearDeadline" + 1, 1, "AfterYearStatus", "AfterYearOwedDays",
                "AfterYearCompensableDays", "AfterYearDueFen", "CompensationPaidFen", "AfterYearShortfallFen"
            FROM leave.leave_records WHERE "YearDeadline" < make_date("Year", 12, 31)
            UNION ALL
            SELECT "EnterpriseId", "Year", "RegionCode", 3, "YearDeadline" + 1, -1, "InYearStatus", "InYearOwedDays", 0, 0::bigint,
                "CompensationPaidFen", 0::bigint
            FROM leave.leave_records WHERE "YearDeadline" < make_date("Year", 12, 31)
        ) c
        GROUP BY c."EnterpriseId", c."Year", c."RegionCode", c.kind, c.effective;
        DELETE FROM leave.leave_year_totals WHERE {ZeroRows};
        """;

    /// <summary>SQLite (dates as “yyyy-MM-dd” text, ids as upper-case text).</summary>
    public const string Sqlite = $"""
        INSERT INTO leave_year_totals ({Columns})
        SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2) || '-' || '8' || substr(hex(randomblob(2)), 2)
                || '-' || hex(randomblob(6))),
            c."EnterpriseId", c."Year", c."RegionCode", c.kind, c.effective, {Aggregates}
        FROM (
            SELECT "EnterpriseId", "Year", "RegionCode", 0 AS kind, '0001-01-01' AS effective, 1 AS sign, "InYearStatus" AS status,
                "InYearOwedDays" AS owed, 0 AS comp, 0 AS due, "CompensationPaidFen" AS paid, 0 AS shortfall
            FROM leave_records
            UNION ALL
            SELECT "EnterpriseId", "Year", "RegionCode", 1, printf('%04d-01-01', "Year" + 1), 1, "AfterYearStatus", "AfterYearOwedDays",
                "AfterYearCompensableDays", "AfterYearDueFen", "CompensationPaidFen", "AfterYearShortfallFen"
            FROM leave_records
            UNION ALL
            SELECT "EnterpriseId", "Year", "RegionCode", 2, date("CarryOverDeadline", '+1 day'), 1, "AfterCarryOverStatus", 0,
                "AfterCarryOverCompensableDays", "AfterCarryOverDueFen", "CompensationPaidFen", "AfterCarryOverShortfallFen"
            FROM leave_records
            UNION ALL
            SELECT "EnterpriseId", "Year", "RegionCode", 3, date("YearDeadline", '+1 day'), 1, "AfterYearStatus", "AfterYearOwedDays",
                "AfterYearCompensableDays", "AfterYearDueFen", "CompensationPaidFen", "AfterYearShortfallFen"
            FROM leave_records WHERE "YearDeadline" < printf('%04d-12-31', "Year")
            UNION ALL
            SELECT "EnterpriseId", "Year", "RegionCode", 3, date("YearDeadline", '+1 day'), -1, "InYearStatus", "InYearOwedDays", 0, 0,
                "CompensationPaidFen", 0
            FROM leave_records WHERE "YearDeadline" < printf('%04d-12-31', "Year")
        ) c
        GROUP BY c."EnterpriseId", c."Year", c."RegionCode", c.kind, c.effective;
        DELETE FROM leave_year_totals WHERE {ZeroRows};
        """;
}
