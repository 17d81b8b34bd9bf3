using System.Globalization;
using System.Text.Json;
using Gongjiang.Web.Features.Policies.Data;
using Gongjiang.Web.Features.Policies.Engine;
using Gongjiang.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Policies.Simulations;

/// <summary>
/// Runs a what-if simulation in the background as the clerk who asked for it (their scope applies to every person
/// read), reporting progress on <c>/jobs/{id}</c> and the simulation page, and stores the result with the simulation.
/// </summary>
public sealed class SimulationJob(RegistryRuns runs) : IJobHandler
{
    public const string KindName = "policies.simulation";

    public sealed record Payload(Guid SimulationId);

    public string Kind => KindName;

    public async Task RunAsync(JobContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var payload = JsonSerializer.Deserialize<Payload>(context.Job.Payload ?? "{}")
            ?? throw new JobFailedException("测算任务缺少参数");
        var simulation = await context.Db.Set<StoredSimulation>().FirstOrDefaultAsync(s => s.Id == payload.SimulationId, ct)
            ?? throw new JobFailedException("未找到该测算，或它不在您的管辖范围内");
        var reform = PolicyJson.Deserialize<Reform>(simulation.Reform);
        await context.ReportAsync(0, null, "正在读取政策和人员数据", ct);
        var result = await runs.SimulateAsync(simulation.RegionCode, simulation.AsOf, reform,
            (done, total) => context.ReportAsync(done, total, string.Create(CultureInfo.InvariantCulture, $"已测算 {done:N0} / {total:N0} 人"), ct), ct);
        if (!result.IsValid)
        {
            simulation.Error = result.Error;
            await context.Db.SaveChangesAsync(ct);
            throw new JobFailedException("测算方案无效：" + result.Error);
        }

        simulation.Result = PolicyJson.Serialize(result.Value!);
        simulation.Error = null;
        await context.Db.SaveChangesAsync(ct);
        await context.ReportAsync(result.Value!.Summary.Persons, result.Value.Summary.Persons,
            string.Create(CultureInfo.InvariantCulture, $"已完成：测算 {result.Value.Summary.Persons:N0} 人，受益 {result.Value.Summary.Gainers:N0} 人，受损 {result.Value.Summary.Losers:N0} 人"), ct);
    }

    public async Task OnInterruptedAsync(JobRun job, IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<Platform.Data.GongjiangDbContext>();
        if (job.SubjectId is { } id && await db.Set<StoredSimulation>().FirstOrDefaultAsync(s => s.Id == id, ct) is { } simulation)
        {
            simulation.Error = "测算中断（服务器重启），请重新发起";
            await db.SaveChangesAsync(ct);
        }
    }
}
