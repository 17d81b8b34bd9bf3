using System.Globalization;
using Gongjiang.Core.Calendar;
using Gongjiang.Core.Common;
using Gongjiang.Core.Window;

namespace Gongjiang.Core.Tests.Window;

/// <summary>
/// 好差评 (国办发〔2019〕51号《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》): five grades, one rating per
/// closure, 差评 (不满意, 非常不满意) → rectification within 15 working days and a callback.
/// </summary>
public sealed class RatingsTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.China;

    [Fact]
    public void The_five_grades_are_listed_best_first_with_their_Chinese_names_and_scores()
    {
        Assert.Equal(["非常满意", "满意", "基本满意", "不满意", "非常不满意"], RatingRules.All.Select(RatingRules.ChineseName));
        Assert.Equal([5, 4, 3, 2, 1], RatingRules.All.Select(g => (int)g));
    }

    [Theory]
    [InlineData(SatisfactionGrade.VerySatisfied, false)]
    [InlineData(SatisfactionGrade.Satisfied, false)]
    [InlineData(SatisfactionGrade.FairlySatisfied, false)] // 基本满意 is not a 差评
    [InlineData(SatisfactionGrade.Dissatisfied, true)] // 不满意 or worse opens a rectification
    [InlineData(SatisfactionGrade.VeryDissatisfied, true)]
    public void Dissatisfied_or_worse_is_a_poor_rating(SatisfactionGrade grade, bool poor)
    {
        Assert.Equal(poor, RatingRules.IsPoor(grade));
    }

    [Theory]
    [InlineData(5, null, null)]
    [InlineData(3, "  ", null)]
    [InlineData(2, "办理时间太长，多次催问无人回复", null)]
    [InlineData(null, null, "评价等级须从非常满意、满意、基本满意、不满意、非常不满意中选择")]
    [InlineData(0, null, "评价等级须从非常满意、满意、基本满意、不满意、非常不满意中选择")]
    [InlineData(6, null, "评价等级须从非常满意、满意、基本满意、不满意、非常不满意中选择")]
    [InlineData(1, "差", "评价为“非常不满意”时须填写评价意见（不少于5个字），以便核实整改")]
    public void A_rating_is_checked_with_Chinese_messages(int? grade, string? comment, string? error)
    {
        var result = RatingRules.Create(grade, comment);

        Assert.Equal(error, result.Error);
        if (error is null)
        {
            Assert.Equal((SatisfactionGrade)grade!.Value, result.Value!.Grade);
            Assert.Equal(string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), result.Value.Comment);
        }
    }

    [Fact]
    public void A_comment_over_500_characters_is_refused()
    {
        Assert.Equal("评价意见不能超过500个字", RatingRules.Create(4, new string('好', 501)).Error);
        Assert.True(RatingRules.Create(4, new string('好', 500)).IsValid);
    }

    [Theory]
    // Rated Friday 2025-09-26: 28日 周日调休上班 (1), 29日 (2), 30日 (3), 10月1日至8日 国庆节、中秋节 放假 (国办发明电〔2024〕12号 六),
    // 9日 (4), 10日 (5), 11日 周六调休上班 (6), 13日–17日 (7–11), 20日–23日 (12–15).
    [InlineData("2025-09-26", SatisfactionGrade.Dissatisfied, "2025-10-23")]
    // Rated 2026-02-11 (周三): 12日 (1), 13日 (2), 14日 周六调休上班 (3), 15日至23日 春节 放假, 24日–27日 (4–7),
    // 28日 周六调休上班 (8), 3月2日–6日 (9–13), 9日 (14), 10日 (15).
    [InlineData("2026-02-11", SatisfactionGrade.VeryDissatisfied, "2026-03-10")]
    public void A_poor_rating_opens_a_rectification_due_in_15_working_days(string ratedOn, SatisfactionGrade grade, string due)
    {
        var decision = RatingRules.Rectification(China, grade, Day(ratedOn));

        Assert.Equal(new RectificationOrder(Day(due), false, true), decision.Outcome);
        var rule = Assert.Single(decision.Rules);
        Assert.True(rule.Holds);
        Assert.Equal("国办发〔2019〕51号（强化差评整改）", rule.Citation);
        Assert.Contains($"须于15个工作日内（{WorkingDays.Format(Day(due))}前）整改并回访", rule.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_rating_opens_nothing_and_says_why()
    {
        var decision = RatingRules.Rectification(China, SatisfactionGrade.FairlySatisfied, Day("2025-09-26"));

        Assert.Null(decision.Outcome);
        Assert.Equal("评价为“基本满意”，不属于差评，无需整改", decision.Rules[0].Reason);
        Assert.False(decision.Rules[0].Holds);
    }

    [Fact]
    public void The_rectification_period_is_a_parameter_and_provisional_past_the_calendar()
    {
        var calendar = WorkingDayCalendar.FromDays(2030, 2030, new Dictionary<DateOnly, (DayKind Kind, string Name)>());

        var decision = RatingRules.Rectification(calendar, SatisfactionGrade.Dissatisfied, Day("2030-12-30"), workingDays: 5);

        // 31日 (1), then 2031 Monday to Friday: 1月1日 (2), 2日 (3), 3日 (4), 6日 (5).
        Assert.Equal(new RectificationOrder(Day("2031-01-06"), true, true), decision.Outcome);
        Assert.EndsWith("（到期日暂定）", decision.Rules[0].Reason, StringComparison.Ordinal);
    }

    private static readonly (RectificationStatus From, RectificationAction Action, RectificationStatus To)[] Allowed =
    [
        (RectificationStatus.Pending, RectificationAction.Report, RectificationStatus.Rectified),
        (RectificationStatus.Pending, RectificationAction.Dismiss, RectificationStatus.Dismissed),
        (RectificationStatus.Rectified, RectificationAction.CallBack, RectificationStatus.CalledBack),
        (RectificationStatus.Rectified, RectificationAction.Return, RectificationStatus.Pending),
    ];

    [Theory]
    [InlineData(RectificationStatus.Pending, RectificationAction.Report, RectificationStatus.Rectified)] // 限期整改
    [InlineData(RectificationStatus.Rectified, RectificationAction.CallBack, RectificationStatus.CalledBack)] // 回访, closed
    [InlineData(RectificationStatus.Rectified, RectificationAction.Return, RectificationStatus.Pending)] // not done: again
    [InlineData(RectificationStatus.Pending, RectificationAction.Dismiss, RectificationStatus.Dismissed)] // 误评、恶意差评 申诉复核
    public void Rectification_moves(RectificationStatus from, RectificationAction action, RectificationStatus to)
    {
        Assert.Equal(to, RectificationWorkflow.Transition(from, action, new RectificationContext("已调整窗口排班并电话致歉")).Value);
    }

    [Fact]
    public void Exactly_the_allowed_rectification_moves_succeed()
    {
        var context = new RectificationContext("已调整窗口排班并电话致歉");
        foreach (var from in Enum.GetValues<RectificationStatus>())
        {
            foreach (var action in Enum.GetValues<RectificationAction>())
            {
                var result = RectificationWorkflow.Transition(from, action, context);
                var expected = Allowed.Where(a => a.From == from && a.Action == action).Select(a => (RectificationStatus?)a.To).SingleOrDefault();
                if (expected is { } to)
                {
                    Assert.Equal(to, result.Value);
                }
                else
                {
                    Assert.Equal($"当前状态为“{RectificationWorkflow.ChineseName(from)}”，不能执行“{RectificationWorkflow.ChineseName(action)}”", result.Error);
                }
            }

            Assert.Equal(
                Workflow.AllowedActions<RectificationWorkflow, RectificationStatus, RectificationAction, RectificationContext>(from, context),
                RectificationWorkflow.AllowedActions(from, context));
        }

        Assert.Equal(Allowed, RectificationWorkflow.Moves);
    }

    [Theory]
    [InlineData(RectificationStatus.Pending, RectificationAction.Report, "须填写整改情况（不少于5个字）")]
    [InlineData(RectificationStatus.Pending, RectificationAction.Dismiss, "核销须说明核实情况（不少于5个字）")]
    [InlineData(RectificationStatus.Rectified, RectificationAction.CallBack, "须填写回访记录（不少于5个字）")]
    [InlineData(RectificationStatus.Rectified, RectificationAction.Return, "退回须说明理由（不少于5个字）")]
    public void Every_rectification_step_needs_its_text(RectificationStatus from, RectificationAction action, string message)
    {
        Assert.Equal(message, RectificationWorkflow.Transition(from, action, RectificationContext.Empty).Error);
        Assert.Empty(RectificationWorkflow.AllowedActions(from, RectificationContext.Empty));
    }

    [Theory]
    [InlineData(RectificationStatus.Pending, true)]
    [InlineData(RectificationStatus.Rectified, true)]
    [InlineData(RectificationStatus.CalledBack, false)]
    [InlineData(RectificationStatus.Dismissed, false)]
    public void A_rectification_is_open_until_called_back_or_dismissed(RectificationStatus status, bool open)
    {
        Assert.Equal(open, RectificationWorkflow.IsOpen(status));
    }

    [Fact]
    public void Satisfaction_statistics_count_the_three_upper_grades_as_satisfied()
    {
        SatisfactionGrade[] grades =
        [
            SatisfactionGrade.VerySatisfied, SatisfactionGrade.VerySatisfied, SatisfactionGrade.Satisfied,
            SatisfactionGrade.FairlySatisfied, SatisfactionGrade.Dissatisfied, SatisfactionGrade.VeryDissatisfied,
        ];

        var summary = SatisfactionStatistics.Summarize(grades);

        Assert.Equal(6, summary.Total);
        Assert.Equal(2, summary.Counts[SatisfactionGrade.VerySatisfied]);
        Assert.Equal(2, summary.Poor);
        Assert.Equal(0.6667m, summary.SatisfactionRate);
        Assert.Equal(0.3333m, summary.PoorRate);
        Assert.Equal(3.33m, summary.AverageScore); // (5+5+4+3+2+1)/6
    }

    [Fact]
    public void Satisfaction_statistics_by_department_and_with_no_ratings()
    {
        (string, SatisfactionGrade)[] ratings =
        [
            ("教育", SatisfactionGrade.Satisfied),
            ("住房城乡建设", SatisfactionGrade.Dissatisfied),
            ("教育", SatisfactionGrade.VerySatisfied),
        ];

        var groups = SatisfactionStatistics.ByGroup(ratings);
        var empty = SatisfactionStatistics.Summarize([]);

        Assert.Equal(["教育", "住房城乡建设"], groups.Select(g => g.Group));
        Assert.Equal(1m, groups[0].Summary.SatisfactionRate);
        Assert.Equal(0m, groups[1].Summary.SatisfactionRate);
        Assert.Equal(5, empty.Counts.Count);
        Assert.Equal((0, (decimal?)null, (decimal?)null, (decimal?)null), (empty.Total, empty.SatisfactionRate, empty.PoorRate, empty.AverageScore));
        Assert.Throws<ArgumentOutOfRangeException>(() => SatisfactionStatistics.Summarize([(SatisfactionGrade)9]));
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
