namespace Gongjiang.Web.Features.Policies;

/// <summary>The benefit-policy module's permissions (each an authorization policy of that name).</summary>
public static class PolicyPermissions
{
    /// <summary>Enter and change policy documents and item versions inside the own jurisdiction; check rules.</summary>
    public const string Edit = "policies.edit";

    /// <summary>See the entitlements (and stored decisions) of persons in scope: a worker their own.</summary>
    public const string Entitlements = "policies.entitlements";

    /// <summary>Record entitlement decisions and facts recorded by the window for persons in scope.</summary>
    public const string Decide = "policies.decide";

    /// <summary>Run what-if simulations over the own jurisdiction's registry.</summary>
    public const string Simulate = "policies.simulate";
}
