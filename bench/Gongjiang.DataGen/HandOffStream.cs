using System.Buffers;
using System.Collections.Concurrent;

namespace Gongjiang.DataGen;

/// <summary>
/// A write-only stream that hands its bytes, in 256 KiB chunks, to a second thread which writes them to
/// <c>destination</c>: the XML serialisation of a sheet and its ZIP compression then run on two cores. At most a few
/// chunks are in flight, so memory stays bounded. Dispose (or <see cref="Complete"/>) to drain and surface errors.
/// </summary>
internal sealed class HandOffStream : Stream
{
    private const int ChunkSize = 256 * 1024;

    private readonly BlockingCollection<(byte[] Buffer, int Count)> queue = new(boundedCapacity: 8);
    private readonly Task consumer;
    private byte[] current = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int used;
    private bool completed;

    public HandOffStream(Stream destination)
    {
        consumer = Task.Factory.StartNew(
            () =>
            {
                foreach (var (buffer, count) in queue.GetConsumingEnumerable())
                {
                    destination.Write(buffer, 0, count);
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !completed;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(completed, this);
        while (buffer.Length > 0)
        {
            var take = Math.Min(buffer.Length, ChunkSize - used);
            buffer[..take].CopyTo(current.AsSpan(used));
            used += take;
            buffer = buffer[take..];
            if (used == ChunkSize)
            {
                HandOff();
            }
        }
    }

    public override void Flush()
    {
    }

    /// <summary>Sends the last chunk and waits until the consumer has written everything.</summary>
    public void Complete()
    {
        if (completed)
        {
            return;
        }

        completed = true;
        if (used > 0)
        {
            HandOff();
        }

        queue.CompleteAdding();
        consumer.GetAwaiter().GetResult();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                Complete();
            }
            finally
            {
                queue.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private void HandOff()
    {
        if (consumer.IsFaulted)
        {
            consumer.GetAwaiter().GetResult();
        }

        // A faulted consumer stops taking; adding with a timeout loop would hide that, so check after a failed add.
        while (!queue.TryAdd((current, used), 1000))
        {
            if (consumer.IsCompleted)
            {
                consumer.GetAwaiter().GetResult();
                throw new InvalidOperationException("the writer thread stopped");
            }
        }

        current = ArrayPool<byte>.Shared.Rent(ChunkSize);
        used = 0;
    }
}
