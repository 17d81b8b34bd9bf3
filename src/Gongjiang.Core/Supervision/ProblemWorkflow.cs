using Gongjiang.Core.Calendar;
using Gongjiang.Core.Common;
using static Gongjiang.Core.Supervision.SupervisionText;

namespace Gongjiang.Core.Supervision;

/// <summary>Where a problem reported upward stands. The int values are stored; never renumber them.</summary>
public enum ProblemStatus
{
    /// <summary>待答复: with the handling level (<see cref="ProblemState.HandlerRegionCode"/>), waiting for an answer.</summary>
    Open = 1,
    /// <summary>已答复: answered; the raising region closes it or follows up.</summary>
    Answered = 2,
    /// <summary>已办结: closed (answered and accepted, or withdrawn). Final.</summary>
    Closed = 3,
}

/// <summary>What is done to a problem; <see cref="ProblemWorkflow.Transition"/> says when and by whom.</summary>
public enum ProblemAction
{
    /// <summary>反映: a region raises a problem; it goes to the level above.</summary>
    Raise = 1,
    /// <summary>答复: the handling level answers.</summary>
    Answer = 2,
    /// <summary>转报上级: the handling level passes it to its own level above, saying why.</summary>
    PassUp = 3,
    /// <summary>追问: the raising region is not satisfied with the answer; it goes back to the handling level.</summary>
    FollowUp = 4,
    /// <summary>办结: the raising region accepts the answer.</summary>
    Close = 5,
    /// <summary>撤回: the raising region withdraws an unanswered problem, saying why.</summary>
    Withdraw = 6,
}

/// <summary>A problem's state: its status and the region whose office must answer it.</summary>
public sealed record ProblemState(ProblemStatus Status, string HandlerRegionCode);

/// <summary>What <see cref="ProblemWorkflow.Transition"/> needs besides the state.</summary>
/// <param name="RaisedByRegionCode">The region that raised the problem.</param>
/// <param name="ActorRegionCode">The region of the office taking the step.</param>
/// <param name="Hierarchy">Who reports to whom.</param>
/// <param name="Text">The problem (反映), the answer (答复), or the reason (转报上级, 追问, 撤回): at least 5 characters.</param>
public sealed record ProblemContext(string RaisedByRegionCode, string ActorRegionCode, ReportingHierarchy Hierarchy, string? Text = null);

/// <summary>
/// Problems reported upward (问题反映). Notice, closing paragraph: “对《意见》贯彻落实中出现的问题，请及时向我部反映”; each level
/// reports to the one above it (<see cref="ReportingHierarchy.Above"/>).
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>(none) + 反映</term><description>待答复 at the raising region's level above; by the raising region, not the ministry</description></item>
/// <item><term>待答复 + 答复</term><description>已答复; by the handling level</description></item>
/// <item><term>待答复 + 转报上级</term><description>待答复 at the handling level's level above; by the handling level, not the ministry</description></item>
/// <item><term>已答复 + 追问</term><description>待答复 at the same handling level; by the raising region</description></item>
/// <item><term>已答复 + 办结</term><description>已办结; by the raising region</description></item>
/// <item><term>待答复 + 撤回</term><description>已办结; by the raising region</description></item>
/// </list>
/// <para>Every text (the problem, an answer, a reason) has at least 5 characters, except 办结. A closed problem is final.</para>
/// </remarks>
public sealed class ProblemWorkflow : IWorkflow<ProblemState?, ProblemAction, ProblemContext>
{
    /// <summary>Default working days the handling level has to answer (a local choice, not in the notice: “及时”).</summary>
    public const int DefaultAnswerWorkingDays = 15;

    private ProblemWorkflow()
    {
    }

    /// <summary>The state after <paramref name="action"/>, or every reason it is refused.</summary>
    public static Result<ProblemState?> Transition(ProblemState? state, ProblemAction action, ProblemContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<string>();
        ProblemState? next = (state?.Status, action) switch
        {
            (null, ProblemAction.Raise) => Raise(context, errors),
            (ProblemStatus.Open, ProblemAction.Answer) => ByHandler(state!, context, errors) && HasText(context, "答复内容", errors) ? state! with { Status = ProblemStatus.Answered } : null,
            (ProblemStatus.Open, ProblemAction.PassUp) => PassUp(state!, context, errors),
            (ProblemStatus.Answered, ProblemAction.FollowUp) => ByRaiser(context, errors) && HasText(context, "追问理由", errors) ? state! with { Status = ProblemStatus.Open } : null,
            (ProblemStatus.Answered, ProblemAction.Close) => ByRaiser(context, errors) ? state! with { Status = ProblemStatus.Closed } : null,
            (ProblemStatus.Open, ProblemAction.Withdraw) => ByRaiser(context, errors) && HasText(context, "撤回理由", errors) ? state! with { Status = ProblemStatus.Closed } : null,
            _ => Refuse(state, action, errors),
        };
        return errors.Count > 0 ? Result<ProblemState?>.Fail(errors) : Result<ProblemState?>.Ok(next);
    }

    /// <summary>The actions accepted in <paramref name="state"/> with <paramref name="context"/> (for buttons).</summary>
    public static IReadOnlyList<ProblemAction> AllowedActions(ProblemState? state, ProblemContext context) =>
        Workflow.AllowedActions<ProblemWorkflow, ProblemState?, ProblemAction, ProblemContext>(state, context);

    public static string ChineseName(ProblemStatus? status) => status switch
    {
        null => "未反映",
        ProblemStatus.Open => "待答复",
        ProblemStatus.Answered => "已答复",
        ProblemStatus.Closed => "已办结",
        _ => "未知状态",
    };

    public static string ChineseName(ProblemAction action) => action switch
    {
        ProblemAction.Raise => "反映",
        ProblemAction.Answer => "答复",
        ProblemAction.PassUp => "转报上级",
        ProblemAction.FollowUp => "追问",
        ProblemAction.Close => "办结",
        ProblemAction.Withdraw => "撤回",
        _ => "未知操作",
    };

    private static ProblemState? Raise(ProblemContext context, List<string> errors)
    {
        if (!string.Equals(context.ActorRegionCode, context.RaisedByRegionCode, StringComparison.Ordinal))
        {
            errors.Add("只能以本级名义反映问题");
            return null;
        }

        var above = context.Hierarchy.Above(context.RaisedByRegionCode);
        if (!above.IsValid)
        {
            errors.Add("不能反映问题：" + above.Reasons[0]);
            return null;
        }

        return HasText(context, "问题描述", errors) ? new ProblemState(ProblemStatus.Open, above.Value!.Code) : null;
    }

    private static ProblemState? PassUp(ProblemState state, ProblemContext context, List<string> errors)
    {
        if (!ByHandler(state, context, errors))
        {
            return null;
        }

        var above = context.Hierarchy.Above(state.HandlerRegionCode);
        if (!above.IsValid)
        {
            errors.Add("不能转报上级：" + above.Reasons[0]);
            return null;
        }

        return HasText(context, "转报理由", errors) ? state with { HandlerRegionCode = above.Value!.Code } : null;
    }

    private static ProblemState? Refuse(ProblemState? state, ProblemAction action, List<string> errors)
    {
        errors.Add((state?.Status, action) switch
        {
            (ProblemStatus.Closed, _) => "该问题已办结，不能再处理",
            (not null, ProblemAction.Raise) => "该问题已反映，不能重复反映",
            (null, _) => "该问题尚未反映",
            _ => Invariant($"当前状态为“{ChineseName(state?.Status)}”，不能执行“{ChineseName(action)}”"),
        });
        return null;
    }

    private static bool ByHandler(ProblemState state, ProblemContext context, List<string> errors)
    {
        if (string.Equals(context.ActorRegionCode, state.HandlerRegionCode, StringComparison.Ordinal))
        {
            return true;
        }

        errors.Add(Invariant($"该问题由{context.Hierarchy.Regions.FullName(state.HandlerRegionCode)}办理，只有该级可以答复或转报上级"));
        return false;
    }

    private static bool ByRaiser(ProblemContext context, List<string> errors)
    {
        if (string.Equals(context.ActorRegionCode, context.RaisedByRegionCode, StringComparison.Ordinal))
        {
            return true;
        }

        errors.Add(Invariant($"只有反映问题的{context.Hierarchy.Regions.FullName(context.RaisedByRegionCode)}可以追问、办结或撤回"));
        return false;
    }

    private static bool HasText(ProblemContext context, string field, List<string> errors)
    {
        if (Length(context.Text) >= MinimumReasonLength)
        {
            return true;
        }

        errors.Add(Invariant($"{field}不能少于{MinimumReasonLength}个字"));
        return false;
    }
}

/// <summary>A problem as stored, for tracking: what it concerns, where it stands, and since when it is with its handler.</summary>
/// <param name="Id">The caller's id.</param>
/// <param name="MeasureCode">The measure it is raised against.</param>
/// <param name="RaisedByRegionCode">The raising region.</param>
/// <param name="State">Its state.</param>
/// <param name="WithHandlerSince">The day it last reached its handler (raised, passed up or followed up).</param>
public sealed record ProblemRecord(string Id, string MeasureCode, string RaisedByRegionCode, ProblemState State, DateOnly WithHandlerSince);

/// <summary>An open problem on a handler's list, with the day its answer is due.</summary>
public sealed record PendingProblem(ProblemRecord Problem, ReportDue AnswerDue, bool Overdue);

/// <summary>A problem as entered by the raising region.</summary>
/// <param name="MeasureCode">The measure it concerns (“3.1” or “三（一）”).</param>
/// <param name="Title">A short title (2–100 characters).</param>
/// <param name="Description">What the problem is (at least 5 characters); also the <see cref="ProblemContext.Text"/> of 反映.</param>
public sealed record ProblemInput(string? MeasureCode, string? Title, string? Description);

/// <summary>Tracking problems to closure (“请及时向我部反映”; each level answers or passes up, and nothing is left open unseen).</summary>
public static class ProblemTracking
{
    /// <summary>
    /// Checks a problem as entered, each reason naming its field (涉及政策措施, 问题标题, 问题描述); returns it with the
    /// measure code “3.1” and the texts trimmed.
    /// </summary>
    public static Result<ProblemInput> Validate(ProblemInput input, MeasureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<string>();
        var measure = catalog.Parse(input.MeasureCode);
        if (!measure.IsValid)
        {
            errors.Add("涉及政策措施：" + measure.Reasons[0]);
        }

        var title = input.Title?.Trim() ?? "";
        if (Length(title) is < 2 or > 100)
        {
            errors.Add("问题标题应为2至100个字");
        }

        var description = input.Description?.Trim() ?? "";
        if (Length(description) < MinimumReasonLength)
        {
            errors.Add(Invariant($"问题描述不能少于{MinimumReasonLength}个字"));
        }
        else if (Length(description) > ProgressReportRules.MaximumNarrativeLength)
        {
            errors.Add(Invariant($"问题描述不能超过{ProgressReportRules.MaximumNarrativeLength}个字"));
        }

        return errors.Count > 0
            ? Result<ProblemInput>.Fail(errors)
            : Result<ProblemInput>.Ok(new ProblemInput(measure.Value!.Code, title, description));
    }

    /// <summary>
    /// The open problems <paramref name="handlerRegionCode"/> must answer, oldest first, each with its answer due
    /// <paramref name="answerWorkingDays"/> working days after it arrived and whether that day has passed on
    /// <paramref name="asOf"/>. The time limit is a local parameter (<see cref="ProblemWorkflow.DefaultAnswerWorkingDays"/>).
    /// </summary>
    public static IReadOnlyList<PendingProblem> Pending(IEnumerable<ProblemRecord> problems, string handlerRegionCode, DateOnly asOf, int answerWorkingDays, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(answerWorkingDays, 1);
        return
        [
            .. problems
                .Where(p => p.State.Status == ProblemStatus.Open && string.Equals(p.State.HandlerRegionCode, handlerRegionCode, StringComparison.Ordinal))
                .OrderBy(p => p.WithHandlerSince)
                .ThenBy(p => p.Id, StringComparer.Ordinal)
                .Select(p =>
                {
                    var due = ReportSchedule.Shift(calendar, p.WithHandlerSince, answerWorkingDays);
                    return new PendingProblem(p, due, asOf > due.DueOn);
                }),
        ];
    }

    /// <summary>How many problems stand where: 待答复, 已答复, 已办结.</summary>
    public static (int Open, int Answered, int Closed) Count(IEnumerable<ProblemRecord> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        int open = 0, answered = 0, closed = 0;
        foreach (var problem in problems)
        {
            switch (problem.State.Status)
            {
                case ProblemStatus.Open: open++; break;
                case ProblemStatus.Answered: answered++; break;
                case ProblemStatus.Closed: closed++; break;
                default: break;
            }
        }

        return (open, answered, closed);
    }
}
