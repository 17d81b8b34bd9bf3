using System.Globalization;
using Gongjiang.Core.Access;
using Gongjiang.Core.Policies;
using Gongjiang.Web.Features.Policies.Catalogue;
using Gongjiang.Web.Features.Policies.Data;
using Gongjiang.Web.Features.Policies.Engine;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Policies.Simulations;

/// <summary>A what-if simulation as asked for (form or API).</summary>
public sealed class SimulationInput
{
    /// <summary>The jurisdiction whose registry is simulated; inside the actor's own.</summary>
    public string? RegionCode { get; set; }

    /// <summary>yyyy-MM-dd; the rules in force and the facts on that day.</summary>
    public string? AsOf { get; set; }

    /// <summary>The item version changed (one in force in the jurisdiction on the day).</summary>
    public string? VersionId { get; set; }

    /// <summary>Parameter, FixedAmount, AddCondition, ReplaceEligibility or ReplaceFormula.</summary>
    public string? Kind { get; set; }

    /// <summary>The parameter's name (for <see cref="ReformKind.Parameter"/>).</summary>
    public string? Parameter { get; set; }

    /// <summary>The new value: 元, a parameter value or rule text.</summary>
    public string? Value { get; set; }

    public string? Title { get; set; }
}

/// <summary>
/// Starts what-if simulations as background jobs (<see cref="SimulationJob"/>) inside the actor's jurisdiction — another
/// jurisdiction is refused — and reads their results. The reform lives in the simulation only; the live rules are untouched.
/// </summary>
public sealed class SimulationService(GongjiangDbContext db, PolicyCatalogue catalogue, JobQueue jobs, TimeProvider clock)
{
    public async Task<(Guid? Id, FieldErrors Errors)> StartAsync(SimulationInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var actor = db.Actor;
        if (!actor.Can(PolicyPermissions.Simulate))
        {
            errors.Add("regionCode", "您的角色不能进行待遇测算");
            return (null, errors);
        }

        var region = Jurisdiction.Parse(string.IsNullOrWhiteSpace(input.RegionCode) ? actor.Jurisdiction.Code : input.RegionCode.Trim());
        if (!region.IsValid)
        {
            errors.Add("regionCode", "测算辖区：" + region.Error);
        }
        else if (!actor.Jurisdiction.Contains(region.Value))
        {
            errors.Add("regionCode", $"只能测算本辖区（{RegionNames.Of(actor.Jurisdiction.Code)}）及下级的政策，不能测算{RegionNames.Of(region.Value.Code)}");
        }

        var asOf = string.IsNullOrWhiteSpace(input.AsOf) ? ChinaTime.Today(clock) : ItemInput.ParseDate(input.AsOf, "asOf", "测算日期", errors, required: true);
        if (!Enum.TryParse<ReformKind>(input.Kind?.Trim(), ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "请选择改动方式（修改参数、修改固定金额、追加资格条件、替换资格条件、替换金额公式）");
        }

        if (string.IsNullOrWhiteSpace(input.Value))
        {
            errors.Add("value", "请填写改动后的值");
        }

        if (!errors.IsEmpty || asOf is null)
        {
            return (null, errors);
        }

        var resolved = await catalogue.ResolveAsync(region.Value.Code, asOf.Value, ct);
        var item = resolved.Value?.Items.FirstOrDefault(i => i.Version.VersionId == input.VersionId?.Trim());
        if (item is null)
        {
            errors.Add("versionId", $"请选择{RegionNames.Of(region.Value.Code)}在{asOf:yyyy-MM-dd}有效的事项");
            return (null, errors);
        }

        var change = new ReformChange(item.Version.VersionId, kind, kind == ReformKind.Parameter ? input.Parameter?.Trim() : null, input.Value!.Trim());
        var applied = Reform.Apply(item.Version, change, catalogue.Registry);
        if (!applied.IsValid)
        {
            foreach (var reason in applied.Reasons)
            {
                errors.Add("value", reason);
            }

            return (null, errors);
        }

        var title = string.IsNullOrWhiteSpace(input.Title)
            ? $"{RegionNames.Of(region.Value.Code)}：{item.Version.Name}{Reform.ChineseName(kind)}"
            : input.Title.Trim();
        if (title.Length > 200)
        {
            errors.Add("title", "测算名称不能超过200个字符");
            return (null, errors);
        }

        var simulation = new StoredSimulation
        {
            RegionCode = region.Value.Code,
            Title = title,
            AsOf = asOf.Value,
            Reform = PolicyJson.Serialize(new Reform([change])),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.UserName,
        };
        db.Add(simulation);
        var job = jobs.Enqueue(db, SimulationJob.KindName, "待遇测算：" + title, new SimulationJob.Payload(simulation.Id), simulation.Id, $"/policies/simulations/{simulation.Id}");
        simulation.JobId = job.Id;
        await db.SaveChangesAsync(ct);
        return (simulation.Id, errors);
    }

    public Task<StoredSimulation?> FindAsync(Guid id, CancellationToken ct) =>
        db.Set<StoredSimulation>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);

    public Task<JobRun?> JobAsync(Guid? jobId, CancellationToken ct) =>
        jobId is { } id ? db.Set<JobRun>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct) : Task.FromResult<JobRun?>(null);

    public async Task<IReadOnlyList<StoredSimulation>> RecentAsync(int take, CancellationToken ct) =>
        await db.Set<StoredSimulation>().AsNoTracking().OrderByDescending(s => s.Id).Take(take).ToListAsync(ct);

    public static SimulationResult? ResultOf(StoredSimulation simulation) =>
        simulation?.Result is { } json ? PolicyJson.Deserialize<SimulationResult>(json) : null;

    /// <summary>The result as an XLSX workbook: summary, cost by region and category, take-up and cost by item.</summary>
    public static byte[] Xlsx(StoredSimulation simulation, SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(result);
        static decimal Yuan(Core.Common.Money m) => m.Yuan;
        var s = result.Summary;
        var summary = new List<Dictionary<string, object?>>
        {
            Row(("项目", "测算名称"), ("值", SpreadsheetText.Defuse(simulation.Title))),
            Row(("项目", "测算辖区"), ("值", RegionNames.Full(simulation.RegionCode))),
            Row(("项目", "测算日期"), ("值", simulation.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            Row(("项目", "改动"), ("值", SpreadsheetText.Defuse(string.Join("；", result.Changes)))),
            Row(("项目", "测算人数"), ("值", s.Persons)),
            Row(("项目", "受益人数（增加）"), ("值", s.Gainers)),
            Row(("项目", "受损人数（减少）"), ("值", s.Losers)),
            Row(("项目", "不变人数"), ("值", s.Unchanged)),
            Row(("项目", "有事项无法判断的人数"), ("值", s.Undetermined)),
            Row(("项目", "现行规则年度成本（元）"), ("值", Yuan(s.BaselineCost))),
            Row(("项目", "改革方案年度成本（元）"), ("值", Yuan(s.ReformCost))),
            Row(("项目", "变化（元）"), ("值", Yuan(s.Change))),
        };
        var byRegion = s.ByRegionAndCategory.Select(r => Row(
            ("地区代码", r.RegionCode), ("地区", RegionNames.Full(r.RegionCode)), ("类别", PolicyNames.Of(r.Category)),
            ("现行享受人次", r.BaselineEntitlements), ("改革后享受人次", r.ReformEntitlements),
            ("现行年度成本（元）", Yuan(r.BaselineCost)), ("改革后年度成本（元）", Yuan(r.ReformCost)), ("变化（元）", Yuan(r.Change)))).ToList();
        var byItem = s.ByItem.Select(i => Row(
            ("事项代码", i.ItemKey), ("事项", SpreadsheetText.Defuse(i.Name)), ("现行享受人数", i.BaselineEntitled), ("改革后享受人数", i.ReformEntitled),
            ("现行年度成本（元）", Yuan(i.BaselineCost)), ("改革后年度成本（元）", Yuan(i.ReformCost)), ("变化（元）", Yuan(i.ReformCost - i.BaselineCost)))).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["概要"] = summary,
            ["按地区和类别"] = byRegion,
            ["按事项"] = byItem,
        };
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, sheets, excelType: MiniExcelLibs.ExcelType.XLSX);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Row(params (string Column, object? Value)[] cells)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (column, value) in cells)
        {
            row[column] = value;
        }

        return row;
    }
}
