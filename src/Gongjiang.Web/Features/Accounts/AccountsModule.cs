using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Modules;
using Gongjiang.Web.Platform.Ui;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Web.Features.Accounts;

/// <summary>账户: sign-in, own account, second factor, account administration.</summary>
internal sealed class AccountsModule : IModule
{
    public string Name => "accounts";

    public string Title => "账户";

    public IReadOnlyDictionary<string, string[]> Permissions => new Dictionary<string, string[]>
    {
        [Platform.Identity.Permissions.AccountsManage] = [Roles.Administrator],
    };

    public IEnumerable<NavItem> Menu =>
    [
        new("/admin/accounts", "账户管理", a => a.Can(Platform.Identity.Permissions.AccountsManage), 80),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<SignInService>();

    public Task SeedDemoAsync(DemoSeed seed, CancellationToken ct) =>
        DemoData.SeedAccountsAsync(seed.Db, seed.Services.GetRequiredService<UserManager<AppUser>>(), seed.Settings.DemoPassword, seed.Clock);

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        // Sign-out is a POST with the antiforgery token of the layout's form; it ends the session on the server too.
        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn, GongjiangDbContext db, HttpContext context) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                await db.RecordAsync(new AuditEvent(AuditActions.SignOut, nameof(AppUser), db.Actor.UserId), context.RequestAborted);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        app.MapAccountsApi();
        app.MapExportAccounts();
    }
}
