using Gongjiang.Web.Features.Registry.Imports;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry.Data;

/// <summary>One uploaded file and what became of it. Scoped by the jurisdiction it was imported into.</summary>
public sealed class RegistryImport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public ImportKind Kind { get; set; }

    public string FileName { get; set; } = "";

    public string FileSha256 { get; set; } = "";

    public string Format { get; set; } = "";

    public string? Encoding { get; set; }

    /// <summary>The importer's jurisdiction (region code).</summary>
    public string RegionCode { get; set; } = "";

    /// <summary>Set when an employer imported its own roster.</summary>
    public Guid? EnterpriseId { get; set; }

    public string? ActorId { get; set; }

    public string ActorName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public int TotalRows { get; set; }

    public int Accepted { get; set; }

    public int Rejected { get; set; }

    public int Duplicates { get; set; }

    /// <summary>Rows accepted that changed nothing already stored (re-import of the same data).</summary>
    public int Unchanged { get; set; }

    /// <summary>File-level refusal (Chinese), when the file could not be read at all.</summary>
    public string? FileError { get; set; }

    /// <summary>Running from the moment the upload arrives, so that an import cut off by a crash is found at the next start.</summary>
    public ImportStatus Status { get; set; }

    /// <summary>The process running the import (<c>host/pid</c>), to tell a crashed import from one still running elsewhere.</summary>
    public string? Worker { get; set; }

    public List<ImportError> Errors { get; set; } = [];
}

/// <summary>One problem with one row of an import: row as the user sees it, column header, the value, the reason.</summary>
public sealed class ImportError
{
    public long Id { get; set; }

    public Guid ImportId { get; set; }

    public int Row { get; set; }

    public string Column { get; set; } = "";

    public string? Value { get; set; }

    public string Message { get; set; } = "";

    public bool IsDuplicate { get; set; }
}

internal sealed class RegistryImportConfiguration : IScopedEntityConfiguration
{
    public static readonly ScopeRule<RegistryImport> Rule = new()
    {
        Region = i => i.RegionCode,
        Enterprise = i => i.EnterpriseId,
    };

    public void Configure(ModelBuilder builder, GongjiangDbContext context)
    {
        builder.Entity<RegistryImport>(b =>
        {
            b.ToTable("registry_imports");
            b.Property(i => i.FileName).HasMaxLength(260);
            b.Property(i => i.FileSha256).HasMaxLength(64);
            b.Property(i => i.Format).HasMaxLength(8);
            b.Property(i => i.Encoding).HasMaxLength(16);
            b.Property(i => i.RegionCode).HasMaxLength(6);
            b.Property(i => i.ActorId).HasMaxLength(64);
            b.Property(i => i.ActorName).HasMaxLength(64);
            b.Property(i => i.FileError).HasMaxLength(2000);
            b.Property(i => i.Worker).HasMaxLength(128);
            b.HasIndex(i => new { i.RegionCode, i.CreatedAt });
            b.HasMany(i => i.Errors).WithOne().HasForeignKey(e => e.ImportId).OnDelete(DeleteBehavior.Cascade);
            b.HasScope(context, Rule);
        });
        builder.Entity<ImportError>(b =>
        {
            b.ToTable("registry_import_errors");
            b.Property(e => e.Column).HasMaxLength(64);
            b.Property(e => e.Value).HasMaxLength(200);
            b.Property(e => e.Message).HasMaxLength(500);
            b.HasIndex(e => new { e.ImportId, e.Row });
        });
    }
}
