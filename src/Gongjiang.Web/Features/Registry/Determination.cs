using Gongjiang.Core.Registry;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry;

/// <summary>
/// Loads a person's facts and applies the pure rule of policy 三(一) (<see cref="LeadingTalentDetermination"/>).
/// The stored flag and summary on <see cref="Person"/> are its result for today, kept for search and lists; pages
/// show the full decision, for any date.
/// </summary>
public static class Determination
{
    public static async Task<LeadingTalentDecision?> EvaluateAsync(GongjiangDbContext db, Guid personId, DateOnly asOf, CancellationToken ct)
    {
        var facts = await FactsAsync(db, [personId], ct);
        return facts.TryGetValue(personId, out var f) ? LeadingTalentDetermination.Evaluate(f, asOf) : null;
    }

    /// <summary>Recomputes the stored determination of these persons (tracked entities are updated in place).</summary>
    public static async Task RecomputeAsync(GongjiangDbContext db, IReadOnlyCollection<Person> persons, DateOnly asOf, CancellationToken ct)
    {
        if (persons.Count == 0)
        {
            return;
        }

        var facts = await FactsAsync(db, persons.Select(p => p.Id).ToList(), ct);
        foreach (var person in persons)
        {
            var f = facts.GetValueOrDefault(person.Id) ?? new TalentFacts([], [], [], person.Frontline);
            var decision = LeadingTalentDetermination.Evaluate(f with { Frontline = person.Frontline }, asOf);
            var summary = decision.Bases.Count == 0 ? null : string.Join("；", decision.Bases.Select(b => b.Text));
            if (summary is { Length: > 2000 })
            {
                summary = summary[..1997] + "……";
            }

            if (person.IsLeadingTalent != decision.IsLeadingTalent)
            {
                person.IsLeadingTalent = decision.IsLeadingTalent;
            }

            if (!string.Equals(person.BasesSummary, summary, StringComparison.Ordinal))
            {
                person.BasesSummary = summary;
            }
        }
    }

    private static async Task<Dictionary<Guid, TalentFacts>> FactsAsync(GongjiangDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var honors = await db.Set<Honor>().AsNoTracking().Where(h => ids.Contains(h.PersonId)).ToListAsync(ct);
        var allowances = await db.Set<SpecialAllowance>().AsNoTracking().Where(h => ids.Contains(h.PersonId)).ToListAsync(ct);
        var recognitions = await db.Set<ProvincialRecognition>().AsNoTracking().Where(h => ids.Contains(h.PersonId)).ToListAsync(ct);
        var frontline = await db.Set<Person>().AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Frontline }).ToDictionaryAsync(p => p.Id, p => p.Frontline, ct);
        return ids.ToDictionary(id => id, id => new TalentFacts(
            honors.Where(h => h.PersonId == id).Select(h => new HonorFact(h.Type, h.Year, h.AwardingBody, h.DocumentNumber, h.RevokedOn)).ToList(),
            allowances.Where(a => a.PersonId == id).Select(a => new SpecialAllowanceFact(a.Level, a.Year, a.AwardingBody, a.DocumentNumber, a.RevokedOn)).ToList(),
            recognitions.Where(r => r.PersonId == id).Select(r => new ProvincialRecognitionFact(r.ProvinceCode, r.RecognizedOn, r.DocumentNumber, r.EndsOn)).ToList(),
            frontline.GetValueOrDefault(id)));
    }
}
