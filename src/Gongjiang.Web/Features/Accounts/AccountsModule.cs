using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Web.Features.Accounts;

internal static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services) =>
        services.AddScoped<SignInService>();

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
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
        return app;
    }
}
