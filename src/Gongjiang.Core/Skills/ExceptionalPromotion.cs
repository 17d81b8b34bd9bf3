using System.Globalization;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Skills;

/// <summary>
/// The grounds of an exceptional promotion (破格晋升). Policy 三(三): “对于解决重大工艺技术难题和重大质量问题、技术创新成果
/// 获得省部级以上奖项、‘师带徒’业绩突出的，取消学历、年限等限制，破格晋升技术等级”; and competitions (policy 六(二); the
/// 中华人民共和国职业技能大赛 rule of rules.md §3). The int values are stored; never renumber them.
/// </summary>
public enum ExceptionalGround
{
    /// <summary>解决重大工艺技术难题和重大质量问题.</summary>
    MajorProblemSolved = 1,
    /// <summary>技术创新成果获得省部级以上奖项.</summary>
    InnovationAward = 2,
    /// <summary>“师带徒”业绩突出.</summary>
    MentoringResults = 3,
    /// <summary>职业技能竞赛获奖 (the competition route).</summary>
    Competition = 4,
}

/// <summary>The level of an award (奖项级别), lowest first.</summary>
public enum AwardLevel
{
    /// <summary>企业（单位）级.</summary>
    Enterprise = 1,
    /// <summary>市（地）级.</summary>
    Municipal = 2,
    /// <summary>省部级.</summary>
    ProvincialOrMinisterial = 3,
    /// <summary>国家级.</summary>
    National = 4,
}

/// <summary>A competition's tier (竞赛类别).</summary>
public enum CompetitionTier
{
    /// <summary>中华人民共和国职业技能大赛 (every two years since 2020).</summary>
    NationalSkillsCompetition = 1,
    /// <summary>其他国家级一类、二类职业技能竞赛 (each notice sets its own promotion rule).</summary>
    OtherNational = 2,
    /// <summary>省级职业技能竞赛.</summary>
    Provincial = 3,
}

/// <summary>A competition placing, lowest first.</summary>
public enum CompetitionPlacing
{
    /// <summary>其他名次.</summary>
    Other = 0,
    /// <summary>优胜奖.</summary>
    Excellence = 1,
    /// <summary>铜牌.</summary>
    Bronze = 2,
    /// <summary>银牌.</summary>
    Silver = 3,
    /// <summary>金牌.</summary>
    Gold = 4,
}

/// <summary>Chinese names for the exceptional-promotion enums.</summary>
public static class ExceptionalPromotionNames
{
    public static string ChineseName(ExceptionalGround ground) => ground switch
    {
        ExceptionalGround.MajorProblemSolved => "解决重大工艺技术难题和重大质量问题",
        ExceptionalGround.InnovationAward => "技术创新成果获得省部级以上奖项",
        ExceptionalGround.MentoringResults => "“师带徒”业绩突出",
        ExceptionalGround.Competition => "职业技能竞赛获奖",
        _ => throw new ArgumentOutOfRangeException(nameof(ground), ground, null),
    };

    public static string ChineseName(AwardLevel level) => level switch
    {
        AwardLevel.Enterprise => "企业级",
        AwardLevel.Municipal => "市级",
        AwardLevel.ProvincialOrMinisterial => "省部级",
        AwardLevel.National => "国家级",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static string ChineseName(CompetitionTier tier) => tier switch
    {
        CompetitionTier.NationalSkillsCompetition => "中华人民共和国职业技能大赛",
        CompetitionTier.OtherNational => "国家级职业技能竞赛",
        CompetitionTier.Provincial => "省级职业技能竞赛",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, null),
    };

    public static string ChineseName(CompetitionPlacing placing) => placing switch
    {
        CompetitionPlacing.Other => "其他名次",
        CompetitionPlacing.Excellence => "优胜奖",
        CompetitionPlacing.Bronze => "铜牌",
        CompetitionPlacing.Silver => "银牌",
        CompetitionPlacing.Gold => "金牌",
        _ => throw new ArgumentOutOfRangeException(nameof(placing), placing, null),
    };
}

/// <summary>
/// A dated competition promotion rule: a placing of at least <see cref="MinimumPlacing"/> in a competition of
/// <see cref="Tier"/> held on or after <see cref="EffectiveFrom"/> promotes directly to <see cref="TargetLevel"/>, and
/// one who already holds it to the level above (rules.md §3: 中华人民共和国职业技能大赛 优胜奖及以上 → 技师; 已是技师 →
/// 高级技师 [S]). Other competitions set their own rule in each notice: add one per notice.
/// </summary>
/// <param name="Id">Stable rule id.</param>
/// <param name="Tier">The competition tier.</param>
/// <param name="MinimumPlacing">The lowest placing that counts.</param>
/// <param name="TargetLevel">The level given to those below it.</param>
/// <param name="EffectiveFrom">Competitions held on or after this day.</param>
/// <param name="EffectiveTo">Competitions held before this day; null = open.</param>
/// <param name="Citation">The notice.</param>
public sealed record CompetitionPromotionRule(
    string Id,
    CompetitionTier Tier,
    CompetitionPlacing MinimumPlacing,
    SkillLevel TargetLevel,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    string Citation)
{
    /// <summary>
    /// 中华人民共和国职业技能大赛: 优胜奖及以上 → 技师, 技师 → 高级技师 [S]. From the first 大赛 (December 2020); the date
    /// is the first edition's opening, a parameter.
    /// </summary>
    public static CompetitionPromotionRule NationalSkillsCompetition { get; } = new(
        "6.2-competition-national", CompetitionTier.NationalSkillsCompetition, CompetitionPlacing.Excellence, SkillLevel.Technician,
        new DateOnly(2020, 12, 1), null, "中华人民共和国职业技能大赛有关奖励办法（rules.md §3）");

    /// <summary>
    /// The level a competitor holding <paramref name="held"/> is promoted to: <see cref="TargetLevel"/> when below it,
    /// the level above when they hold it already (only up to 高级技师), else null.
    /// </summary>
    public SkillLevel? PromotesTo(SkillLevel? held) =>
        held is null || held < TargetLevel ? TargetLevel
        : held == TargetLevel && TargetLevel < SkillLevel.SeniorTechnician ? TargetLevel + 1
        : null;
}

/// <summary>A competition result put forward as the ground of a promotion.</summary>
/// <param name="Name">The competition's name, e.g. “第二届中华人民共和国职业技能大赛”.</param>
/// <param name="Tier">The competition tier.</param>
/// <param name="Placing">The placing.</param>
/// <param name="HeldOn">The day of the final.</param>
/// <param name="OccupationCode">The occupation (赛项对应职业) the result counts for.</param>
public sealed record CompetitionResult(string Name, CompetitionTier Tier, CompetitionPlacing Placing, DateOnly HeldOn, string OccupationCode);

/// <summary>
/// An employer's application (单位申报) for an exceptional promotion of one worker.
/// </summary>
/// <param name="Ground">The ground of 三(三) (or a competition).</param>
/// <param name="OccupationCode">The occupation of the promotion.</param>
/// <param name="TargetLevel">The level applied for.</param>
/// <param name="Achievement">What was achieved, in the employer's words (the 业绩材料 summary).</param>
/// <param name="EvidenceCount">Number of evidence documents attached (certificates, award documents, reports…).</param>
/// <param name="AwardLevel">For <see cref="ExceptionalGround.InnovationAward"/>: the award's level.</param>
/// <param name="ApprenticesPromoted">For <see cref="ExceptionalGround.MentoringResults"/>: apprentices who reached a new level under the worker.</param>
/// <param name="Competition">For <see cref="ExceptionalGround.Competition"/>: the result.</param>
public sealed record ExceptionalPromotionApplication(
    ExceptionalGround Ground,
    string OccupationCode,
    SkillLevel TargetLevel,
    string Achievement,
    int EvidenceCount,
    AwardLevel? AwardLevel = null,
    int? ApprenticesPromoted = null,
    CompetitionResult? Competition = null);

/// <summary>
/// Parameters of exceptional promotion that the policy leaves to local rules. Every value is [M] (not fixed by the
/// policy text) and set per province.
/// </summary>
/// <param name="MaximumLevelsAboveHeld">How far above the highest level held the three grounds may promote [M]; 1 = the next level only.</param>
/// <param name="MinimumApprenticesPromoted">For 师带徒: apprentices who must have reached a new level [M]; null = left to the experts.</param>
/// <param name="MinimumAchievementLength">Shortest 业绩 description accepted, in characters.</param>
/// <param name="NoticeWorkingDays">Length of the 公示期 in working days [M]; 5 as for other lists.</param>
/// <param name="Competitions">The dated competition rules.</param>
public sealed record ExceptionalPromotionParameters(
    int MaximumLevelsAboveHeld,
    int? MinimumApprenticesPromoted,
    int MinimumAchievementLength,
    int NoticeWorkingDays,
    IReadOnlyList<CompetitionPromotionRule> Competitions)
{
    /// <summary>One level up, experts judge 师带徒, 20 characters of achievement, 5 working days of 公示, the 大赛 rule.</summary>
    public static ExceptionalPromotionParameters Default { get; } =
        new(1, null, 20, 5, [CompetitionPromotionRule.NationalSkillsCompetition]);
}

/// <summary>The assessment of an application before review.</summary>
/// <param name="Admissible">Whether it may go forward (every rule held).</param>
/// <param name="Waived">What the promotion waives compared with the nearest normal route (the record says which: 学历、年限…).</param>
/// <param name="NormalRouteMet">A normal route the worker already meets, if any (then no waiver is needed).</param>
public sealed record ExceptionalPromotionAssessment(bool Admissible, PromotionRequirement Waived, string? NormalRouteMet)
{
    /// <summary>“学历、从事本职业工作年限”, or “无” when nothing is waived.</summary>
    public string WaivedText => SchoolingNames.ChineseNames(Waived);
}

/// <summary>The rules of exceptional promotion (破格晋升) applied to an application.</summary>
public static class ExceptionalPromotionRules
{
    /// <summary>The policy article.</summary>
    public const string Citation = "《关于提高技术工人待遇的意见》三（三）";

    /// <summary>
    /// Checks an application for a worker in an occupation on <paramref name="asOf"/>: the ground is one of 三(三) with
    /// its evidence (an award at 省部级 or above; 师带徒 results; a competition result that promotes to this level), the
    /// target is a graded level on the ladder above the level held and within reach, and says what the promotion waives
    /// compared with the nearest normal route of <paramref name="conditions"/> (学历、年限 and, for a competition, the
    /// level below). Rule ids start with “3.3-exceptional-”.
    /// </summary>
    public static Decision<ExceptionalPromotionAssessment> Assess(
        ExceptionalPromotionApplication application,
        ResolvedConditions conditions,
        WorkerSkillFacts facts,
        ExceptionalPromotionParameters parameters,
        DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(parameters);
        var ladder = conditions.Ladder;
        var held = facts.HighestOn(asOf);
        var target = application.TargetLevel;
        var rules = new List<RuleOutcome> { Ground(application, held, parameters) };

        var achievement = application.Achievement?.Trim() ?? "";
        rules.Add(achievement.Length >= parameters.MinimumAchievementLength && application.EvidenceCount > 0
            ? new RuleOutcome("3.3-exceptional-evidence", true, string.Create(CultureInfo.InvariantCulture, $"已填写业绩说明并附{application.EvidenceCount}份证明材料"), Citation)
            : new RuleOutcome("3.3-exceptional-evidence", false,
                achievement.Length < parameters.MinimumAchievementLength
                    ? string.Create(CultureInfo.InvariantCulture, $"业绩说明不少于{parameters.MinimumAchievementLength}个字（现有{achievement.Length}个字）")
                    : "须附证明材料（获奖证书、鉴定报告、带徒成果等）",
                Citation));

        if (!string.Equals(application.OccupationCode, ladder.OccupationCode, StringComparison.Ordinal))
        {
            rules.Add(new RuleOutcome("3.3-exceptional-occupation", false, $"申报职业{application.OccupationCode}与职业标准{ladder.Display}不一致", Citation));
        }

        if (!SkillLevels.IsGraded(target) || !ladder.Offers(target))
        {
            rules.Add(new RuleOutcome("3.3-exceptional-target", false,
                SkillLevels.IsGraded(target)
                    ? $"{ladder.Display}未设{SkillLevels.DisplayName(target)}"
                    : $"{SkillLevels.ChineseName(target)}不通过破格晋升取得（学徒工由企业确定，特级技师、首席技师由企业聘任）",
                Citation));
        }
        else if (held is { } h && target <= h)
        {
            rules.Add(new RuleOutcome("3.3-exceptional-target", false, $"已持有{SkillLevels.DisplayName(h)}，申报的{SkillLevels.DisplayName(target)}不高于现有等级", Citation));
        }
        else if (application.Ground != ExceptionalGround.Competition && Steps(ladder, held, target) > parameters.MaximumLevelsAboveHeld)
        {
            rules.Add(new RuleOutcome("3.3-exceptional-target", false,
                string.Create(CultureInfo.InvariantCulture, $"破格晋升最多高于现有等级{parameters.MaximumLevelsAboveHeld}级，申报的{SkillLevels.DisplayName(target)}超出"), Citation));
        }
        else
        {
            rules.Add(new RuleOutcome("3.3-exceptional-target", true, $"申报{SkillLevels.DisplayName(target)}", Citation));
        }

        var (waived, normal) = Waivers(conditions, target, facts, asOf);
        if (normal is null && ladder.Offers(target) && ladder.Previous(target) is { } below && held != below && !ladder.IsDirectEntry(target, facts.Schooling))
        {
            // Skipping a level (越级) is itself a waiver, whatever route is nearest.
            waived |= PromotionRequirement.PreviousLevel;
        }

        rules.Add(new RuleOutcome("3.3-exceptional-waived", true,
            normal is not null ? $"已符合正常晋升条件（{normal}），无须破格" : $"破格晋升取消以下限制：{SchoolingNames.ChineseNames(waived)}",
            Citation));

        var admissible = rules.TrueForAll(r => r.Holds);
        return new Decision<ExceptionalPromotionAssessment>(new ExceptionalPromotionAssessment(admissible, waived, normal), asOf, rules);
    }

    /// <summary>
    /// What an exceptional promotion to <paramref name="target"/> waives: none when a normal route is met; otherwise the
    /// unmet requirements of the route that lacks least (fewest requirements, then the order of the standard).
    /// <see cref="Assess"/> adds <see cref="PromotionRequirement.PreviousLevel"/> whenever the promotion skips a level.
    /// </summary>
    public static (PromotionRequirement Waived, string? NormalRouteMet) Waivers(ResolvedConditions conditions, SkillLevel target, WorkerSkillFacts facts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        if (!conditions.Routes.TryGetValue(target, out var routes) || routes.Count == 0)
        {
            return (PromotionRequirement.PreviousLevel, null);
        }

        var checks = routes.Select(r => PromotionEvaluator.CheckRoute(r, facts, asOf)).ToList();
        if (checks.FirstOrDefault(c => c.Met) is { } met)
        {
            return (PromotionRequirement.None, met.Route.Text);
        }

        var nearest = checks.OrderBy(c => System.Numerics.BitOperations.PopCount((uint)c.Unmet)).First();
        return (nearest.Unmet, null);
    }

    private static RuleOutcome Ground(ExceptionalPromotionApplication application, SkillLevel? held, ExceptionalPromotionParameters parameters)
    {
        const string Id = "3.3-exceptional-ground";
        var name = ExceptionalPromotionNames.ChineseName(application.Ground);
        switch (application.Ground)
        {
            case ExceptionalGround.MajorProblemSolved:
                return new RuleOutcome(Id, true, $"申报理由：{name}（由专家评审认定）", Citation);
            case ExceptionalGround.InnovationAward:
                return application.AwardLevel is { } award && award >= AwardLevel.ProvincialOrMinisterial
                    ? new RuleOutcome(Id, true, $"技术创新成果获{ExceptionalPromotionNames.ChineseName(award)}奖项", Citation)
                    : new RuleOutcome(Id, false,
                        application.AwardLevel is { } low
                            ? $"技术创新成果所获奖项为{ExceptionalPromotionNames.ChineseName(low)}，须为省部级以上"
                            : "须填写技术创新成果所获奖项的级别（省部级以上）",
                        Citation);
            case ExceptionalGround.MentoringResults:
                if (parameters.MinimumApprenticesPromoted is { } minimum && (application.ApprenticesPromoted ?? 0) < minimum)
                {
                    return new RuleOutcome(Id, false,
                        string.Create(CultureInfo.InvariantCulture, $"“师带徒”业绩：所带徒弟晋升等级须不少于{minimum}人（现为{application.ApprenticesPromoted ?? 0}人）"), Citation);
                }

                return new RuleOutcome(Id, true,
                    application.ApprenticesPromoted is { } n
                        ? string.Create(CultureInfo.InvariantCulture, $"“师带徒”业绩：所带徒弟{n}人晋升等级（由专家评审认定是否突出）")
                        : "“师带徒”业绩（由专家评审认定是否突出）",
                    Citation);
            case ExceptionalGround.Competition:
                return CompetitionGround(application, held, parameters);
            default:
                throw new ArgumentOutOfRangeException(nameof(application), application.Ground, null);
        }
    }

    private static RuleOutcome CompetitionGround(ExceptionalPromotionApplication application, SkillLevel? held, ExceptionalPromotionParameters parameters)
    {
        const string Id = "3.3-exceptional-ground";
        if (application.Competition is not { } result)
        {
            return new RuleOutcome(Id, false, "须填写竞赛名称、类别、名次和日期", "《关于提高技术工人待遇的意见》六（二）");
        }

        var rule = parameters.Competitions.FirstOrDefault(r => r.Tier == result.Tier
            && r.EffectiveFrom <= result.HeldOn && (r.EffectiveTo is null || result.HeldOn < r.EffectiveTo));
        var label = $"{result.Name}（{ExceptionalPromotionNames.ChineseName(result.Tier)}）{ExceptionalPromotionNames.ChineseName(result.Placing)}";
        if (rule is null)
        {
            return new RuleOutcome(Id, false, $"{label}：没有登记该类竞赛晋升等级的规定", "《关于提高技术工人待遇的意见》六（二）");
        }

        if (result.Placing < rule.MinimumPlacing)
        {
            return new RuleOutcome(rule.Id, false, $"{label}：须获{ExceptionalPromotionNames.ChineseName(rule.MinimumPlacing)}及以上", rule.Citation);
        }

        if (!string.Equals(result.OccupationCode, application.OccupationCode, StringComparison.Ordinal))
        {
            return new RuleOutcome(rule.Id, false, $"{label}：竞赛对应职业{result.OccupationCode}与申报职业{application.OccupationCode}不一致", rule.Citation);
        }

        return rule.PromotesTo(held) is { } level && level == application.TargetLevel
            ? new RuleOutcome(rule.Id, true, $"{label}：可晋升{SkillLevels.DisplayName(level)}", rule.Citation)
            : new RuleOutcome(rule.Id, false,
                rule.PromotesTo(held) is { } other
                    ? $"{label}：按规定晋升{SkillLevels.DisplayName(other)}，与申报的{SkillLevels.DisplayName(application.TargetLevel)}不符"
                    : $"{label}：已持有{SkillLevels.DisplayName(held!.Value)}，该竞赛不再晋升等级",
                rule.Citation);
    }

    private static int Steps(OccupationLadder ladder, SkillLevel? held, SkillLevel target)
    {
        var from = held is { } h && ladder.Offers(h) ? ladder.Levels.ToList().IndexOf(h) : 0;
        return ladder.Levels.ToList().IndexOf(target) - from;
    }
}

/// <summary>One expert's review (评审意见) of an application.</summary>
/// <param name="ExpertId">The expert (stable id; one review per expert).</param>
/// <param name="Score">The score, 0 to the rule's maximum.</param>
/// <param name="Approves">Whether the expert votes for (同意).</param>
/// <param name="Opinion">The written opinion (required).</param>
public sealed record ExpertOpinion(string ExpertId, decimal Score, bool Approves, string Opinion);

/// <summary>
/// The pass rule of an expert review (专家评审). Not set by the policy text: every value is [M] and a parameter.
/// </summary>
/// <param name="MinimumExperts">Fewest reviews for a valid review [M] (5 is common for skill-evaluation panels).</param>
/// <param name="MaximumScore">The top of the score scale.</param>
/// <param name="PassingAverage">The average score at or above which the review can pass [M].</param>
/// <param name="ApprovalNumerator">With <paramref name="ApprovalDenominator"/>: the share of votes for that is needed [M].</param>
/// <param name="ApprovalDenominator">See <paramref name="ApprovalNumerator"/>.</param>
/// <param name="ApprovalShareInclusive">true: at least the share (“三分之二以上（含）”); false: more than it (“过半数”).</param>
public sealed record ExpertReviewRule(
    int MinimumExperts,
    decimal MaximumScore,
    decimal PassingAverage,
    int ApprovalNumerator,
    int ApprovalDenominator,
    bool ApprovalShareInclusive)
{
    /// <summary>At least 5 experts, scores out of 100, average ≥ 60 and more than half for [M].</summary>
    public static ExpertReviewRule Default { get; } = new(5, 100m, 60m, 1, 2, false);
}

/// <summary>The outcome of an expert review.</summary>
/// <param name="Passed">Whether the review passed.</param>
/// <param name="Experts">Valid reviews counted.</param>
/// <param name="Approvals">Votes for.</param>
/// <param name="Average">Average score, rounded to two decimals for display (the comparison is exact).</param>
public sealed record ExpertReviewOutcome(bool Passed, int Experts, int Approvals, decimal Average);

/// <summary>Decides an expert review (专家评审) by its pass rule.</summary>
public static class ExpertReview
{
    /// <summary>
    /// The review's outcome: refuses invalid opinions (duplicate expert, score outside the scale, no written opinion),
    /// then checks the number of experts, the average and the share of votes for. Rule ids: review-valid,
    /// review-experts, review-average, review-votes.
    /// </summary>
    public static Decision<ExpertReviewOutcome> Evaluate(IReadOnlyList<ExpertOpinion> opinions, ExpertReviewRule rule, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(opinions);
        ArgumentNullException.ThrowIfNull(rule);
        var problems = new List<string>();
        foreach (var duplicate in opinions.GroupBy(o => o.ExpertId, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"评审专家{duplicate.Key}提交了多份意见");
        }

        foreach (var o in opinions)
        {
            if (o.Score < 0 || o.Score > rule.MaximumScore)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"评审专家{o.ExpertId}的评分{o.Score}不在0至{rule.MaximumScore}之间"));
            }

            if (string.IsNullOrWhiteSpace(o.Opinion))
            {
                problems.Add($"评审专家{o.ExpertId}未填写评审意见");
            }
        }

        var rules = new List<RuleOutcome>
        {
            new("review-valid", problems.Count == 0, problems.Count == 0 ? "评审意见齐全有效" : string.Join("；", problems)),
        };

        var n = opinions.Count;
        var approvals = opinions.Count(o => o.Approves);
        var sum = opinions.Sum(o => o.Score);
        var average = n == 0 ? 0m : Math.Round(sum / n, 2, MidpointRounding.AwayFromZero);
        rules.Add(new RuleOutcome("review-experts", n >= rule.MinimumExperts,
            string.Create(CultureInfo.InvariantCulture, $"评审专家{n}人（不少于{rule.MinimumExperts}人）")));
        rules.Add(new RuleOutcome("review-average", n > 0 && sum >= rule.PassingAverage * n,
            string.Create(CultureInfo.InvariantCulture, $"平均分{average:0.00}（须不低于{rule.PassingAverage:0.##}）")));
        var needed = (long)rule.ApprovalNumerator * n;
        var have = (long)approvals * rule.ApprovalDenominator;
        var votesHold = n > 0 && (rule.ApprovalShareInclusive ? have >= needed : have > needed);
        var share = rule.ApprovalShareInclusive
            ? $"{rule.ApprovalNumerator}/{rule.ApprovalDenominator}以上（含）"
            : rule.ApprovalNumerator * 2 == rule.ApprovalDenominator ? "过半数" : $"超过{rule.ApprovalNumerator}/{rule.ApprovalDenominator}";
        rules.Add(new RuleOutcome("review-votes", votesHold,
            string.Create(CultureInfo.InvariantCulture, $"同意{approvals}票，共{n}票（须{share}）")));

        var passed = rules.TrueForAll(r => r.Holds);
        return new Decision<ExpertReviewOutcome>(new ExpertReviewOutcome(passed, n, approvals, average), asOf, rules);
    }
}
