using Gongjiang.Core.Supervision;

namespace Gongjiang.Core.Tests.Supervision;

/// <summary>
/// A report's way up: 草稿 → 已提交 → 已接收 / 退回修改 → resubmitted. Notice 二 “请于今年年底前报我部” (each level to the one
/// above); policy 七 “加强督查检查”. An accepted report is final.
/// </summary>
public sealed class ProgressReportWorkflowTests
{
    private static readonly ReportingHierarchy Hierarchy = ReportingHierarchy.Default;

    /// <summary>南山区 (440305) reports to 深圳市 (440300).</summary>
    private static ReportContext As(string actor, IReadOnlyList<string>? problems = null, string? reason = null) =>
        new("440305", actor, Hierarchy, problems ?? [], reason);

    [Theory]
    // The county itself creates, revises and submits its report.
    [InlineData(null, ReportAction.Create, "440305", ReportStatus.Draft)]
    [InlineData(ReportStatus.Draft, ReportAction.Revise, "440305", ReportStatus.Draft)]
    [InlineData(ReportStatus.Draft, ReportAction.Submit, "440305", ReportStatus.Submitted)]
    // The level above (深圳市) accepts.
    [InlineData(ReportStatus.Submitted, ReportAction.Accept, "440300", ReportStatus.Accepted)]
    // The level above returns it with a reason; the county revises and resubmits.
    [InlineData(ReportStatus.Submitted, ReportAction.Return, "440300", ReportStatus.Returned)]
    [InlineData(ReportStatus.Returned, ReportAction.Revise, "440305", ReportStatus.Returned)]
    [InlineData(ReportStatus.Returned, ReportAction.Submit, "440305", ReportStatus.Submitted)]
    public void A_report_goes_up_and_may_come_back_for_revision(ReportStatus? from, ReportAction action, string actor, ReportStatus to)
    {
        var result = ProgressReportWorkflow.Transition(from, action, As(actor, reason: "第三项措施的说明不完整"));

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(to, result.Value);
    }

    [Theory]
    // “an accepted report cannot be changed”.
    [InlineData(ReportStatus.Accepted, ReportAction.Revise, "440305", "该报告已被上级接收，不能再修改")]
    [InlineData(ReportStatus.Accepted, ReportAction.Submit, "440305", "该报告已被上级接收，不能再修改")]
    [InlineData(ReportStatus.Accepted, ReportAction.Return, "440300", "该报告已被上级接收，不能退回")]
    // A submitted report waits for the level above.
    [InlineData(ReportStatus.Submitted, ReportAction.Revise, "440305", "该报告已提交，正等待上级接收，不能修改；如需修改，请上级退回")]
    // Only the level above accepts — not the province two levels up, not another city.
    [InlineData(ReportStatus.Submitted, ReportAction.Accept, "440000", "广东省深圳市南山区的进展报告只能由上一级（广东省深圳市）接收或退回")]
    [InlineData(ReportStatus.Submitted, ReportAction.Accept, "440100", "广东省深圳市南山区的进展报告只能由上一级（广东省深圳市）接收或退回")]
    // Only the county itself fills in its report.
    [InlineData(ReportStatus.Draft, ReportAction.Submit, "440300", "只有广东省深圳市南山区本级可以填报和提交本地区的进展报告")]
    [InlineData(ReportStatus.Draft, ReportAction.Accept, "440300", "当前状态为“草稿”，不能执行“接收”")]
    [InlineData(ReportStatus.Draft, ReportAction.Create, "440305", "该地区本期的进展报告已存在，不能重复新建")]
    [InlineData(null, ReportAction.Submit, "440305", "该地区本期尚未填报进展报告")]
    public void Steps_out_of_turn_are_refused_in_Chinese(ReportStatus? from, ReportAction action, string actor, string message)
    {
        var result = ProgressReportWorkflow.Transition(from, action, As(actor, reason: "第三项措施的说明不完整"));

        Assert.Equal(message, result.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("补充")] // four characters
    [InlineData("   ")]
    public void Returning_needs_a_reason_of_at_least_five_characters(string? reason)
    {
        var result = ProgressReportWorkflow.Transition(ReportStatus.Submitted, ReportAction.Return, As("440300", reason: reason));

        Assert.Equal("退回修改须填写理由（不少于5个字）", result.Error);
    }

    [Fact]
    public void Submitting_passes_on_every_content_problem_and_refuses_unchecked_content()
    {
        var problems = new[] { "以下政策措施尚未填报进展状态：六（五）", "三（一）：须填写进展说明（不少于10个字）" };

        Assert.Equal(problems, ProgressReportWorkflow.Transition(ReportStatus.Draft, ReportAction.Submit, As("440305", problems)).Reasons);
        Assert.Equal("提交前须先检查报告内容", ProgressReportWorkflow.Transition(ReportStatus.Draft, ReportAction.Submit, new ReportContext("440305", "440305", Hierarchy)).Error);
    }

    [Theory]
    // 直辖市: a Beijing district's report is accepted by 北京市 itself.
    [InlineData("110101", "110000")]
    // 省直辖县级: 仙桃市's report is accepted by 湖北省.
    [InlineData("429004", "420000")]
    // A province's report is accepted by the ministry (notice 二 “报我部”).
    [InlineData("440000", "000000")]
    public void The_level_above_is_found_through_the_hierarchy(string region, string above)
    {
        var context = new ReportContext(region, above, Hierarchy, [], null);

        Assert.Equal(ReportStatus.Accepted, ProgressReportWorkflow.Transition(ReportStatus.Submitted, ReportAction.Accept, context).Value);
    }

    [Fact]
    public void The_ministry_files_no_report_of_its_own()
    {
        var result = ProgressReportWorkflow.Transition(null, ReportAction.Create, new ReportContext("000000", "000000", Hierarchy));

        Assert.Equal("该行政区划不能填报进展报告：全国（人力资源社会保障部）为最高一级，没有上一级", result.Error);
    }

    [Fact]
    public void Buttons_come_from_the_transition_function()
    {
        Assert.Equal([ReportAction.Accept, ReportAction.Return], ProgressReportWorkflow.AllowedActions(ReportStatus.Submitted, As("440300", reason: "请补充配套文件情况")));
        Assert.Empty(ProgressReportWorkflow.AllowedActions(ReportStatus.Submitted, As("440305")));
        Assert.Equal([ReportAction.Revise, ReportAction.Submit], ProgressReportWorkflow.AllowedActions(ReportStatus.Returned, As("440305")));
        Assert.Empty(ProgressReportWorkflow.AllowedActions(ReportStatus.Accepted, As("440300", reason: "请补充配套文件情况")));
    }
}
