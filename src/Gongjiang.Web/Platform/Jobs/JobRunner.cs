using Cronos;
using Gongjiang.Core.Access;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongjiang.Web.Platform.Jobs;

/// <summary>Settings of the job runner (configuration section <c>Jobs</c>).</summary>
public sealed class JobOptions
{
    /// <summary><c>Jobs:Enabled</c>: whether this node runs jobs (a node may only serve pages).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Jobs:Concurrency</c>: jobs one node runs at once.</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary><c>Jobs:PollSeconds</c>: how often a node looks for work queued by other nodes.</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary><c>Jobs:LeaseSeconds</c>: a running job's lease, renewed every third of it; a lapsed lease means its node stopped.</summary>
    public double LeaseSeconds { get; set; } = 30;
}

/// <summary>A recurring job registered by a module: a name, the handler kind, a title and a cron expression in China time.</summary>
public sealed record RecurringJob(string Name, string Kind, string Title, string Cron);

/// <summary>
/// Runs queued jobs on this node (docs/adr/0013). Every node polls the same table: a job is taken by an update that
/// only one node can win (status Queued → Running with this node's lease); the lease is renewed while the job runs; a
/// job whose lease lapsed lost its node and is requeued (resumable) or marked 中断. Recurring schedules are taken the
/// same way, so each occurrence runs once across all nodes. Progress and lease renewals are operational telemetry
/// written without audit entries; every change of a job's state is audited.
/// </summary>
internal sealed partial class JobRunner(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    JobSignal signal,
    IEnumerable<RecurringJob> recurring,
    IOptions<JobOptions> options,
    ILogger<JobRunner> log) : BackgroundService
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("China Standard Time", ChinaTime.Offset, "中国标准时间", "中国标准时间");

    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
    private DateTimeOffset _lastRecovery = DateTimeOffset.MinValue;

    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    private TimeProvider Clock => clock;

    /// <summary>The next occurrence of a cron expression after <paramref name="after"/>, in China time.</summary>
    public static DateTimeOffset NextOccurrence(string cron, DateTimeOffset after) =>
        CronExpression.Parse(cron).GetNextOccurrence(after, China) ?? DateTimeOffset.MaxValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await Task.Yield();
        var running = new List<Task>();
        var schedulesReady = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!schedulesReady)
                {
                    await EnsureSchedulesAsync(stoppingToken);
                    schedulesReady = true;
                }

                if (clock.GetUtcNow() - _lastRecovery > Lease / 2)
                {
                    await RecoverAsync(stoppingToken);
                    _lastRecovery = clock.GetUtcNow();
                }

                await FireSchedulesAsync(stoppingToken);
                running.RemoveAll(t => t.IsCompleted);
                while (running.Count < Math.Max(1, options.Value.Concurrency) && await ClaimAsync(stoppingToken) is { } job)
                {
                    running.Add(Task.Run(() => RunAsync(job, stoppingToken), CancellationToken.None));
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogLoopFailed(log, ex);
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(running);
    }

    private async Task<JobRun?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = SystemScope(out var db);
        var now = clock.GetUtcNow();
        var candidates = await db.Set<JobRun>().Where(j => j.Status == JobStatus.Queued && j.RunAfter <= now)
            .OrderBy(j => j.RunAfter).Select(j => j.Id).Take(5).ToListAsync(ct);
        foreach (var id in candidates)
        {
            DateTimeOffset? until = now + Lease;
            DateTimeOffset? started = now;
            var taken = await db.Set<JobRun>().Where(j => j.Id == id && j.Status == JobStatus.Queued)
                .UpdateTelemetryAsync(s => s
                    .SetProperty(j => j.Status, JobStatus.Running)
                    .SetProperty(j => j.LeaseOwner, _node)
                    .SetProperty(j => j.LeaseUntil, until)
                    .SetProperty(j => j.StartedAt, started)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1), ct);
            if (taken == 1)
            {
                var job = await db.Set<JobRun>().AsNoTracking().FirstAsync(j => j.Id == id, ct);
                await db.RecordAsync(new AuditEvent(AuditActions.Workflow, nameof(JobRun), id.ToString(),
                    Detail: $"开始执行任务（第{job.Attempts}次）：{job.Title}，节点 {_node}"), ct);
                return job;
            }
        }

        return null;
    }

    private async Task RunAsync(JobRun job, CancellationToken stopping)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var heartbeat = HeartbeatAsync(job.Id, cancel);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var actor = await ActorOfAsync(scope.ServiceProvider, job, cancel.Token);
            if (actor is null)
            {
                await FinishAsync(job.Id, JobStatus.Failed, "发起任务的账户不存在或已停用，任务未执行", CancellationToken.None);
                return;
            }

            scope.ServiceProvider.GetRequiredService<HttpCurrentActor>().Use(actor);
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => string.Equals(h.Kind, job.Kind, StringComparison.Ordinal));
            if (handler is null)
            {
                await FinishAsync(job.Id, JobStatus.Failed, $"未知的任务类型“{job.Kind}”", CancellationToken.None);
                return;
            }

            var db = scope.ServiceProvider.GetRequiredService<GongjiangDbContext>();
            var reporter = new ProgressReporter(this, job.Id);
            await handler.RunAsync(new JobContext(job, scope.ServiceProvider, db, actor, reporter.ReportAsync), cancel.Token);
            await reporter.FlushAsync(CancellationToken.None);
            await FinishAsync(job.Id, JobStatus.Succeeded, null, CancellationToken.None);
        }
        catch (JobFailedException ex)
        {
            await FinishAsync(job.Id, JobStatus.Failed, ex.Message, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The node is shutting down: hand the job back (resumable) or record it as 中断.
            await ReleaseAsync(job, "服务停止", CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // Cancelled by an administrator (the status says so already) or the lease was lost to another node.
        }
        catch (Exception ex)
        {
            LogJobFailed(log, ex, job.Id, job.Kind);
            await RetryOrFailAsync(job, ex, CancellationToken.None);
        }
        finally
        {
            await cancel.CancelAsync();
            try
            {
                await heartbeat;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>Renews the lease every third of it; cancels the job when the lease is no longer ours (cancelled, or taken over).</summary>
    private async Task HeartbeatAsync(Guid id, CancellationTokenSource cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            await Task.Delay(Lease / 3, cancel.Token); // real time: the lease is renewed even when a test holds the clock still
            await using var scope = SystemScope(out var db);
            DateTimeOffset? until = clock.GetUtcNow() + Lease;
            var renewed = await db.Set<JobRun>().Where(j => j.Id == id && j.Status == JobStatus.Running && j.LeaseOwner == _node)
                .UpdateTelemetryAsync(s => s.SetProperty(j => j.LeaseUntil, until), cancel.Token);
            if (renewed == 0)
            {
                await cancel.CancelAsync();
            }
        }
    }

    private async Task FinishAsync(Guid id, JobStatus status, string? error, CancellationToken ct)
    {
        await using var scope = SystemScope(out var db);
        var job = await db.Set<JobRun>().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || job.Status != JobStatus.Running || job.LeaseOwner != _node)
        {
            return;
        }

        job.Status = status;
        job.Error = error;
        job.FinishedAt = clock.GetUtcNow();
        job.LeaseOwner = null;
        job.LeaseUntil = null;
        await db.SaveChangesAsync(ct);
    }

    private async Task RetryOrFailAsync(JobRun started, Exception ex, CancellationToken ct)
    {
        await using var scope = SystemScope(out var db);
        var job = await db.Set<JobRun>().FirstOrDefaultAsync(j => j.Id == started.Id, ct);
        if (job is null || job.Status != JobStatus.Running || job.LeaseOwner != _node)
        {
            return;
        }

        var message = "处理出错：" + Truncate(ex.Message, 500);
        if (job.Attempts < job.MaxAttempts)
        {
            job.Status = JobStatus.Queued;
            job.RunAfter = clock.GetUtcNow() + TimeSpan.FromSeconds(10 * Math.Pow(2, job.Attempts - 1));
            job.Error = $"第{job.Attempts}次执行失败，将于{job.RunAfter.ToOffset(ChinaTime.Offset):HH:mm:ss}重试。{message}";
        }
        else
        {
            job.Status = JobStatus.Failed;
            job.FinishedAt = clock.GetUtcNow();
            job.Error = $"已尝试{job.Attempts}次，均失败。{message}";
        }

        job.LeaseOwner = null;
        job.LeaseUntil = null;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Gives a job back when this node stops: resumable jobs go back to the queue, others are 中断.</summary>
    private async Task ReleaseAsync(JobRun started, string why, CancellationToken ct)
    {
        await using var scope = SystemScope(out var db);
        var job = await db.Set<JobRun>().FirstOrDefaultAsync(j => j.Id == started.Id, ct);
        if (job is null || job.Status != JobStatus.Running || job.LeaseOwner != _node)
        {
            return;
        }

        await InterruptAsync(scope.ServiceProvider, db, job, why, ct);
    }

    /// <summary>Finds running jobs whose node stopped (lease lapsed) and requeues or interrupts each, once across nodes.</summary>
    private async Task RecoverAsync(CancellationToken ct)
    {
        await using var scope = SystemScope(out var db);
        var now = clock.GetUtcNow();
        var stale = await db.Set<JobRun>().Where(j => j.Status == JobStatus.Running && j.LeaseUntil < now).ToListAsync(ct);
        foreach (var job in stale)
        {
            // Take the recovery for this node first, so that two nodes never both recover one job.
            var expired = job.LeaseUntil;
            DateTimeOffset? until = now + Lease;
            var taken = await db.Set<JobRun>().Where(j => j.Id == job.Id && j.Status == JobStatus.Running && j.LeaseUntil == expired)
                .UpdateTelemetryAsync(s => s.SetProperty(j => j.LeaseOwner, _node).SetProperty(j => j.LeaseUntil, until), ct);
            if (taken == 1)
            {
                await db.Entry(job).ReloadAsync(ct);
                await InterruptAsync(scope.ServiceProvider, db, job, "处理任务的服务节点已停止", ct);
            }
        }
    }

    private async Task InterruptAsync(IServiceProvider services, GongjiangDbContext db, JobRun job, string why, CancellationToken ct)
    {
        job.LeaseOwner = null;
        job.LeaseUntil = null;
        if (job.Resumable && job.Attempts < job.MaxAttempts)
        {
            job.Status = JobStatus.Queued;
            job.RunAfter = clock.GetUtcNow();
            job.Error = why + "，已重新排队，将从中断处继续";
            await db.SaveChangesAsync(ct);
            signal.Wake();
            return;
        }

        job.Status = JobStatus.Interrupted;
        job.FinishedAt = clock.GetUtcNow();
        job.Error = why + "，任务未完成（中断）。可在“后台任务”中重试或重新提交";
        await db.SaveChangesAsync(ct);
        var handler = services.GetServices<IJobHandler>().FirstOrDefault(h => string.Equals(h.Kind, job.Kind, StringComparison.Ordinal));
        if (handler is not null)
        {
            try
            {
                await handler.OnInterruptedAsync(job, services, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogJobFailed(log, ex, job.Id, job.Kind);
            }
        }
    }

    private async Task EnsureSchedulesAsync(CancellationToken ct)
    {
        foreach (var definition in recurring)
        {
            await using var scope = SystemScope(out var db);
            var schedule = await db.Set<JobSchedule>().FirstOrDefaultAsync(s => s.Name == definition.Name, ct);
            var next = NextOccurrence(definition.Cron, clock.GetUtcNow());
            if (schedule is null)
            {
                db.Add(new JobSchedule { Name = definition.Name, Kind = definition.Kind, Title = definition.Title, Cron = definition.Cron, NextRunAt = next });
            }
            else if (schedule.Cron != definition.Cron || schedule.Kind != definition.Kind || schedule.Title != definition.Title)
            {
                (schedule.Cron, schedule.Kind, schedule.Title, schedule.NextRunAt) = (definition.Cron, definition.Kind, definition.Title, next);
            }
            else
            {
                continue;
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node registered or changed it at the same moment.
            }
        }
    }

    private async Task FireSchedulesAsync(CancellationToken ct)
    {
        await using var scope = SystemScope(out var db);
        var now = clock.GetUtcNow();
        var due = await db.Set<JobSchedule>().AsNoTracking().Where(s => s.Enabled && s.NextRunAt <= now).ToListAsync(ct);
        foreach (var schedule in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var next = NextOccurrence(schedule.Cron, now);
            DateTimeOffset? last = now;
            var taken = await db.Set<JobSchedule>().Where(s => s.Name == schedule.Name && s.NextRunAt == schedule.NextRunAt)
                .UpdateTelemetryAsync(s => s.SetProperty(x => x.NextRunAt, next).SetProperty(x => x.LastRunAt, last), ct);
            if (taken != 1)
            {
                continue;
            }

            var job = scope.ServiceProvider.GetRequiredService<JobQueue>().Enqueue(db, schedule.Kind, schedule.Title, payload: null);
            job.ScheduleName = schedule.Name;
            await db.SaveChangesAsync(ct);
            await db.Set<JobSchedule>().Where(s => s.Name == schedule.Name).UpdateTelemetryAsync(s => s.SetProperty(x => x.LastJobId, job.Id), ct);
            await transaction.CommitAsync(ct);
        }
    }

    private static async Task<Actor?> ActorOfAsync(IServiceProvider services, JobRun job, CancellationToken ct)
    {
        if (job.RequestedById is null)
        {
            return Actor.System("后台任务：" + job.Title);
        }

        var db = services.GetRequiredService<GongjiangDbContext>();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == job.RequestedById, ct);
        if (user is null || user.IsDisabled || Jurisdiction.Parse(user.RegionCode) is not { IsValid: true } region)
        {
            return null;
        }

        return new Actor(user.Id, user.UserName ?? "", user.DisplayName, user.Role, region.Value, user.DepartmentCode, user.EnterpriseId, user.PersonId);
    }

    private AsyncServiceScope SystemScope(out GongjiangDbContext db)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentActor>().Use(Actor.System("后台任务"));
        db = scope.ServiceProvider.GetRequiredService<GongjiangDbContext>();
        return scope;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    [LoggerMessage(Level = LogLevel.Error, Message = "后台任务调度出错")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "后台任务 {JobId}（{Kind}）执行出错")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, Guid jobId, string kind);

    /// <summary>Writes progress at most every half second (operational telemetry, not audited), and the last value at the end.</summary>
    private sealed class ProgressReporter(JobRunner runner, Guid id)
    {
        private DateTimeOffset _lastWrite = DateTimeOffset.MinValue;
        private (long Done, long? Total, string? Text)? _pending;

        public async Task ReportAsync(long done, long? total, string? text, CancellationToken ct)
        {
            _pending = (done, total, text);
            if (runner.Clock.GetUtcNow() - _lastWrite >= TimeSpan.FromMilliseconds(500))
            {
                await FlushAsync(ct);
            }
        }

        public async Task FlushAsync(CancellationToken ct)
        {
            if (_pending is not { } p)
            {
                return;
            }

            _pending = null;
            _lastWrite = runner.Clock.GetUtcNow();
            await using var scope = runner.SystemScope(out var db);
            var text = p.Text is null ? null : Truncate(p.Text, 500);
            await db.Set<JobRun>().Where(j => j.Id == id && j.LeaseOwner == runner._node)
                .UpdateTelemetryAsync(s => s.SetProperty(j => j.ProgressDone, p.Done).SetProperty(j => j.ProgressTotal, p.Total).SetProperty(j => j.ProgressText, text), ct);
        }
    }
}

/// <summary>Registration of the job runner and of modules' handlers and schedules.</summary>
public static class JobServiceCollectionExtensions
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobOptions>(configuration.GetSection("Jobs"));
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobQueue>();
        services.AddHostedService<JobRunner>();
        return services;
    }

    /// <summary>Registers a module's handler (resolved in each job's own scope).</summary>
    public static IServiceCollection AddJobHandler<T>(this IServiceCollection services)
        where T : class, IJobHandler => services.AddScoped<IJobHandler, T>();

    /// <summary>Registers a recurring job: <paramref name="cron"/> is a five-field cron expression in China time.</summary>
    public static IServiceCollection AddRecurringJob(this IServiceCollection services, string name, string kind, string title, string cron)
    {
        _ = CronExpression.Parse(cron);
        return services.AddSingleton(new RecurringJob(name, kind, title, cron));
    }
}
