using Gongjiang.Core.Leave;
using Gongjiang.Core.Skills;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Leave.Data;

/// <summary>
/// A 休疗养 programme (policy 六(四)) as the organiser (a clerk of <see cref="RegionCode"/>) sets it: the fields of
/// <see cref="RecuperationProgramme"/>, stored. Readable by every account whose jurisdiction covers the organiser's
/// region (workers and employers there apply and nominate); once its selection is published, by everyone.
/// </summary>
public sealed class RecuperationProgrammeRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The organiser's jurisdiction; applicants' workplaces must lie inside it.</summary>
    public string RegionCode { get; set; } = "";

    public string Name { get; set; } = "";

    public string Organiser { get; set; } = "";

    public string Place { get; set; } = "";

    public string? Description { get; set; }

    public DateOnly ApplicationsCloseOn { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public int Quota { get; set; }

    public int? WaitlistSize { get; set; }

    public SkillLevel? MinimumSkillLevel { get; set; }

    public bool FrontlineOnly { get; set; }

    public int? YearsBetweenProgrammes { get; set; }

    public bool RequiresFitness { get; set; } = true;

    /// <summary>The priority groups in order, as their stored numbers joined by commas (e.g. “1,2,99”).</summary>
    public string PriorityOrder { get; set; } = "";

    public RecuperationTieBreak TieBreak { get; set; } = RecuperationTieBreak.EarlierApplication;

    /// <summary>The day the selection was decided (遴选), null before.</summary>
    public DateOnly? SelectedOn { get; set; }

    public string? SelectedBy { get; set; }

    /// <summary>The day the result was published (公布), null before; then the result is public and fixed.</summary>
    public DateOnly? PublishedOn { get; set; }

    public string? PublishedBy { get; set; }

    public string CreatedBy { get; set; } = "";

    public long CreatedAtMs { get; set; }

    public IReadOnlyList<RecuperationPriorityGroup> Priority() =>
        [.. PriorityOrder.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => (RecuperationPriorityGroup)int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The Core programme this row stores.</summary>
    public RecuperationProgramme ToCore() => new(
        Id.ToString(), Name, Organiser, Place, ApplicationsCloseOn, StartsOn, EndsOn, Quota, WaitlistSize,
        new RecuperationEligibility(MinimumSkillLevel, FrontlineOnly, RegionCode, YearsBetweenProgrammes, RequiresEmployerRecommendation: true, RequiresFitness),
        Priority(), TieBreak);
}

/// <summary>
/// An application to a 休疗养 programme (by the worker, or a nomination by the employer), moved by
/// <see cref="RecuperationApplicationWorkflow"/>. The facts selection looked at and its decision are stored with it.
/// Scoped by the workplace's region, the enterprise and the person.
/// </summary>
public sealed class RecuperationApplicationRow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProgrammeId { get; set; }

    public Guid PersonId { get; set; }

    public Guid EnterpriseId { get; set; }

    /// <summary>The workplace's region.</summary>
    public string RegionCode { get; set; } = "";

    public string PersonName { get; set; } = "";

    public string IdNumberMasked { get; set; } = "";

    public string EnterpriseName { get; set; } = "";

    public RecuperationApplicationStatus Status { get; set; }

    /// <summary>When the worker applied or the employer nominated (Unix milliseconds).</summary>
    public long AppliedAtMs { get; set; }

    /// <summary>单位推荐（直接提名）: the employer nominated the worker.</summary>
    public bool Nominated { get; set; }

    /// <summary>本人声明身体健康，能够参加.</summary>
    public bool FitForActivity { get; set; }

    public string? Reason { get; set; }

    public bool IsLeadingTalent { get; set; }

    public bool Frontline { get; set; }

    public SkillLevel? SkillLevel { get; set; }

    public int? LastAttendedYear { get; set; }

    public RecuperationPriorityGroup? Group { get; set; }

    public int? Rank { get; set; }

    public int? WaitlistPosition { get; set; }

    /// <summary>The selection's reasons (each rule's reason, joined by “；”).</summary>
    public string? Decision { get; set; }

    public long UpdatedAtMs { get; set; }
}

/// <summary>
/// One line of a published selection result (公布名单): the masked name, the workplace, the group and the place. Public
/// (anonymous reads) and fixed once written; the programme's region scopes writes.
/// </summary>
public sealed class RecuperationResultEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProgrammeId { get; set; }

    public string RegionCode { get; set; } = "";

    public int Position { get; set; }

    /// <summary>The name with every character but the first and the last hidden (李*华, 张*).</summary>
    public string MaskedName { get; set; } = "";

    public string EnterpriseName { get; set; } = "";

    public RecuperationPriorityGroup Group { get; set; }

    public RecuperationOutcome Outcome { get; set; }

    public int Rank { get; set; }

    public int? WaitlistPosition { get; set; }
}

internal sealed class RecuperationProgrammeConfiguration : IScopedEntityConfiguration
{
    public static readonly ScopeRule<RecuperationProgrammeRow> Rule = new()
    {
        Region = p => p.RegionCode,
        ReadableByBoundActors = true,
        Public = p => p.PublishedOn != null,
    };

    public void Configure(ModelBuilder builder, GongjiangDbContext context) => builder.Entity<RecuperationProgrammeRow>(b =>
    {
        b.ToTable("recuperation_programmes");
        b.Property(p => p.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(p => p.Name).HasMaxLength(100).IsRequired();
        b.Property(p => p.Organiser).HasMaxLength(100).IsRequired();
        b.Property(p => p.Place).HasMaxLength(100).IsRequired();
        b.Property(p => p.Description).HasMaxLength(1000);
        b.Property(p => p.PriorityOrder).HasMaxLength(32).IsRequired();
        b.Property(p => p.SelectedBy).HasMaxLength(64);
        b.Property(p => p.PublishedBy).HasMaxLength(64);
        b.Property(p => p.CreatedBy).HasMaxLength(64).IsRequired();
        b.HasIndex(p => p.RegionCode);
        b.HasScope(context, Rule);
    });
}

internal sealed class RecuperationApplicationConfiguration : IScopedEntityConfiguration
{
    public static readonly ScopeRule<RecuperationApplicationRow> Rule = new()
    {
        Region = a => a.RegionCode,
        Enterprise = a => a.EnterpriseId,
        Person = a => a.PersonId,
    };

    public void Configure(ModelBuilder builder, GongjiangDbContext context) => builder.Entity<RecuperationApplicationRow>(b =>
    {
        b.ToTable("recuperation_applications");
        b.Property(a => a.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(a => a.PersonName).HasMaxLength(64).IsRequired();
        b.Property(a => a.IdNumberMasked).HasMaxLength(18).IsRequired();
        b.Property(a => a.EnterpriseName).HasMaxLength(200).IsRequired();
        b.Property(a => a.Reason).HasMaxLength(500);
        b.Property(a => a.Decision).HasMaxLength(2000);
        b.HasIndex(a => new { a.ProgrammeId, a.PersonId }).IsUnique();
        b.HasIndex(a => a.PersonId);
        b.HasIndex(a => a.EnterpriseId);
        b.HasOne<RecuperationProgrammeRow>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasScope(context, Rule);
    });
}

internal sealed class RecuperationResultEntryConfiguration : IScopedEntityConfiguration
{
    public static readonly ScopeRule<RecuperationResultEntry> Rule = new()
    {
        Region = e => e.RegionCode,
        Public = e => true,
    };

    public void Configure(ModelBuilder builder, GongjiangDbContext context) => builder.Entity<RecuperationResultEntry>(b =>
    {
        b.ToTable("recuperation_results");
        b.Property(e => e.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(e => e.MaskedName).HasMaxLength(64).IsRequired();
        b.Property(e => e.EnterpriseName).HasMaxLength(200).IsRequired();
        b.HasIndex(e => new { e.ProgrammeId, e.Position }).IsUnique();
        b.HasOne<RecuperationProgrammeRow>().WithMany().HasForeignKey(e => e.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        b.HasScope(context, Rule);
    });
}
