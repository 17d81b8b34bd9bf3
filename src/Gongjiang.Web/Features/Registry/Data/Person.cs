using Gongjiang.Core.Registry;
using Gongjiang.Core.Standards;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry.Data;

/// <summary>
/// 人员. The citizen ID number is the natural key, stored as a keyed hash (unique, for exact lookup), a ciphertext
/// (for roles with need) and its masked form (ADR 0005). Scoped by region; an employer sees its enterprise's people,
/// a worker only themself. <see cref="IsLeadingTalent"/> and <see cref="BasesSummary"/> are the stored result of the
/// dated determination of policy 三(一), recomputed whenever the person's facts change and by the yearly review.
/// </summary>
public sealed class Person
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Name { get; set; } = "";

    public string IdNumberHash { get; set; } = "";

    public string IdNumberCipher { get; set; } = "";

    public string IdNumberMasked { get; set; } = "";

    public Sex Sex { get; set; }

    public DateOnly BirthDate { get; set; }

    public string RegionCode { get; set; } = "";

    public Guid? EnterpriseId { get; set; }

    public string? Mobile { get; set; }

    /// <summary>Current occupation (职业/工种), from the current employment, for search.</summary>
    public string? Occupation { get; set; }

    /// <summary>Highest skill level held, for search and statistics.</summary>
    public Gongjiang.Core.Skills.SkillLevel? HighestSkillLevel { get; set; }

    /// <summary>长期坚守在生产服务一线岗位, as recorded by the employer (null: not stated).</summary>
    public bool? Frontline { get; set; }

    public bool IsLeadingTalent { get; set; }

    /// <summary>The bases of the determination, joined for lists ("2019年全国技术能手（人力资源社会保障部）；…").</summary>
    public string? BasesSummary { get; set; }

    /// <summary>Registry lifecycle; null for a person who is only on a roster.</summary>
    public TalentStatus? Status { get; set; }

    public Guid? LastImportId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class PersonConfiguration : IScopedEntityConfiguration
{
    public static readonly ScopeRule<Person> Rule = new()
    {
        Region = p => p.RegionCode,
        Enterprise = p => p.EnterpriseId,
        Person = p => p.Id,
    };

    public void Configure(ModelBuilder builder, GongjiangDbContext context) => builder.Entity<Person>(b =>
    {
        b.ToTable("persons");
        b.Property(p => p.Name).HasMaxLength(64).IsRequired();
        b.Property(p => p.IdNumberHash).HasMaxLength(64).IsRequired();
        b.Property(p => p.IdNumberCipher).HasMaxLength(80).IsRequired().IsSensitive();
        b.Property(p => p.IdNumberMasked).HasMaxLength(18).IsRequired();
        b.Property(p => p.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(p => p.Mobile).HasMaxLength(11);
        b.Property(p => p.Occupation).HasMaxLength(100);
        b.Property(p => p.BasesSummary).HasMaxLength(2000);
        b.HasIndex(p => p.IdNumberHash).IsUnique();
        b.HasIndex(p => p.RegionCode);
        b.HasIndex(p => p.EnterpriseId);
        b.HasIndex(p => p.Name);

        // Name substring search (姓名包含) on PostgreSQL: a trigram GIN index serves LIKE '%…%'.
        if (context.Database.IsNpgsql())
        {
            b.HasIndex(p => p.Name, "ix_persons_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        }
        b.HasIndex(p => new { p.IsLeadingTalent, p.RegionCode });
        b.HasOne<Enterprise>().WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasScope(context, Rule);
    });
}
