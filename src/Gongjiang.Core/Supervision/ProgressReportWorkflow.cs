using Gongjiang.Core.Common;
using static Gongjiang.Core.Supervision.SupervisionText;

namespace Gongjiang.Core.Supervision;

/// <summary>Where a progress report stands. The int values are stored; never renumber them.</summary>
public enum ReportStatus
{
    /// <summary>草稿: being written by the region; may be saved incomplete.</summary>
    Draft = 1,
    /// <summary>已提交: waiting for the level above; cannot be changed.</summary>
    Submitted = 2,
    /// <summary>已接收: accepted by the level above; final — it can no longer be changed or returned.</summary>
    Accepted = 3,
    /// <summary>退回修改: returned by the level above with a reason; the region revises and submits again.</summary>
    Returned = 4,
}

/// <summary>What is done to a progress report; <see cref="ProgressReportWorkflow.Transition"/> says when and by whom.</summary>
public enum ReportAction
{
    /// <summary>新建: start the region's report for a period (a draft).</summary>
    Create = 1,
    /// <summary>修改: save changes to the content (the state stays).</summary>
    Revise = 2,
    /// <summary>提交: send to the level above.</summary>
    Submit = 3,
    /// <summary>接收: the level above accepts it.</summary>
    Accept = 4,
    /// <summary>退回修改: the level above returns it with a reason.</summary>
    Return = 5,
}

/// <summary>What <see cref="ProgressReportWorkflow.Transition"/> needs besides the state.</summary>
/// <param name="ReportRegionCode">The region whose report it is.</param>
/// <param name="ActorRegionCode">The region of the office taking the step (its account's jurisdiction).</param>
/// <param name="Hierarchy">Who reports to whom, to find the level above.</param>
/// <param name="ContentProblems">For <see cref="ReportAction.Submit"/>: the reasons of <see cref="ProgressReportRules.CheckForSubmission"/>;
/// empty when the content may be submitted; null (not checked) refuses the submission.</param>
/// <param name="Reason">For <see cref="ReportAction.Return"/>: why (at least 5 characters).</param>
public sealed record ReportContext(
    string ReportRegionCode,
    string ActorRegionCode,
    ReportingHierarchy Hierarchy,
    IReadOnlyList<string>? ContentProblems = null,
    string? Reason = null);

/// <summary>
/// The way of a progress report up the hierarchy: 草稿 → 已提交 → 已接收 (by the level above) or 退回修改 (with a reason)
/// → revised and resubmitted → … Policy 七 “加强督查检查”; notice 二 “各地制定出台的政策措施情况请于今年年底前报我部”.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>(none) + 新建</term><description>草稿, by the region itself, which must have a level above (not the ministry)</description></item>
/// <item><term>草稿 / 退回修改 + 修改</term><description>unchanged, by the region itself</description></item>
/// <item><term>草稿 / 退回修改 + 提交</term><description>已提交, by the region itself, when the content has no problems</description></item>
/// <item><term>已提交 + 接收</term><description>已接收, by the level above (<see cref="ReportingHierarchy.Above"/>)</description></item>
/// <item><term>已提交 + 退回修改</term><description>退回修改, by the level above, with a reason of at least 5 characters</description></item>
/// </list>
/// <para>Everything else is refused with a Chinese reason; in particular an accepted report can be neither changed nor
/// returned, and a submitted one is not changed until the level above returns it.</para>
/// </remarks>
public sealed class ProgressReportWorkflow : IWorkflow<ReportStatus?, ReportAction, ReportContext>
{
    private ProgressReportWorkflow()
    {
    }

    /// <summary>The state after <paramref name="action"/>, or every reason it is refused.</summary>
    public static Result<ReportStatus?> Transition(ReportStatus? state, ReportAction action, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<string>();
        ReportStatus? next = (state, action) switch
        {
            (null, ReportAction.Create) => ByRegion(context, errors, creating: true) ? ReportStatus.Draft : null,
            (ReportStatus.Draft or ReportStatus.Returned, ReportAction.Revise) => ByRegion(context, errors) ? state : null,
            (ReportStatus.Draft or ReportStatus.Returned, ReportAction.Submit) => ByRegion(context, errors) && Complete(context, errors) ? ReportStatus.Submitted : null,
            (ReportStatus.Submitted, ReportAction.Accept) => ByLevelAbove(context, errors) ? ReportStatus.Accepted : null,
            (ReportStatus.Submitted, ReportAction.Return) => ByLevelAbove(context, errors) && WithReason(context, errors) ? ReportStatus.Returned : null,
            _ => Refuse(state, action, errors),
        };
        return errors.Count > 0 ? Result<ReportStatus?>.Fail(errors) : Result<ReportStatus?>.Ok(next);
    }

    /// <summary>The actions accepted in <paramref name="state"/> with <paramref name="context"/> (for buttons).</summary>
    public static IReadOnlyList<ReportAction> AllowedActions(ReportStatus? state, ReportContext context) =>
        Workflow.AllowedActions<ProgressReportWorkflow, ReportStatus?, ReportAction, ReportContext>(state, context);

    public static string ChineseName(ReportStatus? status) => status switch
    {
        null => "未填报",
        ReportStatus.Draft => "草稿",
        ReportStatus.Submitted => "已提交",
        ReportStatus.Accepted => "已接收",
        ReportStatus.Returned => "退回修改",
        _ => "未知状态",
    };

    public static string ChineseName(ReportAction action) => action switch
    {
        ReportAction.Create => "新建",
        ReportAction.Revise => "修改",
        ReportAction.Submit => "提交",
        ReportAction.Accept => "接收",
        ReportAction.Return => "退回修改",
        _ => "未知操作",
    };

    private static ReportStatus? Refuse(ReportStatus? state, ReportAction action, List<string> errors)
    {
        errors.Add((state, action) switch
        {
            (ReportStatus.Accepted, ReportAction.Revise or ReportAction.Submit) => "该报告已被上级接收，不能再修改",
            (ReportStatus.Accepted, ReportAction.Return) => "该报告已被上级接收，不能退回",
            (ReportStatus.Accepted, ReportAction.Accept) => "该报告已被接收",
            (ReportStatus.Submitted, ReportAction.Revise) => "该报告已提交，正等待上级接收，不能修改；如需修改，请上级退回",
            (ReportStatus.Submitted, ReportAction.Submit) => "该报告已提交，不能重复提交",
            (not null, ReportAction.Create) => "该地区本期的进展报告已存在，不能重复新建",
            (null, _) => "该地区本期尚未填报进展报告",
            _ => Invariant($"当前状态为“{ChineseName(state)}”，不能执行“{ChineseName(action)}”"),
        });
        return null;
    }

    private static bool ByRegion(ReportContext context, List<string> errors, bool creating = false)
    {
        if (!string.Equals(context.ActorRegionCode, context.ReportRegionCode, StringComparison.Ordinal))
        {
            errors.Add(Invariant($"只有{context.Hierarchy.Regions.FullName(context.ReportRegionCode)}本级可以填报和提交本地区的进展报告"));
            return false;
        }

        if (creating && context.Hierarchy.Above(context.ReportRegionCode) is { IsValid: false } above)
        {
            errors.Add("该行政区划不能填报进展报告：" + above.Reasons[0]);
            return false;
        }

        return true;
    }

    private static bool ByLevelAbove(ReportContext context, List<string> errors)
    {
        var above = context.Hierarchy.Above(context.ReportRegionCode);
        if (!above.IsValid)
        {
            errors.Add(above.Reasons[0]);
            return false;
        }

        if (!string.Equals(above.Value!.Code, context.ActorRegionCode, StringComparison.Ordinal))
        {
            errors.Add(Invariant($"{context.Hierarchy.Regions.FullName(context.ReportRegionCode)}的进展报告只能由上一级（{context.Hierarchy.Regions.FullName(above.Value.Code)}）接收或退回"));
            return false;
        }

        return true;
    }

    private static bool Complete(ReportContext context, List<string> errors)
    {
        if (context.ContentProblems is null)
        {
            errors.Add("提交前须先检查报告内容");
            return false;
        }

        if (context.ContentProblems.Count > 0)
        {
            errors.AddRange(context.ContentProblems);
            return false;
        }

        return true;
    }

    private static bool WithReason(ReportContext context, List<string> errors)
    {
        if (Length(context.Reason) < MinimumReasonLength)
        {
            errors.Add(Invariant($"退回修改须填写理由（不少于{MinimumReasonLength}个字）"));
            return false;
        }

        return true;
    }
}
