using System.Globalization;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Window;

/// <summary>A condition of a move: whether it holds for the context, and the Chinese reason shown when it does not.</summary>
internal sealed record Condition<TContext>(Func<TContext, bool> Holds, Func<TContext, string> Reason)
{
    /// <summary>A condition with a fixed reason.</summary>
    public static Condition<TContext> When(Func<TContext, bool> holds, string reason) => new(holds, _ => reason);
}

/// <summary>
/// The inside of the window's workflows: an immutable table of the allowed moves, each with its conditions, built once
/// per workflow, so <see cref="IWorkflow{TState, TAction, TContext}.Transition"/> is a dictionary lookup and the
/// conditions (ADR 0008). A move not in the table fails with “当前状态为“X”，不能执行“Y””; a move whose conditions fail
/// gives every unmet condition's reason, in the order declared.
/// </summary>
/// <remarks>
/// Stateless (the library the brief suggests) was tried first: built per call with the context in its guards it cost
/// about 30 µs a transition and 0.4–0.6 ms for the buttons of one request (guard descriptions are resolved by
/// reflection on every build), too slow for inbox pages listing many requests; a shared machine would need shared
/// mutable state. The table gives the same declarative form without either cost.
/// </remarks>
internal sealed class TransitionTable<TState, TAction, TContext>
    where TState : struct, Enum
    where TAction : struct, Enum
{
    private readonly Dictionary<(TState From, TAction Action), (TState To, Condition<TContext>[] Conditions)> moves = [];
    private readonly List<(TState From, TAction Action, TState To)> order = [];
    private static readonly TAction[] Actions = Enum.GetValues<TAction>();

    private readonly Func<TState, string> stateName;
    private readonly Func<TAction, string> actionName;

    public TransitionTable(Func<TState, string> stateName, Func<TAction, string> actionName)
    {
        this.stateName = stateName;
        this.actionName = actionName;
    }

    /// <summary>The allowed moves in the order declared.</summary>
    public IReadOnlyList<(TState From, TAction Action, TState To)> Moves => order;

    /// <summary>Declares a move and its conditions (each move once).</summary>
    public TransitionTable<TState, TAction, TContext> Allow(TState from, TAction action, TState to, params Condition<TContext>[] conditions)
    {
        moves.Add((from, action), (to, conditions));
        order.Add((from, action, to));
        return this;
    }

    /// <summary>The state after <paramref name="action"/>, or every reason it is refused.</summary>
    public Result<TState> Fire(TState state, TAction action, TContext context)
    {
        if (!moves.TryGetValue((state, action), out var move))
        {
            return Result<TState>.Fail(NotAllowed(stateName(state), actionName(action)));
        }

        List<string>? unmet = null;
        foreach (var condition in move.Conditions)
        {
            if (!condition.Holds(context))
            {
                (unmet ??= []).Add(condition.Reason(context));
            }
        }

        return unmet is null ? Result<TState>.Ok(move.To) : Result<TState>.Fail(unmet);
    }

    /// <summary>
    /// The actions <see cref="Fire"/> accepts in <paramref name="state"/>, in the enum's declaration order — the same
    /// answer as <c>Workflow.AllowedActions</c>, without formatting the refusals' messages.
    /// </summary>
    public IReadOnlyList<TAction> Allowed(TState state, TContext context)
    {
        var allowed = new List<TAction>();
        foreach (var action in Actions)
        {
            if (moves.TryGetValue((state, action), out var move) && move.Conditions.All(c => c.Holds(context)))
            {
                allowed.Add(action);
            }
        }

        return allowed;
    }

    /// <summary>“当前状态为“办结”，不能执行“受理””.</summary>
    public static string NotAllowed(string state, string action) =>
        string.Create(CultureInfo.InvariantCulture, $"当前状态为“{state}”，不能执行“{action}”");
}

/// <summary>Rules shared by the window's workflows.</summary>
public static class WindowRules
{
    /// <summary>
    /// The shortest reason accepted for a step that must give one (不予受理, 补正, 办结, 撤回, 重新办理, 整改, 回访…), the
    /// same as <c>PublicationWorkflow.MinimumReasonLength</c>. 《中华人民共和国行政许可法》第三十二条、第三十八条 require
    /// written reasons for 不予受理 and 不予许可; the length is a local choice that keeps “无” out.
    /// </summary>
    public const int MinimumReasonLength = 5;

    /// <summary>Whether a reason text has at least <see cref="MinimumReasonLength"/> characters after trimming.</summary>
    public static bool HasReason(string? text) => (text?.Trim().Length ?? 0) >= MinimumReasonLength;
}
