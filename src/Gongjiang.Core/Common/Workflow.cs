namespace Gongjiang.Core.Common;

/// <summary>
/// The one shape of every workflow in the platform (registry lifecycle, publications, service requests, promotions,
/// reports…): a pure function from the current state, an action and what the rule needs to know (the context) to the
/// next state, or a refusal with its reasons in Chinese. Who may act is the caller's question; whether the move is
/// allowed is the workflow's.
/// </summary>
/// <typeparam name="TState">The state; nullable where a record can be “not yet in the workflow”.</typeparam>
/// <typeparam name="TAction">The actions, an enum.</typeparam>
/// <typeparam name="TContext">Facts the rule needs (dates, counts, who prepared); <see cref="NoContext"/> when none.</typeparam>
public interface IWorkflow<TState, TAction, in TContext>
    where TAction : struct, Enum
{
    /// <summary>The state after <paramref name="action"/>, or a failure whose <see cref="Result{T}.Reasons"/> say why not.</summary>
    static abstract Result<TState> Transition(TState state, TAction action, TContext context);
}

/// <summary>The context of a workflow whose rule looks only at the state and the action.</summary>
public readonly record struct NoContext
{
    public static NoContext Value => default;
}

/// <summary>Helpers common to every <see cref="IWorkflow{TState, TAction, TContext}"/>.</summary>
public static class Workflow
{
    /// <summary>The actions the workflow accepts in <paramref name="state"/>, in declaration order (for buttons).</summary>
    public static IReadOnlyList<TAction> AllowedActions<TWorkflow, TState, TAction, TContext>(TState state, TContext context)
        where TWorkflow : IWorkflow<TState, TAction, TContext>
        where TAction : struct, Enum =>
        [.. Enum.GetValues<TAction>().Where(action => TWorkflow.Transition(state, action, context).IsValid)];
}
