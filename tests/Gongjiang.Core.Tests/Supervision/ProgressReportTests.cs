using Gongjiang.Core.Supervision;

namespace Gongjiang.Core.Tests.Supervision;

/// <summary>
/// Progress reports (进展报告): a status and narrative per measure and indicator values. Policy 七 “密切跟踪技术工人待遇政策
/// 落实情况，加强督查检查”; notice 二 “细化《意见》任务分工和工作目标，加强工作指导和推动”.
/// </summary>
public sealed class ProgressReportTests
{
    private static readonly MeasureCatalog Catalog = MeasureCatalog.Default;
    private static readonly IndicatorRegistry Indicators = IndicatorRegistry.Foundation;
    private static readonly ReportingHierarchy Hierarchy = ReportingHierarchy.Default;
    private static readonly ReportPeriod Q2 = new(2026, ReportKind.Quarterly, 2);

    private const string Narrative = "已印发实施方案并召开部署会议";

    /// <summary>A complete report of 深圳市: every measure 未启动 except those given.</summary>
    private static ProgressReportContent Report(params MeasureProgress[] lines) =>
        new("440300", Q2, [.. Catalog.All.Select(m => lines.FirstOrDefault(l => l.MeasureCode == m.Code) ?? new MeasureProgress(m.Code, MeasureStatus.NotStarted))], []);

    private static Dictionary<string, MeasureStatus> Previous(params (string Code, MeasureStatus Status)[] lines) =>
        lines.ToDictionary(l => l.Code, l => l.Status);

    private static Gongjiang.Core.Common.Result<ProgressReportContent> Submit(ProgressReportContent report, Dictionary<string, MeasureStatus>? previous = null, params WorkTarget[] targets) =>
        ProgressReportRules.CheckForSubmission(report, previous ?? [], targets, Catalog, Indicators, Hierarchy);

    [Fact]
    public void A_complete_report_with_nothing_changed_may_be_submitted()
    {
        Assert.True(Submit(Report()).IsValid);
    }

    [Theory]
    // Rule 1 (policy 七 “密切跟踪…落实情况”): a change of status is explained — 未启动 → 推进中.
    [InlineData(MeasureStatus.NotStarted, MeasureStatus.InProgress, true)]
    // Rule 1: 推进中 → 已完成.
    [InlineData(MeasureStatus.InProgress, MeasureStatus.Completed, true)]
    // Rule 1: going back (已完成 → 推进中) is a change too.
    [InlineData(MeasureStatus.Completed, MeasureStatus.InProgress, true)]
    // Rule 1: before the first accepted report the measure counts as 未启动, so a first 推进中 is explained.
    [InlineData(null, MeasureStatus.InProgress, true)]
    // No change: no narrative required.
    [InlineData(MeasureStatus.InProgress, MeasureStatus.InProgress, false)]
    [InlineData(null, MeasureStatus.NotStarted, false)]
    public void A_status_change_needs_a_narrative(MeasureStatus? previous, MeasureStatus now, bool required)
    {
        var previousStatuses = previous is { } p ? Previous(("3.3", p)) : [];

        var withoutNarrative = Submit(Report(new MeasureProgress("3.3", now)), previousStatuses);
        var withNarrative = Submit(Report(new MeasureProgress("3.3", now, Narrative)), previousStatuses);

        Assert.Equal(!required, withoutNarrative.IsValid);
        Assert.True(withNarrative.IsValid);
        if (required)
        {
            Assert.StartsWith("三（三）：进展状态由", withoutNarrative.Error, StringComparison.Ordinal);
            Assert.EndsWith("须填写进展说明（不少于10个字）", withoutNarrative.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    // Rule 2 (notice 二 “工作目标”): a target due before the period's end while still 未启动 is explained.
    [InlineData("2026-05-31", MeasureStatus.NotStarted, true)]
    // Rule 2: due on the period's last day counts.
    [InlineData("2026-06-30", MeasureStatus.NotStarted, true)]
    // Rule 2: a target due after the period is not late yet.
    [InlineData("2026-07-01", MeasureStatus.NotStarted, false)]
    // Rule 2 applies only to 未启动; 推进中 unchanged needs no narrative.
    [InlineData("2026-05-31", MeasureStatus.InProgress, false)]
    public void Not_started_past_a_targets_due_date_needs_a_narrative(string dueOn, MeasureStatus status, bool required)
    {
        var target = new WorkTarget("5.2", "440300", "建成市级技能大师工作室10个", DateOnly.Parse(dueOn, System.Globalization.CultureInfo.InvariantCulture));
        var previous = Previous(("5.2", status));

        var result = Submit(Report(new MeasureProgress("5.2", status)), previous, target);

        Assert.Equal(!required, result.IsValid);
        if (required)
        {
            Assert.Contains("工作目标“建成市级技能大师工作室10个”已于", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Another_regions_target_does_not_require_a_narrative()
    {
        var target = new WorkTarget("5.2", "440100", "广州市的目标", new DateOnly(2026, 1, 31));

        Assert.True(Submit(Report(), null, target).IsValid);
    }

    [Fact]
    public void The_decision_says_which_rules_held_and_cites_them()
    {
        var target = new WorkTarget("6.4", "440300", "开展休疗养活动", new DateOnly(2026, 4, 30));

        var decision = ProgressReportRules.NarrativeRequired("440300", Q2, new MeasureProgress("6.4", MeasureStatus.NotStarted), MeasureStatus.InProgress, [target]);

        Assert.True(decision.Outcome);
        Assert.Equal(["supervision-narrative-status-change", "supervision-narrative-target-not-started"], decision.Held.Select(r => r.RuleId));
        Assert.Contains("七", decision.Rules[0].Citation, StringComparison.Ordinal);
        Assert.Contains("人社部发〔2018〕24号 二", decision.Rules[1].Citation, StringComparison.Ordinal);
        Assert.Equal(Q2.End, decision.AsOf);
    }

    [Fact]
    public void A_narrative_that_is_too_short_is_not_enough()
    {
        var result = Submit(Report(new MeasureProgress("3.1", MeasureStatus.InProgress, "已开展")));

        Assert.False(result.IsValid);
    }

    [Fact]
    public void A_report_missing_measures_cannot_be_submitted_but_its_draft_is_kept()
    {
        var partial = new ProgressReportContent("440300", Q2, [new MeasureProgress("三（一）", MeasureStatus.InProgress, Narrative)], []);

        var draft = ProgressReportRules.CheckDraft(partial, Catalog, Indicators, Hierarchy);
        var submit = Submit(partial);

        Assert.Equal("3.1", draft.GetValueOrThrow().Measures.Single().MeasureCode); // normalised, nothing lost
        Assert.StartsWith("以下政策措施尚未填报进展状态：三（二）、三（三）", submit.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown-measure", "政策措施“7.1”不存在")]
    [InlineData("twice", "三（一）重复填报")]
    [InlineData("ministry", "该行政区划不能填报进展报告：全国（人力资源社会保障部）为最高一级")]
    [InlineData("unknown-indicator", "指标“wages.unknown”未登记")]
    [InlineData("negative-count", "指标“在库高技能领军人才”的值-1应为不小于0的整数")]
    [InlineData("fractional-count", "指标“服务窗口受理件数”的值2.5应为不小于0的整数")]
    [InlineData("rate-over-100", "指标“按时办结率”的值101应在0至100之间")]
    [InlineData("indicator-twice", "指标“在库高技能领军人才”重复填报")]
    public void A_draft_with_wrong_content_is_refused_naming_the_measure_or_indicator(string problem, string message)
    {
        var line = new MeasureProgress("3.1", MeasureStatus.InProgress, Narrative);
        var report = new ProgressReportContent("440300", Q2, [line], []);
        report = problem switch
        {
            "unknown-measure" => report with { Measures = [line with { MeasureCode = "7.1" }] },
            "twice" => report with { Measures = [line, line with { MeasureCode = "三（一）" }] },
            "ministry" => report with { RegionCode = "000000" },
            "unknown-indicator" => report with { Indicators = [new("wages.unknown", 1)] },
            "negative-count" => report with { Indicators = [new("registry.leading-talents", -1)] },
            "fractional-count" => report with { Indicators = [new("window.requests", 2.5m)] },
            "rate-over-100" => report with { Indicators = [new("window.on-time-rate", 101)] },
            _ => report with { Indicators = [new("registry.leading-talents", 1), new("registry.leading-talents", 2)] },
        };

        var result = ProgressReportRules.CheckDraft(report, Catalog, Indicators, Hierarchy);

        Assert.False(result.IsValid);
        Assert.Contains(result.Reasons, r => r.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Modules_add_their_own_indicators()
    {
        // The wages module (四) adds its figure; a percentage must rest on registered counts.
        var registry = IndicatorRegistry.Foundation
            .Add(new("wages.reports", "工资报送企业数", "家", "Wages", IndicatorKind.Count, ["4.1", "4.2"])).GetValueOrThrow();

        Assert.Equal("Wages", registry.Find("wages.reports")!.Module);
        Assert.Null(IndicatorRegistry.Foundation.Find("wages.reports")); // immutable: the foundation is unchanged

        Assert.Equal("指标代码“wages.reports”已登记", registry.Add(new("wages.reports", "重复", "家", "Wages", IndicatorKind.Count, [])).Error);
        Assert.Equal("指标代码“Wages Reports”格式不正确，应为“模块.名称”，由小写字母、数字和连字符组成",
            registry.Add(new("Wages Reports", "工资", "家", "Wages", IndicatorKind.Count, [])).Error);
        Assert.Equal("百分比指标的分母“wages.none”须为已登记的计数指标",
            registry.Add(new("wages.rate", "达标率", "%", "Wages", IndicatorKind.Percentage, [], "wages.reports", "wages.none")).Error);
    }
}
