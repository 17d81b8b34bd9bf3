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

    /// <summary>Parses the common spellings of an enterprise's nature; null when empty, error when unknown.</summary>
    public static Gongjiang.Core.Common.Result<OwnershipType?> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Gongjiang.Core.Common.Result<OwnershipType?>.Ok(null);
        }

        var t = text.Trim();
        OwnershipType? type = t switch
        {
            "中央企业" or "央企" or "中央国有企业" or "中央国有" => OwnershipType.CentralSoe,
            "地方国有企业" or "地方国企" or "国有企业" or "国企" or "地方国有" or "国有" => OwnershipType.LocalSoe,
            "民营企业" or "民营" or "私营企业" or "私营" or "民企" => OwnershipType.Private,
            "外资企业" or "外资" or "外商投资企业" or "外商投资" or "中外合资" or "港澳台资企业" => OwnershipType.ForeignInvested,
            "其他" or "其它" or "集体企业" or "集体" => OwnershipType.Other,
            _ => null,
        };
        return type is null
            ? Gongjiang.Core.Common.Result<OwnershipType?>.Fail($"企业性质“{t}”无法识别，应为中央企业、地方国有企业、民营企业、外资企业或其他")
            : Gongjiang.Core.Common.Result<OwnershipType?>.Ok(type);
    }
}

/// <summary>用人单位. Scoped by its region; an employer account sees only its own enterprise.</summary>
public sealed class Enterprise
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string CreditCode { get; set; } = "";

    public string Name { get; set; } = "";

    public OwnershipType OwnershipType { get; set; } = OwnershipType.Other;

    public string? Industry { get; set; }

    public string RegionCode { get; set; } = "";

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
        b.Property(e => e.Industry).HasMaxLength(100);
        b.Property(e => e.RegionCode).HasMaxLength(6).IsRequired();
        b.HasIndex(e => e.CreditCode).IsUnique();
        b.HasIndex(e => e.RegionCode);
        b.HasIndex(e => e.Name);
        b.HasScope(context, Rule);
    });
}
