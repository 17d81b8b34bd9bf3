using Gongjiang.Web.Features.Registry.Imports;

namespace Gongjiang.Web.Tests.Registry.Imports;

/// <summary>The in-file duplicate map of an import: exact, first row wins, in native memory.</summary>
public sealed class SeenRowsTests
{
    [Fact]
    public void Answers_like_a_dictionary_for_many_keys_with_repeats()
    {
        var random = new Random(5);
        var expected = new Dictionary<long, (int Row, ulong Fingerprint)>();
        using var seen = new SeenRows();
        for (var row = 1; row <= 200_000; row++)
        {
            // About one key in ten repeats an earlier one; keys include 0, negatives and extremes.
            var key = row % 10 == 0 && expected.Count > 0 ? expected.Keys.ElementAt(random.Next(Math.Min(expected.Count, 1000))) : row switch
            {
                1 => 0,
                2 => long.MinValue,
                3 => long.MaxValue,
                _ => random.NextInt64(long.MinValue, long.MaxValue),
            };
            var fingerprint = (ulong)random.NextInt64();

            var added = seen.TryAdd(key, row, fingerprint, out var firstRow, out var firstFingerprint);

            if (expected.TryGetValue(key, out var first))
            {
                Assert.False(added);
                Assert.Equal(first, (firstRow, firstFingerprint));
            }
            else
            {
                Assert.True(added);
                expected[key] = (row, fingerprint);
            }
        }

        Assert.Equal(expected.Count, seen.Count);
    }
}
