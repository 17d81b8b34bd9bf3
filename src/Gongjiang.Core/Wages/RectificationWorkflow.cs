using System.Globalization;
using Gongjiang.Core.Calendar;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Wages;

/// <summary>Where a rectification case (整改) stands. The int values are stored; never renumber them.</summary>
public enum RectificationStatus
{
    /// <summary>已立案: opened on a non-compliant SOE pay check, sent to the enterprise with a deadline.</summary>
    Opened = 1,
    /// <summary>企业已说明: the enterprise explained; the department decides whether the explanation stands.</summary>
    Explained = 2,
    /// <summary>整改中.</summary>
    Rectifying = 3,
    /// <summary>已整改（待核验）: evidence submitted.</summary>
    Rectified = 4,
    /// <summary>已结案 (final).</summary>
    Closed = 5,
}

/// <summary>The steps of a rectification case.</summary>
public enum RectificationAction
{
    /// <summary>立案 (needs a non-compliant check).</summary>
    Open = 1,
    /// <summary>企业说明情况 (text).</summary>
    Explain = 2,
    /// <summary>说明理由成立，结案 (department, reason).</summary>
    AcceptExplanation = 3,
    /// <summary>要求整改 (department, reason).</summary>
    RequireRectification = 4,
    /// <summary>企业开始整改 (without explaining first).</summary>
    StartRectification = 5,
    /// <summary>提交整改证据 (text and at least one document).</summary>
    SubmitEvidence = 6,
    /// <summary>证据不足，退回整改 (department, reason).</summary>
    ReturnEvidence = 7,
    /// <summary>核验通过，结案 (department, reason).</summary>
    Close = 8,
}

/// <summary>What <see cref="RectificationWorkflow.Transition"/> needs besides the state.</summary>
/// <param name="Today">China Standard Time date of the step.</param>
/// <param name="Actor">The user taking the step.</param>
/// <param name="Text">The explanation, evidence description or reason.</param>
/// <param name="EvidenceCount">Documents attached (for evidence).</param>
/// <param name="Finding">The SOE pay check the case is opened on (to open).</param>
public sealed record RectificationContext(DateOnly Today, string Actor, string? Text = null, int EvidenceCount = 0, Decision<SoeComplianceResult>? Finding = null);

/// <summary>
/// A rectification case for a 中央企业 or 地方国有企业 whose 高技能人才 pay growth fell below the rule (policy 四(二),
/// 2025 notice): 已立案 → 企业说明 / 整改中 → 已整改（证据）→ 结案, worked by the 国资 department of the jurisdiction,
/// with a deadline in working days on the Chinese calendar.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>(none) + 立案</term><description>已立案, only on a NonCompliant finding</description></item>
/// <item><term>已立案 + 说明情况</term><description>企业已说明</description></item>
/// <item><term>已立案 + 开始整改</term><description>整改中</description></item>
/// <item><term>企业已说明 + 理由成立</term><description>已结案</description></item>
/// <item><term>企业已说明 + 要求整改</term><description>整改中</description></item>
/// <item><term>整改中 + 提交证据</term><description>已整改（待核验）</description></item>
/// <item><term>已整改 + 退回</term><description>整改中</description></item>
/// <item><term>已整改 + 结案</term><description>已结案</description></item>
/// </list>
/// Texts of at least <see cref="MinimumTextLength"/> characters are required for every step but opening and starting.
/// Passing the deadline blocks nothing; <see cref="IsOverdue"/> says so and the case shows it.
/// </remarks>
public sealed class RectificationWorkflow : IWorkflow<RectificationStatus?, RectificationAction, RectificationContext>
{
    /// <summary>The shortest explanation, evidence description or reason accepted.</summary>
    public const int MinimumTextLength = 5;

    /// <summary>Default time to rectify, in working days [M: a local choice; no national text fixes it].</summary>
    public const int DefaultWorkingDays = 30;

    private RectificationWorkflow()
    {
    }

    /// <summary>The state after <paramref name="action"/>, or the reasons it is refused.</summary>
    public static Result<RectificationStatus?> Transition(RectificationStatus? state, RectificationAction action, RectificationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (state, action) switch
        {
            (null, RectificationAction.Open) => Open(context),
            (RectificationStatus.Opened, RectificationAction.Explain) => WithText(context, RectificationStatus.Explained, "情况说明"),
            (RectificationStatus.Opened, RectificationAction.StartRectification) => Ok(RectificationStatus.Rectifying),
            (RectificationStatus.Explained, RectificationAction.AcceptExplanation) => WithText(context, RectificationStatus.Closed, "认定说明理由成立"),
            (RectificationStatus.Explained, RectificationAction.RequireRectification) => WithText(context, RectificationStatus.Rectifying, "要求整改"),
            (RectificationStatus.Rectifying, RectificationAction.SubmitEvidence) => Evidence(context),
            (RectificationStatus.Rectified, RectificationAction.ReturnEvidence) => WithText(context, RectificationStatus.Rectifying, "退回整改"),
            (RectificationStatus.Rectified, RectificationAction.Close) => WithText(context, RectificationStatus.Closed, "结案"),
            _ => Result<RectificationStatus?>.Fail($"当前状态为“{ChineseName(state)}”，不能执行“{ChineseName(action)}”"),
        };
    }

    /// <summary>The actions accepted in <paramref name="state"/> (for buttons).</summary>
    public static IReadOnlyList<RectificationAction> AllowedActions(RectificationStatus? state, RectificationContext context) =>
        Workflow.AllowedActions<RectificationWorkflow, RectificationStatus?, RectificationAction, RectificationContext>(state, context);

    /// <summary>
    /// The deadline: <paramref name="workingDays"/> working days after <paramref name="openedOn"/> on the Chinese
    /// calendar; days in a year the calendar does not cover count Monday to Friday and make it provisional.
    /// </summary>
    public static (DateOnly Deadline, bool Provisional) Deadline(WorkingDayCalendar calendar, DateOnly openedOn, int workingDays) =>
        Publication.PublicationWorkflow.NoticeEndsOn(calendar, openedOn, workingDays);

    /// <summary>Whether an open case is past its deadline on <paramref name="today"/> (the deadline day itself is in time).</summary>
    public static bool IsOverdue(RectificationStatus status, DateOnly deadline, DateOnly today) =>
        status is not (RectificationStatus.Closed or RectificationStatus.Rectified) && today > deadline;

    public static string ChineseName(RectificationStatus? status) => status switch
    {
        null => "未立案",
        RectificationStatus.Opened => "已立案",
        RectificationStatus.Explained => "企业已说明",
        RectificationStatus.Rectifying => "整改中",
        RectificationStatus.Rectified => "已整改（待核验）",
        RectificationStatus.Closed => "已结案",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string ChineseName(RectificationAction action) => action switch
    {
        RectificationAction.Open => "立案",
        RectificationAction.Explain => "说明情况",
        RectificationAction.AcceptExplanation => "说明理由成立",
        RectificationAction.RequireRectification => "要求整改",
        RectificationAction.StartRectification => "开始整改",
        RectificationAction.SubmitEvidence => "提交整改证据",
        RectificationAction.ReturnEvidence => "退回整改",
        RectificationAction.Close => "结案",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static Result<RectificationStatus?> Ok(RectificationStatus status) => Result<RectificationStatus?>.Ok(status);

    private static Result<RectificationStatus?> Open(RectificationContext context) =>
        context.Finding?.Outcome.Outcome == SoeComplianceOutcome.NonCompliant
            ? Ok(RectificationStatus.Opened)
            : Result<RectificationStatus?>.Fail("只有工资增幅核查结果为不符合的国有企业才能立案整改");

    private static Result<RectificationStatus?> WithText(RectificationContext context, RectificationStatus next, string what) =>
        (context.Text?.Trim().Length ?? 0) < MinimumTextLength
            ? Result<RectificationStatus?>.Fail(string.Create(CultureInfo.InvariantCulture, $"{what}须填写内容（不少于{MinimumTextLength}个字）"))
            : Ok(next);

    private static Result<RectificationStatus?> Evidence(RectificationContext context)
    {
        var errors = new List<string>();
        if ((context.Text?.Trim().Length ?? 0) < MinimumTextLength)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"须说明整改措施（不少于{MinimumTextLength}个字）"));
        }

        if (context.EvidenceCount < 1)
        {
            errors.Add("须上传整改证据（如调整后的工资分配方案、补发工资凭证）");
        }

        return errors.Count > 0 ? Result<RectificationStatus?>.Fail(errors) : Ok(RectificationStatus.Rectified);
    }
}
