using System.Globalization;
using System.Text;
using Gongjiang.Core.Publication;
using Gongjiang.Core.Reference;
using Gongjiang.Core.Registry;
using Gongjiang.Web.Features.Publication.Data;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using PublicationRow = Gongjiang.Web.Features.Publication.Data.Publication;

namespace Gongjiang.Web.Features.Publication.Public;

/// <summary>
/// One leading talent as the public sees it: name, sex, region, employer, occupation, skill level and the basis
/// (honour and year). Never an ID number, birth date or phone number: the published entry does not even hold them.
/// </summary>
public sealed record PublicTalent(
    string Name, string Sex, string RegionCode, string RegionName, string Employer, string Occupation, string SkillLevel, string Bases,
    Guid PublicationId, DateOnly? PublishedOn);

/// <summary>A publication as the public sees it. During the 公示期 only the proposed additions are public, so only their count is given.</summary>
public sealed record PublicPublication(
    Guid Id, string Title, string RegionCode, string RegionName, string PeriodName, string Status, bool InNotice,
    DateOnly? NoticeStartsOn, DateOnly? NoticeEndsOn, DateOnly? PublishedOn, bool IsCurrent,
    int? Listed, int Added, int? Changed, int? Removed);

/// <summary>One line of a publication's change list (or of the 公示名单). <c>ObjectionUrl</c> is set while objections are open.</summary>
public sealed record PublicLine(
    Guid Id, string Name, string Sex, string RegionName, string Employer, string Occupation, string SkillLevel, string Bases,
    string? ChangedFields, string? ObjectionUrl);

/// <summary>The previous publication of the same jurisdiction, the base of the change list.</summary>
public sealed record PublicPublicationLink(Guid Id, string Title, DateOnly? PublishedOn);

/// <summary>
/// One publication with what changed since the previous one (新增 / 变更 / 移出). While it is in its 公示期, <c>Added</c> is
/// the 公示名单 (proposed additions) and the other lists are empty.
/// </summary>
public sealed record PublicPublicationDetail(
    PublicPublication Publication, PublicPublicationLink? Previous, bool ObjectionsOpen,
    IReadOnlyList<PublicLine> Added, IReadOnlyList<PublicLine> Changed, IReadOnlyList<PublicLine> Removed);

/// <summary>A choice of the 认定依据 filter: the key (query value), what people read, and the text looked for in the basis.</summary>
public sealed record HonourOption(string Key, string Label, string Match);

/// <summary>Criteria of the public list, as given in the query string (page and API alike); validated by <see cref="Validate"/>.</summary>
public sealed class PublicTalentSearch
{
    public const int TextMaxLength = 64;

    public string? Name { get; set; }

    public string? Region { get; set; }

    public string? Honour { get; set; }

    public string? SkillLevel { get; set; }

    public string? Occupation { get; set; }

    public string? Employer { get; set; }

    /// <summary>True when no criterion is given.</summary>
    public bool IsEmpty => new[] { Name, Region, Honour, SkillLevel, Occupation, Employer }.All(string.IsNullOrWhiteSpace);

    /// <summary>Checks the criteria into <paramref name="errors"/> (field names as in the query string); null when invalid.</summary>
    public PublicTalentCriteria? Validate(FieldErrors errors)
    {
        var before = errors.All.Count;
        var name = Text("name", "姓名", Name, errors);
        var occupation = Text("occupation", "职业（工种）", Occupation, errors);
        var employer = Text("employer", "工作单位", Employer, errors);

        string? regionPrefix = null;
        if (!string.IsNullOrWhiteSpace(Region))
        {
            var parsed = Core.Access.Jurisdiction.Parse(Region);
            if (parsed.IsValid && parsed.Value.Code == Core.Access.Jurisdiction.CountryCode)
            {
                regionPrefix = "";
            }
            else if (!parsed.IsValid || RegionCatalog.Default.Find(parsed.Value.Code) is null)
            {
                errors.Add("region", Limit($"地区（region）“{Region.Trim()}”不是有效的6位行政区划代码，例如 440300（深圳市）"));
            }
            else
            {
                regionPrefix = parsed.Value.Prefix;
            }
        }

        string? skillLevel = null;
        if (!string.IsNullOrWhiteSpace(SkillLevel))
        {
            var parsed = Core.Skills.SkillLevels.Parse(SkillLevel);
            if (parsed.IsValid)
            {
                skillLevel = Core.Skills.SkillLevels.ChineseName(parsed.Value);
            }
            else
            {
                errors.Add("skillLevel", Limit("技能等级（skillLevel）：" + parsed.Error));
            }
        }

        HonourOption? honour = null;
        if (!string.IsNullOrWhiteSpace(Honour))
        {
            honour = PublicCatalog.ParseHonour(Honour, out var error);
            if (honour is null)
            {
                errors.Add("honour", Limit(error!));
            }
        }

        return errors.All.Count == before ? new PublicTalentCriteria(name, regionPrefix, honour, skillLevel, occupation, employer) : null;
    }

    /// <summary>A short description of the criteria for audit records: “姓名含“李”；地区440300”.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        void Add(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add(label + "“" + Limit(value.Trim()) + "”");
            }
        }

        Add("姓名含", Name);
        Add("地区", Region);
        Add("认定依据", Honour);
        Add("技能等级", SkillLevel);
        Add("职业含", Occupation);
        Add("单位含", Employer);
        return parts.Count == 0 ? "全部" : string.Join("；", parts);
    }

    /// <summary>The query string of these criteria (for links: pager, downloads), starting with “&amp;” when not empty.</summary>
    public string ToQuery()
    {
        var query = new StringBuilder();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Append('&').Append(key).Append('=').Append(Uri.EscapeDataString(value.Trim()));
            }
        }

        Add("name", Name);
        Add("region", Region);
        Add("honour", Honour);
        Add("skillLevel", SkillLevel);
        Add("occupation", Occupation);
        Add("employer", Employer);
        return query.ToString();
    }

    private static string? Text(string field, string label, string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length > TextMaxLength)
        {
            errors.Add(field, $"{label}（{field}）不能超过{TextMaxLength}个字符");
            return null;
        }

        if (text.Any(char.IsControl))
        {
            errors.Add(field, $"{label}（{field}）含有控制字符");
            return null;
        }

        return text;
    }

    // Echoed input stays short in messages and audit records.
    private static string Limit(string text) => text.Length <= 120 ? text : text[..120] + "……";
}

/// <summary>Validated criteria of the public list.</summary>
public sealed record PublicTalentCriteria(string? Name, string? RegionPrefix, HonourOption? Honour, string? SkillLevel, string? Occupation, string? Employer);

/// <summary>
/// What the public may read of publications, without signing in. Reads go through the normal context: its scope filter
/// lets everyone read rows marked public. The queries also ask for public rows themselves, so that a signed-in clerk
/// sees on these pages exactly what the public sees (not the drafts of their own jurisdiction), and they select only
/// the public fields.
/// </summary>
public static class PublicCatalog
{
    /// <summary>Most rows in one download (CSV or XLSX); a larger result must be narrowed (e.g. by region).</summary>
    public const int ExportCap = 50_000;

    /// <summary>Most publications in the feed.</summary>
    public const int FeedSize = 50;

    /// <summary>The 认定依据 choices: the four national honours, 政府特殊津贴 and provincial “高精尖缺” recognition.</summary>
    public static IReadOnlyList<HonourOption> HonourOptions { get; } =
    [
        .. HonorTypes.All.Where(HonorTypes.QualifiesAsLeadingTalentBasis)
            .Select(h => new HonourOption(h.ToString(), HonorTypes.ChineseName(h), HonorTypes.ChineseName(h))),
        new("SpecialAllowance", "享受省级以上政府特殊津贴", "政府特殊津贴"),
        new("ProvincialRecognition", "省级政府认定的“高精尖缺”高技能人才", "高精尖缺"),
    ];

    /// <summary>Reads the 认定依据 filter: a key of <see cref="HonourOptions"/>, its Chinese name, or an honour as people write it.</summary>
    public static HonourOption? ParseHonour(string value, out string? error)
    {
        error = null;
        var text = value.Trim();
        var option = HonourOptions.FirstOrDefault(o =>
            string.Equals(o.Key, text, StringComparison.OrdinalIgnoreCase) || string.Equals(o.Label, text, StringComparison.Ordinal) ||
            string.Equals(o.Match, text, StringComparison.Ordinal));
        if (option is not null)
        {
            return option;
        }

        if (text.Contains("特殊津贴", StringComparison.Ordinal))
        {
            return HonourOptions.Single(o => o.Key == "SpecialAllowance");
        }

        if (text.Contains("高精尖缺", StringComparison.Ordinal))
        {
            return HonourOptions.Single(o => o.Key == "ProvincialRecognition");
        }

        var expected = string.Join("、", HonourOptions.Select(o => o.Match));
        var parsed = HonorTypes.Parse(text);
        if (parsed.IsValid)
        {
            if (HonorTypes.QualifiesAsLeadingTalentBasis(parsed.Value))
            {
                return HonourOptions.Single(o => o.Key == parsed.Value.ToString());
            }

            error = $"认定依据（honour）“{HonorTypes.ChineseName(parsed.Value)}”不是高技能领军人才的认定依据，应为{expected}之一";
            return null;
        }

        error = $"认定依据（honour）“{(text.Length <= 64 ? text : text[..64] + "……")}”无法识别，应为{expected}之一";
        return null;
    }

    /// <summary>The public list: lines of each jurisdiction's current publication, without the removed and the withdrawn.</summary>
    public static IQueryable<PublicTalent> Talents(GongjiangDbContext db, PublicTalentCriteria criteria)
    {
        var lines =
            from e in db.PublicView<PublicationEntry>().AsNoTracking()
            join p in db.PublicView<PublicationRow>().AsNoTracking() on e.PublicationId equals p.Id
            where p.IsCurrent && p.Status == PublicationStatus.Published &&
                e.IsPublic && e.Change != EntryChange.Removed && e.WithdrawnOn == null
            select new { e, p.PublishedOn };

        if (criteria.Name is { } name)
        {
            lines = lines.Where(l => l.e.Name.Contains(name));
        }

        if (criteria.RegionPrefix is { Length: > 0 } prefix)
        {
            lines = lines.Where(l => l.e.RegionCode.StartsWith(prefix));
        }

        if (criteria.Honour is { } honour)
        {
            lines = lines.Where(l => l.e.Bases.Contains(honour.Match));
        }

        if (criteria.SkillLevel is { } level)
        {
            lines = lines.Where(l => l.e.SkillLevel == level);
        }

        if (criteria.Occupation is { } occupation)
        {
            lines = lines.Where(l => l.e.Occupation.Contains(occupation));
        }

        if (criteria.Employer is { } employer)
        {
            lines = lines.Where(l => l.e.EmployerName.Contains(employer));
        }

        return lines
            .OrderBy(l => l.e.RegionCode).ThenBy(l => l.e.Name).ThenBy(l => l.e.Id)
            .Select(l => new PublicTalent(l.e.Name, l.e.Sex, l.e.RegionCode, l.e.RegionName, l.e.EmployerName, l.e.Occupation, l.e.SkillLevel,
                l.e.Bases, l.e.PublicationId, l.PublishedOn));
    }

    /// <summary>One page of the public list.</summary>
    public static async Task<Paged<PublicTalent>> TalentPageAsync(GongjiangDbContext db, PublicTalentCriteria criteria, PageRequest page, CancellationToken ct)
    {
        var query = Talents(db, criteria);
        var total = await query.CountAsync(ct);
        var items = await query.Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Paged<PublicTalent>(items, total, page.Page, page.PageSize);
    }

    /// <summary>
    /// Every matching line for a download, or null with an error when there are more than <see cref="ExportCap"/>.
    /// </summary>
    public static async Task<(List<PublicTalent>? Rows, int Count)> ExportRowsAsync(GongjiangDbContext db, PublicTalentCriteria criteria, CancellationToken ct)
    {
        var query = Talents(db, criteria);
        var count = await query.Take(ExportCap + 1).CountAsync(ct);
        return count > ExportCap ? (null, count) : (await query.ToListAsync(ct), count);
    }

    /// <summary>Public publications, newest first, optionally of jurisdictions inside a region.</summary>
    public static async Task<Paged<PublicPublication>> PublicationPageAsync(GongjiangDbContext db, string? regionPrefix, PageRequest page, CancellationToken ct)
    {
        var query = PublicPublications(db);
        if (regionPrefix is { Length: > 0 })
        {
            query = query.Where(p => p.RegionCode.StartsWith(regionPrefix));
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.NoticeStartsOn).ThenByDescending(p => p.Id)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Paged<PublicPublication>([.. rows.Select(ToPublic)], total, page.Page, page.PageSize);
    }

    /// <summary>The newest public publications, for the feed.</summary>
    public static async Task<List<PublicPublication>> LatestAsync(GongjiangDbContext db, int count, CancellationToken ct)
    {
        var rows = await PublicPublications(db).OrderByDescending(p => p.NoticeStartsOn).ThenByDescending(p => p.Id)
            .Take(count).ToListAsync(ct);
        return [.. rows.Select(ToPublic)];
    }

    /// <summary>One public publication with its change list (or its 公示名单); null when there is none such.</summary>
    public static async Task<PublicPublicationDetail?> PublicationAsync(GongjiangDbContext db, Guid id, DateOnly today, CancellationToken ct)
    {
        var row = await PublicPublications(db).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (row is null)
        {
            return null;
        }

        var publication = ToPublic(row);
        PublicPublicationLink? previous = null;
        if (row.PreviousId is { } previousId)
        {
            previous = await db.PublicView<PublicationRow>().AsNoTracking()
                .Where(p => p.Id == previousId && p.Status == PublicationStatus.Published)
                .Select(p => new PublicPublicationLink(p.Id, p.Title, p.PublishedOn)).FirstOrDefaultAsync(ct);
        }

        var entries = db.PublicView<PublicationEntry>().AsNoTracking().Where(e => e.PublicationId == id && e.IsPublic && e.WithdrawnOn == null);
        if (row.Status == PublicationStatus.Notice)
        {
            // 公示名单: only the proposed additions are public during the notice period.
            var open = PublicationWorkflow.CanObject(row.Status, row.NoticeEndsOn, today) is null;
            var notice = await Lines(entries.Where(e => e.Change == EntryChange.Added)).ToListAsync(ct);
            var lines = notice.Select(l => open ? l with { ObjectionUrl = $"/public/publications/{id}/objection?entry={l.Id}" } : l).ToList();
            return new PublicPublicationDetail(publication, previous, open, lines, [], []);
        }

        var changes = await entries.Where(e => e.Change != EntryChange.Unchanged).OrderBy(e => e.Position)
            .Select(e => new
            {
                e.Change,
                Line = new PublicLine(e.Id, e.Name, e.Sex, e.RegionName, e.EmployerName, e.Occupation, e.SkillLevel, e.Bases, e.ChangedFields, null),
            }).ToListAsync(ct);
        List<PublicLine> Of(EntryChange change) => [.. changes.Where(c => c.Change == change).Select(c => c.Line)];
        return new PublicPublicationDetail(publication, previous, false, Of(EntryChange.Added), Of(EntryChange.Changed), Of(EntryChange.Removed));
    }

    /// <summary>“公示中” / “已公布”.</summary>
    public static string StatusName(bool inNotice) => PublicationWorkflow.ChineseName(inNotice ? PublicationStatus.Notice : PublicationStatus.Published);

    /// <summary>The counts of a publication in one sentence (feed text, page summaries).</summary>
    public static string CountsText(PublicPublication p) => p.InNotice
        ? string.Create(CultureInfo.InvariantCulture, $"公示新增人员{p.Added}人，公示期{p.NoticeStartsOn:yyyy-MM-dd}至{p.NoticeEndsOn:yyyy-MM-dd}")
        : string.Create(CultureInfo.InvariantCulture, $"在库{p.Listed}人，新增{p.Added}人，变更{p.Changed}人，移出{p.Removed}人");

    // Newest first: by the start of the notice, then by id (version 7: in order of creation). Not by PreparedAt: SQLite
    // cannot order by a DateTimeOffset.
    private static IQueryable<PublicationRow> PublicPublications(GongjiangDbContext db) =>
        db.PublicView<PublicationRow>().AsNoTracking()
            .Where(p => p.Status == PublicationStatus.Notice || p.Status == PublicationStatus.Published);

    // Only the public fields leave the database.
    private static IQueryable<PublicLine> Lines(IQueryable<PublicationEntry> entries) =>
        entries.OrderBy(e => e.Position)
            .Select(e => new PublicLine(e.Id, e.Name, e.Sex, e.RegionName, e.EmployerName, e.Occupation, e.SkillLevel, e.Bases, e.ChangedFields, null));

    private static PublicPublication ToPublic(PublicationRow p)
    {
        var inNotice = p.Status == PublicationStatus.Notice;
        return new PublicPublication(p.Id, p.Title, p.RegionCode, p.RegionName, p.PeriodName, StatusName(inNotice), inNotice,
            p.NoticeStartsOn, p.NoticeEndsOn, p.PublishedOn, p.IsCurrent,
            inNotice ? null : p.ListedCount, p.AddedCount, inNotice ? null : p.ChangedCount, inNotice ? null : p.RemovedCount);
    }
}
