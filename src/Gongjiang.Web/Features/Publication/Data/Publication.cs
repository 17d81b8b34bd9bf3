using Gongjiang.Core.Publication;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Publication.Data;

/// <summary>
/// 公布: a dated snapshot of a jurisdiction's leading talents for one period (notice 三: “定期更新并向各部门和社会公布”).
/// Prepared by a clerk (草稿), shown for the 公示期 (proposed additions public, objections open), approved by a second
/// person (复核) and then immutable: its entries never change after <see cref="PublicationStatus.Published"/>.
/// </summary>
public sealed class Publication
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The publishing jurisdiction (the preparer's), e.g. 440300.</summary>
    public string RegionCode { get; set; } = "";

    public string RegionName { get; set; } = "";

    public string PeriodKey { get; set; } = "";

    public string PeriodName { get; set; } = "";

    public string Title { get; set; } = "";

    public PublicationStatus Status { get; set; } = PublicationStatus.Draft;

    /// <summary>The jurisdiction's previous published publication, the base of the change list.</summary>
    public Guid? PreviousId { get; set; }

    public string PreparedById { get; set; } = "";

    public string PreparedByName { get; set; } = "";

    public DateTimeOffset PreparedAt { get; set; }

    public int NoticeWorkingDays { get; set; }

    public DateOnly? NoticeStartsOn { get; set; }

    public DateOnly? NoticeEndsOn { get; set; }

    /// <summary>The end date was counted Monday–Friday for a year whose holiday arrangement is not yet in the calendar.</summary>
    public bool NoticeEndsOnProvisional { get; set; }

    public string? ApprovedById { get; set; }

    public string? ApprovedByName { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>The date the publication took effect (approval day, China Standard Time).</summary>
    public DateOnly? PublishedOn { get; set; }

    /// <summary>Global order of published publications: what <c>feeds/talents?since=</c> counts in.</summary>
    public long? Sequence { get; set; }

    /// <summary>The latest published publication of its jurisdiction: what the public list shows.</summary>
    public bool IsCurrent { get; set; }

    public int ListedCount { get; set; }

    public int AddedCount { get; set; }

    public int ChangedCount { get; set; }

    public int RemovedCount { get; set; }

    public int WithdrawnCount { get; set; }
}

/// <summary>One line of a publication: a leading talent's published facts and what changed since the previous one.</summary>
public sealed class PublicationEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PublicationId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>The person's region (scope and the public region filter).</summary>
    public string RegionCode { get; set; } = "";

    public string RegionName { get; set; } = "";

    public Guid? EnterpriseId { get; set; }

    public string Name { get; set; } = "";

    public string Sex { get; set; } = "";

    public string EmployerName { get; set; } = "";

    public string Occupation { get; set; } = "";

    public string SkillLevel { get; set; } = "";

    public string Bases { get; set; } = "";

    public bool? Frontline { get; set; }

    public EntryChange Change { get; set; }

    /// <summary>For 变更: the Chinese names of the changed fields, joined with “、”.</summary>
    public string? ChangedFields { get; set; }

    /// <summary>Set when an upheld objection took the entry off the publication during the 公示期.</summary>
    public DateOnly? WithdrawnOn { get; set; }

    /// <summary>Visible to everyone: a proposed addition during the 公示期, every line not withdrawn once published.</summary>
    public bool IsPublic { get; set; }

    /// <summary>Order within the publication (change kind, region, name).</summary>
    public int Position { get; set; }
}

/// <summary>异议: filed by anyone during the 公示期 against one proposed entry; decided (成立/不成立) by a clerk.</summary>
public sealed class Objection
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PublicationId { get; set; }

    public Guid EntryId { get; set; }

    /// <summary>The publication's jurisdiction (scope).</summary>
    public string RegionCode { get; set; } = "";

    /// <summary>受理编号 given to the objector.</summary>
    public string ReceiptNumber { get; set; } = "";

    public string ObjectorName { get; set; } = "";

    public string Contact { get; set; } = "";

    public string Reason { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }

    public ObjectionDecision? Decision { get; set; }

    public string? DecisionReason { get; set; }

    public string? DecidedByName { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }
}

/// <summary>A jurisdiction's publishing schedule (optional): the default period of the next publication and what is due.</summary>
public sealed class PublicationSchedule
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string RegionCode { get; set; } = "";

    public PublicationFrequency Frequency { get; set; }

    public string UpdatedByName { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Queries of publications as an office sees them.</summary>
public static class PublicationQueries
{
    /// <summary>
    /// The publications of a jurisdiction and below. The scope filter also lets every public publication through
    /// (<see cref="ScopeRule{T}.Public"/>); office pages and feeds must list only their own.
    /// </summary>
    public static IQueryable<Publication> Of(this IQueryable<Publication> publications, Gongjiang.Core.Access.Jurisdiction jurisdiction)
    {
        var prefix = jurisdiction.Prefix;
        return publications.Where(p => p.RegionCode.StartsWith(prefix));
    }
}

internal sealed class PublicationConfiguration : IScopedEntityConfiguration
{
    public static readonly ScopeRule<Publication> Rule = new() { Region = p => p.RegionCode, ReadableByBoundActors = true, Public = p => p.Status != PublicationStatus.Draft }; // 公示中 or 已公布: public

    public static readonly ScopeRule<PublicationEntry> EntryRule = new()
    {
        Region = e => e.RegionCode,
        Enterprise = e => e.EnterpriseId,
        Person = e => e.PersonId,
        Public = e => e.IsPublic,
    };

    public static readonly ScopeRule<Objection> ObjectionRule = new() { Region = o => o.RegionCode };

    public static readonly ScopeRule<PublicationSchedule> ScheduleRule = new() { Region = s => s.RegionCode, ReadableByBoundActors = true };

    public void Configure(ModelBuilder builder, GongjiangDbContext context)
    {
        builder.Entity<Publication>(b =>
        {
            b.ToTable("publications");
            b.Property(p => p.RegionCode).HasMaxLength(6);
            b.Property(p => p.RegionName).HasMaxLength(64);
            b.Property(p => p.PeriodKey).HasMaxLength(8);
            b.Property(p => p.PeriodName).HasMaxLength(32);
            b.Property(p => p.Title).HasMaxLength(200);
            b.Property(p => p.PreparedById).HasMaxLength(64);
            b.Property(p => p.PreparedByName).HasMaxLength(64);
            b.Property(p => p.ApprovedById).HasMaxLength(64);
            b.Property(p => p.ApprovedByName).HasMaxLength(64);

            // “A second publication for the same period and jurisdiction is refused”: also under a race.
            b.HasIndex(p => new { p.RegionCode, p.PeriodKey }).IsUnique();
            b.HasIndex(p => p.Sequence).IsUnique();
            b.HasIndex(p => p.Status);
            b.HasScope(context, Rule);
        });
        builder.Entity<PublicationEntry>(b =>
        {
            b.ToTable("publication_entries");
            b.Property(e => e.RegionCode).HasMaxLength(6);
            b.Property(e => e.RegionName).HasMaxLength(64);
            b.Property(e => e.Name).HasMaxLength(64);
            b.Property(e => e.Sex).HasMaxLength(4);
            b.Property(e => e.EmployerName).HasMaxLength(200);
            b.Property(e => e.Occupation).HasMaxLength(100);
            b.Property(e => e.SkillLevel).HasMaxLength(16);
            b.Property(e => e.Bases).HasMaxLength(2000);
            b.Property(e => e.ChangedFields).HasMaxLength(200);
            b.HasIndex(e => new { e.PublicationId, e.PersonId }).IsUnique();
            b.HasIndex(e => new { e.PublicationId, e.Position });
            b.HasIndex(e => e.PersonId);
            b.HasOne<Publication>().WithMany().HasForeignKey(e => e.PublicationId).OnDelete(DeleteBehavior.Cascade);
            b.HasScope(context, EntryRule);
        });
        builder.Entity<Objection>(b =>
        {
            b.ToTable("publication_objections");
            b.Property(o => o.RegionCode).HasMaxLength(6);
            b.Property(o => o.ReceiptNumber).HasMaxLength(20);
            b.Property(o => o.ObjectorName).HasMaxLength(ObjectionRules.NameMaxLength);
            b.Property(o => o.Contact).HasMaxLength(ObjectionRules.ContactMaxLength).IsSensitive();
            b.Property(o => o.Reason).HasMaxLength(ObjectionRules.ReasonMaxLength);
            b.Property(o => o.DecisionReason).HasMaxLength(ObjectionRules.DecisionReasonMaxLength);
            b.Property(o => o.DecidedByName).HasMaxLength(64);
            b.HasIndex(o => o.ReceiptNumber).IsUnique();
            b.HasIndex(o => new { o.PublicationId, o.Decision });
            b.HasOne<Publication>().WithMany().HasForeignKey(o => o.PublicationId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne<PublicationEntry>().WithMany().HasForeignKey(o => o.EntryId).OnDelete(DeleteBehavior.Restrict);
            b.HasScope(context, ObjectionRule);
        });
        builder.Entity<PublicationSchedule>(b =>
        {
            b.ToTable("publication_schedules");
            b.Property(s => s.RegionCode).HasMaxLength(6);
            b.Property(s => s.UpdatedByName).HasMaxLength(64);
            b.HasIndex(s => s.RegionCode).IsUnique();
            b.HasScope(context, ScheduleRule);
        });
    }
}
