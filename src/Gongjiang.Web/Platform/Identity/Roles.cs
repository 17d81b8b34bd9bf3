namespace Gongjiang.Web.Platform.Identity;

/// <summary>The roles of DESIGN.md "Who uses it". 公众 is the anonymous visitor and has no account.</summary>
public static class Roles
{
    public const string Worker = "Worker";
    public const string Employer = "Employer";
    public const string Clerk = "Clerk";
    public const string DepartmentOfficer = "DepartmentOfficer";
    public const string Supervisor = "Supervisor";
    public const string Administrator = "Administrator";

    /// <summary>
    /// Not an account's role: the anonymous public submitting something (an 异议) into one jurisdiction
    /// (<see cref="Actor.PublicSubmission"/>). No permission is granted to it and no account can have it.
    /// </summary>
    public const string PublicSubmitter = "PublicSubmitter";

    public static readonly IReadOnlyList<string> All =
        [Worker, Employer, Clerk, DepartmentOfficer, Supervisor, Administrator];

    public static string ChineseName(string? role) => role switch
    {
        Worker => "技术工人",
        Employer => "用人单位经办人",
        Clerk => "窗口经办人",
        DepartmentOfficer => "协办部门经办人",
        Supervisor => "督查人员",
        Administrator => "系统管理员",
        _ => "社会公众",
    };

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}

/// <summary>Claim types the platform puts on a signed-in principal.</summary>
public static class GongjiangClaims
{
    public const string Role = "gj:role";
    public const string Region = "gj:region";
    public const string Department = "gj:dept";
    public const string Enterprise = "gj:enterprise";
    public const string Person = "gj:person";
    public const string DisplayName = "gj:name";
}
