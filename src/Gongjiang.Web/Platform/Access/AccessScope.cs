using Gongjiang.Web.Platform.Identity;

namespace Gongjiang.Web.Platform.Access;

/// <summary>
/// The data an actor may see and change, derived once from the actor: a region prefix (jurisdiction), and where the
/// role binds it, a department, an enterprise or a person. <see cref="Allowed"/> false means no scoped record at all
/// (the anonymous public sees only what is published for it, through its own tables).
/// </summary>
public sealed record AccessScope(bool Allowed, string RegionPrefix, string? DepartmentCode, Guid? EnterpriseId, Guid? PersonId)
{
    public static AccessScope None { get; } = new(false, "-", null, null, null); // "-" starts no region code (and PostgreSQL refuses NUL in text)

    public static AccessScope Everything { get; } = new(true, "", null, null, null);

    public static AccessScope For(Actor actor)
    {
        if (actor.IsSystem)
        {
            return Everything;
        }

        var prefix = actor.Jurisdiction.Prefix;
        if (!actor.IsAuthenticated && actor.Role == Roles.PublicSubmitter && actor.Jurisdiction.Code != Gongjiang.Core.Access.Jurisdiction.CountryCode)
        {
            return new AccessScope(true, prefix, null, null, null); // one jurisdiction, for the one submission it writes
        }

        if (!actor.IsAuthenticated || actor.Role is null)
        {
            return None;
        }

        return actor.Role switch
        {
            Roles.Administrator or Roles.Supervisor or Roles.Clerk => new AccessScope(true, prefix, null, null, null),
            Roles.DepartmentOfficer => actor.DepartmentCode is null ? None : new AccessScope(true, prefix, actor.DepartmentCode, null, null),
            Roles.Employer => actor.EnterpriseId is null ? None : new AccessScope(true, prefix, null, actor.EnterpriseId, null),
            Roles.Worker => actor.PersonId is null ? None : new AccessScope(true, prefix, null, null, actor.PersonId),
            _ => None,
        };
    }
}
