using Gongjiang.Core.Publication;

namespace Gongjiang.Core.Tests.Common;

public sealed class WorkflowTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Fact]
    public void Publication_notice_is_withdrawn_only_with_a_reason_of_five_characters()
    {
        var shortReason = new PublicationContext(Today, Today.AddDays(7), 0, "a", "a", "写错了");
        Assert.Equal("撤回公示须填写理由（不少于5个字）", PublicationWorkflow.Transition(PublicationStatus.Notice, PublicationAction.WithdrawNotice, shortReason).Error);

        var reason = shortReason with { Reason = "名单中有人员信息错误" };
        Assert.Equal(PublicationStatus.Draft, PublicationWorkflow.Transition(PublicationStatus.Notice, PublicationAction.WithdrawNotice, reason).Value);
        Assert.False(PublicationWorkflow.Transition(PublicationStatus.Published, PublicationAction.WithdrawNotice, reason).IsValid);
    }

    [Fact]
    public void Approval_refusal_carries_every_reason()
    {
        // 公示期未满, objections undecided and the preparer approving: three reasons at once.
        var context = new PublicationContext(Today, Today.AddDays(2), 2, "clerk", "clerk");
        var result = PublicationWorkflow.Transition(PublicationStatus.Notice, PublicationAction.Approve, context);
        Assert.Equal(3, result.Reasons.Count);
        Assert.Contains("还有2件异议未处理", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Allowed_actions_come_from_the_transition_function()
    {
        var context = new PublicationContext(Today, Today.AddDays(-1), 0, "clerk", "reviewer", "公示期内发现错误需更正");
        Assert.Equal([PublicationAction.Approve, PublicationAction.WithdrawNotice], PublicationWorkflow.AllowedActions(PublicationStatus.Notice, context));
        Assert.Equal([PublicationAction.StartNotice], PublicationWorkflow.AllowedActions(PublicationStatus.Draft, context));
    }
}
