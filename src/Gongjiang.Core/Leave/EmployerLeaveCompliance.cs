using Gongjiang.Core.Common;
using static Gongjiang.Core.Leave.AnnualLeaveRules;

namespace Gongjiang.Core.Leave;

/// <summary>
/// One employee's annual leave for one year as the employer records it (form, import or API).
/// </summary>
/// <param name="EmployeeId">The employee's id in the platform (modules refer to each other by id).</param>
/// <param name="Year">The leave year (办法 art 18).</param>
/// <param name="EntitledDays">应休天数 for the year at this employer (what <see cref="AnnualLeaveCalculator"/> gives).</param>
/// <param name="ArrangedDays">已安排天数 (planned or taken); a written refusal covers only arranged days (办法 art 10 ¶2).</param>
/// <param name="TakenDays">已休天数 of this year's leave, in the year.</param>
/// <param name="AverageMonthlyWage">Average monthly wage of the previous 12 months without overtime (办法 art 11).</param>
/// <param name="CompensationPaid">未休年休假工资报酬 paid on top of the normal pay (the 200 % part), in total.</param>
/// <param name="WrittenRefusal">The worker refused arranged leave in writing for personal reasons (办法 art 10 ¶2).</param>
/// <param name="CarriedOverDays">Days carried into the next year with the worker's consent (条例 art 5, 办法 art 9).</param>
/// <param name="CarriedOverTakenDays">Of <paramref name="CarriedOverDays"/>, the days taken by the end of the next year.</param>
/// <param name="LeftOn">The day the contract ended, if it did; untaken days are then paid at once (办法 art 12).</param>
public sealed record EmployeeLeaveRecord(
    string EmployeeId,
    int Year,
    int EntitledDays,
    int ArrangedDays,
    int TakenDays,
    Money AverageMonthlyWage,
    Money CompensationPaid,
    bool WrittenRefusal,
    int CarriedOverDays = 0,
    int CarriedOverTakenDays = 0,
    DateOnly? LeftOn = null);

/// <summary>Where an employee's leave of a year stands on a day. Stored; never renumber.</summary>
public enum LeaveYearStatus
{
    /// <summary>已休满: nothing untaken.</summary>
    Taken = 1,

    /// <summary>已安排待休: the year is not over and the arranged days cover the entitlement.</summary>
    Scheduled = 2,

    /// <summary>尚未安排: the year is not over and days remain to be arranged (owed days, not yet a breach).</summary>
    Outstanding = 3,

    /// <summary>跨年度安排: untaken days carried into the next year with consent, still within it.</summary>
    CarriedOver = 4,

    /// <summary>书面放弃: untaken days the worker refused in writing; only the normal pay is owed (办法 art 10 ¶2).</summary>
    WrittenRefusal = 5,

    /// <summary>已足额支付报酬: untaken days past their deadline, paid at 200 % extra.</summary>
    Compensated = 6,

    /// <summary>欠付报酬: untaken days past their deadline and the 200 % extra not (fully) paid — a breach of 条例 art 5.</summary>
    CompensationOwed = 7,
}

/// <summary>
/// The numbers of an employee's leave year on a day (<see cref="EmployerLeaveCompliance.Assess"/>): what a year-end
/// view or an inspection list adds up, and what Web may store per record. Invariants: <see cref="Shortfall"/> = max(0,
/// <see cref="CompensationDue"/> − <see cref="CompensationPaid"/>); <see cref="Status"/> is
/// <see cref="LeaveYearStatus.CompensationOwed"/> exactly when <see cref="Shortfall"/> &gt; 0; the status can change
/// only on the day after <see cref="YearDeadline"/> or after <see cref="CarryOverDeadline"/>.
/// </summary>
/// <param name="EmployeeId">Whose.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="UntakenDays">Entitled − taken, never negative.</param>
/// <param name="CarriedOverDays">Of those, carried into the next year with consent (none for a leaver of the year).</param>
/// <param name="CarriedOverTakenDays">Of those, taken in the next year.</param>
/// <param name="OwedDays">Untaken days whose deadline has not passed.</param>
/// <param name="CompensableDays">Untaken days past their deadline that must be paid (not refused in writing).</param>
/// <param name="RefusedDays">Untaken days past their deadline that the worker refused in writing after they were arranged.</param>
/// <param name="CompensationDue">The 200 % extra due for <see cref="CompensableDays"/>.</param>
/// <param name="CompensationPaid">As recorded (never negative).</param>
/// <param name="Shortfall">Still owed.</param>
/// <param name="YearDeadline">31 December of the year, or the leaving day if earlier (办法 art 10, 12).</param>
/// <param name="CarryOverDeadline">31 December of the next year (条例 art 5).</param>
public readonly record struct LeaveYearAssessment(
    string EmployeeId,
    LeaveYearStatus Status,
    int UntakenDays,
    int CarriedOverDays,
    int CarriedOverTakenDays,
    int OwedDays,
    int CompensableDays,
    int RefusedDays,
    Money CompensationDue,
    Money CompensationPaid,
    Money Shortfall,
    DateOnly YearDeadline,
    DateOnly CarryOverDeadline)
{
    /// <summary>No breach: every status except <see cref="LeaveYearStatus.CompensationOwed"/>.</summary>
    public bool IsCompliant => Status != LeaveYearStatus.CompensationOwed;
}

/// <summary>
/// An employee's leave of a year on <see cref="AsOf"/>. Invariants: <see cref="Shortfall"/> = max(0,
/// <see cref="CompensationDue"/> − <see cref="CompensationPaid"/>); <see cref="Status"/> is
/// <see cref="LeaveYearStatus.CompensationOwed"/> exactly when <see cref="Shortfall"/> &gt; 0.
/// </summary>
/// <param name="EmployeeId">Whose.</param>
/// <param name="Year">The leave year.</param>
/// <param name="AsOf">The day judged.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="OwedDays">Untaken days whose deadline has not passed (to arrange in the year, or carried over).</param>
/// <param name="CompensableDays">Untaken days past their deadline (31 December, the end of the carry-over year, or the leaving day).</param>
/// <param name="CompensationDue">The 200 % extra due for <see cref="CompensableDays"/> not refused in writing.</param>
/// <param name="CompensationPaid">As recorded.</param>
/// <param name="Shortfall">What is still owed.</param>
/// <param name="Rules">Each rule applied, with its article.</param>
public sealed record EmployeeLeaveStatus(
    string EmployeeId,
    int Year,
    DateOnly AsOf,
    LeaveYearStatus Status,
    int OwedDays,
    int CompensableDays,
    Money CompensationDue,
    Money CompensationPaid,
    Money Shortfall,
    IReadOnlyList<RuleOutcome> Rules)
{
    /// <summary>No breach: every status except <see cref="LeaveYearStatus.CompensationOwed"/>.</summary>
    public bool IsCompliant => Status != LeaveYearStatus.CompensationOwed;
}

/// <summary>An enterprise's records of one leave year, for the labour-inspection list.</summary>
/// <param name="EnterpriseId">The enterprise's id.</param>
/// <param name="EnterpriseName">Its name, as shown to the inspector.</param>
/// <param name="RegionCode">Its GB/T 2260 region (the caller applies the jurisdiction).</param>
/// <param name="Records">One record per employee for the year.</param>
public sealed record EnterpriseLeaveRecords(string EnterpriseId, string EnterpriseName, string RegionCode, IReadOnlyList<EmployeeLeaveRecord> Records);

/// <summary>An employee on the inspection list: untaken leave past its deadline and the compensation not (fully) paid.</summary>
/// <param name="EmployeeId">Whose.</param>
/// <param name="UntakenDays">Untaken days past their deadline (not refused in writing).</param>
/// <param name="CompensationDue">The 200 % extra due.</param>
/// <param name="CompensationPaid">Paid so far.</param>
/// <param name="Shortfall">Still owed.</param>
/// <param name="NothingPaid">True when nothing at all was paid.</param>
public sealed record InspectionEmployee(string EmployeeId, int UntakenDays, Money CompensationDue, Money CompensationPaid, Money Shortfall, bool NothingPaid);

/// <summary>
/// One enterprise on the labour inspector's list (policy 六(四): 加强劳动执法监察). Invariant: <see cref="Employees"/> is
/// not empty, and <see cref="TotalOwed"/> is the sum of their shortfalls.
/// </summary>
/// <param name="EnterpriseId">The enterprise.</param>
/// <param name="EnterpriseName">Its name.</param>
/// <param name="RegionCode">Its region.</param>
/// <param name="EmployeesRecorded">Employees with a record for the year.</param>
/// <param name="Employees">Those owed compensation, most owed first, then by id.</param>
/// <param name="UntakenDays">Their untaken days.</param>
/// <param name="TotalOwed">Their shortfalls added.</param>
/// <param name="DamagesIfNotCorrected">
/// 条例 art 7, 办法 art 15: if not corrected by the deadline an order sets, the employer also pays damages (赔偿金) of the
/// same amount — shown so the inspector sees the stake; not owed until then.
/// </param>
public sealed record InspectionEntry(
    string EnterpriseId,
    string EnterpriseName,
    string RegionCode,
    int EmployeesRecorded,
    IReadOnlyList<InspectionEmployee> Employees,
    int UntakenDays,
    Money TotalOwed,
    Money DamagesIfNotCorrected);

/// <summary>An employer's year-end view: how many employees stand where, and who needs action.</summary>
/// <param name="Year">The leave year.</param>
/// <param name="AsOf">The day judged.</param>
/// <param name="Employees">Records judged.</param>
/// <param name="ByStatus">How many employees are in each status (every status present, zero when none).</param>
/// <param name="OwedDays">Untaken days still to arrange (not yet past their deadline).</param>
/// <param name="TotalShortfall">Compensation still owed.</param>
/// <param name="NeedingAction">
/// Employees with owed days or a shortfall, shortfall first (largest first), then owed days, then id; numbers only —
/// <see cref="EmployerLeaveCompliance.Evaluate"/> explains one.
/// </param>
public sealed record EnterpriseLeaveSummary(
    int Year,
    DateOnly AsOf,
    int Employees,
    IReadOnlyDictionary<LeaveYearStatus, int> ByStatus,
    int OwedDays,
    Money TotalShortfall,
    IReadOnlyList<LeaveYearAssessment> NeedingAction);

/// <summary>
/// The employer side of paid annual leave: an employee's status for a year on a day, the enterprise's year-end view, and
/// the labour inspector's list. Deadlines: this year's untaken days are due in the year (办法 art 10: “应当在本年度内…支付”),
/// or on leaving (办法 art 12); days carried over with consent (条例 art 5, 办法 art 9) by the end of the next year.
/// Untaken days past their deadline are owed 200 % of the daily wage on top of the normal pay (条例 art 5), except those
/// the worker refused in writing after the employer arranged them (办法 art 10 ¶2).
/// </summary>
public static class EmployerLeaveCompliance
{
    /// <summary>Request field names of <see cref="EmployeeLeaveRecord"/> (camelCase), for <see cref="LeaveInputError.Field"/>.</summary>
    public static class Fields
    {
        public const string Year = "year";
        public const string EntitledDays = "entitledDays";
        public const string ArrangedDays = "arrangedDays";
        public const string TakenDays = "takenDays";
        public const string AverageMonthlyWage = "averageMonthlyWage";
        public const string CompensationPaid = "compensationPaid";
        public const string CarriedOverDays = "carriedOverDays";
        public const string CarriedOverTakenDays = "carriedOverTakenDays";
        public const string LeftOn = "leftOn";
    }

    /// <summary>Every bad field of a record (Chinese, naming the field): negative days or amounts, days above 366,
    /// more entitled days than the highest tier, carried-over days above the untaken ones, a leaving day outside the year.</summary>
    public static IReadOnlyList<LeaveInputError> Validate(EmployeeLeaveRecord record, AnnualLeaveParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(parameters);
        var errors = new List<LeaveInputError>();
        void Add(string field, FormattableString message) => errors.Add(new LeaveInputError(field, Text(message)));

        if (record.Year is < AnnualLeaveParameters.FirstYear or > AnnualLeaveParameters.LastYear)
        {
            Add(Fields.Year, $"年度（year）须在{AnnualLeaveParameters.FirstYear}年至{AnnualLeaveParameters.LastYear}年之间");
        }

        var maxDays = parameters.Tiers.Max(t => t.Days);
        if (record.EntitledDays < 0 || record.EntitledDays > maxDays)
        {
            Add(Fields.EntitledDays, $"应休天数（entitledDays）须在0至{maxDays}天之间（《职工带薪年休假条例》第三条）");
        }

        foreach (var (field, label, days) in new[]
        {
            (Fields.ArrangedDays, "已安排天数", record.ArrangedDays),
            (Fields.TakenDays, "已休天数", record.TakenDays),
            (Fields.CarriedOverDays, "跨年度安排天数", record.CarriedOverDays),
            (Fields.CarriedOverTakenDays, "跨年度已休天数", record.CarriedOverTakenDays),
        })
        {
            if (days is < 0 or > 366)
            {
                Add(field, $"{label}（{field}）须在0至366天之间");
            }
        }

        if (record.CarriedOverDays > Math.Max(0, record.EntitledDays - record.TakenDays))
        {
            Add(Fields.CarriedOverDays, $"跨年度安排天数（carriedOverDays）{record.CarriedOverDays}天多于应休未休的{Math.Max(0, record.EntitledDays - record.TakenDays)}天");
        }

        if (record.CarriedOverTakenDays > record.CarriedOverDays)
        {
            Add(Fields.CarriedOverTakenDays, $"跨年度已休天数（carriedOverTakenDays）不能多于跨年度安排天数{record.CarriedOverDays}天");
        }

        if (record.AverageMonthlyWage.IsNegative || record.AverageMonthlyWage > Money.Limit)
        {
            Add(Fields.AverageMonthlyWage, $"月平均工资（averageMonthlyWage）须在0至10亿元之间");
        }

        if (record.CompensationPaid.IsNegative || record.CompensationPaid > Money.Limit)
        {
            Add(Fields.CompensationPaid, $"已支付的未休年休假工资报酬（compensationPaid）须在0至10亿元之间");
        }

        if (record.LeftOn is { } left && left.Year != record.Year)
        {
            Add(Fields.LeftOn, $"离职日期（leftOn）{Format(left)}不在{record.Year}年度内");
        }

        return errors;
    }

    /// <summary>
    /// Where <paramref name="record"/> stands on <paramref name="asOf"/>, numbers only (no text, no allocation): what
    /// the year-end view and the inspection list add up over many records. <see cref="Evaluate"/> gives the same with
    /// the rules and reasons.
    /// </summary>
    public static LeaveYearAssessment Assess(EmployeeLeaveRecord record, DateOnly asOf, AnnualLeaveParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(parameters);
        var year = record.Year;
        var entitled = Math.Max(0, record.EntitledDays);
        var taken = Math.Max(0, record.TakenDays);
        var untaken = Math.Max(0, entitled - taken);
        var left = record.LeftOn;

        var yearDeadline = new DateOnly(year, 12, 31);
        if (left is { } l && l < yearDeadline)
        {
            yearDeadline = l;
        }

        var carried = left is { } leftInYear && leftInYear.Year == year ? 0 : Math.Clamp(record.CarriedOverDays, 0, untaken);
        var carriedTaken = Math.Clamp(record.CarriedOverTakenDays, 0, carried);
        var carriedDeadline = CarryOverDeadline(year, parameters);
        var inYearUntaken = untaken - carried;
        var carriedUntaken = carried - carriedTaken;
        var yearOver = asOf > yearDeadline;
        var carryOver = asOf > carriedDeadline;

        var compensable = (yearOver ? inYearUntaken : 0) + (carryOver ? carriedUntaken : 0);
        var owedDays = (yearOver ? 0 : inYearUntaken) + (carryOver ? 0 : carriedUntaken);
        var refused = record.WrittenRefusal ? Math.Min(compensable, Math.Max(0, record.ArrangedDays - taken)) : 0;
        var payableDays = compensable - refused;
        var due = ExtraCompensation(record.AverageMonthlyWage, payableDays, writtenRefusal: false, parameters);
        var paid = Money.Max(Money.Zero, record.CompensationPaid);
        var shortfall = Money.Max(Money.Zero, due - paid);

        LeaveYearStatus status;
        if (shortfall.Fen > 0)
        {
            status = LeaveYearStatus.CompensationOwed;
        }
        else if (payableDays > 0)
        {
            status = LeaveYearStatus.Compensated;
        }
        else if (refused > 0)
        {
            status = LeaveYearStatus.WrittenRefusal;
        }
        else if (owedDays > 0 && !yearOver)
        {
            status = record.ArrangedDays >= entitled ? LeaveYearStatus.Scheduled : LeaveYearStatus.Outstanding;
        }
        else if (owedDays > 0)
        {
            status = LeaveYearStatus.CarriedOver;
        }
        else
        {
            status = LeaveYearStatus.Taken;
        }

        return new LeaveYearAssessment(record.EmployeeId, status, untaken, carried, carriedTaken, owedDays, payableDays, refused,
            due, paid, shortfall, yearDeadline, carriedDeadline);
    }

    /// <summary>
    /// Where <paramref name="record"/> stands on <paramref name="asOf"/> (for the year-end view, a day after 31 December),
    /// with each rule applied and its article — <see cref="Assess"/> explained.
    /// </summary>
    public static EmployeeLeaveStatus Evaluate(EmployeeLeaveRecord record, DateOnly asOf, AnnualLeaveParameters parameters)
    {
        var a = Assess(record, asOf, parameters);
        var rules = new List<RuleOutcome>
        {
            new(
                "leave-employer-untaken",
                a.UntakenDays > 0,
                Text($"应休{Math.Max(0, record.EntitledDays)}天，已休{Math.Max(0, record.TakenDays)}天，应休未休{a.UntakenDays}天（其中跨年度安排{a.CarriedOverDays}天、跨年度已休{a.CarriedOverTakenDays}天）；截至{Format(asOf)}已过期限的{a.CompensableDays + a.RefusedDays}天，尚在期限内的{a.OwedDays}天"),
                record.LeftOn is null ? LeaveArticles.Art5CarryOver : LeaveArticles.MeasuresArt12Leaver),
        };

        if (record.WrittenRefusal)
        {
            rules.Add(new RuleOutcome(
                "leave-banfa10-written-refusal",
                a.RefusedDays > 0,
                Text($"职工书面提出不休年休假；单位已安排{record.ArrangedDays}天，其中未休的{a.RefusedDays}天只支付正常工资，未安排的天数仍应支付报酬"),
                LeaveArticles.MeasuresArt10Waiver));
        }

        if (a.CompensableDays > 0)
        {
            rules.Add(new RuleOutcome(
                "leave-tiaoli5-compensation",
                a.Shortfall.Fen > 0,
                Text($"应另付{DailyWage(record.AverageMonthlyWage, parameters).ToChinese()}×{parameters.ExtraPayPercent}%×{a.CompensableDays}天＝{a.CompensationDue.ToChinese()}，已付{a.CompensationPaid.ToChinese()}，尚欠{a.Shortfall.ToChinese()}"),
                LeaveArticles.Art5Compensation));
        }

        if (a.Shortfall.Fen > 0)
        {
            rules.Add(new RuleOutcome(
                "leave-tiaoli7-damages",
                false,
                Text($"经责令限期改正逾期仍不支付的，还应加付赔偿金{a.Shortfall.ToChinese()}"),
                LeaveArticles.Art7Damages));
        }

        return new EmployeeLeaveStatus(record.EmployeeId, record.Year, asOf, a.Status, a.OwedDays, a.CompensableDays, a.CompensationDue, a.CompensationPaid, a.Shortfall, rules);
    }

    /// <summary>The enterprise's view of one leave year on <paramref name="asOf"/> (records of other years are ignored).</summary>
    public static EnterpriseLeaveSummary Summarize(IEnumerable<EmployeeLeaveRecord> records, int year, DateOnly asOf, AnnualLeaveParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(records);
        var byStatus = Enum.GetValues<LeaveYearStatus>().ToDictionary(s => s, _ => 0);
        var needing = new List<LeaveYearAssessment>();
        var count = 0;
        var owedDays = 0;
        var shortfall = Money.Zero;
        foreach (var record in records)
        {
            if (record.Year != year)
            {
                continue;
            }

            var status = Assess(record, asOf, parameters);
            count++;
            byStatus[status.Status]++;
            owedDays += status.OwedDays;
            shortfall += status.Shortfall;
            if (status.OwedDays > 0 || status.Shortfall.Fen > 0)
            {
                needing.Add(status);
            }
        }

        needing.Sort((a, b) =>
        {
            var byShortfall = b.Shortfall.CompareTo(a.Shortfall);
            if (byShortfall != 0)
            {
                return byShortfall;
            }

            var byDays = b.OwedDays.CompareTo(a.OwedDays);
            return byDays != 0 ? byDays : string.CompareOrdinal(a.EmployeeId, b.EmployeeId);
        });

        return new EnterpriseLeaveSummary(year, asOf, count, byStatus, owedDays, shortfall, needing);
    }

    /// <summary>
    /// The labour inspector's list for a leave year on <paramref name="asOf"/>: every enterprise with at least one
    /// employee whose untaken leave is past its deadline and not (fully) compensated, with those employees and the total
    /// owed; most owed first, then by enterprise id (ordinal) — deterministic.
    /// </summary>
    public static IReadOnlyList<InspectionEntry> InspectionList(IEnumerable<EnterpriseLeaveRecords> enterprises, int year, DateOnly asOf, AnnualLeaveParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(enterprises);
        var entries = new List<InspectionEntry>();
        foreach (var enterprise in enterprises)
        {
            var owed = new List<InspectionEmployee>();
            var recorded = 0;
            foreach (var record in enterprise.Records)
            {
                if (record.Year != year)
                {
                    continue;
                }

                recorded++;
                var status = Assess(record, asOf, parameters);
                if (status.Status == LeaveYearStatus.CompensationOwed)
                {
                    owed.Add(new InspectionEmployee(record.EmployeeId, status.CompensableDays, status.CompensationDue, status.CompensationPaid, status.Shortfall, status.CompensationPaid.Fen == 0));
                }
            }

            if (owed.Count == 0)
            {
                continue;
            }

            owed.Sort((a, b) => b.Shortfall != a.Shortfall ? b.Shortfall.CompareTo(a.Shortfall) : string.CompareOrdinal(a.EmployeeId, b.EmployeeId));
            var total = owed.Aggregate(Money.Zero, (sum, e) => sum + e.Shortfall);
            entries.Add(new InspectionEntry(enterprise.EnterpriseId, enterprise.EnterpriseName, enterprise.RegionCode, recorded, owed, owed.Sum(e => e.UntakenDays), total, total));
        }

        entries.Sort((a, b) => b.TotalOwed != a.TotalOwed ? b.TotalOwed.CompareTo(a.TotalOwed) : string.CompareOrdinal(a.EnterpriseId, b.EnterpriseId));
        return entries;
    }
}
