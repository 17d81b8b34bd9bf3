using Gongjiang.Core.Common;
using Gongjiang.Core.Reference;

namespace Gongjiang.Core.Policies;

/// <summary>
/// Seed data for the benefit catalogue: the national items that 《关于提高技术工人待遇的意见》三(二)–(四) and 四 name, with
/// amounts left to regions (the policy sets none: “各地要…结合实际制定支持政策”), and an example province (广东 440000)
/// and city (深圳 440300) whose documents, items and amounts are invented for demonstration and flagged
/// <see cref="BenefitItemVersion.IsExample"/> / <see cref="PolicyDocument.IsExample"/> — every page must label them 示例.
/// </summary>
/// <remarks>
/// The 意见 was issued by 中共中央办公厅、国务院办公厅 in March 2018; its 文号 is not given in the published text, so it is
/// left empty, and the day (2018-03-22) is the publication date as remembered [M] — check before relying on it.
/// 人社部发〔2018〕24号 (2018-04-20) is quoted from the notice itself.
/// </remarks>
public static class PolicySeed
{
    public const string NationalDocumentId = "cn-2018-opinion";
    public const string MinistryNoticeId = "cn-2018-mohrss-24";
    public const string GuangdongDocumentId = "gd-example-2019";
    public const string ShenzhenDocumentId = "sz-example-2020";

    private const string Opinion = "《关于提高技术工人待遇的意见》";
    private const string LeadingTalent = StandardFacts.TalentIsLeading;
    private static readonly DateOnly NationalFrom = new(2018, 3, 22);
    private static readonly DateOnly GuangdongFrom = new(2019, 1, 1);
    private static readonly DateOnly ShenzhenFrom = new(2020, 1, 1);

    public static IReadOnlyList<PolicyDocument> Documents { get; } =
    [
        new(NationalDocumentId, Opinion, null, "中共中央办公厅 国务院办公厅", NationalFrom, "000000"),
        new(MinistryNoticeId, "人力资源社会保障部关于贯彻落实《关于提高技术工人待遇的意见》精神的通知", "人社部发〔2018〕24号", "人力资源社会保障部", new(2018, 4, 20), "000000"),
        new(GuangdongDocumentId, "（示例）广东省提高技术工人待遇实施办法", "粤人社规〔示例〕1号", "广东省人力资源和社会保障厅（示例）", GuangdongFrom, "440000", IsExample: true),
        new(ShenzhenDocumentId, "（示例）深圳市高技能领军人才待遇实施细则", "深人社规〔示例〕2号", "深圳市人力资源和社会保障局（示例）", ShenzhenFrom, "440300", IsExample: true),
    ];

    /// <summary>The national items of 三(二)–(四) and 四, amounts left to regions.</summary>
    public static IReadOnlyList<BenefitItemVersion> NationalItems { get; } =
    [
        National("special-award", "特殊奖励", BenefitCategory.Political, "三（二）", LeadingTalent, AmountRule.LeftToRegion, PaymentFrequency.OneTime, Departments.Hrss,
            "鼓励行业主管部门、群团组织、行业协会、企业及社会各方面力量，以多种方式对高技能领军人才进行特殊奖励"),
        National("national-study-tour", "国情研修考察", BenefitCategory.Political, "三（二）", LeadingTalent, AmountRule.None, PaymentFrequency.Yearly, Departments.Hrss,
            "定期组织高技能领军人才国情研修考察、面向社会进行咨询服务等活动"),
        National("special-post-allowance", "特聘岗位津贴", BenefitCategory.Economic, "三（三）", LeadingTalent, AmountRule.LeftToRegion, PaymentFrequency.Monthly, Departments.Hrss,
            "鼓励各类企业设立特聘岗位津贴、带徒津贴等"),
        National("apprentice-allowance", "带徒津贴", BenefitCategory.Economic, "三（三）", $"{LeadingTalent} && {StandardFacts.Apprentices} >= 1", AmountRule.LeftToRegion, PaymentFrequency.Monthly, Departments.Hrss,
            "鼓励各类企业设立特聘岗位津贴、带徒津贴等"),
        National("seniority-wage", "年资（年功）工资", BenefitCategory.Economic, "三（三）", LeadingTalent, AmountRule.LeftToRegion, PaymentFrequency.Monthly, Departments.Hrss,
            "鼓励企业为高技能领军人才制定职业发展规划和年资（年功）工资制度，合理确定年资起加点和工资级差"),
        National("annual-salary", "年薪制", BenefitCategory.Economic, "三（三）", LeadingTalent, AmountRule.None, PaymentFrequency.Yearly, Departments.Hrss,
            "试行高技能领军人才年薪制和股权期权激励，参照高级管理人员标准落实经济待遇"),
        National("performance-award", "科研项目绩效奖励", BenefitCategory.Economic, "三（三）", $"{LeadingTalent} && {StandardFacts.NationalProject}", AmountRule.LeftToRegion, PaymentFrequency.OneTime, Departments.Science,
            "对于参与国家科技计划项目的高技能领军人才，鼓励所在单位根据其在项目中的实际贡献给予绩效奖励"),
        National("settling-allowance", "安家补贴", BenefitCategory.Social, "三（四）", $"{LeadingTalent} && {StandardFacts.TalentIntroduced}", AmountRule.LeftToRegion, PaymentFrequency.OneTime, Departments.Hrss,
            "鼓励各地根据实际情况，研究探索对高技能领军人才在购（租）住房、安家补贴、子女接受义务教育等方面的支持政策"),
        National("housing-purchase", "购（租）住房支持", BenefitCategory.Social, "三（四）", $"{LeadingTalent} && !{StandardFacts.OwnsHome}", AmountRule.LeftToRegion, PaymentFrequency.OneTime, Departments.Housing,
            "研究探索对高技能领军人才在购（租）住房…等方面的支持政策"),
        National("talent-apartment", "人才公寓", BenefitCategory.Social, "三（四）", $"{LeadingTalent} && {StandardFacts.TalentIntroduced} && !{StandardFacts.OwnsHome}", AmountRule.None, PaymentFrequency.Monthly, Departments.Housing,
            "通过提供人才公寓和发放房租补贴等方式，解决引进高技能领军人才的住房问题"),
        National("rent-subsidy", "房租补贴", BenefitCategory.Social, "三（四）", $"{LeadingTalent} && {StandardFacts.TalentIntroduced} && !{StandardFacts.OwnsHome}", AmountRule.LeftToRegion, PaymentFrequency.Monthly, Departments.Housing,
            "通过提供人才公寓和发放房租补贴等方式，解决引进高技能领军人才的住房问题"),
        National("child-education", "子女接受义务教育", BenefitCategory.Social, "三（四）", $"{LeadingTalent} && {StandardFacts.SchoolAgeChildren} > 0", AmountRule.None, PaymentFrequency.OneTime, Departments.Education,
            "研究探索对高技能领军人才在…子女接受义务教育等方面的支持政策"),
        National("points-settlement", "积分落户放宽", BenefitCategory.Social, "三（四）", $"{LeadingTalent} && {StandardFacts.HouseholdRegistration} != {StandardFacts.RegionCode}", AmountRule.None, PaymentFrequency.OneTime, Departments.PublicSecurity,
            "实施积分落户的城市，要重点考虑高技能领军人才落户需求并放宽落户条件限制"),
        National("dependants-employment", "配偶子女就业指导", BenefitCategory.Social, "三（四）",
            $"{LeadingTalent} && {StandardFacts.EnterpriseInDifficulty} && {StandardFacts.UnemployedDependants} > 0", AmountRule.None, PaymentFrequency.OneTime, Departments.Hrss,
            "对经济结构调整中出现困难的企业…对他们的配偶、子女有就业愿望但未就业的，由有关部门积极提供职业指导和就业前培训，推荐就业岗位（人社部发〔2018〕24号 三亦有要求）"),
        National("skill-allowance", "技术工人补助性津贴", BenefitCategory.Economic, "四（一）", $"{StandardFacts.SkillLevelName} >= '高级工'", AmountRule.LeftToRegion, PaymentFrequency.Monthly, Departments.Hrss,
            "鼓励企业建立针对技术工人的补助性津贴制度，提高技术工人津贴水平"),
    ];

    /// <summary>示例: 广东 (440000) — overrides three national items and adds one; amounts invented for the demo.</summary>
    public static IReadOnlyList<BenefitItemVersion> GuangdongExampleItems { get; } =
    [
        Example("440000", GuangdongDocumentId, GuangdongFrom, "special-post-allowance", "特聘岗位津贴", BenefitCategory.Economic, "三（三）",
            $"{LeadingTalent} && {StandardFacts.Frontline}",
            AmountRule.TableOf(StandardFacts.SkillLevelName,
            [
                new("技师", Yuan(800)), new("高级技师", Yuan(1200)), new("特级技师", Yuan(1500)), new("首席技师", Yuan(2000)),
            ], Yuan(500)),
            PaymentFrequency.Monthly, Departments.Hrss, timeLimit: 15, materials: ["身份证明", "技能等级证书", "单位出具的一线岗位证明"]),
        Example("440000", GuangdongDocumentId, GuangdongFrom, "settling-allowance", "安家补贴", BenefitCategory.Social, "三（四）",
            $"{LeadingTalent} && {StandardFacts.TalentIntroduced}",
            AmountRule.FormulaOf("param.amount"),
            PaymentFrequency.OneTime, Departments.Hrss, timeLimit: 20, materials: ["身份证明", "引进证明", "劳动合同"],
            parameters: [RuleParameter.Of("amount", "补贴金额", Yuan(100_000))]),
        Example("440000", GuangdongDocumentId, GuangdongFrom, "apprentice-allowance", "带徒津贴", BenefitCategory.Economic, "三（三）",
            $"{LeadingTalent} && {StandardFacts.Apprentices} >= 1",
            AmountRule.FormulaOf($"yuan(300) * min({StandardFacts.Apprentices}, 5)"),
            PaymentFrequency.Monthly, Departments.Hrss, timeLimit: 15, materials: ["师带徒协议"], cap: Yuan(1200)),
        Example("440000", GuangdongDocumentId, GuangdongFrom, "skilled-living-allowance", "技能人才生活补贴", BenefitCategory.Economic, "四（一）",
            $"{StandardFacts.SkillLevelName} >= '技师' && {StandardFacts.InsuranceMonths} >= 12",
            AmountRule.TableOf(StandardFacts.RegionTier, [new("一类地区", Yuan(1000)), new("二类地区", Yuan(800)), new("三类地区", Yuan(600))]),
            PaymentFrequency.Monthly, Departments.Hrss, timeLimit: 15, materials: ["技能等级证书", "社会保险缴费证明"]),
    ];

    /// <summary>示例: 深圳 (440300) — overrides three items (安家补贴 no further below) and inherits the rest.</summary>
    public static IReadOnlyList<BenefitItemVersion> ShenzhenExampleItems { get; } =
    [
        Example("440300", ShenzhenDocumentId, ShenzhenFrom, "settling-allowance", "安家补贴", BenefitCategory.Social, "三（四）",
            $"{LeadingTalent} && {StandardFacts.TalentIntroduced} && {StandardFacts.InsuranceMonths} >= 6",
            AmountRule.FormulaOf("param.amount"),
            PaymentFrequency.OneTime, Departments.Hrss, timeLimit: 20, materials: ["身份证明", "引进证明", "劳动合同", "深圳社会保险缴费证明"],
            parameters: [RuleParameter.Of("amount", "补贴金额", Yuan(150_000))], overridableBelow: false),
        Example("440300", ShenzhenDocumentId, ShenzhenFrom, "rent-subsidy", "房租补贴", BenefitCategory.Social, "三（四）",
            $"{LeadingTalent} && !{StandardFacts.OwnsHome}",
            AmountRule.FixedAmount(Yuan(3000)),
            PaymentFrequency.Monthly, Departments.Housing, timeLimit: 10, materials: ["身份证明", "租赁合同"]),
        Example("440300", ShenzhenDocumentId, ShenzhenFrom, "special-award", "特殊奖励", BenefitCategory.Political, "三（二）",
            LeadingTalent,
            AmountRule.FormulaOf($"'ChinaSkillsGrandAward' in {StandardFacts.Honors} ? yuan(100000) : ('NationalModelWorker' in {StandardFacts.Honors} ? yuan(50000) : yuan(20000))"),
            PaymentFrequency.OneTime, Departments.Hrss, timeLimit: 20, materials: ["身份证明", "荣誉证书"]),
    ];

    /// <summary>Everything: national, 广东 and 深圳.</summary>
    public static IReadOnlyList<BenefitItemVersion> Items { get; } = [.. NationalItems, .. GuangdongExampleItems, .. ShenzhenExampleItems];

    private static Money Yuan(long yuan) => new(yuan * 100);

    private static BenefitItemVersion National(
        string key, string name, BenefitCategory category, string article, string eligibility, AmountRule amount, PaymentFrequency frequency,
        Department department, string description) => new()
        {
            VersionId = "000000-" + key + "-2018",
            ItemKey = key,
            Name = name,
            Category = category,
            RegionCode = "000000",
            DocumentId = NationalDocumentId,
            EffectiveFrom = NationalFrom,
            Eligibility = eligibility,
            Amount = amount,
            Frequency = frequency,
            DepartmentCode = department.Code,
            LegalBasis = Opinion + article,
            OverridableBelow = true,
            Description = description,
        };

    private static BenefitItemVersion Example(
        string region, string document, DateOnly from, string key, string name, BenefitCategory category, string article, string eligibility,
        AmountRule amount, PaymentFrequency frequency, Department department, int timeLimit, IReadOnlyList<string> materials,
        IReadOnlyList<RuleParameter>? parameters = null, Money? cap = null, bool overridableBelow = true) => new()
        {
            VersionId = region + "-" + key + "-" + from.Year,
            ItemKey = key,
            Name = name,
            Category = category,
            RegionCode = region,
            DocumentId = document,
            EffectiveFrom = from,
            Eligibility = eligibility,
            Amount = amount,
            Frequency = frequency,
            Cap = cap,
            DepartmentCode = department.Code,
            LegalBasis = Opinion + article + "；" + Documents.First(d => d.Id == document).DocumentNumber + "（示例）",
            TimeLimitWorkingDays = timeLimit,
            RequiredMaterials = materials,
            Parameters = parameters ?? [],
            OverridableBelow = overridableBelow,
            IsExample = true,
        };
}
