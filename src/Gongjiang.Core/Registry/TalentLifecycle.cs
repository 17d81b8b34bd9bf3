using System.Globalization;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Registry;

/// <summary>
/// The lifecycle of an entry in the 高技能领军人才数据库. Ministry notice 三: “准确梳理辖区内各类企业高技能领军人才情况，
/// 建立完善高技能领军人才数据库，定期更新并向各部门和社会公布”.
/// </summary>
/// <remarks>
/// <para>The allowed moves, and no others:</para>
/// <list type="table">
/// <item><term>(none) + 提名</term><description>已提名</description></item>
/// <item><term>已提名 + 核实</term><description>已核实</description></item>
/// <item><term>已提名 + 核实不通过</term><description>未通过核实</description></item>
/// <item><term>已核实 + 入库</term><description>已入库</description></item>
/// <item><term>已入库 + 发起复核</term><description>复核中</description></item>
/// <item><term>复核中 + 复核确认</term><description>已入库</description></item>
/// <item><term>已入库 + 移出</term><description>已移出</description></item>
/// <item><term>复核中 + 移出</term><description>已移出</description></item>
/// <item><term>已移出 + 提名</term><description>已提名 (re-nomination)</description></item>
/// <item><term>未通过核实 + 提名</term><description>已提名</description></item>
/// </list>
/// <para>Every other pair fails with a Chinese message naming the current state and the action.</para>
/// </remarks>
public sealed class TalentLifecycle : IWorkflow<TalentStatus?, TalentAction, NoContext>
{
    private TalentLifecycle()
    {
    }

    /// <summary>
    /// The state after <paramref name="action"/> in state <paramref name="from"/> (null = not yet in the registry), or a
    /// failure “当前状态为“已移出”，不能执行“复核确认”” for a disallowed pair.
    /// </summary>
    public static Result<TalentStatus> Transition(TalentStatus? from, TalentAction action) => (from, action) switch
    {
        (null, TalentAction.Nominate) => Result<TalentStatus>.Ok(TalentStatus.Nominated),
        (TalentStatus.Nominated, TalentAction.Verify) => Result<TalentStatus>.Ok(TalentStatus.Verified),
        (TalentStatus.Nominated, TalentAction.Reject) => Result<TalentStatus>.Ok(TalentStatus.Rejected),
        (TalentStatus.Verified, TalentAction.List) => Result<TalentStatus>.Ok(TalentStatus.Listed),
        (TalentStatus.Listed, TalentAction.StartReview) => Result<TalentStatus>.Ok(TalentStatus.UnderReview),
        (TalentStatus.UnderReview, TalentAction.ConfirmReview) => Result<TalentStatus>.Ok(TalentStatus.Listed),
        (TalentStatus.Listed, TalentAction.Delist) => Result<TalentStatus>.Ok(TalentStatus.Delisted),
        (TalentStatus.UnderReview, TalentAction.Delist) => Result<TalentStatus>.Ok(TalentStatus.Delisted),
        (TalentStatus.Delisted, TalentAction.Nominate) => Result<TalentStatus>.Ok(TalentStatus.Nominated),
        (TalentStatus.Rejected, TalentAction.Nominate) => Result<TalentStatus>.Ok(TalentStatus.Nominated),
        _ => Result<TalentStatus>.Fail(string.Create(
            CultureInfo.InvariantCulture,
            $"当前状态为“{TalentStatuses.ChineseName(from)}”，不能执行“{TalentActions.ChineseName(action)}”")),
    };

    /// <inheritdoc cref="IWorkflow{TState, TAction, TContext}.Transition"/>
    public static Result<TalentStatus?> Transition(TalentStatus? state, TalentAction action, NoContext context)
    {
        var next = Transition(state, action);
        return next.IsValid ? Result<TalentStatus?>.Ok(next.Value) : Result<TalentStatus?>.Fail(next.Reasons);
    }

    /// <summary>The actions <see cref="Transition(TalentStatus?, TalentAction)"/> accepts in <paramref name="from"/>, in declaration order (for buttons).</summary>
    public static IReadOnlyList<TalentAction> AllowedActions(TalentStatus? from) =>
        Workflow.AllowedActions<TalentLifecycle, TalentStatus?, TalentAction, NoContext>(from, NoContext.Value);
}
