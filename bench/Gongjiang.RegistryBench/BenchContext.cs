using System.Globalization;
using System.Security.Cryptography;
using Gongjiang.Web.Features.Registry.Protection;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.RegistryBench;

/// <summary>Keys, clock and context construction shared by the parent and the child processes.</summary>
internal sealed class BenchContext
{
    /// <summary>The generator's reference date; the import's clock is fixed on it so that every valid row is valid.</summary>
    public static readonly DateOnly Today = Gongjiang.DataGen.RosterGenerator.DefaultToday;

    public BenchContext(byte[] hashKey, byte[] encryptionKey, byte[] auditKey)
    {
        HashKey = hashKey;
        EncryptionKey = encryptionKey;
        AuditKeyBytes = auditKey;
        Protector = new IdNumberProtector(hashKey, encryptionKey);
        AuditKey = new AuditKey(auditKey);
    }

    public byte[] HashKey { get; }

    public byte[] EncryptionKey { get; }

    public byte[] AuditKeyBytes { get; }

    public IdNumberProtector Protector { get; }

    public AuditKey AuditKey { get; }

    public static TimeProvider Clock { get; } = new FixedClock(new DateTimeOffset(Today.Year, Today.Month, Today.Day, 10, 0, 0, TimeSpan.FromHours(8)));

    public static BenchContext CreateRandom() =>
        new(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));

    /// <summary>“hashKey.encryptionKey.auditKey” in Base64, to hand the keys to a child process.</summary>
    public string Serialize() => string.Join('.', Convert.ToBase64String(HashKey), Convert.ToBase64String(EncryptionKey), Convert.ToBase64String(AuditKeyBytes));

    public static BenchContext Deserialize(string text)
    {
        var parts = text.Split('.');
        return new BenchContext(Convert.FromBase64String(parts[0]), Convert.FromBase64String(parts[1]), Convert.FromBase64String(parts[2]));
    }

    /// <summary>A context acting as the system actor (nationwide scope), with the audit chain on, as in production.</summary>
    public GongjiangDbContext CreateDb(string connectionString) =>
        GongjiangDbContextFactory.Create(DatabaseProvider.Postgres, connectionString, AuditKey, Clock);

    public async Task MigrateAsync(string connectionString)
    {
        await using var db = CreateDb(connectionString);
        await db.Database.MigrateAsync();
    }

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
