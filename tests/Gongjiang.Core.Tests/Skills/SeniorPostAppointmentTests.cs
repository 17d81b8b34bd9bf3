using Gongjiang.Core.Skills;

namespace Gongjiang.Core.Tests.Skills;

public sealed class SeniorPostAppointmentTests
{
    private static readonly DateOnly Start = new(2026, 7, 1);

    private static OccupationLadder Lathe() => OccupationLadder.Standard("6-18-01-01", "车工");

    private static AppointmentFacts Holding(params (SkillLevel Level, int Year)[] levels) =>
        new(levels.ToDictionary(l => l.Level, l => new DateOnly(l.Year, 1, 1)), true, 0);

    [Theory]
    // 人社部发〔2022〕14号: 特级技师 from 高级技师, 首席技师 from 特级技师
    [InlineData(SkillLevel.PrincipalTechnician, SkillLevel.SeniorTechnician, true)]
    [InlineData(SkillLevel.ChiefTechnician, SkillLevel.PrincipalTechnician, true)]
    [InlineData(SkillLevel.PrincipalTechnician, SkillLevel.Technician, false)]
    [InlineData(SkillLevel.ChiefTechnician, SkillLevel.SeniorTechnician, false)]
    // only 特级技师 and 首席技师 are appointed
    [InlineData(SkillLevel.SeniorTechnician, SkillLevel.Technician, false)]
    public void The_appointee_holds_the_level_below(SkillLevel level, SkillLevel held, bool allowed)
    {
        var appointment = new SeniorPostAppointment(level, "6-18-01-01", "曲轴车间首席操作岗", Start, Start.AddYears(3).AddDays(-1));

        var decision = SeniorPostAppointmentRules.Check(appointment, Lathe(), Holding((held, 2020)), AppointmentParameters.Default, Start);

        Assert.Equal(allowed, decision.Outcome);
    }

    [Fact]
    public void No_principal_technician_for_an_occupation_without_senior_technician()
    {
        var ladder = OccupationLadder.Create("4-10-01-01", "保洁员", [SkillLevel.Junior, SkillLevel.Intermediate, SkillLevel.Senior], []).GetValueOrThrow();
        var appointment = new SeniorPostAppointment(SkillLevel.PrincipalTechnician, "4-10-01-01", "保洁主管", Start, Start.AddYears(3).AddDays(-1));

        var decision = SeniorPostAppointmentRules.Check(appointment, ladder, Holding((SkillLevel.SeniorTechnician, 2020)), AppointmentParameters.Default, Start);

        Assert.Contains(decision.Failed, r => r.RuleId == "appoint-occupation" && r.Reason.Contains("未设高级技师等级，不能聘任特级技师", StringComparison.Ordinal));
    }

    [Theory]
    // [M] parameters: term 1–5 years; years at the level below
    [InlineData(0, 3, 0, true)]
    [InlineData(0, 6, 0, false)]
    [InlineData(0, 0, 0, false)]
    [InlineData(8, 3, 0, false)]
    [InlineData(5, 3, 0, true)]
    public void Term_and_years_follow_the_parameters(int minimumYears, int termYears, int quotaServing, bool allowed)
    {
        var parameters = AppointmentParameters.Default with { MinimumYearsAtPrerequisite = minimumYears };
        var appointment = new SeniorPostAppointment(SkillLevel.PrincipalTechnician, "6-18-01-01", "数控车床技术岗", Start, Start.AddYears(termYears).AddDays(-1));
        var facts = Holding((SkillLevel.SeniorTechnician, 2020)) with { ServingAtLevel = quotaServing };

        Assert.Equal(allowed, SeniorPostAppointmentRules.Check(appointment, Lathe(), facts, parameters, Start).Outcome);
    }

    [Fact]
    public void A_quota_post_and_employment_are_checked()
    {
        var parameters = AppointmentParameters.Default with { MaximumServing = 2 };
        var appointment = new SeniorPostAppointment(SkillLevel.ChiefTechnician, "6-18-01-01", " ", Start, Start.AddYears(2).AddDays(-1));
        var facts = Holding((SkillLevel.PrincipalTechnician, 2022)) with { EmployedByEnterprise = false, ServingAtLevel = 2 };

        var failed = SeniorPostAppointmentRules.Check(appointment, Lathe(), facts, parameters, Start).Failed.Select(r => r.RuleId);

        Assert.Equal(["appoint-post", "appoint-employed", "appoint-quota"], failed);
    }

    [Fact]
    public void Serving_runs_from_start_to_end_unless_ended_early()
    {
        var appointment = new SeniorPostAppointment(SkillLevel.PrincipalTechnician, "6-18-01-01", "岗", Start, new DateOnly(2029, 6, 30), new DateOnly(2028, 1, 1));

        Assert.False(appointment.IsServing(Start.AddDays(-1)));
        Assert.True(appointment.IsServing(Start));
        Assert.True(appointment.IsServing(new DateOnly(2027, 12, 31)));
        Assert.False(appointment.IsServing(new DateOnly(2028, 1, 1)));
    }
}
