using System.Text.RegularExpressions;
using Gongjiang.Core.Standards;
using Gongjiang.Web.Platform.Identity;

namespace Gongjiang.Web.Platform.Audit;

/// <summary>
/// What the audit page shows in Chinese: the object type of every entity the context audits and of every audited event
/// (<see cref="EntityTypes"/>; a test keeps it complete), the actions, the actor's role; and the masking of mobile and
/// ID numbers in before/after values and details, which are not an audited reveal (GB/T 35273).
/// </summary>
public static partial class AuditNames
{
    /// <summary>Stored object type (an entity class name or an event name) → Chinese name.</summary>
    public static IReadOnlyDictionary<string, string> EntityTypes => AllEntityTypes.Value;

    /// <summary>The platform's own types and the registry's and publications' (which predate the module contract).</summary>
    private static readonly Dictionary<string, string> Platform = new(StringComparer.Ordinal)
    {
        ["PlatformSetting"] = "平台设置",
        ["JobRun"] = "后台任务",
        ["JobSchedule"] = "定时任务",
        ["AppUser"] = "账户",
        ["IdentityRole"] = "角色",
        ["IdentityUserRole`1"] = "账户角色",
        ["IdentityUserClaim`1"] = "账户声明",
        ["IdentityUserLogin`1"] = "外部登录",
        ["IdentityRoleClaim`1"] = "角色声明",
        ["IdentityUserToken`1"] = "账户令牌（双因素密钥等）",
        ["DataProtectionKey"] = "数据保护密钥",
        ["AuditEntry"] = "审计日志",
        ["AuditChainHead"] = "审计链头",
        ["Person"] = "人员",
        ["Enterprise"] = "用人单位",
        ["Employment"] = "任职",
        ["SkillCertificate"] = "职业技能等级证书",
        ["Honor"] = "荣誉",
        ["SpecialAllowance"] = "政府特殊津贴",
        ["ProvincialRecognition"] = "省级“高精尖缺”认定",
        ["RegistryImport"] = "名册导入",
        ["ImportError"] = "导入问题",
        ["TalentEvent"] = "数据库经历",
        ["ReviewCampaign"] = "年度复核",
        ["ReviewItem"] = "年度复核人员",
        ["Publication"] = "公布名单",
        ["PublicationEntry"] = "公布名单条目",
        ["Objection"] = "异议",
        ["PublicationSchedule"] = "公布周期",
        ["PublicCatalog"] = "公开名单",
        ["PublicationFeed"] = "部门名单订阅",
        ["RegistryStatistics"] = "统计分析",
    };

    private static readonly Lazy<IReadOnlyDictionary<string, string>> AllEntityTypes = new(() =>
    {
        var names = new Dictionary<string, string>(Platform, StringComparer.Ordinal);
        foreach (var (type, name) in Modules.ModuleCatalog.All.SelectMany(m => m.AuditNames))
        {
            names[type] = name;
        }

        return names;
    });

    /// <summary>The actions in the order the filter lists them.</summary>
    public static IReadOnlyList<string> Actions { get; } =
    [
        AuditActions.Create, AuditActions.Update, AuditActions.Delete, AuditActions.Workflow, AuditActions.View, AuditActions.Export,
        AuditActions.Feed, AuditActions.SignIn, AuditActions.SignOut, AuditActions.Token, AuditActions.Denied, AuditActions.Unscoped,
    ];

    /// <summary>The Chinese name of a stored object type; an unknown one is shown as stored.</summary>
    public static string EntityTypeName(string entityType) => EntityTypes.GetValueOrDefault(entityType) ?? entityType;

    /// <summary>
    /// The stored object type a filter text means: a stored name (“Person”) or a Chinese one (“人员”); null when neither.
    /// </summary>
    public static string? ParseEntityType(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return EntityTypes.ContainsKey(value) ? value : EntityTypes.FirstOrDefault(e => e.Value == value).Key;
    }

    /// <summary>The actor's role in Chinese; a system actor (no account) is “系统”, not 社会公众.</summary>
    public static string RoleName(string? role, string? actorId, string actorName) =>
        role is null && actorId is null && actorName.StartsWith("系统", StringComparison.Ordinal) ? "系统" : Roles.ChineseName(role);

    /// <summary>Masks every mobile number and citizen ID number in a text (before/after values, details).</summary>
    public static string? MaskPersonalData(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var masked = IdNumberPattern().Replace(text, m => CitizenIdNumber.Mask(m.Value));
        return MobilePattern().Replace(masked, m => string.Concat(m.Value.AsSpan(0, 3), "****", m.Value.AsSpan(7)));
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdNumberPattern();

    [GeneratedRegex(@"(?<![0-9])1[3-9]\d{9}(?![0-9])")]
    private static partial Regex MobilePattern();
}
