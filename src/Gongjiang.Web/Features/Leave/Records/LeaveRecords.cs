using System.Globalization;
using Gongjiang.Core.Common;
using Gongjiang.Core.Leave;
using Gongjiang.Core.Reference;
using Gongjiang.Core.Standards;
using Gongjiang.Web.Features.Leave.Data;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Leave.Records;

/// <summary>
/// One employee's leave of a year as typed in the form, a row of an import file, or the API body (text as given: a bad
/// value is reported with its field, never lost). The employee is named by the 公民身份号码 (or, from the form, the
/// platform's person id).
/// </summary>
public sealed class LeaveRecordDraft
{
    /// <summary>The file line of an imported row (the header is line 1); 0 for the form and the API.</summary>
    public int Line { get; set; }

    public string? IdNumber { get; set; }

    public string? PersonId { get; set; }

    public string? Year { get; set; }

    public string? FirstWorkDate { get; set; }

    public string? EntitledDays { get; set; }

    public string? ArrangedDays { get; set; }

    public string? TakenDays { get; set; }

    public string? AverageMonthlyWage { get; set; }

    public string? CompensationPaid { get; set; }

    public bool WrittenRefusal { get; set; }

    public string? CarriedOverDays { get; set; }

    public string? CarriedOverTakenDays { get; set; }

    public string? LeftOn { get; set; }

    public string? Note { get; set; }

    /// <summary>The name in the import file, checked against the registry when given.</summary>
    public string? Name { get; set; }
}

/// <summary>The API body of a leave record (<c>POST /api/v1/leave/records</c>); amounts in 元 with at most two decimals.</summary>
/// <param name="IdNumber">公民身份号码 of the employee (or <paramref name="PersonId"/>).</param>
/// <param name="PersonId">The employee's person id in the registry.</param>
/// <param name="Year">年度.</param>
/// <param name="FirstWorkDate">参加工作日期 “YYYY-MM-DD”; with it and no <paramref name="EntitledDays"/>, the entitlement is calculated (条例、办法).</param>
/// <param name="EntitledDays">应休天数.</param>
/// <param name="ArrangedDays">已安排天数 (default: the days taken).</param>
/// <param name="TakenDays">已休天数.</param>
/// <param name="AverageMonthlyWage">月平均工资（元）.</param>
/// <param name="CompensationPaid">已支付的未休年休假工资报酬（元，200%部分）.</param>
/// <param name="WrittenRefusal">职工书面提出不休.</param>
/// <param name="CarriedOverDays">经职工同意跨年度安排的天数.</param>
/// <param name="CarriedOverTakenDays">其中次年已休天数.</param>
/// <param name="LeftOn">本年度离职日期.</param>
/// <param name="Note">备注.</param>
public sealed record LeaveRecordRequest(
    string? IdNumber,
    Guid? PersonId,
    int? Year,
    string? FirstWorkDate,
    int? EntitledDays,
    int? ArrangedDays,
    int? TakenDays,
    decimal? AverageMonthlyWage,
    decimal? CompensationPaid,
    bool? WrittenRefusal,
    int? CarriedOverDays,
    int? CarriedOverTakenDays,
    string? LeftOn,
    string? Note)
{
    public LeaveRecordDraft ToDraft() => new()
    {
        IdNumber = IdNumber,
        PersonId = PersonId?.ToString(),
        Year = Text(Year),
        FirstWorkDate = FirstWorkDate,
        EntitledDays = Text(EntitledDays),
        ArrangedDays = Text(ArrangedDays),
        TakenDays = Text(TakenDays),
        AverageMonthlyWage = AverageMonthlyWage?.ToString(CultureInfo.InvariantCulture),
        CompensationPaid = CompensationPaid?.ToString(CultureInfo.InvariantCulture),
        WrittenRefusal = WrittenRefusal ?? false,
        CarriedOverDays = Text(CarriedOverDays),
        CarriedOverTakenDays = Text(CarriedOverTakenDays),
        LeftOn = LeftOn,
        Note = Note,
    };

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An import file: its id (stored on the rows it wrote), name and SHA-256 (in the audit log).</summary>
public sealed record LeaveImportFile(Guid Id, string FileName, string Sha256);

/// <summary>A problem with one record: its row (1-based line of the file; 0 for the form or the API), field and message.</summary>
public sealed record RecordProblem(int Row, string Field, string Message);

/// <summary>What saving gave: the rows written, or every problem (then nothing was written).</summary>
public sealed record SaveOutcome(IReadOnlyList<LeaveRecord> Saved, IReadOnlyList<RecordProblem> Problems, int Created, int Updated)
{
    public bool Succeeded => Problems.Count == 0;

    public FieldErrors ToFieldErrors()
    {
        var errors = new FieldErrors();
        foreach (var p in Problems)
        {
            errors.Add(p.Field, p.Row > 0 ? $"第{p.Row}行：{p.Message}" : p.Message);
        }

        return errors;
    }
}

/// <summary>
/// The employer's leave records: one use case for the form, the import and the API. Each record is checked
/// (<see cref="EmployerLeaveCompliance.Validate"/>; the entitlement calculated by <see cref="AnnualLeaveCalculator"/>
/// when the employer gives the first work date instead of the days), assessed (<see cref="EmployerLeaveCompliance.Assess"/>
/// in its three periods) and written — all the records of one call, or none.
/// </summary>
public static class LeaveRecords
{
    /// <summary>Field keys (camelCase, as in the API) and their Chinese names (the import's column headers).</summary>
    public static readonly IReadOnlyList<(string Field, string Label)> Columns =
    [
        ("idNumber", "公民身份号码"),
        ("name", "姓名"),
        ("year", "年度"),
        ("firstWorkDate", "参加工作日期"),
        ("entitledDays", "应休天数"),
        ("arrangedDays", "已安排天数"),
        ("takenDays", "已休天数"),
        ("averageMonthlyWage", "月平均工资"),
        ("compensationPaid", "已付未休年休假工资报酬"),
        ("writtenRefusal", "书面提出不休"),
        ("carriedOverDays", "跨年度安排天数"),
        ("carriedOverTakenDays", "跨年度已休天数"),
        ("leftOn", "离职日期"),
        ("note", "备注"),
    ];

    public static string Label(string field) => Columns.FirstOrDefault(c => c.Field == field).Label ?? field switch
    {
        "personId" => "职工",
        "file" => "文件",
        "enterprise" => "用人单位",
        _ => "其他",
    };

    /// <summary>The parameters records are judged by: the national enterprise set in force in the year.</summary>
    public static AnnualLeaveParameters Parameters(int year) =>
        AnnualLeaveParameters.ForYear(year) is { IsValid: true } found ? found.Value! : AnnualLeaveParameters.Enterprise;

    /// <summary>Saves the drafts for the actor's enterprise: all, or none with every problem (naming the draft's line, if any).</summary>
    public static async Task<SaveOutcome> SaveAsync(
        GongjiangDbContext db, IEmploymentDirectory directory, IReadOnlyList<LeaveRecordDraft> drafts, TimeProvider clock,
        LeaveImportFile? import, CancellationToken ct)
    {
        var problems = new List<RecordProblem>();
        var actor = db.Actor;
        if (actor.EnterpriseId is not { } enterpriseId)
        {
            return new SaveOutcome([], [new RecordProblem(0, "enterprise", "只有用人单位经办人可以登记本单位职工的年休假")], 0, 0);
        }

        var today = ChinaTime.Today(clock);
        var parsed = new List<(int Row, Parsed Value)>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var row = drafts[i].Line;
            var errors = new List<(string, string)>();
            var value = Parse(drafts[i], today, errors);
            problems.AddRange(errors.Select(e => new RecordProblem(row, e.Item1, e.Item2)));
            if (value is not null)
            {
                parsed.Add((row, value));
            }
        }

        // The employees, in one look-up per kind (the scope limits an employer to its own staff).
        var byNumber = await directory.FindByIdNumbersAsync([.. parsed.Where(p => p.Value.IdNumber is not null).Select(p => p.Value.IdNumber!)], ct);
        var byId = await directory.FindManyAsync([.. parsed.Where(p => p.Value.PersonId is not null).Select(p => p.Value.PersonId!.Value)], ct);
        var enterprise = (await directory.EnterprisesAsync([enterpriseId], ct)).GetValueOrDefault(enterpriseId);
        if (enterprise is null)
        {
            return new SaveOutcome([], [new RecordProblem(0, "enterprise", "未找到本单位的登记信息，请联系窗口经办人")], 0, 0);
        }

        var seen = new Dictionary<(Guid, int), int>();
        var ready = new List<(int Row, Parsed Value, EmployeeFacts Person, EmployeeLeaveRecord Record)>();
        foreach (var (row, value) in parsed)
        {
            EmployeeFacts? person = value.IdNumber is { } number ? byNumber.GetValueOrDefault(number) : byId.GetValueOrDefault(value.PersonId!.Value);
            if (person is null || person.EnterpriseId != enterpriseId)
            {
                problems.Add(new RecordProblem(row, value.IdNumber is null ? "personId" : "idNumber",
                    value.IdNumber is null ? "未在本单位职工中找到该人员" : $"公民身份号码{CitizenIdNumber.Mask(value.IdNumber)}不是本单位在册职工（请先在“名册导入”中登记）"));
                continue;
            }

            if (value.Name is { } name && !string.Equals(name, person.Name, StringComparison.Ordinal))
            {
                problems.Add(new RecordProblem(row, "name", $"姓名“{name}”与该公民身份号码登记的姓名“{person.Name}”不一致"));
                continue;
            }

            if (seen.TryGetValue((person.PersonId, value.Year), out var earlier))
            {
                problems.Add(new RecordProblem(row, "idNumber", $"与第{earlier}行是同一职工的同一年度，请合并为一行"));
                continue;
            }

            seen[(person.PersonId, value.Year)] = row;
            var record = Entitlement(row, value, person, problems);
            if (record is not null)
            {
                ready.Add((row, value, person, record));
            }
        }

        if (problems.Count > 0)
        {
            return new SaveOutcome([], Sorted(problems), 0, 0);
        }

        // Upsert by (enterprise, person, year).
        var keys = ready.Select(r => r.Person.PersonId).Distinct().ToList();
        var years = ready.Select(r => r.Value.Year).Distinct().ToList();
        var existing = new Dictionary<(Guid, int), LeaveRecord>();
        foreach (var chunk in keys.Chunk(1000))
        {
            var ids = chunk.ToList();
            foreach (var r in await db.Set<LeaveRecord>().Where(r => r.EnterpriseId == enterpriseId && ids.Contains(r.PersonId) && years.Contains(r.Year)).ToListAsync(ct))
            {
                existing[(r.PersonId, r.Year)] = r;
            }
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var saved = new List<LeaveRecord>(ready.Count);
        var created = 0;
        foreach (var (_, value, person, record) in ready)
        {
            if (!existing.TryGetValue((person.PersonId, value.Year), out var row))
            {
                row = new LeaveRecord { EnterpriseId = enterpriseId, PersonId = person.PersonId, Year = value.Year };
                db.Add(row);
                created++;
            }

            row.RegionCode = enterprise.RegionCode;
            row.PersonName = person.Name;
            row.IdNumberMasked = person.IdNumberMasked;
            row.FirstWorkDate = value.FirstWorkDate;
            row.HireDate = HireDateIn(person, value.Year);
            row.EntitlementCalculated = value.EntitledDays is null;
            row.Note = value.Note;
            row.ImportId = import?.Id;
            row.UpdatedAtMs = now;
            row.UpdatedBy = actor.UserName;
            Apply(row, record);
            saved.Add(row);
        }

        if (import is not null)
        {
            db.Audit(new AuditEvent(AuditActions.Create, "LeaveRecordImport", import.Id.ToString(),
                Detail: $"年休假记录导入：文件“{import.FileName}”（SHA-256 {import.Sha256}），{saved.Count}行，新增{created}条，更新{saved.Count - created}条（新增的记录以本条为审计记录）"));
        }

        await db.SaveChangesAsync(ct);
        return new SaveOutcome(saved, [], created, saved.Count - created);
    }

    /// <summary>The Core record a row stores.</summary>
    public static EmployeeLeaveRecord ToCore(LeaveRecord row) => new(
        row.PersonId.ToString(), row.Year, row.EntitledDays, row.ArrangedDays, row.TakenDays,
        new Money(row.AverageMonthlyWageFen), new Money(row.CompensationPaidFen), row.WrittenRefusal,
        row.CarriedOverDays, row.CarriedOverTakenDays, row.LeftOn);

    /// <summary>
    /// Copies the record's values onto the row and stores its assessment in each of the three periods in which
    /// <see cref="EmployerLeaveCompliance.Assess"/> is constant (in the year; after it, within the carry-over year; after that).
    /// </summary>
    public static void Apply(LeaveRecord row, EmployeeLeaveRecord record)
    {
        var parameters = Parameters(record.Year);
        row.Year = record.Year;
        row.EntitledDays = record.EntitledDays;
        row.ArrangedDays = record.ArrangedDays;
        row.TakenDays = record.TakenDays;
        row.AverageMonthlyWageFen = record.AverageMonthlyWage.Fen;
        row.CompensationPaidFen = record.CompensationPaid.Fen;
        row.WrittenRefusal = record.WrittenRefusal;
        row.CarriedOverDays = record.CarriedOverDays;
        row.CarriedOverTakenDays = record.CarriedOverTakenDays;
        row.LeftOn = record.LeftOn;

        var inYear = EmployerLeaveCompliance.Assess(record, new DateOnly(record.Year, 1, 1), parameters);
        var afterYear = EmployerLeaveCompliance.Assess(record, inYear.YearDeadline.AddDays(1), parameters);
        var afterCarryOver = EmployerLeaveCompliance.Assess(record, inYear.CarryOverDeadline.AddDays(1), parameters);
        row.UntakenDays = inYear.UntakenDays;
        row.YearDeadline = inYear.YearDeadline;
        row.CarryOverDeadline = inYear.CarryOverDeadline;
        row.InYearStatus = inYear.Status;
        row.InYearOwedDays = inYear.OwedDays;
        row.AfterYearStatus = afterYear.Status;
        row.AfterYearOwedDays = afterYear.OwedDays;
        row.AfterYearCompensableDays = afterYear.CompensableDays;
        row.AfterYearDueFen = afterYear.CompensationDue.Fen;
        row.AfterYearShortfallFen = afterYear.Shortfall.Fen;
        row.AfterCarryOverStatus = afterCarryOver.Status;
        row.AfterCarryOverCompensableDays = afterCarryOver.CompensableDays;
        row.AfterCarryOverDueFen = afterCarryOver.CompensationDue.Fen;
        row.AfterCarryOverShortfallFen = afterCarryOver.Shortfall.Fen;
        row.OwedFrom = afterYear.Shortfall.Fen > 0 ? inYear.YearDeadline.AddDays(1)
            : afterCarryOver.Shortfall.Fen > 0 ? inYear.CarryOverDeadline.AddDays(1)
            : null;
    }

    /// <summary>The registry's employment start when it falls in the year (办法 art 5: a new employee).</summary>
    public static DateOnly? HireDateIn(EmployeeFacts person, int year) =>
        person.EmploymentStart is { } start && start.Year == year ? start : null;

    private static EmployeeLeaveRecord? Entitlement(int row, Parsed value, EmployeeFacts person, List<RecordProblem> problems)
    {
        var parameters = Parameters(value.Year);
        var entitled = value.EntitledDays;
        if (entitled is null)
        {
            if (value.FirstWorkDate is not { } first)
            {
                problems.Add(new RecordProblem(row, "entitledDays", "请填写应休天数，或填写参加工作日期由平台按《职工带薪年休假条例》计算"));
                return null;
            }

            var input = new AnnualLeaveInput(value.Year, first, HireDateIn(person, value.Year), value.LeftOn, 0m, 0m, true, 0, value.TakenDays,
                value.AverageMonthlyWage.Yuan);
            var calculation = AnnualLeaveCalculator.Calculate(input, parameters);
            if (!calculation.IsValid)
            {
                foreach (var error in calculation.Errors)
                {
                    var field = error.Field switch
                    {
                        AnnualLeaveFields.LeaveDate => "leftOn",
                        AnnualLeaveFields.HireDate => "firstWorkDate",
                        _ => error.Field,
                    };
                    problems.Add(new RecordProblem(row, field, error.Message));
                }

                return null;
            }

            entitled = calculation.Result!.EntitledDays;
        }

        var record = new EmployeeLeaveRecord(person.PersonId.ToString(), value.Year, entitled.Value, value.ArrangedDays ?? value.TakenDays, value.TakenDays,
            value.AverageMonthlyWage, value.CompensationPaid, value.WrittenRefusal, value.CarriedOverDays, value.CarriedOverTakenDays, value.LeftOn);
        var errors = EmployerLeaveCompliance.Validate(record, parameters);
        foreach (var error in errors)
        {
            problems.Add(new RecordProblem(row, error.Field, error.Message));
        }

        return errors.Count == 0 ? record : null;
    }

    private sealed record Parsed(
        string? IdNumber, Guid? PersonId, string? Name, int Year, DateOnly? FirstWorkDate, int? EntitledDays, int? ArrangedDays, int TakenDays,
        Money AverageMonthlyWage, Money CompensationPaid, bool WrittenRefusal, int CarriedOverDays, int CarriedOverTakenDays, DateOnly? LeftOn, string? Note);

    private static Parsed? Parse(LeaveRecordDraft draft, DateOnly today, List<(string Field, string Message)> errors)
    {
        var before = errors.Count;
        void Add(string field, string message) => errors.Add((field, message));
        string Named(string field) => Label(field) + "（" + field + "）";

        string? idNumber = null;
        Guid? personId = null;
        if (!string.IsNullOrWhiteSpace(draft.IdNumber))
        {
            var parsed = CitizenIdNumber.Parse(draft.IdNumber, today, RegionCatalog.Default);
            if (parsed.IsValid)
            {
                idNumber = parsed.Value!.Value;
            }
            else
            {
                Add("idNumber", $"{Named("idNumber")}有误：{parsed.Error}");
            }
        }
        else if (Guid.TryParse(draft.PersonId, out var id))
        {
            personId = id;
        }
        else
        {
            Add("idNumber", $"请填写职工的{Named("idNumber")}");
        }

        int? Int(string field, string? text, bool required)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                if (required)
                {
                    Add(field, $"请填写{Named(field)}");
                }

                return null;
            }

            if (!int.TryParse(Normalize(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                Add(field, $"{Named(field)}应为整数天数，当前为“{text.Trim()}”");
                return null;
            }

            return number;
        }

        DateOnly? Date(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (!TryDate(text, out var date))
            {
                Add(field, $"{Named(field)}应为“YYYY-MM-DD”格式的日期，当前为“{text.Trim()}”");
                return null;
            }

            return date;
        }

        Money Amount(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return Money.Zero;
            }

            var parsed = Money.Parse(text);
            if (!parsed.IsValid)
            {
                Add(field, $"{Named(field)}：{parsed.Error}");
                return Money.Zero;
            }

            return parsed.Value;
        }

        var year = Int("year", draft.Year, required: true);
        if (year is { } y && (y < AnnualLeaveParameters.FirstYear || y > today.Year))
        {
            Add("year", $"{Named("year")}须在{AnnualLeaveParameters.FirstYear}年至今年（{today.Year}年）之间，当前为{y}");
        }

        var first = Date("firstWorkDate", draft.FirstWorkDate);
        if (first is { } f && year is { } yy && f.Year > yy)
        {
            Add("firstWorkDate", $"{Named("firstWorkDate")}{LeaveText.Date(f)}晚于{yy}年度");
        }

        var entitled = Int("entitledDays", draft.EntitledDays, required: false);
        var arranged = Int("arrangedDays", draft.ArrangedDays, required: false);
        var taken = Int("takenDays", draft.TakenDays, required: false) ?? 0;
        var wage = Amount("averageMonthlyWage", draft.AverageMonthlyWage);
        var paid = Amount("compensationPaid", draft.CompensationPaid);
        var carried = Int("carriedOverDays", draft.CarriedOverDays, required: false) ?? 0;
        var carriedTaken = Int("carriedOverTakenDays", draft.CarriedOverTakenDays, required: false) ?? 0;
        var left = Date("leftOn", draft.LeftOn);
        var note = string.IsNullOrWhiteSpace(draft.Note) ? null : draft.Note.Trim();
        if (note is { Length: > 500 })
        {
            Add("note", $"{Named("note")}不能超过500字");
        }

        var name = string.IsNullOrWhiteSpace(draft.Name) ? null : draft.Name.Trim();
        return errors.Count > before || year is null
            ? null
            : new Parsed(idNumber, personId, name, year.Value, first, entitled, arranged, taken, wage, paid, draft.WrittenRefusal, carried, carriedTaken, left, note);
    }

    /// <summary>Dates as typed: “2026-03-01”, “2026/3/1”, “2026.3.1”, “2026年3月1日”.</summary>
    public static bool TryDate(string text, out DateOnly date)
    {
        var t = Normalize(text).Replace('/', '-').Replace('.', '-').Replace("年", "-", StringComparison.Ordinal).Replace("月", "-", StringComparison.Ordinal).Replace("日", "", StringComparison.Ordinal);
        return DateOnly.TryParseExact(t, ["yyyy-M-d", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static string Normalize(string text)
    {
        var chars = text.Trim().Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c switch { '－' => '-', '／' => '/', '．' => '.', _ => c });
        return new string([.. chars]);
    }

    private static List<RecordProblem> Sorted(List<RecordProblem> problems)
    {
        var order = Columns.Select((c, i) => (c.Field, i)).ToDictionary(x => x.Field, x => x.i, StringComparer.Ordinal);
        return [.. problems.OrderBy(p => p.Row).ThenBy(p => order.GetValueOrDefault(p.Field, 99))];
    }
}
