using Gongjiang.Core.Common;
using Gongjiang.Core.Reference;
using Gongjiang.Core.Skills;
using Gongjiang.Core.Wages;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Wages.Data;

/// <summary>Where a wage report stands. Stored as int; never renumber.</summary>
public enum WageReportStatus
{
    /// <summary>待确认: submitted, not yet confirmed by the enterprise; counts nowhere.</summary>
    Draft = 1,
    /// <summary>已确认: the report of its enterprise and year (counts for wage levels and the SOE check).</summary>
    Confirmed = 2,
    /// <summary>已更正: replaced by a later confirmed version; kept unchanged.</summary>
    Superseded = 3,
    /// <summary>已作废: a draft withdrawn before confirmation; kept unchanged.</summary>
    Discarded = 4,
}

/// <summary>
/// 工资报送: one enterprise's annual wage report for one year, in versions. A version is never changed once confirmed;
/// a correction is a new version that supersedes it (issue 15: “corrections as new versions, never overwrites”).
/// Scoped by the enterprise's region and the enterprise.
/// </summary>
public sealed class WageReport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid EnterpriseId { get; set; }

    public string EnterpriseName { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public bool StateOwned { get; set; }

    public int Year { get; set; }

    public int Version { get; set; } = 1;

    public WageReportStatus Status { get; set; } = WageReportStatus.Draft;

    /// <summary>The confirmed version this one corrects (更正), or null for the first report.</summary>
    public Guid? CorrectsId { get; set; }

    public string? CorrectionReason { get; set; }

    /// <summary>接口, 页面 or 文件导入.</summary>
    public string Source { get; set; } = "";

    public int RowCount { get; set; }

    public long TotalPayFen { get; set; }

    public string SubmittedById { get; set; } = "";

    public string SubmittedByName { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }

    public string? ConfirmedByName { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public static string ChineseName(WageReportStatus status) => status switch
    {
        WageReportStatus.Draft => "待确认",
        WageReportStatus.Confirmed => "已确认",
        WageReportStatus.Superseded => "已更正（被新版本取代）",
        WageReportStatus.Discarded => "已作废",
        _ => "未知",
    };
}

/// <summary>
/// One employee's row of a wage report (<see cref="WageReportRow"/>). The person is kept as the registry's ID-number
/// hash and the masked number, linked to the registered person when there is one (so the worker sees their own row).
/// Amounts are 分. <see cref="IsCurrent"/> marks the rows of the confirmed version of each enterprise and year.
/// </summary>
public sealed class WageReportLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ReportId { get; set; }

    public int RowNumber { get; set; }

    public Guid EnterpriseId { get; set; }

    public string RegionCode { get; set; } = "";

    public int Year { get; set; }

    public bool IsCurrent { get; set; }

    public string PersonKey { get; set; } = "";

    public string IdNumberMasked { get; set; } = "";

    public Guid? PersonId { get; set; }

    public string? PersonName { get; set; }

    public StaffCategory Category { get; set; }

    public PostTier? Tier { get; set; }

    public bool? Frontline { get; set; }

    public string? OccupationCode { get; set; }

    public SkillLevel? SkillLevel { get; set; }

    public int MonthsWorked { get; set; }

    public long TotalPayFen { get; set; }

    public long BasicPayFen { get; set; }

    public long PerformancePayFen { get; set; }

    public long AllowancesFen { get; set; }

    public long SpecialPostAllowanceFen { get; set; }

    public long MentorAllowanceFen { get; set; }

    public long SeniorityPayFen { get; set; }

    /// <summary>本企业工龄起算日 (for the enterprise's 年资工资 scheme); null when not reported.</summary>
    public DateOnly? ServiceStart { get; set; }

    /// <summary>特聘岗位月数 in the year (for the 特聘岗位津贴 scheme); null when not reported.</summary>
    public int? SpecialPostMonths { get; set; }

    /// <summary>带徒人数 (apprentices mentored in each month worked, for the 带徒津贴 scheme); null when not reported.</summary>
    public int? Apprentices { get; set; }

    /// <summary>The Core row (for the SOE check and the scheme check).</summary>
    public WageReportRow ToRow() => new(PersonKey, Category, Tier, Frontline, OccupationCode, SkillLevel, MonthsWorked,
        new Money(TotalPayFen), new Money(BasicPayFen), new Money(PerformancePayFen), new Money(AllowancesFen),
        new Money(SpecialPostAllowanceFen), new Money(MentorAllowanceFen), new Money(SeniorityPayFen));
}

/// <summary>
/// A published cell of the wage-level table (工资价位) of one year: aggregates only, no person and no enterprise, so the
/// table has no scope (listed in the scope-coverage test). Rewritten for the year whenever a report of that year is
/// confirmed. A suppressed cell stores its keys and nothing else.
/// </summary>
public sealed class WageLevelCellRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int Year { get; set; }

    public string RegionCode { get; set; } = "";

    public string OccupationCode { get; set; } = "";

    public SkillLevel Level { get; set; }

    public bool Suppressed { get; set; }

    public int? Enterprises { get; set; }

    public int? Persons { get; set; }

    public double? P10 { get; set; }

    public double? P25 { get; set; }

    public double? P50 { get; set; }

    public double? P75 { get; set; }

    public double? P90 { get; set; }

    public long? MeanFen { get; set; }

    public DateTimeOffset ComputedAt { get; set; }
}

/// <summary>
/// The SOE pay check (policy 四(二)) of one enterprise and year, from its confirmed reports: the outcome, the population
/// choice with its explanation and each comparison's reason. Seen by the wage office and the 国资 department.
/// </summary>
public sealed class SoeCheck
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid EnterpriseId { get; set; }

    public string EnterpriseName { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public int Year { get; set; }

    public Guid ReportId { get; set; }

    public SoeComplianceOutcome Outcome { get; set; }

    public string Explanation { get; set; } = "";

    /// <summary>Each rule's reason, one a line.</summary>
    public string Reasons { get; set; } = "";

    public DateTimeOffset CheckedAt { get; set; }

    public static string ChineseName(SoeComplianceOutcome outcome) => outcome switch
    {
        SoeComplianceOutcome.Compliant => "符合",
        SoeComplianceOutcome.NonCompliant => "不符合",
        SoeComplianceOutcome.Indeterminate => "无法判断",
        SoeComplianceOutcome.NotApplicable => "不适用",
        _ => "未知",
    };
}

/// <summary>
/// 整改: a rectification case opened on a non-compliant <see cref="SoeCheck"/>, worked by the 国资 department of the
/// jurisdiction (<see cref="RectificationWorkflow"/>), answered by the enterprise, with a working-day deadline.
/// </summary>
public sealed class RectificationCase
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CheckId { get; set; }

    public Guid EnterpriseId { get; set; }

    public string EnterpriseName { get; set; } = "";

    public string RegionCode { get; set; } = "";

    /// <summary>The department that works the case (国资).</summary>
    public string DepartmentCode { get; set; } = Departments.Sasac.Code;

    public int Year { get; set; }

    public RectificationStatus Status { get; set; } = RectificationStatus.Opened;

    public string Finding { get; set; } = "";

    public DateOnly OpenedOn { get; set; }

    public DateOnly Deadline { get; set; }

    public bool DeadlineProvisional { get; set; }

    public string? Explanation { get; set; }

    public string? Evidence { get; set; }

    /// <summary>The evidence documents named by the enterprise, one a line.</summary>
    public string? EvidenceDocuments { get; set; }

    public string? DecisionReason { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string? ClosedByName { get; set; }

    /// <summary>Every step as “日期 人 动作：内容”, one a line (the audit log has the full record).</summary>
    public string History { get; set; } = "";
}

internal sealed class WageDataConfiguration : IScopedEntityConfiguration
{
    public static readonly ScopeRule<WageReport> ReportRule = new() { Region = r => r.RegionCode, Enterprise = r => r.EnterpriseId };

    public static readonly ScopeRule<WageReportLine> LineRule = new() { Region = l => l.RegionCode, Enterprise = l => l.EnterpriseId, Person = l => l.PersonId };

    public static readonly ScopeRule<SoeCheck> CheckRule = new() { Region = c => c.RegionCode, Enterprise = c => c.EnterpriseId, Department = c => "sasac" };

    public static readonly ScopeRule<RectificationCase> CaseRule = new() { Region = c => c.RegionCode, Enterprise = c => c.EnterpriseId, Department = c => c.DepartmentCode };

    public void Configure(ModelBuilder builder, GongjiangDbContext context)
    {
        builder.Entity<WageReport>(b =>
        {
            b.ToTable("wage_reports");
            b.Property(r => r.EnterpriseName).HasMaxLength(200).IsRequired();
            b.Property(r => r.RegionCode).HasMaxLength(6).IsRequired();
            b.Property(r => r.CorrectionReason).HasMaxLength(500);
            b.Property(r => r.Source).HasMaxLength(20).IsRequired();
            b.Property(r => r.SubmittedById).HasMaxLength(64).IsRequired();
            b.Property(r => r.SubmittedByName).HasMaxLength(100).IsRequired();
            b.Property(r => r.ConfirmedByName).HasMaxLength(100);
            b.HasIndex(r => new { r.EnterpriseId, r.Year, r.Version }).IsUnique();
            b.HasIndex(r => new { r.RegionCode, r.Year });
            b.HasScope(context, ReportRule);
        });
        builder.Entity<WageReportLine>(b =>
        {
            b.ToTable("wage_report_lines");
            b.Property(l => l.RegionCode).HasMaxLength(6).IsRequired();
            b.Property(l => l.PersonKey).HasMaxLength(64).IsRequired();
            b.Property(l => l.IdNumberMasked).HasMaxLength(18).IsRequired();
            b.Property(l => l.PersonName).HasMaxLength(64);
            b.Property(l => l.OccupationCode).HasMaxLength(10);
            b.HasOne<WageReport>().WithMany().HasForeignKey(l => l.ReportId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(l => new { l.ReportId, l.RowNumber }).IsUnique();
            b.HasIndex(l => new { l.Year, l.IsCurrent });
            b.HasIndex(l => l.PersonId);
            b.HasScope(context, LineRule);
        });
        builder.Entity<WageLevelCellRecord>(b =>
        {
            b.ToTable("wage_level_cells");
            b.Property(c => c.RegionCode).HasMaxLength(6).IsRequired();
            b.Property(c => c.OccupationCode).HasMaxLength(10).IsRequired();
            b.HasIndex(c => new { c.Year, c.RegionCode, c.OccupationCode, c.Level }).IsUnique();
        });
        builder.Entity<SoeCheck>(b =>
        {
            b.ToTable("wage_soe_checks");
            b.Property(c => c.EnterpriseName).HasMaxLength(200).IsRequired();
            b.Property(c => c.RegionCode).HasMaxLength(6).IsRequired();
            b.Property(c => c.Explanation).HasMaxLength(1000).IsRequired();
            b.Property(c => c.Reasons).HasMaxLength(8000).IsRequired();
            b.HasIndex(c => new { c.EnterpriseId, c.Year });
            b.HasIndex(c => new { c.RegionCode, c.Year });
            b.HasScope(context, CheckRule);
        });
        builder.Entity<RectificationCase>(b =>
        {
            b.ToTable("wage_rectifications");
            b.Property(c => c.EnterpriseName).HasMaxLength(200).IsRequired();
            b.Property(c => c.RegionCode).HasMaxLength(6).IsRequired();
            b.Property(c => c.DepartmentCode).HasMaxLength(40).IsRequired();
            b.Property(c => c.Finding).HasMaxLength(8000).IsRequired();
            b.Property(c => c.Explanation).HasMaxLength(2000);
            b.Property(c => c.Evidence).HasMaxLength(2000);
            b.Property(c => c.EvidenceDocuments).HasMaxLength(2000);
            b.Property(c => c.DecisionReason).HasMaxLength(2000);
            b.Property(c => c.ClosedByName).HasMaxLength(100);
            b.Property(c => c.History).HasMaxLength(16000).IsRequired();
            b.HasIndex(c => new { c.RegionCode, c.Status });
            b.HasIndex(c => c.CheckId);
            b.HasScope(context, CaseRule);
        });
    }
}
