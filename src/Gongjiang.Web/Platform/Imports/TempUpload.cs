using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;

namespace Gongjiang.Web.Platform.Imports;

/// <summary>
/// An upload copied to a temporary file that is deleted when this is disposed (FileOptions.DeleteOnClose), so that a
/// non-seekable request stream can be read more than once and by more than one reader at a time.
/// </summary>
internal sealed class TempUpload : IDisposable
{
    private const int BufferSize = 1 << 16;

    private readonly FileStream _owner;

    private TempUpload(FileStream owner)
    {
        _owner = owner;
    }

    public string Path => _owner.Name;

    public long Length => _owner.Length;

    public static TempUpload? Create(Stream content, long maxBytes, out string? error)
    {
        if (TooLargeUpFront(content, maxBytes, out error))
        {
            return null;
        }

        var upload = new TempUpload(CreateFile());
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long total = 0;
            int read;
            while ((read = content.Read(buffer, 0, BufferSize)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    error = TooLargeMessage(null, maxBytes);
                    upload.Dispose();
                    return null;
                }

                upload._owner.Write(buffer, 0, read);
            }

            upload._owner.Flush();
            return upload;
        }
        catch
        {
            upload.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Copies <paramref name="content"/>, adding every byte to <paramref name="hash"/> when given.</summary>
    public static async Task<(TempUpload? Upload, string? Error)> CreateAsync(
        Stream content, long maxBytes, CancellationToken cancellationToken, IncrementalHash? hash = null)
    {
        if (TooLargeUpFront(content, maxBytes, out var error))
        {
            return (null, error);
        }

        var upload = new TempUpload(CreateFile());
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long total = 0;
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    upload.Dispose();
                    return (null, TooLargeMessage(null, maxBytes));
                }

                hash?.AppendData(buffer, 0, read);
                await upload._owner.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            await upload._owner.FlushAsync(cancellationToken);
            return (upload, null);
        }
        catch
        {
            upload.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A further, independent read-only handle on the file.</summary>
    public FileStream OpenRead() =>
        new(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize, FileOptions.SequentialScan);

    public void Dispose() => _owner.Dispose();

    /// <summary>"150 MB", "1.5 MB", "512 KB": a limit or size as a clerk reads it.</summary>
    public static string FormatSize(long bytes, bool oneDecimal)
    {
        const double mb = 1024 * 1024;
        if (bytes >= 1024 * 1024 || oneDecimal)
        {
            var value = bytes / mb;
            return (oneDecimal ? value.ToString("0.0", CultureInfo.InvariantCulture) : value.ToString("0.#", CultureInfo.InvariantCulture)) + " MB";
        }

        return (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB";
    }

    private static bool TooLargeUpFront(Stream content, long maxBytes, out string? error)
    {
        error = null;
        if (!content.CanSeek)
        {
            return false;
        }

        var remaining = content.Length - content.Position;
        if (remaining <= maxBytes)
        {
            return false;
        }

        error = TooLargeMessage(remaining, maxBytes);
        return true;
    }

    private static string TooLargeMessage(long? size, long maxBytes) =>
        size is { } known
            ? $"文件大小 {FormatSize(known, oneDecimal: true)} 超过上限 {FormatSize(maxBytes, oneDecimal: false)}，请拆分为多个文件分批导入"
            : $"文件大小超过上限 {FormatSize(maxBytes, oneDecimal: false)}，请拆分为多个文件分批导入";

    private static FileStream CreateFile()
    {
        var path = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(),
            "gongjiang-import-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) + ".tmp");
        return new FileStream(
            path,
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.ReadWrite | FileShare.Delete,
            BufferSize,
            FileOptions.DeleteOnClose);
    }
}
