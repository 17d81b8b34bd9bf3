namespace Gongjiang.Core.Common;

/// <summary>
/// One rule's verdict inside a decision: which rule (a stable id, e.g. "3.1-honor-NationalModelWorker" or
/// "leave-art3-tier2"), whether it held, why in Chinese, and the article it implements. Stored with the decision so
/// that it can be shown and replayed.
/// </summary>
/// <param name="RuleId">Stable id of the rule; never reuse one for a different rule.</param>
/// <param name="Holds">Whether the rule's condition held for these facts on this date.</param>
/// <param name="Reason">What is shown, in Chinese, with the values used (e.g. “累计工作年限12年，满10年不满20年”).</param>
/// <param name="Citation">The article, e.g. “《职工带薪年休假条例》第三条”; null where the rule is a local choice.</param>
public sealed record RuleOutcome(string RuleId, bool Holds, string Reason, string? Citation = null);

/// <summary>
/// The outcome of a pure, dated rule together with every rule verdict that produced it. Rules return decisions, not
/// exceptions: being refused or not eligible is an ordinary outcome with its reasons.
/// </summary>
/// <typeparam name="T">The result (a boolean, an amount, a number of days, a status…).</typeparam>
/// <param name="Outcome">The result.</param>
/// <param name="AsOf">The day the rules were applied for (rules are dated; nothing reads a clock).</param>
/// <param name="Rules">The verdicts in the order they were applied.</param>
public sealed record Decision<T>(T Outcome, DateOnly AsOf, IReadOnlyList<RuleOutcome> Rules)
{
    /// <summary>The verdicts that held.</summary>
    public IEnumerable<RuleOutcome> Held => Rules.Where(r => r.Holds);

    /// <summary>The verdicts that did not hold (the reasons a benefit is refused).</summary>
    public IEnumerable<RuleOutcome> Failed => Rules.Where(r => !r.Holds);
}
