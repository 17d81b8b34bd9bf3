using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Architecture;

/// <summary>
/// DESIGN.md: "Jurisdiction and department scope are applied by one mechanism that every query passes through." Every
/// entity in the model carries the scope filter, except these, each for a stated reason.
/// </summary>
public sealed class ScopeCoverageTests : IDisposable
{
    private static readonly Dictionary<string, string> Unscoped = new(StringComparer.Ordinal)
    {
        ["AuditEntry"] = "the audit log: administrators only, filtered by the actor's jurisdiction on the audit page",
        ["DataProtectionKey"] = "platform keys, never read by a feature",
        ["AppUser"] = "sign-in must find the account before there is an actor; account administration applies the same rule explicitly (ADR 0002)",
        ["IdentityRole"] = "Identity's role table",
        ["IdentityUserRole`1"] = "Identity's link table",
        ["IdentityUserClaim`1"] = "Identity's claims table",
        ["IdentityUserLogin`1"] = "Identity's external logins",
        ["IdentityRoleClaim`1"] = "Identity's role claims",
        ["IdentityUserToken`1"] = "Identity's tokens (authenticator keys)",
        ["JobSchedule"] = "the platform's recurring schedules (no personal data); read by the job runner and administrators",
        ["ImportError"] = "read only through its scoped import (error report and result page load the import first)",
        ["PlatformSetting"] = "settings of the database itself (its origin, demo or production), read and written by start-up and commands only",
    };

    private readonly TestApp _app = new(Gongjiang.Web.Platform.Data.DatabaseProvider.Sqlite);

    [Fact]
    public void Every_entity_is_scoped_or_listed_with_a_reason()
    {
        using var db = _app.CreateContext(Actor.System("test"));

        var missing = db.Model.GetEntityTypes()
            .Where(t => t.GetDeclaredQueryFilters().Count == 0 && t.BaseType is null)
            .Select(t => t.ClrType.Name)
            .Where(name => !Unscoped.ContainsKey(name))
            .ToList();

        Assert.Empty(missing);
    }

    public void Dispose() => _app.Dispose();
}
