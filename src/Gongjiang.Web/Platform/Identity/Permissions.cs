namespace Gongjiang.Web.Platform.Identity;

/// <summary>
/// Permissions, each an authorization policy of the same name, and the roles that hold them (OrchardCore-style
/// default role templates). Modules add theirs here so that the whole grant table reads in one place.
/// Data scope (which records) is separate: see <see cref="Access.AccessScope"/>.
/// </summary>
public static class Permissions
{
    public const string SignedIn = "SignedIn";
    public const string RegistryRead = "registry.read";
    public const string RegistryEdit = "registry.edit";
    public const string RegistrySearchAll = "registry.search";
    public const string RegistryImport = "registry.import";
    public const string RegistryImportHonours = "registry.import-honours";
    public const string RegistryViewIdNumber = "registry.view-id";
    public const string PublicationManage = "publication.manage";
    public const string FeedRead = "publication.feed";
    public const string AccountsManage = "accounts.manage";
    public const string AuditVerify = "audit.verify";

    public static readonly IReadOnlyDictionary<string, string[]> Grants = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [RegistryRead] = [Roles.Worker, Roles.Employer, Roles.Clerk, Roles.DepartmentOfficer, Roles.Supervisor, Roles.Administrator],
        [RegistrySearchAll] = [Roles.Employer, Roles.Clerk, Roles.DepartmentOfficer, Roles.Supervisor, Roles.Administrator],
        [RegistryEdit] = [Roles.Employer, Roles.Clerk],
        [RegistryImport] = [Roles.Employer, Roles.Clerk],
        [RegistryImportHonours] = [Roles.Clerk],
        [RegistryViewIdNumber] = [Roles.Clerk, Roles.DepartmentOfficer],
        [PublicationManage] = [Roles.Clerk],
        [FeedRead] = [Roles.Clerk, Roles.DepartmentOfficer, Roles.Supervisor],
        [AccountsManage] = [Roles.Administrator],
        [AuditVerify] = [Roles.Administrator],
    };

    public static bool Has(string? role, string permission) =>
        role is not null && Grants.TryGetValue(permission, out var roles) && roles.Contains(role, StringComparer.Ordinal);
}
