using System.Globalization;
using Gongjiang.Core.Common;

// The language's own type names (CEL's int, decimal, string) are the clearest names for them.
#pragma warning disable CA1720

namespace Gongjiang.Core.Policies;

/// <summary>The kinds of value the rule language knows (docs/adr/0010).</summary>
public enum RuleTypeKind
{
    /// <summary>是/否.</summary>
    Bool = 0,
    /// <summary>A 64-bit whole number (CEL <c>int</c>); arithmetic is checked (overflow is an error, never a wrap).</summary>
    Int = 1,
    /// <summary>A decimal number for rates and factors (CEL has only binary <c>double</c>; we keep decimals exact).</summary>
    Decimal = 2,
    /// <summary>An amount of money: a whole number of 分 (docs/adr/0009).</summary>
    Money = 3,
    /// <summary>A civil date (no time, no zone).</summary>
    Date = 4,
    /// <summary>Text, compared ordinally.</summary>
    String = 5,
    /// <summary>One member of an <see cref="EnumDefinition"/> (skill level, ownership type…).</summary>
    Enum = 6,
    /// <summary>A set of members of an <see cref="EnumDefinition"/> (e.g. the bases of a leading talent).</summary>
    Set = 7,
    /// <summary>A year for each member present (e.g. honours with the year each was conferred).</summary>
    Years = 8,
    /// <summary>A list literal <c>[a, b]</c> (only inside a rule, never a fact).</summary>
    List = 9,
    /// <summary>A table literal <c>{k: v}</c> (only inside a rule, never a fact).</summary>
    Map = 10,
}

/// <summary>
/// The type of a fact, a parameter or an expression of the rule language. Immutable; compared by value.
/// Facts may have the kinds <see cref="RuleTypeKind.Bool"/> … <see cref="RuleTypeKind.Years"/>; lists and tables exist only
/// as literals inside a rule.
/// </summary>
public sealed class RuleType : IEquatable<RuleType>
{
    private RuleType(RuleTypeKind kind, EnumDefinition? enumeration = null, RuleType? element = null, RuleType? value = null)
    {
        Kind = kind;
        Enum = enumeration;
        Element = element;
        Value = value;
    }

    public RuleTypeKind Kind { get; }

    /// <summary>The enumeration of an <see cref="RuleTypeKind.Enum"/>, <see cref="RuleTypeKind.Set"/> or <see cref="RuleTypeKind.Years"/>.</summary>
    public EnumDefinition? Enum { get; }

    /// <summary>The element type of a list, or the key type of a table.</summary>
    public RuleType? Element { get; }

    /// <summary>The value type of a table.</summary>
    public RuleType? Value { get; }

    public static RuleType Bool { get; } = new(RuleTypeKind.Bool);

    public static RuleType Int { get; } = new(RuleTypeKind.Int);

    public static RuleType Decimal { get; } = new(RuleTypeKind.Decimal);

    public static RuleType Money { get; } = new(RuleTypeKind.Money);

    public static RuleType Date { get; } = new(RuleTypeKind.Date);

    public static RuleType String { get; } = new(RuleTypeKind.String);

    public static RuleType EnumOf(EnumDefinition definition) => new(RuleTypeKind.Enum, definition ?? throw new ArgumentNullException(nameof(definition)));

    public static RuleType SetOf(EnumDefinition definition) => new(RuleTypeKind.Set, definition ?? throw new ArgumentNullException(nameof(definition)));

    public static RuleType YearsOf(EnumDefinition definition) => new(RuleTypeKind.Years, definition ?? throw new ArgumentNullException(nameof(definition)));

    internal static RuleType ListOf(RuleType element) => new(RuleTypeKind.List, element.Enum, element);

    internal static RuleType MapOf(RuleType key, RuleType value) => new(RuleTypeKind.Map, key.Enum, key, value);

    /// <summary>True for the kinds a fact or a parameter may have.</summary>
    public bool IsFactType => Kind is not (RuleTypeKind.List or RuleTypeKind.Map);

    internal bool IsNumeric => Kind is RuleTypeKind.Int or RuleTypeKind.Decimal;

    /// <summary>The name used in stored records: bool, int, decimal, money, date, string, enum:X, set:X, years:X.</summary>
    public string Name => Kind switch
    {
        RuleTypeKind.Bool => "bool",
        RuleTypeKind.Int => "int",
        RuleTypeKind.Decimal => "decimal",
        RuleTypeKind.Money => "money",
        RuleTypeKind.Date => "date",
        RuleTypeKind.String => "string",
        RuleTypeKind.Enum => "enum:" + Enum!.Name,
        RuleTypeKind.Set => "set:" + Enum!.Name,
        RuleTypeKind.Years => "years:" + Enum!.Name,
        RuleTypeKind.List => "list:" + Element!.Name,
        RuleTypeKind.Map => "map:" + Element!.Name + "," + Value!.Name,
        _ => throw new InvalidOperationException(),
    };

    /// <summary>What a person reads: 是/否, 整数, 小数, 金额, 日期, 文本, 技能等级, 技能等级集合, 荣誉及年份…</summary>
    public string ChineseName => Kind switch
    {
        RuleTypeKind.Bool => "是/否",
        RuleTypeKind.Int => "整数",
        RuleTypeKind.Decimal => "小数",
        RuleTypeKind.Money => "金额",
        RuleTypeKind.Date => "日期",
        RuleTypeKind.String => "文本",
        RuleTypeKind.Enum => Enum!.Label,
        RuleTypeKind.Set => Enum!.Label + "集合",
        RuleTypeKind.Years => Enum!.Label + "及年份",
        RuleTypeKind.List => Element!.ChineseName + "列表",
        RuleTypeKind.Map => "按" + Element!.ChineseName + "查" + Value!.ChineseName + "的表",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>
    /// Reads a stored type name (<see cref="Name"/>); enumerations are looked up by name with <paramref name="findEnum"/>.
    /// </summary>
    public static Result<RuleType> Parse(string? name, Func<string, EnumDefinition?> findEnum)
    {
        ArgumentNullException.ThrowIfNull(findEnum);
        switch (name)
        {
            case "bool": return Result<RuleType>.Ok(Bool);
            case "int": return Result<RuleType>.Ok(Int);
            case "decimal": return Result<RuleType>.Ok(Decimal);
            case "money": return Result<RuleType>.Ok(Money);
            case "date": return Result<RuleType>.Ok(Date);
            case "string": return Result<RuleType>.Ok(String);
            case null: return Result<RuleType>.Fail("类型不能为空");
            default: break;
        }

        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var definition = findEnum(name[(colon + 1)..]);
            if (definition is null)
            {
                return Result<RuleType>.Fail(string.Create(CultureInfo.InvariantCulture, $"未知的枚举类型“{name[(colon + 1)..]}”"));
            }

            switch (name[..colon])
            {
                case "enum": return Result<RuleType>.Ok(EnumOf(definition));
                case "set": return Result<RuleType>.Ok(SetOf(definition));
                case "years": return Result<RuleType>.Ok(YearsOf(definition));
                default: break;
            }
        }

        return Result<RuleType>.Fail(string.Create(CultureInfo.InvariantCulture, $"未知的类型“{name}”"));
    }

    public bool Equals(RuleType? other) =>
        other is not null && Kind == other.Kind && string.Equals(Enum?.Name, other.Enum?.Name, StringComparison.Ordinal) &&
        Equals(Element, other.Element) && Equals(Value, other.Value);

    public override bool Equals(object? obj) => Equals(obj as RuleType);

    public override int GetHashCode() => HashCode.Combine(Kind, Enum?.Name, Element, Value);

    public override string ToString() => Name;
}

/// <summary>One member of an <see cref="EnumDefinition"/>.</summary>
/// <param name="Code">Stable ASCII code used in rules and records, e.g. "Technician".</param>
/// <param name="Label">Chinese name shown to people and also accepted in rules, e.g. “技师”.</param>
public sealed record EnumMember(string Code, string Label);

/// <summary>
/// A closed list of values a fact may take (技能等级, 企业性质, 荣誉…). Invariants: 1–64 members (a set of them is one
/// 64-bit mask); codes and labels unique; members are only ever appended, never removed or reordered, so that a stored
/// decision replays with the same meaning. When <see cref="Ordered"/>, members are listed lowest first and compare by
/// position (技能等级: 学徒工 &lt; … &lt; 首席技师).
/// </summary>
public sealed class EnumDefinition
{
    private readonly Dictionary<string, int> index;

    public EnumDefinition(string name, string label, IReadOnlyList<EnumMember> members, bool ordered = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count is 0 or > 64)
        {
            throw new ArgumentException("An enumeration has 1 to 64 members.", nameof(members));
        }

        Name = name;
        Label = label;
        Members = [.. members];
        Ordered = ordered;
        index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Members.Count; i++)
        {
            if (!index.TryAdd(Members[i].Code, i) || (Members[i].Label != Members[i].Code && !index.TryAdd(Members[i].Label, i)))
            {
                throw new ArgumentException($"Duplicate member {Members[i].Code} in {name}.", nameof(members));
            }
        }
    }

    /// <summary>Stable ASCII name, e.g. "SkillLevel".</summary>
    public string Name { get; }

    /// <summary>Chinese name, e.g. “技能等级”.</summary>
    public string Label { get; }

    public IReadOnlyList<EnumMember> Members { get; }

    /// <summary>Whether members compare by position (&lt;, &gt;=…).</summary>
    public bool Ordered { get; }

    /// <summary>The position of the member with this code or Chinese label, or -1.</summary>
    public int IndexOf(string codeOrLabel) => codeOrLabel is not null && index.TryGetValue(codeOrLabel, out var i) ? i : -1;

    /// <summary>“学徒工、初级工、…” for messages.</summary>
    public string LabelList => string.Join("、", Members.Select(m => m.Label));

    /// <summary>An enumeration over a C# enum, in declaration order (which is the order of the values for ordered ones).</summary>
    public static EnumDefinition FromEnum<TEnum>(string name, string label, Func<TEnum, string> labelOf, bool ordered = false)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(labelOf);
        return new EnumDefinition(name, label, [.. System.Enum.GetValues<TEnum>().Select(v => new EnumMember(v.ToString(), labelOf(v)))], ordered);
    }
}
