using Gongjiang.Core.Common;
using Gongjiang.Core.Policies;

namespace Gongjiang.Core.Tests.Policies;

/// <summary>
/// What-if simulation and cross-region comparison over the items of 《意见》三(三)–(四) (issue 11, 4–5): who gains, who
/// loses, what it costs by region and category; what each region gives one person.
/// </summary>
public sealed class SimulationTests
{
    private static readonly DateOnly AsOf = new(2025, 1, 1);

    private static BenefitItemVersion Item(string key, BenefitCategory category, string eligibility, AmountRule amount, PaymentFrequency frequency) => new()
    {
        VersionId = "440000-" + key,
        ItemKey = key,
        Name = key,
        Category = category,
        RegionCode = "440000",
        EffectiveFrom = new DateOnly(2020, 1, 1),
        Eligibility = eligibility,
        Amount = amount,
        Frequency = frequency,
        LegalBasis = "《关于提高技术工人待遇的意见》三（四）",
    };

    private static CompiledItemSet Set(params BenefitItemVersion[] items) =>
        CompiledItemSet.Compile("440000", AsOf, [.. items.Select(i => new ResolvedItem(i, [], []))], StandardFacts.Registry);

    private static FactSet Person(string region, bool leading, bool introduced, int months) => StandardFacts.Registry.NewFactSet(AsOf)
        .Set(StandardFacts.RegionCode, region)
        .Set(StandardFacts.TalentIsLeading, leading)
        .Set(StandardFacts.TalentIntroduced, introduced)
        .Set(StandardFacts.InsuranceMonths, months);

    // 三(四) 安家补贴 one-time 100,000 → reform 150,000 and ≥ 12 insured months; 三(四) 房租补贴 2,000 a month unchanged.
    private static readonly BenefitItemVersion Settling = Item("settling-allowance", BenefitCategory.Social, "talent.isLeadingTalent && talent.introduced",
        AmountRule.FormulaOf("param.amount"), PaymentFrequency.OneTime) with
    { Parameters = [RuleParameter.Of("amount", "补贴金额", new Money(10_000_000))] };

    private static readonly BenefitItemVersion Rent = Item("rent-subsidy", BenefitCategory.Social, "talent.isLeadingTalent",
        AmountRule.FixedAmount(new Money(200_000)), PaymentFrequency.Monthly);

    private static readonly BenefitItemVersion Award = Item("special-award", BenefitCategory.Political, "talent.isLeadingTalent && insurance.months >= 60",
        AmountRule.None, PaymentFrequency.OneTime);

    [Fact]
    public void A_reform_of_one_parameter_and_one_condition_shows_gainers_losers_and_cost_by_region_and_category()
    {
        var baseline = Set(Settling, Rent);
        var reform = Set(
            Settling with { Eligibility = Settling.Eligibility + " && insurance.months >= 12", Parameters = [RuleParameter.Of("amount", "补贴金额", new Money(15_000_000))] },
            Rent,
            Award);
        FactSet[] persons =
        [
            Person("440300", true, true, 24),   // gains 50,000
            Person("440300", true, true, 6),    // loses 100,000 (fewer than 12 months)
            Person("440100", true, false, 6),   // rent only: unchanged
            Person("440100", false, false, 0),  // nothing either way
            Person("440100", true, false, 72),  // gains the non-monetary award at the same amount
        ];

        var summary = WhatIfSimulation.Run(baseline, reform, persons);

        Assert.Equal((5L, 2L, 1L, 2L), (summary.Persons, summary.Gainers, summary.Losers, summary.Unchanged));
        // baseline: 2 × 100,000 + 4 × 2,000 × 12 = 296,000; reform: 150,000 + 4 × 24,000 = 246,000.
        Assert.Equal(new Money(29_600_000), summary.BaselineCost);
        Assert.Equal(new Money(24_600_000), summary.ReformCost);
        Assert.Equal(
        [
            "440100|Political|0|1|0.00|0.00",
            "440100|Social|2|2|48,000.00|48,000.00",
            "440300|Social|4|3|248,000.00|198,000.00",
        ], summary.ByRegionAndCategory.Select(r => $"{r.RegionCode}|{r.Category}|{r.BaselineEntitlements}|{r.ReformEntitlements}|{r.BaselineCost}|{r.ReformCost}"));
        var settling = summary.ByItem.Single(i => i.ItemKey == "settling-allowance");
        Assert.Equal((2L, 1L), (settling.BaselineEntitled, settling.ReformEntitled));
    }

    [Fact]
    public void The_simulation_streams_persons_and_reports_progress()
    {
        var set = Set(Settling, Rent);
        var produced = 0;
        IEnumerable<FactSet> Stream()
        {
            for (var i = 0; i < 25_000; i++)
            {
                produced++;
                yield return Person(i % 2 == 0 ? "440300" : "440100", i % 3 == 0, i % 5 == 0, i % 40);
            }
        }

        var reports = new List<long>();
        var summary = WhatIfSimulation.Run(set, set, Stream(), progress: new SynchronousProgress(reports.Add));

        Assert.Equal(25_000, produced);
        Assert.Equal(25_000, summary.Unchanged);
        Assert.Equal([10_000L, 20_000L, 25_000L], reports);
        Assert.Equal(summary.BaselineCost, summary.ReformCost);
    }

    [Fact]
    public void Undetermined_items_are_counted_and_cost_nothing()
    {
        var set = Set(Settling);
        var unknown = StandardFacts.Registry.NewFactSet(AsOf).Set(StandardFacts.TalentIsLeading, true);

        var summary = WhatIfSimulation.Run(set, set, [unknown]);

        Assert.Equal(1, summary.Undetermined);
        Assert.Equal(Money.Zero, summary.BaselineCost);
    }

    [Fact]
    public void One_person_compared_across_regions_as_if_resident_there()
    {
        var regions = new[] { "440300", "440100", "110000" }
            .Select(code => CompiledItemSet.Compile(PolicyResolver.Resolve(PolicySeed.Items, code, AsOf).GetValueOrThrow(), StandardFacts.Registry))
            .ToList();
        var person = StandardFacts.Registry.NewFactSet(AsOf)
            .Set(StandardFacts.TalentIsLeading, true).Set(StandardFacts.TalentIntroduced, true).Set(StandardFacts.InsuranceMonths, 12)
            .Set(StandardFacts.OwnsHome, false).Set(StandardFacts.RegionCode, "440300");

        var comparison = RegionComparison.ComparePerson(person, regions);

        var settling = comparison.Rows.Single(r => r.ItemKey == "settling-allowance");
        // 三(四) 安家补贴: 深圳 示例 150,000; 广州 inherits 广东 示例 100,000; 北京 only the national item (amount left to regions).
        Assert.Equal(["150,000.00元", "100,000.00元", "金额由各地确定"], settling.ByRegion.Select(e => e!.AmountText));
        // 广东's 技能人才生活补贴 is not in force in 北京.
        Assert.Null(comparison.Rows.Single(r => r.ItemKey == "skilled-living-allowance").ByRegion[2]);
        // 深圳: 150,000 + 3,000 × 12 rent; 广州: 100,000; 北京: nothing computed.
        Assert.Equal([new Money(18_600_000), new Money(10_000_000), Money.Zero], comparison.AnnualTotals);
    }

    [Fact]
    public void One_item_compared_across_regions_shows_source_and_amount()
    {
        var sets = new[] { "440300", "440100", "110000" }.Select(code => PolicyResolver.Resolve(PolicySeed.Items, code, AsOf).GetValueOrThrow()).ToList();

        var rows = RegionComparison.CompareItem("settling-allowance", sets, StandardFacts.Registry);

        Assert.Equal(["市|按公式计算：param.amount", "省|按公式计算：param.amount", "全国|金额由各地确定"], rows.Select(r => r.SourceName + "|" + r.AmountText));
        Assert.Equal("未设立", RegionComparison.CompareItem("skilled-living-allowance", sets)[2].AmountText);
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
