using Gongjiang.Core.Publication;

namespace Gongjiang.Web.Platform.Api;

/// <summary>
/// The safeguard of an irreversible or public step (移出, 异议成立, 删除草稿, 开始公示, 撤回公示): the actor confirmed it
/// on a confirmation step and gave a reason of at least <see cref="MinimumReasonLength"/> characters. Use cases check
/// it, so the rule holds whatever the client: a page's first submit only shows the confirmation step (no JavaScript
/// needed), and an API call is the deliberate act itself but still needs the reason.
/// </summary>
/// <param name="Confirmed">True when the step was confirmed (the page's confirmation form, or an API call).</param>
/// <param name="Reason">The reason given.</param>
public sealed record Confirmation(bool Confirmed, string? Reason)
{
    /// <summary>The shortest reason accepted (the rule of <see cref="PublicationWorkflow.MinimumReasonLength"/>).</summary>
    public const int MinimumReasonLength = PublicationWorkflow.MinimumReasonLength;

    /// <summary>The error key that means “show the confirmation step”.</summary>
    public const string ConfirmField = "confirm";

    /// <summary>The reason, trimmed; null when empty.</summary>
    public string? Text => Reason?.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>An API call: explicit by itself, the reason still required.</summary>
    public static Confirmation Api(string? reason) => new(true, reason);

    /// <summary>Adds the refusals: not confirmed (<see cref="ConfirmField"/>) and a reason that is too short.</summary>
    public void Check(FieldErrors errors, string step, string reasonField = "reason")
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Confirmed)
        {
            errors.Add(ConfirmField, $"“{step}”不可撤销，请在确认页面核对并填写理由后再办理");
        }

        if ((Text?.Length ?? 0) < MinimumReasonLength)
        {
            errors.Add(reasonField, $"{step}须填写理由（不少于{MinimumReasonLength}个字）");
        }
    }

    /// <summary>True when the only refusals are the confirmation itself or its reason (the page shows the step again).</summary>
    public static bool AsksForConfirmation(FieldErrors? errors, string reasonField = "reason") =>
        errors is { IsEmpty: false } && errors.All.Keys.All(k => k == ConfirmField || k == reasonField);
}
