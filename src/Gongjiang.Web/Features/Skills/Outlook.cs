using Gongjiang.Core.Skills;
using Gongjiang.Web.Features.Registry.Contracts;

namespace Gongjiang.Web.Features.Skills;

/// <summary>The next level in one occupation: the Core's outlook with the routes checked.</summary>
public sealed record OccupationOutlook(string Occupation, string OccupationCode, string? HeldLevel, PromotionOutlook Outlook, IReadOnlyList<string> Routes, DateOnly? WorkingSince);

/// <summary>A worker's outlook: next level per occupation and the titles of 职称比照 (engineering series).</summary>
public sealed record WorkerOutlook(SkillHolder Holder, IReadOnlyList<OccupationOutlook> Occupations, IReadOnlyList<EquivalenceOption> Titles, IReadOnlyList<string> TitleRules);

/// <summary>
/// Issue 14, Deliver 3 and 6 (the worker's view): which level the worker may apply for next in each occupation and why not
/// yet (<see cref="PromotionEvaluator"/> on the 申报条件 in force), and which professional titles 职称比照 opens and when
/// (<see cref="TitleEquivalence.TitlesFor"/>, engineering series). Schooling is not in the registry yet, so routes that
/// need it show as unmet.
/// </summary>
public static class Outlook
{
    public static async Task<WorkerOutlook?> ForAsync(ISkillCertificateRegistry registry, Guid personId, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var holder = await registry.FindHolderAsync(personId, ct);
        if (holder is null)
        {
            return null;
        }

        var certificates = (await registry.CertificatesOfAsync(personId, ct)).Where(c => c.RevokedOn is null && c.IssuedOn is not null).ToList();
        var occupations = certificates.GroupBy(c => (Code: c.OccupationCode ?? c.Occupation, Name: c.Occupation)).Select(g => g.Key).ToList();
        if (occupations.Count == 0 && holder.Occupation is { Length: > 0 } current)
        {
            occupations.Add((current, current));
        }

        var result = new List<OccupationOutlook>();
        foreach (var (code, name) in occupations)
        {
            var held = certificates.Where(c => (c.OccupationCode ?? c.Occupation) == code)
                .GroupBy(c => c.Level).ToDictionary(g => g.Key, g => g.Min(c => c.IssuedOn!.Value));
            var since = await registry.OccupationSinceAsync(personId, code, name, ct);
            var facts = new WorkerSkillFacts(since, held, new HashSet<Schooling>(), null);
            var decision = PromotionEvaluator.Evaluate(PromotionConditionBook.Default, code, name, facts, asOf);
            var top = held.Count == 0 ? null : SkillLevels.DisplayName(held.Keys.Max());
            result.Add(new OccupationOutlook(name, code, top, decision.Outcome, [.. decision.Rules.Select(r => (r.Holds ? "✓ " : "✗ ") + r.Reason)], since));
        }

        var levels = certificates.GroupBy(c => c.Level).ToDictionary(g => g.Key, g => g.Min(c => c.IssuedOn!.Value));
        var titles = TitleEquivalence.TitlesFor(EquivalenceRules.Default, TitleSeries.Engineering, levels, asOf);
        return new WorkerOutlook(holder, result, titles.Outcome, [.. titles.Rules.Select(r => r.Reason)]);
    }
}
