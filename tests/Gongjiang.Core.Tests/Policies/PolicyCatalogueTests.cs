using Gongjiang.Core.Common;
using Gongjiang.Core.Policies;

namespace Gongjiang.Core.Tests.Policies;

/// <summary>
/// Item versions and inheritance: 全国 items are inherited by provinces and cities, which add their own and override
/// where the higher item allows (《意见》三(一) “各地要…结合实际制定支持政策”); versions of one item never overlap.
/// </summary>
public sealed class PolicyCatalogueTests
{
    private static BenefitItemVersion Item(string region, string key, DateOnly from, DateOnly? to = null, string eligibility = "talent.isLeadingTalent",
        AmountRule? amount = null, bool overridable = true, string? id = null) => new()
        {
            VersionId = id ?? $"{region}-{key}-{from:yyyyMMdd}",
            ItemKey = key,
            Name = key,
            Category = BenefitCategory.Social,
            RegionCode = region,
            EffectiveFrom = from,
            EffectiveTo = to,
            Eligibility = eligibility,
            Amount = amount ?? AmountRule.LeftToRegion,
            LegalBasis = "《关于提高技术工人待遇的意见》三（四）",
            OverridableBelow = overridable,
        };

    private static readonly DateOnly Y2018 = new(2018, 3, 22);
    private static readonly DateOnly Y2020 = new(2020, 1, 1);
    private static readonly DateOnly Y2022 = new(2022, 1, 1);

    [Fact]
    public void A_city_inherits_national_and_provincial_items_and_overrides_where_allowed()
    {
        BenefitItemVersion[] catalogue =
        [
            Item("000000", "settling-allowance", Y2018),                                       // 三(四) 安家补贴, amount left to regions
            Item("000000", "child-education", Y2018, amount: AmountRule.None),                 // 三(四) 子女接受义务教育
            Item("440000", "settling-allowance", Y2020, amount: AmountRule.FixedAmount(new Money(10_000_000))),
            Item("440000", "skilled-living-allowance", Y2020, amount: AmountRule.FixedAmount(new Money(100_000))),
            Item("440300", "settling-allowance", Y2020, amount: AmountRule.FixedAmount(new Money(15_000_000))),
            Item("440100", "settling-allowance", Y2020, amount: AmountRule.FixedAmount(new Money(1))), // 广州: not on 深圳's chain
        ];

        var resolved = PolicyResolver.Resolve(catalogue, "440305", new DateOnly(2024, 1, 1)).GetValueOrThrow();

        Assert.Equal(["settling-allowance", "child-education", "skilled-living-allowance"], resolved.Items.Select(i => i.Version.ItemKey));
        var settling = resolved.Find("settling-allowance")!;
        Assert.Equal("440300-settling-allowance-20200101", settling.Version.VersionId);
        Assert.Equal("市", settling.SourceName);
        Assert.Equal(["000000", "440000"], settling.Overridden.Select(o => o.RegionCode));
        Assert.Equal("调整了全国事项（金额由各地确定）、省事项（100,000.00元）", settling.OverrideText);
        Assert.Equal(JurisdictionLevel.National, resolved.Find("child-education")!.Source);
        Assert.Equal(JurisdictionLevel.Provincial, resolved.Find("skilled-living-allowance")!.Source);
    }

    [Fact]
    public void An_override_the_higher_item_forbids_does_not_take_effect_and_is_noted()
    {
        BenefitItemVersion[] catalogue =
        [
            Item("440000", "settling-allowance", Y2020, amount: AmountRule.FixedAmount(new Money(10_000_000)), overridable: false),
            Item("440300", "settling-allowance", Y2020, amount: AmountRule.FixedAmount(new Money(15_000_000))),
        ];

        var settling = PolicyResolver.Resolve(catalogue, "440300", new DateOnly(2024, 1, 1)).GetValueOrThrow().Find("settling-allowance")!;

        Assert.Equal("440000", settling.Version.RegionCode);
        Assert.Empty(settling.Overridden);
        Assert.Contains("省级事项不允许下级调整", Assert.Single(settling.Notes), StringComparison.Ordinal);
        Assert.Equal("itemKey", Assert.Single(BenefitItemRules.CheckOverride(catalogue[1], catalogue)).Field);
    }

    [Theory]
    // Before the provincial version starts, the national one applies; after the provincial one ends, the national again.
    [InlineData("2019-12-31", "000000")]
    [InlineData("2020-01-01", "440000")]
    [InlineData("2021-12-31", "440000")]
    [InlineData("2022-01-01", "000000")]
    public void Versions_are_chosen_by_date_with_the_end_exclusive(string day, string expectedRegion)
    {
        BenefitItemVersion[] catalogue =
        [
            Item("000000", "settling-allowance", Y2018),
            Item("440000", "settling-allowance", Y2020, to: Y2022, amount: AmountRule.FixedAmount(new Money(10_000_000))),
        ];

        var resolved = PolicyResolver.Resolve(catalogue, "440300", DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).GetValueOrThrow();

        Assert.Equal(expectedRegion, resolved.Find("settling-allowance")!.Version.RegionCode);
    }

    [Theory]
    // [2020, 2022) against [2021, open): overlap.
    [InlineData("2021-01-01", null, true)]
    // starts the day the other ends: no overlap (end exclusive).
    [InlineData("2022-01-01", null, false)]
    // ends the day the other starts.
    [InlineData("2018-01-01", "2020-01-01", false)]
    [InlineData("2018-01-01", "2020-01-02", true)]
    public void Overlapping_versions_of_the_same_item_are_refused_with_a_Chinese_message(string from, string? to, bool refused)
    {
        var existing = Item("440000", "settling-allowance", Y2020, to: Y2022);
        var candidate = Item("440000", "settling-allowance", DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), id: "new");

        var errors = BenefitItemRules.CheckOverlap(candidate, [existing, Item("440300", "settling-allowance", Y2020)]);

        Assert.Equal(refused, errors.Count == 1);
        if (refused)
        {
            Assert.Equal("effectiveFrom", errors[0].Field);
            Assert.Contains("与“settling-allowance”的版本“440000-settling-allowance-20200101”（2020-01-01至2021-12-31）重叠", errors[0].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_version_with_bad_fields_and_rules_is_refused_field_by_field()
    {
        var version = Item("4403", "Settling", Y2020, to: Y2020, eligibility: "person.agee > 3",
            amount: AmountRule.TableOf(StandardFacts.SkillLevelName, [new("技帅", new Money(100)), new("技师", new Money(-1))])) with
        {
            Name = "",
            TimeLimitWorkingDays = 0,
            DepartmentCode = "nobody",
        };

        var errors = BenefitItemRules.Validate(version, StandardFacts.Registry);

        Assert.Equal(
            ["name", "itemKey", "regionCode", "effectiveTo", "departmentCode", "timeLimitWorkingDays", "eligibility", "amount.rows[0]", "amount.rows[1]", "amount"],
            errors.Select(e => e.Field));
        Assert.Equal("第1行第1列：未知的事实“person.agee”（是否为“person.age”？）", errors.Single(e => e.Field == "eligibility").Message);
    }

    [Fact]
    public void An_amount_table_compiles_to_one_rule_with_a_default_row()
    {
        var table = AmountRule.TableOf(StandardFacts.SkillLevelName, [new("技师", new Money(80_000)), new("HighestNever", new Money(1))]);
        var withDefault = AmountRule.TableOf(StandardFacts.SkillLevelName, [new("技师", new Money(80_000))], new Money(50_000));

        Assert.Equal("{'技师': fen(80000), 'HighestNever': fen(1)}[skill.level]", table.ToExpression(StandardFacts.Registry));
        Assert.Equal("skill.level in ['技师'] ? {'技师': fen(80000)}[skill.level] : fen(50000)", withDefault.ToExpression(StandardFacts.Registry));
        Assert.Equal("按技能等级：技师 800.00元；其他 500.00元", withDefault.Describe(StandardFacts.Registry));
    }

    [Fact]
    public void Every_seed_item_is_valid_and_the_example_ones_are_flagged()
    {
        foreach (var item in PolicySeed.Items)
        {
            Assert.Empty(BenefitItemRules.Validate(item, StandardFacts.Registry));
            Assert.Empty(BenefitItemRules.CheckOverlap(item, PolicySeed.Items));
            Assert.Empty(BenefitItemRules.CheckOverride(item, PolicySeed.Items));
            Assert.Equal(item.RegionCode != "000000", item.IsExample);
        }

        Assert.All(PolicySeed.Documents.Where(d => d.RegionCode != "000000"), d => Assert.True(d.IsExample));
        Assert.All(PolicySeed.NationalItems, i => Assert.True(i.Amount.Kind is AmountKind.LeftToRegion or AmountKind.None));
    }

    [Theory]
    // 三(四) 安家补贴: 深圳 overrides 广东, which overrode 全国.
    [InlineData("440300", "settling-allowance", "440000,000000")]
    // 三(三) 特聘岗位津贴: 深圳 inherits 广东's table.
    [InlineData("440300", "special-post-allowance", "000000")]
    // 三(四) 房租补贴: 广州 (440100) inherits the national item as it is.
    [InlineData("440100", "rent-subsidy", "")]
    public void The_seed_resolves_for_Shenzhen_and_Guangzhou(string region, string key, string overridden)
    {
        var item = PolicyResolver.Resolve(PolicySeed.Items, region, new DateOnly(2025, 1, 1)).GetValueOrThrow().Find(key)!;

        Assert.Equal(overridden, string.Join(",", item.Overridden.Select(o => o.RegionCode).Reverse()));
    }

    [Fact]
    public void An_invalid_region_code_is_refused()
    {
        Assert.False(PolicyResolver.Resolve(PolicySeed.Items, "44", new DateOnly(2025, 1, 1)).IsValid);
    }
}
