using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Web.Platform.Identity;

/// <summary>
/// An account. Every account acts inside a jurisdiction (<see cref="RegionCode"/>, "000000" = whole country);
/// department officers are also bound to a department, employer accounts to one enterprise, worker accounts to
/// one person. The role is kept here as well as in Identity's role table so that it is one value, not a set.
/// </summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public string Role { get; set; } = Roles.Worker;

    public string RegionCode { get; set; } = "000000";

    public string? DepartmentCode { get; set; }

    public Guid? EnterpriseId { get; set; }

    public Guid? PersonId { get; set; }

    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool MustChangePassword { get; set; }
}
