using System.Text.Json.Serialization;
using Gongjiang.Core.Access;
using Gongjiang.Core.Reference;
using Gongjiang.Core.Registry;
using Gongjiang.Core.Skills;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry.Statistics;

/// <summary>One category of a breakdown: its key (a code or an English name), its Chinese label and the two counts.</summary>
public sealed record StatisticsRow(string Key, string Label, int Persons, int LeadingTalents);

/// <summary>A breakdown of the registry by one dimension (region, honour, occupation…), rows in display order.</summary>
public sealed record StatisticsBreakdown(string Id, string Title, string Category, string? Note, IReadOnlyList<StatisticsRow> Rows);

/// <summary>The registry statistics of the actor's scope (GET /api/v1/registry/statistics and the statistics page).</summary>
public sealed record RegistryStatisticsReport(
    string RegionCode,
    string RegionName,
    DateOnly AsOf,
    int Persons,
    int LeadingTalents,
    StatisticsBreakdown ByRegion,
    StatisticsBreakdown ByHonor,
    StatisticsBreakdown BySpecialAllowance,
    StatisticsBreakdown ByOccupation,
    StatisticsBreakdown ByIndustry,
    StatisticsBreakdown BySkillLevel,
    StatisticsBreakdown ByOwnership)
{
    /// <summary>The breakdowns in page order.</summary>
    [JsonIgnore]
    public IReadOnlyList<StatisticsBreakdown> Breakdowns =>
        [ByRegion, ByHonor, BySpecialAllowance, ByOccupation, ByIndustry, BySkillLevel, ByOwnership];
}

/// <summary>
/// 统计分析 of the registry: persons and 高技能领军人才 by region, honour, special allowance, occupation, industry, skill
/// level and enterprise ownership. Every query goes through the context, so the scope filter limits the counts to the
/// actor's jurisdiction (and an employer to its own enterprise). “高技能领军人才” counts only the talents in the database
/// (已入库 and 复核中, <see cref="TalentStatuses.IsInDatabase"/>) whose determination holds — not those who meet the
/// definition but were never nominated, are still being verified or were removed (<see cref="CountedNote"/>). Grouping is done in SQL on plain columns, which
/// PostgreSQL and SQLite both translate; only the few distinct region codes are folded into child regions in memory.
/// </summary>
public static class RegistryStatistics
{
    /// <summary>How many occupations and industries are listed by name; the rest are summed in one row.</summary>
    public const int TopCount = 15;

    public const string UnknownKey = "unknown";

    /// <summary>What the page says is counted as a leading talent.</summary>
    public const string CountedNote = "“高技能领军人才”只计已入库（含复核中）的人员；符合认定条件但尚未提名、正在核实或已移出的人员计入“人员”，不计入领军人才。";

    public const string OthersKey = "others";

    private const string Unreported = "未填报";

    public static async Task<RegistryStatisticsReport> ComputeAsync(GongjiangDbContext db, DateOnly today, CancellationToken ct)
    {
        var jurisdiction = db.Actor.IsSystem ? Jurisdiction.Country : db.Actor.Jurisdiction;
        var persons = db.Set<Person>().AsNoTracking();

        var byRegionCode = (await persons
            .GroupBy(p => p.RegionCode)
            .Select(g => new { g.Key, Persons = g.Count(), Leading = g.Count(p => p.IsLeadingTalent && (p.Status == TalentStatus.Listed || p.Status == TalentStatus.UnderReview)) })
            .ToListAsync(ct))
            .Select(g => new Counted(g.Key, g.Persons, g.Leading))
            .ToList();
        var totalPersons = byRegionCode.Sum(r => r.Persons);
        var totalLeading = byRegionCode.Sum(r => r.LeadingTalents);

        return new RegistryStatisticsReport(
            jurisdiction.Code,
            RegionCatalog.Default.FullName(jurisdiction.Code),
            today,
            totalPersons,
            totalLeading,
            ByRegion(jurisdiction, byRegionCode),
            await ByHonorAsync(db, today, ct),
            await BySpecialAllowanceAsync(db, today, ct),
            await ByOccupationAsync(persons, totalPersons, totalLeading, ct),
            await ByIndustryAsync(db, totalPersons, totalLeading, ct),
            await BySkillLevelAsync(persons, ct),
            await ByOwnershipAsync(db, ct));
    }

    /// <summary>
    /// The child regions of the jurisdiction (country → provinces, province → cities and 省直辖县级, city → counties),
    /// every one listed even with no one in it; a county jurisdiction lists itself. Codes under no listed child (the
    /// jurisdiction's own code, a retired code) are summed in a last row.
    /// </summary>
    internal static StatisticsBreakdown ByRegion(Jurisdiction jurisdiction, IReadOnlyList<Counted> byRegionCode)
    {
        var children = RegionCatalog.Default.ChildrenOf(jurisdiction.Code);
        var scopeRegion = RegionCatalog.Default.Find(jurisdiction.Code);
        IReadOnlyList<Region> groups = children.Count > 0 ? children : scopeRegion is null ? [] : [scopeRegion];
        var prefixes = groups.Select(r => (Region: r, Prefix: Jurisdiction.Parse(r.Code).Value.Prefix)).ToList();
        var totals = groups.ToDictionary(r => r.Code, _ => (Persons: 0, Leading: 0), StringComparer.Ordinal);
        var (otherPersons, otherLeading) = (0, 0);
        foreach (var row in byRegionCode)
        {
            var match = prefixes.FirstOrDefault(p => row.Key is not null && row.Key.StartsWith(p.Prefix, StringComparison.Ordinal));
            if (match.Region is null)
            {
                otherPersons += row.Persons;
                otherLeading += row.LeadingTalents;
            }
            else
            {
                var (p, l) = totals[match.Region.Code];
                totals[match.Region.Code] = (p + row.Persons, l + row.LeadingTalents);
            }
        }

        var rows = groups.Select(r => new StatisticsRow(r.Code, r.Name, totals[r.Code].Persons, totals[r.Code].Leading)).ToList();
        if (otherPersons > 0)
        {
            rows.Add(new StatisticsRow(UnknownKey, "本级或未列明地区", otherPersons, otherLeading));
        }

        var level = children.Count == 0 ? "地区" : children[0].Level switch
        {
            RegionLevel.Province => "省份",
            RegionLevel.City => "市（州、盟）",
            _ => "县（市、区）",
        };
        return new StatisticsBreakdown("region", "按地区统计", level, $"{RegionCatalog.Default.FullName(jurisdiction.Code)}的下一级行政区划。", rows);
    }

    private static async Task<StatisticsBreakdown> ByHonorAsync(GongjiangDbContext db, DateOnly today, CancellationToken ct)
    {
        var counted = await db.Set<Honor>().AsNoTracking()
            .Where(h => h.RevokedOn == null || h.RevokedOn > today)
            .Join(db.Set<Person>().AsNoTracking(), h => h.PersonId, p => p.Id, (h, p) => new { h.Type, h.PersonId, IsLeadingTalent = p.IsLeadingTalent && (p.Status == TalentStatus.Listed || p.Status == TalentStatus.UnderReview) })
            .GroupBy(x => x.Type)
            .Select(g => new
            {
                g.Key,
                Persons = g.Select(x => x.PersonId).Distinct().Count(),
                Leading = g.Where(x => x.IsLeadingTalent).Select(x => x.PersonId).Distinct().Count(),
            })
            .ToDictionaryAsync(x => x.Key, ct);
        var rows = HonorTypes.All
            .Select(t => counted.TryGetValue(t, out var c)
                ? new StatisticsRow(t.ToString(), HonorTypes.ChineseName(t), c.Persons, c.Leading)
                : new StatisticsRow(t.ToString(), HonorTypes.ChineseName(t), 0, 0))
            .ToList();
        return new StatisticsBreakdown("honor", "按荣誉统计", "荣誉", "按人计（同一人多次获得同一荣誉计一人），不含已撤销的荣誉。", rows);
    }

    private static async Task<StatisticsBreakdown> BySpecialAllowanceAsync(GongjiangDbContext db, DateOnly today, CancellationToken ct)
    {
        var counted = await db.Set<SpecialAllowance>().AsNoTracking()
            .Where(a => a.RevokedOn == null || a.RevokedOn > today)
            .Join(db.Set<Person>().AsNoTracking(), a => a.PersonId, p => p.Id, (a, p) => new { a.Level, a.PersonId, IsLeadingTalent = p.IsLeadingTalent && (p.Status == TalentStatus.Listed || p.Status == TalentStatus.UnderReview) })
            .GroupBy(x => x.Level)
            .Select(g => new
            {
                g.Key,
                Persons = g.Select(x => x.PersonId).Distinct().Count(),
                Leading = g.Where(x => x.IsLeadingTalent).Select(x => x.PersonId).Distinct().Count(),
            })
            .ToDictionaryAsync(x => x.Key, ct);
        var rows = Enum.GetValues<SpecialAllowanceLevel>()
            .Select(l => counted.TryGetValue(l, out var c)
                ? new StatisticsRow(l.ToString(), HonorTypes.ChineseName(l), c.Persons, c.Leading)
                : new StatisticsRow(l.ToString(), HonorTypes.ChineseName(l), 0, 0))
            .ToList();
        return new StatisticsBreakdown("allowance", "按政府特殊津贴统计", "津贴级别", "按人计，不含已撤销的津贴。", rows);
    }

    private static async Task<StatisticsBreakdown> ByOccupationAsync(IQueryable<Person> persons, int totalPersons, int totalLeading, CancellationToken ct)
    {
        var top = (await persons
            .GroupBy(p => p.Occupation)
            .Select(g => new { g.Key, Persons = g.Count(), Leading = g.Count(p => p.IsLeadingTalent && (p.Status == TalentStatus.Listed || p.Status == TalentStatus.UnderReview)) })
            .OrderByDescending(c => c.Persons).ThenByDescending(c => c.Leading).ThenBy(c => c.Key)
            .Take(TopCount)
            .ToListAsync(ct))
            .Select(g => new Counted(g.Key, g.Persons, g.Leading))
            .ToList();
        return new StatisticsBreakdown("occupation", "按职业（工种）统计", "职业（工种）",
            $"人数最多的{TopCount}个职业（工种），其余合计为一行。", WithOthers(top, totalPersons, totalLeading, "其他职业（合计）"));
    }

    private static async Task<StatisticsBreakdown> ByIndustryAsync(GongjiangDbContext db, int totalPersons, int totalLeading, CancellationToken ct)
    {
        var top = (await PersonsWithEnterprise(db)
            .GroupBy(x => x.Industry)
            .Select(g => new { g.Key, Persons = g.Count(), Leading = g.Count(x => x.IsLeadingTalent) })
            .OrderByDescending(c => c.Persons).ThenByDescending(c => c.Leading).ThenBy(c => c.Key)
            .Take(TopCount)
            .ToListAsync(ct))
            .Select(g => new Counted(g.Key, g.Persons, g.Leading))
            .ToList();
        return new StatisticsBreakdown("industry", "按行业统计", "行业",
            $"按工作单位所属行业；人数最多的{TopCount}个行业，其余合计为一行；无工作单位或单位未填报行业的计入“{Unreported}”。",
            WithOthers(top, totalPersons, totalLeading, "其他行业（合计）"));
    }

    private static async Task<StatisticsBreakdown> BySkillLevelAsync(IQueryable<Person> persons, CancellationToken ct)
    {
        var counted = await persons
            .GroupBy(p => p.HighestSkillLevel)
            .Select(g => new { g.Key, Persons = g.Count(), Leading = g.Count(p => p.IsLeadingTalent && (p.Status == TalentStatus.Listed || p.Status == TalentStatus.UnderReview)) })
            .ToListAsync(ct);
        var rows = SkillLevels.All
            .Select(l => counted.FirstOrDefault(c => c.Key == l) is { } c
                ? new StatisticsRow(l.ToString(), SkillLevels.DisplayName(l), c.Persons, c.Leading)
                : new StatisticsRow(l.ToString(), SkillLevels.DisplayName(l), 0, 0))
            .ToList();
        var unknown = counted.FirstOrDefault(c => c.Key is null);
        rows.Add(new StatisticsRow(UnknownKey, Unreported, unknown?.Persons ?? 0, unknown?.Leading ?? 0));
        return new StatisticsBreakdown("skill", "按技能等级统计", "最高技能等级", "按本人持有的最高职业技能等级。", rows);
    }

    private static async Task<StatisticsBreakdown> ByOwnershipAsync(GongjiangDbContext db, CancellationToken ct)
    {
        var counted = await PersonsWithEnterprise(db)
            .GroupBy(x => x.Ownership)
            .Select(g => new { g.Key, Persons = g.Count(), Leading = g.Count(x => x.IsLeadingTalent) })
            .ToListAsync(ct);
        var rows = Enum.GetValues<OwnershipType>()
            .Select(t => counted.FirstOrDefault(c => c.Key == t) is { } c
                ? new StatisticsRow(t.ToString(), OwnershipTypes.ChineseName(t), c.Persons, c.Leading)
                : new StatisticsRow(t.ToString(), OwnershipTypes.ChineseName(t), 0, 0))
            .ToList();
        var unknown = counted.FirstOrDefault(c => c.Key is null);
        rows.Add(new StatisticsRow(UnknownKey, "无工作单位", unknown?.Persons ?? 0, unknown?.Leading ?? 0));
        return new StatisticsBreakdown("ownership", "按企业性质统计", "企业性质", "按工作单位的企业性质。", rows);
    }

    /// <summary>Each person with their enterprise's industry and ownership (null without an enterprise in scope).</summary>
    private static IQueryable<PersonEnterprise> PersonsWithEnterprise(GongjiangDbContext db) =>
        from p in db.Set<Person>().AsNoTracking()
        join e in db.Set<Enterprise>().AsNoTracking() on p.EnterpriseId equals e.Id into enterprises
        from e in enterprises.DefaultIfEmpty()
        select new PersonEnterprise
        {
            Industry = e == null ? null : e.Industry,
            Ownership = e == null ? null : e.OwnershipType,
            IsLeadingTalent = p.IsLeadingTalent && (p.Status == TalentStatus.Listed || p.Status == TalentStatus.UnderReview),
        };

    private static List<StatisticsRow> WithOthers(List<Counted> top, int totalPersons, int totalLeading, string othersLabel)
    {
        // Null and blank are both 未填报: one row.
        var rows = top
            .GroupBy(c => string.IsNullOrWhiteSpace(c.Key) ? null : c.Key.Trim())
            .Select(g => g.Key is null
                ? new StatisticsRow(UnknownKey, Unreported, g.Sum(c => c.Persons), g.Sum(c => c.LeadingTalents))
                : new StatisticsRow(g.Key, g.Key, g.Sum(c => c.Persons), g.Sum(c => c.LeadingTalents)))
            .ToList();
        var restPersons = totalPersons - top.Sum(c => c.Persons);
        if (restPersons > 0)
        {
            rows.Add(new StatisticsRow(OthersKey, othersLabel, restPersons, totalLeading - top.Sum(c => c.LeadingTalents)));
        }

        return rows;
    }

    internal sealed record Counted(string? Key, int Persons, int LeadingTalents);

    private sealed class PersonEnterprise
    {
        public string? Industry { get; init; }

        public OwnershipType? Ownership { get; init; }

        public bool IsLeadingTalent { get; init; }
    }
}
