namespace Gongjiang.DataGen;

/// <summary>A column of a generated file: canonical key, template header and the aliases a real file may use.</summary>
public sealed record SyntheticColumn(string Key, string Header, bool Required, IReadOnlyList<string> Aliases);

/// <summary>
/// The column contract of the import, mirrored from <c>src/Gongjiang.Web/Features/Registry/Imports/ImportColumns.cs</c>
/// (this project may only reference Gongjiang.Core, so the list is copied: keep both in step). The order is the
/// canonical order of <see cref="ISyntheticRecord.GetField"/>.
/// </summary>
public static class SyntheticColumns
{
    private static readonly SyntheticColumn[] RosterColumns =
    [
        new("name", "姓名", true, ["姓名", "人员姓名", "职工姓名"]),
        new("idNumber", "公民身份号码", true, ["公民身份号码", "身份证号", "身份证号码", "身份证", "证件号码", "身份证件号码"]),
        new("mobile", "手机号码", false, ["手机号码", "手机号", "手机", "联系电话", "联系方式"]),
        new("enterpriseName", "工作单位", true, ["工作单位", "单位名称", "用人单位", "所在单位", "企业名称", "单位"]),
        new("creditCode", "统一社会信用代码", true, ["统一社会信用代码", "信用代码", "社会信用代码", "单位统一社会信用代码"]),
        new("regionCode", "所在地区代码", false, ["所在地区代码", "行政区划代码", "地区代码", "区划代码", "所在地区"]),
        new("ownershipType", "企业性质", false, ["企业性质", "单位性质", "所有制性质", "经济类型"]),
        new("industry", "所属行业", false, ["所属行业", "行业", "行业类别"]),
        new("occupation", "职业（工种）", true, ["职业（工种）", "职业", "工种", "职业工种", "职业名称"]),
        new("occupationCode", "职业编码", false, ["职业编码", "职业代码", "职业分类代码", "工种代码"]),
        new("post", "岗位", false, ["岗位", "工作岗位", "岗位名称", "现任岗位"]),
        new("frontline", "是否一线岗位", false, ["是否一线岗位", "一线岗位", "是否一线", "生产服务一线"]),
        new("employmentStart", "入职日期", false, ["入职日期", "任职开始日期", "参加工作日期", "入职时间"]),
        new("skillLevel", "职业技能等级", false, ["职业技能等级", "技能等级", "等级", "职业资格等级"]),
        new("certificateNumber", "证书编号", false, ["证书编号", "证书号", "证书号码", "职业技能等级证书编号"]),
        new("certificateIssuer", "发证机构", false, ["发证机构", "评价机构", "发证单位", "认定机构"]),
        new("certificateDate", "发证日期", false, ["发证日期", "发证时间", "取证日期", "证书日期"]),
    ];

    private static readonly SyntheticColumn[] HonoursColumns =
    [
        new("name", "姓名", true, ["姓名", "人员姓名", "职工姓名"]),
        new("idNumber", "公民身份号码", true, ["公民身份号码", "身份证号", "身份证号码", "身份证", "证件号码", "身份证件号码"]),
        new("honorTitle", "荣誉称号", true, ["荣誉称号", "荣誉名称", "荣誉", "奖项", "称号", "荣誉（津贴、认定）"]),
        new("awardYear", "授予年份", true, ["授予年份", "年份", "年度", "获得年份", "获奖年份", "授予年度"]),
        new("awardingBody", "授予机关", false, ["授予机关", "授予单位", "颁发机关", "授予部门", "表彰单位"]),
        new("documentNumber", "文号", false, ["文号", "发文字号", "表彰文号", "文件编号"]),
        new("revoked", "是否撤销", false, ["是否撤销", "撤销", "已撤销"]),
        new("revokedDate", "撤销日期", false, ["撤销日期", "撤销时间"]),
    ];

    /// <summary>The header of the extra column that messy files carry and the import must ignore.</summary>
    public const string UnknownColumnHeader = "备注";

    /// <summary>The columns of <paramref name="kind"/> in canonical order.</summary>
    public static IReadOnlyList<SyntheticColumn> For(RecordKind kind) => kind switch
    {
        RecordKind.Roster => RosterColumns,
        RecordKind.Honours => HonoursColumns,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>“人员名册” or “荣誉名单”.</summary>
    public static string ChineseName(RecordKind kind) => kind switch
    {
        RecordKind.Roster => "人员名册",
        RecordKind.Honours => "荣誉名单",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
