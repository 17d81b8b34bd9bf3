using Gongjiang.Core.Calendar;
using Gongjiang.Core.Supervision;

namespace Gongjiang.Core.Tests.Supervision;

/// <summary>
/// Problems reported upward (问题反映). Notice, closing paragraph: “对《意见》贯彻落实中出现的问题，请及时向我部反映”; each level
/// answers or passes up to the level above it; tracked to closure.
/// </summary>
public sealed class ProblemWorkflowTests
{
    private static readonly ReportingHierarchy Hierarchy = ReportingHierarchy.Default;
    private const string Text = "积分落户政策与人才认定口径不一致";

    /// <summary>A problem raised by 南山区 (440305).</summary>
    private static ProblemContext As(string actor, string? text = Text, string raisedBy = "440305") => new(raisedBy, actor, Hierarchy, text);

    [Theory]
    // A county's problem goes to its city.
    [InlineData("440305", "440300")]
    // A city's to its province.
    [InlineData("440300", "440000")]
    // A province's to the ministry (“请及时向我部反映”).
    [InlineData("440000", "000000")]
    // 直辖市 district → the municipality.
    [InlineData("110101", "110000")]
    // 省直辖县级 → the province.
    [InlineData("429004", "420000")]
    public void A_raised_problem_goes_to_the_level_above(string raisedBy, string handler)
    {
        var state = ProblemWorkflow.Transition(null, ProblemAction.Raise, As(raisedBy, raisedBy: raisedBy)).GetValueOrThrow();

        Assert.Equal(new ProblemState(ProblemStatus.Open, handler), state);
    }

    [Fact]
    public void A_problem_is_passed_up_to_the_ministry_answered_and_closed()
    {
        var state = ProblemWorkflow.Transition(null, ProblemAction.Raise, As("440305")).GetValueOrThrow();
        state = ProblemWorkflow.Transition(state, ProblemAction.PassUp, As("440300", "涉及省级政策口径，需省厅答复")).GetValueOrThrow();
        state = ProblemWorkflow.Transition(state, ProblemAction.PassUp, As("440000", "涉及全国政策口径，请部里明确")).GetValueOrThrow();
        Assert.Equal(new ProblemState(ProblemStatus.Open, "000000"), state);

        state = ProblemWorkflow.Transition(state, ProblemAction.Answer, As("000000", "按属地认定口径执行，另行发文明确")).GetValueOrThrow();
        Assert.Equal(ProblemStatus.Answered, state!.Status);
        Assert.Equal("000000", state.HandlerRegionCode);

        state = ProblemWorkflow.Transition(state, ProblemAction.Close, As("440305", null)).GetValueOrThrow();
        Assert.Equal(ProblemStatus.Closed, state!.Status);
    }

    [Theory]
    // Only the handling level answers: not the county itself, not the province while the city has it.
    [InlineData(ProblemStatus.Open, "440300", ProblemAction.Answer, "440305", "该问题由广东省深圳市办理，只有该级可以答复或转报上级")]
    [InlineData(ProblemStatus.Open, "440300", ProblemAction.Answer, "440000", "该问题由广东省深圳市办理，只有该级可以答复或转报上级")]
    // The ministry has nobody above it to pass to.
    [InlineData(ProblemStatus.Open, "000000", ProblemAction.PassUp, "000000", "不能转报上级：全国（人力资源社会保障部）为最高一级，没有上一级")]
    // Only the raising region closes or follows up.
    [InlineData(ProblemStatus.Answered, "440300", ProblemAction.Close, "440300", "只有反映问题的广东省深圳市南山区可以追问、办结或撤回")]
    // An unanswered problem is not closed, only withdrawn.
    [InlineData(ProblemStatus.Open, "440300", ProblemAction.Close, "440305", "当前状态为“待答复”，不能执行“办结”")]
    // A closed problem is final.
    [InlineData(ProblemStatus.Closed, "440300", ProblemAction.FollowUp, "440305", "该问题已办结，不能再处理")]
    [InlineData(ProblemStatus.Open, "440300", ProblemAction.Raise, "440305", "该问题已反映，不能重复反映")]
    public void Steps_by_the_wrong_level_or_out_of_turn_are_refused(ProblemStatus status, string handler, ProblemAction action, string actor, string message)
    {
        var result = ProblemWorkflow.Transition(new ProblemState(status, handler), action, As(actor));

        Assert.Equal(message, result.Error);
    }

    [Fact]
    public void The_ministry_raises_no_problem_upward()
    {
        Assert.Equal("不能反映问题：全国（人力资源社会保障部）为最高一级，没有上一级",
            ProblemWorkflow.Transition(null, ProblemAction.Raise, As("000000", raisedBy: "000000")).Error);
    }

    [Theory]
    [InlineData(ProblemAction.Answer, "440300", "答复内容不能少于5个字")]
    [InlineData(ProblemAction.PassUp, "440300", "转报理由不能少于5个字")]
    [InlineData(ProblemAction.Withdraw, "440305", "撤回理由不能少于5个字")]
    public void Answers_and_reasons_have_at_least_five_characters(ProblemAction action, string actor, string message)
    {
        Assert.Equal(message, ProblemWorkflow.Transition(new ProblemState(ProblemStatus.Open, "440300"), action, As(actor, "已处理")).Error);
    }

    [Fact]
    public void An_unsatisfied_region_follows_up_and_the_problem_is_open_again()
    {
        var answered = new ProblemState(ProblemStatus.Answered, "440000");

        var state = ProblemWorkflow.Transition(answered, ProblemAction.FollowUp, As("440305", "答复未说明执行时间")).GetValueOrThrow();

        Assert.Equal(new ProblemState(ProblemStatus.Open, "440000"), state);
        Assert.Equal([ProblemAction.Answer, ProblemAction.PassUp], ProblemWorkflow.AllowedActions(state, As("440000")));
        Assert.Equal([ProblemAction.Withdraw], ProblemWorkflow.AllowedActions(state, As("440305")));
    }

    [Fact]
    public void Problems_are_checked_as_entered()
    {
        var refused = ProblemTracking.Validate(new ProblemInput("七（一）", "落", "短"), MeasureCatalog.Default);
        var accepted = ProblemTracking.Validate(new ProblemInput("三（四）", " 落户口径 ", Text), MeasureCatalog.Default);

        Assert.Equal(["涉及政策措施：政策措施“七（一）”不存在，应为三（一）至六（五）（3.1至6.5）之一", "问题标题应为2至100个字", "问题描述不能少于5个字"], refused.Reasons);
        Assert.Equal(new ProblemInput("3.4", "落户口径", Text), accepted.GetValueOrThrow());
    }

    [Fact]
    public void A_handler_sees_its_open_problems_oldest_first_with_the_overdue_ones_marked()
    {
        var problems = new[]
        {
            new ProblemRecord("b", "3.4", "440305", new ProblemState(ProblemStatus.Open, "440300"), new DateOnly(2025, 11, 3)),
            new ProblemRecord("a", "3.1", "440306", new ProblemState(ProblemStatus.Open, "440300"), new DateOnly(2025, 10, 9)),
            new ProblemRecord("c", "3.1", "440306", new ProblemState(ProblemStatus.Answered, "440300"), new DateOnly(2025, 10, 1)),
            new ProblemRecord("d", "3.1", "440106", new ProblemState(ProblemStatus.Open, "440100"), new DateOnly(2025, 10, 1)),
        };

        var pending = ProblemTracking.Pending(problems, "440300", new DateOnly(2025, 11, 5), 15, WorkingDayCalendar.China);

        Assert.Equal(["a", "b"], pending.Select(p => p.Problem.Id));
        // Arrived Thursday 9 October 2025 (after the 国庆 holiday): 15 working days → 10, 11 (Sat, 调休上班), 13–17, 20–24, 27, 28, 29 October.
        Assert.Equal(new DateOnly(2025, 10, 29), pending[0].AnswerDue.DueOn);
        Assert.True(pending[0].Overdue);
        Assert.False(pending[1].Overdue);
        Assert.Equal((2, 1, 0), ProblemTracking.Count(problems.Where(p => p.State.HandlerRegionCode == "440300")));
    }
}
