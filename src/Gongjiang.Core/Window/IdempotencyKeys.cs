using System.Security.Cryptography;
using System.Text;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Window;

/// <summary>What to do with a request that carries an idempotency key.</summary>
public enum IdempotencyOutcome
{
    /// <summary>First use of the key (or its record expired): do the work and store the result under the key.</summary>
    Proceed = 1,
    /// <summary>The same request again (double click, retry): answer with the stored result; create nothing.</summary>
    Replay = 2,
    /// <summary>The first request with this key is still being processed: answer 409 and let the client retry.</summary>
    InProgress = 3,
    /// <summary>The key was used for a different request: refuse (422).</summary>
    Conflict = 4,
}

/// <summary>What Web stored under a key when it first saw it.</summary>
/// <param name="Fingerprint">The <see cref="IdempotencyKeys.Fingerprint"/> of that request.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="Completed">Whether its result is stored (false while the first request runs).</param>
public sealed record IdempotencyRecord(string Fingerprint, DateTimeOffset CreatedAt, bool Completed);

/// <summary>The decision with its Chinese message (null for <see cref="IdempotencyOutcome.Proceed"/> and <see cref="IdempotencyOutcome.Replay"/>).</summary>
public sealed record IdempotencyDecision(IdempotencyOutcome Outcome, string? Message);

/// <summary>
/// Idempotency keys against double submission (the issue's “double click or retry with the same idempotency key: … no
/// duplicate request”), after the IETF draft “The Idempotency-Key HTTP Header Field” (draft-ietf-httpapi-idempotency-key-header):
/// the client sends a unique key (a UUID; the page renders one into the form); the server stores the first result
/// under the key scoped to the caller and the operation, replays it for the same request, and refuses the key for a
/// different request. Web stores the records; these functions decide.
/// </summary>
public static class IdempotencyKeys
{
    /// <summary>The header that carries the key.</summary>
    public const string HeaderName = "Idempotency-Key";

    public const int MinLength = 16;

    public const int MaxLength = 128;

    /// <summary>How long a key is remembered (local choice; the draft leaves it to the server).</summary>
    public static TimeSpan DefaultRetention { get; } = TimeSpan.FromHours(24);

    /// <summary>
    /// A key as received: <see cref="MinLength"/>–<see cref="MaxLength"/> visible ASCII characters (letters, digits and
    /// <c>-_.:</c>), surrounding quotes of a structured-field string removed.
    /// </summary>
    public static Result<string> Validate(string? key)
    {
        var text = key?.Trim() ?? "";
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            text = text[1..^1];
        }

        if (text.Length == 0)
        {
            return Result<string>.Fail($"幂等键（{HeaderName}）不能为空");
        }

        if (text.Length is < MinLength or > MaxLength)
        {
            return Result<string>.Fail($"幂等键（{HeaderName}）长度应为{MinLength}至{MaxLength}个字符，建议使用UUID");
        }

        return text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')
            ? Result<string>.Ok(text)
            : Result<string>.Fail($"幂等键（{HeaderName}）只能包含字母、数字和“-_.:”");
    }

    /// <summary>
    /// The storage key: SHA-256 (hex) of the operation, the caller and the client's key, so that two callers' keys never
    /// collide and the stored key has a fixed length.
    /// </summary>
    /// <param name="operation">The use case, e.g. “window.submit-request”.</param>
    /// <param name="actorId">The signed-in user's id (or the public client's address for anonymous forms).</param>
    /// <param name="clientKey">A key that passed <see cref="Validate"/>.</param>
    public static string Derive(string operation, string actorId, string clientKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentException.ThrowIfNullOrWhiteSpace(actorId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientKey);
        return Hash("v1\n" + operation + "\n" + actorId + "\n" + clientKey);
    }

    /// <summary>
    /// A storage key from the content when no client key was sent: the same caller submitting the same content for the
    /// same operation on the same day is treated as one submission.
    /// </summary>
    public static string DeriveFromContent(string operation, string actorId, string fingerprint, DateOnly day)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fingerprint);
        return Derive(operation, actorId, "content:" + fingerprint + ":" + day.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The fingerprint of a request: SHA-256 (hex) of its canonical bytes (e.g. the JSON body with sorted keys).</summary>
    public static string Fingerprint(ReadOnlySpan<byte> canonicalRequest) => Convert.ToHexStringLower(SHA256.HashData(canonicalRequest));

    /// <summary>What to do with a request whose key maps to <paramref name="existing"/> (null when unseen).</summary>
    public static IdempotencyDecision Decide(IdempotencyRecord? existing, string fingerprint, DateTimeOffset now, TimeSpan? retention = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fingerprint);
        if (existing is null || now - existing.CreatedAt > (retention ?? DefaultRetention))
        {
            return new IdempotencyDecision(IdempotencyOutcome.Proceed, null);
        }

        if (!string.Equals(existing.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            return new IdempotencyDecision(IdempotencyOutcome.Conflict, $"该幂等键（{HeaderName}）已用于内容不同的另一次提交，请为新的提交生成新的幂等键");
        }

        return existing.Completed
            ? new IdempotencyDecision(IdempotencyOutcome.Replay, null)
            : new IdempotencyDecision(IdempotencyOutcome.InProgress, "相同的提交正在处理中，请勿重复提交，稍后刷新查看结果");
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
