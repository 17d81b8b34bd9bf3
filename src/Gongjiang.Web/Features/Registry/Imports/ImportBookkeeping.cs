using System.Runtime.CompilerServices;

namespace Gongjiang.Web.Features.Registry.Imports;

/// <summary>
/// The errors and duplicates of one import, kept up to a cap (the rest only counted) so that a file full of bad rows
/// cannot fill the memory. Both sides of the import's pipeline add to it.
/// </summary>
internal sealed class ErrorList(int cap)
{
    private readonly List<(RowError Error, bool IsDuplicate)> _items = [];
    private readonly Lock _gate = new();
    private int _count;

    /// <summary>Problems seen, kept or not.</summary>
    public int Count => _count;

    public void Add(RowError error) => Keep(error, isDuplicate: false);

    public void AddRange(List<RowError> errors)
    {
        foreach (var error in errors)
        {
            Keep(error, isDuplicate: false);
        }
    }

    public void AddDuplicate(RowError error) => Keep(error, isDuplicate: true);

    /// <summary>The kept problems by row (stable: a row's problems stay in the order found).</summary>
    public List<(RowError Error, bool IsDuplicate)> Sorted()
    {
        lock (_gate)
        {
            return _items.Select((item, index) => (item, index)).OrderBy(x => x.item.Error.Row).ThenBy(x => x.index).Select(x => x.item).ToList();
        }
    }

    private void Keep(RowError error, bool isDuplicate)
    {
        lock (_gate)
        {
            _count++;
            if (_items.Count < cap)
            {
                _items.Add((error, isDuplicate));
            }
        }
    }
}

/// <summary>FNV-1a over a row's typed fields, without boxing or formatting: equal rows give equal values.</summary>
internal struct Fingerprint
{
    private const ulong Prime = 1099511628211UL;

    public Fingerprint()
    {
    }

    public ulong Value { get; private set; } = 14695981039346656037UL;

    public Fingerprint Add(string? text)
    {
        var hash = Value;
        if (text is null)
        {
            hash = (hash ^ 0xFFFF) * Prime;
        }
        else
        {
            foreach (var c in text)
            {
                hash = (hash ^ c) * Prime;
            }
        }

        Value = (hash ^ '|') * Prime;
        return this;
    }

    public Fingerprint Add(long? number)
    {
        var hash = Value;
        hash = (hash ^ (number is null ? 0xFFFFUL : 1UL)) * Prime;
        var v = (ulong)(number ?? 0);
        for (var i = 0; i < 8; i++)
        {
            hash = (hash ^ (v & 0xFF)) * Prime;
            v >>= 8;
        }

        Value = (hash ^ '|') * Prime;
        return this;
    }

    public Fingerprint Add(bool? flag) => Add(flag is null ? null : flag.Value ? 1L : 0L);

    public Fingerprint Add(DateOnly? date) => Add(date?.DayNumber);

    public Fingerprint Add(int? number) => Add((long?)number);
}

/// <summary>
/// A set of 64-bit keys, each with the row it was first seen on and a 64-bit fingerprint: flat arrays (20 bytes a slot)
/// in 256 independently growing parts, so a million keys take about 36 MB and growing never copies more than a part.
/// </summary>
internal sealed class SeenRows
{
    private readonly Part[] _parts = new Part[256];

    public int Count { get; private set; }

    /// <summary>Adds the key; false (and what was first recorded) when it was already there.</summary>
    public bool TryAdd(long key, int row, ulong fingerprint, out int firstRow, out ulong firstFingerprint)
    {
        if (row <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(row), "Rows are numbered from 1.");
        }

        var hash = Mix((ulong)key);
        var part = _parts[hash >> 56] ??= new Part();
        if (part.TryAdd(key, hash, row, fingerprint, out firstRow, out firstFingerprint))
        {
            Count++;
            return true;
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong x)
    {
        // SplitMix64 finaliser.
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private sealed class Part
    {
        private long[] _keys = new long[16];
        private ulong[] _fingerprints = new ulong[16];
        private int[] _rows = new int[16]; // 0 = empty slot
        private int _count;

        public bool TryAdd(long key, ulong hash, int row, ulong fingerprint, out int firstRow, out ulong firstFingerprint)
        {
            if ((_count + 1) * 4 > _rows.Length * 3)
            {
                Grow();
            }

            var mask = _rows.Length - 1;
            var i = (int)hash & mask;
            while (_rows[i] != 0)
            {
                if (_keys[i] == key)
                {
                    firstRow = _rows[i];
                    firstFingerprint = _fingerprints[i];
                    return false;
                }

                i = (i + 1) & mask;
            }

            _keys[i] = key;
            _fingerprints[i] = fingerprint;
            _rows[i] = row;
            _count++;
            firstRow = 0;
            firstFingerprint = 0;
            return true;
        }

        private void Grow()
        {
            var keys = _keys;
            var fingerprints = _fingerprints;
            var rows = _rows;
            _keys = new long[rows.Length * 2];
            _fingerprints = new ulong[rows.Length * 2];
            _rows = new int[rows.Length * 2];
            var mask = _rows.Length - 1;
            for (var j = 0; j < rows.Length; j++)
            {
                if (rows[j] == 0)
                {
                    continue;
                }

                var i = (int)Mix((ulong)keys[j]) & mask;
                while (_rows[i] != 0)
                {
                    i = (i + 1) & mask;
                }

                _keys[i] = keys[j];
                _fingerprints[i] = fingerprints[j];
                _rows[i] = rows[j];
            }
        }
    }
}
