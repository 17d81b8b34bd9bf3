using Gongjiang.Core.Registry;

namespace Gongjiang.Core.Tests.Registry;

public sealed class TalentLifecycleTests
{
    // Ministry notice 三: “建立完善高技能领军人才数据库，定期更新” — the only allowed moves.
    private static readonly (TalentStatus? From, TalentAction Action, TalentStatus To)[] Allowed =
    [
        (null, TalentAction.Nominate, TalentStatus.Nominated),
        (TalentStatus.Nominated, TalentAction.Verify, TalentStatus.Verified),
        (TalentStatus.Nominated, TalentAction.Reject, TalentStatus.Rejected),
        (TalentStatus.Verified, TalentAction.List, TalentStatus.Listed),
        (TalentStatus.Listed, TalentAction.StartReview, TalentStatus.UnderReview),
        (TalentStatus.UnderReview, TalentAction.ConfirmReview, TalentStatus.Listed),
        (TalentStatus.Listed, TalentAction.Delist, TalentStatus.Delisted),
        (TalentStatus.UnderReview, TalentAction.Delist, TalentStatus.Delisted),
        (TalentStatus.Delisted, TalentAction.Nominate, TalentStatus.Nominated),
        (TalentStatus.Rejected, TalentAction.Nominate, TalentStatus.Nominated),
    ];

    [Theory]
    [InlineData(null, TalentAction.Nominate, TalentStatus.Nominated)] // 提名
    [InlineData(TalentStatus.Nominated, TalentAction.Verify, TalentStatus.Verified)] // 核实
    [InlineData(TalentStatus.Nominated, TalentAction.Reject, TalentStatus.Rejected)] // 核实不通过
    [InlineData(TalentStatus.Verified, TalentAction.List, TalentStatus.Listed)] // 入库
    [InlineData(TalentStatus.Listed, TalentAction.StartReview, TalentStatus.UnderReview)] // 定期更新: 发起复核
    [InlineData(TalentStatus.UnderReview, TalentAction.ConfirmReview, TalentStatus.Listed)] // 复核确认
    [InlineData(TalentStatus.Listed, TalentAction.Delist, TalentStatus.Delisted)] // 移出
    [InlineData(TalentStatus.UnderReview, TalentAction.Delist, TalentStatus.Delisted)] // 复核中移出
    [InlineData(TalentStatus.Delisted, TalentAction.Nominate, TalentStatus.Nominated)] // 重新提名
    [InlineData(TalentStatus.Rejected, TalentAction.Nominate, TalentStatus.Nominated)] // 未通过后重新提名
    public void Allowed_transition_moves_to_the_next_state(TalentStatus? from, TalentAction action, TalentStatus to)
    {
        var result = TalentLifecycle.Transition(from, action);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(to, result.Value);
    }

    [Fact]
    public void Exactly_the_allowed_pairs_succeed_among_all_pairs()
    {
        TalentStatus?[] states = [null, .. TalentStatuses.All.Select(s => (TalentStatus?)s)];
        var checkedPairs = 0;

        foreach (var from in states)
        {
            foreach (var action in TalentActions.All)
            {
                var result = TalentLifecycle.Transition(from, action);
                var expected = Allowed.Where(a => a.From == from && a.Action == action).Select(a => (TalentStatus?)a.To).SingleOrDefault();

                if (expected is { } to)
                {
                    Assert.True(result.IsValid, result.Error);
                    Assert.Equal(to, result.Value);
                }
                else
                {
                    Assert.False(result.IsValid, $"{from?.ToString() ?? "null"} + {action} should be refused");
                    Assert.Equal(
                        $"当前状态为“{TalentStatuses.ChineseName(from)}”，不能执行“{TalentActions.ChineseName(action)}”",
                        result.Error);
                }

                checkedPairs++;
            }
        }

        Assert.Equal(7 * 7, checkedPairs);
        Assert.Equal(Allowed.Length, states.Sum(s => TalentLifecycle.AllowedActions(s).Count));
    }

    [Fact]
    public void Refusal_names_state_and_action_in_Chinese()
    {
        Assert.Equal("当前状态为“已移出”，不能执行“复核确认”", TalentLifecycle.Transition(TalentStatus.Delisted, TalentAction.ConfirmReview).Error);
        Assert.Equal("当前状态为“未提名”，不能执行“核实”", TalentLifecycle.Transition(null, TalentAction.Verify).Error);
        Assert.Equal("当前状态为“已入库”，不能执行“提名”", TalentLifecycle.Transition(TalentStatus.Listed, TalentAction.Nominate).Error);
    }

    [Fact]
    public void Allowed_actions_lists_the_buttons_of_a_state()
    {
        Assert.Equal([TalentAction.StartReview, TalentAction.Delist], TalentLifecycle.AllowedActions(TalentStatus.Listed));
        Assert.Equal([TalentAction.Verify, TalentAction.Reject], TalentLifecycle.AllowedActions(TalentStatus.Nominated));
        Assert.Equal([TalentAction.Nominate], TalentLifecycle.AllowedActions(null));
    }

    [Fact]
    public void Every_state_action_and_reason_has_a_distinct_Chinese_name()
    {
        Assert.Equal(TalentStatuses.All.Count, TalentStatuses.All.Select(TalentStatuses.ChineseName).Distinct().Count());
        Assert.Equal(TalentActions.All.Count, TalentActions.All.Select(TalentActions.ChineseName).Distinct().Count());
        Assert.Equal(DelistReasons.All.Count, DelistReasons.All.Select(DelistReasons.ChineseName).Distinct().Count());
        Assert.DoesNotContain(TalentStatuses.NotInRegistryName, TalentStatuses.All.Select(TalentStatuses.ChineseName));
    }

    [Theory]
    [InlineData(TalentStatus.Listed, true)]
    [InlineData(TalentStatus.UnderReview, true)]
    [InlineData(TalentStatus.Nominated, false)]
    [InlineData(TalentStatus.Verified, false)]
    [InlineData(TalentStatus.Delisted, false)]
    [InlineData(TalentStatus.Rejected, false)]
    public void In_database_while_listed_or_under_review(TalentStatus status, bool expected)
    {
        Assert.Equal(expected, TalentStatuses.IsInDatabase(status));
    }

    [Theory]
    [InlineData("退休", DelistReason.Retired)]
    [InlineData("已退休", DelistReason.Retired)]
    [InlineData("离职", DelistReason.Resigned)]
    [InlineData("辞职", DelistReason.Resigned)]
    [InlineData("去世", DelistReason.Deceased)]
    [InlineData("病故", DelistReason.Deceased)]
    [InlineData("荣誉撤销", DelistReason.HonorRevoked)]
    [InlineData("撤销荣誉", DelistReason.HonorRevoked)]
    [InlineData("迁出", DelistReason.MovedOut)]
    [InlineData("调出", DelistReason.MovedOut)]
    [InlineData("其他", DelistReason.Other)]
    [InlineData("其它", DelistReason.Other)]
    [InlineData(" 退 休　", DelistReason.Retired)]
    [InlineData("honorrevoked", DelistReason.HonorRevoked)]
    [InlineData("MovedOut", DelistReason.MovedOut)]
    public void Delist_reason_parses_names_and_synonyms(string text, DelistReason expected)
    {
        var result = DelistReasons.Parse(text);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void Delist_reason_round_trips_its_Chinese_name()
    {
        foreach (var reason in DelistReasons.All)
        {
            Assert.Equal(reason, DelistReasons.Parse(DelistReasons.ChineseName(reason)).Value);
        }
    }

    [Theory]
    [InlineData(null, "移出原因不能为空，应为退休、离职、去世、荣誉撤销、迁出或其他")]
    [InlineData("  ", "移出原因不能为空，应为退休、离职、去世、荣誉撤销、迁出或其他")]
    [InlineData(" 出国 ", "移出原因“出国”无法识别，应为退休、离职、去世、荣誉撤销、迁出或其他")]
    public void Delist_reason_rejects_empty_and_unknown(string? text, string error)
    {
        var result = DelistReasons.Parse(text);

        Assert.False(result.IsValid);
        Assert.Equal(error, result.Error);
    }
}
