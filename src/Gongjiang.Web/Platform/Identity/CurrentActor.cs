using System.Security.Claims;
using Gongjiang.Core.Access;

namespace Gongjiang.Web.Platform.Identity;

/// <summary>Who is acting in this request (or command), and inside which jurisdiction.</summary>
public sealed record Actor(
    string? UserId,
    string UserName,
    string DisplayName,
    string? Role,
    Jurisdiction Jurisdiction,
    string? DepartmentCode,
    Guid? EnterpriseId,
    Guid? PersonId,
    bool IsSystem = false)
{
    public static Actor Anonymous { get; } = new(null, "anonymous", "社会公众", null, Jurisdiction.Country, null, null, null);

    /// <summary>
    /// The anonymous public writing one submission (an 异议) into the jurisdiction it concerns: its scope is that
    /// jurisdiction only, it holds no permission, and the audit record names the purpose (and the client address).
    /// Not a system actor, whose scope is the whole country.
    /// </summary>
    public static Actor PublicSubmission(Jurisdiction jurisdiction, string purpose) =>
        new(null, "public", "社会公众（" + purpose + "）", Roles.PublicSubmitter, jurisdiction, null, null, null);

    public static Actor System(string reason) => new(null, "system", "系统（" + reason + "）", null, Jurisdiction.Country, null, null, null, true);

    public bool IsAuthenticated => UserId is not null;

    public bool Can(string permission) => Permissions.Has(Role, permission);

    public static Actor FromPrincipal(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var region = Jurisdiction.Parse(user.FindFirstValue(GongjiangClaims.Region));
        if (!region.IsValid)
        {
            return Anonymous;
        }

        return new Actor(
            user.FindFirstValue(ClaimTypes.NameIdentifier),
            user.FindFirstValue(ClaimTypes.Name) ?? "",
            user.FindFirstValue(GongjiangClaims.DisplayName) ?? "",
            user.FindFirstValue(GongjiangClaims.Role),
            region.Value,
            user.FindFirstValue(GongjiangClaims.Department),
            Guid.TryParse(user.FindFirstValue(GongjiangClaims.Enterprise), out var e) ? e : null,
            Guid.TryParse(user.FindFirstValue(GongjiangClaims.Person), out var p) ? p : null);
    }
}

/// <summary>The actor of the current scope: the signed-in user of the request, or a system actor for commands.</summary>
public interface ICurrentActor
{
    Actor Actor { get; }

    string? ClientAddress { get; }
}

internal sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private Actor? _actor;
    private Actor? _override;

    public Actor Actor => _override ?? (_actor ??= Actor.FromPrincipal(accessor.HttpContext?.User));

    public string? ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    /// <summary>Used by commands and the demo seeder, which run with no request.</summary>
    public void Use(Actor actor) => _override = actor;
}
