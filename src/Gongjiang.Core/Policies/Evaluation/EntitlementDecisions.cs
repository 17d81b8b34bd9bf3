using Gongjiang.Core.Common;

namespace Gongjiang.Core.Policies;

/// <summary>
/// A decision as it was made: the item version (a full copy, so that a later version or an edit cannot change it), the
/// day, the facts the rules read with their values (unknown ones as null), the outcome and its trace. Plain records of
/// strings, numbers and dates — it serialises with System.Text.Json as it is and replays with
/// <see cref="EntitlementDecisions.Replay"/>.
/// </summary>
public sealed record EntitlementDecisionRecord
{
    /// <summary>The region whose item set was applied.</summary>
    public required string RegionCode { get; init; }

    /// <summary>The day decided for.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The version applied, as it was.</summary>
    public required BenefitItemVersion Version { get; init; }

    /// <summary>Where the version came from when decided (全国 / 省 / 市 / 县) and what it overrode.</summary>
    public string? OverrideText { get; init; }

    /// <summary>Every fact the version's rules read, with its type and canonical value (null = unknown).</summary>
    public required IReadOnlyList<FactValue> Inputs { get; init; }

    /// <summary>The outcome with its trace.</summary>
    public required Entitlement Outcome { get; init; }

    public string VersionId => Version.VersionId;
}

/// <summary>The outcome of replaying a stored decision.</summary>
/// <param name="Replayed">The entitlement computed again from the stored version and inputs.</param>
/// <param name="Same">Whether status, amount and every trace step are the same as stored.</param>
/// <param name="Differences">In Chinese, what differs (empty when <paramref name="Same"/>).</param>
public sealed record ReplayOutcome(Entitlement Replayed, bool Same, IReadOnlyList<string> Differences);

/// <summary>
/// Stores and replays decisions (issue 11: “a decision that grants something stores the rule version, the inputs and the
/// trace, so it can be shown and replayed later with the same result even after the rules changed”).
/// </summary>
public static class EntitlementDecisions
{
    /// <summary>Evaluates <paramref name="item"/> for <paramref name="facts"/> and records everything needed to replay it.</summary>
    public static EntitlementDecisionRecord Record(CompiledItem item, FactSet facts, string regionCode)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(facts);
        return new EntitlementDecisionRecord
        {
            RegionCode = regionCode,
            AsOf = facts.AsOf,
            Version = item.Version,
            OverrideText = item.Resolved.OverrideText,
            Inputs = CompiledItem.Values(item.Facts, facts),
            Outcome = item.Evaluate(facts),
        };
    }

    /// <summary>
    /// Re-evaluates the stored version with the stored inputs — never the current rules — and compares with the stored
    /// outcome. Enumerations are looked up in <paramref name="registry"/> (members are append-only, so old codes keep their
    /// meaning); facts since removed from the registry still replay from their recorded types.
    /// </summary>
    public static Result<ReplayOutcome> Replay(EntitlementDecisionRecord record, FactRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(registry);
        var definitions = new List<FactDefinition>();
        var reasons = new List<string>();
        foreach (var input in record.Inputs)
        {
            var type = RuleType.Parse(input.Type, name => registry.FindEnum(name) ?? StandardEnum(name));
            if (!type.IsValid)
            {
                reasons.Add($"事实“{input.Label}”（{input.Name}）：{type.Error}");
                continue;
            }

            definitions.Add(new FactDefinition(input.Name, input.Label, type.Value!, "record"));
        }

        if (reasons.Count > 0)
        {
            return Result<ReplayOutcome>.Fail(reasons);
        }

        var replayRegistry = new FactRegistryBuilder().Add(definitions).Build();
        if (!replayRegistry.IsValid)
        {
            return Result<ReplayOutcome>.Fail(replayRegistry.Reasons);
        }

        var facts = FactSet.Parse(replayRegistry.Value!, record.AsOf, record.Inputs.Select(i => new KeyValuePair<string, string?>(i.Name, i.Value)));
        if (!facts.IsValid)
        {
            return Result<ReplayOutcome>.Fail(facts.Reasons);
        }

        var resolved = new ResolvedItem(record.Version, [], []);
        var set = CompiledItemSet.Compile(record.RegionCode, record.AsOf, [resolved], replayRegistry.Value!);
        var replayed = set.Items[0].Evaluate(facts.Value!) with { OverrideText = record.OverrideText };
        var differences = Compare(record.Outcome, replayed);
        return Result<ReplayOutcome>.Ok(new ReplayOutcome(replayed, differences.Count == 0, differences));
    }

    /// <summary>What differs between two outcomes of the same item (status, amount, trace), in Chinese.</summary>
    public static IReadOnlyList<string> Compare(Entitlement stored, Entitlement replayed)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(replayed);
        var differences = new List<string>();
        if (stored.Status != replayed.Status)
        {
            differences.Add($"结论不同：原为{stored.Status}，重算为{replayed.Status}");
        }

        if (stored.Amount != replayed.Amount)
        {
            differences.Add($"金额不同：原为{stored.AmountText}，重算为{replayed.AmountText}");
        }

        if (stored.Trace.Count != replayed.Trace.Count)
        {
            differences.Add("依据的步骤数不同");
        }
        else
        {
            for (var i = 0; i < stored.Trace.Count; i++)
            {
                var a = stored.Trace[i];
                var b = replayed.Trace[i];
                if (a.RuleId != b.RuleId || a.Holds != b.Holds || a.Reason != b.Reason || a.Condition != b.Condition)
                {
                    differences.Add($"第{i + 1}步不同：原为“{a.Reason}”，重算为“{b.Reason}”");
                }
            }
        }

        return differences;
    }

    private static EnumDefinition? StandardEnum(string name) =>
        StandardFacts.Registry.FindEnum(name);
}
