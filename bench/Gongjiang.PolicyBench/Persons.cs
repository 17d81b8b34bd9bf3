using Gongjiang.Core.Policies;

namespace Gongjiang.PolicyBench;

/// <summary>
/// Deterministic synthetic persons (seeded): about 10 % leading talents, a skill level for 80 % (the rest hold no
/// certificate: those facts are absent), honours for a few, regions across 广东.
/// </summary>
internal sealed class Persons(FactRegistry registry, DateOnly asOf)
{
    private static readonly string[] Regions = ["440300", "440100", "440400", "440600", "441900", "440305", "440106"];

    private readonly FactKey age = registry.Key("person.age");
    private readonly FactKey leading = registry.Key("talent.isLeadingTalent");
    private readonly FactKey bases = registry.Key("talent.bases");
    private readonly FactKey introduced = registry.Key("talent.introduced");
    private readonly FactKey level = registry.Key("skill.level");
    private readonly FactKey levelSince = registry.Key("skill.levelSince");
    private readonly FactKey ownership = registry.Key("employment.ownershipType");
    private readonly FactKey frontline = registry.Key("employment.frontline");
    private readonly FactKey apprentices = registry.Key("employment.apprentices");
    private readonly FactKey project = registry.Key("employment.nationalProject");
    private readonly FactKey difficulty = registry.Key("employment.enterpriseInDifficulty");
    private readonly FactKey region = registry.Key("region.code");
    private readonly FactKey tier = registry.Key("region.tier");
    private readonly FactKey yearsThere = registry.Key("region.yearsThere");
    private readonly FactKey months = registry.Key("insurance.months");
    private readonly FactKey household = registry.Key("household.registration");
    private readonly FactKey ownsHome = registry.Key("household.ownsHome");
    private readonly FactKey children = registry.Key("family.schoolAgeChildren");
    private readonly FactKey dependants = registry.Key("family.unemployedDependants");

    /// <summary>Persons <paramref name="count"/> long, produced lazily (nothing is kept).</summary>
    public IEnumerable<FactSet> Stream(int count, int seed = 2025)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return Next(random);
        }
    }

    public FactSet Next(Random random)
    {
        var f = registry.NewFactSet(asOf);
        var isLeading = random.Next(10) == 0;
        f.SetInt(age, random.Next(20, 61));
        f.SetInt(leading, isLeading ? 1 : 0);
        f.SetInt(bases, isLeading ? 1L << random.Next(7) : 0);
        f.SetInt(introduced, random.Next(4) == 0 ? 1 : 0);
        if (random.Next(5) != 0)
        {
            f.SetInt(level, random.Next(8));
            f.SetInt(levelSince, asOf.AddDays(-random.Next(0, 4000)).DayNumber);
        }

        f.SetInt(ownership, random.Next(5));
        f.SetInt(frontline, random.Next(3) != 0 ? 1 : 0);
        f.SetInt(apprentices, random.Next(6) == 0 ? random.Next(1, 9) : 0);
        f.SetInt(project, random.Next(20) == 0 ? 1 : 0);
        f.SetInt(difficulty, random.Next(15) == 0 ? 1 : 0);
        var code = Regions[random.Next(Regions.Length)];
        f.SetString(region, code);
        f.SetInt(tier, random.Next(3));
        f.SetInt(yearsThere, random.Next(0, 20));
        f.SetInt(months, random.Next(0, 200));
        f.SetString(household, random.Next(2) == 0 ? code : "420100");
        f.SetInt(ownsHome, random.Next(2));
        f.SetInt(children, random.Next(3));
        f.SetInt(dependants, random.Next(10) == 0 ? 1 : 0);
        var honorCount = isLeading ? random.Next(0, 3) : random.Next(40) == 0 ? 1 : 0;
        var honors = new List<KeyValuePair<string, int>>();
        for (var h = 0; h < honorCount; h++)
        {
            honors.Add(new(StandardFacts.HonorTypes.Members[random.Next(4)].Code, random.Next(2000, 2025)));
        }

        f.SetYears("honors", honors);
        return f;
    }
}
