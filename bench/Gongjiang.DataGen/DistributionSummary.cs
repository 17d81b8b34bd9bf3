using System.Globalization;
using Gongjiang.Core.Skills;

namespace Gongjiang.DataGen;

/// <summary>Counts what was generated, row by row, for the summary the CLI prints.</summary>
internal sealed class DistributionSummary
{
    private readonly Dictionary<string, Dictionary<string, long>> tables = new(StringComparer.Ordinal);
    private readonly HashSet<string> enterprises = new(StringComparer.Ordinal);
    private readonly HashSet<string> honouredPeople = new(StringComparer.Ordinal);
    private long rows;
    private long good;

    public IEnumerable<T> Observe<T>(IEnumerable<T> records)
        where T : ISyntheticRecord
    {
        foreach (var record in records)
        {
            Add(record);
            yield return record;
        }
    }

    public void Write(TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"distribution over {rows} rows ({good} valid):"));
        if (enterprises.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  enterprises: {enterprises.Count}"));
        }

        if (honouredPeople.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  honoured persons: {honouredPeople.Count}"));
        }

        foreach (var (table, counts) in tables)
        {
            var total = counts.Values.Sum();
            var top = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(12);
            output.WriteLine("  " + table + ": " + string.Join("  ", top.Select(p =>
                string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value} ({100.0 * p.Value / total:F1}%)"))));
        }
    }

    private void Add(ISyntheticRecord record)
    {
        rows++;
        if (record.IsDeliberatelyBad)
        {
            Count("bad rows", record.BadReason ?? "?");
            return;
        }

        good++;
        switch (record)
        {
            case RosterRecord person:
                var level = SkillLevels.Parse(person.SkillLevel);
                Count("skill level", level.IsValid ? SkillLevels.ChineseName(level.Value) : person.SkillLevel);
                Count("skill level text", person.SkillLevel.Contains('级', StringComparison.Ordinal) && !person.SkillLevel.Contains('工', StringComparison.Ordinal) && !person.SkillLevel.Contains('师', StringComparison.Ordinal)
                    ? "grade only" : person.SkillLevel.Contains('（', StringComparison.Ordinal) ? "name with grade" : "name");
                Count("ownership", person.OwnershipType);
                Count("industry", person.Industry);
                Count("occupation code", person.OccupationCode);
                Count("frontline", person.Frontline);
                Count("mobile", person.Mobile.Length == 0 ? "empty" : "present");
                Count("ID check char", person.IdNumber[^1] == 'X' ? "X" : "digit");
                Count("sex", (person.IdNumber[16] - '0') % 2 == 1 ? "male" : "female");
                Count("birth decade", string.Concat(person.IdNumber.AsSpan(6, 3), "0s"));
                Count("ID province", person.IdNumber[..2]);
                Count("name length", person.Name.Length.ToString(CultureInfo.InvariantCulture));
                Count("issuer", person.CertificateIssuer.EndsWith("职业技能鉴定指导中心", StringComparison.Ordinal) ? "鉴定指导中心" : "enterprise");
                enterprises.Add(person.CreditCode);
                break;
            case HonourRecord honour:
                Count("honour", honour.HonorTitle);
                Count("revoked", honour.Revoked.Length == 0 ? "(empty)" : honour.Revoked);
                Count("award decade", string.Concat(honour.AwardYear.AsSpan(0, 3), "0s"));
                honouredPeople.Add(honour.IdNumber);
                break;
            default:
                break;
        }
    }

    private void Count(string table, string key)
    {
        if (!tables.TryGetValue(table, out var counts))
        {
            counts = new Dictionary<string, long>(StringComparer.Ordinal);
            tables.Add(table, counts);
        }

        counts[key] = counts.GetValueOrDefault(key) + 1;
    }
}
