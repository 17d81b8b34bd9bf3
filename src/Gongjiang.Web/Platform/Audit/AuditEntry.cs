using Gongjiang.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Web.Platform.Audit;

/// <summary>One row of the append-only audit log. See <see cref="AuditChain"/> for the chain it forms.</summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }

    public DateTimeOffset OccurredAtUtc { get; set; }

    public int UtcOffsetMinutes { get; set; }

    public string? ActorId { get; set; }

    public string ActorName { get; set; } = "";

    public string? ActorRole { get; set; }

    public string? ActorJurisdiction { get; set; }

    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string? EntityId { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public string Outcome { get; set; } = AuditOutcomes.Succeeded;

    public string? Detail { get; set; }

    public string? ClientAddress { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";

    public AuditRecord ToRecord() => new(Sequence, OccurredAtUtc, UtcOffsetMinutes, ActorId, ActorName, ActorRole,
        ActorJurisdiction, Action, EntityType, EntityId, Before, After, Outcome, Detail, ClientAddress, PreviousHash);
}

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string View = "view";
    public const string Export = "export";
    public const string SignIn = "sign-in";
    public const string SignOut = "sign-out";
    public const string Token = "token";
    public const string Denied = "denied";
    public const string Workflow = "workflow";
    public const string Feed = "feed";
    public const string Unscoped = "unscoped";

    public static string ChineseName(string action) => action switch
    {
        Create => "新增",
        Update => "修改",
        Delete => "删除",
        View => "查看敏感信息",
        Export => "导出",
        SignIn => "登录",
        SignOut => "退出",
        Token => "申领令牌",
        Denied => "越权尝试",
        Workflow => "办理",
        Feed => "读取订阅",
        Unscoped => "跨辖区核对",
        _ => action,
    };
}

public static class AuditOutcomes
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Denied = "denied";

    public static string ChineseName(string outcome) => outcome switch
    {
        Succeeded => "成功",
        Failed => "失败",
        Denied => "拒绝",
        _ => outcome,
    };
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.Property(e => e.ActorRole).HasMaxLength(64);
        builder.Property(e => e.ActorJurisdiction).HasMaxLength(6);
        builder.Property(e => e.Action).HasMaxLength(32);
        builder.Property(e => e.EntityType).HasMaxLength(128);
        builder.Property(e => e.EntityId).HasMaxLength(128);
        builder.Property(e => e.Outcome).HasMaxLength(16);
        builder.Property(e => e.Detail).HasMaxLength(2000);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.ActorId);
    }
}
