namespace Gongjiang.Web.Features.Registry.Imports;

/// <summary>The two kinds of file a clerk imports.</summary>
public enum ImportKind
{
    /// <summary>人员名册: persons, their employer, occupation, skill certificate.</summary>
    Roster = 1,

    /// <summary>荣誉名单: honours, special government allowances and 高精尖缺 recognitions.</summary>
    Honours = 2,
}

/// <summary>
/// A column the import understands: its canonical key, the Chinese header shown in templates and error reports, the
/// aliases matched in uploaded files (compared after removing whitespace, full-width forms and the marks *（）()：:), and
/// whether the file must have it.
/// </summary>
public sealed record ImportColumn(string Key, string Header, bool Required, string[] Aliases, string Example);

/// <summary>
/// The columns of each import kind. Headers in any order; unknown extra columns are ignored. The examples (the
/// templates' sample row) pass the import's own validation and name no real person: 张三 is the customary placeholder
/// name, 11010519491231002X the example of GB 11643-1999 itself, 91350100M000100Y43 the example of GB 32100-2015; the
/// mobile number is left empty.
/// </summary>
public static class ImportColumns
{
    public static readonly ImportColumn Name = new("name", "姓名", true, ["姓名", "人员姓名", "职工姓名"], "张三");
    public static readonly ImportColumn IdNumber = new("idNumber", "公民身份号码", true, ["公民身份号码", "身份证号", "身份证号码", "身份证", "证件号码", "身份证件号码"], "11010519491231002X");
    public static readonly ImportColumn Mobile = new("mobile", "手机号码", false, ["手机号码", "手机号", "手机", "联系电话", "联系方式"], "");
    public static readonly ImportColumn EnterpriseName = new("enterpriseName", "工作单位", true, ["工作单位", "单位名称", "用人单位", "所在单位", "企业名称", "单位"], "示例精密制造有限公司");
    public static readonly ImportColumn CreditCode = new("creditCode", "统一社会信用代码", true, ["统一社会信用代码", "信用代码", "社会信用代码", "单位统一社会信用代码"], "91350100M000100Y43");
    public static readonly ImportColumn RegionCode = new("regionCode", "所在地区代码", false, ["所在地区代码", "行政区划代码", "地区代码", "区划代码", "所在地区"], "440306");
    public static readonly ImportColumn OwnershipType = new("ownershipType", "企业性质", false, ["企业性质", "单位性质", "所有制性质", "经济类型"], "民营企业");
    public static readonly ImportColumn Industry = new("industry", "所属行业", false, ["所属行业", "行业", "行业类别"], "制造业");
    public static readonly ImportColumn Occupation = new("occupation", "职业（工种）", true, ["职业（工种）", "职业", "工种", "职业工种", "职业名称"], "数控车工");
    public static readonly ImportColumn OccupationCode = new("occupationCode", "职业编码", false, ["职业编码", "职业代码", "职业分类代码", "工种代码"], "6-18-01-01");
    public static readonly ImportColumn Post = new("post", "岗位", false, ["岗位", "工作岗位", "岗位名称", "现任岗位"], "数控加工");
    public static readonly ImportColumn Frontline = new("frontline", "是否一线岗位", false, ["是否一线岗位", "一线岗位", "是否一线", "生产服务一线"], "是");
    public static readonly ImportColumn EmploymentStart = new("employmentStart", "入职日期", false, ["入职日期", "任职开始日期", "参加工作日期", "入职时间"], "2005-07-01");
    public static readonly ImportColumn SkillLevel = new("skillLevel", "职业技能等级", false, ["职业技能等级", "技能等级", "等级", "职业资格等级"], "高级技师");
    public static readonly ImportColumn CertificateNumber = new("certificateNumber", "证书编号", false, ["证书编号", "证书号", "证书号码", "职业技能等级证书编号"], "S000044030000194000123");
    public static readonly ImportColumn CertificateIssuer = new("certificateIssuer", "发证机构", false, ["发证机构", "评价机构", "发证单位", "认定机构"], "深圳市职业技能鉴定指导中心");
    public static readonly ImportColumn CertificateDate = new("certificateDate", "发证日期", false, ["发证日期", "发证时间", "取证日期", "证书日期"], "2019-06-30");

    public static readonly ImportColumn HonorTitle = new("honorTitle", "荣誉称号", true, ["荣誉称号", "荣誉名称", "荣誉", "奖项", "称号", "荣誉（津贴、认定）"], "全国技术能手");
    public static readonly ImportColumn AwardYear = new("awardYear", "授予年份", true, ["授予年份", "年份", "年度", "获得年份", "获奖年份", "授予年度"], "2019");
    public static readonly ImportColumn AwardingBody = new("awardingBody", "授予机关", false, ["授予机关", "授予单位", "颁发机关", "授予部门", "表彰单位"], "人力资源社会保障部");
    public static readonly ImportColumn DocumentNumber = new("documentNumber", "文号", false, ["文号", "发文字号", "表彰文号", "文件编号"], "人社部发〔2019〕105号");
    public static readonly ImportColumn Revoked = new("revoked", "是否撤销", false, ["是否撤销", "撤销", "已撤销"], "否");
    public static readonly ImportColumn RevokedDate = new("revokedDate", "撤销日期", false, ["撤销日期", "撤销时间"], "");

    public static IReadOnlyList<ImportColumn> For(ImportKind kind) => kind switch
    {
        ImportKind.Roster =>
        [
            Name, IdNumber, Mobile, EnterpriseName, CreditCode, RegionCode, OwnershipType, Industry, Occupation,
            OccupationCode, Post, Frontline, EmploymentStart, SkillLevel, CertificateNumber, CertificateIssuer, CertificateDate,
        ],
        ImportKind.Honours => [Name, IdNumber, HonorTitle, AwardYear, AwardingBody, DocumentNumber, Revoked, RevokedDate],
        _ => [],
    };

    public static string ChineseName(ImportKind kind) => kind switch
    {
        ImportKind.Roster => "人员名册",
        ImportKind.Honours => "荣誉名单",
        _ => "未知",
    };
}
