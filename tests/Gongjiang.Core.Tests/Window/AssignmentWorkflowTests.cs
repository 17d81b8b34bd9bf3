using Gongjiang.Core.Common;
using Gongjiang.Core.Window;

namespace Gongjiang.Core.Tests.Window;

/// <summary>A department's task (协办任务) — policy 七: “有关部门 … 要各尽其职、紧密配合”.</summary>
public sealed class AssignmentWorkflowTests
{
    private static readonly DateOnly Today = new(2026, 5, 11);

    private static readonly AssignmentContext Complete = new(AssignmentOpinion.Agree, "符合人才公寓申请条件，同意安排");

    private static readonly (AssignmentStatus From, AssignmentAction Action, AssignmentStatus To)[] Allowed =
    [
        (AssignmentStatus.Pending, AssignmentAction.Start, AssignmentStatus.InProgress),
        (AssignmentStatus.Pending, AssignmentAction.Cancel, AssignmentStatus.Cancelled),
        (AssignmentStatus.InProgress, AssignmentAction.RequestSupplement, AssignmentStatus.AwaitingSupplement),
        (AssignmentStatus.InProgress, AssignmentAction.Complete, AssignmentStatus.Done),
        (AssignmentStatus.InProgress, AssignmentAction.Cancel, AssignmentStatus.Cancelled),
        (AssignmentStatus.AwaitingSupplement, AssignmentAction.ReceiveSupplement, AssignmentStatus.InProgress),
        (AssignmentStatus.AwaitingSupplement, AssignmentAction.Cancel, AssignmentStatus.Cancelled),
        (AssignmentStatus.Done, AssignmentAction.Reopen, AssignmentStatus.InProgress),
    ];

    [Theory]
    [InlineData(AssignmentStatus.Pending, AssignmentAction.Start, AssignmentStatus.InProgress)] // 待办 → 签收办理
    [InlineData(AssignmentStatus.InProgress, AssignmentAction.RequestSupplement, AssignmentStatus.AwaitingSupplement)] // 部门提出补正
    [InlineData(AssignmentStatus.AwaitingSupplement, AssignmentAction.ReceiveSupplement, AssignmentStatus.InProgress)] // 补正后继续
    [InlineData(AssignmentStatus.InProgress, AssignmentAction.Complete, AssignmentStatus.Done)] // 办结 with 同意/不同意
    [InlineData(AssignmentStatus.Done, AssignmentAction.Reopen, AssignmentStatus.InProgress)] // request reopened on appeal
    [InlineData(AssignmentStatus.Pending, AssignmentAction.Cancel, AssignmentStatus.Cancelled)] // request withdrawn
    public void Allowed_transition_moves_to_the_next_state(AssignmentStatus from, AssignmentAction action, AssignmentStatus to)
    {
        var result = AssignmentWorkflow.Transition(from, action, Complete);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(to, result.Value);
    }

    [Fact]
    public void Exactly_the_allowed_pairs_succeed_and_every_other_names_the_state_and_the_action()
    {
        foreach (var from in Enum.GetValues<AssignmentStatus>())
        {
            foreach (var action in Enum.GetValues<AssignmentAction>())
            {
                var result = AssignmentWorkflow.Transition(from, action, Complete);
                var expected = Allowed.Where(a => a.From == from && a.Action == action).Select(a => (AssignmentStatus?)a.To).SingleOrDefault();
                if (expected is { } to)
                {
                    Assert.Equal(to, result.Value);
                }
                else
                {
                    Assert.Equal($"当前状态为“{AssignmentWorkflow.ChineseName(from)}”，不能执行“{AssignmentWorkflow.ChineseName(action)}”", result.Error);
                }
            }
        }
    }

    [Fact]
    public void Completing_needs_an_opinion_and_its_text()
    {
        var result = AssignmentWorkflow.Transition(AssignmentStatus.InProgress, AssignmentAction.Complete, new AssignmentContext(null, "好"));

        Assert.Equal(["办结须选择办理意见（同意或不同意）", "办结须填写意见说明（不少于5个字）"], result.Reasons);
    }

    [Theory]
    [InlineData(AssignmentOpinion.Agree)]
    [InlineData(AssignmentOpinion.Disagree)] // 不同意 is a completed task too, with its written opinion
    public void Completing_accepts_either_opinion(AssignmentOpinion opinion)
    {
        var result = AssignmentWorkflow.Transition(AssignmentStatus.InProgress, AssignmentAction.Complete, Complete with { Opinion = opinion });

        Assert.Equal(AssignmentStatus.Done, result.Value);
    }

    [Theory]
    [InlineData(AssignmentStatus.InProgress, AssignmentAction.RequestSupplement, "提出补正须一次性列明需补正的全部内容（不少于5个字）")]
    [InlineData(AssignmentStatus.Done, AssignmentAction.Reopen, "重新办理须说明理由（不少于5个字）")]
    [InlineData(AssignmentStatus.AwaitingSupplement, AssignmentAction.Cancel, "撤销任务须说明理由（不少于5个字）")]
    public void Steps_that_need_a_text_refuse_without_one(AssignmentStatus from, AssignmentAction action, string message)
    {
        Assert.Equal(message, AssignmentWorkflow.Transition(from, action, AssignmentContext.Empty).Error);
    }

    [Fact]
    public void Allowed_actions_follow_the_context()
    {
        Assert.Equal([AssignmentAction.Start], AssignmentWorkflow.AllowedActions(AssignmentStatus.Pending, AssignmentContext.Empty));
        Assert.Equal([AssignmentAction.RequestSupplement, AssignmentAction.Complete, AssignmentAction.Cancel],
            AssignmentWorkflow.AllowedActions(AssignmentStatus.InProgress, Complete));
        Assert.Empty(AssignmentWorkflow.AllowedActions(AssignmentStatus.Cancelled, Complete));
    }

    [Fact]
    public void The_buttons_agree_with_the_transition_function_and_the_declared_moves()
    {
        foreach (var state in Enum.GetValues<AssignmentStatus>())
        {
            foreach (var context in new[] { Complete, AssignmentContext.Empty })
            {
                Assert.Equal(
                    Workflow.AllowedActions<AssignmentWorkflow, AssignmentStatus, AssignmentAction, AssignmentContext>(state, context),
                    AssignmentWorkflow.AllowedActions(state, context));
            }
        }

        Assert.Equal(Allowed.OrderBy(m => m.From).ThenBy(m => m.Action), AssignmentWorkflow.Moves.OrderBy(m => m.From).ThenBy(m => m.Action));
    }

    [Fact]
    public void Open_tasks_block_closure_and_cancelled_or_done_ones_do_not()
    {
        AssignmentStatus[] tasks = [AssignmentStatus.Done, AssignmentStatus.AwaitingSupplement, AssignmentStatus.Cancelled, AssignmentStatus.Pending, AssignmentStatus.InProgress];

        Assert.Equal(3, Routing.OpenAssignments(tasks));
        Assert.Equal(0, Routing.OpenAssignments([AssignmentStatus.Done, AssignmentStatus.Cancelled]));
    }

    [Theory]
    // The first department to ask for 补正 pauses the request …
    [InlineData(ServiceRequestStatus.InProgress, ServiceRequestAction.RequestSupplement)]
    // … a second one while it is already paused changes nothing: one pause, resumed once.
    [InlineData(ServiceRequestStatus.Supplement, null)]
    [InlineData(ServiceRequestStatus.Closed, null)]
    public void A_task_asking_for_supplement_pauses_the_whole_request_once(ServiceRequestStatus request, ServiceRequestAction? expected)
    {
        Assert.Equal(expected, Routing.RequestActionOnAssignmentSupplement(request));
    }

    [Theory]
    [InlineData(new[] { AssignmentOpinion.Agree, AssignmentOpinion.Agree }, ServiceOutcome.Granted, "2个部门中2个同意、0个不同意，建议准予")]
    [InlineData(new[] { AssignmentOpinion.Agree, AssignmentOpinion.Disagree }, ServiceOutcome.PartlyGranted, "2个部门中1个同意、1个不同意，建议部分准予")]
    [InlineData(new[] { AssignmentOpinion.Disagree }, ServiceOutcome.Refused, "1个部门中0个同意、1个不同意，建议不予")]
    public void The_opinions_suggest_an_outcome(AssignmentOpinion[] opinions, ServiceOutcome outcome, string reason)
    {
        var decision = Routing.SuggestOutcome(opinions, Today)!;

        Assert.Equal(outcome, decision.Outcome);
        Assert.Equal(Today, decision.AsOf);
        Assert.Equal(reason, Assert.Single(decision.Rules).Reason);
    }

    [Fact]
    public void No_opinion_suggests_nothing()
    {
        Assert.Null(Routing.SuggestOutcome([], Today));
    }
}
