namespace Gongjiang.Core.Reference;

/// <summary>
/// A department or mass organisation that takes part in carrying out the policy, e.g. ("housing", "住房城乡建设", "住建").
/// </summary>
/// <param name="Code">Stable ASCII code, used in data and URLs; never changes once published.</param>
/// <param name="Name">The policy's own wording (《关于提高技术工人待遇的意见》七、人社部发〔2018〕24号 二).</param>
/// <param name="ShortName">Customary 2–3 character abbreviation for tables and menus.</param>
public sealed record Department(string Code, string Name, string ShortName);

/// <summary>
/// The departments named by the policy. 《关于提高技术工人待遇的意见》七: “人力资源社会保障部门要加强统筹协调，发展改革、
/// 教育、科技、工业和信息化、公安、财政、住房城乡建设、文化、国资、税务、外专等有关部门和工会、共青团、妇联、科协等群团组织
/// 要各尽其职、紧密配合”; 人社部发〔2018〕24号 二 repeats the list (文化 as 文化旅游 after the 2018 reorganisation) and
/// adds 工商联 (“会同工商联等单位”) for non-state enterprises.
/// </summary>
public static class Departments
{
    /// <summary>人力资源社会保障部门 — the lead department (统筹协调).</summary>
    public static Department Hrss { get; } = new("hrss", "人力资源社会保障", "人社");

    public static Department Ndrc { get; } = new("ndrc", "发展改革", "发改");

    public static Department Education { get; } = new("education", "教育", "教育");

    public static Department Science { get; } = new("science", "科技", "科技");

    public static Department Miit { get; } = new("miit", "工业和信息化", "工信");

    public static Department PublicSecurity { get; } = new("public-security", "公安", "公安");

    public static Department Finance { get; } = new("finance", "财政", "财政");

    public static Department Housing { get; } = new("housing", "住房城乡建设", "住建");

    /// <summary>文化和旅游: the policy (March 2018) says 文化; the culture and tourism departments merged that year.</summary>
    public static Department CultureTourism { get; } = new("culture-tourism", "文化和旅游", "文旅");

    public static Department Sasac { get; } = new("sasac", "国资", "国资");

    public static Department Tax { get; } = new("tax", "税务", "税务");

    public static Department ForeignExperts { get; } = new("foreign-experts", "外专", "外专");

    /// <summary>工会 (群团组织).</summary>
    public static Department Union { get; } = new("union", "工会", "工会");

    /// <summary>共青团 (群团组织).</summary>
    public static Department YouthLeague { get; } = new("youth-league", "共青团", "共青团");

    /// <summary>妇联 (群团组织).</summary>
    public static Department WomenFederation { get; } = new("women-federation", "妇联", "妇联");

    /// <summary>科协 (群团组织).</summary>
    public static Department Cast { get; } = new("cast", "科协", "科协");

    /// <summary>工商联: named only by 人社部发〔2018〕24号 二 (non-state enterprises).</summary>
    public static Department Acfic { get; } = new("acfic", "工商联", "工商联");

    /// <summary>All seventeen, in the policy's order (lead department first, then 有关部门, then 群团组织, then 工商联).</summary>
    public static IReadOnlyList<Department> All { get; } =
    [
        Hrss, Ndrc, Education, Science, Miit, PublicSecurity, Finance, Housing, CultureTourism, Sasac, Tax,
        ForeignExperts, Union, YouthLeague, WomenFederation, Cast, Acfic,
    ];

    private static readonly Dictionary<string, Department> ByCode = All.ToDictionary(d => d.Code, StringComparer.Ordinal);

    /// <summary>The department with this code (exact, case-sensitive), or null.</summary>
    public static Department? Find(string? code) => code is null ? null : ByCode.GetValueOrDefault(code);
}
