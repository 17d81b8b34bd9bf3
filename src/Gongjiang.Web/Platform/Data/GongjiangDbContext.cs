using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Platform.Data;

/// <summary>
/// The one DbContext. It applies every module's <see cref="IEntityTypeConfiguration{TEntity}"/> from this assembly;
/// scoped entities get their query filter from <see cref="ScopeRules"/>. Saving checks every changed row against the
/// actor's scope and appends the audit entries of the change in the same transaction. One derived context per provider
/// (<see cref="PostgresGongjiangDbContext"/>, <see cref="SqliteGongjiangDbContext"/>) carries that provider's migrations
/// (docs/adr/0011); everything else uses this type.
/// </summary>
public abstract class GongjiangDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    private readonly ICurrentActor _current;
    private readonly AuditWriter? _audit;
    private readonly List<AuditEvent> _pendingEvents = [];
    private bool _savingAudit;
    private AccessScope? _scope;

    protected GongjiangDbContext(DbContextOptions options, ICurrentActor current, AuditWriter? audit = null)
        : base(options)
    {
        _current = current;
        _audit = audit;
    }

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public Actor Actor => _current.Actor;

    /// <summary>The scope every query filter and write check of this context uses.</summary>
    public AccessScope Scope => _scope ??= AccessScope.For(_current.Actor);

    // Flat members read by the query filters (EF parameterises them per context instance).
    internal bool ScopeAllowed => Scope.Allowed;

    internal string ScopeRegionPrefix => Scope.RegionPrefix;

    internal string? ScopeDepartmentCode => Scope.DepartmentCode;

    internal Guid? ScopeEnterpriseId => Scope.EnterpriseId;

    internal Guid? ScopePersonId => Scope.PersonId;

    /// <summary>
    /// During a bulk import, inserted rows are not audited one by one: the import record (file hash, counts, the rows
    /// carry its id) is their audit record. Changed and deleted rows are still audited with before/after.
    /// </summary>
    public bool SuppressInsertAudit { get; set; }

    /// <summary>The escapes from the scope filter already queued for audit by this context (one entry per reason).</summary>
    internal HashSet<string> AuditedEscapes { get; } = new(StringComparer.Ordinal);

    /// <summary>Queues an audited event (view of sensitive data, export, sign-in…) to be written with the next save.</summary>
    public void Audit(AuditEvent evt) => _pendingEvents.Add(evt);

    /// <summary>Writes queued audit events now, with no other change.</summary>
    public Task RecordAsync(AuditEvent evt, CancellationToken ct)
    {
        Audit(evt);
        return SaveChangesAsync(ct);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        if (Database.IsNpgsql())
        {
            builder.HasPostgresExtension("pg_trgm");
        }

        IdentityModel.Configure(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GongjiangDbContext).Assembly, t => t.GetConstructor(Type.EmptyTypes) is not null);

        // Scoped configurations need this context instance for their filters.
        foreach (var type in typeof(GongjiangDbContext).Assembly.GetTypes())
        {
            if (!type.IsAbstract && typeof(IScopedEntityConfiguration).IsAssignableFrom(type))
            {
                ((IScopedEntityConfiguration)Activator.CreateInstance(type)!).Configure(builder, this);
            }
        }

        builder.Entity<DataProtectionKey>(b =>
        {
            b.ToTable("data_protection_keys");
            b.Property(k => k.Xml).IsSensitive();
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_savingAudit)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // Modules' derived rows (ISaveParticipant) are kept in the transaction of the rows they derive from.
        if (SaveParticipants.Concerned(ChangeTracker) is { Count: > 0 } participants)
        {
            if (Database.CurrentTransaction is null)
            {
                await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
                var saved = await SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return saved;
            }

            foreach (var participant in participants)
            {
                await participant.BeforeSaveAsync(this, cancellationToken);
            }
        }

        EnforceScopeOnWrites();
        var changes = AuditWriter.Capture(ChangeTracker, SuppressInsertAudit);
        if (_audit is null || (changes.Count == 0 && _pendingEvents.Count == 0))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var events = _pendingEvents.ToList();
        _pendingEvents.Clear();
        return await _audit.WriteAsync(this, _current, changes, events,
            ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);
    }

    internal async Task SaveAuditEntriesAsync(CancellationToken ct)
    {
        _savingAudit = true;
        try
        {
            await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, ct);
        }
        finally
        {
            _savingAudit = false;
        }
    }

    private void EnforceScopeOnWrites()
    {
        var scope = Scope;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var violates = ScopeRules.TryCheck(entry.Entity, scope, out var inScope) && !inScope;
            if (!violates && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                // The record as it was must have been in scope too: no moving records in from outside.
                var original = entry.OriginalValues.ToObject();
                violates = ScopeRules.TryCheck(original, scope, out var wasInScope) && !wasInScope;
            }

            if (violates)
            {
                var key = entry.Metadata.FindPrimaryKey()?.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString());
                throw new ScopeViolationException(entry.Metadata.ClrType.Name, key is null ? null : string.Join("|", key));
            }
        }
    }
}

/// <summary>Marks properties that never appear in the audit log (hashes, secrets, keys).</summary>
public static class SensitivePropertyExtensions
{
    public static Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<TProperty> IsSensitive<TProperty>(
        this Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<TProperty> property)
    {
        AuditWriter.MarkSensitive(property.Metadata.DeclaringType.ClrType, property.Metadata.Name);
        return property;
    }
}

/// <summary>An entity configuration that needs the context (for its scope filter).</summary>
public interface IScopedEntityConfiguration
{
    void Configure(ModelBuilder builder, GongjiangDbContext context);
}

/// <summary>Table names and sensitive columns of ASP.NET Core Identity's tables.</summary>
internal static class IdentityModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<AppUser>(b =>
        {
            b.ToTable("users");
            b.Property(u => u.DisplayName).HasMaxLength(64);
            b.Property(u => u.Role).HasMaxLength(32);
            b.Property(u => u.RegionCode).HasMaxLength(6);
            b.Property(u => u.DepartmentCode).HasMaxLength(32);
            b.Property(u => u.PasswordHash).IsSensitive();
            b.Property(u => u.SecurityStamp).IsSensitive();
            b.Property(u => u.ConcurrencyStamp).IsSensitive();
            b.HasIndex(u => u.RegionCode);
        });
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        builder.Entity<IdentityUserToken<string>>(b =>
        {
            b.ToTable("user_tokens");
            b.Property(t => t.Value).IsSensitive();
        });
    }
}
