using Gongjiang.Web.Features.Policies.Catalogue;
using Gongjiang.Web.Features.Policies.Contracts;
using Gongjiang.Web.Features.Policies.Engine;
using Gongjiang.Web.Features.Policies.Entitlements;
using Gongjiang.Web.Features.Policies.Simulations;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Jobs;
using Gongjiang.Web.Platform.Modules;
using Gongjiang.Web.Platform.Ui;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using P = Gongjiang.Web.Features.Policies.PolicyPermissions;

namespace Gongjiang.Web.Features.Policies;

/// <summary>
/// 待遇政策 [policy 三(二)–(四), 四]: each jurisdiction's documents and dated benefit items (inherited and overridden
/// 全国 → 省 → 市 → 县), rules checked when saved, entitlements with explanations, stored and replayable decisions, what-if
/// simulations over the registry as background jobs, and cross-region comparisons. The engine is Core's
/// (<c>Gongjiang.Core.Policies</c>, docs/adr/0010); modules add facts through <see cref="IFactSource"/> (docs/adr/0014).
/// </summary>
internal sealed class PoliciesModule : IModule
{
    public string Name => "policies";

    public string Title => "待遇政策";

    public IReadOnlyDictionary<string, string[]> Permissions => new Dictionary<string, string[]>
    {
        [P.Edit] = [Roles.Administrator, Roles.Clerk],
        [P.Entitlements] = [Roles.Worker, Roles.Employer, Roles.Clerk, Roles.DepartmentOfficer, Roles.Supervisor, Roles.Administrator],
        [P.Decide] = [Roles.Clerk],
        [P.Simulate] = [Roles.Clerk, Roles.Supervisor, Roles.Administrator],
    };

    public IReadOnlyDictionary<string, string> AuditNames => new Dictionary<string, string>
    {
        ["StoredPolicyDocument"] = "政策文件",
        ["StoredItemVersion"] = "待遇事项版本",
        ["RecordedFact"] = "登记的事实",
        ["StoredDecision"] = "待遇决定",
        ["StoredSimulation"] = "待遇测算",
    };

    /// <summary>The menu group of the signed-in pages.</summary>
    public const string Group = "待遇政策";

    public IEnumerable<NavItem> Menu =>
    [
        new("/policies", "待遇政策目录", _ => true, 30, Navigation.PublicGroup),
        new("/policies/my", "我能享受的待遇", a => a.Role == Roles.Worker && a.PersonId is not null, 31, Group),
        new("/policies/simulations", "待遇测算", a => a.Can(P.Simulate), 32, Group),
        new("/policies/compare", "地区比较", a => a.IsAuthenticated, 33, Group),
        new("/policies/decisions", "待遇决定", a => a.Can(P.Entitlements) && a.Role is not (Roles.Worker or Roles.Employer), 34, Group),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(PolicyFacts.From);
        services.AddSingleton<CompiledSetCache>();
        services.AddScoped<FactLoader>();
        services.AddScoped<PolicyCatalogue>();
        services.AddScoped<CatalogueEditing>();
        services.AddScoped<EntitlementService>();
        services.AddScoped<IEntitlements>(sp => sp.GetRequiredService<EntitlementService>());
        services.AddScoped<IEntitlementDecisions>(sp => sp.GetRequiredService<EntitlementService>());
        services.AddScoped<RecordedFacts>();
        services.AddScoped<RegistryRuns>();
        services.AddScoped<SimulationService>();
        services.AddJobHandler<SimulationJob>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        PoliciesApi.Map(app);

        // Downloads and the attachment upload of the pages (cookie sign-in; the form carries the antiforgery token).
        app.MapGet("/policies/documents/{id}/attachment", AttachmentAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/policies/documents/{id}/attachment", UploadAsync).RequireAuthorization(P.Edit)
            .WithMetadata(new RequestSizeLimitAttribute(CatalogueEditing.MaxAttachmentBytes + (1024 * 1024)), new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        app.MapGet("/policies/simulations/{id:guid}/result.xlsx", ExportAsync).RequireAuthorization(P.Simulate).ExcludeFromDescription();
    }

    public Task SeedDemoAsync(DemoSeed seed, CancellationToken ct) => PoliciesDemo.SeedAsync(seed, ct);

    private static async Task<IResult> AttachmentAsync(string id, PolicyCatalogue catalogue, PlatformSettings settings, CancellationToken ct)
    {
        var document = await catalogue.DocumentAsync(id, ct);
        if (document?.AttachmentSha256 is not { } sha)
        {
            return Results.NotFound();
        }

        var path = Path.Combine(CatalogueEditing.AttachmentFolder(settings), sha);
        return File.Exists(path)
            ? Results.File(path, AttachmentTypes.ContentType(document.AttachmentType), document.AttachmentName ?? "附件." + document.AttachmentType)
            : Results.NotFound();
    }

    private static async Task<IResult> UploadAsync(string id, HttpContext context, CatalogueEditing editing, CancellationToken ct)
    {
        var back = "/policies/documents/" + Uri.EscapeDataString(id);
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return Results.LocalRedirect(back + "?error=" + Uri.EscapeDataString("附件超过上限 20 MB"));
        }
        catch (BadHttpRequestException)
        {
            return Results.LocalRedirect(back + "?error=" + Uri.EscapeDataString("附件超过上限 20 MB"));
        }

        var file = form.Files["file"];
        if (file is null || file.Length == 0)
        {
            return Results.LocalRedirect(back + "?error=" + Uri.EscapeDataString("请选择附件文件"));
        }

        await using var stream = file.OpenReadStream();
        var error = await editing.AttachAsync(id, stream, file.FileName, ct);
        return Results.LocalRedirect(back + (error is null ? "?attached=1" : "?error=" + Uri.EscapeDataString(error)));
    }

    private static async Task<IResult> ExportAsync(Guid id, SimulationService simulations, GongjiangDbContext db, CancellationToken ct)
    {
        var simulation = await simulations.FindAsync(id, ct);
        if (simulation is null || SimulationService.ResultOf(simulation) is not { } result)
        {
            return Results.NotFound();
        }

        await db.RecordAsync(new Platform.Audit.AuditEvent(Platform.Audit.AuditActions.Export, nameof(Data.StoredSimulation), id.ToString(), Detail: "下载待遇测算结果：" + simulation.Title), ct);
        return Results.File(SimulationService.Xlsx(simulation, result), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "待遇测算结果.xlsx");
    }
}
