using System.Security.Cryptography;
using System.Text;
using Gongjiang.Core.Standards;

namespace Gongjiang.Core.Window;

/// <summary>One step in a request's history, as stored by Web with each transition.</summary>
/// <param name="On">The day of the step (China Standard Time).</param>
/// <param name="Action">What was done.</param>
/// <param name="Outcome">The decision, for <see cref="ServiceRequestAction.Close"/>.</param>
public sealed record RequestEvent(DateOnly On, ServiceRequestAction Action, ServiceOutcome? Outcome = null);

/// <summary>A stage as the public progress query shows it: its name and day, nothing else.</summary>
public sealed record PublicStage(string Stage, DateOnly Date);

/// <summary>
/// The public progress query (办件进度查询, 国办发〔2019〕51号 and 政务服务 practice: 办件进度可查): by receipt number and the
/// applicant's name, without signing in. It shows stage names and dates only — no names, no reasons, no materials, no
/// department officers, no amounts — because reasons and opinions may hold personal data.
/// </summary>
public static class PublicProgress
{
    /// <summary>The stages in the order they happened (stable for steps on the same day).</summary>
    public static IReadOnlyList<PublicStage> Stages(IEnumerable<RequestEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return [.. history
            .Select((e, index) => (e, index))
            .OrderBy(x => x.e.On)
            .ThenBy(x => x.index)
            .Select(x => new PublicStage(StageName(x.e), x.e.On))];
    }

    /// <summary>The public name of one step, e.g. “已受理”, “办结（部分准予）”.</summary>
    public static string StageName(RequestEvent step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Action switch
        {
            ServiceRequestAction.Submit => "已提交",
            ServiceRequestAction.Accept => "已受理",
            ServiceRequestAction.RefuseAcceptance => "不予受理",
            ServiceRequestAction.Route => "办理中（已分送相关部门）",
            ServiceRequestAction.RequestSupplement => "待补正材料（暂停计时）",
            ServiceRequestAction.ReceiveSupplement => "补正材料已收到（恢复计时）",
            ServiceRequestAction.Close => step.Outcome is { } outcome ? $"办结（{ServiceRequestWorkflow.ChineseName(outcome)}）" : "办结",
            ServiceRequestAction.Rate => "已评价",
            ServiceRequestAction.Withdraw => "已撤回",
            ServiceRequestAction.Reopen => "重新办理",
            _ => throw new ArgumentOutOfRangeException(nameof(step), step.Action, null),
        };
    }

    /// <summary>The public status: the state's Chinese name, with the outcome once closed (“办结（准予）”).</summary>
    public static string Status(ServiceRequestStatus status, ServiceOutcome? outcome = null) =>
        status is ServiceRequestStatus.Closed or ServiceRequestStatus.Rated && outcome is { } o
            ? $"{ServiceRequestWorkflow.ChineseName(status)}（{ServiceRequestWorkflow.ChineseName(o)}）"
            : ServiceRequestWorkflow.ChineseName(status);

    /// <summary>
    /// Whether the name typed in the query is the applicant's: whitespace, full-width forms, Latin case and the middle
    /// dots of transliterated names (“·”, “•”, “・”, “.”) are ignored; compared in constant time so the answer's timing
    /// does not reveal a partial match. An empty name never matches.
    /// </summary>
    public static bool ApplicantNameMatches(string? storedName, string? typedName)
    {
        var stored = NormalizeName(storedName);
        var typed = NormalizeName(typedName);
        if (stored.Length == 0 || typed.Length == 0)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), Encoding.UTF8.GetBytes(typed));
    }

    private static string NormalizeName(string? name)
    {
        var normal = IdentifierText.Normalize(name);
        return normal.IndexOfAny(['·', '•', '・', '.']) < 0
            ? normal
            : string.Concat(normal.Where(c => c is not ('·' or '•' or '・' or '.')));
    }
}
