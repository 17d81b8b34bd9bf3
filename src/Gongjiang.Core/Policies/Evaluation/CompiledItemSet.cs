using System.Linq.Expressions;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Policies;

/// <summary>
/// One resolved item with its rules compiled. When a stored rule no longer compiles (a fact was removed from the
/// registry), <see cref="Problem"/> says why and every person is <see cref="EntitlementStatus.Undetermined"/> for it,
/// rather than the whole set failing.
/// </summary>
public sealed class CompiledItem
{
    internal CompiledItem(ResolvedItem resolved, CompiledRule? eligibility, CompiledRule? amount, string? problem)
    {
        Resolved = resolved;
        Eligibility = eligibility;
        Amount = amount;
        Problem = problem;
        Facts = [.. (eligibility?.Facts ?? []).Concat(amount?.Facts ?? []).Distinct()];
    }

    public ResolvedItem Resolved { get; }

    public BenefitItemVersion Version => Resolved.Version;

    /// <summary>The eligibility rule; null when it does not compile (see <see cref="Problem"/>).</summary>
    public CompiledRule? Eligibility { get; }

    /// <summary>The amount rule; null when the item computes no amount (or it does not compile).</summary>
    public CompiledRule? Amount { get; }

    /// <summary>Why the item's rules do not compile, in Chinese; null when they do.</summary>
    public string? Problem { get; }

    /// <summary>Every fact the item reads: what a decision records.</summary>
    public IReadOnlyList<FactDefinition> Facts { get; }

    /// <summary>
    /// Compiles one item on its own — for the editor's preview of a version not yet saved, or a decision on one item.
    /// Never throws for a wrong rule: <see cref="Problem"/> says why.
    /// </summary>
    public static CompiledItem Compile(ResolvedItem item, FactRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(item);
        return CompiledItemSet.Compile(item.Version.RegionCode, item.Version.EffectiveFrom, [item], registry).Items[0];
    }

    /// <summary>The entitlement of one person, with every condition, the amount and the cap in the trace.</summary>
    public Entitlement Evaluate(FactSet facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var version = Version;
        var steps = new List<TraceStep>();
        EntitlementStatus status;
        Money? amount = null;
        string amountText;
        if (Eligibility is null)
        {
            steps.Add(new(version.VersionId + "/规则", version.Eligibility, false, "无法判断：" + Problem, [], version.LegalBasis));
            return Build(EntitlementStatus.Undetermined, null, "无法计算", steps);
        }

        var conditions = Eligibility.Conditions;
        for (var i = 0; i < conditions.Count; i++)
        {
            var condition = conditions[i];
            var result = condition.Evaluate(facts);
            var values = Values(condition.Facts, facts);
            var reason = !result.Succeeded ? "无法判断：" + result.Failure
                : (result.Holds ? "成立" : "不成立") + (values.Count == 0 ? "" : "：" + string.Join("；", values.Select(v => v.Label + "=" + v.Display)));
            steps.Add(new($"{version.VersionId}/条件{i + 1}", condition.Text, result.Holds, reason, values, version.LegalBasis));
        }

        var overall = Eligibility.Evaluate(facts);
        if (!overall.Succeeded)
        {
            status = EntitlementStatus.Undetermined;
            amountText = "无法计算";
        }
        else if (!overall.Holds)
        {
            status = EntitlementStatus.NotEligible;
            amountText = "不符合条件";
        }
        else if (Amount is null)
        {
            status = EntitlementStatus.Eligible;
            amountText = version.Amount.Describe();
        }
        else
        {
            var computed = Amount.Evaluate(facts);
            var values = Values(Amount.Facts, facts);
            var used = values.Count == 0 ? "" : "（" + string.Join("；", values.Select(v => v.Label + "=" + v.Display)) + "）";
            var condition = version.Amount.Kind == AmountKind.Formula ? Amount.Text : version.Amount.Describe(Amount.Registry);
            if (!computed.Succeeded)
            {
                status = EntitlementStatus.Undetermined;
                amountText = "金额无法计算";
                steps.Add(new(version.VersionId + "/金额", condition, false, "金额无法计算：" + computed.Failure, values, version.LegalBasis));
            }
            else if (computed.Money!.Value.IsNegative)
            {
                status = EntitlementStatus.Undetermined;
                amountText = "金额无法计算";
                steps.Add(new(version.VersionId + "/金额", condition, false, "金额无法计算：计算结果为负数" + used, values, version.LegalBasis));
            }
            else
            {
                status = EntitlementStatus.Eligible;
                amount = computed.Money;
                steps.Add(new(version.VersionId + "/金额", condition, true, "金额" + amount.Value.ToChinese() + used, values, version.LegalBasis));
                if (version.Cap is { } cap && amount > cap)
                {
                    steps.Add(new(version.VersionId + "/封顶", "封顶" + cap.ToChinese(), true,
                        $"计算金额{amount.Value.ToChinese()}超过封顶金额，按{cap.ToChinese()}发放", [], version.LegalBasis));
                    amount = cap;
                }

                amountText = amount.Value.ToChinese();
            }
        }

        return Build(status, amount, amountText, steps);
    }

    private Entitlement Build(EntitlementStatus status, Money? amount, string amountText, IReadOnlyList<TraceStep> steps) => new()
    {
        ItemKey = Version.ItemKey,
        VersionId = Version.VersionId,
        Name = Version.Name,
        Category = Version.Category,
        Source = Resolved.Source,
        Status = status,
        Amount = amount,
        AmountText = amountText,
        Frequency = Version.Frequency,
        LegalBasis = Version.LegalBasis,
        DepartmentCode = Version.DepartmentCode,
        TimeLimitWorkingDays = Version.TimeLimitWorkingDays,
        RequiredMaterials = Version.RequiredMaterials,
        IsExample = Version.IsExample,
        OverrideText = Resolved.OverrideText,
        Trace = steps,
    };

    internal static IReadOnlyList<FactValue> Values(IEnumerable<FactDefinition> definitions, FactSet facts) =>
        [.. definitions.Select(d => new FactValue(d.Name, d.Label, d.Type.Name, facts.ToCanonical(d.Name), facts.Display(d.Name)))];
}

/// <summary>
/// The outcomes of every item of a <see cref="CompiledItemSet"/> for one person, filled by
/// <see cref="CompiledItemSet.EvaluateInto"/> without allocating. Reuse one per thread.
/// </summary>
public sealed class ItemOutcomes
{
    internal ItemOutcomes(CompiledItemSet owner)
    {
        Owner = owner;
        Amounts = new long[owner.Items.Count];
        Codes = new int[owner.Items.Count];
    }

    internal CompiledItemSet Owner { get; }

    internal long[] Amounts { get; }

    /// <summary>0 not eligible, 1 eligible, n ≥ 2 undetermined with failure n - 1.</summary>
    internal int[] Codes { get; }

    public int Count => Codes.Length;

    public EntitlementStatus Status(int item) => Codes[item] switch
    {
        0 => EntitlementStatus.NotEligible,
        1 => EntitlementStatus.Eligible,
        _ => EntitlementStatus.Undetermined,
    };

    /// <summary>The amount when eligible and the item computes one; null otherwise.</summary>
    public Money? Amount(int item) => Codes[item] == 1 && Owner.Items[item].Amount is not null ? new Money(Amounts[item]) : null;

    /// <summary>Why the item is undetermined; null otherwise.</summary>
    public string? Failure(int item) => Codes[item] >= 2 ? Owner.Failures[Codes[item] - 2] : null;
}

/// <summary>
/// The items in force for a region on a day, compiled together: <see cref="Evaluate"/> explains one person's entitlements;
/// <see cref="EvaluateInto"/> evaluates every item for many persons fast (one compiled method for the whole set, reading
/// facts by slot). Both give the same statuses and amounts. Immutable and thread-safe (use one <see cref="ItemOutcomes"/>
/// per thread).
/// </summary>
public sealed class CompiledItemSet
{
    private readonly Lazy<ItemSetDelegate> fast;
    private readonly List<string> failures = [];

    private CompiledItemSet(string regionCode, DateOnly asOf, FactRegistry registry, IReadOnlyList<CompiledItem> items)
    {
        RegionCode = regionCode;
        AsOf = asOf;
        Registry = registry;
        Items = items;
        fast = new Lazy<ItemSetDelegate>(CompileFast);
    }

    public string RegionCode { get; }

    /// <summary>The day the items were resolved for.</summary>
    public DateOnly AsOf { get; }

    public FactRegistry Registry { get; }

    public IReadOnlyList<CompiledItem> Items { get; }

    /// <summary>Items whose rules do not compile, with why (empty when all compile).</summary>
    public IEnumerable<string> Problems => Items.Where(i => i.Problem is not null).Select(i => $"{i.Version.Name}（{i.Version.VersionId}）：{i.Problem}");

    internal IReadOnlyList<string> Failures => failures;

    /// <summary>Compiles the items of a resolved set against <paramref name="registry"/>.</summary>
    public static CompiledItemSet Compile(ResolvedItemSet items, FactRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Compile(items.RegionCode, items.AsOf, items.Items, registry);
    }

    /// <summary>Compiles any list of items (e.g. a reform that changes some of them) against <paramref name="registry"/>.</summary>
    public static CompiledItemSet Compile(string regionCode, DateOnly asOf, IReadOnlyList<ResolvedItem> items, FactRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(registry);
        var compiled = new List<CompiledItem>(items.Count);
        foreach (var item in items)
        {
            var version = item.Version;
            var eligibility = RuleLanguage.Compile(version.Eligibility, RuleKind.Eligibility, registry, version.Parameters);
            var amountText = version.Amount.ToExpression(registry);
            var amount = amountText is null ? (Result<CompiledRule>?)null : RuleLanguage.Compile(amountText, RuleKind.Amount, registry, version.Parameters);
            var problem = !eligibility.IsValid ? "资格条件" + eligibility.Error
                : amount is { IsValid: false } a ? "金额" + a.Error
                : null;
            compiled.Add(problem is null
                ? new CompiledItem(item, eligibility.Value, amount?.Value, null)
                : new CompiledItem(item, null, null, problem));
        }

        return new CompiledItemSet(regionCode, asOf, registry, compiled);
    }

    /// <summary>Every item for one person, explained.</summary>
    public EntitlementReport Evaluate(FactSet facts)
    {
        CheckRegistry(facts);
        return new EntitlementReport(RegionCode, facts.AsOf, [.. Items.Select(i => i.Evaluate(facts))]);
    }

    /// <summary>A buffer for <see cref="EvaluateInto"/>.</summary>
    public ItemOutcomes CreateOutcomes() => new(this);

    /// <summary>Every item for one person, without explanations and without allocating: statuses and amounts only.</summary>
    public void EvaluateInto(FactSet facts, ItemOutcomes outcomes)
    {
        CheckRegistry(facts);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (!ReferenceEquals(outcomes.Owner, this))
        {
            throw new ArgumentException("The outcomes belong to another item set.", nameof(outcomes));
        }

        fast.Value(facts, outcomes.Amounts, outcomes.Codes);
    }

    private void CheckRegistry(FactSet facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (!ReferenceEquals(facts.Registry, Registry))
        {
            throw new ArgumentException("The facts belong to another registry.", nameof(facts));
        }
    }

    private ItemSetDelegate CompileFast()
    {
        var compiler = new RuleCompiler(Registry, _ => "", failures);
        var amounts = Expression.Parameter(typeof(long[]), "amounts");
        var codes = Expression.Parameter(typeof(int[]), "codes");
        var eligible = Expression.Variable(typeof(bool), "eligible");
        var amount = Expression.Variable(typeof(long), "amount");
        var negative = compiler.FailureCode("金额无法计算：计算结果为负数");
        var body = new List<Expression>();
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            var index = Expression.Constant(i);
            Expression SetCode(Expression value) => Expression.Assign(Expression.ArrayAccess(codes, index), value);
            if (item.Eligibility is null)
            {
                body.Add(SetCode(Expression.Constant(compiler.FailureCode("无法判断：" + item.Problem) + 1)));
                continue;
            }

            compiler.Position = RuleLanguage.Positions(item.Eligibility.Text);
            var eligibility = compiler.Compile(item.Eligibility.Bound);
            Expression paid;
            if (item.Amount is null)
            {
                paid = Expression.Block(typeof(void),
                    Expression.Assign(Expression.ArrayAccess(amounts, index), Expression.Constant(0L)),
                    SetCode(Expression.Constant(1)));
            }
            else
            {
                compiler.Position = RuleLanguage.Positions(item.Amount.Text);
                var computed = compiler.Compile(item.Amount.Bound);
                Expression capped = item.Version.Cap is { } cap
                    ? Expression.Call(typeof(Math).GetMethod(nameof(Math.Min), [typeof(long), typeof(long)])!, amount, Expression.Constant(cap.Fen))
                    : amount;
                paid = Expression.Block(typeof(void),
                    Expression.Assign(amount, computed),
                    Expression.IfThenElse(
                        Expression.NotEqual(compiler.Failure, Expression.Constant(0)),
                        SetCode(Expression.Add(compiler.Failure, Expression.Constant(1))),
                        Expression.IfThenElse(
                            Expression.LessThan(amount, Expression.Constant(0L)),
                            SetCode(Expression.Constant(negative + 1)),
                            Expression.Block(typeof(void),
                                Expression.Assign(Expression.ArrayAccess(amounts, index), capped),
                                SetCode(Expression.Constant(1))))));
            }

            body.Add(Expression.Assign(compiler.Failure, Expression.Constant(0)));
            body.Add(Expression.TryCatch(
                Expression.Block(typeof(void),
                    Expression.Assign(eligible, eligibility),
                    Expression.IfThenElse(
                        Expression.NotEqual(compiler.Failure, Expression.Constant(0)),
                        SetCode(Expression.Add(compiler.Failure, Expression.Constant(1))),
                        Expression.IfThenElse(Expression.Not(eligible), SetCode(Expression.Constant(0)), paid))),
                Expression.Catch(typeof(ArithmeticException), Expression.Block(typeof(void), SetCode(Expression.Constant(RuleCompiler.OverflowCode + 1))))));
        }

        body.Add(Expression.Empty());
        var lambda = Expression.Lambda<ItemSetDelegate>(compiler.Prologue([eligible, amount], [.. body]), compiler.Facts, amounts, codes);
        return lambda.Compile();
    }

    private delegate void ItemSetDelegate(FactSet facts, long[] amounts, int[] codes);
}
