using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Gongjiang.Web.Platform.Identity;

/// <summary>Puts role, jurisdiction, department, enterprise and person on the signed-in principal.</summary>
internal sealed class GongjiangClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(GongjiangClaims.Role, user.Role));
        identity.AddClaim(new Claim(GongjiangClaims.Region, user.RegionCode));
        identity.AddClaim(new Claim(GongjiangClaims.DisplayName, user.DisplayName));
        if (user.DepartmentCode is not null)
        {
            identity.AddClaim(new Claim(GongjiangClaims.Department, user.DepartmentCode));
        }

        if (user.EnterpriseId is { } enterprise)
        {
            identity.AddClaim(new Claim(GongjiangClaims.Enterprise, enterprise.ToString("D", CultureInfo.InvariantCulture)));
        }

        if (user.PersonId is { } person)
        {
            identity.AddClaim(new Claim(GongjiangClaims.Person, person.ToString("D", CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
