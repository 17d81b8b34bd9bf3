using Gongjiang.Core.Common;
using Gongjiang.Core.Skills;
using Gongjiang.Core.Wages;

namespace Gongjiang.Core.Tests.Wages;

public sealed class WageRowRulesTests
{
    private static WageRowText Text(
        string? category = "高技能人才", string? tier = null, string? level = "技师", string? months = "12", string? total = "120000",
        string? basic = "60000", string? performance = "40000", string? allowances = "12000", string? special = "6000", string? mentor = "2400", string? seniority = "3600") =>
        new("p1", category, tier, "是", "6-18-01-01", level, months, total, basic, performance, allowances, special, mentor, seniority);

    [Fact]
    public void A_good_row_reads_into_money_and_names()
    {
        var (row, errors) = WageRowRules.Read(Text(), WageRowLimits.Default);

        Assert.Empty(errors);
        Assert.Equal(StaffCategory.HighSkill, row!.Category);
        Assert.Equal(SkillLevel.Technician, row.SkillLevel);
        Assert.Equal(new Money(12_000_000), row.TotalPay);
        Assert.Equal(new Money(440_000), row.OtherPay); // 120000 − 60000 − 40000 − 12000 − 3600 = 4400 元
        Assert.True(row.Frontline);
    }

    public static TheoryData<string, WageRowText, string, string> BadRows => new()
    {
        // issue 15 bad input: months outside 1–12
        { "13 months", Text(months: "13"), WageRowFields.MonthsWorked, "工作月数应为1至12，现为13" },
        { "0 months", Text(months: "0"), WageRowFields.MonthsWorked, "工作月数应为1至12，现为0" },
        { "months as text", Text(months: "全年"), WageRowFields.MonthsWorked, "工作月数“全年”应为1至12的整数" },
        // negative pay
        { "negative basic pay", Text(basic: "-100"), WageRowFields.BasicPay, "基本工资不能为负数" },
        // over the sanity limit (1000万元)
        { "over the limit", Text(total: "12000000", basic: "0", performance: "0", allowances: "0", special: "0", mentor: "0", seniority: "0"), WageRowFields.TotalPay, "年度应发工资总额12,000,000.00元超过上限10,000,000.00元，请核对" },
        // an unknown category
        { "unknown category", Text(category: "临时工"), WageRowFields.Category, "人员类别“临时工”无法识别，应为高技能人才、其他技能人员、专业技术人员、管理人员、其他之一" },
        // parts exceed the total
        { "parts over total", Text(total: "100000"), WageRowFields.TotalPay, "基本工资、绩效工资、津贴补贴、年资工资合计115,600.00元，超过年度应发工资总额100,000.00元" },
        // 其中 items exceed 津贴补贴
        { "special over allowances", Text(allowances: "5000", special: "4000", mentor: "2000"), WageRowFields.Allowances, "其中特聘岗位津贴、带徒津贴合计6,000.00元，超过津贴补贴5,000.00元" },
        // 管理人员 need their level (高层/中层/基层)
        { "manager without tier", Text(category: "管理人员", level: null), WageRowFields.Tier, "管理人员须填写岗位层级（高层、中层、基层）" },
        { "unknown tier", Text(category: "管理人员", tier: "顶层", level: null), WageRowFields.Tier, "岗位层级“顶层”无法识别，应为高层、中层、基层之一" },
        // 高技能人才 = 高级工 and above (SkillLevels.IsHighSkill)
        { "high skill at 中级工", Text(level: "中级工"), WageRowFields.SkillLevel, "高技能人才须具有高级工及以上等级，现为中级工（四级）" },
        { "other skilled at 技师", Text(category: "其他技能人员"), WageRowFields.Category, "职业技能等级为技师（二级）的技能人员应填报为高技能人才" },
        // a total is required; amounts are money
        { "no total", Text(total: ""), WageRowFields.TotalPay, "年度应发工资总额：金额不能为空" },
        { "three decimals", Text(basic: "60000.123"), WageRowFields.BasicPay, "基本工资：金额最多保留两位小数（精确到分）" },
        // 职业编码 of 《职业分类大典（2022年版）》
        { "occupation code", Text() with { OccupationCode = "6-18-01" }, WageRowFields.OccupationCode, "职业编码“6-18-01”格式应为 D-DD-DD-DD（如 6-18-01-01）" },
        { "frontline", Text() with { Frontline = "大概" }, WageRowFields.Frontline, "是否一线岗位“大概”应为是或否" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Bad_rows_are_refused_with_a_Chinese_message_naming_the_field(string because, WageRowText text, string field, string message)
    {
        var (row, errors) = WageRowRules.Read(text, WageRowLimits.Default);

        Assert.Null(row);
        Assert.True(errors.ContainsKey(field), because);
        Assert.Equal(message, errors[field]);
    }

    [Theory]
    // template spellings of the categories of issue 15
    [InlineData("高技能人才", StaffCategory.HighSkill)]
    [InlineData("其他技能人员", StaffCategory.OtherSkilled)]
    [InlineData("专业技术人员", StaffCategory.ProfessionalTechnical)]
    [InlineData("专技人员", StaffCategory.ProfessionalTechnical)]
    [InlineData(" 管理人员 ", StaffCategory.Manager)]
    [InlineData("其他", StaffCategory.Other)]
    [InlineData("辅助人员", StaffCategory.Other)]
    [InlineData("manager", StaffCategory.Manager)]
    public void Categories_parse_from_their_Chinese_names(string text, StaffCategory category)
    {
        Assert.Equal(category, StaffCategories.Parse(text).Value);
    }

    [Theory]
    [InlineData("中层", PostTier.Middle)]
    [InlineData("中层管理人员", PostTier.Middle)]
    [InlineData("高层管理岗", PostTier.Senior)]
    [InlineData("基层", PostTier.Junior)]
    [InlineData("", null)]
    public void Tiers_parse_with_or_without_the_word_management(string text, PostTier? tier)
    {
        Assert.Equal(tier, StaffCategories.ParseTier(text).Value);
    }

    [Fact]
    public void Typed_rows_from_the_API_get_the_same_checks()
    {
        var row = new WageReportRow("p1", StaffCategory.HighSkill, null, true, null, SkillLevel.Senior, 12,
            new Money(-1), Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero, Money.Zero);

        var errors = WageRowRules.Check(row, WageRowLimits.Default);

        Assert.Equal("年度应发工资总额不能为负数", errors[WageRowFields.TotalPay]);
    }
}
