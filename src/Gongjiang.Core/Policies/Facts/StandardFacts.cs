using Gongjiang.Core.Registry;
using Gongjiang.Core.Skills;

namespace Gongjiang.Core.Policies;

/// <summary>
/// The facts the registry and its neighbours provide about a person on a date — what the items of policy 三(二)–(四)
/// and 四 are conditioned on: leading-talent status and bases (三(一)), skill level and since when, honours with years,
/// employment and enterprise ownership, front-line post, region and years there, insured months, age, household
/// registration, family. Later modules add their own facts to a <see cref="FactRegistryBuilder"/> next to these.
/// </summary>
public static class StandardFacts
{
    public const string PersonAge = "person.age";
    public const string PersonBirthDate = "person.birthDate";
    public const string TalentIsLeading = "talent.isLeadingTalent";
    public const string TalentBases = "talent.bases";
    public const string TalentSince = "talent.since";
    public const string TalentIntroduced = "talent.introduced";
    public const string SkillLevelName = "skill.level";
    public const string SkillLevelSince = "skill.levelSince";
    public const string Honors = "honors";
    public const string OwnershipType = "employment.ownershipType";
    public const string Frontline = "employment.frontline";
    public const string EmployedSince = "employment.since";
    public const string EnterpriseInDifficulty = "employment.enterpriseInDifficulty";
    public const string Apprentices = "employment.apprentices";
    public const string NationalProject = "employment.nationalProject";
    public const string RegionCode = "region.code";
    public const string RegionTier = "region.tier";
    public const string RegionYearsThere = "region.yearsThere";
    public const string InsuranceMonths = "insurance.months";
    public const string HouseholdRegistration = "household.registration";
    public const string OwnsHome = "household.ownsHome";
    public const string SchoolAgeChildren = "family.schoolAgeChildren";
    public const string UnemployedDependants = "family.unemployedDependants";

    /// <summary>职业技能等级, ordered 学徒工 &lt; … &lt; 首席技师 (<see cref="SkillLevel"/>).</summary>
    public static EnumDefinition SkillLevels { get; } = EnumDefinition.FromEnum<SkillLevel>("SkillLevel", "技能等级", global::Gongjiang.Core.Skills.SkillLevels.ChineseName, ordered: true);

    /// <summary>荣誉 (<see cref="HonorType"/>).</summary>
    public static EnumDefinition HonorTypes { get; } = EnumDefinition.FromEnum<HonorType>("HonorType", "荣誉", global::Gongjiang.Core.Registry.HonorTypes.ChineseName);

    /// <summary>企业性质 (DESIGN.md glossary: OwnershipType).</summary>
    public static EnumDefinition OwnershipTypes { get; } = new("OwnershipType", "企业性质",
    [
        new("CentralSoe", "中央企业"),
        new("LocalSoe", "地方国有企业"),
        new("Private", "民营企业"),
        new("ForeignInvested", "外资企业"),
        new("Other", "其他"),
    ]);

    /// <summary>
    /// The bases of 高技能领军人才 of policy 三(一): the four national honours, the two special government allowances and a
    /// provincial “高精尖缺” recognition (<see cref="LeadingTalentDetermination"/>).
    /// </summary>
    public static EnumDefinition TalentBasisTypes { get; } = new("TalentBasis", "领军人才认定依据",
    [
        new("NationalModelWorker", "全国劳动模范"),
        new("NationalMayDayLaborMedal", "全国五一劳动奖章"),
        new("ChinaSkillsGrandAward", "中华技能大奖"),
        new("NationalTechnicalExpert", "全国技术能手"),
        new("StateCouncilAllowance", "国务院政府特殊津贴"),
        new("ProvincialAllowance", "省级政府特殊津贴"),
        new("ProvincialRecognition", "省级政府认定的“高精尖缺”高技能人才"),
    ]);

    /// <summary>地区类别 a province assigns to its cities for amounts (一类/二类/三类); a regional choice, not national law.</summary>
    public static EnumDefinition RegionTiers { get; } = new("RegionTier", "地区类别",
    [
        new("Tier1", "一类地区"),
        new("Tier2", "二类地区"),
        new("Tier3", "三类地区"),
    ]);

    private const string FromRegistry = "registry";

    /// <summary>Every standard fact.</summary>
    public static IReadOnlyList<FactDefinition> All { get; } =
    [
        new(PersonAge, "年龄（周岁）", RuleType.Int, FromRegistry),
        new(PersonBirthDate, "出生日期", RuleType.Date, FromRegistry),
        new(TalentIsLeading, "是否高技能领军人才", RuleType.Bool, FromRegistry, "按《意见》三（一）认定，见 LeadingTalentDetermination"),
        new(TalentBases, "领军人才认定依据", RuleType.SetOf(TalentBasisTypes), FromRegistry),
        new(TalentSince, "认定为领军人才的日期", RuleType.Date, FromRegistry, "最早一项有效依据的起算日"),
        new(TalentIntroduced, "是否引进人才", RuleType.Bool, FromRegistry, "由外地引进到本地工作"),
        new(SkillLevelName, "技能等级", RuleType.EnumOf(SkillLevels), "skills", "有效证书中的最高等级"),
        new(SkillLevelSince, "取得现技能等级的日期", RuleType.Date, "skills"),
        new(Honors, "荣誉及获得年份", RuleType.YearsOf(HonorTypes), FromRegistry, "同一荣誉多次获得时取最早年份；已撤销的不计"),
        new(OwnershipType, "企业性质", RuleType.EnumOf(OwnershipTypes), FromRegistry),
        new(Frontline, "是否在生产服务一线岗位", RuleType.Bool, FromRegistry),
        new(EmployedSince, "入职本单位日期", RuleType.Date, FromRegistry),
        new(EnterpriseInDifficulty, "所在企业是否为经济结构调整中出现困难的企业", RuleType.Bool, FromRegistry, "《意见》三（四）"),
        new(Apprentices, "在带徒弟人数", RuleType.Int, "skills", "师带徒协议在有效期内的徒弟人数"),
        new(NationalProject, "是否参与国家科技计划项目", RuleType.Bool, FromRegistry, "《意见》三（三）"),
        new(RegionCode, "工作所在地行政区划代码", RuleType.String, FromRegistry, "GB/T 2260 六位代码"),
        new(RegionTier, "地区类别", RuleType.EnumOf(RegionTiers), "policies", "由省级政策划定"),
        new(RegionYearsThere, "在本地工作年限（年）", RuleType.Int, FromRegistry),
        new(InsuranceMonths, "本地社会保险累计缴费月数", RuleType.Int, "insurance"),
        new(HouseholdRegistration, "户籍所在地行政区划代码", RuleType.String, FromRegistry, "GB/T 2260 六位代码"),
        new(OwnsHome, "在本地是否有自有住房", RuleType.Bool, "housing"),
        new(SchoolAgeChildren, "义务教育阶段子女人数", RuleType.Int, "education"),
        new(UnemployedDependants, "有就业愿望但未就业的配偶、子女人数", RuleType.Int, "window", "《意见》三（四）"),
    ];

    /// <summary>A registry of the standard facts only.</summary>
    public static FactRegistry Registry { get; } = new FactRegistryBuilder().Add(All).Build().GetValueOrThrow();

    /// <summary>
    /// Sets <c>talent.isLeadingTalent</c>, <c>talent.bases</c> and <c>talent.since</c> from the determination of policy
    /// 三(一), so that rules read the same decision the registry shows.
    /// </summary>
    public static FactSet SetLeadingTalent(this FactSet facts, LeadingTalentDecision decision)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(decision);
        facts.Set(TalentIsLeading, decision.IsLeadingTalent);
        facts.SetMembers(TalentBases, decision.Bases.Select(b => BasisMember(b.Code)).Distinct());
        if (decision.Bases.Count > 0)
        {
            facts.Set(TalentSince, decision.Bases.Min(b => b.EffectiveFrom));
        }
        else
        {
            facts.Clear(TalentSince);
        }

        return facts;
    }

    /// <summary>The <see cref="TalentBasisTypes"/> member of a <see cref="TalentBasis.Code"/> (“3.1-honor-NationalModelWorker” → NationalModelWorker).</summary>
    public static string BasisMember(string basisCode)
    {
        ArgumentNullException.ThrowIfNull(basisCode);
        return basisCode switch
        {
            "3.1-allowance-StateCouncil" => "StateCouncilAllowance",
            "3.1-allowance-Provincial" => "ProvincialAllowance",
            _ when basisCode.StartsWith("3.1-recognition-", StringComparison.Ordinal) => "ProvincialRecognition",
            _ when basisCode.StartsWith("3.1-honor-", StringComparison.Ordinal) => basisCode["3.1-honor-".Length..],
            _ => throw new ArgumentException($"未知的认定依据“{basisCode}”", nameof(basisCode)),
        };
    }
}
