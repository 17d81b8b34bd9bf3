using System.Globalization;
using Gongjiang.Core.Common;
using Gongjiang.Core.Policies;
using Gongjiang.Web.Platform.Api;

namespace Gongjiang.Web.Features.Policies.Catalogue;

/// <summary>A policy document as entered (form or API). Names match the API's fields and the form's inputs.</summary>
public sealed class DocumentInput
{
    public string? Title { get; set; }

    public string? DocumentNumber { get; set; }

    public string? IssuingBody { get; set; }

    /// <summary>yyyy-MM-dd.</summary>
    public string? IssuedOn { get; set; }

    /// <summary>The issuing jurisdiction's six-digit code (000000 national, 440000 province, 440300 city…).</summary>
    public string? RegionCode { get; set; }

    /// <summary>示例 (demonstration) document.</summary>
    public bool IsExample { get; set; }
}

/// <summary>
/// A benefit item version as entered (form or API): texts as typed, parsed into a <see cref="BenefitItemVersion"/> by
/// <see cref="Parse"/> with a Chinese message per field. Lists are one entry per line.
/// </summary>
public sealed class ItemInput
{
    /// <summary>The document the version comes from (its jurisdiction is the version's).</summary>
    public string? DocumentId { get; set; }

    /// <summary>The version this one follows (a new version of the same item), if any.</summary>
    public string? BasedOn { get; set; }

    public string? ItemKey { get; set; }

    public string? Name { get; set; }

    /// <summary>Political, Economic, Social or Other (or 政治待遇…).</summary>
    public string? Category { get; set; }

    public string? EffectiveFrom { get; set; }

    public string? EffectiveTo { get; set; }

    public string? Eligibility { get; set; }

    /// <summary>None, LeftToRegion, Fixed, Formula or Table.</summary>
    public string? AmountKind { get; set; }

    /// <summary>元, at most two decimals.</summary>
    public string? FixedAmount { get; set; }

    public string? Formula { get; set; }

    public string? TableFact { get; set; }

    /// <summary>One row a line: “技师=800”.</summary>
    public string? TableRows { get; set; }

    public string? TableDefault { get; set; }

    /// <summary>OneTime, Monthly or Yearly.</summary>
    public string? Frequency { get; set; }

    public string? Cap { get; set; }

    public string? DepartmentCode { get; set; }

    public string? LegalBasis { get; set; }

    public string? TimeLimitWorkingDays { get; set; }

    /// <summary>One material a line.</summary>
    public string? RequiredMaterials { get; set; }

    /// <summary>One parameter a line: “名称|中文名|类型|值”, e.g. “amount|补贴金额|money|100000”.</summary>
    public string? Parameters { get; set; }

    public string? Description { get; set; }

    public bool OverridableBelow { get; set; } = true;

    public bool IsExample { get; set; }

    /// <summary>End the version in force before this one on this one's first day (otherwise an overlap is refused).</summary>
    public bool ClosePrevious { get; set; } = true;

    /// <summary>The form's button: check, find, preview or save.</summary>
    public string? Command { get; set; }

    public string? PersonQuery { get; set; }

    public string? PersonId { get; set; }

    public string? PreviewAsOf { get; set; }

    /// <summary>The form filled from an existing version (for its next version).</summary>
    public static ItemInput From(BenefitItemVersion version, FactRegistry registry) => new()
    {
        DocumentId = version.DocumentId,
        BasedOn = version.VersionId,
        ItemKey = version.ItemKey,
        Name = version.Name,
        Category = version.Category.ToString(),
        EffectiveFrom = null,
        Eligibility = version.Eligibility,
        AmountKind = version.Amount.Kind.ToString(),
        FixedAmount = version.Amount.Fixed?.Yuan.ToString("0.##", CultureInfo.InvariantCulture),
        Formula = version.Amount.Formula,
        TableFact = version.Amount.TableFact,
        TableRows = string.Join("\n", version.Amount.Rows.Select(r => RowKey(r.Key, registry, version.Amount.TableFact) + "=" + r.Amount.Yuan.ToString("0.##", CultureInfo.InvariantCulture))),
        TableDefault = version.Amount.TableDefault?.Yuan.ToString("0.##", CultureInfo.InvariantCulture),
        Frequency = version.Frequency.ToString(),
        Cap = version.Cap?.Yuan.ToString("0.##", CultureInfo.InvariantCulture),
        DepartmentCode = version.DepartmentCode,
        LegalBasis = version.LegalBasis,
        TimeLimitWorkingDays = version.TimeLimitWorkingDays?.ToString(CultureInfo.InvariantCulture),
        RequiredMaterials = string.Join("\n", version.RequiredMaterials),
        Parameters = string.Join("\n", version.Parameters.Select(p => $"{p.Name}|{p.Label}|{p.Type}|{p.Value}")),
        Description = version.Description,
        OverridableBelow = version.OverridableBelow,
        IsExample = version.IsExample,
    };

    private static string RowKey(string key, FactRegistry registry, string? fact) =>
        registry.Find(fact)?.Type.Enum is { } e && e.IndexOf(key) >= 0 ? e.Members[e.IndexOf(key)].Label : key;

    /// <summary>
    /// The version this input describes, for the jurisdiction <paramref name="regionCode"/>, or the fields that do not
    /// parse (dates, amounts, lists). Rules are checked afterwards by <see cref="BenefitItemRules.Validate"/>.
    /// </summary>
    public BenefitItemVersion? Parse(string regionCode, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var category = ParseEnum<BenefitCategory>(Category, "category", "待遇类别", errors, PolicyNames.Of);
        var frequency = ParseEnum<PaymentFrequency>(Frequency, "frequency", "发放频次", errors, PolicyNames.Of);
        var kind = ParseEnum<AmountKind>(AmountKind, "amountKind", "金额方式", errors, AmountKinds.ChineseName);
        var from = ParseDate(EffectiveFrom, "effectiveFrom", "生效日期", errors, required: true);
        var to = ParseDate(EffectiveTo, "effectiveTo", "失效日期", errors, required: false);
        var cap = ParseMoney(Cap, "cap", "封顶金额", errors);
        int? timeLimit = null;
        if (!string.IsNullOrWhiteSpace(TimeLimitWorkingDays))
        {
            if (int.TryParse(TimeLimitWorkingDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            {
                timeLimit = days;
            }
            else
            {
                errors.Add("timeLimitWorkingDays", "承诺时限应为工作日天数（整数）");
            }
        }

        var amount = kind switch
        {
            Core.Policies.AmountKind.Fixed => ParseMoney(FixedAmount, "fixedAmount", "固定金额", errors) is { } fixedAmount
                ? AmountRule.FixedAmount(fixedAmount)
                : Required("fixedAmount", "固定金额", errors),
            Core.Policies.AmountKind.Formula => AmountRule.FormulaOf(Formula ?? ""),
            Core.Policies.AmountKind.Table => new AmountRule
            {
                Kind = Core.Policies.AmountKind.Table,
                TableFact = TableFact?.Trim(),
                Rows = ParseRows(errors),
                TableDefault = ParseMoney(TableDefault, "tableDefault", "其他情形金额", errors),
            },
            Core.Policies.AmountKind.LeftToRegion => AmountRule.LeftToRegion,
            _ => AmountRule.None,
        };
        var parameters = ParseParameters(errors);
        if (from is null || category is null || frequency is null || kind is null || amount is null)
        {
            return null;
        }

        var key = (ItemKey ?? "").Trim();
        return new BenefitItemVersion
        {
            VersionId = string.Create(CultureInfo.InvariantCulture, $"{regionCode}-{key}-{from.Value:yyyyMMdd}"),
            ItemKey = key,
            Name = (Name ?? "").Trim(),
            Category = category.Value,
            RegionCode = regionCode,
            DocumentId = string.IsNullOrWhiteSpace(DocumentId) ? null : DocumentId.Trim(),
            EffectiveFrom = from.Value,
            EffectiveTo = to,
            Eligibility = (Eligibility ?? "").Trim().Length == 0 ? "" : Eligibility!,
            Amount = amount,
            Frequency = frequency.Value,
            Cap = cap,
            DepartmentCode = string.IsNullOrWhiteSpace(DepartmentCode) ? null : DepartmentCode.Trim(),
            LegalBasis = (LegalBasis ?? "").Trim(),
            TimeLimitWorkingDays = timeLimit,
            RequiredMaterials = Lines(RequiredMaterials),
            OverridableBelow = OverridableBelow,
            Parameters = parameters,
            IsExample = IsExample,
            Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(),
        };
    }

    private static AmountRule? Required(string field, string label, FieldErrors errors)
    {
        if (errors.For(field) is null)
        {
            errors.Add(field, label + "不能为空");
        }

        return null;
    }

    private List<AmountTableRow> ParseRows(FieldErrors errors)
    {
        var rows = new List<AmountTableRow>();
        var lines = Lines(TableRows);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var separator = line.LastIndexOfAny(['=', '＝', '：', ':']);
            if (separator <= 0)
            {
                errors.Add("tableRows", string.Create(CultureInfo.InvariantCulture, $"第{i + 1}行“{line}”应写作“取值=金额”，如“技师=800”"));
                continue;
            }

            var money = Money.Parse(line[(separator + 1)..].Trim());
            if (!money.IsValid)
            {
                errors.Add("tableRows", string.Create(CultureInfo.InvariantCulture, $"第{i + 1}行的金额：{money.Error}"));
                continue;
            }

            rows.Add(new AmountTableRow(line[..separator].Trim(), money.Value));
        }

        return rows;
    }

    private List<RuleParameter> ParseParameters(FieldErrors errors)
    {
        var parameters = new List<RuleParameter>();
        var lines = Lines(Parameters);
        for (var i = 0; i < lines.Count; i++)
        {
            var parts = lines[i].Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length != 4)
            {
                errors.Add("parameters", string.Create(CultureInfo.InvariantCulture, $"第{i + 1}行应写作“名称|中文名|类型|值”，如“amount|补贴金额|money|100000”"));
                continue;
            }

            var value = parts[3];
            if (parts[2] == "money")
            {
                var money = Money.Parse(value);
                if (!money.IsValid)
                {
                    errors.Add("parameters", string.Create(CultureInfo.InvariantCulture, $"第{i + 1}行（{parts[1]}）：{money.Error}"));
                    continue;
                }

                value = money.Value.Yuan.ToString("0.00", CultureInfo.InvariantCulture);
            }

            parameters.Add(new RuleParameter(parts[0], parts[1], parts[2], value));
        }

        return parameters;
    }

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static TEnum? ParseEnum<TEnum>(string? text, string field, string label, FieldErrors errors, Func<TEnum, string> chinese)
        where TEnum : struct, Enum
    {
        var value = (text ?? "").Trim();
        foreach (var member in Enum.GetValues<TEnum>())
        {
            if (string.Equals(member.ToString(), value, StringComparison.OrdinalIgnoreCase) || chinese(member) == value)
            {
                return member;
            }
        }

        errors.Add(field, value.Length == 0 ? $"请选择{label}" : $"{label}“{value}”无效（可选：{string.Join("、", Enum.GetValues<TEnum>().Select(chinese))}）");
        return null;
    }

    internal static DateOnly? ParseDate(string? text, string field, string label, FieldErrors errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(field, label + "不能为空");
            }

            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, label + "应为 yyyy-MM-dd 格式的日期，如 2026-01-01");
        return null;
    }

    private static Money? ParseMoney(string? text, string field, string label, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var money = Money.Parse(text.Trim());
        if (!money.IsValid)
        {
            errors.Add(field, label + "：" + money.Error);
            return null;
        }

        return money.Value;
    }
}

/// <summary>Chinese names of <see cref="AmountKind"/>.</summary>
public static class AmountKinds
{
    public static string ChineseName(AmountKind kind) => kind switch
    {
        AmountKind.None => "不涉及金额",
        AmountKind.LeftToRegion => "金额由各地确定",
        AmountKind.Fixed => "固定金额",
        AmountKind.Formula => "按公式计算",
        AmountKind.Table => "按事实查表",
        _ => "未知",
    };
}
