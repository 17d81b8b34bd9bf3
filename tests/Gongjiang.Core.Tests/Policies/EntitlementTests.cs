using System.Text.Json;
using Gongjiang.Core.Common;
using Gongjiang.Core.Policies;
using Gongjiang.Core.Registry;

namespace Gongjiang.Core.Tests.Policies;

/// <summary>
/// Entitlements for a person on a day under 深圳's items (the seed: national items of 《意见》三(二)–(四) and 四 with the
/// 示例 广东 and 深圳 versions), with a trace that cites the article; stored decisions replay after the rules change.
/// </summary>
public sealed class EntitlementTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 1);

    private static CompiledItemSet Shenzhen(IEnumerable<BenefitItemVersion>? catalogue = null) =>
        CompiledItemSet.Compile(PolicyResolver.Resolve(catalogue ?? PolicySeed.Items, "440300", AsOf).GetValueOrThrow(), StandardFacts.Registry);

    /// <summary>李建华: 2015 全国劳动模范 (三(一) basis), 高级技师, introduced to 深圳, renting, 2 apprentices, front line.</summary>
    private static FactSet LiJianhua()
    {
        var decision = LeadingTalentDetermination.Evaluate(
            new TalentFacts([new HonorFact(HonorType.NationalModelWorker, 2015, null, null, null)], [], [], true), AsOf);
        return StandardFacts.Registry.NewFactSet(AsOf)
            .SetLeadingTalent(decision)
            .SetYears(StandardFacts.Honors, [new("NationalModelWorker", 2015)])
            .Set(StandardFacts.PersonAge, 45)
            .Set(StandardFacts.SkillLevelName, "SeniorTechnician")
            .Set(StandardFacts.SkillLevelSince, new DateOnly(2019, 3, 1))
            .Set(StandardFacts.TalentIntroduced, true)
            .Set(StandardFacts.OwnsHome, false)
            .Set(StandardFacts.Apprentices, 2)
            .Set(StandardFacts.Frontline, true)
            .Set(StandardFacts.InsuranceMonths, 30)
            .Set(StandardFacts.RegionCode, "440300")
            .Set(StandardFacts.RegionTier, "一类地区")
            .Set(StandardFacts.HouseholdRegistration, "420100")
            .Set(StandardFacts.SchoolAgeChildren, 1)
            .Set(StandardFacts.EnterpriseInDifficulty, false)
            .Set(StandardFacts.UnemployedDependants, 0)
            .Set(StandardFacts.NationalProject, false);
    }

    [Theory]
    // 三(四) 安家补贴: 深圳 示例 150,000 (insured ≥ 6 months).
    [InlineData("settling-allowance", EntitlementStatus.Eligible, "150,000.00元")]
    // 三(四) 房租补贴: 深圳 示例 3,000 a month.
    [InlineData("rent-subsidy", EntitlementStatus.Eligible, "3,000.00元")]
    // 三(三) 特聘岗位津贴: 广东 示例 table, 高级技师 → 1,200.
    [InlineData("special-post-allowance", EntitlementStatus.Eligible, "1,200.00元")]
    // 三(三) 带徒津贴: 广东 示例 300 × 2 apprentices.
    [InlineData("apprentice-allowance", EntitlementStatus.Eligible, "600.00元")]
    // 三(二) 特殊奖励: 深圳 示例, 全国劳动模范 → 50,000.
    [InlineData("special-award", EntitlementStatus.Eligible, "50,000.00元")]
    // 三(二) 国情研修考察: no amount.
    [InlineData("national-study-tour", EntitlementStatus.Eligible, "不涉及金额")]
    // 三(三) 年资工资: inherited national item, amount left to regions.
    [InlineData("seniority-wage", EntitlementStatus.Eligible, "金额由各地确定")]
    // 三(三) 科研项目绩效奖励: not on a national project.
    [InlineData("performance-award", EntitlementStatus.NotEligible, "不符合条件")]
    // 三(四) 积分落户放宽: household registered in 武汉, works in 深圳.
    [InlineData("points-settlement", EntitlementStatus.Eligible, "不涉及金额")]
    // 三(四) 配偶子女就业指导: the enterprise is not in difficulty.
    [InlineData("dependants-employment", EntitlementStatus.NotEligible, "不符合条件")]
    // 四(一) 广东 示例 技能人才生活补贴: 一类地区 → 1,000.
    [InlineData("skilled-living-allowance", EntitlementStatus.Eligible, "1,000.00元")]
    public void A_leading_talent_in_Shenzhen_is_entitled_to_the_items_with_their_amounts(string itemKey, EntitlementStatus status, string amount)
    {
        var report = Shenzhen().Evaluate(LiJianhua());

        var item = report.Items.Single(i => i.ItemKey == itemKey);
        Assert.Equal(status, item.Status);
        Assert.Equal(amount, item.AmountText);
    }

    [Fact]
    public void The_trace_lists_every_condition_with_the_values_used_and_the_article()
    {
        var facts = LiJianhua().Set(StandardFacts.InsuranceMonths, 4);

        var settling = Shenzhen().Evaluate(facts).Items.Single(i => i.ItemKey == "settling-allowance");

        Assert.Equal(EntitlementStatus.NotEligible, settling.Status);
        Assert.Equal(
        [
            "talent.isLeadingTalent|True|成立：是否高技能领军人才=是",
            "talent.introduced|True|成立：是否引进人才=是",
            "insurance.months >= 6|False|不成立：本地社会保险累计缴费月数=4",
        ], settling.Trace.Select(t => $"{t.Condition}|{t.Holds}|{t.Reason}"));
        Assert.All(settling.Trace, t => Assert.StartsWith("《关于提高技术工人待遇的意见》三（四）", t.Citation, StringComparison.Ordinal));
        Assert.Equal("市", PolicyNames.Of(settling.Source));
        Assert.Equal("调整了全国事项（金额由各地确定）、省事项（按公式计算：param.amount）", settling.OverrideText);
        Assert.True(settling.IsExample);
    }

    [Fact]
    public void The_amount_and_the_cap_are_steps_of_the_trace()
    {
        var facts = LiJianhua().Set(StandardFacts.Apprentices, 7);

        var apprentice = Shenzhen().Evaluate(facts).Items.Single(i => i.ItemKey == "apprentice-allowance");

        // 广东 示例: 300 × min(7, 5) = 1,500, capped at 1,200.
        Assert.Equal(new Money(120_000), apprentice.Amount);
        Assert.Equal("金额1,500.00元（在带徒弟人数=7）", apprentice.Trace[^2].Reason);
        Assert.Equal("计算金额1,500.00元超过封顶金额，按1,200.00元发放", apprentice.Trace[^1].Reason);
    }

    [Fact]
    public void An_unknown_fact_makes_the_item_undetermined_with_the_reason()
    {
        var facts = LiJianhua().Clear(StandardFacts.OwnsHome);

        var rent = Shenzhen().Evaluate(facts).Items.Single(i => i.ItemKey == "rent-subsidy");

        Assert.Equal(EntitlementStatus.Undetermined, rent.Status);
        Assert.Equal("无法判断：缺少事实“在本地是否有自有住房”（household.ownsHome）", rent.Trace[1].Reason);
    }

    [Fact]
    public void The_fast_path_agrees_with_the_explained_path_for_many_persons()
    {
        var set = Shenzhen();
        var outcomes = set.CreateOutcomes();
        var random = new Random(11);
        var levels = StandardFacts.SkillLevels.Members;
        for (var n = 0; n < 500; n++)
        {
            var facts = StandardFacts.Registry.NewFactSet(AsOf);
            void Maybe(Action set)
            {
                if (random.Next(6) != 0)
                {
                    set();
                }
            }

            Maybe(() => facts.Set(StandardFacts.TalentIsLeading, random.Next(2) == 0));
            Maybe(() => facts.Set(StandardFacts.TalentIntroduced, random.Next(2) == 0));
            Maybe(() => facts.Set(StandardFacts.OwnsHome, random.Next(2) == 0));
            Maybe(() => facts.Set(StandardFacts.Frontline, random.Next(2) == 0));
            Maybe(() => facts.Set(StandardFacts.SkillLevelName, levels[random.Next(levels.Count)].Code));
            Maybe(() => facts.Set(StandardFacts.Apprentices, random.Next(0, 9)));
            Maybe(() => facts.Set(StandardFacts.InsuranceMonths, random.Next(0, 60)));
            Maybe(() => facts.Set(StandardFacts.RegionTier, StandardFacts.RegionTiers.Members[random.Next(3)].Code));
            Maybe(() => facts.Set(StandardFacts.RegionCode, "440300"));
            Maybe(() => facts.Set(StandardFacts.HouseholdRegistration, random.Next(2) == 0 ? "440300" : "420100"));
            Maybe(() => facts.SetYears(StandardFacts.Honors, random.Next(3) == 0 ? [new("ChinaSkillsGrandAward", 2019)] : []));

            var explained = set.Evaluate(facts);
            set.EvaluateInto(facts, outcomes);

            for (var i = 0; i < set.Items.Count; i++)
            {
                Assert.Equal(explained.Items[i].Status, outcomes.Status(i));
                Assert.Equal(explained.Items[i].Amount, outcomes.Amount(i));
            }
        }
    }

    [Fact]
    public void A_stored_decision_replays_to_the_same_result_after_the_rule_changed()
    {
        var set = Shenzhen();
        var settling = set.Items.Single(i => i.Version.ItemKey == "settling-allowance");
        var record = EntitlementDecisions.Record(settling, LiJianhua(), "440300");
        var stored = JsonSerializer.Serialize(record);

        // 深圳 replaces the version: 200,000 and 24 insured months from 2026 (the old one ends the day before).
        var old = PolicySeed.Items.Single(i => i.VersionId == settling.Version.VersionId);
        var changed = PolicySeed.Items.Select(i => i == old ? i with { EffectiveTo = new DateOnly(2026, 1, 1) } : i).Append(old with
        {
            VersionId = "440300-settling-allowance-2026",
            EffectiveFrom = new DateOnly(2026, 1, 1),
            Eligibility = "talent.isLeadingTalent && talent.introduced && insurance.months >= 36",
            Parameters = [RuleParameter.Of("amount", "补贴金额", new Money(20_000_000))],
        }).ToList();
        var now = CompiledItemSet.Compile(PolicyResolver.Resolve(changed, "440300", new DateOnly(2026, 6, 1)).GetValueOrThrow(), StandardFacts.Registry);
        Assert.Equal(EntitlementStatus.NotEligible, now.Evaluate(LiJianhua().Copy(new DateOnly(2026, 6, 1))).Items.Single(i => i.ItemKey == "settling-allowance").Status);

        var replay = EntitlementDecisions.Replay(JsonSerializer.Deserialize<EntitlementDecisionRecord>(stored)!, StandardFacts.Registry).GetValueOrThrow();

        Assert.True(replay.Same, string.Join("；", replay.Differences));
        Assert.Equal(EntitlementStatus.Eligible, replay.Replayed.Status);
        Assert.Equal(new Money(15_000_000), replay.Replayed.Amount);
        Assert.Equal(["talent.isLeadingTalent", "talent.introduced", "insurance.months"], record.Inputs.Select(i => i.Name));
    }

    [Fact]
    public void A_tampered_record_does_not_replay_as_the_same()
    {
        var set = Shenzhen();
        var record = EntitlementDecisions.Record(set.Items.Single(i => i.Version.ItemKey == "settling-allowance"), LiJianhua(), "440300");
        var tampered = record with { Inputs = [.. record.Inputs.Select(i => i.Name == StandardFacts.InsuranceMonths ? i with { Value = "2" } : i)] };

        var replay = EntitlementDecisions.Replay(tampered, StandardFacts.Registry).GetValueOrThrow();

        Assert.False(replay.Same);
        Assert.Contains("结论不同", replay.Differences[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_gives_the_shared_decision_shape()
    {
        var decision = Shenzhen().Evaluate(LiJianhua()).ToDecision();

        Assert.Equal(AsOf, decision.AsOf);
        Assert.Contains(decision.Outcome, e => e.ItemKey == "settling-allowance");
        Assert.Contains(decision.Rules, r => r.RuleId == "440300-settling-allowance-2020/条件3" && r.Holds);
    }

    [Fact]
    public void The_editor_previews_an_unsaved_version_against_a_chosen_person()
    {
        // 三(三) 带徒津贴 as an editor might type it, first wrong then right.
        var draft = PolicySeed.GuangdongExampleItems.Single(i => i.ItemKey == "apprentice-allowance");

        var wrong = CompiledItem.Compile(new ResolvedItem(draft with { Eligibility = "employment.apprentice >= 1" }, [], []), StandardFacts.Registry);
        var right = CompiledItem.Compile(new ResolvedItem(draft with { Eligibility = "employment.apprentices >= 2" }, [], []), StandardFacts.Registry);

        Assert.Equal("资格条件第1行第1列：未知的事实“employment.apprentice”（是否为“employment.apprentices”？）", wrong.Problem);
        var preview = right.Evaluate(LiJianhua());
        Assert.Equal(new Money(60_000), preview.Amount);
        Assert.Equal("成立：在带徒弟人数=2", preview.Trace[0].Reason);
    }

    [Fact]
    public void An_item_whose_rule_no_longer_compiles_is_undetermined_not_fatal()
    {
        var broken = PolicySeed.Items.Append(PolicySeed.NationalItems[0] with { VersionId = "x", ItemKey = "ghost", Eligibility = "removed.fact" });

        var set = Shenzhen(broken);
        var ghost = set.Evaluate(LiJianhua()).Items.Single(i => i.ItemKey == "ghost");

        Assert.Equal(EntitlementStatus.Undetermined, ghost.Status);
        Assert.Single(set.Problems);
        var outcomes = set.CreateOutcomes();
        set.EvaluateInto(LiJianhua(), outcomes);
        Assert.Equal(EntitlementStatus.Undetermined, outcomes.Status(set.Items.ToList().FindIndex(i => i.Version.ItemKey == "ghost")));
    }
}
