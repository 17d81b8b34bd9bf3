using Gongjiang.Core.Leave;
using Gongjiang.Core.Skills;

namespace Gongjiang.Core.Tests.Leave;

public sealed class RecuperationSelectionTests
{
    private static readonly DateOnly SelectionDay = new(2026, 5, 6);
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static RecuperationProgramme Programme(
        int quota = 2,
        int? waitlist = 1,
        RecuperationEligibility? eligibility = null,
        IReadOnlyList<RecuperationPriorityGroup>? order = null,
        RecuperationTieBreak tieBreak = RecuperationTieBreak.EarlierApplication) =>
        new(
            "P2026-1",
            "2026年度广东省优秀技术工人疗休养（第一期）",
            "广东省人力资源和社会保障厅",
            "韶关丹霞山",
            new DateOnly(2026, 4, 30),
            new DateOnly(2026, 6, 8),
            new DateOnly(2026, 6, 12),
            quota,
            waitlist,
            eligibility ?? new RecuperationEligibility(SkillLevel.Senior, FrontlineOnly: false, RegionCode: "440000", YearsBetweenProgrammes: 3),
            order ?? RecuperationProgramme.DefaultPriorityOrder,
            tieBreak);

    private static RecuperationApplicant Applicant(
        string id,
        int day,
        bool leading = false,
        bool frontline = false,
        SkillLevel? level = SkillLevel.Senior,
        string region = "440304",
        int? lastAttended = null,
        bool recommended = true,
        bool fit = true,
        string? person = null) =>
        new(id, person ?? "person-" + id, new DateTimeOffset(2026, 4, day, 10, 0, 0, Beijing), leading, frontline, level, region, lastAttended, recommended, fit);

    private static RecuperationSelectionResult Select(RecuperationProgramme programme, IEnumerable<RecuperationApplicant> applicants)
    {
        var result = RecuperationSelection.Select(programme, applicants, SelectionDay);
        Assert.True(result.IsValid, result.Error);
        return result.Value!;
    }

    [Fact]
    public void Policy_6_4_priority_puts_leading_talents_then_frontline_workers_then_others_within_the_quota()
    {
        var applicants = new[]
        {
            Applicant("other-early", 1),
            Applicant("frontline", 2, frontline: true),
            Applicant("leading-late", 20, leading: true),
            Applicant("other-late", 21),
        };

        var result = Select(Programme(), applicants);

        Assert.Equal(["leading-late", "frontline"], result.Selected.Select(p => p.ApplicationId));
        var waitlisted = Assert.Single(result.Waitlisted);
        Assert.Equal(("other-early", 1, 3), (waitlisted.ApplicationId, waitlisted.WaitlistPosition!.Value, waitlisted.Rank!.Value));
        var full = Assert.Single(result.NotSelected);
        Assert.Equal("other-late", full.ApplicationId);
        Assert.Equal("名额2人、候补1人，排第4位，名额已满，未入选", full.Decision.Rules[^1].Reason);
        Assert.Equal(RecuperationPriorityGroup.LeadingTalent, result.Selected.First().Group);
    }

    public static TheoryData<string, RecuperationApplicant, string, string> Refusals => new()
    {
        // 单位推荐 is required
        { "not recommended", Applicant("x", 3, recommended: false), "recuperation-recommended", "未经用人单位推荐" },
        // the organiser's conditions: health
        { "not fit", Applicant("x", 3, fit: false), "recuperation-fitness", "本人未声明身体健康、能够参加" },
        // the organiser's jurisdiction (广东 440000)
        { "outside the region", Applicant("x", 3, region: "110105"), "recuperation-region", "工作单位所在地110105不在组织单位辖区440000内" },
        // minimum skill level 高级工
        { "skill level too low", Applicant("x", 3, level: SkillLevel.Intermediate), "recuperation-skill-level", "职业技能等级为中级工（四级），低于要求的高级工（三级）" },
        { "no skill level", Applicant("x", 3, level: null), "recuperation-skill-level", "职业技能等级未取得，低于要求的高级工（三级）" },
        // not twice within 3 years
        { "attended in 2024", Applicant("x", 3, lastAttended: 2024), "recuperation-interval", "2024年已参加过休疗养，3年内不重复参加" },
        // after the closing day (China time: 2026-05-01 00:30 +08:00 is 2026-04-30 16:30 UTC)
        {
            "applied after the closing day",
            Applicant("x", 3) with { AppliedAt = new DateTimeOffset(2026, 4, 30, 16, 30, 0, TimeSpan.Zero) },
            "recuperation-deadline",
            "2026年5月1日申请，晚于报名截止日2026年4月30日"
        },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_condition_not_met_refuses_with_its_reason(string why, RecuperationApplicant applicant, string ruleId, string reason)
    {
        var placement = Assert.Single(Select(Programme(), [applicant]).Placements);

        Assert.Equal(RecuperationOutcome.NotSelected, placement.Outcome);
        Assert.Null(placement.Rank);
        var failed = Assert.Single(placement.Decision.Failed);
        Assert.Equal((ruleId, reason), (failed.RuleId, failed.Reason));
        Assert.False(string.IsNullOrEmpty(why));
    }

    [Fact]
    public void Attended_three_years_before_is_eligible_again()
    {
        var placement = Assert.Single(Select(Programme(), [Applicant("x", 3, lastAttended: 2023)]).Placements);

        Assert.Equal(RecuperationOutcome.Selected, placement.Outcome);
        Assert.Contains(placement.Decision.Rules, r => r.Reason == "上次参加为2023年，已满3年间隔");
    }

    [Fact]
    public void A_person_applying_twice_counts_once_with_the_earliest_application()
    {
        var result = Select(Programme(), [Applicant("second", 9, person: "p"), Applicant("first", 4, person: "p")]);

        Assert.Equal("first", Assert.Single(result.Selected).ApplicationId);
        var duplicate = Assert.Single(result.NotSelected);
        Assert.Equal("second", duplicate.ApplicationId);
        Assert.Equal("recuperation-duplicate", Assert.Single(duplicate.Decision.Rules).RuleId);
    }

    [Fact]
    public void Selection_is_deterministic_whatever_the_order_of_the_applications()
    {
        var applicants = Enumerable.Range(1, 40)
            .Select(i => Applicant(
                "a" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture),
                1 + (i % 7), // many ties on the day
                leading: i % 9 == 0,
                frontline: i % 3 == 0,
                lastAttended: i % 11 == 0 ? 2025 : null))
            .ToList();
        var programme = Programme(quota: 10, waitlist: 5);
        var expected = Select(programme, applicants).Placements.Select(p => (p.ApplicationId, p.Outcome, p.Rank)).ToList();

        var random = new Random(6_4);
        for (var run = 0; run < 20; run++)
        {
            var shuffled = applicants.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(expected, Select(programme, shuffled).Placements.Select(p => (p.ApplicationId, p.Outcome, p.Rank)));
        }

        Assert.Equal(10, expected.Count(p => p.Outcome == RecuperationOutcome.Selected));
        Assert.Equal(5, expected.Count(p => p.Outcome == RecuperationOutcome.Waitlisted));
        Assert.Equal(40, expected.Select(p => p.ApplicationId).Distinct().Count());
    }

    [Fact]
    public void Ties_in_a_group_go_to_the_earlier_application_then_the_smaller_id()
    {
        var result = Select(Programme(quota: 2, waitlist: 0), [Applicant("b", 5), Applicant("a", 5), Applicant("c", 4)]);

        Assert.Equal(["c", "a"], result.Selected.Select(p => p.ApplicationId));
    }

    [Theory]
    // the stated alternative: the higher skill level first in a group
    [InlineData(RecuperationTieBreak.HigherSkillLevelThenEarlierApplication, "technician")]
    // the stated alternative: never attended first
    [InlineData(RecuperationTieBreak.LongestSinceLastProgrammeThenEarlierApplication, "never")]
    // the default: the earlier application
    [InlineData(RecuperationTieBreak.EarlierApplication, "early")]
    public void Tie_break_rule_is_the_programme_s_choice(RecuperationTieBreak tieBreak, string first)
    {
        var applicants = new[]
        {
            Applicant("early", 1, lastAttended: 2020),
            Applicant("technician", 2, level: SkillLevel.Technician, lastAttended: 2021),
            Applicant("never", 3),
        };

        var result = Select(Programme(quota: 1, tieBreak: tieBreak), applicants);

        Assert.Equal(first, Assert.Single(result.Selected).ApplicationId);
    }

    [Fact]
    public void An_applicant_in_no_listed_group_ranks_after_the_listed_ones()
    {
        var order = new[] { RecuperationPriorityGroup.FrontlineTechnicalWorker };

        var result = Select(Programme(quota: 1, order: order), [Applicant("plain", 1), Applicant("frontline", 9, frontline: true)]);

        Assert.Equal("frontline", Assert.Single(result.Selected).ApplicationId);
        Assert.Equal(RecuperationPriorityGroup.Other, Assert.Single(result.Waitlisted).Group);
    }

    [Fact]
    public void Selection_waits_for_the_closing_day_and_a_consistent_programme()
    {
        var early = RecuperationSelection.Select(Programme(), [], new DateOnly(2026, 4, 30));
        Assert.Equal("报名截止日为2026年4月30日，截止后方可遴选", early.Error);

        var broken = Programme(quota: 0) with { EndsOn = new DateOnly(2026, 6, 1) };
        Assert.Equal(
            ["活动结束日期（endsOn）2026年6月1日早于开始日期2026年6月8日", "名额（quota）至少为1人"],
            RecuperationSelection.Select(broken, [], SelectionDay).Reasons);
    }
}

public sealed class RecuperationApplicationWorkflowTests
{
    private static readonly DateOnly Open = new(2026, 4, 20);
    private static readonly DateOnly AfterClose = new(2026, 5, 6);
    private static readonly DateOnly FirstDay = new(2026, 6, 8);

    private static RecuperationContext On(DateOnly today, int selected = 0, string? reason = null) =>
        new(today, new DateOnly(2026, 4, 30), FirstDay, selected, 2, reason);

    // 申请 → 单位推荐 → 入选/候补/未入选 → 已参加/未参加, each with the day it is allowed.
    private static readonly (RecuperationApplicationStatus? From, RecuperationApplicationAction Action, RecuperationContext Context, RecuperationApplicationStatus To)[] Allowed =
    [
        (null, RecuperationApplicationAction.Apply, On(Open), RecuperationApplicationStatus.Applied),
        (null, RecuperationApplicationAction.Nominate, On(Open), RecuperationApplicationStatus.Recommended),
        (RecuperationApplicationStatus.Applied, RecuperationApplicationAction.Recommend, On(Open), RecuperationApplicationStatus.Recommended),
        (RecuperationApplicationStatus.Applied, RecuperationApplicationAction.DeclineRecommendation, On(Open, reason: "本年度已安排外出培训"), RecuperationApplicationStatus.NotRecommended),
        (RecuperationApplicationStatus.Recommended, RecuperationApplicationAction.Select, On(AfterClose), RecuperationApplicationStatus.Selected),
        (RecuperationApplicationStatus.Recommended, RecuperationApplicationAction.Waitlist, On(AfterClose), RecuperationApplicationStatus.Waitlisted),
        (RecuperationApplicationStatus.Recommended, RecuperationApplicationAction.NotSelect, On(AfterClose), RecuperationApplicationStatus.NotSelected),
        (RecuperationApplicationStatus.Waitlisted, RecuperationApplicationAction.NotSelect, On(AfterClose), RecuperationApplicationStatus.NotSelected),
        (RecuperationApplicationStatus.Waitlisted, RecuperationApplicationAction.PromoteFromWaitlist, On(AfterClose, selected: 1), RecuperationApplicationStatus.Selected),
        (RecuperationApplicationStatus.Selected, RecuperationApplicationAction.RecordAttendance, On(FirstDay), RecuperationApplicationStatus.Attended),
        (RecuperationApplicationStatus.Selected, RecuperationApplicationAction.RecordAbsence, On(FirstDay), RecuperationApplicationStatus.Absent),
        (RecuperationApplicationStatus.Applied, RecuperationApplicationAction.Withdraw, On(Open), RecuperationApplicationStatus.Withdrawn),
        (RecuperationApplicationStatus.Recommended, RecuperationApplicationAction.Withdraw, On(Open), RecuperationApplicationStatus.Withdrawn),
        (RecuperationApplicationStatus.Selected, RecuperationApplicationAction.Withdraw, On(AfterClose), RecuperationApplicationStatus.Withdrawn),
        (RecuperationApplicationStatus.Waitlisted, RecuperationApplicationAction.Withdraw, On(AfterClose), RecuperationApplicationStatus.Withdrawn),
    ];

    [Fact]
    public void Exactly_the_listed_moves_succeed_among_all_state_and_action_pairs()
    {
        RecuperationApplicationStatus?[] states = [null, .. Enum.GetValues<RecuperationApplicationStatus>().Select(s => (RecuperationApplicationStatus?)s)];
        var contexts = Allowed.Select(a => a.Context).Distinct().ToList();
        var succeeded = 0;

        foreach (var from in states)
        {
            foreach (var action in Enum.GetValues<RecuperationApplicationAction>())
            {
                var listed = Allowed.Where(a => a.From == from && a.Action == action).ToList();
                foreach (var context in contexts)
                {
                    var result = RecuperationApplicationWorkflow.Transition(from, action, context);
                    if (listed.Count == 0)
                    {
                        Assert.False(result.IsValid, $"{from} + {action} should be refused");
                        Assert.StartsWith("当前状态为“", result.Error, StringComparison.Ordinal);
                    }
                    else if (result.IsValid)
                    {
                        Assert.Equal(listed[0].To, result.Value);
                        succeeded++;
                    }
                }

                foreach (var move in listed)
                {
                    var result = RecuperationApplicationWorkflow.Transition(from, action, move.Context);
                    Assert.True(result.IsValid, $"{from} + {action}: {result.Error}");
                }
            }
        }

        Assert.True(succeeded >= Allowed.Length);
    }

    [Theory]
    // applications close on 2026-04-30
    [InlineData(null, RecuperationApplicationAction.Apply, "2026-05-01", 0, null, "报名已于2026年4月30日截止")]
    // selection only after the closing day
    [InlineData(RecuperationApplicationStatus.Recommended, RecuperationApplicationAction.Select, "2026-04-30", 0, null, "报名截止日为2026年4月30日，截止后方可遴选")]
    // the quota (2) is full
    [InlineData(RecuperationApplicationStatus.Waitlisted, RecuperationApplicationAction.PromoteFromWaitlist, "2026-05-20", 2, null, "名额2人已满")]
    // attendance only from the first day
    [InlineData(RecuperationApplicationStatus.Selected, RecuperationApplicationAction.RecordAttendance, "2026-06-07", 1, null, "活动自2026年6月8日开始，开始后方可登记参加情况")]
    // a refusal to recommend needs a reason
    [InlineData(RecuperationApplicationStatus.Applied, RecuperationApplicationAction.DeclineRecommendation, "2026-04-20", 0, "不行", "单位不推荐须填写理由（不少于5个字）")]
    // no withdrawal once started
    [InlineData(RecuperationApplicationStatus.Selected, RecuperationApplicationAction.Withdraw, "2026-06-08", 1, null, "活动已于2026年6月8日开始")]
    public void A_move_at_the_wrong_time_is_refused_with_the_reason(RecuperationApplicationStatus? from, RecuperationApplicationAction action, string today, int selected, string? reason, string error)
    {
        var context = On(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), selected, reason);

        Assert.Equal(error, RecuperationApplicationWorkflow.Transition(from, action, context).Error);
    }

    [Fact]
    public void Allowed_actions_come_from_the_transition_function()
    {
        Assert.Equal(
            [RecuperationApplicationAction.Select, RecuperationApplicationAction.Waitlist, RecuperationApplicationAction.NotSelect, RecuperationApplicationAction.Withdraw],
            RecuperationApplicationWorkflow.AllowedActions(RecuperationApplicationStatus.Recommended, On(AfterClose)));
        Assert.Equal(
            [RecuperationApplicationAction.Waitlist, RecuperationApplicationAction.NotSelect, RecuperationApplicationAction.Withdraw],
            RecuperationApplicationWorkflow.AllowedActions(RecuperationApplicationStatus.Recommended, On(AfterClose, selected: 2)));
    }

    [Fact]
    public void A_programme_runs_from_application_to_attendance()
    {
        var programme = new RecuperationProgramme(
            "P", "2026年度优秀技术工人疗休养", "某市人社局", "莫干山",
            new DateOnly(2026, 4, 30), FirstDay, new DateOnly(2026, 6, 12), 1, 1,
            new RecuperationEligibility(null, FrontlineOnly: true, RegionCode: null, YearsBetweenProgrammes: null),
            RecuperationProgramme.DefaultPriorityOrder);
        var states = new Dictionary<string, RecuperationApplicationStatus?> { ["w1"] = null, ["w2"] = null };

        // 申请 and 单位推荐 while open.
        foreach (var id in states.Keys.ToList())
        {
            states[id] = Step(states[id], RecuperationApplicationAction.Apply, RecuperationContext.For(programme, Open, 0));
            states[id] = Step(states[id], RecuperationApplicationAction.Recommend, RecuperationContext.For(programme, Open, 0));
        }

        // 遴选 after the closing day: w2 is a leading talent.
        var applicants = new[]
        {
            new RecuperationApplicant("w1", "p1", new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(8)), false, true, SkillLevel.Technician, "330500", null, true, true),
            new RecuperationApplicant("w2", "p2", new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.FromHours(8)), true, true, SkillLevel.SeniorTechnician, "330500", null, true, true),
        };
        var selection = RecuperationSelection.Select(programme, applicants, AfterClose).GetValueOrThrow();
        var selected = 0;
        foreach (var placement in selection.Placements)
        {
            var action = RecuperationSelection.ActionFor(placement.Outcome);
            states[placement.ApplicationId] = Step(states[placement.ApplicationId], action, RecuperationContext.For(programme, AfterClose, selected));
            selected += placement.Outcome == RecuperationOutcome.Selected ? 1 : 0;
        }

        Assert.Equal(RecuperationApplicationStatus.Selected, states["w2"]);
        Assert.Equal(RecuperationApplicationStatus.Waitlisted, states["w1"]);

        // w2 withdraws; w1 takes the freed place; w1 attends.
        states["w2"] = Step(states["w2"], RecuperationApplicationAction.Withdraw, RecuperationContext.For(programme, new DateOnly(2026, 5, 20), 1));
        states["w1"] = Step(states["w1"], RecuperationApplicationAction.PromoteFromWaitlist, RecuperationContext.For(programme, new DateOnly(2026, 5, 21), 0));
        states["w1"] = Step(states["w1"], RecuperationApplicationAction.RecordAttendance, RecuperationContext.For(programme, FirstDay, 1));

        Assert.Equal(RecuperationApplicationStatus.Attended, states["w1"]);
        Assert.Equal(RecuperationApplicationStatus.Withdrawn, states["w2"]);
    }

    private static RecuperationApplicationStatus? Step(RecuperationApplicationStatus? state, RecuperationApplicationAction action, RecuperationContext context)
    {
        var result = RecuperationApplicationWorkflow.Transition(state, action, context);
        Assert.True(result.IsValid, result.Error);
        return result.Value;
    }
}
