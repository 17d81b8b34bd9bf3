using Gongjiang.Core.Calendar;
using Gongjiang.Core.Skills;

namespace Gongjiang.Core.Tests.Skills;

public sealed class ExceptionalPromotionTests
{
    private const string Lathe = "6-18-01-01";
    private static readonly DateOnly Day = new(2026, 6, 1);

    private static ResolvedConditions Conditions() => PromotionConditionBook.Default.Resolve(Lathe, "车工", Day).GetValueOrThrow();

    // 四级 since 2024 (2 of the 5 years), no 大专: the normal route to 三级 is years away.
    private static WorkerSkillFacts Worker(HashSet<Schooling>? schooling = null) =>
        new(new DateOnly(2016, 1, 1), new Dictionary<SkillLevel, DateOnly> { [SkillLevel.Intermediate] = new(2024, 3, 1) }, schooling ?? [], null);

    private static ExceptionalPromotionApplication Application(ExceptionalGround ground, SkillLevel target = SkillLevel.Senior, AwardLevel? award = null, int? apprentices = null, CompetitionResult? competition = null) =>
        new(ground, Lathe, target, "攻克高精度曲轴加工变形难题，产品合格率由92%提高到99.6%", 3, award, apprentices, competition);

    [Theory]
    // 三(三): 解决重大工艺技术难题和重大质量问题
    [InlineData(ExceptionalGround.MajorProblemSolved, null, true)]
    // 三(三): 技术创新成果获得省部级以上奖项
    [InlineData(ExceptionalGround.InnovationAward, AwardLevel.ProvincialOrMinisterial, true)]
    [InlineData(ExceptionalGround.InnovationAward, AwardLevel.National, true)]
    [InlineData(ExceptionalGround.InnovationAward, AwardLevel.Municipal, false)]
    [InlineData(ExceptionalGround.InnovationAward, null, false)]
    // 三(三): “师带徒”业绩突出 (judged by the experts unless a minimum is set)
    [InlineData(ExceptionalGround.MentoringResults, null, true)]
    public void The_three_grounds_of_policy_3_3(ExceptionalGround ground, AwardLevel? award, bool admissible)
    {
        var decision = ExceptionalPromotionRules.Assess(Application(ground, award: award), Conditions(), Worker(), ExceptionalPromotionParameters.Default, Day);

        Assert.Equal(admissible, decision.Outcome.Admissible);
        Assert.Equal(admissible, decision.Rules.Single(r => r.RuleId == "3.3-exceptional-ground").Holds);
    }

    [Fact]
    public void Mentoring_results_below_a_set_minimum_are_refused_with_the_numbers()
    {
        var parameters = ExceptionalPromotionParameters.Default with { MinimumApprenticesPromoted = 3 };

        var decision = ExceptionalPromotionRules.Assess(Application(ExceptionalGround.MentoringResults, apprentices: 2), Conditions(), Worker(), parameters, Day);

        Assert.False(decision.Outcome.Admissible);
        Assert.Contains(decision.Failed, r => r.Reason == "“师带徒”业绩：所带徒弟晋升等级须不少于3人（现为2人）");
    }

    [Fact]
    public void The_record_says_which_requirements_were_waived()
    {
        // 三(三) “取消学历、年限等限制”: the nearest normal route (四级 + 5 years) lacks the years only
        var decision = ExceptionalPromotionRules.Assess(Application(ExceptionalGround.MajorProblemSolved), Conditions(), Worker(), ExceptionalPromotionParameters.Default, Day);

        Assert.Equal(PromotionRequirement.YearsAtPreviousLevel, decision.Outcome.Waived);
        Assert.Equal("取得前一等级后的年限", decision.Outcome.WaivedText);
        Assert.Null(decision.Outcome.NormalRouteMet);
    }

    [Fact]
    public void A_worker_who_meets_a_normal_route_needs_no_waiver()
    {
        // 2018 template 三级 (2): 四级 + 高级技工学校 graduate
        var decision = ExceptionalPromotionRules.Assess(Application(ExceptionalGround.MajorProblemSolved), Conditions(), Worker([Schooling.SeniorSkilledWorkerSchool]), ExceptionalPromotionParameters.Default, Day);

        Assert.Equal(PromotionRequirement.None, decision.Outcome.Waived);
        Assert.NotNull(decision.Outcome.NormalRouteMet);
    }

    [Theory]
    // one level above the level held by default [M]; not the level held; never 特级技师 (appointed, not promoted)
    [InlineData(SkillLevel.Technician, "破格晋升最多高于现有等级1级")]
    [InlineData(SkillLevel.Intermediate, "不高于现有等级")]
    [InlineData(SkillLevel.PrincipalTechnician, "特级技师、首席技师由企业聘任")]
    public void The_target_level_must_be_within_reach(SkillLevel target, string reason)
    {
        var decision = ExceptionalPromotionRules.Assess(Application(ExceptionalGround.MajorProblemSolved, target), Conditions(), Worker(), ExceptionalPromotionParameters.Default, Day);

        Assert.False(decision.Outcome.Admissible);
        Assert.Contains(decision.Failed, r => r.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Theory]
    // rules.md §3: 中华人民共和国职业技能大赛 优胜奖及以上 → 技师, whatever the level held
    [InlineData(SkillLevel.Intermediate, CompetitionPlacing.Excellence, SkillLevel.Technician, true)]
    [InlineData(SkillLevel.Intermediate, CompetitionPlacing.Gold, SkillLevel.Technician, true)]
    // 已是技师 → 高级技师
    [InlineData(SkillLevel.Technician, CompetitionPlacing.Silver, SkillLevel.SeniorTechnician, true)]
    // below 优胜奖 nothing; 技师 is the level given, not 高级技师
    [InlineData(SkillLevel.Intermediate, CompetitionPlacing.Other, SkillLevel.Technician, false)]
    [InlineData(SkillLevel.Intermediate, CompetitionPlacing.Gold, SkillLevel.SeniorTechnician, false)]
    public void The_national_skills_competition_promotes_by_its_rule(SkillLevel held, CompetitionPlacing placing, SkillLevel target, bool admissible)
    {
        var worker = new WorkerSkillFacts(new DateOnly(2018, 1, 1), new Dictionary<SkillLevel, DateOnly> { [held] = new(2024, 3, 1) }, new HashSet<Schooling>(), null);
        var result = new CompetitionResult("第二届中华人民共和国职业技能大赛", CompetitionTier.NationalSkillsCompetition, placing, new DateOnly(2023, 9, 20), Lathe);

        var decision = ExceptionalPromotionRules.Assess(Application(ExceptionalGround.Competition, target, competition: result), Conditions(), worker, ExceptionalPromotionParameters.Default, Day);

        Assert.Equal(admissible, decision.Outcome.Admissible);
    }

    [Fact]
    public void A_competition_skip_waives_the_previous_level()
    {
        var result = new CompetitionResult("第二届中华人民共和国职业技能大赛", CompetitionTier.NationalSkillsCompetition, CompetitionPlacing.Excellence, new DateOnly(2023, 9, 20), Lathe);

        var decision = ExceptionalPromotionRules.Assess(Application(ExceptionalGround.Competition, SkillLevel.Technician, competition: result), Conditions(), Worker(), ExceptionalPromotionParameters.Default, Day);

        Assert.True(decision.Outcome.Admissible);
        Assert.True(decision.Outcome.Waived.HasFlag(PromotionRequirement.PreviousLevel));
    }

    [Fact]
    public void A_competition_held_before_its_rule_does_not_promote()
    {
        var result = new CompetitionResult("某大赛", CompetitionTier.NationalSkillsCompetition, CompetitionPlacing.Gold, new DateOnly(2019, 9, 20), Lathe);

        var decision = ExceptionalPromotionRules.Assess(Application(ExceptionalGround.Competition, SkillLevel.Technician, competition: result), Conditions(), Worker(), ExceptionalPromotionParameters.Default, Day);

        Assert.False(decision.Outcome.Admissible);
        Assert.Contains(decision.Failed, r => r.Reason.Contains("没有登记该类竞赛晋升等级的规定", StringComparison.Ordinal));
    }

    [Fact]
    public void An_application_without_evidence_is_refused()
    {
        var application = Application(ExceptionalGround.MajorProblemSolved) with { EvidenceCount = 0 };

        var decision = ExceptionalPromotionRules.Assess(application, Conditions(), Worker(), ExceptionalPromotionParameters.Default, Day);

        Assert.Contains(decision.Failed, r => r.RuleId == "3.3-exceptional-evidence");
    }

    private static ExpertOpinion Expert(string id, decimal score, bool approves) => new(id, score, approves, "业绩突出，同意破格");

    public static TheoryData<string, ExpertOpinion[], bool> Reviews => new()
    {
        { "five experts, average 80, all for", [Expert("e1", 80, true), Expert("e2", 80, true), Expert("e3", 80, true), Expert("e4", 80, true), Expert("e5", 80, true)], true },
        { "average exactly 60 passes (不低于)", [Expert("e1", 60, true), Expert("e2", 60, true), Expert("e3", 60, true), Expert("e4", 60, true), Expert("e5", 60, true)], true },
        { "average 59.8 fails", [Expert("e1", 60, true), Expert("e2", 60, true), Expert("e3", 60, true), Expert("e4", 60, true), Expert("e5", 59, true)], false },
        { "three of five for is a majority", [Expert("e1", 90, true), Expert("e2", 90, true), Expert("e3", 90, true), Expert("e4", 90, false), Expert("e5", 90, false)], true },
        { "two of five for is not", [Expert("e1", 90, true), Expert("e2", 90, true), Expert("e3", 90, false), Expert("e4", 90, false), Expert("e5", 90, false)], false },
        { "four experts are too few", [Expert("e1", 90, true), Expert("e2", 90, true), Expert("e3", 90, true), Expert("e4", 90, true)], false },
        { "one expert twice is invalid", [Expert("e1", 90, true), Expert("e1", 90, true), Expert("e3", 90, true), Expert("e4", 90, true), Expert("e5", 90, true)], false },
        { "a score over 100 is invalid", [Expert("e1", 101, true), Expert("e2", 90, true), Expert("e3", 90, true), Expert("e4", 90, true), Expert("e5", 90, true)], false },
    };

    [Theory]
    [MemberData(nameof(Reviews))]
    public void Expert_review_passes_on_average_and_majority(string because, ExpertOpinion[] opinions, bool passed)
    {
        var decision = ExpertReview.Evaluate(opinions, ExpertReviewRule.Default, Day);

        Assert.True(passed == decision.Outcome.Passed, because);
    }

    [Fact]
    public void Two_thirds_inclusive_is_met_exactly_by_two_of_three()
    {
        var rule = ExpertReviewRule.Default with { MinimumExperts = 3, ApprovalNumerator = 2, ApprovalDenominator = 3, ApprovalShareInclusive = true };

        var decision = ExpertReview.Evaluate([Expert("e1", 70, true), Expert("e2", 70, true), Expert("e3", 70, false)], rule, Day);

        Assert.True(decision.Outcome.Passed);
        Assert.Equal("同意2票，共3票（须2/3以上（含））", decision.Rules.Single(r => r.RuleId == "review-votes").Reason);
    }

    [Fact]
    public void A_case_goes_from_application_through_review_notice_and_approval_to_the_certificate()
    {
        // 单位申报 → 材料审核 → 专家评审 → 公示 → 审批 → 发证 (policy 三(三); 公示 on the working-day calendar)
        var assessment = ExceptionalPromotionRules.Assess(Application(ExceptionalGround.MajorProblemSolved), Conditions(), Worker(), ExceptionalPromotionParameters.Default, Day);
        var review = ExpertReview.Evaluate([Expert("e1", 85, true), Expert("e2", 80, true), Expert("e3", 78, true), Expert("e4", 90, true), Expert("e5", 70, false)], ExpertReviewRule.Default, Day);
        // 2026-09-30 + 5 working days: 国庆 holidays 10-01…10-07 skipped, 10-10 (Sat) is a 调休 working day
        var (endsOn, provisional) = ExceptionalPromotionWorkflow.NoticeEndsOn(WorkingDayCalendar.China, new DateOnly(2026, 9, 30), 5);
        Assert.False(provisional);

        ExceptionalPromotionStatus? state = null;
        state = Step(state, ExceptionalPromotionAction.Submit, new(Day, "employer", Assessment: assessment));
        state = Step(state, ExceptionalPromotionAction.PassMaterialReview, new(Day, "clerk"));
        state = Step(state, ExceptionalPromotionAction.PassExpertReview, new(Day, "clerk", Review: review));
        state = Step(state, ExceptionalPromotionAction.StartNotice, new(new DateOnly(2026, 9, 30), "clerk", NoticeEndsOn: endsOn));
        var early = ExceptionalPromotionWorkflow.Transition(state, ExceptionalPromotionAction.CloseNotice, new(endsOn, "clerk", NoticeEndsOn: endsOn));
        Assert.Contains("期满后方可提交审批", early.Error, StringComparison.Ordinal);
        state = Step(state, ExceptionalPromotionAction.CloseNotice, new(endsOn.AddDays(1), "clerk", NoticeEndsOn: endsOn));
        state = Step(state, ExceptionalPromotionAction.Approve, new(endsOn.AddDays(2), "director", SubmittedBy: "employer"));
        state = Step(state, ExceptionalPromotionAction.IssueCertificate, new(endsOn.AddDays(3), "clerk", CertificateNumber: "Y000044030001263000001", TargetLevel: SkillLevel.Senior));

        Assert.Equal(ExceptionalPromotionStatus.Certified, state);
        Assert.Equal(new DateOnly(2026, 10, 13), endsOn);
    }

    [Fact]
    public void An_inadmissible_application_cannot_be_submitted_and_says_why()
    {
        var assessment = ExceptionalPromotionRules.Assess(Application(ExceptionalGround.InnovationAward, award: AwardLevel.Municipal), Conditions(), Worker(), ExceptionalPromotionParameters.Default, Day);

        var result = ExceptionalPromotionWorkflow.Transition(null, ExceptionalPromotionAction.Submit, new(Day, "employer", Assessment: assessment));

        Assert.Equal("技术创新成果所获奖项为市级，须为省部级以上", result.Error);
    }

    [Theory]
    // a review that failed cannot be passed, and vice versa
    [InlineData(ExceptionalPromotionAction.PassExpertReview, 50, "专家评审未达到通过标准")]
    [InlineData(ExceptionalPromotionAction.FailExpertReview, 90, "专家评审已达到通过标准")]
    public void The_review_step_follows_the_reviews_decision(ExceptionalPromotionAction action, int score, string reason)
    {
        var review = ExpertReview.Evaluate([.. Enumerable.Range(1, 5).Select(i => Expert("e" + i, score, true))], ExpertReviewRule.Default, Day);

        var result = ExceptionalPromotionWorkflow.Transition(ExceptionalPromotionStatus.UnderExpertReview, action, new(Day, "clerk", Review: review));

        Assert.StartsWith(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_upheld_objection_refuses_the_promotion_and_blocks_approval()
    {
        var ends = new DateOnly(2026, 6, 8);
        var context = new ExceptionalPromotionContext(ends.AddDays(1), "clerk", Reason: "异议成立：获奖成果非本人完成", NoticeEndsOn: ends, UpheldObjections: 1);

        Assert.Equal([ExceptionalPromotionAction.RefuseOnObjection, ExceptionalPromotionAction.Withdraw],
            ExceptionalPromotionWorkflow.AllowedActions(ExceptionalPromotionStatus.InNotice, context));
        Assert.Equal(ExceptionalPromotionStatus.Refused, ExceptionalPromotionWorkflow.Transition(ExceptionalPromotionStatus.InNotice, ExceptionalPromotionAction.RefuseOnObjection, context).Value);
    }

    [Theory]
    // returns and refusals need a reason; the submitter may not approve; the certificate grade must be the approved one
    [InlineData(ExceptionalPromotionStatus.Submitted, ExceptionalPromotionAction.Return, null, "退回补正须填写理由（不少于5个字）")]
    [InlineData(ExceptionalPromotionStatus.PendingApproval, ExceptionalPromotionAction.Approve, null, "审批须由申报人以外的人员进行")]
    [InlineData(ExceptionalPromotionStatus.Approved, ExceptionalPromotionAction.IssueCertificate, "Y000044030001262000001", "证书编号的等级代码为技师（二级），与批准的高级工（三级）不符")]
    [InlineData(ExceptionalPromotionStatus.Certified, ExceptionalPromotionAction.Withdraw, null, "当前状态为“已发证”，不能执行“撤回”")]
    public void Refused_steps_say_why(ExceptionalPromotionStatus state, ExceptionalPromotionAction action, string? number, string error)
    {
        var context = new ExceptionalPromotionContext(Day, "employer", SubmittedBy: "employer", CertificateNumber: number, TargetLevel: SkillLevel.Senior);

        Assert.Equal(error, ExceptionalPromotionWorkflow.Transition(state, action, context).Error);
    }

    private static ExceptionalPromotionStatus? Step(ExceptionalPromotionStatus? state, ExceptionalPromotionAction action, ExceptionalPromotionContext context)
    {
        var result = ExceptionalPromotionWorkflow.Transition(state, action, context);
        Assert.True(result.IsValid, result.Error);
        return result.Value;
    }
}
