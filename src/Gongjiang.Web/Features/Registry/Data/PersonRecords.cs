using Gongjiang.Core.Registry;
using Gongjiang.Core.Skills;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Web.Features.Registry.Data;

/// <summary>
/// A record that belongs to a person. It carries the person's region and enterprise (kept in step by the registry's
/// use cases) so that the one scope rule applies to it directly, without a join.
/// </summary>
public abstract class PersonRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid PersonId { get; set; }

    public string RegionCode { get; set; } = "";

    public Guid? EnterpriseId { get; set; }

    public Guid? ImportId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>任职: employment at an enterprise in an occupation (国家职业分类大典 code D-DD-DD-DD) and post.</summary>
public sealed class Employment : PersonRecord
{
    public Guid EmployerId { get; set; }

    public string Occupation { get; set; } = "";

    public string? OccupationCode { get; set; }

    public string? Post { get; set; }

    public bool? Frontline { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }
}

/// <summary>职业技能等级证书.</summary>
public sealed class SkillCertificate : PersonRecord
{
    public SkillLevel Level { get; set; }

    public string Occupation { get; set; } = "";

    public string? CertificateNumber { get; set; }

    public string? Issuer { get; set; }

    public DateOnly? IssuedOn { get; set; }

    /// <summary>职业编码 of the occupation (issued through the skills module); null on rosters that do not give it.</summary>
    public string? OccupationCode { get; set; }

    /// <summary>The evaluation body that issued it through the skills module; null for certificates copied from rosters.</summary>
    public Guid? EvaluationBodyId { get; set; }

    /// <summary>The holder's name as printed on the certificate (public verification compares it; never the ID number).</summary>
    public string? HolderName { get; set; }

    /// <summary>The reference of the approved exceptional promotion (破格晋升) that let the level skip the ladder, if any.</summary>
    public string? ExceptionalPromotion { get; set; }

    /// <summary>The day it was revoked (撤销), if it was.</summary>
    public DateOnly? RevokedOn { get; set; }

    /// <summary>Why it was revoked.</summary>
    public string? RevocationReason { get; set; }
}

/// <summary>荣誉: 全国劳动模范, 全国五一劳动奖章, 中华技能大奖, 全国技术能手 and others; may be revoked.</summary>
public sealed class Honor : PersonRecord
{
    public HonorType Type { get; set; }

    public int Year { get; set; }

    public string? AwardingBody { get; set; }

    public string? DocumentNumber { get; set; }

    public DateOnly? RevokedOn { get; set; }
}

/// <summary>享受政府特殊津贴 (国务院 / 省级).</summary>
public sealed class SpecialAllowance : PersonRecord
{
    public SpecialAllowanceLevel Level { get; set; }

    public int Year { get; set; }

    public string? AwardingBody { get; set; }

    public string? DocumentNumber { get; set; }

    public DateOnly? RevokedOn { get; set; }
}

/// <summary>省级政府认定的“高精尖缺”高技能人才.</summary>
public sealed class ProvincialRecognition : PersonRecord
{
    public string ProvinceCode { get; set; } = "";

    public DateOnly RecognizedOn { get; set; }

    public string? DocumentNumber { get; set; }

    public DateOnly? EndsOn { get; set; }
}

internal static class PersonRecordModel
{
    public static ScopeRule<T> Rule<T>()
        where T : PersonRecord => new()
        {
            Region = r => r.RegionCode,
            Enterprise = r => r.EnterpriseId,
            Person = r => r.PersonId,
        };

    public static void Common<T>(EntityTypeBuilder<T> b, GongjiangDbContext context, string table, ScopeRule<T>? rule = null)
        where T : PersonRecord
    {
        b.ToTable(table);
        b.Property(r => r.RegionCode).HasMaxLength(6).IsRequired();
        b.HasIndex(r => r.PersonId);
        b.HasIndex(r => r.RegionCode);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasScope(context, rule ?? Rule<T>());
    }
}

internal sealed class EmploymentConfiguration : IScopedEntityConfiguration
{
    public void Configure(ModelBuilder builder, GongjiangDbContext context) => builder.Entity<Employment>(b =>
    {
        PersonRecordModel.Common(b, context, "employments");
        b.Property(e => e.Occupation).HasMaxLength(100).IsRequired();
        b.Property(e => e.OccupationCode).HasMaxLength(10);
        b.Property(e => e.Post).HasMaxLength(100);
        b.HasIndex(e => e.EmployerId);
        b.HasIndex(e => e.Occupation);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(e => e.EmployerId).OnDelete(DeleteBehavior.Restrict);
    });
}

internal sealed class SkillCertificateConfiguration : IScopedEntityConfiguration
{
    public void Configure(ModelBuilder builder, GongjiangDbContext context) => builder.Entity<SkillCertificate>(b =>
    {
        // Certificates issued by a registered evaluation body are public for verification (number + name, masked).
        PersonRecordModel.Common(b, context, "skill_certificates", new ScopeRule<SkillCertificate>
        {
            Region = r => r.RegionCode,
            Enterprise = r => r.EnterpriseId,
            Person = r => r.PersonId,
            Public = r => r.EvaluationBodyId != null,
        });
        b.Property(c => c.Occupation).HasMaxLength(100).IsRequired();
        b.Property(c => c.CertificateNumber).HasMaxLength(64);
        b.Property(c => c.Issuer).HasMaxLength(200);
        b.Property(c => c.OccupationCode).HasMaxLength(20);
        b.Property(c => c.HolderName).HasMaxLength(64);
        b.Property(c => c.ExceptionalPromotion).HasMaxLength(100);
        b.Property(c => c.RevocationReason).HasMaxLength(500);
        b.HasIndex(c => c.CertificateNumber);
        b.HasIndex(c => c.EvaluationBodyId);
    });
}

internal sealed class HonorConfiguration : IScopedEntityConfiguration
{
    public void Configure(ModelBuilder builder, GongjiangDbContext context) => builder.Entity<Honor>(b =>
    {
        PersonRecordModel.Common(b, context, "honors");
        b.Property(h => h.AwardingBody).HasMaxLength(200);
        b.Property(h => h.DocumentNumber).HasMaxLength(100);
        b.HasIndex(h => new { h.PersonId, h.Type, h.Year }).IsUnique();
    });
}

internal sealed class SpecialAllowanceConfiguration : IScopedEntityConfiguration
{
    public void Configure(ModelBuilder builder, GongjiangDbContext context) => builder.Entity<SpecialAllowance>(b =>
    {
        PersonRecordModel.Common(b, context, "special_allowances");
        b.Property(h => h.AwardingBody).HasMaxLength(200);
        b.Property(h => h.DocumentNumber).HasMaxLength(100);
        b.HasIndex(h => new { h.PersonId, h.Level, h.Year }).IsUnique();
    });
}

internal sealed class ProvincialRecognitionConfiguration : IScopedEntityConfiguration
{
    public void Configure(ModelBuilder builder, GongjiangDbContext context) => builder.Entity<ProvincialRecognition>(b =>
    {
        PersonRecordModel.Common(b, context, "provincial_recognitions");
        b.Property(r => r.ProvinceCode).HasMaxLength(6).IsRequired();
        b.Property(r => r.DocumentNumber).HasMaxLength(100);
    });
}
