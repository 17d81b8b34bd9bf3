using Gongjiang.Core.Skills;

namespace Gongjiang.Core.Tests.Skills;

public sealed class CertificateTests
{
    private const string Lathe = "6-18-01-01";
    private static readonly HashSet<Schooling> NoSchooling = [];

    [Theory]
    // 《职业技能等级证书编码规则（试行）》: Y/S + 机构代码4 + 省2 + 站点6 + 年2 + 等级1 + 序列6
    [InlineData("S000044030000194000123", EvaluationBodyKind.SocialTrainingOrganization, "44", 2019, SkillLevel.Intermediate)]
    [InlineData("Y000123000001195000001", EvaluationBodyKind.Employer, "23", 2019, SkillLevel.Junior)]
    [InlineData(" y０００１１１００００１２２６１０００００１ ", EvaluationBodyKind.Employer, "11", 2026, SkillLevel.SeniorTechnician)]
    public void Well_formed_numbers_are_read_part_by_part(string text, EvaluationBodyKind kind, string province, int year, SkillLevel level)
    {
        var number = SkillCertificateNumber.Parse(text).GetValueOrThrow();

        Assert.Equal(kind, number.Kind);
        Assert.Equal(province, number.ProvinceCode);
        Assert.Equal(year % 100, number.YearDigits);
        Assert.Equal(level, number.Level);
        Assert.Equal(22, number.Value.Length);
    }

    [Theory]
    [InlineData(null, "证书编号不能为空")]
    [InlineData("S00004403000019400012", "证书编号“S00004403000019400012”应为22位（1位字母（Y或S）加21位数字，如 S000044030000194000123），现为21位")]
    [InlineData("A000044030000194000123", "证书编号第1位应为评价机构类别Y（用人单位）或S（社会培训评价组织），现为“A”")]
    [InlineData("S00004403000019400012X", "证书编号第22位应为数字，现为“X”")]
    [InlineData("S000099030000194000123", "证书编号第6至7位的省级代码“99”不存在")]
    [InlineData("S000044030000196000123", "证书编号第16位的等级代码应为1至5（1为一级/高级技师，5为五级/初级工），现为“6”")]
    public void Malformed_numbers_are_refused_naming_the_position(string? text, string error)
    {
        Assert.Equal(error, SkillCertificateNumber.Parse(text).Error);
    }

    private static EvaluationBody Body(EvaluationBodyKind kind = EvaluationBodyKind.SocialTrainingOrganization, DateOnly? suspended = null) =>
        new("b1", "深圳市某职业技能评价中心", kind, "000044030000",
            [new EvaluationLicence(Lathe, SkillLevel.Junior, SkillLevel.Senior, new DateOnly(2020, 1, 1), null)], suspended);

    public static TheoryData<string, CertificateIssue, SkillLevel?, string?> Issues => new()
    {
        // a licensed body, the next level, a matching number
        { "ok", new("S000044030000263000001", Lathe, SkillLevel.Senior, new DateOnly(2026, 5, 20)), SkillLevel.Intermediate, null },
        // 评价机构 licensed only up to 三级: a 技师 certificate is refused (issue 14 bad input)
        { "not licensed for 技师", new("S000044030000262000001", Lathe, SkillLevel.Technician, new DateOnly(2026, 5, 20)), SkillLevel.Senior, "cert-body-licensed" },
        // not licensed for another occupation
        { "another occupation", new("S000044030000263000001", "6-18-01-02", SkillLevel.Senior, new DateOnly(2026, 5, 20)), SkillLevel.Intermediate, "cert-body-licensed" },
        // the level digit disagrees with the level
        { "level digit", new("S000044030000264000001", Lathe, SkillLevel.Senior, new DateOnly(2026, 5, 20)), SkillLevel.Intermediate, "cert-number-level" },
        // the year disagrees with the issue date
        { "year", new("S000044030000253000001", Lathe, SkillLevel.Senior, new DateOnly(2026, 5, 20)), SkillLevel.Intermediate, "cert-number-year" },
        // another body's code
        { "issuer", new("S000144030000263000001", Lathe, SkillLevel.Senior, new DateOnly(2026, 5, 20)), SkillLevel.Intermediate, "cert-number-issuer" },
        // Y number from a social organisation
        { "kind", new("Y000044030000263000001", Lathe, SkillLevel.Senior, new DateOnly(2026, 5, 20)), SkillLevel.Intermediate, "cert-number-kind" },
        // skipping 四级 → the ladder refuses (人社部发〔2022〕14号)
        { "skip", new("S000044030000263000001", Lathe, SkillLevel.Senior, new DateOnly(2026, 5, 20)), SkillLevel.Junior, "ladder-no-skip" },
    };

    [Theory]
    [MemberData(nameof(Issues))]
    public void A_certificate_is_checked_against_number_body_and_ladder(string because, CertificateIssue issue, SkillLevel? held, string? failedRule)
    {
        var decision = CertificateIssueRules.Check(issue, Body(), OccupationLadder.Standard(issue.OccupationCode, "车工"), held, NoSchooling, null);

        Assert.True((failedRule is null) == decision.Outcome, because);
        if (failedRule is not null)
        {
            Assert.Contains(decision.Failed, r => r.RuleId == failedRule);
        }
    }

    [Fact]
    public void A_suspended_body_issues_nothing_from_the_day_of_suspension()
    {
        var issue = new CertificateIssue("S000044030000263000001", Lathe, SkillLevel.Senior, new DateOnly(2026, 5, 20));

        var decision = CertificateIssueRules.Check(issue, Body(suspended: new DateOnly(2026, 5, 20)), OccupationLadder.Standard(Lathe, "车工"), SkillLevel.Intermediate, NoSchooling, null);

        Assert.Contains(decision.Failed, r => r.Reason == "深圳市某职业技能评价中心自2026年5月20日起已停止评价资格，不能发证");
    }
}
