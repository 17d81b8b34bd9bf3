using Gongjiang.Core.Window;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongjiang.Web.Features.Window.Data;

/// <summary>
/// A service request (办件) at the window: the items asked for, the applicant (a registry person), its status under
/// <see cref="ServiceRequestWorkflow"/>, and a concurrency <see cref="Version"/> so two clerks cannot overwrite each
/// other. Scoped like the person it concerns.
/// </summary>
public sealed class ServiceRequest
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>办件编号 (<see cref="Gongjiang.Core.Window.ReceiptNumber"/>), unique.</summary>
    public string ReceiptNumber { get; set; } = "";

    /// <summary>The service item codes, comma-separated (<see cref="Catalogue.ServiceCatalogue"/>).</summary>
    public string ItemCodes { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public Guid PersonId { get; set; }

    public Guid? EnterpriseId { get; set; }

    /// <summary>The applicant's name (for the public query, compared, never shown).</summary>
    public string ApplicantName { get; set; } = "";

    public ServiceRequestStatus Status { get; set; }

    public ServiceOutcome? Outcome { get; set; }

    public string? OutcomeReason { get; set; }

    /// <summary>“网上申报” or “窗口代办”.</summary>
    public string Channel { get; set; } = "";

    public DateOnly FiledOn { get; set; }

    public DateOnly? AcceptedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>The committed limit in working days (the longest of the items).</summary>
    public int CommittedWorkingDays { get; set; }

    /// <summary>The statutory limit in working days, when an item has one.</summary>
    public int? StatutoryWorkingDays { get; set; }

    /// <summary>The derived idempotency key of the filing (unique), so a double submission files once.</summary>
    public string? IdempotencyKey { get; set; }

    public string FiledBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Optimistic concurrency: incremented on every change.</summary>
    public int Version { get; set; }
}

/// <summary>A department's task (协办任务) for a request, in that department's inbox within the jurisdiction.</summary>
public sealed class RequestTask
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid RequestId { get; set; }

    public string RegionCode { get; set; } = "";

    public string DepartmentCode { get; set; } = "";

    /// <summary>The items of the request this department acts on, comma-separated.</summary>
    public string ItemCodes { get; set; } = "";

    public AssignmentStatus Status { get; set; }

    public AssignmentOpinion? Opinion { get; set; }

    public string? Text { get; set; }

    public DateOnly RoutedOn { get; set; }

    public DateOnly? DoneOn { get; set; }

    public int Version { get; set; }
}

/// <summary>One step of a request's history (every transition, with who and why): the source of stages, pauses and the public progress.</summary>
public sealed class RequestStep
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid RequestId { get; set; }

    public string RegionCode { get; set; } = "";

    public Guid PersonId { get; set; }

    public Guid? EnterpriseId { get; set; }

    public DateOnly On { get; set; }

    public DateTimeOffset At { get; set; }

    public ServiceRequestAction Action { get; set; }

    public ServiceOutcome? Outcome { get; set; }

    /// <summary>The department whose task caused the step (补正 asked by a department), if any.</summary>
    public string? DepartmentCode { get; set; }

    public string? Text { get; set; }

    public string Actor { get; set; } = "";
}

/// <summary>A 好差评 rating of a closed request (one per closure, never edited; 国办发〔2019〕51号).</summary>
public sealed class ServiceRating
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid RequestId { get; set; }

    public string RegionCode { get; set; } = "";

    public Guid PersonId { get; set; }

    public Guid? EnterpriseId { get; set; }

    /// <summary>The request's items, comma-separated (statistics by item).</summary>
    public string ItemCodes { get; set; } = "";

    /// <summary>The departments that acted, comma-separated (statistics by department).</summary>
    public string DepartmentCodes { get; set; } = "";

    public SatisfactionGrade Grade { get; set; }

    public string? Comment { get; set; }

    public DateOnly RatedOn { get; set; }
}

/// <summary>A rectification (整改) opened by a 差评, due in 15 working days, with its callback (回访) record.</summary>
public sealed class Rectification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid RequestId { get; set; }

    public Guid RatingId { get; set; }

    public string RegionCode { get; set; } = "";

    public Guid PersonId { get; set; }

    public Guid? EnterpriseId { get; set; }

    public RectificationStatus Status { get; set; }

    public DateOnly OpenedOn { get; set; }

    public DateOnly DueOn { get; set; }

    /// <summary>Why it was opened (the rule's reason).</summary>
    public string Reason { get; set; } = "";

    /// <summary>What the unit changed (整改情况).</summary>
    public string? Report { get; set; }

    /// <summary>The callback (回访) record.</summary>
    public string? Callback { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// A material file of a request (申请材料): checked by content (<see cref="MaterialFiles"/>), stored outside the web root
/// under its SHA-256 (<see cref="Requests.MaterialStore"/>), scoped like the request it belongs to.
/// </summary>
public sealed class RequestMaterial
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid RequestId { get; set; }

    public string RegionCode { get; set; } = "";

    public Guid PersonId { get; set; }

    public Guid? EnterpriseId { get; set; }

    /// <summary>The required material's code within the item (<see cref="RequiredMaterial.Code"/>).</summary>
    public string MaterialCode { get; set; } = "";

    /// <summary>The file name as uploaded (without path), shown to people; never a storage path.</summary>
    public string FileName { get; set; } = "";

    public MaterialFileType Type { get; set; }

    public long Length { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content; also the stored file's name.</summary>
    public string Sha256 { get; set; } = "";

    public string UploadedBy { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class WindowRecordsConfiguration : IScopedEntityConfiguration
{
    public static readonly ScopeRule<ServiceRequest> RequestRule = new() { Region = r => r.RegionCode, Enterprise = r => r.EnterpriseId, Person = r => r.PersonId };

    public static readonly ScopeRule<RequestTask> TaskRule = new() { Region = t => t.RegionCode, Department = t => t.DepartmentCode };

    public static readonly ScopeRule<RequestStep> StepRule = new() { Region = s => s.RegionCode, Enterprise = s => s.EnterpriseId, Person = s => s.PersonId };

    public static readonly ScopeRule<ServiceRating> RatingRule = new() { Region = s => s.RegionCode, Enterprise = s => s.EnterpriseId, Person = s => s.PersonId };

    public static readonly ScopeRule<Rectification> RectificationRule = new() { Region = s => s.RegionCode, Enterprise = s => s.EnterpriseId, Person = s => s.PersonId };

    public static readonly ScopeRule<RequestMaterial> MaterialRule = new() { Region = s => s.RegionCode, Enterprise = s => s.EnterpriseId, Person = s => s.PersonId };

    private static readonly ValueConverter<DateTimeOffset, long> Instant =
        new(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    public void Configure(ModelBuilder builder, GongjiangDbContext context)
    {
        builder.Entity<ServiceRequest>(b =>
        {
            b.ToTable("requests");
            b.Property(r => r.ReceiptNumber).HasMaxLength(32).IsRequired();
            b.Property(r => r.ItemCodes).HasMaxLength(200).IsRequired();
            b.Property(r => r.RegionCode).HasMaxLength(6).IsRequired();
            b.Property(r => r.ApplicantName).HasMaxLength(64).IsRequired();
            b.Property(r => r.OutcomeReason).HasMaxLength(2000);
            b.Property(r => r.Channel).HasMaxLength(16);
            b.Property(r => r.IdempotencyKey).HasMaxLength(128);
            b.Property(r => r.FiledBy).HasMaxLength(64);
            b.Property(r => r.CreatedAt).HasConversion(Instant);
            b.Property(r => r.Version).IsConcurrencyToken();
            b.HasIndex(r => r.ReceiptNumber).IsUnique();
            b.HasIndex(r => r.IdempotencyKey).IsUnique();
            b.HasIndex(r => new { r.RegionCode, r.Status });
            b.HasIndex(r => r.PersonId);
            b.HasScope(context, RequestRule);
        });
        builder.Entity<RequestTask>(b =>
        {
            b.ToTable("tasks");
            b.Property(t => t.RegionCode).HasMaxLength(6).IsRequired();
            b.Property(t => t.DepartmentCode).HasMaxLength(32).IsRequired();
            b.Property(t => t.ItemCodes).HasMaxLength(200).IsRequired();
            b.Property(t => t.Text).HasMaxLength(2000);
            b.Property(t => t.Version).IsConcurrencyToken();
            b.HasIndex(t => new { t.DepartmentCode, t.RegionCode, t.Status, t.RoutedOn });
            b.HasIndex(t => t.RequestId);
            b.HasOne<ServiceRequest>().WithMany().HasForeignKey(t => t.RequestId).OnDelete(DeleteBehavior.Restrict);
            b.HasScope(context, TaskRule);
        });
        builder.Entity<RequestStep>(b =>
        {
            b.ToTable("request_steps");
            b.Property(s => s.RegionCode).HasMaxLength(6).IsRequired();
            b.Property(s => s.DepartmentCode).HasMaxLength(32);
            b.Property(s => s.Text).HasMaxLength(2000);
            b.Property(s => s.Actor).HasMaxLength(64);
            b.Property(s => s.At).HasConversion(Instant);
            b.HasIndex(s => s.RequestId);
            b.HasOne<ServiceRequest>().WithMany().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Restrict);
            b.HasScope(context, StepRule);
        });
        builder.Entity<ServiceRating>(b =>
        {
            b.ToTable("ratings");
            b.Property(r => r.RegionCode).HasMaxLength(6).IsRequired();
            b.Property(r => r.ItemCodes).HasMaxLength(200).IsRequired();
            b.Property(r => r.DepartmentCodes).HasMaxLength(200).IsRequired();
            b.Property(r => r.Comment).HasMaxLength(RatingRules.MaxCommentLength);
            b.HasIndex(r => r.RequestId);
            b.HasIndex(r => new { r.RegionCode, r.RatedOn });
            b.HasOne<ServiceRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Restrict);
            b.HasScope(context, RatingRule);
        });
        builder.Entity<Rectification>(b =>
        {
            b.ToTable("rectifications");
            b.Property(r => r.RegionCode).HasMaxLength(6).IsRequired();
            b.Property(r => r.Reason).HasMaxLength(500).IsRequired();
            b.Property(r => r.Report).HasMaxLength(2000);
            b.Property(r => r.Callback).HasMaxLength(2000);
            b.Property(r => r.Version).IsConcurrencyToken();
            b.HasIndex(r => r.RequestId);
            b.HasIndex(r => new { r.RegionCode, r.Status, r.DueOn });
            b.HasOne<ServiceRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<ServiceRating>().WithMany().HasForeignKey(r => r.RatingId).OnDelete(DeleteBehavior.Restrict);
            b.HasScope(context, RectificationRule);
        });
        builder.Entity<RequestMaterial>(b =>
        {
            b.ToTable("materials");
            b.Property(m => m.RegionCode).HasMaxLength(6).IsRequired();
            b.Property(m => m.MaterialCode).HasMaxLength(64).IsRequired();
            b.Property(m => m.FileName).HasMaxLength(255).IsRequired();
            b.Property(m => m.Sha256).HasMaxLength(64).IsRequired();
            b.Property(m => m.UploadedBy).HasMaxLength(64);
            b.Property(m => m.UploadedAt).HasConversion(Instant);
            b.HasIndex(m => m.RequestId);
            b.HasOne<ServiceRequest>().WithMany().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Restrict);
            b.HasScope(context, MaterialRule);
        });
    }
}
