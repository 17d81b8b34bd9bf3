using Gongjiang.Core.Skills;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Features.Wages.Data;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Features.Wages;

/// <summary>One scheme version as returned (amounts in 元 a month).</summary>
public sealed record WageSchemeDto(Guid Id, Guid EnterpriseId, string EnterpriseName, string Kind, string Name, int? StartYears, decimal MonthlyAmount,
    decimal? MonthlyCap, string? MinimumLevel, bool PerApprentice, int? MinimumApprentices, int? MaximumApprentices, DateOnly EffectiveFrom,
    DateOnly? EffectiveTo, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static WageSchemeDto From(WageSchemeVersion s) => new(s.Id, s.EnterpriseId, s.EnterpriseName, WageSchemeVersion.ChineseName(s.Kind), s.Name,
        s.Kind == WageSchemeKind.Seniority ? s.StartYears : null, s.MonthlyAmountFen / 100m, s.MonthlyCapFen / 100m,
        s.MinimumLevel is { } l ? SkillLevels.DisplayName(l) : null, s.PerApprentice, s.Kind == WageSchemeKind.Mentoring ? s.MinimumApprentices : null,
        s.MaximumApprentices, s.EffectiveFrom, s.EffectiveTo, s.RecordedByName, s.RecordedAt);
}

/// <summary>The API of the enterprises' 年资工资 and allowance schemes (policy 三(三)).</summary>
internal static class WageSchemesApi
{
    public static IEndpointRouteBuilder MapWageSchemes(this IEndpointRouteBuilder app)
    {
        var schemes = app.MapApiGroup("wages/schemes", "年资工资和津贴制度", WagesModule.Report);
        schemes.MapGet("/", async (GongjiangDbContext db, CancellationToken ct, Guid? enterpriseId = null) =>
            TypedResults.Ok((await WageSchemeStore.ListAsync(db, enterpriseId, ct)).Select(WageSchemeDto.From).ToList()))
            .WithSummary("管辖范围内（用人单位：本单位）的年资工资、特聘岗位津贴和带徒津贴制度，含各历史版本（enterpriseId 可选）");
        schemes.MapPost("/", async Task<Results<Created<WageSchemeDto>, ProblemHttpResult>> (WageSchemeRequest request, GongjiangDbContext db,
            IRegistryDirectory registry, TimeProvider clock, CancellationToken ct) =>
        {
            var (id, errors) = await WageSchemeStore.RecordAsync(db, registry, request, clock, ct);
            if (id is null)
            {
                return Problems.Validation(errors);
            }

            var created = (await WageSchemeStore.ListAsync(db, request.EnterpriseId ?? db.Actor.EnterpriseId, ct)).First(s => s.Id == id);
            return TypedResults.Created($"/api/v1/wages/schemes?enterpriseId={created.EnterpriseId}", WageSchemeDto.From(created));
        }).WithSummary("登记本单位年资工资或津贴制度的新版本（kind：年资工资、特聘岗位津贴、带徒津贴；金额以元/月为单位的文本；effectiveFrom 起生效，同类旧版本至该日止）");
        return app;
    }
}
