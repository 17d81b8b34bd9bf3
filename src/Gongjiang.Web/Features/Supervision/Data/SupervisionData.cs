using Gongjiang.Core.Supervision;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Supervision.Data;

/// <summary>
/// 任务分工 of one measure for one region's level, one row per edit (append-only history); the row with
/// <see cref="IsCurrent"/> is in force. Regions without an edit use <see cref="TaskDivision.Default"/>.
/// </summary>
public sealed class DivisionVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The region whose division it is (the supervisor's own region).</summary>
    public string RegionCode { get; set; } = "";

    public string MeasureCode { get; set; } = "";

    public GovernmentLevel Level { get; set; }

    /// <summary>Lead units, one per line: “code|name” (code empty for a named body).</summary>
    public string Leads { get; set; } = "";

    /// <summary>Participating units, as <see cref="Leads"/>.</summary>
    public string Participants { get; set; } = "";

    /// <summary>What changed (<see cref="TaskDivision.Describe"/>), one line each.</summary>
    public string Changes { get; set; } = "";

    public bool IsCurrent { get; set; }

    public string ChangedByName { get; set; } = "";

    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>工作目标 of a region for a measure, with its due date.</summary>
public sealed class WorkTargetRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string RegionCode { get; set; } = "";

    public string MeasureCode { get; set; } = "";

    public string Description { get; set; } = "";

    public DateOnly DueOn { get; set; }

    public string CreatedByName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>配套文件 filed by a region; its attachment lives outside the web root (see <c>AttachmentStore</c>).</summary>
public sealed class DocumentRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string RegionCode { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>文号 in its canonical form (“粤人社发〔2019〕12号”).</summary>
    public string Number { get; set; } = "";

    public string Issuer { get; set; } = "";

    public DateOnly IssuedOn { get; set; }

    /// <summary>Measure codes in policy order, joined with “,”.</summary>
    public string Measures { get; set; } = "";

    public string? AttachmentName { get; set; }

    public string? AttachmentType { get; set; }

    public long? AttachmentSize { get; set; }

    /// <summary>SHA-256 of the attachment (hex), checked again on every download.</summary>
    public string? AttachmentSha256 { get; set; }

    public string FiledByName { get; set; } = "";

    public DateTimeOffset FiledAt { get; set; }
}

/// <summary>One measure a document covers (for counts per region and measure on the dashboard).</summary>
public sealed class DocumentMeasureRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DocumentId { get; set; }

    public string RegionCode { get; set; } = "";

    public string MeasureCode { get; set; } = "";

    public DateOnly IssuedOn { get; set; }
}

/// <summary>进展报告 of a region for a period (one per region and period).</summary>
public sealed class ReportRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string RegionCode { get; set; } = "";

    public string RegionName { get; set; } = "";

    public string PeriodKey { get; set; } = "";

    public int Year { get; set; }

    public ReportKind Kind { get; set; }

    public int Number { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public ReportStatus Status { get; set; }

    public string? Summary { get; set; }

    /// <summary>The first submission day (timeliness is judged on it; a resubmission after 退回修改 does not change it).</summary>
    public DateOnly? FirstSubmittedOn { get; set; }

    public DateOnly? SubmittedOn { get; set; }

    public DateOnly? AcceptedOn { get; set; }

    /// <summary>The reason of the latest 退回修改, shown to the region until it resubmits.</summary>
    public string? ReturnReason { get; set; }

    public string UpdatedByName { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: two offices cannot both move the same report.</summary>
    public int Version { get; set; }
}

/// <summary>A report's line for one measure.</summary>
public sealed class ReportLineRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ReportId { get; set; }

    public string RegionCode { get; set; } = "";

    public string MeasureCode { get; set; } = "";

    public MeasureStatus Status { get; set; }

    public string? Narrative { get; set; }
}

/// <summary>An indicator value frozen into a report when it was submitted (drafts show live values).</summary>
public sealed class ReportIndicatorRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ReportId { get; set; }

    public string RegionCode { get; set; } = "";

    public string Code { get; set; } = "";

    public decimal Value { get; set; }
}

/// <summary>What happened to a report (新建、提交、接收、退回修改…), with who, when and why.</summary>
public sealed class ReportEventRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ReportId { get; set; }

    public string RegionCode { get; set; } = "";

    public ReportAction Action { get; set; }

    public string ActorName { get; set; } = "";

    public string ActorRegionCode { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string? Text { get; set; }
}

/// <summary>问题反映 raised by a region; handled by the level above, or passed further up.</summary>
public sealed class ProblemRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The raising region (scope: it and every level above see the problem).</summary>
    public string RegionCode { get; set; } = "";

    public string MeasureCode { get; set; } = "";

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public ProblemStatus Status { get; set; }

    public string HandlerRegionCode { get; set; } = "";

    public DateOnly WithHandlerSince { get; set; }

    public DateOnly RaisedOn { get; set; }

    public string RaisedByName { get; set; } = "";

    public int Version { get; set; }
}

/// <summary>What happened to a problem (反映、答复、转报上级、追问、办结、撤回) with its text.</summary>
public sealed class ProblemEventRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProblemId { get; set; }

    public string RegionCode { get; set; } = "";

    public ProblemAction Action { get; set; }

    public string ActorName { get; set; } = "";

    public string ActorRegionCode { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string? Text { get; set; }
}

/// <summary>The stage of a deadline reminder.</summary>
public enum ReminderStage
{
    /// <summary>临近截止: the due date is within the reminder window.</summary>
    Upcoming = 1,
    /// <summary>已逾期: the due date has passed and the report is not submitted.</summary>
    Overdue = 2,
}

/// <summary>An in-app reminder (催报) to a region that has not submitted a report, written by the daily reminder job.</summary>
public sealed class ReminderRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string RegionCode { get; set; } = "";

    public string PeriodKey { get; set; } = "";

    public ReminderStage Stage { get; set; }

    public DateOnly DueOn { get; set; }

    public DateOnly CreatedOn { get; set; }

    public string Text { get; set; } = "";
}

internal sealed class SupervisionConfiguration : IScopedEntityConfiguration
{
    public void Configure(ModelBuilder builder, GongjiangDbContext context)
    {
        builder.Entity<DivisionVersion>(b =>
        {
            b.ToTable("supervision_division");
            b.Property(x => x.RegionCode).HasMaxLength(6);
            b.Property(x => x.MeasureCode).HasMaxLength(3);
            b.Property(x => x.Leads).HasMaxLength(2000);
            b.Property(x => x.Participants).HasMaxLength(2000);
            b.Property(x => x.Changes).HasMaxLength(4000);
            b.Property(x => x.ChangedByName).HasMaxLength(64);
            b.HasIndex(x => new { x.RegionCode, x.MeasureCode, x.IsCurrent });
            b.HasScope(context, new ScopeRule<DivisionVersion> { Region = x => x.RegionCode });
        });
        builder.Entity<WorkTargetRow>(b =>
        {
            b.ToTable("supervision_targets");
            b.Property(x => x.RegionCode).HasMaxLength(6);
            b.Property(x => x.MeasureCode).HasMaxLength(3);
            b.Property(x => x.Description).HasMaxLength(WorkTargets.MaximumDescriptionLength * 2);
            b.Property(x => x.CreatedByName).HasMaxLength(64);
            b.HasIndex(x => new { x.RegionCode, x.MeasureCode });
            b.HasScope(context, new ScopeRule<WorkTargetRow> { Region = x => x.RegionCode });
        });
        builder.Entity<DocumentRow>(b =>
        {
            b.ToTable("supervision_documents");
            b.Property(x => x.RegionCode).HasMaxLength(6);
            b.Property(x => x.Title).HasMaxLength(ImplementingDocuments.MaximumTitleLength * 2);
            b.Property(x => x.Number).HasMaxLength(64);
            b.Property(x => x.Issuer).HasMaxLength(ImplementingDocuments.MaximumIssuerLength * 2);
            b.Property(x => x.Measures).HasMaxLength(80);
            b.Property(x => x.AttachmentName).HasMaxLength(200);
            b.Property(x => x.AttachmentType).HasMaxLength(100);
            b.Property(x => x.AttachmentSha256).HasMaxLength(64);
            b.Property(x => x.FiledByName).HasMaxLength(64);
            b.HasIndex(x => new { x.RegionCode, x.Number }).IsUnique();
            b.HasScope(context, new ScopeRule<DocumentRow> { Region = x => x.RegionCode });
        });
        builder.Entity<DocumentMeasureRow>(b =>
        {
            b.ToTable("supervision_document_measures");
            b.Property(x => x.RegionCode).HasMaxLength(6);
            b.Property(x => x.MeasureCode).HasMaxLength(3);
            b.HasIndex(x => new { x.RegionCode, x.MeasureCode, x.IssuedOn });
            b.HasIndex(x => x.DocumentId);
            b.HasOne<DocumentRow>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
            b.HasScope(context, new ScopeRule<DocumentMeasureRow> { Region = x => x.RegionCode });
        });
        builder.Entity<ReportRow>(b =>
        {
            b.ToTable("supervision_reports");
            b.Property(x => x.RegionCode).HasMaxLength(6);
            b.Property(x => x.RegionName).HasMaxLength(64);
            b.Property(x => x.PeriodKey).HasMaxLength(8);
            b.Property(x => x.Summary).HasMaxLength(ProgressReportRules.MaximumNarrativeLength * 2);
            b.Property(x => x.ReturnReason).HasMaxLength(1000);
            b.Property(x => x.UpdatedByName).HasMaxLength(64);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => new { x.RegionCode, x.PeriodKey }).IsUnique();
            b.HasIndex(x => new { x.Year, x.Status, x.RegionCode });
            b.HasScope(context, new ScopeRule<ReportRow> { Region = x => x.RegionCode });
        });
        builder.Entity<ReportLineRow>(b =>
        {
            b.ToTable("supervision_report_lines");
            b.Property(x => x.RegionCode).HasMaxLength(6);
            b.Property(x => x.MeasureCode).HasMaxLength(3);
            b.Property(x => x.Narrative).HasMaxLength(ProgressReportRules.MaximumNarrativeLength * 2);
            b.HasIndex(x => new { x.ReportId, x.MeasureCode }).IsUnique();
            b.HasOne<ReportRow>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
            b.HasScope(context, new ScopeRule<ReportLineRow> { Region = x => x.RegionCode });
        });
        builder.Entity<ReportIndicatorRow>(b =>
        {
            b.ToTable("supervision_report_indicators");
            b.Property(x => x.RegionCode).HasMaxLength(6);
            b.Property(x => x.Code).HasMaxLength(64);
            b.Property(x => x.Value).HasPrecision(18, 2);
            b.HasIndex(x => new { x.ReportId, x.Code }).IsUnique();
            b.HasOne<ReportRow>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
            b.HasScope(context, new ScopeRule<ReportIndicatorRow> { Region = x => x.RegionCode });
        });
        builder.Entity<ReportEventRow>(b =>
        {
            b.ToTable("supervision_report_events");
            b.Property(x => x.RegionCode).HasMaxLength(6);
            b.Property(x => x.ActorName).HasMaxLength(64);
            b.Property(x => x.ActorRegionCode).HasMaxLength(6);
            b.Property(x => x.Text).HasMaxLength(1000);
            b.HasIndex(x => x.ReportId);
            b.HasOne<ReportRow>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
            b.HasScope(context, new ScopeRule<ReportEventRow> { Region = x => x.RegionCode });
        });
        builder.Entity<ProblemRow>(b =>
        {
            b.ToTable("supervision_problems");
            b.Property(x => x.RegionCode).HasMaxLength(6);
            b.Property(x => x.MeasureCode).HasMaxLength(3);
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Description).HasMaxLength(ProgressReportRules.MaximumNarrativeLength * 2);
            b.Property(x => x.HandlerRegionCode).HasMaxLength(6);
            b.Property(x => x.RaisedByName).HasMaxLength(64);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => new { x.HandlerRegionCode, x.Status });
            b.HasIndex(x => x.RegionCode);
            b.HasScope(context, new ScopeRule<ProblemRow> { Region = x => x.RegionCode });
        });
        builder.Entity<ProblemEventRow>(b =>
        {
            b.ToTable("supervision_problem_events");
            b.Property(x => x.RegionCode).HasMaxLength(6);
            b.Property(x => x.ActorName).HasMaxLength(64);
            b.Property(x => x.ActorRegionCode).HasMaxLength(6);
            b.Property(x => x.Text).HasMaxLength(ProgressReportRules.MaximumNarrativeLength * 2);
            b.HasIndex(x => x.ProblemId);
            b.HasOne<ProblemRow>().WithMany().HasForeignKey(x => x.ProblemId).OnDelete(DeleteBehavior.Cascade);
            b.HasScope(context, new ScopeRule<ProblemEventRow> { Region = x => x.RegionCode });
        });
        builder.Entity<ReminderRow>(b =>
        {
            b.ToTable("supervision_reminders");
            b.Property(x => x.RegionCode).HasMaxLength(6);
            b.Property(x => x.PeriodKey).HasMaxLength(8);
            b.Property(x => x.Text).HasMaxLength(500);
            b.HasIndex(x => new { x.RegionCode, x.PeriodKey, x.Stage }).IsUnique();
            b.HasScope(context, new ScopeRule<ReminderRow> { Region = x => x.RegionCode });
        });
    }
}
