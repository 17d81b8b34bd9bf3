using Gongjiang.Core.Standards;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry.Data;

/// <summary>企业性质 (DESIGN.md glossary).</summary>
public enum OwnershipType
{
    CentralSoe = 1,
    LocalSoe = 2,
    Private = 3,
    ForeignInvested = 4,
    Other = 9,
}

public static class OwnershipTypes
{
    public static string ChineseName(OwnershipType type) => type switch
    {
        OwnershipType.CentralSoe => "中央企业",
        OwnershipType.LocalSoe => "地方国有企业",
        OwnershipType.Private => "民营企业",
        OwnershipType.ForeignInvested => "外资企业",
        OwnershipType.Other => "其他",
        _ => "未知",
    };
}

/// <summary>用人单位. Scoped by its region; an employer account sees only its own enterprise.</summary>
public sealed class Enterprise
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string CreditCode { get; set; } = "";

    public string Name { get; set; } = "";

    public OwnershipType OwnershipType { get; set; }

    public string RegionCode { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>人员. Scoped by region; an employer account sees its enterprise's people, a worker only themself.</summary>
public sealed class Person
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Name { get; set; } = "";

    public Sex Sex { get; set; }

    public DateOnly BirthDate { get; set; }

    public string RegionCode { get; set; } = "";

    public Guid? EnterpriseId { get; set; }

    public string? Mobile { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class EnterpriseConfiguration : IScopedEntityConfiguration
{
    public static readonly ScopeRule<Enterprise> Rule = new()
    {
        Region = e => e.RegionCode,
        Enterprise = e => e.Id,
        ReadableByBoundActors = true,
    };

    public void Configure(ModelBuilder builder, GongjiangDbContext context) => builder.Entity<Enterprise>(b =>
    {
        b.ToTable("enterprises");
        b.Property(e => e.CreditCode).HasMaxLength(18).IsRequired();
        b.Property(e => e.Name).HasMaxLength(200).IsRequired();
        b.Property(e => e.RegionCode).HasMaxLength(6).IsRequired();
        b.HasIndex(e => e.CreditCode).IsUnique();
        b.HasIndex(e => e.RegionCode);
        b.HasScope(context, Rule);
    });
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
        b.Property(p => p.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(p => p.Mobile).HasMaxLength(11);
        b.HasIndex(p => p.RegionCode);
        b.HasIndex(p => p.EnterpriseId);
        b.HasIndex(p => p.Name);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasScope(context, Rule);
    });
}
