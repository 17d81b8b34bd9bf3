using Gongjiang.Core.Policies;
using Gongjiang.Core.Registry;
using Gongjiang.Core.Skills;
using Gongjiang.Web.Features.Policies.Contracts;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry.Facts;

/// <summary>
/// The registry's facts for the benefit-rule engine, for a batch of persons on a day, in seven queries whatever the
/// batch size: age and birth date; 高技能领军人才 status, bases and since when by the dated rule of policy 三(一)
/// (<see cref="LeadingTalentDetermination"/>, the same decision the person page shows); the highest skill level held
/// on the day and since when; honours conferred by then and not revoked, with their years; the employment in force
/// (its start, front-line post, the employer's ownership type); the region worked in and the whole years worked in that
/// city (from the earliest employment at an employer there).
/// </summary>
public sealed class RegistryFactSource(GongjiangDbContext db) : IFactSource
{
    private static readonly string[] Supplied =
    [
        StandardFacts.PersonAge, StandardFacts.PersonBirthDate, StandardFacts.TalentIsLeading, StandardFacts.TalentBases, StandardFacts.TalentSince,
        StandardFacts.SkillLevelName, StandardFacts.SkillLevelSince, StandardFacts.Honors, StandardFacts.OwnershipType, StandardFacts.Frontline,
        StandardFacts.EmployedSince, StandardFacts.RegionCode, StandardFacts.RegionYearsThere,
    ];

    public string Name => "registry";

    public IReadOnlyList<FactDefinition> Declares => [];

    public IReadOnlyCollection<string> Supplies => Supplied;

    public async Task FillAsync(FactBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.PersonIds.Count == 0)
        {
            return;
        }

        var ids = batch.PersonIds as List<Guid> ?? [.. batch.PersonIds];
        var persons = await db.Set<Person>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.BirthDate, p.RegionCode, p.EnterpriseId, p.Frontline, p.HighestSkillLevel })
            .ToListAsync(ct);
        var honors = Group(await db.Set<Honor>().AsNoTracking().Where(h => ids.Contains(h.PersonId))
            .Select(h => new { h.PersonId, Fact = new HonorFact(h.Type, h.Year, h.AwardingBody, h.DocumentNumber, h.RevokedOn, null) })
            .ToListAsync(ct), h => h.PersonId, h => h.Fact);
        var allowances = Group(await db.Set<SpecialAllowance>().AsNoTracking().Where(a => ids.Contains(a.PersonId))
            .Select(a => new { a.PersonId, Fact = new SpecialAllowanceFact(a.Level, a.Year, a.AwardingBody, a.DocumentNumber, a.RevokedOn) })
            .ToListAsync(ct), a => a.PersonId, a => a.Fact);
        var recognitions = Group(await db.Set<ProvincialRecognition>().AsNoTracking().Where(r => ids.Contains(r.PersonId))
            .Select(r => new { r.PersonId, Fact = new ProvincialRecognitionFact(r.ProvinceCode, r.RecognizedOn, r.DocumentNumber, r.EndsOn) })
            .ToListAsync(ct), r => r.PersonId, r => r.Fact);
        var certificates = Group(await db.Set<SkillCertificate>().AsNoTracking().Where(c => ids.Contains(c.PersonId))
            .Select(c => new { c.PersonId, c.Level, c.IssuedOn })
            .ToListAsync(ct), c => c.PersonId, c => (c.Level, c.IssuedOn));
        var employments = Group(await db.Set<Employment>().AsNoTracking().Where(e => ids.Contains(e.PersonId))
            .Select(e => new { e.PersonId, e.EmployerId, e.Frontline, e.StartDate, e.EndDate })
            .ToListAsync(ct), e => e.PersonId, e => (e.EmployerId, e.Frontline, e.StartDate, e.EndDate));
        var enterpriseIds = persons.Where(p => p.EnterpriseId is not null).Select(p => p.EnterpriseId!.Value)
            .Concat(employments.Values.SelectMany(l => l).Select(e => e.EmployerId)).Distinct().ToList();
        var enterprises = await db.Set<Enterprise>().AsNoTracking().Where(e => enterpriseIds.Contains(e.Id))
            .Select(e => new { e.Id, e.OwnershipType, e.RegionCode })
            .ToDictionaryAsync(e => e.Id, e => (e.OwnershipType, e.RegionCode), ct);

        var asOf = batch.AsOf;
        var keys = Keys.For(batch.Registry);
        foreach (var person in persons)
        {
            if (!batch.TryGet(person.Id, out var facts))
            {
                continue;
            }

            facts.SetInt(keys.BirthDate, person.BirthDate.DayNumber);
            if (person.BirthDate <= asOf)
            {
                facts.SetInt(keys.Age, WholeYears(person.BirthDate, asOf));
            }

            facts.SetString(keys.Region, person.RegionCode);

            // 三(一): the same dated determination the person page shows.
            var decision = LeadingTalentDetermination.Evaluate(new TalentFacts(
                honors.GetValueOrDefault(person.Id) ?? [], allowances.GetValueOrDefault(person.Id) ?? [],
                recognitions.GetValueOrDefault(person.Id) ?? [], person.Frontline), asOf);
            facts.SetLeadingTalent(decision);

            // Honours conferred by the day and not revoked on it, each with its (earliest) year.
            var held = (honors.GetValueOrDefault(person.Id) ?? [])
                .Where(h => h.Year <= asOf.Year && (h.RevokedOn is not { } revoked || revoked > asOf))
                .Select(h => new KeyValuePair<string, int>(h.Type.ToString(), h.Year));
            facts.SetYears(StandardFacts.Honors, held);

            // The highest level certified on the day (a certificate without a date counts), since the earliest such certificate.
            var valid = (certificates.GetValueOrDefault(person.Id) ?? []).Where(c => c.IssuedOn is not { } issued || issued <= asOf).ToList();
            if (valid.Count > 0)
            {
                var top = valid.Max(c => c.Level);
                facts.SetInt(keys.SkillLevel, keys.LevelPosition(top));
                if (valid.Where(c => c.Level == top && c.IssuedOn is not null).Select(c => c.IssuedOn!.Value).DefaultIfEmpty().Min() is var since && since != default)
                {
                    facts.SetInt(keys.SkillSince, since.DayNumber);
                }
            }
            else if (person.HighestSkillLevel is { } level && certificates.GetValueOrDefault(person.Id) is null)
            {
                facts.SetInt(keys.SkillLevel, keys.LevelPosition(level));
            }

            // The employment in force on the day (the latest started), its employer and front-line post.
            var jobs = employments.GetValueOrDefault(person.Id) ?? [];
            var current = jobs.Where(j => (j.StartDate is not { } start || start <= asOf) && (j.EndDate is not { } end || end > asOf))
                .OrderByDescending(j => j.StartDate ?? DateOnly.MinValue).Select(j => (Job: j, Found: true)).FirstOrDefault();
            var employer = current.Found ? current.Job.EmployerId : person.EnterpriseId;
            if (employer is { } employerId && enterprises.TryGetValue(employerId, out var enterprise))
            {
                facts.SetInt(keys.Ownership, keys.OwnershipPosition(enterprise.OwnershipType));
            }

            if ((current.Found ? current.Job.Frontline ?? person.Frontline : person.Frontline) is { } frontline)
            {
                facts.SetInt(keys.Frontline, frontline ? 1 : 0);
            }

            if (current.Found && current.Job.StartDate is { } employedSince)
            {
                facts.SetInt(keys.EmployedSince, employedSince.DayNumber);
            }

            // Whole years worked in the city of the person's region: from the earliest employment at an employer there.
            var city = person.RegionCode.Length >= 4 ? person.RegionCode[..4] : person.RegionCode;
            var firstThere = jobs.Where(j => j.StartDate is { } s && s <= asOf && enterprises.TryGetValue(j.EmployerId, out var e) && e.RegionCode.StartsWith(city, StringComparison.Ordinal))
                .Select(j => j.StartDate!.Value).DefaultIfEmpty().Min();
            if (firstThere != default)
            {
                facts.SetInt(keys.YearsThere, WholeYears(firstThere, asOf));
            }
        }
    }

    /// <summary>Whole years from <paramref name="from"/> to <paramref name="to"/> (a birthday on 29 February counts on 1 March).</summary>
    internal static int WholeYears(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        if (to < from.AddYears(years))
        {
            years--;
        }

        return Math.Max(years, 0);
    }

    private static Dictionary<Guid, List<TValue>> Group<TRow, TValue>(List<TRow> rows, Func<TRow, Guid> key, Func<TRow, TValue> value)
    {
        var groups = new Dictionary<Guid, List<TValue>>();
        foreach (var row in rows)
        {
            var id = key(row);
            if (!groups.TryGetValue(id, out var list))
            {
                groups[id] = list = [];
            }

            list.Add(value(row));
        }

        return groups;
    }

    /// <summary>The slots of the facts this source sets, per registry (looked up once, not per person).</summary>
    private sealed class Keys
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FactRegistry, Keys> Cache = [];
        private readonly long[] _levels;
        private readonly Dictionary<OwnershipType, long> _ownership;

        private Keys(FactRegistry registry)
        {
            Age = registry.Key(StandardFacts.PersonAge);
            BirthDate = registry.Key(StandardFacts.PersonBirthDate);
            Region = registry.Key(StandardFacts.RegionCode);
            SkillLevel = registry.Key(StandardFacts.SkillLevelName);
            SkillSince = registry.Key(StandardFacts.SkillLevelSince);
            Ownership = registry.Key(StandardFacts.OwnershipType);
            Frontline = registry.Key(StandardFacts.Frontline);
            EmployedSince = registry.Key(StandardFacts.EmployedSince);
            YearsThere = registry.Key(StandardFacts.RegionYearsThere);
            var levels = registry.Find(StandardFacts.SkillLevelName)!.Type.Enum!;
            _levels = [.. Enum.GetValues<SkillLevel>().Select(l => (long)levels.IndexOf(l.ToString()))];
            var ownership = registry.Find(StandardFacts.OwnershipType)!.Type.Enum!;
            _ownership = Enum.GetValues<OwnershipType>().ToDictionary(o => o, o => (long)ownership.IndexOf(o.ToString()));
        }

        public FactKey Age { get; }

        public FactKey BirthDate { get; }

        public FactKey Region { get; }

        public FactKey SkillLevel { get; }

        public FactKey SkillSince { get; }

        public FactKey Ownership { get; }

        public FactKey Frontline { get; }

        public FactKey EmployedSince { get; }

        public FactKey YearsThere { get; }

        public static Keys For(FactRegistry registry) => Cache.GetValue(registry, r => new Keys(r));

        public long LevelPosition(SkillLevel level) => _levels[(int)level];

        public long OwnershipPosition(OwnershipType type) => _ownership[type];
    }
}
