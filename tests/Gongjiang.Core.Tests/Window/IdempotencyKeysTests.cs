using System.Text;
using Gongjiang.Core.Window;

namespace Gongjiang.Core.Tests.Window;

/// <summary>Double submission (double click, retry) with an Idempotency-Key: one request, never two.</summary>
public sealed class IdempotencyKeysTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"", "3f2504e0-4f89-11d3-9a0c-0305e82c3301")] // structured-field string
    [InlineData("01HQ3Z8W9K2M4N6P8R0T2V4X6Z", "01HQ3Z8W9K2M4N6P8R0T2V4X6Z")] // a ULID
    public void Valid_keys_are_accepted(string key, string expected)
    {
        Assert.Equal(expected, IdempotencyKeys.Validate(key).Value);
    }

    [Theory]
    [InlineData(null, "幂等键（Idempotency-Key）不能为空")]
    [InlineData("  ", "幂等键（Idempotency-Key）不能为空")]
    [InlineData("abc123", "幂等键（Idempotency-Key）长度应为16至128个字符，建议使用UUID")]
    [InlineData("3f2504e0 4f89 11d3 9a0c", "幂等键（Idempotency-Key）只能包含字母、数字和“-_.:”")]
    [InlineData("键键键键键键键键键键键键键键键键", "幂等键（Idempotency-Key）只能包含字母、数字和“-_.:”")]
    public void Bad_keys_are_refused_in_Chinese(string? key, string message)
    {
        Assert.Equal(message, IdempotencyKeys.Validate(key).Error);
    }

    [Fact]
    public void Derived_keys_are_scoped_to_the_operation_and_the_caller()
    {
        const string Key = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

        var a = IdempotencyKeys.Derive("window.submit-request", "user-1", Key);

        Assert.Equal(64, a.Length);
        Assert.Equal(a, IdempotencyKeys.Derive("window.submit-request", "user-1", Key));
        Assert.NotEqual(a, IdempotencyKeys.Derive("window.submit-request", "user-2", Key));
        Assert.NotEqual(a, IdempotencyKeys.Derive("window.rate-request", "user-1", Key));
    }

    [Fact]
    public void Content_derived_keys_treat_the_same_content_on_the_same_day_as_one_submission()
    {
        var fingerprint = IdempotencyKeys.Fingerprint("{\"item\":\"housing\"}"u8);
        var day = DateOnly.FromDateTime(Now.DateTime);

        var first = IdempotencyKeys.DeriveFromContent("window.submit-request", "user-1", fingerprint, day);

        Assert.Equal(first, IdempotencyKeys.DeriveFromContent("window.submit-request", "user-1", fingerprint, day));
        Assert.NotEqual(first, IdempotencyKeys.DeriveFromContent("window.submit-request", "user-1", fingerprint, day.AddDays(1)));
    }

    [Fact]
    public void The_fingerprint_is_the_SHA_256_of_the_canonical_request()
    {
        // FIPS 180-2 test vector: SHA-256("abc").
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", IdempotencyKeys.Fingerprint(Encoding.ASCII.GetBytes("abc")));
    }

    [Fact]
    public void A_first_request_proceeds_a_repeat_replays_and_a_different_one_conflicts()
    {
        var stored = new IdempotencyRecord("aaaa", Now.AddMinutes(-5), Completed: true);

        Assert.Equal(new IdempotencyDecision(IdempotencyOutcome.Proceed, null), IdempotencyKeys.Decide(null, "aaaa", Now));
        Assert.Equal(new IdempotencyDecision(IdempotencyOutcome.Replay, null), IdempotencyKeys.Decide(stored, "aaaa", Now));
        Assert.Equal(
            new IdempotencyDecision(IdempotencyOutcome.Conflict, "该幂等键（Idempotency-Key）已用于内容不同的另一次提交，请为新的提交生成新的幂等键"),
            IdempotencyKeys.Decide(stored, "bbbb", Now));
        Assert.Equal(
            new IdempotencyDecision(IdempotencyOutcome.InProgress, "相同的提交正在处理中，请勿重复提交，稍后刷新查看结果"),
            IdempotencyKeys.Decide(stored with { Completed = false }, "aaaa", Now));
    }

    [Fact]
    public void An_expired_key_may_be_used_again()
    {
        var stored = new IdempotencyRecord("aaaa", Now.AddHours(-25), Completed: true);

        Assert.Equal(IdempotencyOutcome.Proceed, IdempotencyKeys.Decide(stored, "bbbb", Now).Outcome);
        Assert.Equal(IdempotencyOutcome.Conflict, IdempotencyKeys.Decide(stored, "bbbb", Now, TimeSpan.FromDays(2)).Outcome);
    }
}
