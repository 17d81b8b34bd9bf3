using System.Globalization;
using Gongjiang.Core.Common;
using Gongjiang.Core.Skills;

namespace Gongjiang.Core.Wages;

/// <summary>
/// One employee's row of an enterprise's annual wage report (工资报送, policy 四). Pay is the year's gross pay
/// (应发工资, 《关于工资总额组成的规定》 国家统计局令第1号) in 分.
/// </summary>
/// <param name="PersonKey">A stable key of the person (e.g. the registry's ID-number hash), used to match the two years.</param>
/// <param name="Category">人员类别.</param>
/// <param name="Tier">岗位层级: required for 管理人员, optional for others.</param>
/// <param name="Frontline">一线岗位; null = not stated.</param>
/// <param name="OccupationCode">职业编码, for skilled staff.</param>
/// <param name="SkillLevel">职业技能等级, for skilled staff.</param>
/// <param name="MonthsWorked">Months worked in the year, 1–12.</param>
/// <param name="TotalPay">年度应发工资总额.</param>
/// <param name="BasicPay">基本工资.</param>
/// <param name="PerformancePay">绩效工资（奖金）.</param>
/// <param name="Allowances">津贴补贴 (including <paramref name="SpecialPostAllowance"/> and <paramref name="MentorAllowance"/>).</param>
/// <param name="SpecialPostAllowance">其中：特聘岗位津贴.</param>
/// <param name="MentorAllowance">其中：带徒津贴.</param>
/// <param name="SeniorityPay">年资工资.</param>
public sealed record WageReportRow(
    string PersonKey,
    StaffCategory Category,
    PostTier? Tier,
    bool? Frontline,
    string? OccupationCode,
    SkillLevel? SkillLevel,
    int MonthsWorked,
    Money TotalPay,
    Money BasicPay,
    Money PerformancePay,
    Money Allowances,
    Money SpecialPostAllowance,
    Money MentorAllowance,
    Money SeniorityPay)
{
    /// <summary>Pay not in the listed parts (其他): total minus 基本工资、绩效、津贴补贴、年资工资.</summary>
    public Money OtherPay => TotalPay - BasicPay - PerformancePay - Allowances - SeniorityPay;
}

/// <summary>The keys of the fields of a wage-report row, as used in error maps (and as template column keys).</summary>
public static class WageRowFields
{
    public const string PersonKey = "personKey";
    public const string Category = "category";
    public const string Tier = "tier";
    public const string Frontline = "frontline";
    public const string OccupationCode = "occupationCode";
    public const string SkillLevel = "skillLevel";
    public const string MonthsWorked = "monthsWorked";
    public const string TotalPay = "totalPay";
    public const string BasicPay = "basicPay";
    public const string PerformancePay = "performancePay";
    public const string Allowances = "allowances";
    public const string SpecialPostAllowance = "specialPostAllowance";
    public const string MentorAllowance = "mentorAllowance";
    public const string SeniorityPay = "seniorityPay";

    /// <summary>The Chinese column name of a field key (the name every message uses).</summary>
    public static string ChineseName(string field) => field switch
    {
        PersonKey => "人员",
        Category => "人员类别",
        Tier => "岗位层级",
        Frontline => "是否一线岗位",
        OccupationCode => "职业编码",
        SkillLevel => "职业技能等级",
        MonthsWorked => "工作月数",
        TotalPay => "年度应发工资总额",
        BasicPay => "基本工资",
        PerformancePay => "绩效工资",
        Allowances => "津贴补贴",
        SpecialPostAllowance => "特聘岗位津贴",
        MentorAllowance => "带徒津贴",
        SeniorityPay => "年资工资",
        _ => field,
    };
}

/// <summary>Limits a row must respect. Not law: sanity limits chosen by the deployment.</summary>
/// <param name="AnnualPayLimit">The largest annual pay accepted without question (default 1000万元).</param>
public sealed record WageRowLimits(Money AnnualPayLimit)
{
    /// <summary>1000万元 a year.</summary>
    public static WageRowLimits Default { get; } = new(new Money(1_000_000_000L));
}

/// <summary>A row as read from a template: every cell as text (null = empty).</summary>
public sealed record WageRowText(
    string? PersonKey,
    string? Category,
    string? Tier,
    string? Frontline,
    string? OccupationCode,
    string? SkillLevel,
    string? MonthsWorked,
    string? TotalPay,
    string? BasicPay,
    string? PerformancePay,
    string? Allowances,
    string? SpecialPostAllowance,
    string? MentorAllowance,
    string? SeniorityPay);

/// <summary>
/// Checks a wage-report row (issue 15 “bad input”): months 1–12, every amount non-negative and within the sanity limit,
/// the parts not exceeding the total (其中 items not exceeding 津贴补贴), a known category with its tier, and a 高技能人才
/// row at 高级工 or above. Each problem is a Chinese message naming the field, keyed by <see cref="WageRowFields"/>.
/// </summary>
public static class WageRowRules
{
    /// <summary>Field → message; empty when the row is valid.</summary>
    public static IReadOnlyDictionary<string, string> Check(WageReportRow row, WageRowLimits limits)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(row.PersonKey))
        {
            errors[WageRowFields.PersonKey] = "人员不能为空";
        }

        if (!Enum.IsDefined(row.Category))
        {
            errors[WageRowFields.Category] = string.Create(CultureInfo.InvariantCulture, $"人员类别“{(int)row.Category}”无法识别，应为高技能人才、其他技能人员、专业技术人员、管理人员、其他之一");
        }
        else if (row.Category == StaffCategory.Manager && row.Tier is null)
        {
            errors[WageRowFields.Tier] = "管理人员须填写岗位层级（高层、中层、基层）";
        }
        else if (row.Category == StaffCategory.HighSkill && (row.SkillLevel is not { } level || !SkillLevels.IsHighSkill(level)))
        {
            errors[WageRowFields.SkillLevel] = row.SkillLevel is { } low
                ? $"高技能人才须具有高级工及以上等级，现为{SkillLevels.DisplayName(low)}"
                : "高技能人才须填写职业技能等级（高级工及以上）";
        }
        else if (row.Category == StaffCategory.OtherSkilled && row.SkillLevel is { } high && SkillLevels.IsHighSkill(high))
        {
            errors[WageRowFields.Category] = $"职业技能等级为{SkillLevels.DisplayName(high)}的技能人员应填报为高技能人才";
        }

        if (row.Tier is { } tier && !Enum.IsDefined(tier))
        {
            errors[WageRowFields.Tier] = "岗位层级无法识别，应为高层、中层、基层之一";
        }

        if (row.MonthsWorked is < 1 or > 12)
        {
            errors[WageRowFields.MonthsWorked] = string.Create(CultureInfo.InvariantCulture, $"工作月数应为1至12，现为{row.MonthsWorked}");
        }

        foreach (var (field, amount) in Amounts(row))
        {
            if (amount.IsNegative)
            {
                errors[field] = $"{WageRowFields.ChineseName(field)}不能为负数";
            }
            else if (amount > limits.AnnualPayLimit)
            {
                errors[field] = $"{WageRowFields.ChineseName(field)}{amount.ToChinese()}超过上限{limits.AnnualPayLimit.ToChinese()}，请核对";
            }
        }

        if (errors.Count == 0)
        {
            if (row.TotalPay == Money.Zero)
            {
                errors[WageRowFields.TotalPay] = "年度应发工资总额不能为0";
            }

            var parts = row.BasicPay + row.PerformancePay + row.Allowances + row.SeniorityPay;
            if (parts > row.TotalPay)
            {
                errors[WageRowFields.TotalPay] = $"基本工资、绩效工资、津贴补贴、年资工资合计{parts.ToChinese()}，超过年度应发工资总额{row.TotalPay.ToChinese()}";
            }

            var within = row.SpecialPostAllowance + row.MentorAllowance;
            if (within > row.Allowances)
            {
                errors[WageRowFields.Allowances] = $"其中特聘岗位津贴、带徒津贴合计{within.ToChinese()}，超过津贴补贴{row.Allowances.ToChinese()}";
            }
        }

        return errors;
    }

    /// <summary>
    /// Reads and checks a row from text cells (template import): category and tier by name, months as a whole number,
    /// amounts by <see cref="Money.Parse"/> (empty parts are 0; the total is required), the skill level by
    /// <see cref="SkillLevels.Parse"/>, the occupation by <see cref="Registry.OccupationCode.Parse"/>, 一线岗位 as 是/否. Returns the row or every field's message.
    /// </summary>
    public static (WageReportRow? Row, IReadOnlyDictionary<string, string> Errors) Read(WageRowText text, WageRowLimits limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var category = StaffCategories.Parse(text.Category);
        if (!category.IsValid)
        {
            errors[WageRowFields.Category] = category.Error!;
        }

        var tier = StaffCategories.ParseTier(text.Tier);
        if (!tier.IsValid)
        {
            errors[WageRowFields.Tier] = tier.Error!;
        }

        SkillLevel? level = null;
        if (!string.IsNullOrWhiteSpace(text.SkillLevel))
        {
            var parsed = SkillLevels.Parse(text.SkillLevel);
            if (parsed.IsValid)
            {
                level = parsed.Value;
            }
            else
            {
                errors[WageRowFields.SkillLevel] = parsed.Error!;
            }
        }

        string? occupation = null;
        if (!string.IsNullOrWhiteSpace(text.OccupationCode))
        {
            var code = Registry.OccupationCode.Parse(text.OccupationCode);
            if (code.IsValid)
            {
                occupation = code.Value!.Value;
            }
            else
            {
                errors[WageRowFields.OccupationCode] = code.Error!;
            }
        }

        var months = 0;
        var monthsText = Standards.IdentifierText.Normalize(text.MonthsWorked).TrimEnd('个', '月');
        if (monthsText.Length == 0)
        {
            errors[WageRowFields.MonthsWorked] = "工作月数不能为空，应为1至12";
        }
        else if (!int.TryParse(monthsText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out months))
        {
            errors[WageRowFields.MonthsWorked] = $"工作月数“{text.MonthsWorked!.Trim()}”应为1至12的整数";
        }

        var amounts = new Dictionary<string, Money>(StringComparer.Ordinal);
        foreach (var (field, cell, required) in new (string, string?, bool)[]
        {
            (WageRowFields.TotalPay, text.TotalPay, true),
            (WageRowFields.BasicPay, text.BasicPay, false),
            (WageRowFields.PerformancePay, text.PerformancePay, false),
            (WageRowFields.Allowances, text.Allowances, false),
            (WageRowFields.SpecialPostAllowance, text.SpecialPostAllowance, false),
            (WageRowFields.MentorAllowance, text.MentorAllowance, false),
            (WageRowFields.SeniorityPay, text.SeniorityPay, false),
        })
        {
            if (string.IsNullOrWhiteSpace(cell) && !required)
            {
                amounts[field] = Money.Zero;
                continue;
            }

            var money = Money.Parse(cell, allowNegative: true);
            if (money.IsValid)
            {
                amounts[field] = money.Value;
            }
            else
            {
                errors[field] = WageRowFields.ChineseName(field) + "：" + money.Error;
            }
        }

        bool? frontline = Standards.IdentifierText.Normalize(text.Frontline) switch
        {
            "" => null,
            "是" or "Y" or "YES" or "TRUE" or "1" or "一线" => true,
            "否" or "N" or "NO" or "FALSE" or "0" => false,
            _ => Fail(errors, WageRowFields.Frontline, $"是否一线岗位“{text.Frontline!.Trim()}”应为是或否"),
        };

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var row = new WageReportRow(
            text.PersonKey?.Trim() ?? "", category.Value, tier.Value, frontline,
            occupation, level, months,
            amounts[WageRowFields.TotalPay], amounts[WageRowFields.BasicPay], amounts[WageRowFields.PerformancePay],
            amounts[WageRowFields.Allowances], amounts[WageRowFields.SpecialPostAllowance], amounts[WageRowFields.MentorAllowance],
            amounts[WageRowFields.SeniorityPay]);
        var checks = Check(row, limits);
        return checks.Count == 0 ? (row, checks) : (null, checks);
    }

    private static bool? Fail(Dictionary<string, string> errors, string field, string message)
    {
        errors[field] = message;
        return null;
    }

    private static IEnumerable<(string Field, Money Amount)> Amounts(WageReportRow row) =>
    [
        (WageRowFields.TotalPay, row.TotalPay),
        (WageRowFields.BasicPay, row.BasicPay),
        (WageRowFields.PerformancePay, row.PerformancePay),
        (WageRowFields.Allowances, row.Allowances),
        (WageRowFields.SpecialPostAllowance, row.SpecialPostAllowance),
        (WageRowFields.MentorAllowance, row.MentorAllowance),
        (WageRowFields.SeniorityPay, row.SeniorityPay),
    ];
}
