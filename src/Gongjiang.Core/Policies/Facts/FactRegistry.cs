using System.Globalization;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Policies;

/// <summary>
/// A named fact about a person on a date that benefit rules may read, e.g. <c>person.age</c> (年龄, 整数) or
/// <c>talent.isLeadingTalent</c> (是否高技能领军人才). Modules declare the facts they provide; the engine knows none of
/// them by name.
/// </summary>
/// <param name="Name">
/// Dotted ASCII name as written in rules: segments of letters and digits starting with a lower-case letter,
/// e.g. "skill.levelSince". Never reused for a different meaning (stored decisions refer to it).
/// </param>
/// <param name="Label">Chinese name shown in traces and messages, e.g. “技能等级取得日期”.</param>
/// <param name="Type">The value type; one of the fact kinds of <see cref="RuleType"/>.</param>
/// <param name="Provider">The module that supplies the value, e.g. "registry", "insurance", "window".</param>
/// <param name="Description">Optional explanation for the rule editor (where the value comes from, what it counts).</param>
public sealed record FactDefinition(string Name, string Label, RuleType Type, string Provider, string? Description = null);

/// <summary>
/// Collects the facts of every module. A module adds its <see cref="FactDefinition"/>s (and so the enumerations they
/// use) without touching the engine; <see cref="Build"/> checks them and fixes each fact's slot.
/// </summary>
public sealed class FactRegistryBuilder
{
    private readonly List<FactDefinition> facts = [];

    public FactRegistryBuilder Add(FactDefinition fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        facts.Add(fact);
        return this;
    }

    public FactRegistryBuilder Add(IEnumerable<FactDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        foreach (var fact in definitions)
        {
            Add(fact);
        }

        return this;
    }

    /// <summary>The registry, or every reason the declarations are wrong (duplicate or malformed names, unsupported types).</summary>
    public Result<FactRegistry> Build() => FactRegistry.Create(facts);
}

/// <summary>
/// The facts rules may read, each with a fixed slot so that compiled rules read a <see cref="FactSet"/> by index, never
/// by name. Immutable. Invariants: names unique and well-formed (<see cref="IsValidName"/>), not a reserved word of the
/// language; enumerations with the same name are the same definition.
/// </summary>
public sealed class FactRegistry
{
    internal const int MaxFacts = 4096;

    private readonly Dictionary<string, int> byName;
    private readonly Dictionary<string, EnumDefinition> enums;

    private FactRegistry(IReadOnlyList<FactDefinition> facts, Dictionary<string, EnumDefinition> enums)
    {
        Facts = facts;
        this.enums = enums;
        byName = new Dictionary<string, int>(facts.Count, StringComparer.Ordinal);
        Storage = new FactStorage[facts.Count];
        Slot = new int[facts.Count];
        for (var i = 0; i < facts.Count; i++)
        {
            byName.Add(facts[i].Name, i);
            var storage = StorageOf(facts[i].Type);
            Storage[i] = storage;
            Slot[i] = storage switch
            {
                FactStorage.Long => LongCount++,
                FactStorage.Decimal => DecimalCount++,
                FactStorage.String => StringCount++,
                FactStorage.Years => YearsCount++,
                _ => throw new InvalidOperationException(),
            };
        }
    }

    /// <summary>Every declared fact, in declaration order.</summary>
    public IReadOnlyList<FactDefinition> Facts { get; }

    /// <summary>Every enumeration used by a fact.</summary>
    public IEnumerable<EnumDefinition> Enumerations => enums.Values;

    internal FactStorage[] Storage { get; }

    internal int[] Slot { get; }

    internal int LongCount { get; }

    internal int DecimalCount { get; }

    internal int StringCount { get; }

    internal int YearsCount { get; }

    /// <summary>The fact with this exact name, or null.</summary>
    public FactDefinition? Find(string? name) => name is not null && byName.TryGetValue(name, out var i) ? Facts[i] : null;

    /// <summary>The enumeration with this name, or null.</summary>
    public EnumDefinition? FindEnum(string? name) => name is not null && enums.TryGetValue(name, out var e) ? e : null;

    internal int IndexOf(string name) => byName.TryGetValue(name, out var i) ? i : -1;

    /// <summary>
    /// A handle to read and write the fact by slot, without looking its name up again (for code that fills or reads
    /// many <see cref="FactSet"/>s). Throws for an unknown name: fact names in code are constants.
    /// </summary>
    public FactKey Key(string name)
    {
        var index = IndexOf(name ?? throw new ArgumentNullException(nameof(name)));
        return index < 0
            ? throw new ArgumentException($"未知的事实“{name}”", nameof(name))
            : new FactKey(this, index, Slot[index], Facts[index].Type.Kind);
    }

    /// <summary>An empty set of facts about one person on <paramref name="asOf"/>.</summary>
    public FactSet NewFactSet(DateOnly asOf) => new(this, asOf);

    /// <summary>True for a dotted name of ASCII segments, each a lower-case letter then letters or digits, at most 64 characters.</summary>
    public static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64)
        {
            return false;
        }

        foreach (var segment in name.Split('.'))
        {
            if (segment.Length == 0 || !char.IsAsciiLetterLower(segment[0]) || !segment.All(char.IsAsciiLetterOrDigit))
            {
                return false;
            }
        }

        return true;
    }

    internal static Result<FactRegistry> Create(IReadOnlyList<FactDefinition> facts)
    {
        var reasons = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var enums = new Dictionary<string, EnumDefinition>(StringComparer.Ordinal);
        if (facts.Count > MaxFacts)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"事实不能超过{MaxFacts}个"));
        }

        foreach (var fact in facts)
        {
            if (!IsValidName(fact.Name))
            {
                reasons.Add($"事实名称“{fact.Name}”格式不正确：应为以点分隔的英文段，每段以小写字母开头，如 person.age");
                continue;
            }

            if (RuleLanguage.IsReserved(fact.Name.Split('.')[0]))
            {
                reasons.Add($"事实名称“{fact.Name}”以保留字开头");
            }

            if (!names.Add(fact.Name))
            {
                reasons.Add($"事实“{fact.Name}”重复声明");
            }

            if (string.IsNullOrWhiteSpace(fact.Label))
            {
                reasons.Add($"事实“{fact.Name}”缺少中文名称");
            }

            if (fact.Type is null || !fact.Type.IsFactType)
            {
                reasons.Add($"事实“{fact.Name}”的类型不能用于事实");
                continue;
            }

            if (fact.Type.Enum is { } e)
            {
                if (enums.TryGetValue(e.Name, out var existing) && !ReferenceEquals(existing, e) && !SameMembers(existing, e))
                {
                    reasons.Add($"枚举“{e.Name}”有两个不同的定义");
                }
                else
                {
                    enums.TryAdd(e.Name, e);
                }
            }
        }

        foreach (var name in names)
        {
            // “a.b” and “a.b.c” cannot both be facts: a name is never a prefix of another name at a dot.
            for (var dot = name.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = name.IndexOf('.', dot + 1))
            {
                if (names.Contains(name[..dot]))
                {
                    reasons.Add($"事实“{name[..dot]}”不能同时是其他事实名称的前缀");
                }
            }
        }

        return reasons.Count > 0 ? Result<FactRegistry>.Fail(reasons) : Result<FactRegistry>.Ok(new FactRegistry([.. facts], enums));
    }

    private static bool SameMembers(EnumDefinition a, EnumDefinition b) =>
        a.Ordered == b.Ordered && a.Members.SequenceEqual(b.Members);

    internal static FactStorage StorageOf(RuleType type) => type.Kind switch
    {
        RuleTypeKind.Bool or RuleTypeKind.Int or RuleTypeKind.Money or RuleTypeKind.Date or RuleTypeKind.Enum or RuleTypeKind.Set => FactStorage.Long,
        RuleTypeKind.Decimal => FactStorage.Decimal,
        RuleTypeKind.String => FactStorage.String,
        RuleTypeKind.Years => FactStorage.Years,
        RuleTypeKind.List or RuleTypeKind.Map => throw new ArgumentOutOfRangeException(nameof(type)),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}

/// <summary>
/// A fact's slot in the <see cref="FactSet"/>s of one registry (<see cref="FactRegistry.Key"/>). Values of the kinds stored
/// as whole numbers read through <see cref="FactSet.GetInt"/>: bool 0/1, int, money in 分, date as
/// <see cref="DateOnly.DayNumber"/>, enumeration member position, set as a bit mask by member position.
/// </summary>
public readonly record struct FactKey
{
    internal FactKey(FactRegistry registry, int index, int slot, RuleTypeKind kind)
    {
        Registry = registry;
        Index = index;
        Slot = slot;
        Kind = kind;
    }

    public FactRegistry Registry { get; }

    public RuleTypeKind Kind { get; }

    internal int Index { get; }

    internal int Slot { get; }
}

/// <summary>Where a fact's value lives in a <see cref="FactSet"/>.</summary>
internal enum FactStorage
{
    /// <summary>bool (0/1), int, money (分), date (day number), enum (member position), set (bit mask).</summary>
    Long = 0,
    Decimal = 1,
    String = 2,
    /// <summary>One year per member (0 = absent).</summary>
    Years = 3,
}
