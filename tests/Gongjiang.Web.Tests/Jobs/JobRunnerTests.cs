using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Jobs;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gongjiang.Web.Tests.Jobs;

/// <summary>
/// ADR 0013: jobs survive restarts, run once across nodes, run as the person who queued them, report progress, retry,
/// and are marked 中断 when their node stops.
/// </summary>
public sealed class JobRunnerTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_queued_job_runs_as_its_requester_reports_progress_and_is_audited(DatabaseProvider provider)
    {
        using var app = new TestApp(provider, services: s => s.AddJobHandler<RecordingHandler>());
        _ = app.Services; // start the host (and its runner)
        var id = await EnqueueAsync(app, "clerk", RecordingHandler.KindName);

        var job = await WaitAsync(app, id, j => j.IsFinished);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(3, job.ProgressDone);
        Assert.Equal("已处理 3 / 3 项", job.ProgressText);
        Assert.Equal("clerk", RecordingHandler.LastActor?.UserName); // the handler ran as the clerk, in the clerk's scope
        Assert.Equal("440300", RecordingHandler.LastActor?.Jurisdiction.Code);
        await using var db = app.CreateContext(Actor.System("test"));
        var audit = await db.AuditEntries.Where(e => e.EntityType == nameof(JobRun) && e.EntityId == id.ToString()).ToListAsync();
        Assert.Contains(audit, e => e.Action == AuditActions.Create);
        Assert.Contains(audit, e => e.Action == AuditActions.Workflow && e.Detail!.Contains("开始执行任务", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == AuditActions.Update && e.After!.Contains($"\"Status\":{(int)JobStatus.Succeeded}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_job_is_retried_with_back_off_and_then_fails_with_its_message()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite, services: s => s.AddJobHandler<FlakyHandler>());
        _ = app.Services;
        var id = await EnqueueAsync(app, "clerk", FlakyHandler.KindName);

        var first = await WaitAsync(app, id, j => j.Status == JobStatus.Queued && j.Attempts == 1);
        Assert.StartsWith("第1次执行失败", first.Error, StringComparison.Ordinal);
        Assert.True(first.RunAfter > app.Clock.GetUtcNow()); // waits for its back-off

        app.Clock.Advance(TimeSpan.FromSeconds(11));
        await WaitAsync(app, id, j => j.Status == JobStatus.Queued && j.Attempts == 2);
        app.Clock.Advance(TimeSpan.FromSeconds(21));
        var last = await WaitAsync(app, id, j => j.IsFinished);

        Assert.Equal(JobStatus.Failed, last.Status);
        Assert.Equal(3, last.Attempts);
        Assert.Contains("磁盘暂时不可用", last.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, JobStatus.Interrupted)]
    [InlineData(true, JobStatus.Succeeded)]
    public async Task A_job_whose_node_stopped_is_interrupted_or_resumed(bool resumable, JobStatus expected)
    {
        using var app = new TestApp(DatabaseProvider.Sqlite, services: s => s.AddJobHandler<RecordingHandler>());
        _ = app.Services;
        Guid id;
        await using (var db = app.CreateContext(Actor.System("test")))
        {
            // A job a dead node took 5 minutes ago: running, its lease long lapsed.
            var now = app.Clock.GetUtcNow();
            var job = new JobRun
            {
                Kind = RecordingHandler.KindName,
                Title = "测试任务",
                Status = JobStatus.Running,
                Attempts = 1,
                Resumable = resumable,
                RegionCode = "440300",
                CreatedAt = now.AddMinutes(-5),
                RunAfter = now.AddMinutes(-5),
                StartedAt = now.AddMinutes(-5),
                LeaseOwner = "dead-node",
                LeaseUntil = now.AddMinutes(-4),
            };
            db.Add(job);
            await db.SaveChangesAsync();
            id = job.Id;
        }

        var finished = await WaitAsync(app, id, j => j.IsFinished);

        Assert.Equal(expected, finished.Status);
        if (!resumable)
        {
            Assert.Contains("中断", finished.Error, StringComparison.Ordinal);
            Assert.Contains(id, RecordingHandler.Interrupted);
        }
    }

    [Fact]
    public async Task A_recurring_job_fires_once_per_occurrence_across_two_nodes()
    {
        using var app = new TestApp(DatabaseProvider.Postgres, services: s =>
        {
            s.AddJobHandler<RecordingHandler>();
            s.AddRecurringJob("test.daily", RecordingHandler.KindName, "每日测试任务", "0 3 * * *");
        });
        _ = app.Services;
        await WaitForScheduleAsync(app);

        // A second node on the same database, racing the first for the due occurrence.
        var second = new JobRunner(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock, new JobSignal(),
            app.Services.GetServices<RecurringJob>(), app.Services.GetRequiredService<IOptions<JobOptions>>(), NullLogger<JobRunner>.Instance);
        await second.StartAsync(CancellationToken.None);
        await using (var db = app.CreateContext(Actor.System("test")))
        {
            await db.Set<JobSchedule>().Where(s => s.Name == "test.daily").ExecuteUpdateAsync(s => s.SetProperty(x => x.NextRunAt, app.Clock.GetUtcNow().AddSeconds(-1)));
        }

        await Task.Delay(TimeSpan.FromSeconds(6));
        await second.StopAsync(CancellationToken.None);

        await using var check = app.CreateContext(Actor.System("test"));
        var runs = await check.Set<JobRun>().Where(j => j.ScheduleName == "test.daily").ToListAsync();
        var schedule = await check.Set<JobSchedule>().SingleAsync(s => s.Name == "test.daily");
        Assert.Single(runs);
        Assert.Equal("000000", runs[0].RegionCode);
        Assert.True(schedule.NextRunAt > app.Clock.GetUtcNow());
        Assert.Equal(3, schedule.NextRunAt.ToOffset(TimeSpan.FromHours(8)).Hour); // 03:00 China time
    }

    [Fact]
    public async Task An_administrator_retries_a_failed_job_and_a_clerk_sees_only_their_jurisdictions_jobs()
    {
        using var app = new TestApp(DatabaseProvider.Sqlite, services: s => s.AddJobHandler<RecordingHandler>());
        _ = app.Services;
        var shenzhen = await EnqueueAsync(app, "clerk", "no.such.kind");
        var failed = await WaitAsync(app, shenzhen, j => j.IsFinished);
        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Equal("未知的任务类型“no.such.kind”", failed.Error);

        await using (var guangzhou = app.CreateContext(await ActorAsync(app, "clerk2")))
        {
            Assert.False(await guangzhou.Set<JobRun>().AnyAsync(j => j.Id == shenzhen));
            Assert.NotNull(await app.Services.GetRequiredService<JobQueue>().RetryAsync(guangzhou, shenzhen, CancellationToken.None));
        }

        await using var admin = app.CreateContext(await ActorAsync(app, "admin"));
        Assert.Null(await app.Services.GetRequiredService<JobQueue>().RetryAsync(admin, shenzhen, CancellationToken.None));

        // The runner is woken at once, so the retried job may already be running or have failed again: it ran once more.
        var retried = await WaitAsync(app, shenzhen, j => j.Attempts > failed.Attempts && j.IsFinished);
        Assert.Equal(JobStatus.Failed, retried.Status);
        Assert.Equal(failed.Attempts + 1, retried.Attempts);
    }

    private static async Task<Guid> EnqueueAsync(TestApp app, string userName, string kind)
    {
        await using var db = app.CreateContext(await ActorAsync(app, userName));
        var job = app.Services.GetRequiredService<JobQueue>().Enqueue(db, kind, "测试任务", new { n = 3 });
        await db.SaveChangesAsync();
        return job.Id;
    }

    internal static async Task<Actor> ActorAsync(TestApp app, string userName)
    {
        await using var db = app.CreateContext(Actor.System("test"));
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        return new Actor(user.Id, user.UserName!, user.DisplayName, user.Role, Gongjiang.Core.Access.Jurisdiction.Parse(user.RegionCode).Value,
            user.DepartmentCode, user.EnterpriseId, user.PersonId);
    }

    private static async Task<JobRun> WaitAsync(TestApp app, Guid id, Func<JobRun, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            await using (var db = app.CreateContext(Actor.System("test")))
            {
                var job = await db.Set<JobRun>().AsNoTracking().SingleAsync(j => j.Id == id);
                if (condition(job))
                {
                    return job;
                }

                if (DateTime.UtcNow > deadline)
                {
                    Assert.Fail($"job {id} stayed {job.Status} (attempts {job.Attempts}, error {job.Error})");
                }
            }

            await Task.Delay(200);
        }
    }

    private static async Task WaitForScheduleAsync(TestApp app)
    {
        for (var i = 0; i < 100; i++)
        {
            await using var db = app.CreateContext(Actor.System("test"));
            if (await db.Set<JobSchedule>().AnyAsync(s => s.Name == "test.daily"))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("the schedule was never registered");
    }

    internal sealed class RecordingHandler(ICurrentActor current) : IJobHandler
    {
        public const string KindName = "test.recording";

        public static Actor? LastActor { get; private set; }

        public static List<Guid> Interrupted { get; } = [];

        public string Kind => KindName;

        public async Task RunAsync(JobContext context, CancellationToken ct)
        {
            LastActor = current.Actor;
            for (var i = 1; i <= 3; i++)
            {
                await context.ReportAsync(i, 3, $"已处理 {i} / 3 项", ct);
            }
        }

        public Task OnInterruptedAsync(JobRun job, IServiceProvider services, CancellationToken ct)
        {
            lock (Interrupted)
            {
                Interrupted.Add(job.Id);
            }

            return Task.CompletedTask;
        }
    }

    internal sealed class FlakyHandler : IJobHandler
    {
        public const string KindName = "test.flaky";

        public string Kind => KindName;

        public Task RunAsync(JobContext context, CancellationToken ct) => throw new IOException("磁盘暂时不可用");
    }
}
