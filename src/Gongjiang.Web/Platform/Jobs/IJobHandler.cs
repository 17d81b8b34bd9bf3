using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;

namespace Gongjiang.Web.Platform.Jobs;

/// <summary>
/// Runs one kind of background job. Modules register handlers with <see cref="JobServiceCollectionExtensions.AddJobHandler{T}"/>.
/// A handler runs in its own DI scope as the person who queued the job (their scope applies to every read and write),
/// reports progress through <see cref="JobContext"/>, and ends by returning (done), by throwing
/// <see cref="JobFailedException"/> (refused: no retry) or any other exception (retried with back-off up to
/// <see cref="JobRun.MaxAttempts"/>).
/// </summary>
public interface IJobHandler
{
    /// <summary>The kind this handler runs, e.g. "registry.import".</summary>
    string Kind { get; }

    Task RunAsync(JobContext context, CancellationToken ct);

    /// <summary>
    /// The job's node stopped while it ran and it cannot resume: record what that means for the job's subject (e.g. mark
    /// the import 中断 and delete its temporary files). Runs as the system actor.
    /// </summary>
    Task OnInterruptedAsync(JobRun job, IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>An ordinary refusal: the job's input cannot be processed (a Chinese message for the person who queued it). Not retried.</summary>
public sealed class JobFailedException(string message) : Exception(message);

/// <summary>What a running handler gets: its job, its scope's services and context, and a way to report progress.</summary>
public sealed class JobContext
{
    private readonly Func<long, long?, string?, CancellationToken, Task> _report;

    internal JobContext(JobRun job, IServiceProvider services, GongjiangDbContext db, Actor actor, Func<long, long?, string?, CancellationToken, Task> report)
    {
        Job = job;
        Services = services;
        Db = db;
        Actor = actor;
        _report = report;
    }

    public JobRun Job { get; }

    public IServiceProvider Services { get; }

    /// <summary>A context acting as the requester.</summary>
    public GongjiangDbContext Db { get; }

    public Actor Actor { get; }

    /// <summary>Reports progress (written at most about twice a second; the last call always wins at the end).</summary>
    public Task ReportAsync(long done, long? total, string? text, CancellationToken ct) => _report(done, total, text, ct);
}
