using Gongjiang.Core.Reference;
using Gongjiang.Core.Registry;
using Gongjiang.Core.Skills;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Modules;
using Gongjiang.Web.Platform.Ui;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Features.Reference;

public sealed record RegionDto(string Code, string Name, int Level, string? ParentCode, string FullName);

public sealed record CodeDto(string Code, string Name, string? Note = null);

/// <summary>Public code tables: GB/T 2260 divisions, departments of policy 七, the skill ladder, the honours of 三(一).</summary>
internal sealed class ReferenceModule : IModule
{
    public string Name => "reference";

    public string Title => "代码表";

    public IEnumerable<NavItem> Menu => [new("/reference", "代码表", _ => true, 90, Navigation.PublicGroup)];

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reference").WithTags("代码表").AllowAnonymous();
        group.MapGet("/regions", Regions).WithSummary("行政区划（GB/T 2260）：不带 parent 时返回省级，带 parent 时返回其下级");
        group.MapGet("/regions/{code}", Region).WithSummary("查看一个行政区划");
        group.MapGet("/departments", () => TypedResults.Ok(Departments.All.Select(d => new CodeDto(d.Code, d.Name, d.ShortName))))
            .WithSummary("《意见》第七部分所列有关部门和群团组织");
        group.MapGet("/skill-levels", () => TypedResults.Ok(SkillLevels.All.Select(l => new CodeDto(l.ToString(), SkillLevels.DisplayName(l), SkillLevels.IsHighSkill(l) ? "高技能人才" : null))))
            .WithSummary("职业技能等级（八级）");
        group.MapGet("/honor-types", () => TypedResults.Ok(HonorTypes.All.Select(h => new CodeDto(h.ToString(), HonorTypes.ChineseName(h), HonorTypes.QualifiesAsLeadingTalentBasis(h) ? "高技能领军人才认定依据" : null))))
            .WithSummary("荣誉类型");
    }

    private static Results<Ok<List<RegionDto>>, ProblemHttpResult> Regions(string? parent)
    {
        var catalog = RegionCatalog.Default;
        if (string.IsNullOrWhiteSpace(parent))
        {
            return TypedResults.Ok(catalog.Provinces.Select(ToDto).ToList());
        }

        if (catalog.Find(parent.Trim()) is null)
        {
            var errors = new FieldErrors();
            errors.Add("parent", $"行政区划代码“{parent}”不存在");
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(catalog.ChildrenOf(parent.Trim()).Select(ToDto).ToList());
    }

    private static Results<Ok<RegionDto>, ProblemHttpResult> Region(string code) =>
        RegionCatalog.Default.Find(code.Trim()) is { } region ? TypedResults.Ok(ToDto(region)) : Problems.NotFound($"行政区划“{code}”");

    public static RegionDto ToDto(Region r) => new(r.Code, r.Name, (int)r.Level, r.ParentCode, RegionCatalog.Default.FullName(r.Code));
}
