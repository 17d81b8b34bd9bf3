using System.Text.Json;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Platform.Jobs;

/// <summary>Queues jobs (in the caller's transaction, with the caller's scope) and wakes the local runner.</summary>
public sealed class JobQueue(JobSignal signal, TimeProvider clock)
{
    /// <summary>
    /// Adds a job for the current actor, saved with the caller's next <c>SaveChanges</c> (so a job and the record it works
    /// on are stored together or not at all), and wakes the runner after that.
    /// </summary>
    public JobRun Enqueue(GongjiangDbContext db, string kind, string title, object? payload, Guid? subjectId = null, string? resultUrl = null, bool resumable = false, int maxAttempts = 3)
    {
        var actor = db.Actor;
        var now = clock.GetUtcNow();
        var job = new JobRun
        {
            Kind = kind,
            Title = title,
            Payload = payload is null ? null : JsonSerializer.Serialize(payload),
            CreatedAt = now,
            RunAfter = now,
            MaxAttempts = maxAttempts,
            Resumable = resumable,
            RequestedById = actor.UserId,
            RequestedByName = actor.IsSystem ? actor.DisplayName : actor.UserName,
            RegionCode = actor.IsSystem ? "000000" : actor.Jurisdiction.Code,
            EnterpriseId = actor.EnterpriseId,
            PersonId = actor.PersonId,
            SubjectId = subjectId,
            ResultUrl = resultUrl,
        };
        db.Add(job);
        db.SavedChanges += Wake;
        return job;

        void Wake(object? sender, Microsoft.EntityFrameworkCore.SavedChangesEventArgs e)
        {
            db.SavedChanges -= Wake;
            signal.Wake();
        }
    }

    /// <summary>Puts a failed, interrupted or cancelled job back in the queue (an administrator's 重试), audited.</summary>
    public async Task<string?> RetryAsync(GongjiangDbContext db, Guid id, CancellationToken ct)
    {
        var job = await db.Set<JobRun>().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null)
        {
            return "没有这个任务";
        }

        if (job.Status is not (JobStatus.Failed or JobStatus.Interrupted or JobStatus.Cancelled))
        {
            return $"只有失败、中断或已取消的任务可以重试（当前状态：{JobRun.ChineseName(job.Status)}）";
        }

        job.Status = JobStatus.Queued;
        job.RunAfter = clock.GetUtcNow();
        job.MaxAttempts = job.Attempts + 1;
        job.Error = null;
        job.LeaseOwner = null;
        job.LeaseUntil = null;
        db.Audit(new AuditEvent(AuditActions.Workflow, nameof(JobRun), id.ToString(), Detail: "重试任务：" + job.Title));
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return null;
    }

    /// <summary>Stops a queued or running job (an administrator's 取消), audited; a running handler sees its token cancelled.</summary>
    public async Task<string?> CancelAsync(GongjiangDbContext db, Guid id, CancellationToken ct)
    {
        var job = await db.Set<JobRun>().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null)
        {
            return "没有这个任务";
        }

        if (job.Status is not (JobStatus.Queued or JobStatus.Running))
        {
            return $"只有排队中或运行中的任务可以取消（当前状态：{JobRun.ChineseName(job.Status)}）";
        }

        job.Status = JobStatus.Cancelled;
        job.FinishedAt = clock.GetUtcNow();
        job.Error = "由" + db.Actor.DisplayName + "取消";
        db.Audit(new AuditEvent(AuditActions.Workflow, nameof(JobRun), id.ToString(), Detail: "取消任务：" + job.Title));
        await db.SaveChangesAsync(ct);
        return null;
    }
}

/// <summary>Wakes the local runner when a job is queued (other nodes find it at their next poll).</summary>
public sealed class JobSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Wake()
    {
        if (_semaphore.CurrentCount == 0)
        {
            try
            {
                _semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already awake.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _semaphore.WaitAsync(timeout, ct);

    public void Dispose() => _semaphore.Dispose();
}
