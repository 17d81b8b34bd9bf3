using System.Globalization;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Skills;

/// <summary>Where an exceptional-promotion case stands. The int values are stored; never renumber them.</summary>
public enum ExceptionalPromotionStatus
{
    /// <summary>已申报（待材料审核）.</summary>
    Submitted = 1,
    /// <summary>退回补正: returned to the employer to complete the materials.</summary>
    Returned = 2,
    /// <summary>专家评审中.</summary>
    UnderExpertReview = 3,
    /// <summary>评审通过（待公示）.</summary>
    ReviewPassed = 4,
    /// <summary>公示中: objections (异议) may be filed.</summary>
    InNotice = 5,
    /// <summary>公示期满（待审批）.</summary>
    PendingApproval = 6,
    /// <summary>已批准（待发证）.</summary>
    Approved = 7,
    /// <summary>已发证: the certificate is issued (final).</summary>
    Certified = 8,
    /// <summary>未通过: refused at material review, expert review, notice or approval (final).</summary>
    Refused = 9,
    /// <summary>已撤回 by the employer (final).</summary>
    Withdrawn = 10,
}

/// <summary>The steps of an exceptional-promotion case.</summary>
public enum ExceptionalPromotionAction
{
    /// <summary>单位申报 (also re-submitting after a return).</summary>
    Submit = 1,
    /// <summary>退回补正 (with a reason).</summary>
    Return = 2,
    /// <summary>材料审核通过 → 专家评审.</summary>
    PassMaterialReview = 3,
    /// <summary>材料审核不通过 (with a reason).</summary>
    RejectMaterials = 4,
    /// <summary>评审通过 (the review's decision must have passed).</summary>
    PassExpertReview = 5,
    /// <summary>评审未通过 (the review's decision must have failed).</summary>
    FailExpertReview = 6,
    /// <summary>开始公示.</summary>
    StartNotice = 7,
    /// <summary>公示期满无异议（或异议均不成立）→ 待审批.</summary>
    CloseNotice = 8,
    /// <summary>异议成立，不予晋升 (with a reason).</summary>
    RefuseOnObjection = 9,
    /// <summary>审批通过 (by someone other than the applicant).</summary>
    Approve = 10,
    /// <summary>审批不通过 (with a reason).</summary>
    Refuse = 11,
    /// <summary>发证 (with a valid certificate number).</summary>
    IssueCertificate = 12,
    /// <summary>单位撤回申报 (with a reason).</summary>
    Withdraw = 13,
}

/// <summary>What <see cref="ExceptionalPromotionWorkflow.Transition"/> needs to know besides the state.</summary>
/// <param name="Today">China Standard Time date of the step.</param>
/// <param name="Actor">The user taking the step.</param>
/// <param name="Reason">The reason given (returns, refusals, withdrawal).</param>
/// <param name="Assessment">The application's assessment (needed to submit).</param>
/// <param name="Review">The expert review's decision (needed to pass or fail the review).</param>
/// <param name="NoticeEndsOn">The last day of the 公示期, once started (<see cref="ExceptionalPromotionWorkflow.NoticeEndsOn"/>).</param>
/// <param name="UndecidedObjections">Objections not yet decided.</param>
/// <param name="UpheldObjections">Objections decided 成立.</param>
/// <param name="SubmittedBy">The user who submitted (may not approve).</param>
/// <param name="CertificateNumber">The new certificate's number (to issue).</param>
/// <param name="TargetLevel">The level approved (to check the certificate number's grade).</param>
public sealed record ExceptionalPromotionContext(
    DateOnly Today,
    string Actor,
    string? Reason = null,
    Decision<ExceptionalPromotionAssessment>? Assessment = null,
    Decision<ExpertReviewOutcome>? Review = null,
    DateOnly? NoticeEndsOn = null,
    int UndecidedObjections = 0,
    int UpheldObjections = 0,
    string? SubmittedBy = null,
    string? CertificateNumber = null,
    SkillLevel? TargetLevel = null);

/// <summary>
/// The way of an exceptional promotion (破格晋升, policy 三(三)): 单位申报 → 材料审核 → 专家评审 → 公示 → 审批 → 发证,
/// with returns for completion (退回补正) and refusals at every stage.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term>(none) / 退回补正 + 申报</term><description>已申报, when the assessment is admissible</description></item>
/// <item><term>已申报 + 退回补正 / 材料审核通过 / 不通过</term><description>退回补正 / 专家评审中 / 未通过</description></item>
/// <item><term>专家评审中 + 评审通过 / 未通过</term><description>评审通过 / 未通过, as the review decided</description></item>
/// <item><term>评审通过 + 开始公示</term><description>公示中 (the end day is set)</description></item>
/// <item><term>公示中 + 公示期满</term><description>待审批, after the end day with every objection decided and none upheld</description></item>
/// <item><term>公示中 + 异议成立</term><description>未通过, when an objection is upheld</description></item>
/// <item><term>待审批 + 批准 / 不批准</term><description>已批准 (not by the submitter) / 未通过</description></item>
/// <item><term>已批准 + 发证</term><description>已发证, with a well-formed certificate number of the approved grade</description></item>
/// <item><term>any open state before 已批准 + 撤回</term><description>已撤回</description></item>
/// </list>
/// Reasons of at least <see cref="MinimumReasonLength"/> characters are required to return, refuse or withdraw.
/// </remarks>
public sealed class ExceptionalPromotionWorkflow : IWorkflow<ExceptionalPromotionStatus?, ExceptionalPromotionAction, ExceptionalPromotionContext>
{
    /// <summary>The shortest reason accepted.</summary>
    public const int MinimumReasonLength = 5;

    private ExceptionalPromotionWorkflow()
    {
    }

    /// <summary>The state after <paramref name="action"/>, or the reasons it is refused.</summary>
    public static Result<ExceptionalPromotionStatus?> Transition(ExceptionalPromotionStatus? state, ExceptionalPromotionAction action, ExceptionalPromotionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return action switch
        {
            ExceptionalPromotionAction.Submit => From(state, action, [null, ExceptionalPromotionStatus.Returned], () => Submit(context)),
            ExceptionalPromotionAction.Return => From(state, action, [ExceptionalPromotionStatus.Submitted], () => WithReason(context, ExceptionalPromotionStatus.Returned, "退回补正")),
            ExceptionalPromotionAction.PassMaterialReview => From(state, action, [ExceptionalPromotionStatus.Submitted], () => Ok(ExceptionalPromotionStatus.UnderExpertReview)),
            ExceptionalPromotionAction.RejectMaterials => From(state, action, [ExceptionalPromotionStatus.Submitted], () => WithReason(context, ExceptionalPromotionStatus.Refused, "材料审核不通过")),
            ExceptionalPromotionAction.PassExpertReview => From(state, action, [ExceptionalPromotionStatus.UnderExpertReview], () => Review(context, passed: true)),
            ExceptionalPromotionAction.FailExpertReview => From(state, action, [ExceptionalPromotionStatus.UnderExpertReview], () => Review(context, passed: false)),
            ExceptionalPromotionAction.StartNotice => From(state, action, [ExceptionalPromotionStatus.ReviewPassed], () => StartNotice(context)),
            ExceptionalPromotionAction.CloseNotice => From(state, action, [ExceptionalPromotionStatus.InNotice], () => CloseNotice(context)),
            ExceptionalPromotionAction.RefuseOnObjection => From(state, action, [ExceptionalPromotionStatus.InNotice], () => RefuseOnObjection(context)),
            ExceptionalPromotionAction.Approve => From(state, action, [ExceptionalPromotionStatus.PendingApproval], () => Approve(context)),
            ExceptionalPromotionAction.Refuse => From(state, action, [ExceptionalPromotionStatus.PendingApproval], () => WithReason(context, ExceptionalPromotionStatus.Refused, "审批不通过")),
            ExceptionalPromotionAction.IssueCertificate => From(state, action, [ExceptionalPromotionStatus.Approved], () => Issue(context)),
            ExceptionalPromotionAction.Withdraw => From(state, action,
                [ExceptionalPromotionStatus.Submitted, ExceptionalPromotionStatus.Returned, ExceptionalPromotionStatus.UnderExpertReview,
                 ExceptionalPromotionStatus.ReviewPassed, ExceptionalPromotionStatus.InNotice, ExceptionalPromotionStatus.PendingApproval],
                () => WithReason(context, ExceptionalPromotionStatus.Withdrawn, "撤回申报")),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    /// <summary>The actions accepted in <paramref name="state"/> with <paramref name="context"/> (for buttons).</summary>
    public static IReadOnlyList<ExceptionalPromotionAction> AllowedActions(ExceptionalPromotionStatus? state, ExceptionalPromotionContext context) =>
        Workflow.AllowedActions<ExceptionalPromotionWorkflow, ExceptionalPromotionStatus?, ExceptionalPromotionAction, ExceptionalPromotionContext>(state, context);

    /// <summary>
    /// The last day of the 公示期 of <paramref name="workingDays"/> working days starting the day after
    /// <paramref name="startsOn"/>, on the Chinese working-day calendar (the publication module's rule: days in a year
    /// the calendar does not cover count Monday to Friday and make the end provisional).
    /// </summary>
    public static (DateOnly EndsOn, bool Provisional) NoticeEndsOn(Calendar.WorkingDayCalendar calendar, DateOnly startsOn, int workingDays) =>
        Publication.PublicationWorkflow.NoticeEndsOn(calendar, startsOn, workingDays);

    public static string ChineseName(ExceptionalPromotionStatus? status) => status switch
    {
        null => "未申报",
        ExceptionalPromotionStatus.Submitted => "已申报（待材料审核）",
        ExceptionalPromotionStatus.Returned => "退回补正",
        ExceptionalPromotionStatus.UnderExpertReview => "专家评审中",
        ExceptionalPromotionStatus.ReviewPassed => "评审通过（待公示）",
        ExceptionalPromotionStatus.InNotice => "公示中",
        ExceptionalPromotionStatus.PendingApproval => "公示期满（待审批）",
        ExceptionalPromotionStatus.Approved => "已批准（待发证）",
        ExceptionalPromotionStatus.Certified => "已发证",
        ExceptionalPromotionStatus.Refused => "未通过",
        ExceptionalPromotionStatus.Withdrawn => "已撤回",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string ChineseName(ExceptionalPromotionAction action) => action switch
    {
        ExceptionalPromotionAction.Submit => "申报",
        ExceptionalPromotionAction.Return => "退回补正",
        ExceptionalPromotionAction.PassMaterialReview => "材料审核通过",
        ExceptionalPromotionAction.RejectMaterials => "材料审核不通过",
        ExceptionalPromotionAction.PassExpertReview => "评审通过",
        ExceptionalPromotionAction.FailExpertReview => "评审未通过",
        ExceptionalPromotionAction.StartNotice => "开始公示",
        ExceptionalPromotionAction.CloseNotice => "公示期满",
        ExceptionalPromotionAction.RefuseOnObjection => "异议成立，不予晋升",
        ExceptionalPromotionAction.Approve => "批准",
        ExceptionalPromotionAction.Refuse => "不批准",
        ExceptionalPromotionAction.IssueCertificate => "发证",
        ExceptionalPromotionAction.Withdraw => "撤回",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static Result<ExceptionalPromotionStatus?> From(
        ExceptionalPromotionStatus? state, ExceptionalPromotionAction action, ExceptionalPromotionStatus?[] allowed, Func<Result<ExceptionalPromotionStatus?>> next) =>
        allowed.Contains(state)
            ? next()
            : Result<ExceptionalPromotionStatus?>.Fail($"当前状态为“{ChineseName(state)}”，不能执行“{ChineseName(action)}”");

    private static Result<ExceptionalPromotionStatus?> Ok(ExceptionalPromotionStatus status) => Result<ExceptionalPromotionStatus?>.Ok(status);

    private static Result<ExceptionalPromotionStatus?> WithReason(ExceptionalPromotionContext context, ExceptionalPromotionStatus next, string what) =>
        (context.Reason?.Trim().Length ?? 0) < MinimumReasonLength
            ? Result<ExceptionalPromotionStatus?>.Fail(string.Create(CultureInfo.InvariantCulture, $"{what}须填写理由（不少于{MinimumReasonLength}个字）"))
            : Ok(next);

    private static Result<ExceptionalPromotionStatus?> Submit(ExceptionalPromotionContext context)
    {
        if (context.Assessment is not { } assessment)
        {
            return Result<ExceptionalPromotionStatus?>.Fail("申报前须先核验申报条件");
        }

        return assessment.Outcome.Admissible
            ? Ok(ExceptionalPromotionStatus.Submitted)
            : Result<ExceptionalPromotionStatus?>.Fail([.. assessment.Failed.Select(r => r.Reason)]);
    }

    private static Result<ExceptionalPromotionStatus?> Review(ExceptionalPromotionContext context, bool passed)
    {
        if (context.Review is not { } review)
        {
            return Result<ExceptionalPromotionStatus?>.Fail("尚未汇总专家评审意见");
        }

        if (review.Outcome.Passed != passed)
        {
            return Result<ExceptionalPromotionStatus?>.Fail(passed
                ? "专家评审未达到通过标准：" + string.Join("；", review.Failed.Select(r => r.Reason))
                : "专家评审已达到通过标准，不能作出未通过的结论");
        }

        return Ok(passed ? ExceptionalPromotionStatus.ReviewPassed : ExceptionalPromotionStatus.Refused);
    }

    private static Result<ExceptionalPromotionStatus?> StartNotice(ExceptionalPromotionContext context) =>
        context.NoticeEndsOn is { } ends && ends > context.Today
            ? Ok(ExceptionalPromotionStatus.InNotice)
            : Result<ExceptionalPromotionStatus?>.Fail("须设定晚于今天的公示截止日");

    private static Result<ExceptionalPromotionStatus?> CloseNotice(ExceptionalPromotionContext context)
    {
        var errors = new List<string>();
        if (context.NoticeEndsOn is not { } ends)
        {
            errors.Add("公示尚未设定截止日");
        }
        else if (context.Today <= ends)
        {
            errors.Add($"公示期至{Elapsed.Date(ends)}，期满后方可提交审批");
        }

        if (context.UndecidedObjections > 0)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"还有{context.UndecidedObjections}件异议未处理"));
        }

        if (context.UpheldObjections > 0)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"有{context.UpheldObjections}件异议成立，应作出不予晋升的决定"));
        }

        return errors.Count > 0 ? Result<ExceptionalPromotionStatus?>.Fail(errors) : Ok(ExceptionalPromotionStatus.PendingApproval);
    }

    private static Result<ExceptionalPromotionStatus?> RefuseOnObjection(ExceptionalPromotionContext context) =>
        context.UpheldObjections > 0
            ? WithReason(context, ExceptionalPromotionStatus.Refused, "异议成立不予晋升")
            : Result<ExceptionalPromotionStatus?>.Fail("没有成立的异议，不能以异议为由不予晋升");

    private static Result<ExceptionalPromotionStatus?> Approve(ExceptionalPromotionContext context) =>
        context.SubmittedBy is not null && string.Equals(context.SubmittedBy, context.Actor, StringComparison.Ordinal)
            ? Result<ExceptionalPromotionStatus?>.Fail("审批须由申报人以外的人员进行")
            : Ok(ExceptionalPromotionStatus.Approved);

    private static Result<ExceptionalPromotionStatus?> Issue(ExceptionalPromotionContext context)
    {
        var number = SkillCertificateNumber.Parse(context.CertificateNumber);
        if (!number.IsValid)
        {
            return Result<ExceptionalPromotionStatus?>.Fail(number.Reasons);
        }

        if (context.TargetLevel is { } level && number.Value!.Level != level)
        {
            return Result<ExceptionalPromotionStatus?>.Fail($"证书编号的等级代码为{SkillLevels.DisplayName(number.Value!.Level)}，与批准的{SkillLevels.DisplayName(level)}不符");
        }

        return Ok(ExceptionalPromotionStatus.Certified);
    }
}
