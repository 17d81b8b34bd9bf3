using Gongjiang.Core.Skills;

namespace Gongjiang.Core.Tests.Skills;

public sealed class SkillLadderTests
{
    private static readonly DateOnly Day = new(2026, 6, 1);
    private static readonly HashSet<Schooling> NoSchooling = [];

    private static OccupationLadder Lathe() => OccupationLadder.Standard("6-18-01-01", "车工");

    // A standard that stops at 三级 (e.g. many service occupations): no 高级技师, so no 特级技师 or 首席技师.
    private static OccupationLadder UpToSenior() =>
        OccupationLadder.Create("4-10-01-01", "保洁员", [SkillLevel.Junior, SkillLevel.Intermediate, SkillLevel.Senior], [new DirectEntry(SkillLevel.Intermediate, null)]).GetValueOrThrow();

    [Theory]
    // 人社部发〔2022〕14号: the ladder climbs one level at a time
    [InlineData(SkillLevel.Junior, SkillLevel.Intermediate, true)]
    [InlineData(SkillLevel.Intermediate, SkillLevel.Senior, true)]
    [InlineData(SkillLevel.Senior, SkillLevel.Technician, true)]
    [InlineData(SkillLevel.Technician, SkillLevel.SeniorTechnician, true)]
    [InlineData(SkillLevel.SeniorTechnician, SkillLevel.PrincipalTechnician, true)]
    [InlineData(SkillLevel.PrincipalTechnician, SkillLevel.ChiefTechnician, true)]
    // 2018-template 申报条件: 五级 and 四级 may be entered without a lower certificate
    [InlineData(null, SkillLevel.Junior, true)]
    [InlineData(null, SkillLevel.Intermediate, true)]
    [InlineData(SkillLevel.Apprentice, SkillLevel.Intermediate, true)]
    // skipping a level without an approved exceptional promotion (policy 三(三)) is refused
    [InlineData(null, SkillLevel.Senior, false)]
    [InlineData(SkillLevel.Junior, SkillLevel.Senior, false)]
    [InlineData(SkillLevel.Intermediate, SkillLevel.Technician, false)]
    [InlineData(SkillLevel.Senior, SkillLevel.SeniorTechnician, false)]
    [InlineData(SkillLevel.Technician, SkillLevel.PrincipalTechnician, false)]
    [InlineData(SkillLevel.SeniorTechnician, SkillLevel.ChiefTechnician, false)]
    // same or lower level
    [InlineData(SkillLevel.Senior, SkillLevel.Senior, false)]
    [InlineData(SkillLevel.Technician, SkillLevel.Junior, false)]
    public void A_level_follows_the_one_below_it(SkillLevel? held, SkillLevel target, bool allowed)
    {
        var decision = SkillLadder.CheckStep(Lathe(), held, target, NoSchooling, null, Day);

        Assert.Equal(allowed, decision.Outcome);
        Assert.Equal(allowed, decision.Failed.Any() is false);
    }

    [Theory]
    // 中办发〔2022〕58号 / 人社部发〔2022〕14号: 特级技师、首席技师 only where the occupation has 高级技师
    [InlineData(SkillLevel.PrincipalTechnician)]
    [InlineData(SkillLevel.ChiefTechnician)]
    [InlineData(SkillLevel.Technician)]
    public void An_occupation_without_senior_technician_offers_no_level_above_its_standard(SkillLevel target)
    {
        var decision = SkillLadder.CheckStep(UpToSenior(), SkillLevel.Senior, target, NoSchooling, null, Day);

        Assert.False(decision.Outcome);
        var offered = Assert.Single(decision.Failed, r => r.RuleId == "ladder-offered");
        Assert.Contains("保洁员", offered.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Principal_technician_is_refused_where_there_is_no_senior_technician_with_the_reason()
    {
        var decision = SkillLadder.CheckStep(UpToSenior(), SkillLevel.Senior, SkillLevel.PrincipalTechnician, NoSchooling, null, Day);

        Assert.Contains(decision.Failed, r => r.Reason.Contains("未设高级技师等级，不能设立特级技师", StringComparison.Ordinal));
    }

    [Fact]
    public void An_approved_exceptional_promotion_lets_a_graded_level_skip()
    {
        // 三(三): 破格晋升 — 中级工 straight to 技师 once approved for that level and occupation
        var approval = new ExceptionalPromotionApproval("粤人社破格〔2026〕3号", "6-18-01-01", SkillLevel.Technician, Day.AddDays(-10));

        var decision = SkillLadder.CheckStep(Lathe(), SkillLevel.Intermediate, SkillLevel.Technician, NoSchooling, approval, Day);

        Assert.True(decision.Outcome);
        Assert.Contains(decision.Rules, r => r.RuleId == "ladder-no-skip" && r.Reason.Contains("破格晋升", StringComparison.Ordinal));
    }

    [Theory]
    // the approval must match level, occupation and precede the step
    [InlineData(SkillLevel.SeniorTechnician, "6-18-01-01", -10)]
    [InlineData(SkillLevel.Technician, "6-18-01-02", -10)]
    [InlineData(SkillLevel.Technician, "6-18-01-01", 5)]
    public void An_approval_for_another_level_occupation_or_a_later_day_does_not_count(SkillLevel approvedLevel, string occupation, int approvedOffset)
    {
        var approval = new ExceptionalPromotionApproval("A-1", occupation, approvedLevel, Day.AddDays(approvedOffset));

        var decision = SkillLadder.CheckStep(Lathe(), SkillLevel.Intermediate, SkillLevel.Technician, NoSchooling, approval, Day);

        Assert.False(decision.Outcome);
    }

    [Fact]
    public void An_approval_never_makes_a_principal_technician_skip()
    {
        var approval = new ExceptionalPromotionApproval("A-2", "6-18-01-01", SkillLevel.PrincipalTechnician, Day.AddDays(-1));

        var decision = SkillLadder.CheckStep(Lathe(), SkillLevel.Technician, SkillLevel.PrincipalTechnician, NoSchooling, approval, Day);

        Assert.False(decision.Outcome);
        Assert.Contains(decision.Failed, r => r.Reason.Contains("特级技师须由高级技师（一级）晋升", StringComparison.Ordinal));
    }

    [Fact]
    public void Technician_is_a_direct_entry_only_with_a_preparatory_technician_certificate()
    {
        // 2018 template 二级 (3): 预备技师证书的技师学院毕业生，累计从事本职业工作2年
        Assert.False(SkillLadder.CheckStep(Lathe(), SkillLevel.Intermediate, SkillLevel.Technician, NoSchooling, null, Day).Outcome);
        Assert.True(SkillLadder.CheckStep(Lathe(), SkillLevel.Intermediate, SkillLevel.Technician, new HashSet<Schooling> { Schooling.PreparatoryTechnicianClass }, null, Day).Outcome);
    }

    [Fact]
    public void Levels_of_a_ladder_add_principal_and_chief_only_above_senior_technician()
    {
        Assert.Equal(Enum.GetValues<SkillLevel>(), Lathe().Levels);
        Assert.Equal([SkillLevel.Apprentice, SkillLevel.Junior, SkillLevel.Intermediate, SkillLevel.Senior], UpToSenior().Levels);
        Assert.Equal(SkillLevel.ChiefTechnician, Lathe().Next(SkillLevel.PrincipalTechnician));
        Assert.Null(Lathe().Next(SkillLevel.ChiefTechnician));
        Assert.Null(UpToSenior().Next(SkillLevel.Senior));
        Assert.Equal(SkillLevel.Junior, UpToSenior().Next(null));
    }

    [Fact]
    public void A_ladder_with_a_gap_or_an_ungraded_level_is_refused_in_Chinese()
    {
        var gap = OccupationLadder.Create("X", "某职业", [SkillLevel.Junior, SkillLevel.Senior], []);
        var ungraded = OccupationLadder.Create("X", "某职业", [SkillLevel.Junior, SkillLevel.PrincipalTechnician], []);

        Assert.Equal("职业技能标准的等级应当连续，不能跳过中间等级", gap.Error);
        Assert.Equal("特级技师不是职业技能标准设定的等级（应为五级至一级）", ungraded.Error);
    }

    [Theory]
    // 《职业技能等级证书编码规则（试行）》 第16位: 1 一级 … 5 五级
    [InlineData(SkillLevel.Junior, 5)]
    [InlineData(SkillLevel.Intermediate, 4)]
    [InlineData(SkillLevel.Senior, 3)]
    [InlineData(SkillLevel.Technician, 2)]
    [InlineData(SkillLevel.SeniorTechnician, 1)]
    [InlineData(SkillLevel.Apprentice, null)]
    [InlineData(SkillLevel.PrincipalTechnician, null)]
    [InlineData(SkillLevel.ChiefTechnician, null)]
    public void Grade_digits_round_trip(SkillLevel level, int? digit)
    {
        Assert.Equal(digit, SkillLevels.GradeDigit(level));
        if (digit is { } d)
        {
            Assert.Equal(level, SkillLevels.FromGradeDigit(d));
        }
    }
}
