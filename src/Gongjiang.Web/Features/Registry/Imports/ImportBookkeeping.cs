using System.Runtime.InteropServices;

namespace Gongjiang.Web.Features.Registry.Imports;

/// <summary>
/// The errors and duplicates of one import on their way to the database: written batch by batch (<see cref="Drain"/>)
/// so that a file full of bad rows does not fill the memory, up to a cap (the rest only counted), and the first ones by
/// row kept for the answer. Both sides of the import's pipeline add to it.
/// </summary>
internal sealed class ErrorList(int cap, int keepFirst)
{
    private static readonly Comparer<(int Row, long Order)> Latest = Comparer<(int Row, long Order)>.Create((a, b) => b.CompareTo(a));

    private readonly PriorityQueue<RowError, (int Row, long Order)> _first = new(Latest);
    private readonly Lock _gate = new();
    private List<(RowError Error, bool IsDuplicate)> _pending = [];
    private long _count;
    private int _stored;

    /// <summary>Problems seen, stored or not.</summary>
    public long Count => _count;

    public void Add(RowError error) => Keep(error, isDuplicate: false);

    public void AddRange(List<RowError> errors)
    {
        foreach (var error in errors)
        {
            Keep(error, isDuplicate: false);
        }
    }

    public void AddDuplicate(RowError error) => Keep(error, isDuplicate: true);

    /// <summary>The problems to store that came since the last call.</summary>
    public List<(RowError Error, bool IsDuplicate)> Drain()
    {
        lock (_gate)
        {
            var drained = _pending;
            _pending = [];
            return drained;
        }
    }

    /// <summary>The first problems by row (a row's problems in the order found), for the answer.</summary>
    public List<RowError> First()
    {
        lock (_gate)
        {
            return _first.UnorderedItems.OrderBy(x => x.Priority).Select(x => x.Element).ToList();
        }
    }

    private void Keep(RowError error, bool isDuplicate)
    {
        lock (_gate)
        {
            var order = (error.Row, _count++);
            if (_stored < cap)
            {
                _pending.Add((error, isDuplicate));
                _stored++;
            }

            if (_first.Count < keepFirst)
            {
                _first.Enqueue(error, order);
            }
            else if (_first.TryPeek(out _, out var latest) && order.CompareTo(latest) < 0)
            {
                _first.EnqueueDequeue(error, order);
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
/// A set of 64-bit keys, each with the row it was first seen on and a 64-bit fingerprint, in native memory: 20 bytes a
/// key plus at most an eighth more (a million keys: about 22 MB), and none of it on the managed heap, so a long file does
/// not make the garbage collector size its heap up (with Server GC and DATAS the heap is sized in proportion to what
/// stays alive). 256 parts by hash, each a sorted run searched by halving plus a short unsorted tail merged in when full.
/// </summary>
internal sealed class SeenRows : IDisposable
{
    private const int Stride = 20; // key (8), fingerprint (8), row (4)
    private const int TailMax = 64;

    private readonly Part[] _parts = new Part[256];
    private bool _disposed;

    ~SeenRows() => Free();

    public int Count { get; private set; }

    /// <summary>Adds the key; false (and what was first recorded) when it was already there.</summary>
    public bool TryAdd(long key, int row, ulong fingerprint, out int firstRow, out ulong firstFingerprint)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var part = _parts[Mix((ulong)key) >> 56] ??= new Part();
        if (part.Find(key, out firstRow, out firstFingerprint))
        {
            return false;
        }

        part.Add(key, row, fingerprint);
        Count++;
        return true;
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        _disposed = true;
        foreach (var part in _parts)
        {
            part?.Free();
        }
    }

    private static ulong Mix(ulong x)
    {
        // SplitMix64 finaliser.
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private sealed class Part
    {
        private readonly (long Key, ulong Fingerprint, int Row)[] _merge = new (long, ulong, int)[TailMax];
        private IntPtr _block;
        private int _capacity;
        private int _sorted;
        private int _count;

        public bool Find(long key, out int row, out ulong fingerprint)
        {
            int low = 0, high = _sorted - 1;
            while (low <= high)
            {
                var middle = (low + high) >>> 1;
                var found = KeyAt(middle);
                if (found == key)
                {
                    (row, fingerprint) = (RowAt(middle), FingerprintAt(middle));
                    return true;
                }

                if (found < key)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            for (var i = _sorted; i < _count; i++)
            {
                if (KeyAt(i) == key)
                {
                    (row, fingerprint) = (RowAt(i), FingerprintAt(i));
                    return true;
                }
            }

            (row, fingerprint) = (0, 0);
            return false;
        }

        public void Add(long key, int row, ulong fingerprint)
        {
            if (_count == _capacity)
            {
                var capacity = _capacity + Math.Max(TailMax, _capacity / 8);
                _block = _block == IntPtr.Zero ? Marshal.AllocHGlobal(capacity * Stride) : Marshal.ReAllocHGlobal(_block, capacity * Stride);
                _capacity = capacity;
            }

            Write(_count++, key, fingerprint, row);
            if (_count - _sorted == TailMax)
            {
                MergeTail();
            }
        }

        public void Free()
        {
            if (_block != IntPtr.Zero)
            {
                Marshal.FreeHGlobal(_block);
                _block = IntPtr.Zero;
            }
        }

        /// <summary>Sorts the tail and merges it into the sorted run, from the end, in place.</summary>
        private void MergeTail()
        {
            var tail = _count - _sorted;
            for (var i = 0; i < tail; i++)
            {
                _merge[i] = (KeyAt(_sorted + i), FingerprintAt(_sorted + i), RowAt(_sorted + i));
            }

            Array.Sort(_merge, 0, tail, TailOrder.Instance);
            int a = _sorted - 1, t = tail - 1, to = _count - 1;
            while (t >= 0)
            {
                if (a >= 0 && KeyAt(a) > _merge[t].Key)
                {
                    Write(to--, KeyAt(a), FingerprintAt(a), RowAt(a));
                    a--;
                }
                else
                {
                    Write(to--, _merge[t].Key, _merge[t].Fingerprint, _merge[t].Row);
                    t--;
                }
            }

            _sorted = _count;
        }

        private long KeyAt(int i) => Marshal.ReadInt64(_block, i * Stride);

        private ulong FingerprintAt(int i) => (ulong)Marshal.ReadInt64(_block, (i * Stride) + 8);

        private int RowAt(int i) => Marshal.ReadInt32(_block, (i * Stride) + 16);

        private void Write(int i, long key, ulong fingerprint, int row)
        {
            Marshal.WriteInt64(_block, i * Stride, key);
            Marshal.WriteInt64(_block, (i * Stride) + 8, (long)fingerprint);
            Marshal.WriteInt32(_block, (i * Stride) + 16, row);
        }
    }

    private sealed class TailOrder : IComparer<(long Key, ulong Fingerprint, int Row)>
    {
        public static readonly TailOrder Instance = new();

        public int Compare((long Key, ulong Fingerprint, int Row) x, (long Key, ulong Fingerprint, int Row) y) => x.Key.CompareTo(y.Key);
    }
}
