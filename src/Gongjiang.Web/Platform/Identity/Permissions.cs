namespace Gongjiang.Web.Platform.Identity;

/// <summary>
/// Permissions, each an authorization policy of the same name, and the roles that hold them (OrchardCore-style
/// default role templates). Each module declares its permissions and their default roles
/// (<see cref="Modules.IModule.Permissions"/>); new modules keep their constants in their own folder. The constants
/// below are the foundation's (accounts, registry, publications, audit).
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

    private static readonly Lazy<IReadOnlyDictionary<string, string[]>> AllGrants = new(() =>
    {
        var grants = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var module in Modules.ModuleCatalog.All)
        {
            foreach (var (permission, roles) in module.Permissions)
            {
                if (!grants.TryAdd(permission, roles))
                {
                    throw new InvalidOperationException($"Permission {permission} is declared by two modules ({module.Name} and another).");
                }
            }
        }

        return grants;
    });

    /// <summary>Every permission of every module (<see cref="Modules.IModule.Permissions"/>) and the roles that hold it.</summary>
    public static IReadOnlyDictionary<string, string[]> Grants => AllGrants.Value;

    public static bool Has(string? role, string permission) =>
        role is not null && Grants.TryGetValue(permission, out var roles) && roles.Contains(role, StringComparer.Ordinal);
}
