using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongjiang.Web.Platform.Jobs;

/// <summary>Where a background job stands. The int values are stored; never renumber them.</summary>
public enum JobStatus
{
    /// <summary>排队中: waiting for a node to take it (also after a failed attempt, until its retry time).</summary>
    Queued = 1,
    /// <summary>运行中: a node holds its lease and works on it.</summary>
    Running = 2,
    /// <summary>已完成.</summary>
    Succeeded = 3,
    /// <summary>失败: every attempt failed, or the job refused its input; the error says why.</summary>
    Failed = 4,
    /// <summary>中断: the node running it stopped (crash, restart) and the job cannot resume by itself.</summary>
    Interrupted = 5,
    /// <summary>已取消: an administrator stopped it.</summary>
    Cancelled = 6,
}

/// <summary>
/// One run of a background job (docs/adr/0013): what to do (<see cref="Kind"/> and <see cref="Payload"/>), who asked for
/// it and inside which jurisdiction (the job runs as that person, in that scope), its lease, its progress and outcome.
/// Instants are stored as Unix milliseconds so both databases compare and order them.
/// </summary>
public sealed class JobRun
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The handler that runs it (<see cref="IJobHandler.Kind"/>), e.g. "registry.import".</summary>
    public string Kind { get; set; } = "";

    /// <summary>What the job is, in Chinese (e.g. “导入人员名册 roster.csv”).</summary>
    public string Title { get; set; } = "";

    /// <summary>The handler's input (JSON).</summary>
    public string? Payload { get; set; }

    public JobStatus Status { get; set; } = JobStatus.Queued;

    public int Attempts { get; set; }

    public int MaxAttempts { get; set; } = 3;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not before this instant (retry back-off, scheduled runs).</summary>
    public DateTimeOffset RunAfter { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The node holding the job while it runs.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>The lease ends here unless renewed; a running job whose lease ended lost its node.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    public long ProgressDone { get; set; }

    public long? ProgressTotal { get; set; }

    /// <summary>What the job is doing now, in Chinese (e.g. “已读取 20,000 行，接受 19,602 行，拒绝 398 行”).</summary>
    public string? ProgressText { get; set; }

    /// <summary>The last error, in Chinese.</summary>
    public string? Error { get; set; }

    /// <summary>Whether the handler can resume it after its node stopped (else it is marked 中断).</summary>
    public bool Resumable { get; set; }

    public string? RequestedById { get; set; }

    public string RequestedByName { get; set; } = "";

    /// <summary>The requester's jurisdiction (the job's scope; "000000" for the platform's own schedules).</summary>
    public string RegionCode { get; set; } = "";

    public Guid? EnterpriseId { get; set; }

    public Guid? PersonId { get; set; }

    /// <summary>The record the job works on (e.g. the import), and the page that shows the result.</summary>
    public Guid? SubjectId { get; set; }

    public string? ResultUrl { get; set; }

    /// <summary>The recurring schedule that queued it, if any.</summary>
    public string? ScheduleName { get; set; }

    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Interrupted or JobStatus.Cancelled;

    public static string ChineseName(JobStatus status) => status switch
    {
        JobStatus.Queued => "排队中",
        JobStatus.Running => "运行中",
        JobStatus.Succeeded => "已完成",
        JobStatus.Failed => "失败",
        JobStatus.Interrupted => "中断",
        _ => "已取消",
    };
}

/// <summary>
/// A recurring job (e.g. the service window's daily escalation): a cron expression in China Standard Time and the
/// next instant it is due. Nodes take a due schedule by an optimistic update of <see cref="NextRunAt"/>, so each
/// occurrence runs once across every node.
/// </summary>
public sealed class JobSchedule
{
    /// <summary>Stable name, e.g. "window.escalation".</summary>
    public string Name { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>Five-field cron expression in China Standard Time (Cronos syntax), e.g. "30 1 * * *".</summary>
    public string Cron { get; set; } = "";

    public DateTimeOffset NextRunAt { get; set; }

    public DateTimeOffset? LastRunAt { get; set; }

    public Guid? LastJobId { get; set; }

    public bool Enabled { get; set; } = true;
}

internal sealed class JobConfiguration : IScopedEntityConfiguration
{
    public static readonly ScopeRule<JobRun> Rule = new()
    {
        Region = j => j.RegionCode,
        Enterprise = j => j.EnterpriseId,
        Person = j => j.PersonId,
    };

    private static readonly ValueConverter<DateTimeOffset, long> Instant =
        new(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    private static readonly ValueConverter<DateTimeOffset?, long?> OptionalInstant =
        new(v => v.HasValue ? v.Value.ToUnixTimeMilliseconds() : null, v => v.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(v.Value) : null);

    public void Configure(ModelBuilder builder, GongjiangDbContext context)
    {
        builder.Entity<JobRun>(b =>
        {
            b.ToTable("jobs");
            b.Property(j => j.Kind).HasMaxLength(64);
            b.Property(j => j.Title).HasMaxLength(200);
            b.Property(j => j.LeaseOwner).HasMaxLength(128);
            b.Property(j => j.ProgressText).HasMaxLength(500);
            b.Property(j => j.Error).HasMaxLength(2000);
            b.Property(j => j.RequestedById).HasMaxLength(64);
            b.Property(j => j.RequestedByName).HasMaxLength(64);
            b.Property(j => j.RegionCode).HasMaxLength(6);
            b.Property(j => j.ResultUrl).HasMaxLength(300);
            b.Property(j => j.ScheduleName).HasMaxLength(64);
            b.Property(j => j.CreatedAt).HasConversion(Instant);
            b.Property(j => j.RunAfter).HasConversion(Instant);
            b.Property(j => j.StartedAt).HasConversion(OptionalInstant);
            b.Property(j => j.FinishedAt).HasConversion(OptionalInstant);
            b.Property(j => j.LeaseUntil).HasConversion(OptionalInstant);
            b.Ignore(j => j.IsFinished);
            b.HasIndex(j => new { j.Status, j.RunAfter });
            b.HasIndex(j => new { j.RegionCode, j.CreatedAt });
            b.HasIndex(j => j.SubjectId);
            b.HasScope(context, Rule);
        });
        builder.Entity<JobSchedule>(b =>
        {
            b.ToTable("job_schedules");
            b.HasKey(s => s.Name);
            b.Property(s => s.Name).HasMaxLength(64);
            b.Property(s => s.Kind).HasMaxLength(64);
            b.Property(s => s.Title).HasMaxLength(200);
            b.Property(s => s.Cron).HasMaxLength(64);
            b.Property(s => s.NextRunAt).HasConversion(Instant);
            b.Property(s => s.LastRunAt).HasConversion(OptionalInstant);
        });
    }
}
