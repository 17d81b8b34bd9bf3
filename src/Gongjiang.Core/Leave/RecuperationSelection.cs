using Gongjiang.Core.Access;
using Gongjiang.Core.Common;
using Gongjiang.Core.Skills;
using static Gongjiang.Core.Leave.AnnualLeaveRules;

namespace Gongjiang.Core.Leave;

/// <summary>
/// One application to a 休疗养 programme, with the facts selection looks at (as of the selection day).
/// </summary>
/// <param name="ApplicationId">Stable id of the application (the last tie-break).</param>
/// <param name="PersonId">The person (one application per person counts).</param>
/// <param name="AppliedAt">When the worker applied or the employer nominated.</param>
/// <param name="IsLeadingTalent">A 高技能领军人才 on the selection day (from <c>LeadingTalentDetermination</c>).</param>
/// <param name="Frontline">On a 一线岗位.</param>
/// <param name="SkillLevel">Highest skill level held; null = none.</param>
/// <param name="RegionCode">The workplace's GB/T 2260 region.</param>
/// <param name="LastAttendedYear">The year the person last took part in a 休疗养 programme; null = never.</param>
/// <param name="RecommendedByEmployer">单位推荐: recommended or nominated by the employer.</param>
/// <param name="FitForActivity">Declared fit for the activity.</param>
public sealed record RecuperationApplicant(
    string ApplicationId,
    string PersonId,
    DateTimeOffset AppliedAt,
    bool IsLeadingTalent,
    bool Frontline,
    SkillLevel? SkillLevel,
    string RegionCode,
    int? LastAttendedYear,
    bool RecommendedByEmployer,
    bool FitForActivity);

/// <summary>What selection decides for an applicant. Stored; never renumber.</summary>
public enum RecuperationOutcome
{
    /// <summary>入选.</summary>
    Selected = 1,

    /// <summary>候补.</summary>
    Waitlisted = 2,

    /// <summary>未入选 (not eligible, a duplicate, or beyond the quota and the waiting list).</summary>
    NotSelected = 3,
}

/// <summary>
/// The decision for one applicant. <see cref="Rank"/> is the place among eligible applicants (1 = first) and null for
/// those refused on a condition; <see cref="WaitlistPosition"/> is set exactly when waitlisted.
/// </summary>
/// <param name="ApplicationId">Which application.</param>
/// <param name="PersonId">Whose.</param>
/// <param name="Group">The priority group; null when refused on a condition.</param>
/// <param name="Rank">Place among eligible applicants.</param>
/// <param name="WaitlistPosition">Place on the waiting list.</param>
/// <param name="Decision">The outcome with every rule applied and its reason.</param>
public sealed record RecuperationPlacement(
    string ApplicationId,
    string PersonId,
    RecuperationPriorityGroup? Group,
    int? Rank,
    int? WaitlistPosition,
    Decision<RecuperationOutcome> Decision)
{
    public RecuperationOutcome Outcome => Decision.Outcome;
}

/// <summary>
/// The result of a selection: every application exactly once — selected in rank order, then waitlisted in rank order,
/// then not selected (eligible ones in rank order, then refused ones by application time and id).
/// </summary>
public sealed record RecuperationSelectionResult(string ProgrammeId, DateOnly AsOf, IReadOnlyList<RecuperationPlacement> Placements)
{
    public IEnumerable<RecuperationPlacement> Selected => Placements.Where(p => p.Outcome == RecuperationOutcome.Selected);

    public IEnumerable<RecuperationPlacement> Waitlisted => Placements.Where(p => p.Outcome == RecuperationOutcome.Waitlisted);

    public IEnumerable<RecuperationPlacement> NotSelected => Placements.Where(p => p.Outcome == RecuperationOutcome.NotSelected);
}

/// <summary>
/// The selection of a 休疗养 programme (policy 六(四): “建立优秀技术工人休疗养制度，定期组织、分级实施休疗养活动”). Pure and
/// deterministic: the same programme, applications (in any order) and day give the same result.
/// </summary>
/// <remarks>
/// <para>1. One application per person counts: the earliest (then the smallest id); others are not selected as duplicates.</para>
/// <para>2. Conditions: applied by the closing day (China Standard Time); recommended by the employer; fit; workplace in
/// the organiser's region; the minimum skill level; 一线 if required; not taken part within the set years.</para>
/// <para>3. Eligible applicants are ranked by their group's place in the priority order (unlisted groups last as 其他), then
/// by the tie-break, then the application time, then the application id (ordinal).</para>
/// <para>4. The first <see cref="RecuperationProgramme.Quota"/> are selected, the next
/// <see cref="RecuperationProgramme.WaitlistSize"/> waitlisted, the rest not selected (名额已满).</para>
/// </remarks>
public static class RecuperationSelection
{
    /// <summary>Policy 六(四), the basis of every programme.</summary>
    public const string PolicyCitation = "《关于提高技术工人待遇的意见》六（四）：建立优秀技术工人休疗养制度，定期组织、分级实施休疗养活动";

    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>Selects for <paramref name="programme"/> on <paramref name="asOf"/>, or says why it cannot yet (before applications close, or an inconsistent programme).</summary>
    public static Result<RecuperationSelectionResult> Select(RecuperationProgramme programme, IEnumerable<RecuperationApplicant> applicants, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(applicants);
        if (programme.Check() is { Count: > 0 } problems)
        {
            return Result<RecuperationSelectionResult>.Fail([.. problems.Select(p => p.Message)]);
        }

        if (asOf <= programme.ApplicationsCloseOn)
        {
            return Result<RecuperationSelectionResult>.Fail(Text($"报名截止日为{Format(programme.ApplicationsCloseOn)}，截止后方可遴选"));
        }

        var citation = programme.Name + "遴选条件";
        var ordered = applicants
            .OrderBy(a => a.AppliedAt)
            .ThenBy(a => a.ApplicationId, StringComparer.Ordinal)
            .ToList();

        var refused = new List<RecuperationPlacement>();
        var eligible = new List<(RecuperationApplicant Applicant, int GroupIndex, RecuperationPriorityGroup Group, List<RuleOutcome> Rules)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var applicant in ordered)
        {
            var rules = new List<RuleOutcome>();
            if (!seen.Add(applicant.PersonId))
            {
                rules.Add(new RuleOutcome("recuperation-duplicate", false, "同一人员对本期活动重复申请，以最早的申请为准", citation));
                refused.Add(Refuse(applicant, asOf, rules));
                continue;
            }

            Conditions(programme, applicant, rules, citation);
            if (rules.Any(r => !r.Holds))
            {
                refused.Add(Refuse(applicant, asOf, rules));
                continue;
            }

            var (index, group) = GroupOf(programme, applicant);
            rules.Add(new RuleOutcome(
                "recuperation-priority",
                true,
                Text($"优先顺序：{string.Join("、", programme.PriorityOrder.Select(RecuperationProgramme.ChineseName))}；本人属于“{RecuperationProgramme.ChineseName(group)}”；{RecuperationProgramme.ChineseName(programme.TieBreak)}"),
                citation));
            eligible.Add((applicant, index, group, rules));
        }

        eligible.Sort((x, y) => Compare(programme.TieBreak, x.GroupIndex, x.Applicant, y.GroupIndex, y.Applicant));

        var placements = new List<RecuperationPlacement>();
        var waitlistSize = programme.WaitlistSize ?? int.MaxValue;
        for (var i = 0; i < eligible.Count; i++)
        {
            var (applicant, _, group, rules) = eligible[i];
            var rank = i + 1;
            RecuperationOutcome outcome;
            int? waitlistPosition = null;
            string reason;
            if (rank <= programme.Quota)
            {
                outcome = RecuperationOutcome.Selected;
                reason = Text($"名额{programme.Quota}人，排第{rank}位，入选");
            }
            else if (rank - programme.Quota <= waitlistSize)
            {
                outcome = RecuperationOutcome.Waitlisted;
                waitlistPosition = rank - programme.Quota;
                reason = Text($"名额{programme.Quota}人，排第{rank}位，列为候补第{waitlistPosition}位");
            }
            else
            {
                outcome = RecuperationOutcome.NotSelected;
                reason = Text($"名额{programme.Quota}人、候补{programme.WaitlistSize}人，排第{rank}位，名额已满，未入选");
            }

            rules.Add(new RuleOutcome("recuperation-quota", outcome == RecuperationOutcome.Selected, reason, citation));
            placements.Add(new RecuperationPlacement(applicant.ApplicationId, applicant.PersonId, group, rank, waitlistPosition, new Decision<RecuperationOutcome>(outcome, asOf, rules)));
        }

        placements.AddRange(refused);
        return Result<RecuperationSelectionResult>.Ok(new RecuperationSelectionResult(programme.Id, asOf, placements));
    }

    /// <summary>The workflow action that records <paramref name="outcome"/> on an application (<see cref="RecuperationApplicationWorkflow"/>).</summary>
    public static RecuperationApplicationAction ActionFor(RecuperationOutcome outcome) => outcome switch
    {
        RecuperationOutcome.Selected => RecuperationApplicationAction.Select,
        RecuperationOutcome.Waitlisted => RecuperationApplicationAction.Waitlist,
        RecuperationOutcome.NotSelected => RecuperationApplicationAction.NotSelect,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>The priority group of <paramref name="applicant"/> and its place in the programme's order (unlisted → after all listed, as 其他).</summary>
    public static (int Index, RecuperationPriorityGroup Group) GroupOf(RecuperationProgramme programme, RecuperationApplicant applicant)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(applicant);
        for (var i = 0; i < programme.PriorityOrder.Count; i++)
        {
            var group = programme.PriorityOrder[i];
            if (InGroup(group, applicant))
            {
                return (i, group);
            }
        }

        return (programme.PriorityOrder.Count, RecuperationPriorityGroup.Other);
    }

    private static bool InGroup(RecuperationPriorityGroup group, RecuperationApplicant applicant) => group switch
    {
        RecuperationPriorityGroup.LeadingTalent => applicant.IsLeadingTalent,
        RecuperationPriorityGroup.FrontlineTechnicalWorker => applicant.Frontline && applicant.SkillLevel is not null,
        RecuperationPriorityGroup.HighSkillWorker => applicant.SkillLevel is { } level && SkillLevels.IsHighSkill(level),
        RecuperationPriorityGroup.Other => true,
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    private static void Conditions(RecuperationProgramme programme, RecuperationApplicant applicant, List<RuleOutcome> rules, string citation)
    {
        var conditions = programme.Eligibility;
        var appliedOn = DateOnly.FromDateTime(applicant.AppliedAt.ToOffset(ChinaStandardTime).DateTime);
        var inTime = appliedOn <= programme.ApplicationsCloseOn;
        rules.Add(new RuleOutcome("recuperation-deadline", inTime, inTime
            ? Text($"{Format(appliedOn)}申请，在报名截止日{Format(programme.ApplicationsCloseOn)}前")
            : Text($"{Format(appliedOn)}申请，晚于报名截止日{Format(programme.ApplicationsCloseOn)}"), citation));

        if (conditions.RequiresEmployerRecommendation)
        {
            rules.Add(new RuleOutcome("recuperation-recommended", applicant.RecommendedByEmployer,
                applicant.RecommendedByEmployer ? "已经用人单位推荐" : "未经用人单位推荐", citation));
        }

        if (conditions.RequiresFitness)
        {
            rules.Add(new RuleOutcome("recuperation-fitness", applicant.FitForActivity,
                applicant.FitForActivity ? "本人声明身体健康，能够参加" : "本人未声明身体健康、能够参加", citation));
        }

        if (conditions.RegionCode is { } region)
        {
            var inside = Jurisdiction.Parse(region) is { IsValid: true } parsed && parsed.Value.Contains(applicant.RegionCode);
            rules.Add(new RuleOutcome("recuperation-region", inside, inside
                ? Text($"工作单位所在地{applicant.RegionCode}在组织单位辖区{region}内")
                : Text($"工作单位所在地{applicant.RegionCode}不在组织单位辖区{region}内"), citation));
        }

        if (conditions.MinimumSkillLevel is { } minimum)
        {
            var level = applicant.SkillLevel;
            var enough = level is { } l && l >= minimum;
            rules.Add(new RuleOutcome("recuperation-skill-level", enough, enough
                ? Text($"职业技能等级为{SkillLevels.DisplayName(level!.Value)}，不低于{SkillLevels.DisplayName(minimum)}")
                : Text($"职业技能等级{(level is { } has ? "为" + SkillLevels.DisplayName(has) : "未取得")}，低于要求的{SkillLevels.DisplayName(minimum)}"), citation));
        }

        if (conditions.FrontlineOnly)
        {
            rules.Add(new RuleOutcome("recuperation-frontline", applicant.Frontline,
                applicant.Frontline ? "在生产服务一线岗位" : "不在生产服务一线岗位，本期活动仅限一线技术工人", citation));
        }

        if (conditions.YearsBetweenProgrammes is { } gap and > 0)
        {
            var year = programme.StartsOn.Year;
            var recent = applicant.LastAttendedYear is { } lastYear && year - lastYear < gap;
            rules.Add(new RuleOutcome("recuperation-interval", !recent, recent
                ? Text($"{applicant.LastAttendedYear}年已参加过休疗养，{gap}年内不重复参加")
                : applicant.LastAttendedYear is { } attended
                    ? Text($"上次参加为{attended}年，已满{gap}年间隔")
                    : Text($"此前未参加过休疗养"), citation));
        }
    }

    private static int Compare(RecuperationTieBreak tieBreak, int groupX, RecuperationApplicant x, int groupY, RecuperationApplicant y)
    {
        var byGroup = groupX.CompareTo(groupY);
        if (byGroup != 0)
        {
            return byGroup;
        }

        var byRule = tieBreak switch
        {
            RecuperationTieBreak.EarlierApplication => 0,
            // Higher level first; none is lowest.
            RecuperationTieBreak.HigherSkillLevelThenEarlierApplication => LevelKey(y).CompareTo(LevelKey(x)),
            // Never attended first, then the earliest last attendance.
            RecuperationTieBreak.LongestSinceLastProgrammeThenEarlierApplication => (x.LastAttendedYear ?? int.MinValue).CompareTo(y.LastAttendedYear ?? int.MinValue),
            _ => throw new ArgumentOutOfRangeException(nameof(tieBreak), tieBreak, null),
        };
        if (byRule != 0)
        {
            return byRule;
        }

        var byTime = x.AppliedAt.CompareTo(y.AppliedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(x.ApplicationId, y.ApplicationId);
    }

    private static int LevelKey(RecuperationApplicant applicant) => applicant.SkillLevel is { } level ? (int)level : -1;

    private static RecuperationPlacement Refuse(RecuperationApplicant applicant, DateOnly asOf, List<RuleOutcome> rules) =>
        new(applicant.ApplicationId, applicant.PersonId, null, null, null, new Decision<RecuperationOutcome>(RecuperationOutcome.NotSelected, asOf, rules));
}
