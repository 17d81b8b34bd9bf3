using Gongjiang.Core.Common;
using Gongjiang.Core.Window;

namespace Gongjiang.Core.Tests.Window;

/// <summary>
/// The request workflow of the 高技能领军人才服务窗口 (policy 三(一) 服务窗口, 七 多方协调机制; ADR 0008 shape).
/// </summary>
public sealed class ServiceRequestWorkflowTests
{
    /// <summary>A context in which every condition holds.</summary>
    private static readonly ServiceRequestContext Complete = new()
    {
        MissingMaterials = [],
        Assignments = 2,
        OpenAssignments = 0,
        Outcome = ServiceOutcome.Granted,
        Reason = "材料齐全，符合条件，予以办理",
        Appeal = AppealKind.Reconsideration,
        AppealReference = "深府复决〔2026〕12号",
    };

    // The only allowed moves (with every condition holding).
    private static readonly (ServiceRequestStatus From, ServiceRequestAction Action, ServiceRequestStatus To)[] Allowed =
    [
        (ServiceRequestStatus.Draft, ServiceRequestAction.Submit, ServiceRequestStatus.Submitted),
        (ServiceRequestStatus.Submitted, ServiceRequestAction.Accept, ServiceRequestStatus.Accepted),
        (ServiceRequestStatus.Submitted, ServiceRequestAction.RefuseAcceptance, ServiceRequestStatus.NotAccepted),
        (ServiceRequestStatus.Submitted, ServiceRequestAction.Withdraw, ServiceRequestStatus.Withdrawn),
        (ServiceRequestStatus.Accepted, ServiceRequestAction.Route, ServiceRequestStatus.InProgress),
        (ServiceRequestStatus.Accepted, ServiceRequestAction.Withdraw, ServiceRequestStatus.Withdrawn),
        (ServiceRequestStatus.InProgress, ServiceRequestAction.RequestSupplement, ServiceRequestStatus.Supplement),
        (ServiceRequestStatus.InProgress, ServiceRequestAction.Close, ServiceRequestStatus.Closed),
        (ServiceRequestStatus.InProgress, ServiceRequestAction.Withdraw, ServiceRequestStatus.Withdrawn),
        (ServiceRequestStatus.Supplement, ServiceRequestAction.ReceiveSupplement, ServiceRequestStatus.InProgress),
        (ServiceRequestStatus.Supplement, ServiceRequestAction.Withdraw, ServiceRequestStatus.Withdrawn),
        (ServiceRequestStatus.Closed, ServiceRequestAction.Rate, ServiceRequestStatus.Rated),
        (ServiceRequestStatus.Closed, ServiceRequestAction.Reopen, ServiceRequestStatus.InProgress),
        (ServiceRequestStatus.Rated, ServiceRequestAction.Reopen, ServiceRequestStatus.InProgress),
        (ServiceRequestStatus.NotAccepted, ServiceRequestAction.Reopen, ServiceRequestStatus.Submitted),
    ];

    [Theory]
    [InlineData(ServiceRequestStatus.Draft, ServiceRequestAction.Submit, ServiceRequestStatus.Submitted)] // 提交
    [InlineData(ServiceRequestStatus.Submitted, ServiceRequestAction.Accept, ServiceRequestStatus.Accepted)] // 受理
    [InlineData(ServiceRequestStatus.Submitted, ServiceRequestAction.RefuseAcceptance, ServiceRequestStatus.NotAccepted)] // 《行政许可法》第三十二条 不予受理
    [InlineData(ServiceRequestStatus.Accepted, ServiceRequestAction.Route, ServiceRequestStatus.InProgress)] // 七 多方协调机制: 分送部门
    [InlineData(ServiceRequestStatus.InProgress, ServiceRequestAction.RequestSupplement, ServiceRequestStatus.Supplement)] // 一次告知补正
    [InlineData(ServiceRequestStatus.Supplement, ServiceRequestAction.ReceiveSupplement, ServiceRequestStatus.InProgress)] // 补正后恢复
    [InlineData(ServiceRequestStatus.InProgress, ServiceRequestAction.Close, ServiceRequestStatus.Closed)] // 《行政许可法》第三十八条 办结
    [InlineData(ServiceRequestStatus.Closed, ServiceRequestAction.Rate, ServiceRequestStatus.Rated)] // 国办发〔2019〕51号 一事一评
    [InlineData(ServiceRequestStatus.Supplement, ServiceRequestAction.Withdraw, ServiceRequestStatus.Withdrawn)] // 撤回 before closure
    [InlineData(ServiceRequestStatus.Rated, ServiceRequestAction.Reopen, ServiceRequestStatus.InProgress)] // 复议 orders it handled again
    [InlineData(ServiceRequestStatus.NotAccepted, ServiceRequestAction.Reopen, ServiceRequestStatus.Submitted)] // 复议 against 不予受理
    public void Allowed_transition_moves_to_the_next_state(ServiceRequestStatus from, ServiceRequestAction action, ServiceRequestStatus to)
    {
        var result = ServiceRequestWorkflow.Transition(from, action, Complete);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(to, result.Value);
    }

    [Fact]
    public void Exactly_the_allowed_pairs_succeed_and_every_other_names_the_state_and_the_action()
    {
        var pairs = 0;
        foreach (var from in Enum.GetValues<ServiceRequestStatus>())
        {
            foreach (var action in Enum.GetValues<ServiceRequestAction>())
            {
                pairs++;
                var result = ServiceRequestWorkflow.Transition(from, action, Complete);
                var expected = Allowed.Where(a => a.From == from && a.Action == action).Select(a => (ServiceRequestStatus?)a.To).SingleOrDefault();
                if (expected is { } to)
                {
                    Assert.True(result.IsValid, $"{from} + {action}: {result.Error}");
                    Assert.Equal(to, result.Value);
                }
                else
                {
                    Assert.False(result.IsValid, $"{from} + {action} should be refused");
                    Assert.Equal(
                        $"当前状态为“{ServiceRequestWorkflow.ChineseName(from)}”，不能执行“{ServiceRequestWorkflow.ChineseName(action)}”",
                        result.Error);
                }
            }
        }

        Assert.Equal(9 * 10, pairs);
    }

    [Fact]
    public void A_closed_request_cannot_be_accepted_again_and_the_message_says_why()
    {
        var result = ServiceRequestWorkflow.Transition(ServiceRequestStatus.Closed, ServiceRequestAction.Accept, Complete);

        Assert.Equal("当前状态为“办结”，不能执行“受理”", result.Error);
    }

    [Fact]
    public void A_rated_request_cannot_be_rated_twice()
    {
        // 一事一评: the second rating of the same closure is refused.
        var result = ServiceRequestWorkflow.Transition(ServiceRequestStatus.Rated, ServiceRequestAction.Rate, Complete);

        Assert.Equal("当前状态为“已评价”，不能执行“评价”", result.Error);
    }

    [Fact]
    public void A_reopened_request_closed_again_may_be_rated_again()
    {
        var state = ServiceRequestStatus.Rated;
        foreach (var action in new[] { ServiceRequestAction.Reopen, ServiceRequestAction.Close, ServiceRequestAction.Rate })
        {
            state = ServiceRequestWorkflow.Transition(state, action, Complete).GetValueOrThrow();
        }

        Assert.Equal(ServiceRequestStatus.Rated, state);
    }

    [Fact]
    public void Submitting_with_missing_materials_names_them()
    {
        var context = Complete with { MissingMaterials = ["身份证明", "购房合同"] };

        var result = ServiceRequestWorkflow.Transition(ServiceRequestStatus.Draft, ServiceRequestAction.Submit, context);

        Assert.Equal("缺少必需材料：身份证明、购房合同", result.Error);
    }

    [Fact]
    public void Accepting_with_missing_materials_names_every_one_and_leaves_the_request_submitted()
    {
        // 《行政许可法》第三十二条第一款第四项、第五项: materials incomplete are told at once; complete ones are accepted.
        var context = Complete with { MissingMaterials = ["居民身份证", "劳动合同"] };

        var result = ServiceRequestWorkflow.Transition(ServiceRequestStatus.Submitted, ServiceRequestAction.Accept, context);

        Assert.False(result.IsValid);
        Assert.Equal("申请材料不齐全，不能受理。尚未提交：居民身份证、劳动合同", result.Error);
        Assert.DoesNotContain(ServiceRequestAction.Accept, ServiceRequestWorkflow.AllowedActions(ServiceRequestStatus.Submitted, context));
        Assert.Contains(ServiceRequestAction.RefuseAcceptance, ServiceRequestWorkflow.AllowedActions(ServiceRequestStatus.Submitted, context));
    }

    [Fact]
    public void Routing_needs_at_least_one_department()
    {
        var result = ServiceRequestWorkflow.Transition(ServiceRequestStatus.Accepted, ServiceRequestAction.Route, Complete with { Assignments = 0 });

        Assert.Equal("至少须分送一个部门办理", result.Error);
    }

    [Fact]
    public void Closing_gives_every_unmet_condition_at_once()
    {
        var context = Complete with { OpenAssignments = 1, Outcome = null, Reason = "同意" };

        var result = ServiceRequestWorkflow.Transition(ServiceRequestStatus.InProgress, ServiceRequestAction.Close, context);

        Assert.Equal(
            [
                "还有1个部门任务未办结，全部办结后方可办结",
                "办结须选择结果（准予、部分准予或不予）",
                "办结须说明理由（不少于5个字）",
            ],
            result.Reasons);
    }

    [Theory]
    [InlineData(ServiceOutcome.Granted)] // 准予
    [InlineData(ServiceOutcome.PartlyGranted)] // 部分准予
    [InlineData(ServiceOutcome.Refused)] // 不予, 《行政许可法》第三十八条第二款: with its reason
    public void Closing_accepts_each_outcome_with_a_reason(ServiceOutcome outcome)
    {
        var result = ServiceRequestWorkflow.Transition(ServiceRequestStatus.InProgress, ServiceRequestAction.Close, Complete with { Outcome = outcome });

        Assert.Equal(ServiceRequestStatus.Closed, result.Value);
    }

    [Theory]
    [InlineData(ServiceRequestStatus.Submitted, ServiceRequestAction.RefuseAcceptance, "不予受理须说明理由（不少于5个字）")]
    [InlineData(ServiceRequestStatus.InProgress, ServiceRequestAction.RequestSupplement, "要求补正须一次性列明需补正的全部内容（不少于5个字）")]
    [InlineData(ServiceRequestStatus.Accepted, ServiceRequestAction.Withdraw, "撤回须填写理由（不少于5个字）")]
    [InlineData(ServiceRequestStatus.Supplement, ServiceRequestAction.Withdraw, "撤回须填写理由（不少于5个字）")]
    public void Steps_that_need_a_reason_refuse_a_short_one(ServiceRequestStatus from, ServiceRequestAction action, string message)
    {
        var result = ServiceRequestWorkflow.Transition(from, action, Complete with { Reason = "  不行  " });

        Assert.Equal(message, result.Error);
    }

    [Fact]
    public void Reopening_needs_the_appeal_its_reference_and_a_reason()
    {
        var context = Complete with { Appeal = null, AppealReference = " ", Reason = null };

        var result = ServiceRequestWorkflow.Transition(ServiceRequestStatus.Closed, ServiceRequestAction.Reopen, context);

        Assert.Equal(
            ["重新办理须注明依据（行政复议或申诉）", "重新办理须填写复议决定书或申诉处理意见的文号", "重新办理须说明理由（不少于5个字）"],
            result.Reasons);
    }

    [Fact]
    public void Allowed_actions_are_the_buttons_the_rules_accept()
    {
        var noReason = Complete with { Reason = null, OpenAssignments = 1 };

        Assert.Equal([ServiceRequestAction.Accept, ServiceRequestAction.RefuseAcceptance, ServiceRequestAction.Withdraw],
            ServiceRequestWorkflow.AllowedActions(ServiceRequestStatus.Submitted, Complete));
        Assert.Equal([ServiceRequestAction.Accept], ServiceRequestWorkflow.AllowedActions(ServiceRequestStatus.Submitted, noReason));
        Assert.Equal([ServiceRequestAction.RequestSupplement, ServiceRequestAction.Close, ServiceRequestAction.Withdraw],
            ServiceRequestWorkflow.AllowedActions(ServiceRequestStatus.InProgress, Complete));
        Assert.Empty(ServiceRequestWorkflow.AllowedActions(ServiceRequestStatus.InProgress, noReason));
        Assert.Empty(ServiceRequestWorkflow.AllowedActions(ServiceRequestStatus.Withdrawn, Complete));
    }

    [Fact]
    public void The_buttons_agree_with_the_transition_function_in_every_state()
    {
        ServiceRequestContext[] contexts = [Complete, ServiceRequestContext.Empty, Complete with { OpenAssignments = 2 }, Complete with { MissingMaterials = ["身份证明"] }];
        foreach (var state in Enum.GetValues<ServiceRequestStatus>())
        {
            foreach (var context in contexts)
            {
                Assert.Equal(
                    Workflow.AllowedActions<ServiceRequestWorkflow, ServiceRequestStatus, ServiceRequestAction, ServiceRequestContext>(state, context),
                    ServiceRequestWorkflow.AllowedActions(state, context));
            }
        }
    }

    [Fact]
    public void The_declared_moves_are_the_allowed_table()
    {
        Assert.Equal(Allowed.OrderBy(m => m.From).ThenBy(m => m.Action), ServiceRequestWorkflow.Moves.OrderBy(m => m.From).ThenBy(m => m.Action));
    }

    [Theory]
    [InlineData(ServiceRequestStatus.Draft, false)]
    [InlineData(ServiceRequestStatus.Submitted, true)]
    [InlineData(ServiceRequestStatus.Accepted, true)]
    [InlineData(ServiceRequestStatus.InProgress, true)]
    [InlineData(ServiceRequestStatus.Supplement, true)]
    [InlineData(ServiceRequestStatus.NotAccepted, false)]
    [InlineData(ServiceRequestStatus.Closed, false)]
    [InlineData(ServiceRequestStatus.Rated, false)]
    [InlineData(ServiceRequestStatus.Withdrawn, false)]
    public void Open_states_are_those_waiting_for_a_decision(ServiceRequestStatus status, bool open)
    {
        Assert.Equal(open, ServiceRequestWorkflow.IsOpen(status));
    }

    [Fact]
    public void Every_state_action_outcome_and_appeal_has_a_distinct_Chinese_name()
    {
        Assert.Equal(9, Enum.GetValues<ServiceRequestStatus>().Select(ServiceRequestWorkflow.ChineseName).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(10, Enum.GetValues<ServiceRequestAction>().Select(ServiceRequestWorkflow.ChineseName).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(["准予", "部分准予", "不予"], Enum.GetValues<ServiceOutcome>().Select(ServiceRequestWorkflow.ChineseName));
        Assert.Equal(["行政复议", "申诉"], Enum.GetValues<AppealKind>().Select(ServiceRequestWorkflow.ChineseName));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceRequestWorkflow.ChineseName((ServiceRequestStatus)99));
    }
}
