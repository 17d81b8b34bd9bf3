using Gongjiang.Core.Policies;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongjiang.Web.Features.Policies.Data;

/// <summary>
/// 政策文件 of a jurisdiction (<see cref="PolicyDocument"/>): title, 文号, issuing body, date and an optional attachment
/// kept outside the web root under its SHA-256, its type checked by content (PDF, OFD, DOC, DOCX). Public: the benefit
/// catalogue is published to everyone; writes stay inside the editor's jurisdiction.
/// </summary>
public sealed class StoredPolicyDocument
{
    /// <summary>Stable id, e.g. "cn-2018-opinion" (seed) or "doc-…" (entered).</summary>
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    public string? DocumentNumber { get; set; }

    public string IssuingBody { get; set; } = "";

    public DateOnly IssuedOn { get; set; }

    public string RegionCode { get; set; } = "";

    /// <summary>示例: demonstration data, labelled wherever shown.</summary>
    public bool IsExample { get; set; }

    /// <summary>The attachment's original file name.</summary>
    public string? AttachmentName { get; set; }

    /// <summary>pdf, ofd, doc or docx, as its content shows.</summary>
    public string? AttachmentType { get; set; }

    /// <summary>SHA-256 of the attachment (hex), also its file name in the attachment folder.</summary>
    public string? AttachmentSha256 { get; set; }

    public long? AttachmentSize { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public PolicyDocument ToCore() => new(Id, Title, DocumentNumber, IssuingBody, IssuedOn, RegionCode, AttachmentName, IsExample);
}

/// <summary>
/// One dated version of a benefit item (<see cref="BenefitItemVersion"/>): the searchable columns, and the whole version
/// as JSON (<see cref="Definition"/>) exactly as validated. A version is never rewritten: a change is a new version, and
/// only the end date of an open version may be set (to make room for the next one). Decisions keep their own copy.
/// </summary>
public sealed class StoredItemVersion
{
    public string VersionId { get; set; } = "";

    public string ItemKey { get; set; } = "";

    public string Name { get; set; } = "";

    public BenefitCategory Category { get; set; }

    public string RegionCode { get; set; } = "";

    public string? DocumentId { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public DateOnly? EffectiveTo { get; set; }

    public bool IsExample { get; set; }

    /// <summary>The <see cref="BenefitItemVersion"/> as JSON.</summary>
    public string Definition { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";
}

/// <summary>
/// A stored entitlement decision (<see cref="EntitlementDecisionRecord"/> as JSON in <see cref="Record"/>): the version
/// applied (a full copy), the facts read with their values, the outcome and its trace. Scoped like the person it concerns.
/// </summary>
public sealed class StoredDecision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    /// <summary>The person's region when decided (scope).</summary>
    public string RegionCode { get; set; } = "";

    public Guid? EnterpriseId { get; set; }

    public string PersonName { get; set; } = "";

    public string VersionId { get; set; } = "";

    public string ItemKey { get; set; } = "";

    public string ItemName { get; set; } = "";

    public DateOnly AsOf { get; set; }

    public EntitlementStatus Status { get; set; }

    public long? AmountFen { get; set; }

    /// <summary>The <see cref="EntitlementDecisionRecord"/> as JSON.</summary>
    public string Record { get; set; } = "";

    /// <summary>What the decision belongs to, e.g. a service request's receipt number.</summary>
    public string? Reference { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    public string DecidedBy { get; set; } = "";
}

/// <summary>
/// A what-if simulation (待遇测算) of a jurisdiction: the reform (which item version changes, and how), the day, the
/// background job that runs it and the result (<see cref="Simulations.SimulationResult"/> as JSON). Never touches the live rules.
/// </summary>
public sealed class StoredSimulation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The jurisdiction simulated (whose registry is read).</summary>
    public string RegionCode { get; set; } = "";

    public string Title { get; set; } = "";

    public DateOnly AsOf { get; set; }

    /// <summary>The <see cref="Simulations.Reform"/> as JSON.</summary>
    public string Reform { get; set; } = "";

    public Guid? JobId { get; set; }

    /// <summary>The <see cref="Simulations.SimulationResult"/> as JSON, once done.</summary>
    public string? Result { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";
}

/// <summary>
/// A fact about a person recorded by a clerk (with its evidence in <see cref="Note"/>) for a fact no module supplies yet
/// (e.g. 是否引进人才, 社会保险缴费月数 until the insurance module exists). In force from <see cref="ValidFrom"/> until a later
/// record of the same fact. Scoped like the person.
/// </summary>
public sealed class RecordedFact
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    public string RegionCode { get; set; } = "";

    public Guid? EnterpriseId { get; set; }

    public string FactName { get; set; } = "";

    /// <summary>Canonical text (<see cref="FactSet.ToCanonical"/>); null makes the fact unknown again.</summary>
    public string? Value { get; set; }

    public DateOnly ValidFrom { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}

internal sealed class PolicyRecordsConfiguration : IScopedEntityConfiguration
{
    public static readonly ScopeRule<StoredPolicyDocument> DocumentRule = new() { Region = d => d.RegionCode, Public = d => true };

    public static readonly ScopeRule<StoredItemVersion> VersionRule = new() { Region = v => v.RegionCode, Public = v => true };

    public static readonly ScopeRule<StoredDecision> DecisionRule = new() { Region = d => d.RegionCode, Enterprise = d => d.EnterpriseId, Person = d => d.PersonId };

    public static readonly ScopeRule<StoredSimulation> SimulationRule = new() { Region = s => s.RegionCode };

    public static readonly ScopeRule<RecordedFact> FactRule = new() { Region = f => f.RegionCode, Enterprise = f => f.EnterpriseId, Person = f => f.PersonId };

    private static readonly ValueConverter<DateTimeOffset, long> Instant =
        new(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    public void Configure(ModelBuilder builder, GongjiangDbContext context)
    {
        builder.Entity<StoredPolicyDocument>(b =>
        {
            b.ToTable("policy_documents");
            b.HasKey(d => d.Id);
            b.Property(d => d.Id).HasMaxLength(64);
            b.Property(d => d.Title).HasMaxLength(300).IsRequired();
            b.Property(d => d.DocumentNumber).HasMaxLength(100);
            b.Property(d => d.IssuingBody).HasMaxLength(200).IsRequired();
            b.Property(d => d.RegionCode).HasMaxLength(6).IsRequired();
            b.Property(d => d.AttachmentName).HasMaxLength(255);
            b.Property(d => d.AttachmentType).HasMaxLength(8);
            b.Property(d => d.AttachmentSha256).HasMaxLength(64);
            b.Property(d => d.CreatedBy).HasMaxLength(64);
            b.Property(d => d.CreatedAt).HasConversion(Instant);
            b.HasIndex(d => d.RegionCode);
            b.HasScope(context, DocumentRule);
        });
        builder.Entity<StoredItemVersion>(b =>
        {
            b.ToTable("item_versions");
            b.HasKey(v => v.VersionId);
            b.Property(v => v.VersionId).HasMaxLength(100);
            b.Property(v => v.ItemKey).HasMaxLength(64).IsRequired();
            b.Property(v => v.Name).HasMaxLength(500).IsRequired();
            b.Property(v => v.RegionCode).HasMaxLength(6).IsRequired();
            b.Property(v => v.DocumentId).HasMaxLength(64);
            b.Property(v => v.Definition).IsRequired();
            b.Property(v => v.CreatedBy).HasMaxLength(64);
            b.Property(v => v.CreatedAt).HasConversion(Instant);
            b.HasIndex(v => new { v.RegionCode, v.ItemKey, v.EffectiveFrom });
            b.HasIndex(v => v.DocumentId);
            b.HasOne<StoredPolicyDocument>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Restrict);
            b.HasScope(context, VersionRule);
        });
        builder.Entity<StoredDecision>(b =>
        {
            b.ToTable("decisions");
            b.Property(d => d.RegionCode).HasMaxLength(6).IsRequired();
            b.Property(d => d.PersonName).HasMaxLength(64);
            b.Property(d => d.VersionId).HasMaxLength(100).IsRequired();
            b.Property(d => d.ItemKey).HasMaxLength(64).IsRequired();
            b.Property(d => d.ItemName).HasMaxLength(500);
            b.Property(d => d.Record).IsRequired();
            b.Property(d => d.Reference).HasMaxLength(100);
            b.Property(d => d.DecidedBy).HasMaxLength(64);
            b.Property(d => d.DecidedAt).HasConversion(Instant);
            b.HasIndex(d => d.PersonId);
            b.HasIndex(d => d.RegionCode);
            b.HasScope(context, DecisionRule);
        });
        builder.Entity<StoredSimulation>(b =>
        {
            b.ToTable("simulations");
            b.Property(s => s.RegionCode).HasMaxLength(6).IsRequired();
            b.Property(s => s.Title).HasMaxLength(200).IsRequired();
            b.Property(s => s.Reform).IsRequired();
            b.Property(s => s.Error).HasMaxLength(2000);
            b.Property(s => s.CreatedBy).HasMaxLength(64);
            b.Property(s => s.CreatedAt).HasConversion(Instant);
            b.HasIndex(s => s.RegionCode);
            b.HasScope(context, SimulationRule);
        });
        builder.Entity<RecordedFact>(b =>
        {
            b.ToTable("recorded_facts");
            b.Property(f => f.RegionCode).HasMaxLength(6).IsRequired();
            b.Property(f => f.FactName).HasMaxLength(64).IsRequired();
            b.Property(f => f.Value).HasMaxLength(500);
            b.Property(f => f.Note).HasMaxLength(500);
            b.Property(f => f.RecordedBy).HasMaxLength(64);
            b.Property(f => f.RecordedAt).HasConversion(Instant);
            b.HasIndex(f => new { f.PersonId, f.FactName, f.ValidFrom });
            b.HasScope(context, FactRule);
        });
    }
}
