using Gongjiang.Core.Skills;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Wages.Data;

/// <summary>The kind of an enterprise's wage scheme. Stored as int; never renumber.</summary>
public enum WageSchemeKind
{
    /// <summary>年资工资 (policy 三(三)).</summary>
    Seniority = 1,
    /// <summary>特聘岗位津贴.</summary>
    SpecialPost = 2,
    /// <summary>带徒津贴.</summary>
    Mentoring = 3,
}

/// <summary>
/// One dated version of an enterprise's 年资工资 or allowance scheme (policy 三(三)). A new version of the same kind
/// closes the one in force (its <see cref="EffectiveTo"/> becomes the new version's <see cref="EffectiveFrom"/>);
/// versions are never deleted. Amounts are 分 a month. Scoped by the enterprise's region and the enterprise.
/// </summary>
public sealed class WageSchemeVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid EnterpriseId { get; set; }

    public string EnterpriseName { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public WageSchemeKind Kind { get; set; }

    public string Name { get; set; } = "";

    /// <summary>年资工资: 起加点 in years of service.</summary>
    public int StartYears { get; set; }

    /// <summary>年资工资: 级差 a month per year of service; allowances: the monthly amount.</summary>
    public long MonthlyAmountFen { get; set; }

    /// <summary>年资工资: the most a month pays; null = no cap.</summary>
    public long? MonthlyCapFen { get; set; }

    /// <summary>Allowances: the lowest skill level entitled; null = any.</summary>
    public SkillLevel? MinimumLevel { get; set; }

    /// <summary>带徒津贴: the amount is per apprentice.</summary>
    public bool PerApprentice { get; set; }

    /// <summary>带徒津贴: apprentices needed in a month.</summary>
    public int MinimumApprentices { get; set; } = 1;

    /// <summary>带徒津贴: apprentices counted at most; null = all.</summary>
    public int? MaximumApprentices { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public DateOnly? EffectiveTo { get; set; }

    public string RecordedByName { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public static string ChineseName(WageSchemeKind kind) => kind switch
    {
        WageSchemeKind.Seniority => "年资工资",
        WageSchemeKind.SpecialPost => "特聘岗位津贴",
        WageSchemeKind.Mentoring => "带徒津贴",
        _ => "未知",
    };
}

internal sealed class WageSchemeConfiguration : IScopedEntityConfiguration
{
    public static readonly ScopeRule<WageSchemeVersion> Rule = new() { Region = s => s.RegionCode, Enterprise = s => s.EnterpriseId };

    public void Configure(ModelBuilder builder, GongjiangDbContext context) => builder.Entity<WageSchemeVersion>(b =>
    {
        b.ToTable("wage_schemes");
        b.Property(s => s.EnterpriseName).HasMaxLength(200).IsRequired();
        b.Property(s => s.RegionCode).HasMaxLength(6).IsRequired();
        b.Property(s => s.Name).HasMaxLength(100).IsRequired();
        b.Property(s => s.RecordedByName).HasMaxLength(100).IsRequired();
        b.HasIndex(s => new { s.EnterpriseId, s.Kind, s.EffectiveFrom });
        b.HasScope(context, Rule);
    });
}
