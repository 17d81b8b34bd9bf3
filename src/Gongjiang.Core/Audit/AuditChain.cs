using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Gongjiang.Core.Audit;

/// <summary>
/// One link of the audit chain, everything but its own hash. Times are UTC with the civil offset kept beside them,
/// truncated to whole microseconds (the precision PostgreSQL keeps), so a stored record hashes the same when read back.
/// </summary>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset OccurredAtUtc,
    int UtcOffsetMinutes,
    string? ActorId,
    string ActorName,
    string? ActorRole,
    string? ActorJurisdiction,
    string Action,
    string EntityType,
    string? EntityId,
    string? Before,
    string? After,
    string Outcome,
    string? Detail,
    string? ClientAddress,
    string PreviousHash);

/// <summary>Where verification found the chain broken, and why (Chinese text for the administrator).</summary>
public sealed record AuditBreak(long Sequence, string Reason);

/// <summary>
/// The hash chain of the audit log (等保 2.0 三级 安全审计: 审计记录应受到保护，避免受到未预期的删除、修改或覆盖).
/// Each record's hash is HMAC-SHA256 under a key held outside the database over a canonical JSON encoding of the
/// record, which includes the previous record's hash and a gap-free sequence number. Changing a record breaks its
/// own hash; deleting one leaves a gap in the sequence; inserting one breaks the next record's link.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous-hash of the first record.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>Computes the hash of <paramref name="record"/> under <paramref name="key"/>; lower-case hex.</summary>
    public static string ComputeHash(AuditRecord record, ReadOnlySpan<byte> key)
    {
        var canonical = JsonSerializer.SerializeToUtf8Bytes(new object?[]
        {
            record.Sequence,
            record.OccurredAtUtc.UtcTicks.ToString(CultureInfo.InvariantCulture),
            record.UtcOffsetMinutes,
            record.ActorId,
            record.ActorName,
            record.ActorRole,
            record.ActorJurisdiction,
            record.Action,
            record.EntityType,
            record.EntityId,
            record.Before,
            record.After,
            record.Outcome,
            record.Detail,
            record.ClientAddress,
            record.PreviousHash,
        });
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, canonical));
    }

    /// <summary>Truncates a time to whole microseconds, as stored.</summary>
    public static DateTimeOffset TruncateToMicroseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % 10), TimeSpan.Zero);

    /// <summary>
    /// Verifies records streamed in ascending sequence order; feed every record to <see cref="Accept"/> and read
    /// <see cref="FirstBreak"/> at the end. Stops judging at the first broken link, which it names.
    /// </summary>
    public sealed class Verifier(byte[] key)
    {
        private long _expectedSequence = 1;
        private string _previousHash = GenesisHash;

        public long Checked { get; private set; }

        public AuditBreak? FirstBreak { get; private set; }

        /// <summary>Checks the next record; returns false once the chain is broken.</summary>
        public bool Accept(AuditRecord record, string storedHash)
        {
            if (FirstBreak is not null)
            {
                return false;
            }

            if (record.Sequence != _expectedSequence)
            {
                FirstBreak = record.Sequence > _expectedSequence
                    ? new AuditBreak(_expectedSequence, string.Create(CultureInfo.InvariantCulture,
                        $"第{_expectedSequence}条记录缺失（序号从{_expectedSequence - 1}跳到{record.Sequence}），记录可能被删除"))
                    : new AuditBreak(record.Sequence, string.Create(CultureInfo.InvariantCulture,
                        $"第{record.Sequence}条记录序号重复或倒序，记录可能被插入"));
                return false;
            }

            if (!string.Equals(record.PreviousHash, _previousHash, StringComparison.Ordinal))
            {
                FirstBreak = new AuditBreak(record.Sequence, string.Create(CultureInfo.InvariantCulture,
                    $"第{record.Sequence}条记录与上一条记录的链接不符，其前有记录被插入、删除或修改"));
                return false;
            }

            if (!string.Equals(ComputeHash(record, key), storedHash, StringComparison.Ordinal))
            {
                FirstBreak = new AuditBreak(record.Sequence, string.Create(CultureInfo.InvariantCulture,
                    $"第{record.Sequence}条记录的内容与其摘要不符，记录被篡改"));
                return false;
            }

            _previousHash = storedHash;
            _expectedSequence++;
            Checked++;
            return true;
        }
    }
}
