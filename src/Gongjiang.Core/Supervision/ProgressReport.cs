using Gongjiang.Core.Common;
using static Gongjiang.Core.Supervision.SupervisionText;

namespace Gongjiang.Core.Supervision;

/// <summary>How far a region has carried out a measure. The int values are stored; never renumber them.</summary>
public enum MeasureStatus
{
    /// <summary>未启动.</summary>
    NotStarted = 1,
    /// <summary>推进中.</summary>
    InProgress = 2,
    /// <summary>已完成.</summary>
    Completed = 3,
}

/// <summary>Chinese names of <see cref="MeasureStatus"/>.</summary>
public static class MeasureStatuses
{
    public static string ChineseName(MeasureStatus status) => status switch
    {
        MeasureStatus.NotStarted => "未启动",
        MeasureStatus.InProgress => "推进中",
        MeasureStatus.Completed => "已完成",
    };
}

/// <summary>One measure's line in a progress report: its status and the narrative (进展说明).</summary>
public sealed record MeasureProgress(string MeasureCode, MeasureStatus Status, string? Narrative = null);

/// <summary>
/// What a progress report (进展报告) says: a region's status and narrative per measure for a period, and indicator values.
/// Indicator values are for the region's whole jurisdiction (全辖, the region and everything below it), as the modules
/// compute them for a region code; consolidation therefore adds up the level below and never the level's own figures on
/// top (see <see cref="Consolidation"/>).
/// </summary>
/// <param name="RegionCode">The reporting region.</param>
/// <param name="Period">The period covered.</param>
/// <param name="Measures">One line per measure (all 16 before it may be submitted).</param>
/// <param name="Indicators">Indicator values supplied by the modules.</param>
/// <param name="Summary">An overall narrative (optional).</param>
public sealed record ProgressReportContent(
    string RegionCode,
    ReportPeriod Period,
    IReadOnlyList<MeasureProgress> Measures,
    IReadOnlyList<IndicatorValue> Indicators,
    string? Summary = null);

/// <summary>
/// The rules on a progress report's content. Policy 七: “密切跟踪技术工人待遇政策落实情况，加强督查检查”; notice 二:
/// “细化《意见》任务分工和工作目标，加强工作指导和推动…密切跟踪政策落实情况，加强督查检查”.
/// </summary>
/// <remarks>
/// <para>A draft may be saved incomplete (<see cref="CheckDraft"/>: only what is there must be right, so nothing typed is
/// lost). Before it is submitted (<see cref="CheckForSubmission"/>) it must state all 16 measures, and a measure needs a
/// narrative of at least <see cref="MinimumNarrativeLength"/> characters when (<see cref="NarrativeRequired"/>):</para>
/// <list type="number">
/// <item><c>supervision-narrative-status-change</c>: its status differs from the region's previous accepted report (before
/// the first one, from 未启动) — tracking the 落实情况 means saying what moved;</item>
/// <item><c>supervision-narrative-target-not-started</c>: it is still 未启动 although one of the region's work targets for
/// it was due on or before the period's last day — a late target is explained.</item>
/// </list>
/// <para>Both are this platform's rules implementing the sentences cited, not wording of the notice.</para>
/// </remarks>
public static class ProgressReportRules
{
    /// <summary>Shortest narrative accepted where one is required (a local choice).</summary>
    public const int MinimumNarrativeLength = 10;

    /// <summary>Longest narrative or summary accepted.</summary>
    public const int MaximumNarrativeLength = 2000;

    internal const string StatusChangeRule = "supervision-narrative-status-change";
    internal const string TargetNotStartedRule = "supervision-narrative-target-not-started";
    internal const string PolicySevenCitation = "《关于提高技术工人待遇的意见》七：密切跟踪技术工人待遇政策落实情况，加强督查检查";
    internal const string NoticeTwoTargetsCitation = "人社部发〔2018〕24号 二：细化《意见》任务分工和工作目标，加强工作指导和推动";

    /// <summary>
    /// Checks what a draft holds: a region that reports upward (not the ministry), measures that exist (written “3.1” or
    /// “三（一）”) and are listed once with a defined status, narratives and summary of at most
    /// <see cref="MaximumNarrativeLength"/> characters, indicator values as <see cref="IndicatorRegistry.Check"/> wants them.
    /// Returns the content normalised: codes “3.1”, measures in policy order, narratives trimmed (blank → null).
    /// </summary>
    public static Result<ProgressReportContent> CheckDraft(ProgressReportContent content, MeasureCatalog catalog, IndicatorRegistry indicators, ReportingHierarchy hierarchy)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(hierarchy);
        var errors = new List<string>();
        var above = hierarchy.Above(content.RegionCode);
        if (!above.IsValid)
        {
            errors.Add("该行政区划不能填报进展报告：" + above.Reasons[0]);
        }

        var lines = new Dictionary<string, MeasureProgress>(StringComparer.Ordinal);
        foreach (var line in content.Measures ?? [])
        {
            if (catalog.Find(line.MeasureCode) is not { } measure)
            {
                errors.Add(catalog.Parse(line.MeasureCode).Reasons[0]);
                continue;
            }

            if (!Enum.IsDefined(line.Status))
            {
                errors.Add(Invariant($"{measure.DisplayCode}：请选择进展状态（未启动、推进中或已完成）"));
                continue;
            }

            if (Length(line.Narrative) > MaximumNarrativeLength)
            {
                errors.Add(Invariant($"{measure.DisplayCode}：进展说明不能超过{MaximumNarrativeLength}个字"));
            }

            if (!lines.TryAdd(measure.Code, line with { MeasureCode = measure.Code, Narrative = Clean(line.Narrative) }))
            {
                errors.Add(Invariant($"{measure.DisplayCode}重复填报"));
            }
        }

        if (Length(content.Summary) > MaximumNarrativeLength)
        {
            errors.Add(Invariant($"总体情况不能超过{MaximumNarrativeLength}个字"));
        }

        errors.AddRange(indicators.Check(content.Indicators ?? []));
        if (errors.Count > 0)
        {
            return Result<ProgressReportContent>.Fail(errors);
        }

        var ordered = catalog.All.Where(m => lines.ContainsKey(m.Code)).Select(m => lines[m.Code]).ToArray();
        return Result<ProgressReportContent>.Ok(content with { Measures = ordered, Indicators = content.Indicators ?? [], Summary = Clean(content.Summary) });
    }

    /// <summary>
    /// Whether <paramref name="line"/> needs a narrative (rules 1 and 2 of the remarks), with both rules' verdicts: a rule
    /// that holds is a reason the narrative is required. <paramref name="previous"/> is the measure's status in the
    /// region's previous accepted report (null before the first); <paramref name="targets"/> the region's work targets
    /// (others are ignored).
    /// </summary>
    public static Decision<bool> NarrativeRequired(string regionCode, ReportPeriod period, MeasureProgress line, MeasureStatus? previous, IEnumerable<WorkTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(targets);
        var from = previous ?? MeasureStatus.NotStarted;
        var changed = line.Status != from;
        var changeReason = changed
            ? Invariant($"进展状态由“{MeasureStatuses.ChineseName(from)}”变为“{MeasureStatuses.ChineseName(line.Status)}”")
            : Invariant($"进展状态仍为“{MeasureStatuses.ChineseName(line.Status)}”");
        var late = line.Status == MeasureStatus.NotStarted
            ? targets.Where(t => string.Equals(t.RegionCode, regionCode, StringComparison.Ordinal)
                                 && string.Equals(t.MeasureCode, line.MeasureCode, StringComparison.Ordinal)
                                 && t.DueOn <= period.End)
                     .OrderBy(t => t.DueOn)
                     .FirstOrDefault()
            : null;
        var lateReason = late is not null
            ? Invariant($"工作目标“{late.Description}”已于{Date(late.DueOn)}到期，仍为“未启动”")
            : "没有到期而未启动的工作目标";
        RuleOutcome[] rules =
        [
            new(StatusChangeRule, changed, changeReason, PolicySevenCitation),
            new(TargetNotStartedRule, late is not null, lateReason, NoticeTwoTargetsCitation),
        ];
        return new Decision<bool>(changed || late is not null, period.End, rules);
    }

    /// <summary>
    /// Checks a report before it is submitted: <see cref="CheckDraft"/>, every measure of the catalogue stated, and every
    /// narrative <see cref="NarrativeRequired"/> asks for present (at least <see cref="MinimumNarrativeLength"/>
    /// characters). <paramref name="previousStatuses"/> maps measure codes to their status in the region's previous accepted
    /// report (empty before the first). Every reason names the measure.
    /// </summary>
    public static Result<ProgressReportContent> CheckForSubmission(
        ProgressReportContent content,
        IReadOnlyDictionary<string, MeasureStatus> previousStatuses,
        IEnumerable<WorkTarget> targets,
        MeasureCatalog catalog,
        IndicatorRegistry indicators,
        ReportingHierarchy hierarchy)
    {
        ArgumentNullException.ThrowIfNull(previousStatuses);
        ArgumentNullException.ThrowIfNull(targets);
        var draft = CheckDraft(content, catalog, indicators, hierarchy);
        if (!draft.IsValid)
        {
            return draft;
        }

        var normalized = draft.Value!;
        var errors = new List<string>();
        var missing = catalog.All.Where(m => normalized.Measures.All(l => l.MeasureCode != m.Code)).Select(m => m.DisplayCode).ToList();
        if (missing.Count > 0)
        {
            errors.Add(Invariant($"以下政策措施尚未填报进展状态：{string.Join("、", missing)}"));
        }

        var targetList = targets as IReadOnlyCollection<WorkTarget> ?? [.. targets];
        foreach (var line in normalized.Measures)
        {
            var decision = NarrativeRequired(normalized.RegionCode, normalized.Period, line, previousStatuses.TryGetValue(line.MeasureCode, out var p) ? p : null, targetList);
            if (decision.Outcome && Length(line.Narrative) < MinimumNarrativeLength)
            {
                var why = string.Join("，", decision.Held.Select(r => r.Reason));
                errors.Add(Invariant($"{catalog.Find(line.MeasureCode)!.DisplayCode}：{why}，须填写进展说明（不少于{MinimumNarrativeLength}个字）"));
            }
        }

        return errors.Count > 0 ? Result<ProgressReportContent>.Fail(errors) : Result<ProgressReportContent>.Ok(normalized);
    }
}
