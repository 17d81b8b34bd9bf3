using Gongjiang.Core.Skills;
using static Gongjiang.Core.Leave.AnnualLeaveRules;

namespace Gongjiang.Core.Leave;

/// <summary>
/// A priority group of a 休疗养 programme (policy 六(四): “建立优秀技术工人休疗养制度，定期组织、分级实施休疗养活动”).
/// An applicant belongs to the first group of <see cref="RecuperationProgramme.PriorityOrder"/> whose condition holds.
/// Stored; never renumber.
/// </summary>
public enum RecuperationPriorityGroup
{
    /// <summary>高技能领军人才 (policy 三(一); the caller decides it with <c>LeadingTalentDetermination</c> on the programme's date).</summary>
    LeadingTalent = 1,

    /// <summary>一线技术工人: on a 一线岗位 and holding a skill level.</summary>
    FrontlineTechnicalWorker = 2,

    /// <summary>高技能人才: 高级工 and above (<see cref="SkillLevels.IsHighSkill"/>).</summary>
    HighSkillWorker = 3,

    /// <summary>其他符合条件的人员: anyone eligible; always last when not listed.</summary>
    Other = 99,
}

/// <summary>How applicants in the same priority group are ordered; every rule ends with the application time, then the application id. Stored; never renumber.</summary>
public enum RecuperationTieBreak
{
    /// <summary>先申请者优先: earlier application first.</summary>
    EarlierApplication = 1,

    /// <summary>职业技能等级高者优先，再按申请先后: higher skill level first (none lowest).</summary>
    HigherSkillLevelThenEarlierApplication = 2,

    /// <summary>从未参加或上次参加较早者优先，再按申请先后.</summary>
    LongestSinceLastProgrammeThenEarlierApplication = 3,
}

/// <summary>
/// Who may take part, as the organiser sets it for a programme. Each condition is checked and reported (a refusal lists
/// every condition not met).
/// </summary>
/// <param name="MinimumSkillLevel">Lowest skill level accepted; null = any (a skill level is then not required).</param>
/// <param name="FrontlineOnly">Only workers on a 一线岗位.</param>
/// <param name="RegionCode">The organiser's jurisdiction (GB/T 2260); applicants' workplaces must lie inside it; null = anywhere.</param>
/// <param name="YearsBetweenProgrammes">Not taken part within this many years before the programme's year (e.g. 3: attended 2024 → not in 2026); null = no limit.</param>
/// <param name="RequiresEmployerRecommendation">The employer must have recommended (or nominated) the applicant (单位推荐).</param>
/// <param name="RequiresFitness">The applicant must declare being fit for the activity (身体健康，能够参加).</param>
public sealed record RecuperationEligibility(
    SkillLevel? MinimumSkillLevel,
    bool FrontlineOnly,
    string? RegionCode,
    int? YearsBetweenProgrammes,
    bool RequiresEmployerRecommendation = true,
    bool RequiresFitness = true);

/// <summary>
/// A 休疗养 programme: organiser, place, dates, quota, who qualifies and in what order. Invariants
/// (<see cref="Check"/>): applications close before the programme starts; it ends on or after it starts; quota ≥ 1;
/// waiting list ≥ 0; priority groups listed at most once.
/// </summary>
/// <param name="Id">Stable id.</param>
/// <param name="Name">e.g. “2026年度优秀技术工人疗休养（第一期）”.</param>
/// <param name="Organiser">组织单位, e.g. “广东省人力资源和社会保障厅”.</param>
/// <param name="Place">地点.</param>
/// <param name="ApplicationsCloseOn">Last day to apply or be nominated (China Standard Time).</param>
/// <param name="StartsOn">First day of the programme.</param>
/// <param name="EndsOn">Last day.</param>
/// <param name="Quota">名额: how many are selected.</param>
/// <param name="WaitlistSize">候补名额: how many eligible applicants after the quota are waitlisted; null = all of them.</param>
/// <param name="Eligibility">Who may take part.</param>
/// <param name="PriorityOrder">The groups in priority order (e.g. 领军人才, 一线技术工人); unlisted applicants come after as <see cref="RecuperationPriorityGroup.Other"/>.</param>
/// <param name="TieBreak">Order inside a group.</param>
public sealed record RecuperationProgramme(
    string Id,
    string Name,
    string Organiser,
    string Place,
    DateOnly ApplicationsCloseOn,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int Quota,
    int? WaitlistSize,
    RecuperationEligibility Eligibility,
    IReadOnlyList<RecuperationPriorityGroup> PriorityOrder,
    RecuperationTieBreak TieBreak = RecuperationTieBreak.EarlierApplication)
{
    /// <summary>The default order of policy 六(四) as commonly applied: 高技能领军人才, then 一线技术工人, then others.</summary>
    public static IReadOnlyList<RecuperationPriorityGroup> DefaultPriorityOrder { get; } =
        [RecuperationPriorityGroup.LeadingTalent, RecuperationPriorityGroup.FrontlineTechnicalWorker, RecuperationPriorityGroup.Other];

    /// <summary>Why the programme is inconsistent (Chinese, naming the field), or an empty list.</summary>
    public IReadOnlyList<LeaveInputError> Check()
    {
        var errors = new List<LeaveInputError>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add(new LeaveInputError("name", "活动名称（name）不能为空"));
        }

        if (ApplicationsCloseOn >= StartsOn)
        {
            errors.Add(new LeaveInputError("applicationsCloseOn", Text($"报名截止日期（applicationsCloseOn）{Format(ApplicationsCloseOn)}须早于活动开始日期{Format(StartsOn)}")));
        }

        if (EndsOn < StartsOn)
        {
            errors.Add(new LeaveInputError("endsOn", Text($"活动结束日期（endsOn）{Format(EndsOn)}早于开始日期{Format(StartsOn)}")));
        }

        if (Quota < 1)
        {
            errors.Add(new LeaveInputError("quota", "名额（quota）至少为1人"));
        }

        if (WaitlistSize < 0)
        {
            errors.Add(new LeaveInputError("waitlistSize", "候补名额（waitlistSize）不能为负数"));
        }

        if (PriorityOrder.Distinct().Count() != PriorityOrder.Count)
        {
            errors.Add(new LeaveInputError("priorityOrder", "优先顺序（priorityOrder）中同一类人员只能出现一次"));
        }

        if (Eligibility.YearsBetweenProgrammes < 0)
        {
            errors.Add(new LeaveInputError("yearsBetweenProgrammes", "间隔年限（yearsBetweenProgrammes）不能为负数"));
        }

        return errors;
    }

    /// <summary>The group's Chinese name.</summary>
    public static string ChineseName(RecuperationPriorityGroup group) => group switch
    {
        RecuperationPriorityGroup.LeadingTalent => "高技能领军人才",
        RecuperationPriorityGroup.FrontlineTechnicalWorker => "一线技术工人",
        RecuperationPriorityGroup.HighSkillWorker => "高技能人才",
        RecuperationPriorityGroup.Other => "其他符合条件的人员",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    /// <summary>The tie-break rule as stated to applicants.</summary>
    public static string ChineseName(RecuperationTieBreak tieBreak) => tieBreak switch
    {
        RecuperationTieBreak.EarlierApplication => "同类人员按申请先后排序",
        RecuperationTieBreak.HigherSkillLevelThenEarlierApplication => "同类人员按职业技能等级由高到低、再按申请先后排序",
        RecuperationTieBreak.LongestSinceLastProgrammeThenEarlierApplication => "同类人员从未参加或上次参加较早者优先、再按申请先后排序",
        _ => throw new ArgumentOutOfRangeException(nameof(tieBreak), tieBreak, null),
    };
}
