using Gongjiang.Core.Common;
using Gongjiang.Core.Policies;

namespace Gongjiang.PolicyBench;

/// <summary>
/// Thirty benefit items exercising the whole language (booleans, the skill ladder, lists, sets, honours with years, dates,
/// strings, tables, formulas, caps, conditionals, decimals) — and the same thirty written by hand in C#, reading the same
/// <see cref="FactSet"/>s by slot. Both must agree on every person's eligible items and total; the run checks it.
/// </summary>
internal static class BenchItems
{
    private static readonly DateOnly From = new(2020, 1, 1);

    private static readonly (string Eligibility, AmountRule Amount, PaymentFrequency Frequency, long? CapYuan)[] Rules =
    [
        ("talent.isLeadingTalent", AmountRule.None, PaymentFrequency.Yearly, null),
        ("talent.isLeadingTalent && employment.frontline", AmountRule.TableOf("skill.level", [Row("技师", 800), Row("高级技师", 1200), Row("特级技师", 1500), Row("首席技师", 2000)], Yuan(500)), PaymentFrequency.Monthly, null),
        ("talent.isLeadingTalent && employment.apprentices >= 1", AmountRule.FormulaOf("yuan(300) * min(employment.apprentices, 5)"), PaymentFrequency.Monthly, 1200),
        ("talent.isLeadingTalent && talent.introduced", AmountRule.FixedAmount(Yuan(100_000)), PaymentFrequency.OneTime, null),
        ("talent.isLeadingTalent && !household.ownsHome", AmountRule.FixedAmount(Yuan(3000)), PaymentFrequency.Monthly, null),
        ("talent.isLeadingTalent && talent.introduced && !household.ownsHome", AmountRule.FixedAmount(Yuan(2000)), PaymentFrequency.Monthly, null),
        ("talent.isLeadingTalent && family.schoolAgeChildren > 0", AmountRule.None, PaymentFrequency.OneTime, null),
        ("talent.isLeadingTalent && household.registration != region.code", AmountRule.None, PaymentFrequency.OneTime, null),
        ("talent.isLeadingTalent && employment.enterpriseInDifficulty && family.unemployedDependants > 0", AmountRule.None, PaymentFrequency.OneTime, null),
        ("talent.isLeadingTalent && employment.nationalProject", AmountRule.FixedAmount(Yuan(20_000)), PaymentFrequency.OneTime, null),
        ("skill.level >= '高级工'", AmountRule.TableOf("region.tier", [Row("Tier1", 1000), Row("Tier2", 800), Row("Tier3", 600)]), PaymentFrequency.Monthly, null),
        ("skill.level >= '技师' && insurance.months >= 12", AmountRule.FormulaOf("yuan(50) * min(insurance.months / 12, 10)"), PaymentFrequency.Monthly, null),
        ("'NationalModelWorker' in honors", AmountRule.FixedAmount(Yuan(50_000)), PaymentFrequency.OneTime, null),
        ("'ChinaSkillsGrandAward' in honors && honors['ChinaSkillsGrandAward'] >= 2015", AmountRule.FixedAmount(Yuan(100_000)), PaymentFrequency.OneTime, null),
        ("'NationalTechnicalExpert' in talent.bases || 'StateCouncilAllowance' in talent.bases", AmountRule.FixedAmount(Yuan(20_000)), PaymentFrequency.OneTime, null),
        ("employment.ownershipType in ['CentralSoe', 'LocalSoe'] && skill.level >= '技师'", AmountRule.FixedAmount(Yuan(200)), PaymentFrequency.Monthly, null),
        ("yearsBetween(skill.levelSince, asOf) >= 5 && skill.level >= '高级技师'", AmountRule.FixedAmount(Yuan(5000)), PaymentFrequency.Yearly, null),
        ("person.age >= 50 && talent.isLeadingTalent", AmountRule.FixedAmount(Yuan(1000)), PaymentFrequency.Yearly, null),
        ("person.age < 35 && skill.level >= '技师'", AmountRule.FixedAmount(Yuan(8000)), PaymentFrequency.OneTime, null),
        ("region.code.startsWith('4403') && talent.isLeadingTalent", AmountRule.FixedAmount(Yuan(6000)), PaymentFrequency.Yearly, null),
        ("region.yearsThere >= 5 && insurance.months >= 60", AmountRule.FormulaOf("yuan(100) * region.yearsThere"), PaymentFrequency.Yearly, 3000),
        ("region.tier == 'Tier1' && talent.introduced", AmountRule.FixedAmount(Yuan(30_000)), PaymentFrequency.OneTime, null),
        ("employment.frontline && skill.level in ['高级工', '技师', '高级技师']", AmountRule.TableOf("skill.level", [Row("高级工", 300), Row("技师", 500), Row("高级技师", 700)]), PaymentFrequency.Monthly, null),
        ("talent.isLeadingTalent ? insurance.months >= 6 : insurance.months >= 36", AmountRule.FixedAmount(Yuan(1500)), PaymentFrequency.Yearly, null),
        ("size(honors) >= 2", AmountRule.FixedAmount(Yuan(10_000)), PaymentFrequency.OneTime, null),
        ("talent.bases.size() >= 1 && employment.ownershipType == 'Private'", AmountRule.FixedAmount(Yuan(4000)), PaymentFrequency.Yearly, null),
        ("insurance.months >= 12 && !household.ownsHome && person.age <= 45", AmountRule.FormulaOf("yuan(1000) + yuan(100) * family.schoolAgeChildren"), PaymentFrequency.Yearly, null),
        ("employment.apprentices >= 3 && skill.level >= '技师'", AmountRule.FormulaOf("yuan(150) * employment.apprentices"), PaymentFrequency.Monthly, 1500),
        ("has(skill.levelSince) && monthsBetween(skill.levelSince, asOf) < 12", AmountRule.FixedAmount(Yuan(2000)), PaymentFrequency.OneTime, null),
        ("talent.isLeadingTalent && region.tier != 'Tier3' && insurance.months >= 24", AmountRule.FormulaOf("yuan(100000) * 0.05"), PaymentFrequency.Yearly, null),
    ];

    public static int Count => Rules.Length;

    public static IReadOnlyList<BenefitItemVersion> Items { get; } = [.. Rules.Select((r, i) => new BenefitItemVersion
    {
        VersionId = $"bench-{i + 1:00}",
        ItemKey = $"bench-{i + 1:00}",
        Name = $"测试事项{i + 1}",
        Category = (BenefitCategory)(i % 3),
        RegionCode = "440000",
        EffectiveFrom = From,
        Eligibility = r.Eligibility,
        Amount = r.Amount,
        Frequency = r.Frequency,
        Cap = r.CapYuan is { } cap ? Yuan(cap) : null,
        LegalBasis = "《关于提高技术工人待遇的意见》三（四）",
    })];

    private static AmountTableRow Row(string key, long yuan) => new(key, Yuan(yuan));

    private static Money Yuan(long yuan) => new(yuan * 100);
}

/// <summary>The same thirty rules written by hand: what a C# developer would write over the same slots.</summary>
internal sealed class HandWritten
{
    private readonly FactKey age, leading, bases, introduced, level, levelSince, honors, ownership, frontline, apprentices, project,
        difficulty, region, tier, yearsThere, months, household, ownsHome, children, dependants;

    private readonly int technician, seniorTechnician, principal, chief, senior;
    private readonly int modelWorker, grandAward, technicalExpert, stateCouncil;
    private readonly int centralSoe, localSoe, privateOwned, tier1, tier2, tier3;

    public HandWritten(FactRegistry registry)
    {
        age = registry.Key("person.age");
        leading = registry.Key("talent.isLeadingTalent");
        bases = registry.Key("talent.bases");
        introduced = registry.Key("talent.introduced");
        level = registry.Key("skill.level");
        levelSince = registry.Key("skill.levelSince");
        honors = registry.Key("honors");
        ownership = registry.Key("employment.ownershipType");
        frontline = registry.Key("employment.frontline");
        apprentices = registry.Key("employment.apprentices");
        project = registry.Key("employment.nationalProject");
        difficulty = registry.Key("employment.enterpriseInDifficulty");
        region = registry.Key("region.code");
        tier = registry.Key("region.tier");
        yearsThere = registry.Key("region.yearsThere");
        months = registry.Key("insurance.months");
        household = registry.Key("household.registration");
        ownsHome = registry.Key("household.ownsHome");
        children = registry.Key("family.schoolAgeChildren");
        dependants = registry.Key("family.unemployedDependants");
        var skills = StandardFacts.SkillLevels;
        (senior, technician, seniorTechnician, principal, chief) = (skills.IndexOf("Senior"), skills.IndexOf("Technician"), skills.IndexOf("SeniorTechnician"), skills.IndexOf("PrincipalTechnician"), skills.IndexOf("ChiefTechnician"));
        var honorTypes = StandardFacts.HonorTypes;
        (modelWorker, grandAward) = (honorTypes.IndexOf("NationalModelWorker"), honorTypes.IndexOf("ChinaSkillsGrandAward"));
        (technicalExpert, stateCouncil) = (StandardFacts.TalentBasisTypes.IndexOf("NationalTechnicalExpert"), StandardFacts.TalentBasisTypes.IndexOf("StateCouncilAllowance"));
        (centralSoe, localSoe, privateOwned) = (StandardFacts.OwnershipTypes.IndexOf("CentralSoe"), StandardFacts.OwnershipTypes.IndexOf("LocalSoe"), StandardFacts.OwnershipTypes.IndexOf("Private"));
        (tier1, tier2, tier3) = (StandardFacts.RegionTiers.IndexOf("Tier1"), StandardFacts.RegionTiers.IndexOf("Tier2"), StandardFacts.RegionTiers.IndexOf("Tier3"));
    }

    /// <summary>Fills amounts (分) and codes (1 eligible, 0 not) like <see cref="ItemOutcomes"/>; an unknown fact means not eligible.</summary>
    public void Evaluate(FactSet f, long[] amounts, int[] codes)
    {
        var isLeading = f.Has(leading) && f.GetBool(leading);
        var hasLevel = f.Has(level);
        var lv = f.GetInt(level);
        var m = f.GetInt(months);
        var isIntroduced = f.GetBool(introduced);
        var noHome = !f.GetBool(ownsHome);
        var honorYears = f.GetYears(honors);
        var baseMask = f.GetInt(bases);
        var tierValue = f.GetInt(tier);
        var ageValue = f.GetInt(age);
        var apprenticeCount = f.GetInt(apprentices);

        Set(amounts, codes, 0, isLeading, 0);
        Set(amounts, codes, 1, isLeading && f.GetBool(frontline), hasLevel ? (lv == technician ? 80_000 : lv == seniorTechnician ? 120_000 : lv == principal ? 150_000 : lv == chief ? 200_000 : 50_000) : -1);
        Set(amounts, codes, 2, isLeading && apprenticeCount >= 1, Math.Min(30_000 * Math.Min(apprenticeCount, 5), 120_000));
        Set(amounts, codes, 3, isLeading && isIntroduced, 10_000_000);
        Set(amounts, codes, 4, isLeading && noHome, 300_000);
        Set(amounts, codes, 5, isLeading && isIntroduced && noHome, 200_000);
        Set(amounts, codes, 6, isLeading && f.GetInt(children) > 0, 0);
        Set(amounts, codes, 7, isLeading && !string.Equals(f.GetString(household), f.GetString(region), StringComparison.Ordinal), 0);
        Set(amounts, codes, 8, isLeading && f.GetBool(difficulty) && f.GetInt(dependants) > 0, 0);
        Set(amounts, codes, 9, isLeading && f.GetBool(project), 2_000_000);
        Set(amounts, codes, 10, hasLevel && lv >= senior, tierValue == tier1 ? 100_000 : tierValue == tier2 ? 80_000 : tierValue == tier3 ? 60_000 : -1);
        Set(amounts, codes, 11, hasLevel && lv >= technician && m >= 12, 5_000 * Math.Min(m / 12, 10));
        Set(amounts, codes, 12, modelWorker < honorYears.Length && honorYears[modelWorker] != 0, 5_000_000);
        Set(amounts, codes, 13, grandAward < honorYears.Length && honorYears[grandAward] != 0 && honorYears[grandAward] >= 2015, 10_000_000);
        Set(amounts, codes, 14, (baseMask & (1L << technicalExpert)) != 0 || (baseMask & (1L << stateCouncil)) != 0, 2_000_000);
        var owner = f.GetInt(ownership);
        Set(amounts, codes, 15, (owner == centralSoe || owner == localSoe) && hasLevel && lv >= technician, 20_000);
        Set(amounts, codes, 16, f.Has(levelSince) && YearsBetween(f.GetInt(levelSince), f.AsOf) >= 5 && hasLevel && lv >= seniorTechnician, 500_000);
        Set(amounts, codes, 17, ageValue >= 50 && isLeading, 100_000);
        Set(amounts, codes, 18, ageValue < 35 && hasLevel && lv >= technician, 800_000);
        Set(amounts, codes, 19, f.GetString(region)!.StartsWith("4403", StringComparison.Ordinal) && isLeading, 600_000);
        var years = f.GetInt(yearsThere);
        Set(amounts, codes, 20, years >= 5 && m >= 60, Math.Min(10_000 * years, 300_000));
        Set(amounts, codes, 21, tierValue == tier1 && isIntroduced, 3_000_000);
        Set(amounts, codes, 22, f.GetBool(frontline) && hasLevel && (lv == senior || lv == technician || lv == seniorTechnician), lv == senior ? 30_000 : lv == technician ? 50_000 : 70_000);
        Set(amounts, codes, 23, isLeading ? m >= 6 : m >= 36, 150_000);
        var honorCount = 0;
        foreach (var year in honorYears)
        {
            honorCount += year != 0 ? 1 : 0;
        }

        Set(amounts, codes, 24, honorCount >= 2, 1_000_000);
        Set(amounts, codes, 25, baseMask != 0 && owner == privateOwned, 400_000);
        Set(amounts, codes, 26, m >= 12 && noHome && ageValue <= 45, 100_000 + (10_000 * f.GetInt(children)));
        Set(amounts, codes, 27, apprenticeCount >= 3 && hasLevel && lv >= technician, Math.Min(15_000 * apprenticeCount, 150_000));
        Set(amounts, codes, 28, f.Has(levelSince) && MonthsBetween(f.GetInt(levelSince), f.AsOf) < 12, 200_000);
        Set(amounts, codes, 29, isLeading && tierValue != tier3 && m >= 24, 500_000);
    }

    private static void Set(long[] amounts, int[] codes, int item, bool eligible, long amount)
    {
        codes[item] = eligible && amount >= 0 ? 1 : 0;
        amounts[item] = eligible && amount >= 0 ? amount : 0;
    }

    private static int YearsBetween(long fromDay, DateOnly to)
    {
        var from = DateOnly.FromDayNumber((int)fromDay);
        var years = to.Year - from.Year;
        return years > 0 && from.AddYears(years) > to ? years - 1 : years;
    }

    private static int MonthsBetween(long fromDay, DateOnly to)
    {
        var from = DateOnly.FromDayNumber((int)fromDay);
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        return months > 0 && from.AddMonths(months) > to ? months - 1 : months;
    }
}
