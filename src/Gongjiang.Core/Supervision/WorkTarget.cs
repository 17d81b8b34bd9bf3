using Gongjiang.Core.Common;
using static Gongjiang.Core.Supervision.SupervisionText;

namespace Gongjiang.Core.Supervision;

/// <summary>
/// A work target (工作目标) a region sets itself for a measure, with the day it is due. Notice 二: “细化《意见》任务分工和
/// 工作目标，加强工作指导和推动”.
/// </summary>
/// <remarks>
/// Invariant (checked by <see cref="WorkTargets.Validate"/>): a known measure, a region that takes part, a description of
/// 2–500 characters. A target is met when the region reports the measure 已完成; it is overdue (逾期) from the day after
/// <see cref="DueOn"/> while it is not (<see cref="WorkTargets.IsOverdue"/>).
/// </remarks>
/// <param name="MeasureCode">The measure, “3.1” … “6.5”.</param>
/// <param name="RegionCode">The region whose target it is.</param>
/// <param name="Description">What is to be done, in Chinese.</param>
/// <param name="DueOn">The last day for it (inclusive).</param>
public sealed record WorkTarget(string MeasureCode, string RegionCode, string Description, DateOnly DueOn);

/// <summary>Rules on <see cref="WorkTarget"/>s.</summary>
public static class WorkTargets
{
    /// <summary>Longest description accepted.</summary>
    public const int MaximumDescriptionLength = 500;

    /// <summary>
    /// Checks a target as entered: a known measure (written “3.1” or “三（一）”), a region that takes part, a description
    /// of 2–<see cref="MaximumDescriptionLength"/> characters. Returns it normalised (code “3.1”, description trimmed).
    /// </summary>
    public static Result<WorkTarget> Validate(WorkTarget target, MeasureCatalog catalog, ReportingHierarchy hierarchy)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(hierarchy);
        var errors = new List<string>();
        var measure = catalog.Parse(target.MeasureCode);
        if (!measure.IsValid)
        {
            errors.AddRange(measure.Reasons);
        }

        if (!hierarchy.TakesPart(target.RegionCode))
        {
            errors.Add(Invariant($"行政区划“{target.RegionCode}”不存在或不在报送范围内"));
        }

        var description = target.Description?.Trim() ?? "";
        if (Length(description) < 2)
        {
            errors.Add("工作目标内容不能为空");
        }
        else if (Length(description) > MaximumDescriptionLength)
        {
            errors.Add(Invariant($"工作目标内容不能超过{MaximumDescriptionLength}个字"));
        }

        return errors.Count > 0
            ? Result<WorkTarget>.Fail(errors)
            : Result<WorkTarget>.Ok(target with { MeasureCode = measure.Value!.Code, Description = description });
    }

    /// <summary>
    /// Whether the target is overdue on <paramref name="asOf"/>: its due day has passed (<c>DueOn &lt; asOf</c>) and the
    /// region's status for the measure (from its latest accepted report; null when it has none) is not 已完成.
    /// </summary>
    public static bool IsOverdue(WorkTarget target, MeasureStatus? status, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.DueOn < asOf && status != MeasureStatus.Completed;
    }
}
