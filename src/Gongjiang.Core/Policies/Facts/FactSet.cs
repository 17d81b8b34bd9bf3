using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Policies;

/// <summary>
/// The values of the facts of one <see cref="FactRegistry"/> for one person on one date (<see cref="AsOf"/>, which rules
/// read as <c>asOf</c>). A fact may be absent (unknown): a rule that needs it cannot be decided and says so.
/// Values live in typed slots by index, so compiled rules read them without looking up names.
/// </summary>
/// <remarks>
/// Setters are for module code that knows its facts: an unknown name or a value of the wrong type is a programming error
/// and throws <see cref="ArgumentException"/>. Text typed or stored by people goes through <see cref="Parse"/>, which
/// returns Chinese reasons instead.
/// </remarks>
public sealed class FactSet
{
    internal readonly long[] Longs;
    internal readonly decimal[] Decimals;
    internal readonly string?[] Strings;
    internal readonly long[]?[] Years;
    internal readonly ulong[] Present;
    internal readonly long AsOfDay;

    internal FactSet(FactRegistry registry, DateOnly asOf)
    {
        Registry = registry;
        AsOf = asOf;
        AsOfDay = asOf.DayNumber;
        Longs = new long[registry.LongCount];
        Decimals = registry.DecimalCount == 0 ? [] : new decimal[registry.DecimalCount];
        Strings = registry.StringCount == 0 ? [] : new string?[registry.StringCount];
        Years = registry.YearsCount == 0 ? [] : new long[]?[registry.YearsCount];
        Present = new ulong[(registry.Facts.Count + 63) / 64];
    }

    public FactRegistry Registry { get; }

    /// <summary>The day these facts describe.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Whether the fact has a value.</summary>
    public bool Has(string name) => IsPresent(Index(name, null));

    /// <summary>Whether the fact has a value (by slot).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Has(FactKey key) => (Present[key.Index >> 6] & (1UL << (key.Index & 63))) != 0;

    /// <summary>
    /// The value of a fact stored as a whole number (<see cref="FactKey"/>: bool 0/1, int, 分, day number, member position,
    /// set mask); 0 when absent — ask <see cref="Has(FactKey)"/> first.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long GetInt(FactKey key) => Longs[key.Slot];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool GetBool(FactKey key) => Longs[key.Slot] != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public decimal GetDecimal(FactKey key) => Decimals[key.Slot];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string? GetString(FactKey key) => Strings[key.Slot];

    /// <summary>The years by member position (0 = absent) of a years fact; empty when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<long> GetYears(FactKey key) => Years[key.Slot];

    /// <summary>Sets a fact stored as a whole number by slot (see <see cref="GetInt"/> for the meaning per kind).</summary>
    public FactSet SetInt(FactKey key, long value)
    {
        Own(key);
        if (FactRegistry.StorageOf(Registry.Facts[key.Index].Type) != FactStorage.Long)
        {
            throw new ArgumentException($"事实“{Registry.Facts[key.Index].Name}”不是以整数保存的", nameof(key));
        }

        return SetLong(key.Index, value);
    }

    /// <summary>Sets a text fact by slot.</summary>
    public FactSet SetString(FactKey key, string value)
    {
        Own(key);
        ArgumentNullException.ThrowIfNull(value);
        if (key.Kind != RuleTypeKind.String)
        {
            throw new ArgumentException($"事实“{Registry.Facts[key.Index].Name}”不是文本", nameof(key));
        }

        Strings[key.Slot] = value;
        return MarkPresent(key.Index);
    }

    private void Own(FactKey key)
    {
        if (!ReferenceEquals(key.Registry, Registry))
        {
            throw new ArgumentException("The key belongs to another registry.", nameof(key));
        }
    }

    public FactSet Set(string name, bool value) => SetLong(Index(name, RuleTypeKind.Bool), value ? 1 : 0);

    public FactSet Set(string name, long value) => SetLong(Index(name, RuleTypeKind.Int), value);

    public FactSet Set(string name, int value) => Set(name, (long)value);

    public FactSet Set(string name, decimal value)
    {
        var i = Index(name, RuleTypeKind.Decimal);
        Decimals[Registry.Slot[i]] = value;
        return MarkPresent(i);
    }

    public FactSet Set(string name, Money value) => SetLong(Index(name, RuleTypeKind.Money), value.Fen);

    public FactSet Set(string name, DateOnly value) => SetLong(Index(name, RuleTypeKind.Date), value.DayNumber);

    /// <summary>Sets a text fact, or an enumeration fact by member code or Chinese label.</summary>
    public FactSet Set(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var i = Index(name, null);
        var type = Registry.Facts[i].Type;
        if (type.Kind == RuleTypeKind.String)
        {
            Strings[Registry.Slot[i]] = value;
            return MarkPresent(i);
        }

        if (type.Kind == RuleTypeKind.Enum)
        {
            var member = type.Enum!.IndexOf(value);
            return member < 0
                ? throw new ArgumentException($"“{value}”不是{type.Enum.Label}的取值", nameof(value))
                : SetLong(i, member);
        }

        throw new ArgumentException($"事实“{name}”的类型是{type.ChineseName}", nameof(name));
    }

    /// <summary>Sets a set fact to exactly these members (codes or Chinese labels); an empty list is a known empty set.</summary>
    public FactSet SetMembers(string name, IEnumerable<string> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var i = Index(name, RuleTypeKind.Set);
        var definition = Registry.Facts[i].Type.Enum!;
        long mask = 0;
        foreach (var member in members)
        {
            var position = definition.IndexOf(member);
            if (position < 0)
            {
                throw new ArgumentException($"“{member}”不是{definition.Label}的取值", nameof(members));
            }

            mask |= 1L << position;
        }

        return SetLong(i, mask);
    }

    /// <summary>Sets a years fact to exactly these members and years (e.g. honours and the year each was conferred).</summary>
    public FactSet SetYears(string name, IEnumerable<KeyValuePair<string, int>> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var i = Index(name, RuleTypeKind.Years);
        var definition = Registry.Facts[i].Type.Enum!;
        var values = new long[definition.Members.Count];
        foreach (var (member, year) in years)
        {
            var position = definition.IndexOf(member);
            if (position < 0 || year is < 1 or > 9999)
            {
                throw new ArgumentException($"“{member}”（{year}）不是{definition.Label}的有效取值", nameof(years));
            }

            // The earliest year counts when a member is given twice (e.g. honoured again).
            values[position] = values[position] == 0 ? year : Math.Min(values[position], year);
        }

        Years[Registry.Slot[i]] = values;
        return MarkPresent(i);
    }

    /// <summary>Makes the fact unknown again.</summary>
    public FactSet Clear(string name)
    {
        var i = Index(name, null);
        Present[i >> 6] &= ~(1UL << (i & 63));
        return this;
    }

    /// <summary>A copy for another date, or with some values changed, that leaves this one as it is.</summary>
    public FactSet Copy(DateOnly? asOf = null)
    {
        var copy = new FactSet(Registry, asOf ?? AsOf);
        Array.Copy(Longs, copy.Longs, Longs.Length);
        Array.Copy(Decimals, copy.Decimals, Decimals.Length);
        Array.Copy(Strings, copy.Strings, Strings.Length);
        Array.Copy(Years, copy.Years, Years.Length);
        Array.Copy(Present, copy.Present, Present.Length);
        return copy;
    }

    /// <summary>
    /// The value as stored in a decision record (invariant, stable): true/false, 123, 0.25, money in 元 with two decimals
    /// ("12000.50"), dates yyyy-MM-dd, member codes, sets "A,B", years "A:2015,B:2018"; null when absent.
    /// </summary>
    public string? ToCanonical(string name) => Canonical(Index(name, null));

    /// <summary>The value as shown to a person (是/否, 12,000.50元, 技师, 全国劳动模范（2015年）…), or “未知” when absent.</summary>
    public string Display(string name) => DisplayOf(Index(name, null));

    /// <summary>
    /// Reads values in their canonical text (<see cref="ToCanonical"/>) — from a stored decision, a form or an import —
    /// with a Chinese reason naming each fact that is unknown or does not parse. A null value leaves the fact absent.
    /// </summary>
    public static Result<FactSet> Parse(FactRegistry registry, DateOnly asOf, IEnumerable<KeyValuePair<string, string?>> values)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(values);
        var facts = registry.NewFactSet(asOf);
        var reasons = new List<string>();
        foreach (var (name, text) in values)
        {
            var definition = registry.Find(name);
            if (definition is null)
            {
                reasons.Add($"未知的事实“{name}”");
                continue;
            }

            if (text is null)
            {
                continue;
            }

            if (facts.TrySetCanonical(registry.IndexOf(name), definition, text.Trim()) is { } reason)
            {
                reasons.Add($"事实“{definition.Label}”（{name}）：{reason}");
            }
        }

        return reasons.Count > 0 ? Result<FactSet>.Fail(reasons) : Result<FactSet>.Ok(facts);
    }

    internal bool IsPresent(int index) => (Present[index >> 6] & (1UL << (index & 63))) != 0;

    internal string? Canonical(int index)
    {
        if (!IsPresent(index))
        {
            return null;
        }

        var type = Registry.Facts[index].Type;
        var slot = Registry.Slot[index];
        return type.Kind switch
        {
            RuleTypeKind.Bool => Longs[slot] != 0 ? "true" : "false",
            RuleTypeKind.Int => Longs[slot].ToString(CultureInfo.InvariantCulture),
            RuleTypeKind.Decimal => Decimals[slot].ToString(CultureInfo.InvariantCulture),
            RuleTypeKind.Money => (Longs[slot] / 100m).ToString("0.00", CultureInfo.InvariantCulture),
            RuleTypeKind.Date => DateOnly.FromDayNumber((int)Longs[slot]).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            RuleTypeKind.String => Strings[slot],
            RuleTypeKind.Enum => type.Enum!.Members[(int)Longs[slot]].Code,
            RuleTypeKind.Set => string.Join(",", MembersOf(type.Enum!, Longs[slot]).Select(m => m.Code)),
            RuleTypeKind.Years => string.Join(",", YearsOf(type.Enum!, Years[slot]).Select(p => p.Member.Code + ":" + p.Year.ToString(CultureInfo.InvariantCulture))),
            RuleTypeKind.List or RuleTypeKind.Map => throw new InvalidOperationException(),
            _ => throw new InvalidOperationException(),
        };
    }

    internal string DisplayOf(int index)
    {
        if (!IsPresent(index))
        {
            return "未知";
        }

        var type = Registry.Facts[index].Type;
        var slot = Registry.Slot[index];
        return type.Kind switch
        {
            RuleTypeKind.Bool => Longs[slot] != 0 ? "是" : "否",
            RuleTypeKind.Int => Longs[slot].ToString(CultureInfo.InvariantCulture),
            RuleTypeKind.Decimal => Decimals[slot].ToString(CultureInfo.InvariantCulture),
            RuleTypeKind.Money => new Money(Longs[slot]).ToChinese(),
            RuleTypeKind.Date => DateOnly.FromDayNumber((int)Longs[slot]).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            RuleTypeKind.String => Strings[slot] ?? "",
            RuleTypeKind.Enum => type.Enum!.Members[(int)Longs[slot]].Label,
            RuleTypeKind.Set => Longs[slot] == 0 ? "无" : string.Join("、", MembersOf(type.Enum!, Longs[slot]).Select(m => m.Label)),
            RuleTypeKind.Years => YearsOf(type.Enum!, Years[slot]).ToList() is { Count: > 0 } years
                ? string.Join("、", years.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Member.Label}（{p.Year}年）")))
                : "无",
            RuleTypeKind.List or RuleTypeKind.Map => throw new InvalidOperationException(),
            _ => throw new InvalidOperationException(),
        };
    }

    private static IEnumerable<EnumMember> MembersOf(EnumDefinition definition, long mask)
    {
        for (var i = 0; i < definition.Members.Count; i++)
        {
            if ((mask & (1L << i)) != 0)
            {
                yield return definition.Members[i];
            }
        }
    }

    private static IEnumerable<(EnumMember Member, long Year)> YearsOf(EnumDefinition definition, long[]? years)
    {
        for (var i = 0; years is not null && i < years.Length && i < definition.Members.Count; i++)
        {
            if (years[i] != 0)
            {
                yield return (definition.Members[i], years[i]);
            }
        }
    }

    private string? TrySetCanonical(int index, FactDefinition definition, string text)
    {
        var type = definition.Type;
        var slot = Registry.Slot[index];
        switch (type.Kind)
        {
            case RuleTypeKind.Bool:
                if (text is not ("true" or "false" or "是" or "否"))
                {
                    return $"“{Clip(text)}”不是“是”或“否”";
                }

                SetLong(index, text is "true" or "是" ? 1 : 0);
                return null;
            case RuleTypeKind.Int:
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return $"“{Clip(text)}”不是整数";
                }

                SetLong(index, number);
                return null;
            case RuleTypeKind.Decimal:
                if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dec))
                {
                    return $"“{Clip(text)}”不是数字";
                }

                Decimals[slot] = dec;
                MarkPresent(index);
                return null;
            case RuleTypeKind.Money:
                var money = Money.Parse(text, allowNegative: true);
                if (!money.IsValid)
                {
                    return money.Error;
                }

                SetLong(index, money.Value.Fen);
                return null;
            case RuleTypeKind.Date:
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return $"“{Clip(text)}”不是yyyy-MM-dd格式的日期";
                }

                SetLong(index, date.DayNumber);
                return null;
            case RuleTypeKind.String:
                Strings[slot] = text;
                MarkPresent(index);
                return null;
            case RuleTypeKind.Enum:
                var member = type.Enum!.IndexOf(text);
                if (member < 0)
                {
                    return $"“{Clip(text)}”不是{type.Enum.Label}的取值（{type.Enum.LabelList}）";
                }

                SetLong(index, member);
                return null;
            case RuleTypeKind.Set:
                long mask = 0;
                foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var position = type.Enum!.IndexOf(part);
                    if (position < 0)
                    {
                        return $"“{Clip(part)}”不是{type.Enum.Label}的取值";
                    }

                    mask |= 1L << position;
                }

                SetLong(index, mask);
                return null;
            case RuleTypeKind.Years:
                var pairs = new List<KeyValuePair<string, int>>();
                foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var colon = part.LastIndexOf(':');
                    if (colon <= 0 || type.Enum!.IndexOf(part[..colon]) < 0 ||
                        !int.TryParse(part[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1 or > 9999)
                    {
                        return $"“{Clip(part)}”应写作“取值:年份”";
                    }

                    pairs.Add(new(part[..colon], year));
                }

                SetYears(definition.Name, pairs);
                return null;
            case RuleTypeKind.List or RuleTypeKind.Map:
            default:
                return "类型不能用于事实";
        }
    }

    private static string Clip(string text) => text.Length <= 20 ? text : text[..20] + "…";

    private int Index(string name, RuleTypeKind? expected)
    {
        var index = Registry.IndexOf(name ?? throw new ArgumentNullException(nameof(name)));
        if (index < 0)
        {
            throw new ArgumentException($"未知的事实“{name}”", nameof(name));
        }

        if (expected is { } kind && Registry.Facts[index].Type.Kind != kind)
        {
            throw new ArgumentException($"事实“{name}”的类型是{Registry.Facts[index].Type.ChineseName}", nameof(name));
        }

        return index;
    }

    private FactSet SetLong(int index, long value)
    {
        Longs[Registry.Slot[index]] = value;
        return MarkPresent(index);
    }

    private FactSet MarkPresent(int index)
    {
        Present[index >> 6] |= 1UL << (index & 63);
        return this;
    }

    /// <summary>“person.age=45; skill.level=技师 …” for debugging.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Registry.Facts.Count; i++)
        {
            if (IsPresent(i))
            {
                text.Append(Registry.Facts[i].Name).Append('=').Append(DisplayOf(i)).Append("; ");
            }
        }

        return text.ToString();
    }
}
