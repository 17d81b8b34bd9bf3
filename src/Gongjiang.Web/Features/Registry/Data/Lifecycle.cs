using Gongjiang.Core.Registry;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry.Data;

/// <summary>
/// One step of a person's registry lifecycle (提名、核实、入库、复核、移出), kept for ever: with the dated facts it is
/// the person's history, and the status on any past date is the last event on or before it.
/// </summary>
public sealed class TalentEvent : PersonRecord
{
    public TalentAction Action { get; set; }

    public TalentStatus? FromStatus { get; set; }

    public TalentStatus ToStatus { get; set; }

    public DelistReason? Reason { get; set; }

    /// <summary>Evidence of a nomination, or the clerk's note.</summary>
    public string? Note { get; set; }

    public string ActorName { get; set; } = "";

    public DateOnly EffectiveOn { get; set; }
}

public enum ReviewCampaignStatus
{
    Open = 1,
    Closed = 2,
}

/// <summary>年度复核 (定期更新): every listed talent of a jurisdiction is re-confirmed by the employer and checked by the clerk.</summary>
public sealed class ReviewCampaign
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int Year { get; set; }

    public string RegionCode { get; set; } = "";

    public DateOnly DueDate { get; set; }

    public ReviewCampaignStatus Status { get; set; } = ReviewCampaignStatus.Open;

    public string StartedBy { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>What the employer says of a listed talent in the yearly review.</summary>
public enum EmployerAnswer
{
    StillEmployed = 1,
    Retired = 2,
    Resigned = 3,
    Deceased = 4,
    MovedOut = 5,
}

public static class EmployerAnswers
{
    public static string ChineseName(EmployerAnswer answer) => answer switch
    {
        EmployerAnswer.StillEmployed => "在职，信息无误",
        EmployerAnswer.Retired => "已退休",
        EmployerAnswer.Resigned => "已离职",
        EmployerAnswer.Deceased => "去世",
        EmployerAnswer.MovedOut => "迁出本地",
        _ => "未知",
    };

    public static DelistReason? DelistReasonOf(EmployerAnswer answer) => answer switch
    {
        EmployerAnswer.StillEmployed => null,
        EmployerAnswer.Retired => DelistReason.Retired,
        EmployerAnswer.Resigned => DelistReason.Resigned,
        EmployerAnswer.Deceased => DelistReason.Deceased,
        EmployerAnswer.MovedOut => DelistReason.MovedOut,
        _ => DelistReason.Other,
    };
}

/// <summary>One listed talent in one review campaign: the employer's confirmation, then the clerk's check.</summary>
public sealed class ReviewItem : PersonRecord
{
    public Guid CampaignId { get; set; }

    public EmployerAnswer? EmployerAnswer { get; set; }

    public bool? StillFrontline { get; set; }

    public string? EmployerNote { get; set; }

    public string? EmployerConfirmedBy { get; set; }

    public DateTimeOffset? EmployerConfirmedAt { get; set; }

    public TalentStatus? Outcome { get; set; }

    public string? ClerkNote { get; set; }

    public string? CheckedBy { get; set; }

    public DateTimeOffset? CheckedAt { get; set; }
}

internal sealed class TalentEventConfiguration : IScopedEntityConfiguration
{
    public void Configure(ModelBuilder builder, GongjiangDbContext context) => builder.Entity<TalentEvent>(b =>
    {
        PersonRecordModel.Common(b, context, "talent_events");
        b.Property(e => e.Note).HasMaxLength(1000);
        b.Property(e => e.ActorName).HasMaxLength(64);
        b.HasIndex(e => new { e.PersonId, e.EffectiveOn });
    });
}

internal sealed class ReviewConfiguration : IScopedEntityConfiguration
{
    public static readonly ScopeRule<ReviewCampaign> Rule = new() { Region = c => c.RegionCode, ReadableByBoundActors = true };

    public void Configure(ModelBuilder builder, GongjiangDbContext context)
    {
        builder.Entity<ReviewCampaign>(b =>
        {
            b.ToTable("review_campaigns");
            b.Property(c => c.RegionCode).HasMaxLength(6);
            b.Property(c => c.StartedBy).HasMaxLength(64);
            b.HasIndex(c => new { c.RegionCode, c.Year }).IsUnique();
            b.HasScope(context, Rule);
        });
        builder.Entity<ReviewItem>(b =>
        {
            PersonRecordModel.Common(b, context, "review_items");
            b.Property(i => i.EmployerNote).HasMaxLength(1000);
            b.Property(i => i.ClerkNote).HasMaxLength(1000);
            b.Property(i => i.EmployerConfirmedBy).HasMaxLength(64);
            b.Property(i => i.CheckedBy).HasMaxLength(64);
            b.HasIndex(i => new { i.CampaignId, i.PersonId }).IsUnique();
            b.HasOne<ReviewCampaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
