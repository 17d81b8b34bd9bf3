using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongjiang.Web.Platform.Data;

/// <summary>A platform-wide setting of the database itself (not of a jurisdiction): a key and its value.</summary>
public sealed class PlatformSetting
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";
}

internal sealed class PlatformSettingConfiguration : IEntityTypeConfiguration<PlatformSetting>
{
    public void Configure(EntityTypeBuilder<PlatformSetting> builder)
    {
        builder.ToTable("platform_settings");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(64);
        builder.Property(s => s.Value).HasMaxLength(256);
    }
}

/// <summary>
/// What a database is for, written once into <c>platform_settings</c> (<c>database_origin</c>): <c>production</c> by
/// the <c>migrate</c> command, <c>demo</c> by demo mode's first start on an empty database. Demo mode seeds its accounts
/// (with their published password) and persons only into a demo database, or into an unmarked one that holds nothing
/// but demo data; anything else is refused with a Chinese message, so demo data never lands in production.
/// </summary>
public static class DatabaseOrigin
{
    public const string Key = "database_origin";
    public const string Demo = "demo";
    public const string Production = "production";

    /// <summary>
    /// The migration that creates <c>platform_settings</c> (both providers use this name; keep it when regenerating
    /// migrations): the origin of a database whose schema is older cannot be read, so it counts as unmarked.
    /// </summary>
    private const string Migration = "_PlatformSettings";

    /// <summary>The database's origin, or null when unmarked (or when its schema predates the mark).</summary>
    public static async Task<string?> ReadAsync(GongjiangDbContext db, CancellationToken ct)
    {
        if (!(await MigrationState.AppliedAsync(db, ct)).Any(m => m.EndsWith(Migration, StringComparison.Ordinal)))
        {
            return null;
        }

        return await db.Set<PlatformSetting>().AsNoTracking().Where(s => s.Key == Key).Select(s => s.Value).FirstOrDefaultAsync(ct);
    }

    /// <summary>Marks an unmarked database (the schema must be current); a marked one keeps its origin.</summary>
    public static async Task<string> MarkAsync(GongjiangDbContext db, string origin, CancellationToken ct)
    {
        var existing = await db.Set<PlatformSetting>().FirstOrDefaultAsync(s => s.Key == Key, ct);
        if (existing is not null)
        {
            return existing.Value;
        }

        db.Add(new PlatformSetting { Key = Key, Value = origin });
        await db.SaveChangesAsync(ct);
        return origin;
    }

    /// <summary>After <c>migrate</c>: an unmarked database is production unless it holds demo data and nothing else.</summary>
    public static async Task<string> MarkAfterMigrateAsync(GongjiangDbContext db, CancellationToken ct)
    {
        if (await db.Set<PlatformSetting>().AnyAsync(s => s.Key == Key, ct))
        {
            return (await ReadAsync(db, ct))!;
        }

        var demoOnly = await DemoAccountsExistAsync(db, ct) && (await CountNonDemoDataAsync(db, ct)).IsEmpty;
        return await MarkAsync(db, demoOnly ? Demo : Production, ct);
    }

    /// <summary>
    /// Demo mode, before migrating: a production database is refused at once (its schema is not touched). Returns the
    /// refusal, or null.
    /// </summary>
    public static async Task<string?> RefuseDemoBeforeMigrateAsync(GongjiangDbContext db, CancellationToken ct) =>
        await ReadAsync(db, ct) == Production ? ProductionRefusal : null;

    /// <summary>
    /// Demo mode, after migrating: claims an unmarked database that holds only demo data (or none) as a demo database.
    /// Returns the refusal, or null when the demo data may be seeded.
    /// </summary>
    public static async Task<string?> ClaimForDemoAsync(GongjiangDbContext db, CancellationToken ct)
    {
        var origin = await ReadAsync(db, ct);
        if (origin == Demo)
        {
            return null;
        }

        if (origin is not null)
        {
            return ProductionRefusal;
        }

        var foreign = await CountNonDemoDataAsync(db, ct);
        if (!foreign.IsEmpty)
        {
            return $"演示模式已拒绝启动：该数据库已有非演示数据（{foreign.Users} 个账户、{foreign.Persons} 名人员、{foreign.Enterprises} 家单位不属于演示数据），"
                + "不会向其写入演示账户和演示数据。" + Advice;
        }

        await MarkAsync(db, Demo, ct);
        return null;
    }

    private const string Advice = "请去掉 --demo（或配置 Demo:Enabled=false）以生产模式启动，或为演示另用一个数据库（例如默认的 SQLite：dotnet run --project src/Gongjiang.Web）。";

    private const string ProductionRefusal = "演示模式已拒绝启动：该数据库由 migrate 命令创建，是生产数据库，不会向其写入演示账户和演示数据。" + Advice;

    private static Task<bool> DemoAccountsExistAsync(GongjiangDbContext db, CancellationToken ct)
    {
        var names = DemoData.Accounts.Select(a => a.UserName).ToList();
        return db.Users.AnyAsync(u => names.Contains(u.UserName!), ct);
    }

    private static async Task<(int Users, int Persons, int Enterprises, bool IsEmpty)> CountNonDemoDataAsync(GongjiangDbContext db, CancellationToken ct)
    {
        var names = DemoData.Accounts.Select(a => a.UserName).ToList();
        var persons = DemoData.DemoIdNumbers.Select(p => p.Id).ToList();
        var enterprises = new[] { DemoData.ShenzhenEnterpriseId, DemoData.ShenzhenMetroId, DemoData.GuangzhouEnterpriseId };
        var users = await db.Users.CountAsync(u => !names.Contains(u.UserName!), ct);
        var otherPersons = await db.Set<Person>().CountAsync(p => !persons.Contains(p.Id), ct);
        var otherEnterprises = await db.Set<Enterprise>().CountAsync(e => !enterprises.Contains(e.Id), ct);
        return (users, otherPersons, otherEnterprises, users + otherPersons + otherEnterprises == 0);
    }
}
