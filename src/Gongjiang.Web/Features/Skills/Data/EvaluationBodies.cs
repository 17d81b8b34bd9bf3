using Gongjiang.Core.Skills;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Skills.Data;

/// <summary>
/// 评价机构: a registered 社会培训评价组织 or an employer evaluating its own staff (用人单位自主评价, policy 六(一)), in the
/// jurisdiction that registered it (备案). An employer's own body carries its enterprise, so the employer sees and uses
/// only its own body. What it may certify is in <see cref="EvaluationBodyLicenceRecord"/>.
/// </summary>
public sealed class EvaluationBodyRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Name { get; set; } = "";

    public EvaluationBodyKind Kind { get; set; }

    /// <summary>Positions 2–13 of its certificate numbers (机构代码 + 省级代码 + 站点序列码), when known.</summary>
    public string? IssuerPart { get; set; }

    public string RegionCode { get; set; } = "";

    /// <summary>The enterprise of a 用人单位自主评价 body.</summary>
    public Guid? EnterpriseId { get; set; }

    /// <summary>The day its registration was suspended or revoked (撤销备案), if it was.</summary>
    public DateOnly? SuspendedFrom { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One licence of an evaluation body: an occupation and a range of graded levels, for a period.</summary>
public sealed class EvaluationBodyLicenceRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid BodyId { get; set; }

    public string RegionCode { get; set; } = "";

    public Guid? EnterpriseId { get; set; }

    public string OccupationCode { get; set; } = "";

    public string OccupationName { get; set; } = "";

    public SkillLevel LowestLevel { get; set; }

    public SkillLevel HighestLevel { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidUntil { get; set; }
}

internal sealed class EvaluationBodyConfiguration : IScopedEntityConfiguration
{
    public void Configure(ModelBuilder builder, GongjiangDbContext context)
    {
        builder.Entity<EvaluationBodyRecord>(b =>
        {
            b.ToTable("evaluation_bodies");
            b.Property(x => x.Name).HasMaxLength(200).IsRequired();
            b.Property(x => x.IssuerPart).HasMaxLength(12);
            b.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
            b.HasIndex(x => x.RegionCode);
            b.HasIndex(x => x.Name);
            b.HasScope(context, new ScopeRule<EvaluationBodyRecord> { Region = x => x.RegionCode, Enterprise = x => x.EnterpriseId });
        });
        builder.Entity<EvaluationBodyLicenceRecord>(b =>
        {
            b.ToTable("evaluation_body_licences");
            b.Property(x => x.RegionCode).HasMaxLength(6).IsRequired();
            b.Property(x => x.OccupationCode).HasMaxLength(20).IsRequired();
            b.Property(x => x.OccupationName).HasMaxLength(100).IsRequired();
            b.HasIndex(x => x.BodyId);
            b.HasOne<EvaluationBodyRecord>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
            b.HasScope(context, new ScopeRule<EvaluationBodyLicenceRecord> { Region = x => x.RegionCode, Enterprise = x => x.EnterpriseId });
        });
    }
}
