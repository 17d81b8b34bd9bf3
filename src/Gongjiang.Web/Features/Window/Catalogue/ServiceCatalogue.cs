using Gongjiang.Core.Reference;
using Gongjiang.Core.Window;

namespace Gongjiang.Web.Features.Window.Catalogue;

/// <summary>
/// A service item of the window's guide (办事指南): what is asked for, the conditions, the materials, the legal basis,
/// the statutory and committed time limits, the responsible and co-operating departments, and the benefit items of the
/// policy engine it grants (by item key, e.g. “rent-subsidy”).
/// </summary>
/// <param name="Code">Stable ASCII code used in data and URLs.</param>
/// <param name="Name">The item's name.</param>
/// <param name="Conditions">The conditions in words (the engine checks them: see <see cref="BenefitItemKeys"/>).</param>
/// <param name="Materials">The required materials.</param>
/// <param name="LegalBasis">The article it rests on.</param>
/// <param name="Limits">法定时限 / 承诺时限 in working days.</param>
/// <param name="Department">The department that acts on it (its task lands in that department's inbox).</param>
/// <param name="CoDepartments">Co-operating departments (informed, no task).</param>
/// <param name="BenefitItemKeys">The benefit items of the policy engine it grants.</param>
public sealed record ServiceItem(
    string Code,
    string Name,
    string Conditions,
    IReadOnlyList<RequiredMaterial> Materials,
    string LegalBasis,
    ServiceTimeLimits Limits,
    Department Department,
    IReadOnlyList<Department> CoDepartments,
    IReadOnlyList<string> BenefitItemKeys);

/// <summary>
/// The window's service items (demo catalogue of policy 三(四): 住房, 安家补贴, 子女入学, 积分落户, 配偶子女就业). Time limits
/// are local commitments [M]: the statutory limits follow 《行政许可法》第四十二条 (二十日) where the matter is a licence
/// and are otherwise none; the committed limits are the demo window's choice, kept here as parameters.
/// </summary>
public static class ServiceCatalogue
{
    private static readonly RequiredMaterial IdCard = new("id-card", "居民身份证");
    private static readonly RequiredMaterial TalentCertificate = new("talent-certificate", "高技能领军人才认定证明或荣誉证书");
    private static readonly RequiredMaterial LabourContract = new("labour-contract", "劳动合同");

    public static IReadOnlyList<ServiceItem> All { get; } =
    [
        new("housing", "高技能领军人才住房保障（房租补贴、人才公寓）", "经认定的高技能领军人才，属于引进人才，本人及配偶在工作地无自有住房。",
            [IdCard, TalentCertificate, LabourContract, new("no-home-proof", "无自有住房证明")], "《关于提高技术工人待遇的意见》三（四）",
            new ServiceTimeLimits(20, 10), Departments.Housing, [Departments.Finance], ["rent-subsidy", "talent-apartment", "housing-purchase"]),
        new("settling", "安家补贴申领", "经认定的高技能领军人才，属于引进人才。",
            [IdCard, TalentCertificate, LabourContract], "《关于提高技术工人待遇的意见》三（四）",
            new ServiceTimeLimits(null, 10), Departments.Hrss, [Departments.Finance], ["settling-allowance"]),
        new("schooling", "子女入学（义务教育阶段）安排", "经认定的高技能领军人才，有义务教育阶段适龄子女。",
            [IdCard, TalentCertificate, new("birth-certificate", "子女出生医学证明或户口簿")], "《关于提高技术工人待遇的意见》三（四）",
            new ServiceTimeLimits(null, 15), Departments.Education, [], ["child-education"]),
        new("settlement", "积分落户（放宽条件）", "经认定的高技能领军人才，户籍不在工作地。",
            [IdCard, TalentCertificate, LabourContract, new("household-register", "户口簿")], "《关于提高技术工人待遇的意见》三（四）",
            new ServiceTimeLimits(20, 15), Departments.PublicSecurity, [], ["points-settlement"]),
        new("spouse-employment", "配偶子女就业指导", "经认定的高技能领军人才的配偶、子女有就业需求。",
            [IdCard, TalentCertificate, new("marriage-certificate", "结婚证或亲属关系证明")], "《关于提高技术工人待遇的意见》三（四）",
            new ServiceTimeLimits(null, 10), Departments.Hrss, [], ["dependants-employment"]),
    ];

    private static readonly Dictionary<string, ServiceItem> ByCode = All.ToDictionary(i => i.Code, StringComparer.Ordinal);

    public static ServiceItem? Find(string? code) => code is null ? null : ByCode.GetValueOrDefault(code.Trim());

    /// <summary>The committed and statutory limits of a request for several items: the longest of each (all departments act in parallel).</summary>
    public static ServiceTimeLimits LimitsOf(IEnumerable<ServiceItem> items)
    {
        var list = items.ToList();
        var statutory = list.Select(i => i.Limits.StatutoryWorkingDays).Where(d => d is not null).Max();
        return new ServiceTimeLimits(statutory, list.Max(i => i.Limits.CommittedWorkingDays));
    }
}
