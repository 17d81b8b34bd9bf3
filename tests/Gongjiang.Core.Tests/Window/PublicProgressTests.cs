using Gongjiang.Core.Window;

namespace Gongjiang.Core.Tests.Window;

/// <summary>The public progress query (办件进度查询): stage names and dates, nothing personal.</summary>
public sealed class PublicProgressTests
{
    [Fact]
    public void Stages_follow_the_history_with_public_names_and_dates_only()
    {
        RequestEvent[] history =
        [
            new(new DateOnly(2025, 9, 22), ServiceRequestAction.Submit),
            new(new DateOnly(2025, 9, 24), ServiceRequestAction.Accept),
            new(new DateOnly(2025, 9, 24), ServiceRequestAction.Route), // same day: kept in the order recorded
            new(new DateOnly(2025, 9, 30), ServiceRequestAction.RequestSupplement),
            new(new DateOnly(2025, 10, 10), ServiceRequestAction.ReceiveSupplement),
            new(new DateOnly(2025, 10, 15), ServiceRequestAction.Close, ServiceOutcome.PartlyGranted),
            new(new DateOnly(2025, 10, 16), ServiceRequestAction.Rate),
        ];

        var stages = PublicProgress.Stages(history);

        Assert.Equal(
            [
                new PublicStage("已提交", new DateOnly(2025, 9, 22)),
                new PublicStage("已受理", new DateOnly(2025, 9, 24)),
                new PublicStage("办理中（已分送相关部门）", new DateOnly(2025, 9, 24)),
                new PublicStage("待补正材料（暂停计时）", new DateOnly(2025, 9, 30)),
                new PublicStage("补正材料已收到（恢复计时）", new DateOnly(2025, 10, 10)),
                new PublicStage("办结（部分准予）", new DateOnly(2025, 10, 15)),
                new PublicStage("已评价", new DateOnly(2025, 10, 16)),
            ],
            stages);
    }

    [Fact]
    public void Stages_recorded_out_of_order_are_sorted_by_date()
    {
        RequestEvent[] history =
        [
            new(new DateOnly(2025, 3, 5), ServiceRequestAction.RefuseAcceptance),
            new(new DateOnly(2025, 3, 3), ServiceRequestAction.Submit),
            new(new DateOnly(2025, 4, 1), ServiceRequestAction.Reopen),
            new(new DateOnly(2025, 4, 2), ServiceRequestAction.Withdraw),
        ];

        Assert.Equal(["已提交", "不予受理", "重新办理", "已撤回"], PublicProgress.Stages(history).Select(s => s.Stage));
    }

    [Theory]
    [InlineData(ServiceRequestStatus.InProgress, null, "办理中")]
    [InlineData(ServiceRequestStatus.Supplement, null, "补正中")]
    [InlineData(ServiceRequestStatus.Closed, ServiceOutcome.Granted, "办结（准予）")]
    [InlineData(ServiceRequestStatus.Rated, ServiceOutcome.Refused, "已评价（不予）")]
    [InlineData(ServiceRequestStatus.Closed, null, "办结")]
    [InlineData(ServiceRequestStatus.Withdrawn, ServiceOutcome.Granted, "已撤回")] // an outcome only shows once closed
    public void The_public_status_shows_the_outcome_once_closed(ServiceRequestStatus status, ServiceOutcome? outcome, string expected)
    {
        Assert.Equal(expected, PublicProgress.Status(status, outcome));
    }

    [Theory]
    [InlineData("李建华", "李建华", true)]
    [InlineData("李建华", " 李 建华 ", true)] // spaces typed by mistake
    [InlineData("阿卜杜拉·买买提", "阿卜杜拉买买提", true)] // the middle dot of transliterated names
    [InlineData("阿卜杜拉·买买提", "阿卜杜拉•买买提", true)]
    [InlineData("Zhang San", "ＺＨＡＮＧ san", true)] // full-width and case
    [InlineData("李建华", "李建", false)]
    [InlineData("李建华", "李建国", false)]
    [InlineData("李建华", "", false)]
    [InlineData("", "", false)] // an empty name never matches
    [InlineData("李建华", null, false)]
    public void The_applicant_name_is_matched_leniently_but_exactly(string? stored, string? typed, bool matches)
    {
        Assert.Equal(matches, PublicProgress.ApplicantNameMatches(stored, typed));
    }
}
