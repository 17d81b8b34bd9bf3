using System.Globalization;
using Gongjiang.Core.Calendar;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Window;

/// <summary>
/// The five grades of 政务服务“好差评” (国办发〔2019〕51号《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》:
/// 非常满意、满意、基本满意、不满意、非常不满意 — the five grades as the provincial implementing documents repeat them [S];
/// the 意见's own sentence was not read here). The int value is the score (5 best); stored, never renumber.
/// </summary>
public enum SatisfactionGrade
{
    /// <summary>非常不满意 (差评).</summary>
    VeryDissatisfied = 1,
    /// <summary>不满意 (差评).</summary>
    Dissatisfied = 2,
    /// <summary>基本满意.</summary>
    FairlySatisfied = 3,
    /// <summary>满意.</summary>
    Satisfied = 4,
    /// <summary>非常满意.</summary>
    VerySatisfied = 5,
}

/// <summary>A rating as given: the grade and an optional comment.</summary>
public sealed record Rating(SatisfactionGrade Grade, string? Comment);

/// <summary>
/// A rectification (整改) opened by a poor rating: due in <see cref="RatingRules.RectificationWorkingDays"/> working days
/// after the rating day, with a callback (回访) to the applicant.
/// </summary>
/// <param name="DueOn">The last day to rectify.</param>
/// <param name="Provisional">The due date falls in a year whose holidays are not yet in the calendar.</param>
/// <param name="CallbackRequired">A callback (回访) record is required (always true for 差评; kept explicit for the page).</param>
public sealed record RectificationOrder(DateOnly DueOn, bool Provisional, bool CallbackRequired);

/// <summary>
/// 好差评 rules (国办发〔2019〕51号): 一事一评 — a request may be rated once it is closed, once per closure (the workflow's
/// <see cref="ServiceRequestAction.Rate"/> moves 办结 → 已评价, so a second rating of the same closure is refused; a
/// request reopened on appeal and closed again may be rated again, earlier ratings are kept). A rating is not edited
/// afterwards: what the applicant thinks of the rectification is recorded at the callback (回访). 不满意 or 非常不满意 is a
/// 差评 and opens a rectification (强化差评整改: 回访核实, 限期整改, 反馈).
/// </summary>
public static class RatingRules
{
    /// <summary>
    /// Working days to rectify a 差评: 15, counted from the day after the rating. The issue and provincial implementing
    /// documents (e.g. 四川: “对‘不满意’或者‘非常不满意’问题，在15个工作日内整改到位”) give 15 working days; the national
    /// 意见's own wording was not verified here [S], so callers may pass another value.
    /// </summary>
    public const int RectificationWorkingDays = 15;

    /// <summary>The longest comment stored.</summary>
    public const int MaxCommentLength = 500;

    /// <summary>True for 不满意 and 非常不满意 (差评).</summary>
    public static bool IsPoor(SatisfactionGrade grade) => grade <= SatisfactionGrade.Dissatisfied;

    /// <summary>
    /// A rating as submitted: the grade (its score 1–5, or null when none was chosen) and the comment. A 差评 must say what
    /// went wrong (at least <see cref="WindowRules.MinimumReasonLength"/> characters) so it can be verified and rectified
    /// — a local choice; a comment is at most <see cref="MaxCommentLength"/> characters.
    /// </summary>
    public static Result<Rating> Create(int? grade, string? comment)
    {
        if (grade is not { } g || !Enum.IsDefined((SatisfactionGrade)g))
        {
            return Result<Rating>.Fail("评价等级须从非常满意、满意、基本满意、不满意、非常不满意中选择");
        }

        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var reasons = new List<string>();
        var chosen = (SatisfactionGrade)g;
        if (IsPoor(chosen) && (text?.Length ?? 0) < WindowRules.MinimumReasonLength)
        {
            reasons.Add($"评价为“{ChineseName(chosen)}”时须填写评价意见（不少于{WindowRules.MinimumReasonLength}个字），以便核实整改");
        }

        if (text?.Length > MaxCommentLength)
        {
            reasons.Add($"评价意见不能超过{MaxCommentLength}个字");
        }

        return reasons.Count > 0 ? Result<Rating>.Fail(reasons) : Result<Rating>.Ok(new Rating(chosen, text));
    }

    /// <summary>
    /// Whether a rating opens a rectification (整改) and a callback (回访), and the rectification's due date:
    /// <paramref name="workingDays"/> working days after <paramref name="ratedOn"/> (the day after counts as the first).
    /// </summary>
    /// <returns>The order when the grade is a 差评, null otherwise; with the rule's reason.</returns>
    public static Decision<RectificationOrder?> Rectification(WorkingDayCalendar calendar, SatisfactionGrade grade, DateOnly ratedOn, int workingDays = RectificationWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        const string RuleId = "window-rating-poor-rectify";
        const string Citation = "国办发〔2019〕51号（强化差评整改）";
        if (!IsPoor(grade))
        {
            return new Decision<RectificationOrder?>(null, ratedOn, [new RuleOutcome(RuleId, false, $"评价为“{ChineseName(grade)}”，不属于差评，无需整改", Citation)]);
        }

        var due = WorkingDays.AddWorkingDays(calendar, ratedOn, workingDays).GetValueOrThrow();
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"评价为“{ChineseName(grade)}”（差评），须于{workingDays}个工作日内（{WorkingDays.Format(due.Date)}前）整改并回访{(due.Provisional ? "（到期日暂定）" : "")}");
        return new Decision<RectificationOrder?>(new RectificationOrder(due.Date, due.Provisional, true), ratedOn, [new RuleOutcome(RuleId, true, reason, Citation)]);
    }

    public static string ChineseName(SatisfactionGrade grade) => grade switch
    {
        SatisfactionGrade.VerySatisfied => "非常满意",
        SatisfactionGrade.Satisfied => "满意",
        SatisfactionGrade.FairlySatisfied => "基本满意",
        SatisfactionGrade.Dissatisfied => "不满意",
        SatisfactionGrade.VeryDissatisfied => "非常不满意",
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, null),
    };

    /// <summary>The five grades from best to worst, as a rating form lists them.</summary>
    public static IReadOnlyList<SatisfactionGrade> All { get; } =
    [
        SatisfactionGrade.VerySatisfied, SatisfactionGrade.Satisfied, SatisfactionGrade.FairlySatisfied,
        SatisfactionGrade.Dissatisfied, SatisfactionGrade.VeryDissatisfied,
    ];
}

/// <summary>Where a rectification (整改) stands. Stored; never renumber.</summary>
public enum RectificationStatus
{
    /// <summary>待整改.</summary>
    Pending = 1,
    /// <summary>已整改: the responsible unit reported what it changed; waits for the callback.</summary>
    Rectified = 2,
    /// <summary>已回访: the applicant was called back and the result recorded (closed).</summary>
    CalledBack = 3,
    /// <summary>已核销: verified as a mistaken or malicious rating (误评、恶意差评), with the reason (closed).</summary>
    Dismissed = 4,
}

/// <summary>What is done to a rectification. Stored; never renumber.</summary>
public enum RectificationAction
{
    /// <summary>提交整改情况.</summary>
    Report = 1,
    /// <summary>回访 (with the callback's record).</summary>
    CallBack = 2,
    /// <summary>退回重新整改 (with the reason): the callback or the reviewer found it not done.</summary>
    Return = 3,
    /// <summary>核销 (申诉复核 found a mistaken or malicious rating), with the reason.</summary>
    Dismiss = 4,
}

/// <summary>What <see cref="RectificationWorkflow.Transition"/> needs: the text of the report, callback record or reason.</summary>
public sealed record RectificationContext(string? Text = null)
{
    public static RectificationContext Empty { get; } = new();
}

/// <summary>
/// The rectification of a 差评 (国办发〔2019〕51号: 对差评 回访核实、限期整改、反馈; 排除误评和“恶意”差评 through 申诉复核):
/// <list type="table">
/// <item><term>待整改 + 提交整改情况</term><description>已整改 — what was changed</description></item>
/// <item><term>已整改 + 回访</term><description>已回访 (closed) — the callback's record</description></item>
/// <item><term>已整改 + 退回重新整改</term><description>待整改 — the reason</description></item>
/// <item><term>待整改 + 核销</term><description>已核销 (closed) — the finding that the rating was mistaken or malicious</description></item>
/// </list>
/// Each text at least <see cref="WindowRules.MinimumReasonLength"/> characters; every other pair fails naming the state and action.
/// </summary>
public sealed class RectificationWorkflow : IWorkflow<RectificationStatus, RectificationAction, RectificationContext>
{
    private RectificationWorkflow()
    {
    }

    public static Result<RectificationStatus> Transition(RectificationStatus state, RectificationAction action, RectificationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Table.Fire(state, action, context);
    }

    public static IReadOnlyList<RectificationAction> AllowedActions(RectificationStatus state, RectificationContext context) =>
        Table.Allowed(state, context ?? throw new ArgumentNullException(nameof(context)));

    /// <summary>Every allowed move (from, action, to) in the order declared.</summary>
    public static IReadOnlyList<(RectificationStatus From, RectificationAction Action, RectificationStatus To)> Moves => Table.Moves;

    /// <summary>True while something remains to do (待整改, 已整改).</summary>
    public static bool IsOpen(RectificationStatus status) => status is RectificationStatus.Pending or RectificationStatus.Rectified;

    public static string ChineseName(RectificationStatus status) => status switch
    {
        RectificationStatus.Pending => "待整改",
        RectificationStatus.Rectified => "已整改",
        RectificationStatus.CalledBack => "已回访",
        RectificationStatus.Dismissed => "已核销",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string ChineseName(RectificationAction action) => action switch
    {
        RectificationAction.Report => "提交整改情况",
        RectificationAction.CallBack => "回访",
        RectificationAction.Return => "退回重新整改",
        RectificationAction.Dismiss => "核销",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static readonly TransitionTable<RectificationStatus, RectificationAction, RectificationContext> Table = Build();

    private static TransitionTable<RectificationStatus, RectificationAction, RectificationContext> Build()
    {
        const int Min = WindowRules.MinimumReasonLength;
        var text = (string message) => Condition<RectificationContext>.When(c => WindowRules.HasReason(c.Text), message);
        return new TransitionTable<RectificationStatus, RectificationAction, RectificationContext>(ChineseName, ChineseName)
            .Allow(RectificationStatus.Pending, RectificationAction.Report, RectificationStatus.Rectified, text($"须填写整改情况（不少于{Min}个字）"))
            .Allow(RectificationStatus.Pending, RectificationAction.Dismiss, RectificationStatus.Dismissed, text($"核销须说明核实情况（不少于{Min}个字）"))
            .Allow(RectificationStatus.Rectified, RectificationAction.CallBack, RectificationStatus.CalledBack, text($"须填写回访记录（不少于{Min}个字）"))
            .Allow(RectificationStatus.Rectified, RectificationAction.Return, RectificationStatus.Pending, text($"退回须说明理由（不少于{Min}个字）"));
    }
}

/// <summary>Counts of the five grades and the rates derived from them.</summary>
/// <param name="Counts">How many of each grade (every grade present, zero when none).</param>
public sealed record SatisfactionSummary(IReadOnlyDictionary<SatisfactionGrade, int> Counts)
{
    public int Total => Counts.Values.Sum();

    /// <summary>差评: 不满意 + 非常不满意.</summary>
    public int Poor => Counts[SatisfactionGrade.Dissatisfied] + Counts[SatisfactionGrade.VeryDissatisfied];

    /// <summary>满意率: (非常满意 + 满意 + 基本满意) ÷ total, four decimals; null with no rating.</summary>
    public decimal? SatisfactionRate => Total == 0 ? null : Math.Round((decimal)(Total - Poor) / Total, 4, MidpointRounding.AwayFromZero);

    /// <summary>差评率: (不满意 + 非常不满意) ÷ total, four decimals; null with no rating.</summary>
    public decimal? PoorRate => Total == 0 ? null : Math.Round((decimal)Poor / Total, 4, MidpointRounding.AwayFromZero);

    /// <summary>Average score (非常满意 = 5 … 非常不满意 = 1), two decimals; null with no rating.</summary>
    public decimal? AverageScore => Total == 0 ? null : Math.Round((decimal)Counts.Sum(c => (int)c.Key * c.Value) / Total, 2, MidpointRounding.AwayFromZero);
}

/// <summary>
/// 好差评 statistics by window, department or service item (国办发〔2019〕51号: 评价数据的综合分析和应用). 满意率 counts the
/// three upper grades as satisfied (the five-grade scale's 差评 are 不满意 and 非常不满意).
/// </summary>
public static class SatisfactionStatistics
{
    public static SatisfactionSummary Summarize(IEnumerable<SatisfactionGrade> grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        var counts = Enum.GetValues<SatisfactionGrade>().ToDictionary(g => g, _ => 0);
        foreach (var grade in grades)
        {
            if (!counts.TryGetValue(grade, out var count))
            {
                throw new ArgumentOutOfRangeException(nameof(grades), grade, "未知的评价等级");
            }

            counts[grade] = count + 1;
        }

        return new SatisfactionSummary(counts);
    }

    /// <summary>The summary per group, in the order groups first appear.</summary>
    public static IReadOnlyList<(TKey Group, SatisfactionSummary Summary)> ByGroup<TKey>(IEnumerable<(TKey Group, SatisfactionGrade Grade)> ratings)
        where TKey : notnull =>
        [.. ratings.GroupBy(r => r.Group).Select(g => (g.Key, Summarize(g.Select(r => r.Grade))))];
}
