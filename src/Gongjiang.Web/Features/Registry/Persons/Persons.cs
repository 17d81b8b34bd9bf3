using Gongjiang.Core.Reference;
using Gongjiang.Core.Registry;
using Gongjiang.Core.Skills;
using Gongjiang.Core.Standards;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Protection;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry.Persons;

/// <summary>A person as listed: the ID number only masked.</summary>
public sealed record PersonSummary(
    Guid Id, string Name, string Sex, string IdNumberMasked, string RegionCode, string RegionName, string? EnterpriseName,
    string? Occupation, string? SkillLevel, bool IsLeadingTalent, string? Bases, string? MobileMasked, string Status = TalentStatuses.NotInRegistryName);

public sealed record EmploymentDto(string EnterpriseName, string Occupation, string? OccupationCode, string? Post, bool? Frontline, DateOnly? StartDate, DateOnly? EndDate);

public sealed record CertificateDto(string Level, string Occupation, string? CertificateNumber, string? Issuer, DateOnly? IssuedOn);

public sealed record HonorDto(string Kind, string Title, int Year, string? AwardingBody, string? DocumentNumber, DateOnly? RevokedOn);

/// <summary>A person as shown on their own page to those in scope, with the determination for a date.</summary>
public sealed record PersonDetail(
    Guid Id, string Name, string Sex, string IdNumberMasked, DateOnly BirthDate, string RegionCode, string RegionName,
    Guid? EnterpriseId, string? EnterpriseName, string? MobileMasked, bool? Frontline, string Status,
    LeadingTalentDecision Decision, IReadOnlyList<EmploymentDto> Employments, IReadOnlyList<CertificateDto> Certificates,
    IReadOnlyList<HonorDto> Honors, DateTimeOffset UpdatedAt);

/// <summary>A page of persons found, the problems with the criteria, and how the search text was read (Chinese).</summary>
public sealed record PersonSearchResult(Paged<PersonSummary>? Page, FieldErrors Errors, string? Note);

/// <summary>The editable fields of a person (a use-case input; the page and the API post the same).</summary>
public sealed class UpdatePersonRequest
{
    public string? Name { get; set; }

    public string? Mobile { get; set; }
}

/// <summary>Search criteria of the registry (page query string and API parameters).</summary>
public class PersonSearch
{
    public string? Q { get; set; }

    public string? IdNumber { get; set; }

    public string? Enterprise { get; set; }

    public string? Occupation { get; set; }

    public string? SkillLevel { get; set; }

    public string? Honor { get; set; }

    public string? Region { get; set; }

    /// <summary>
    /// True: leading talents in the database (已入库 or 复核中, determination holding); false: everyone else. Meeting the
    /// definition without being listed does not count (<see cref="PersonUseCases.CountedNote"/>).
    /// </summary>
    public bool? LeadingTalent { get; set; }

    /// <summary>Lifecycle status: <see cref="PersonStatusFilter"/> values (InDatabase, NotInRegistry) or a <see cref="TalentStatus"/> name.</summary>
    public string? Status { get; set; }

    /// <summary>Checks the criteria; the parsed values are returned for the query.</summary>
    public FieldErrors Validate(out SkillLevel? level, out HonorType? honor, out string? region, out CitizenIdNumber? id, DateOnly today)
    {
        var errors = new FieldErrors();
        level = null;
        honor = null;
        region = null;
        id = null;
        foreach (var (field, value) in new[] { ("q", Q), ("enterprise", Enterprise), ("occupation", Occupation) })
        {
            if (value is { Length: > 64 })
            {
                errors.Add(field, "查询条件不能超过64个字符");
            }
        }

        if (!string.IsNullOrWhiteSpace(SkillLevel))
        {
            var parsed = Core.Skills.SkillLevels.Parse(SkillLevel);
            if (parsed.IsValid)
            {
                level = parsed.Value;
            }
            else
            {
                errors.Add("skillLevel", parsed.Error!);
            }
        }

        if (!string.IsNullOrWhiteSpace(Honor))
        {
            var parsed = HonorTypes.Parse(Honor);
            if (parsed.IsValid)
            {
                honor = parsed.Value;
            }
            else
            {
                errors.Add("honor", parsed.Error!);
            }
        }

        if (!string.IsNullOrWhiteSpace(Region))
        {
            var parsed = Core.Access.Jurisdiction.Parse(Region);
            if (!parsed.IsValid || RegionCatalog.Default.Find(parsed.Value.Code) is null)
            {
                errors.Add("region", $"地区代码“{Region}”不是有效的行政区划代码");
            }
            else
            {
                region = parsed.Value.Prefix;
            }
        }

        if (!string.IsNullOrWhiteSpace(Status) && PersonStatusFilters.Parse(Status) is null)
        {
            errors.Add("status", $"数据库状态“{Status}”无法识别，应为入库（已入库、复核中）、未提名、已提名、已核实、已入库、复核中、已移出或未通过核实");
        }

        if (!string.IsNullOrWhiteSpace(IdNumber))
        {
            var parsed = CitizenIdNumber.Parse(IdNumber, today, RegionCatalog.Default);
            if (parsed.IsValid)
            {
                id = parsed.Value;
            }
            else
            {
                errors.Add("idNumber", parsed.Error!);
            }
        }

        return errors;
    }
}

/// <summary>
/// The lifecycle filter of the person search: the six <see cref="TalentStatus"/> values (same numbers), 入库 (已入库 or
/// 复核中, <see cref="TalentStatuses.IsInDatabase"/>) and 未提名 (on a roster only).
/// </summary>
public enum PersonStatusFilter
{
    Nominated = TalentStatus.Nominated,
    Verified = TalentStatus.Verified,
    Listed = TalentStatus.Listed,
    UnderReview = TalentStatus.UnderReview,
    Delisted = TalentStatus.Delisted,
    Rejected = TalentStatus.Rejected,
    InDatabase = 100,
    NotInRegistry = 101,
}

/// <summary>Names and parsing of <see cref="PersonStatusFilter"/>.</summary>
public static class PersonStatusFilters
{
    /// <summary>The options in the order the page lists them.</summary>
    public static IReadOnlyList<PersonStatusFilter> All { get; } =
    [
        PersonStatusFilter.InDatabase, PersonStatusFilter.NotInRegistry, PersonStatusFilter.Nominated, PersonStatusFilter.Verified,
        PersonStatusFilter.Listed, PersonStatusFilter.UnderReview, PersonStatusFilter.Delisted, PersonStatusFilter.Rejected,
    ];

    public static string ChineseName(PersonStatusFilter filter) => filter switch
    {
        PersonStatusFilter.InDatabase => "入库（已入库、复核中）",
        PersonStatusFilter.NotInRegistry => TalentStatuses.NotInRegistryName,
        _ => TalentStatuses.ChineseName((TalentStatus)(int)filter),
    };

    /// <summary>An English member name or a Chinese name (“入库”, “已入库”…); null for empty or unknown text.</summary>
    public static PersonStatusFilter? Parse(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || char.IsAsciiDigit(value[0]))
        {
            return null;
        }

        if (Enum.TryParse<PersonStatusFilter>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        if (value == "入库")
        {
            return PersonStatusFilter.InDatabase;
        }

        return All.Cast<PersonStatusFilter?>().FirstOrDefault(f => ChineseName(f!.Value) == value);
    }
}

/// <summary>Registry reads and writes for persons. Every query goes through the context's scope filter.</summary>
public static class PersonUseCases
{
    /// <summary>What the person list and the statistics count as a leading talent, as the pages say it.</summary>
    public const string CountedNote = "“领军人才”只计已入库（含复核中）且认定依据有效的人员；符合认定条件但尚未提名、正在核实或已移出的人员不计入。";

    /// <summary>Counts above this are reported as "1000 条以上".</summary>
    public const int CountCap = 1000;

    public static async Task<(Paged<PersonSummary>? Page, FieldErrors Errors)> SearchAsync(
        GongjiangDbContext db, IdNumberProtector protector, PersonSearch search, PageRequest page, DateOnly today, CancellationToken ct)
    {
        var result = await FindAsync(db, protector, search, page, today, ct);
        return (result.Page, result.Errors);
    }

    /// <summary>
    /// The search, with how the text of <see cref="PersonSearch.Q"/> was read (<see cref="PersonQueryText"/>): a name (and,
    /// when no name contains it, the employer's name), an ID number (roles with <c>registry.view-id</c>, audited) or a
    /// credit code. <see cref="PersonSearchResult.Note"/> says so in Chinese when it is not a plain name search.
    /// </summary>
    public static async Task<PersonSearchResult> FindAsync(
        GongjiangDbContext db, IdNumberProtector protector, PersonSearch search, PageRequest page, DateOnly today, CancellationToken ct)
    {
        var errors = search.Validate(out var level, out var honor, out var region, out var id, today);
        var text = PersonQueryText.Read(search.Q, today);
        if (text.Error is not null)
        {
            errors.Add("q", text.Error);
        }

        var idField = id is not null ? "idNumber" : "q";
        id ??= text.IdNumber;
        if (id is not null && !db.Actor.Can(Permissions.RegistryViewIdNumber) && !db.Actor.IsSystem)
        {
            errors.Add(idField, "您的角色无权按公民身份号码查询");
        }

        if (!errors.IsEmpty)
        {
            return new PersonSearchResult(null, errors, null);
        }

        if (id is not null)
        {
            await db.RecordAsync(new AuditEvent(AuditActions.View, nameof(Person), null, Detail: $"按公民身份号码查询 {id.Masked}"), ct);
        }

        IQueryable<Person> Filtered(IQueryable<Person> persons)
        {
            if (id is not null)
            {
                var hash = protector.Hash(id.Value);
                persons = persons.Where(p => p.IdNumberHash == hash);
            }

            if (text.CreditCode is { } code)
            {
                persons = persons.Where(p => db.Set<Enterprise>().Any(e => e.Id == p.EnterpriseId && e.CreditCode == code));
            }

            if (!string.IsNullOrWhiteSpace(search.Enterprise))
            {
                var enterpriseText = search.Enterprise.Trim();
                persons = persons.Where(p => db.Set<Enterprise>().Any(e => e.Id == p.EnterpriseId && e.Name.Contains(enterpriseText)));
            }

            if (!string.IsNullOrWhiteSpace(search.Occupation))
            {
                var occupation = search.Occupation.Trim();
                persons = persons.Where(p => p.Occupation != null && p.Occupation.Contains(occupation));
            }

            if (level is { } l)
            {
                persons = persons.Where(p => p.HighestSkillLevel == l);
            }

            if (honor is { } h)
            {
                persons = persons.Where(p => db.Set<Honor>().Any(x => x.PersonId == p.Id && x.Type == h));
            }

            if (region is not null)
            {
                persons = persons.Where(p => p.RegionCode.StartsWith(region));
            }

            if (search.LeadingTalent is { } lt)
            {
                persons = lt
                    ? persons.Where(p => p.IsLeadingTalent && (p.Status == TalentStatus.Listed || p.Status == TalentStatus.UnderReview))
                    : persons.Where(p => !(p.IsLeadingTalent && (p.Status == TalentStatus.Listed || p.Status == TalentStatus.UnderReview)));
            }

            return PersonStatusFilters.Parse(search.Status) switch
            {
                PersonStatusFilter.InDatabase => persons.Where(p => p.Status == TalentStatus.Listed || p.Status == TalentStatus.UnderReview),
                PersonStatusFilter.NotInRegistry => persons.Where(p => p.Status == null),
                { } filter => persons.Where(p => p.Status == (TalentStatus)(int)filter),
                null => persons,
            };
        }

        var q = text.Name;
        var grams = q is not null && db.Database.IsNpgsql() ? NameGrams.Sql(q) : null;
        var persons = Filtered((grams is null ? db.Set<Person>() : db.Set<Person>().FromSqlRaw(grams, q!)).AsNoTracking());
        var pattern = q is null ? null : "%" + LikeEscape(q) + "%";
        if (pattern is not null && grams is null)
        {
            // On PostgreSQL a trigram index serves 3 characters and more (1 and 2: NameGrams, above, exact by itself).
            persons = persons.Where(p => EF.Functions.Like(p.Name, pattern, "\\"));
        }

        // Count at most CountCap + 1 matches: an exact count of a common substring is a full scan.
        var total = await persons.Take(CountCap + 1).CountAsync(ct);
        string? note = id is not null ? $"按公民身份号码 {id.Masked} 查询（已记入审计日志）。"
            : text.CreditCode is not null ? $"按统一社会信用代码 {text.CreditCode} 查询该单位的人员。"
            : null;
        if (total == 0 && pattern is not null)
        {
            // No name contains the text: it may be (part of) the employer's name.
            var byEmployer = Filtered(db.Set<Person>().AsNoTracking())
                .Where(p => db.Set<Enterprise>().Any(e => e.Id == p.EnterpriseId && EF.Functions.Like(e.Name, pattern, "\\")));
            var employerTotal = await byEmployer.Take(CountCap + 1).CountAsync(ct);
            if (employerTotal > 0)
            {
                persons = byEmployer;
                total = employerTotal;
                note = $"没有姓名含“{q}”的人员；以下是工作单位名称含“{q}”的人员。";
            }
        }

        var capped = total > CountCap;
        total = Math.Min(total, CountCap);
        var rows = await persons
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(p => new
            {
                Person = p,
                Enterprise = db.Set<Enterprise>().Where(e => e.Id == p.EnterpriseId).Select(e => e.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new PersonSummary(r.Person.Id, r.Person.Name, SexNames.ToChinese(r.Person.Sex), r.Person.IdNumberMasked,
            r.Person.RegionCode, RegionCatalog.Default.FullName(r.Person.RegionCode), r.Enterprise, r.Person.Occupation,
            r.Person.HighestSkillLevel is { } s ? SkillLevels.DisplayName(s) : null, r.Person.IsLeadingTalent, r.Person.BasesSummary,
            MaskMobile(r.Person.Mobile), TalentStatuses.ChineseName(r.Person.Status))).ToList();
        return new PersonSearchResult(Paging.Page(items, total, capped, page), errors, note);
    }

    public static async Task<PersonDetail?> GetAsync(GongjiangDbContext db, Guid id, DateOnly asOf, CancellationToken ct)
    {
        var p = await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return null;
        }

        var enterprises = db.Set<Enterprise>().AsNoTracking();
        var employments = await db.Set<Employment>().AsNoTracking().Where(e => e.PersonId == id)
            .OrderByDescending(e => e.StartDate)
            .Select(e => new EmploymentDto(enterprises.Where(x => x.Id == e.EmployerId).Select(x => x.Name).FirstOrDefault() ?? "（不在管辖范围内的单位）",
                e.Occupation, e.OccupationCode, e.Post, e.Frontline, e.StartDate, e.EndDate))
            .ToListAsync(ct);
        var certificates = (await db.Set<SkillCertificate>().AsNoTracking().Where(c => c.PersonId == id).OrderByDescending(c => c.Level).ToListAsync(ct))
            .Select(c => new CertificateDto(SkillLevels.DisplayName(c.Level), c.Occupation, c.CertificateNumber, c.Issuer, c.IssuedOn)).ToList();
        var honors = (await db.Set<Honor>().AsNoTracking().Where(h => h.PersonId == id).ToListAsync(ct))
            .Select(h => new HonorDto("荣誉", HonorTypes.ChineseName(h.Type), h.Year, h.AwardingBody, h.DocumentNumber, h.RevokedOn))
            .Concat((await db.Set<SpecialAllowance>().AsNoTracking().Where(h => h.PersonId == id).ToListAsync(ct))
                .Select(a => new HonorDto("政府特殊津贴", HonorTypes.ChineseName(a.Level), a.Year, a.AwardingBody, a.DocumentNumber, a.RevokedOn)))
            .Concat((await db.Set<ProvincialRecognition>().AsNoTracking().Where(h => h.PersonId == id).ToListAsync(ct))
                .Select(r => new HonorDto("省级认定", RegionCatalog.Default.FullName(r.ProvinceCode) + "“高精尖缺”高技能人才", r.RecognizedOn.Year, null, r.DocumentNumber, r.EndsOn)))
            .OrderByDescending(h => h.Year).ToList();
        var decision = await Determination.EvaluateAsync(db, id, asOf, ct);
        var enterprise = p.EnterpriseId is null ? null : await enterprises.Where(e => e.Id == p.EnterpriseId).Select(e => e.Name).FirstOrDefaultAsync(ct);
        return new PersonDetail(p.Id, p.Name, SexNames.ToChinese(p.Sex), p.IdNumberMasked, p.BirthDate, p.RegionCode,
            RegionCatalog.Default.FullName(p.RegionCode), p.EnterpriseId, enterprise, MaskMobile(p.Mobile), p.Frontline,
            TalentStatuses.ChineseName(p.Status), decision!, employments, certificates, honors, p.UpdatedAt);
    }

    /// <summary>The full ID number, for roles with need; every reveal is audited.</summary>
    public static async Task<string?> RevealIdNumberAsync(GongjiangDbContext db, IdNumberProtector protector, Guid id, CancellationToken ct)
    {
        if (!db.Actor.Can(Permissions.RegistryViewIdNumber))
        {
            return null;
        }

        var cipher = await db.Set<Person>().AsNoTracking().Where(p => p.Id == id).Select(p => p.IdNumberCipher).FirstOrDefaultAsync(ct);
        if (cipher is null)
        {
            return null;
        }

        await db.RecordAsync(new AuditEvent(AuditActions.View, nameof(Person), id.ToString(), Detail: "查看完整公民身份号码"), ct);
        return protector.Unprotect(cipher);
    }

    /// <summary>Validates and applies an edit. Returns null when the person is not found in scope.</summary>
    public static async Task<FieldErrors?> UpdateAsync(GongjiangDbContext db, Guid id, UpdatePersonRequest request, TimeProvider clock, CancellationToken ct)
    {
        var person = await db.Set<Person>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", "姓名不能为空");
        }
        else if (name.Length > 64)
        {
            errors.Add("name", "姓名不能超过64个字符");
        }
        else if (name.Any(c => char.IsControl(c) || c is '<' or '>'))
        {
            errors.Add("name", "姓名含有不允许的字符");
        }

        string? mobile = null;
        if (!string.IsNullOrWhiteSpace(request.Mobile))
        {
            var parsed = MobileNumber.Parse(request.Mobile);
            if (parsed.IsValid)
            {
                mobile = parsed.Value!.Value;
            }
            else
            {
                errors.Add("mobile", parsed.Error!);
            }
        }

        if (!errors.IsEmpty)
        {
            return errors;
        }

        person.Name = name!;
        person.Mobile = mobile;
        person.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>Escapes LIKE wildcards so user text matches literally.</summary>
    public static string LikeEscape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    public static string? MaskMobile(string? mobile) =>
        mobile is null ? null : MobileNumber.Parse(mobile) is { IsValid: true } m ? m.Value!.Masked : "***";

    public static DateOnly Today(TimeProvider clock) => Platform.ChinaTime.Today(clock);
}

/// <summary>
/// Name substring search of 1 or 2 characters on PostgreSQL, where trigram indexes cannot help (they need 3). A name
/// contains q at its start or further on; migration NameGrams indexes both: a B-tree over (left(name, n), name, id)
/// reads the first part in name order, a GIN index over <c>gj_name_tail_grams(name)</c> (the 1- and 2-character
/// substrings from the second character on) finds the second. The two parts do not overlap, and together they are
/// exactly "name contains q".
/// </summary>
public static class NameGrams
{
    private const string Head = """SELECT * FROM registry.persons WHERE left("Name", {n}) = {0}""";
    private const string Tail = """SELECT * FROM registry.persons WHERE gj_name_tail_grams("Name") @> ARRAY[{0}]::text[] AND left("Name", {n}) <> {0}""";

    // The length is a literal: the indexes are over left("Name", 1) and left("Name", 2).
    private static readonly string[] Queries =
    [
        "",
        Head.Replace("{n}", "1", StringComparison.Ordinal) + " UNION ALL " + Tail.Replace("{n}", "1", StringComparison.Ordinal),
        Head.Replace("{n}", "2", StringComparison.Ordinal) + " UNION ALL " + Tail.Replace("{n}", "2", StringComparison.Ordinal),
    ];

    /// <summary>The persons whose name contains q, as SQL with q as parameter {0}; null unless q is 1 or 2 characters.</summary>
    public static string? Sql(string q)
    {
        // Characters as PostgreSQL counts them: Unicode scalar values, not UTF-16 code units.
        var count = 0;
        foreach (var _ in q.EnumerateRunes())
        {
            if (++count > 2)
            {
                return null;
            }
        }

        return count == 0 ? null : Queries[count];
    }
}

