using System.Globalization;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Skills;

/// <summary>
/// A professional-title series (职称系列) open to 职称比照: 工程 (2018 engineering-track opinion) and the series that
/// 人社部发〔2020〕96号 added. The int values are stored; never renumber them.
/// </summary>
public enum TitleSeries
{
    /// <summary>工程系列.</summary>
    Engineering = 1,
    /// <summary>农业系列.</summary>
    Agriculture = 2,
    /// <summary>工艺美术系列.</summary>
    ArtsAndCrafts = 3,
    /// <summary>文物博物系列.</summary>
    CulturalHeritage = 4,
    /// <summary>实验技术系列.</summary>
    LaboratoryTechnology = 5,
    /// <summary>艺术系列.</summary>
    Art = 6,
    /// <summary>体育系列.</summary>
    Sports = 7,
    /// <summary>技工院校教师系列.</summary>
    TechnicalSchoolTeacher = 8,
}

/// <summary>The tier of a professional title, lowest first.</summary>
public enum TitleTier
{
    /// <summary>助理级 (初级).</summary>
    Assistant = 1,
    /// <summary>中级.</summary>
    Intermediate = 2,
    /// <summary>副高级.</summary>
    AssociateSenior = 3,
    /// <summary>正高级.</summary>
    FullSenior = 4,
}

/// <summary>Names of series and titles.</summary>
public static class TitleNames
{
    public static string ChineseName(TitleSeries series) => series switch
    {
        TitleSeries.Engineering => "工程系列",
        TitleSeries.Agriculture => "农业系列",
        TitleSeries.ArtsAndCrafts => "工艺美术系列",
        TitleSeries.CulturalHeritage => "文物博物系列",
        TitleSeries.LaboratoryTechnology => "实验技术系列",
        TitleSeries.Art => "艺术系列",
        TitleSeries.Sports => "体育系列",
        TitleSeries.TechnicalSchoolTeacher => "技工院校教师系列",
        _ => throw new ArgumentOutOfRangeException(nameof(series), series, null),
    };

    /// <summary>
    /// The title's name: “高级工程师”, “讲师”, “助理工艺美术师”…; series whose names differ by speciality (农业: 农艺师、
    /// 畜牧师…; 艺术; 体育) are named by tier (“农业系列中级职称”).
    /// </summary>
    public static string ChineseName(TitleSeries series, TitleTier tier) => (series, tier) switch
    {
        (TitleSeries.Engineering, TitleTier.Assistant) => "助理工程师",
        (TitleSeries.Engineering, TitleTier.Intermediate) => "工程师",
        (TitleSeries.Engineering, TitleTier.AssociateSenior) => "高级工程师",
        (TitleSeries.Engineering, TitleTier.FullSenior) => "正高级工程师",
        (TitleSeries.ArtsAndCrafts, TitleTier.Assistant) => "助理工艺美术师",
        (TitleSeries.ArtsAndCrafts, TitleTier.Intermediate) => "工艺美术师",
        (TitleSeries.ArtsAndCrafts, TitleTier.AssociateSenior) => "高级工艺美术师",
        (TitleSeries.ArtsAndCrafts, TitleTier.FullSenior) => "正高级工艺美术师",
        (TitleSeries.LaboratoryTechnology, TitleTier.Assistant) => "助理实验师",
        (TitleSeries.LaboratoryTechnology, TitleTier.Intermediate) => "实验师",
        (TitleSeries.LaboratoryTechnology, TitleTier.AssociateSenior) => "高级实验师",
        (TitleSeries.LaboratoryTechnology, TitleTier.FullSenior) => "正高级实验师",
        (TitleSeries.TechnicalSchoolTeacher, TitleTier.Assistant) => "助理讲师",
        (TitleSeries.TechnicalSchoolTeacher, TitleTier.Intermediate) => "讲师",
        (TitleSeries.TechnicalSchoolTeacher, TitleTier.AssociateSenior) => "高级讲师",
        (TitleSeries.TechnicalSchoolTeacher, TitleTier.FullSenior) => "正高级讲师",
        (TitleSeries.CulturalHeritage, TitleTier.Assistant) => "助理馆员",
        (TitleSeries.CulturalHeritage, TitleTier.Intermediate) => "馆员",
        (TitleSeries.CulturalHeritage, TitleTier.AssociateSenior) => "副研究馆员",
        (TitleSeries.CulturalHeritage, TitleTier.FullSenior) => "研究馆员",
        _ => ChineseName(series) + TierName(tier) + "职称",
    };

    public static string TierName(TitleTier tier) => tier switch
    {
        TitleTier.Assistant => "助理级",
        TitleTier.Intermediate => "中级",
        TitleTier.AssociateSenior => "副高级",
        TitleTier.FullSenior => "正高级",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, null),
    };
}

/// <summary>The direction of an equivalence rule.</summary>
public enum EquivalenceDirection
{
    /// <summary>技能等级 → 职称: a skilled worker applies for a professional title (参加职称评审).</summary>
    SkillToTitle = 1,
    /// <summary>职称 → 技能等级: a professional applies for a skill level (参加职业技能评价).</summary>
    TitleToSkill = 2,
}

/// <summary>
/// A dated equivalence rule: holding <see cref="Level"/> (or the title, the other way) for <see cref="MinimumYears"/>
/// years opens the application for the other side, in force from <see cref="EffectiveFrom"/> until
/// <see cref="EffectiveTo"/> (exclusive).
/// </summary>
/// <param name="Id">Stable rule id.</param>
/// <param name="Direction">Skill → title or title → skill.</param>
/// <param name="Series">The title series.</param>
/// <param name="Level">The skill level (held, or applied for).</param>
/// <param name="Tier">The title tier (applied for, or held).</param>
/// <param name="MinimumYears">Years the held side must have been held.</param>
/// <param name="EffectiveFrom">First day in force.</param>
/// <param name="EffectiveTo">First day no longer in force; null = open.</param>
/// <param name="Citation">The source; “[M]” marks values not verified against the primary text.</param>
public sealed record EquivalenceRule(
    string Id,
    EquivalenceDirection Direction,
    TitleSeries Series,
    SkillLevel Level,
    TitleTier Tier,
    int MinimumYears,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    string Citation)
{
    /// <summary>Whether in force on <paramref name="date"/>.</summary>
    public bool InForce(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is null || date < EffectiveTo);
}

/// <summary>The rules that ship with the platform.</summary>
public static class EquivalenceRules
{
    private const string Engineering2018 = "《关于在工程技术领域实现高技能人才与工程技术人才职业发展贯通的意见（试行）》（人社部，2018年）";
    private const string Extension2020 = "人社部发〔2020〕96号";

    /// <summary>
    /// The engineering opinion's published date (news of 2018-11-30: “人社部近日发布”) [M: the exact date and number are not verified].
    /// </summary>
    public static readonly DateOnly EngineeringFrom = new(2018, 11, 30);

    /// <summary>人社部发〔2020〕96号, published 2021-01 [S]; taken as in force from 2021-01-01 [M].</summary>
    public static readonly DateOnly ExtensionFrom = new(2021, 1, 1);

    /// <summary>
    /// 高级工 → 助理级 after 2 years, 技师 → 中级 after 3, 高级技师 → 副高级 after 4 [S]: for 工程 from the 2018 opinion, for
    /// the other series of 96号 from its date (their years are assumed the same as 工程 [M]). The reverse direction
    /// (助理工程师 → 高级工, 工程师 → 技师, 高级工程师 → 高级技师, engineering only) follows the 2018 opinion's call for
    /// professionals to take part in skill evaluation and 中办发〔2022〕58号 “双向比照认定”; the levels and the 0 years are [M].
    /// </summary>
    public static IReadOnlyList<EquivalenceRule> Default { get; } = Build();

    private static EquivalenceRule[] Build()
    {
        var rules = new List<EquivalenceRule>();
        (SkillLevel Level, TitleTier Tier, int Years)[] ladder =
        [
            (SkillLevel.Senior, TitleTier.Assistant, 2),
            (SkillLevel.Technician, TitleTier.Intermediate, 3),
            (SkillLevel.SeniorTechnician, TitleTier.AssociateSenior, 4),
        ];
        foreach (var series in Enum.GetValues<TitleSeries>())
        {
            var engineering = series == TitleSeries.Engineering;
            foreach (var (level, tier, years) in ladder)
            {
                rules.Add(new EquivalenceRule(
                    string.Create(CultureInfo.InvariantCulture, $"6.3-title-{series}-{tier}"),
                    EquivalenceDirection.SkillToTitle, series, level, tier, years,
                    engineering ? EngineeringFrom : ExtensionFrom, null,
                    engineering ? Engineering2018 : Extension2020 + "（年限比照工程系列 [M]）"));
            }
        }

        foreach (var (level, tier, _) in ladder)
        {
            rules.Add(new EquivalenceRule(
                string.Create(CultureInfo.InvariantCulture, $"6.3-skill-Engineering-{level}"),
                EquivalenceDirection.TitleToSkill, TitleSeries.Engineering, level, tier, 0, EngineeringFrom, null,
                Engineering2018 + "；中办发〔2022〕58号“双向比照认定” [M]"));
        }

        return [.. rules];
    }
}

/// <summary>One option the worker (or professional) may apply for, and from when.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Name">What may be applied for: “工程师”, “技师（二级）”.</param>
/// <param name="Basis">What it rests on: “技师（二级），2022年3月1日取得”.</param>
/// <param name="EligibleOn">The first day the application may be filed.</param>
/// <param name="EligibleNow">Whether on the day asked.</param>
public sealed record EquivalenceOption(string RuleId, string Name, string Basis, DateOnly EligibleOn, bool EligibleNow);

/// <summary>
/// 职称比照 (policy 六(三): “建立职业资格、职业技能等级与相应职称比照认定制度，制定高技能人才参加工程技术人才职称评审或认定的政策”).
/// </summary>
public static class TitleEquivalence
{
    /// <summary>
    /// The titles a worker holding <paramref name="levelsHeld"/> may apply for in <paramref name="series"/>, each with the
    /// day it opens (the years counted from the day the level was obtained, on the rule in force on <paramref name="asOf"/>),
    /// highest title first. The decision's outcome lists them; a held level that opens nothing in force is not listed.
    /// </summary>
    public static Decision<IReadOnlyList<EquivalenceOption>> TitlesFor(IReadOnlyList<EquivalenceRule> rules, TitleSeries series, IReadOnlyDictionary<SkillLevel, DateOnly> levelsHeld, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(levelsHeld);
        var outcomes = new List<RuleOutcome>();
        var options = new List<EquivalenceOption>();
        foreach (var rule in rules.Where(r => r.Direction == EquivalenceDirection.SkillToTitle && r.Series == series && r.InForce(asOf)).OrderByDescending(r => r.Tier))
        {
            var title = TitleNames.ChineseName(series, rule.Tier);
            if (!levelsHeld.TryGetValue(rule.Level, out var since) || since > asOf)
            {
                outcomes.Add(new RuleOutcome(rule.Id, false, $"申报{title}须取得{SkillLevels.DisplayName(rule.Level)}满{rule.MinimumYears}年（未持有该等级）", rule.Citation));
                continue;
            }

            var due = since.AddYears(rule.MinimumYears);
            var now = due <= asOf;
            options.Add(new EquivalenceOption(rule.Id, title, $"{SkillLevels.DisplayName(rule.Level)}，{Elapsed.Date(since)}取得", due, now));
            outcomes.Add(new RuleOutcome(rule.Id, now,
                now
                    ? string.Create(CultureInfo.InvariantCulture, $"取得{SkillLevels.DisplayName(rule.Level)}已满{rule.MinimumYears}年，可申报{title}")
                    : string.Create(CultureInfo.InvariantCulture, $"取得{SkillLevels.DisplayName(rule.Level)}满{rule.MinimumYears}年后可申报{title}，尚差{Elapsed.Describe(asOf, due)}（{Elapsed.Date(due)}起）"),
                rule.Citation));
        }

        return new Decision<IReadOnlyList<EquivalenceOption>>(options, asOf, outcomes);
    }

    /// <summary>
    /// The skill levels a professional holding <paramref name="titlesHeld"/> (tier → day obtained) in
    /// <paramref name="series"/> may apply for in skill evaluation, highest first (the reverse direction).
    /// </summary>
    public static Decision<IReadOnlyList<EquivalenceOption>> LevelsFor(IReadOnlyList<EquivalenceRule> rules, TitleSeries series, IReadOnlyDictionary<TitleTier, DateOnly> titlesHeld, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(titlesHeld);
        var outcomes = new List<RuleOutcome>();
        var options = new List<EquivalenceOption>();
        foreach (var rule in rules.Where(r => r.Direction == EquivalenceDirection.TitleToSkill && r.Series == series && r.InForce(asOf)).OrderByDescending(r => r.Level))
        {
            var title = TitleNames.ChineseName(series, rule.Tier);
            var level = SkillLevels.DisplayName(rule.Level);
            if (!titlesHeld.TryGetValue(rule.Tier, out var since) || since > asOf)
            {
                outcomes.Add(new RuleOutcome(rule.Id, false, $"申报{level}评价须取得{title}（未持有）", rule.Citation));
                continue;
            }

            var due = since.AddYears(rule.MinimumYears);
            var now = due <= asOf;
            options.Add(new EquivalenceOption(rule.Id, level, $"{title}，{Elapsed.Date(since)}取得", due, now));
            outcomes.Add(new RuleOutcome(rule.Id, now,
                now ? $"已取得{title}，可申报{level}评价" : $"取得{title}满{rule.MinimumYears}年后可申报{level}评价，尚差{Elapsed.Describe(asOf, due)}",
                rule.Citation));
        }

        return new Decision<IReadOnlyList<EquivalenceOption>>(options, asOf, outcomes);
    }

    /// <summary>
    /// Whether an application for <paramref name="tier"/> in <paramref name="series"/> may be filed on
    /// <paramref name="asOf"/>: a rule in force and its years met. Refused “before the years are met” with the shortfall.
    /// </summary>
    public static Decision<bool> CheckTitleApplication(IReadOnlyList<EquivalenceRule> rules, TitleSeries series, TitleTier tier, IReadOnlyDictionary<SkillLevel, DateOnly> levelsHeld, DateOnly asOf)
    {
        var all = TitlesFor(rules, series, levelsHeld, asOf);
        var title = TitleNames.ChineseName(series, tier);
        var rule = rules.FirstOrDefault(r => r.Direction == EquivalenceDirection.SkillToTitle && r.Series == series && r.Tier == tier && r.InForce(asOf));
        if (rule is null)
        {
            var none = new RuleOutcome("6.3-title-none", false, $"{Elapsed.Date(asOf)}没有以技能等级申报{title}的比照规定");
            return new Decision<bool>(false, asOf, [none]);
        }

        var outcome = all.Rules.First(r => string.Equals(r.RuleId, rule.Id, StringComparison.Ordinal));
        return new Decision<bool>(outcome.Holds, asOf, [outcome]);
    }

    /// <summary>Whether an application for skill evaluation at <paramref name="level"/> on the strength of a title may be filed.</summary>
    public static Decision<bool> CheckSkillApplication(IReadOnlyList<EquivalenceRule> rules, TitleSeries series, SkillLevel level, IReadOnlyDictionary<TitleTier, DateOnly> titlesHeld, DateOnly asOf)
    {
        var all = LevelsFor(rules, series, titlesHeld, asOf);
        var rule = rules.FirstOrDefault(r => r.Direction == EquivalenceDirection.TitleToSkill && r.Series == series && r.Level == level && r.InForce(asOf));
        if (rule is null)
        {
            var none = new RuleOutcome("6.3-skill-none", false, $"{Elapsed.Date(asOf)}没有以{TitleNames.ChineseName(series)}职称申报{SkillLevels.DisplayName(level)}评价的比照规定");
            return new Decision<bool>(false, asOf, [none]);
        }

        var outcome = all.Rules.First(r => string.Equals(r.RuleId, rule.Id, StringComparison.Ordinal));
        return new Decision<bool>(outcome.Holds, asOf, [outcome]);
    }
}

/// <summary>Where an equivalence application stands. The int values are stored; never renumber them.</summary>
public enum EquivalenceApplicationStatus
{
    /// <summary>已申请.</summary>
    Submitted = 1,
    /// <summary>职称办审核中.</summary>
    UnderReview = 2,
    /// <summary>退回补正.</summary>
    Returned = 3,
    /// <summary>已认定 (final).</summary>
    Recognized = 4,
    /// <summary>不予认定 (final).</summary>
    NotRecognized = 5,
    /// <summary>已撤回 (final).</summary>
    Withdrawn = 6,
}

/// <summary>The steps of an equivalence application.</summary>
public enum EquivalenceApplicationAction
{
    /// <summary>申请 (also re-submitting after a return): the years must be met.</summary>
    Submit = 1,
    /// <summary>职称办受理审核.</summary>
    Accept = 2,
    /// <summary>退回补正 (with a reason).</summary>
    Return = 3,
    /// <summary>认定.</summary>
    Recognize = 4,
    /// <summary>不予认定 (with a reason).</summary>
    Refuse = 5,
    /// <summary>撤回 (with a reason).</summary>
    Withdraw = 6,
}

/// <summary>What <see cref="EquivalenceApplicationWorkflow.Transition"/> needs besides the state.</summary>
/// <param name="Today">China Standard Time date of the step.</param>
/// <param name="Actor">The user taking the step.</param>
/// <param name="Eligibility">The check of <see cref="TitleEquivalence.CheckTitleApplication"/> (or the skill one) on <paramref name="Today"/>; needed to submit and to recognise.</param>
/// <param name="Reason">The reason given (return, refusal, withdrawal).</param>
public sealed record EquivalenceApplicationContext(DateOnly Today, string Actor, Decision<bool>? Eligibility = null, string? Reason = null);

/// <summary>
/// An equivalence application: 申请 → 职称办审核 → 认定 / 不予认定, with returns. An application is refused before its
/// years are met (submit and recognise both look at the eligibility decision).
/// </summary>
public sealed class EquivalenceApplicationWorkflow : IWorkflow<EquivalenceApplicationStatus?, EquivalenceApplicationAction, EquivalenceApplicationContext>
{
    /// <summary>The shortest reason accepted.</summary>
    public const int MinimumReasonLength = 5;

    private EquivalenceApplicationWorkflow()
    {
    }

    /// <summary>The state after <paramref name="action"/>, or the reasons it is refused.</summary>
    public static Result<EquivalenceApplicationStatus?> Transition(EquivalenceApplicationStatus? state, EquivalenceApplicationAction action, EquivalenceApplicationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (state, action) switch
        {
            (null or EquivalenceApplicationStatus.Returned, EquivalenceApplicationAction.Submit) => Eligible(context, EquivalenceApplicationStatus.Submitted),
            (EquivalenceApplicationStatus.Submitted, EquivalenceApplicationAction.Accept) => Ok(EquivalenceApplicationStatus.UnderReview),
            (EquivalenceApplicationStatus.Submitted or EquivalenceApplicationStatus.UnderReview, EquivalenceApplicationAction.Return) => WithReason(context, EquivalenceApplicationStatus.Returned, "退回补正"),
            (EquivalenceApplicationStatus.UnderReview, EquivalenceApplicationAction.Recognize) => Eligible(context, EquivalenceApplicationStatus.Recognized),
            (EquivalenceApplicationStatus.UnderReview, EquivalenceApplicationAction.Refuse) => WithReason(context, EquivalenceApplicationStatus.NotRecognized, "不予认定"),
            (EquivalenceApplicationStatus.Submitted or EquivalenceApplicationStatus.Returned or EquivalenceApplicationStatus.UnderReview, EquivalenceApplicationAction.Withdraw) =>
                WithReason(context, EquivalenceApplicationStatus.Withdrawn, "撤回申请"),
            _ => Result<EquivalenceApplicationStatus?>.Fail($"当前状态为“{ChineseName(state)}”，不能执行“{ChineseName(action)}”"),
        };
    }

    /// <summary>The actions accepted in <paramref name="state"/> (for buttons).</summary>
    public static IReadOnlyList<EquivalenceApplicationAction> AllowedActions(EquivalenceApplicationStatus? state, EquivalenceApplicationContext context) =>
        Workflow.AllowedActions<EquivalenceApplicationWorkflow, EquivalenceApplicationStatus?, EquivalenceApplicationAction, EquivalenceApplicationContext>(state, context);

    public static string ChineseName(EquivalenceApplicationStatus? status) => status switch
    {
        null => "未申请",
        EquivalenceApplicationStatus.Submitted => "已申请",
        EquivalenceApplicationStatus.UnderReview => "职称办审核中",
        EquivalenceApplicationStatus.Returned => "退回补正",
        EquivalenceApplicationStatus.Recognized => "已认定",
        EquivalenceApplicationStatus.NotRecognized => "不予认定",
        EquivalenceApplicationStatus.Withdrawn => "已撤回",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string ChineseName(EquivalenceApplicationAction action) => action switch
    {
        EquivalenceApplicationAction.Submit => "申请",
        EquivalenceApplicationAction.Accept => "受理审核",
        EquivalenceApplicationAction.Return => "退回补正",
        EquivalenceApplicationAction.Recognize => "认定",
        EquivalenceApplicationAction.Refuse => "不予认定",
        EquivalenceApplicationAction.Withdraw => "撤回",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static Result<EquivalenceApplicationStatus?> Ok(EquivalenceApplicationStatus status) => Result<EquivalenceApplicationStatus?>.Ok(status);

    private static Result<EquivalenceApplicationStatus?> Eligible(EquivalenceApplicationContext context, EquivalenceApplicationStatus next)
    {
        if (context.Eligibility is not { } eligibility)
        {
            return Result<EquivalenceApplicationStatus?>.Fail("须先核验比照条件（取得等级及年限）");
        }

        return eligibility.Outcome
            ? Ok(next)
            : Result<EquivalenceApplicationStatus?>.Fail([.. eligibility.Failed.Select(r => r.Reason)]);
    }

    private static Result<EquivalenceApplicationStatus?> WithReason(EquivalenceApplicationContext context, EquivalenceApplicationStatus next, string what) =>
        (context.Reason?.Trim().Length ?? 0) < MinimumReasonLength
            ? Result<EquivalenceApplicationStatus?>.Fail(string.Create(CultureInfo.InvariantCulture, $"{what}须填写理由（不少于{MinimumReasonLength}个字）"))
            : Ok(next);
}
