namespace Gongjiang.DataGen;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small, fast generator whose sequence depends only on the seed (unlike
/// <see cref="Random"/>, whose seeded algorithm is an implementation detail), so a seed gives the same file on every
/// runtime and platform.
/// </summary>
internal sealed class Rng
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    /// <summary>A generator for one purpose (<paramref name="stream"/>) of one seed.</summary>
    public Rng(int seed, ulong stream)
    {
        var x = ((ulong)(uint)seed << 32) ^ (stream * 0x9E3779B97F4A7C15UL) ^ 0x5DEECE66DUL;
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A number in [0, <paramref name="maxExclusive"/>) (multiply-shift; the bias is below 2<sup>-32</sup>).</summary>
    public int Next(int maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "must be positive");
        }

        return (int)(((NextUInt64() >> 32) * (ulong)(uint)maxExclusive) >> 32);
    }

    /// <summary>A number in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    /// <summary>A number in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A digit character '0'–'9'.</summary>
    public char Digit() => (char)('0' + Next(10));

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong value, int count) => (value << count) | (value >> (64 - count));
}

/// <summary>Items with relative weights, picked in O(log n).</summary>
internal sealed class Weighted<T>
{
    private readonly T[] items;
    private readonly double[] cumulative;

    public Weighted(IEnumerable<(T Item, double Weight)> entries)
    {
        var list = entries.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("at least one item is needed", nameof(entries));
        }

        items = new T[list.Count];
        cumulative = new double[list.Count];
        var total = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Weight < 0)
            {
                throw new ArgumentException("weights must not be negative", nameof(entries));
            }

            total += list[i].Weight;
            items[i] = list[i].Item;
            cumulative[i] = total;
        }

        if (total <= 0)
        {
            throw new ArgumentException("the weights add up to zero", nameof(entries));
        }
    }

    public int Count => items.Length;

    public IReadOnlyList<T> Items => items;

    public T Pick(Rng rng)
    {
        var target = rng.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return items[Math.Min(index, items.Length - 1)];
    }
}
