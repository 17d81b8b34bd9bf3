using System.Globalization;
using System.Threading.Channels;
using Gongjiang.Core.Standards;
using Gongjiang.Web.Features.Registry.Protection;
using Gongjiang.Web.Platform.Imports;

namespace Gongjiang.Web.Features.Registry.Imports;

/// <summary>A checked row, first of its person (or honour) in the file, with its ID number's keyed hash and ciphertext.</summary>
internal readonly record struct Prepared<T>(T Entry, string Hash, string Cipher);

/// <summary>Row counts of one side of an import.</summary>
internal sealed class Counts
{
    public int Total { get; set; }

    public int Accepted { get; set; }

    public int Rejected { get; set; }

    public int Duplicates { get; set; }

    public int Unchanged { get; set; }
}

/// <summary>
/// The application's side of an import, free of the database: reads the rows, checks them (<see cref="RowValidator"/>),
/// sets aside repeats within the file, and hashes and encrypts the ID numbers — in batches for <see cref="Pipeline"/>.
/// </summary>
internal sealed class Preparation(RowValidator validator, IdNumberProtector protector, ErrorList errors, Counts counts) : IDisposable
{
    public const int BatchSize = 2000;

    // In-file identity of each row seen so far, kept small so that memory grows by about 36 bytes a row at most:
    // the ID number as a number → (first row, 64-bit fingerprint of the row's data). Honours: (ID, what) → the same.
    private readonly SeenRows _seenPersons = new();
    private readonly Dictionary<(long Id, long What), (int Row, ulong Fingerprint)> _seenHonours = [];

    public void Dispose() => _seenPersons.Dispose();

    /// <summary>Set when reading had to stop mid-file (too many rows, a damaged file): then nothing may be applied.</summary>
    public string? FileError { get; private set; }

    public IEnumerable<List<Prepared<RosterEntry>>> Roster(IEnumerable<ImportRow> rows) => Batches(rows, validator.Roster, FirstOfPerson);

    public IEnumerable<List<Prepared<HonourEntry>>> Honours(IEnumerable<ImportRow> rows) => Batches(rows, validator.Honours, FirstOfHonour);

    private IEnumerable<List<Prepared<T>>> Batches<T>(
        IEnumerable<ImportRow> rows, Func<ImportRow, (T? Entry, List<RowError> Errors)> check, Func<T, Prepared<T>?> firstInFile)
        where T : class
    {
        var batch = new List<Prepared<T>>(BatchSize);
        foreach (var row in rows)
        {
            if (row.FileError is not null)
            {
                FileError = row.FileError;
                yield break;
            }

            counts.Total++;
            var (entry, rowErrors) = check(row);
            if (entry is null)
            {
                errors.AddRange(rowErrors);
                counts.Rejected++;
                continue;
            }

            if (firstInFile(entry) is not { } prepared)
            {
                continue;
            }

            batch.Add(prepared);
            if (batch.Count == BatchSize)
            {
                yield return batch;
                batch = new List<Prepared<T>>(BatchSize);
            }
        }

        yield return batch;
    }

    /// <summary>The row prepared when it is the first of its person in the file; else null, counted and reported.</summary>
    private Prepared<RosterEntry>? FirstOfPerson(RosterEntry entry)
    {
        var fingerprint = Fingerprint(entry);
        if (_seenPersons.TryAdd(IdKey(entry.IdNumber), entry.Row, fingerprint, out var firstRow, out var firstFingerprint))
        {
            return new Prepared<RosterEntry>(entry, protector.Hash(entry.IdNumber.Value), protector.Protect(entry.IdNumber.Value));
        }

        if (firstFingerprint == fingerprint)
        {
            errors.AddDuplicate(new RowError(entry.Row, ImportColumns.IdNumber.Header, entry.IdNumber.Masked, $"与第{firstRow}行完全相同，已忽略"));
            counts.Duplicates++;
        }
        else
        {
            errors.Add(new RowError(entry.Row, ImportColumns.IdNumber.Header, entry.IdNumber.Masked,
                $"与第{firstRow}行是同一人（公民身份号码相同），但信息不一致；已按第{firstRow}行处理，本行未导入，请核对"));
            counts.Rejected++;
        }

        return null;
    }

    /// <summary>The row prepared when it is the first of its honour in the file; else null, counted and reported.</summary>
    private Prepared<HonourEntry>? FirstOfHonour(HonourEntry entry)
    {
        var key = (IdKey(entry.IdNumber), ((long)entry.Kind * 1_000_000_000) + ((long)(entry.HonorType ?? 0) * 1_000_000) + ((long)(entry.AllowanceLevel ?? 0) * 10_000) + entry.Year);
        var fingerprint = Fingerprint(entry);
        if (!_seenHonours.TryGetValue(key, out var first))
        {
            _seenHonours[key] = (entry.Row, fingerprint);
            return new Prepared<HonourEntry>(entry, protector.Hash(entry.IdNumber.Value), "");
        }

        if (first.Fingerprint == fingerprint)
        {
            errors.AddDuplicate(new RowError(entry.Row, ImportColumns.HonorTitle.Header, entry.Title, $"与第{first.Row}行完全相同，已忽略"));
            counts.Duplicates++;
        }
        else
        {
            errors.Add(new RowError(entry.Row, ImportColumns.HonorTitle.Header, entry.Title, $"与第{first.Row}行是同一人的同一荣誉，但授予机关、文号或撤销信息不一致；已按第{first.Row}行处理，本行未导入"));
            counts.Rejected++;
        }

        return null;
    }

    private static long IdKey(CitizenIdNumber id) =>
        (long.Parse(id.Value.AsSpan(0, 17), CultureInfo.InvariantCulture) * 11) + (id.Value[17] == 'X' ? 10 : id.Value[17] - '0');

    private static ulong Fingerprint(RosterEntry e) => new Fingerprint()
        .Add(e.Name).Add(e.Mobile).Add(e.CreditCode).Add(e.RegionCode).Add(e.Occupation).Add(e.OccupationCode).Add(e.Post)
        .Add(e.Frontline).Add(e.EmploymentStart).Add((int?)e.SkillLevel).Add(e.CertificateNumber).Add(e.CertificateDate).Value;

    private static ulong Fingerprint(HonourEntry e) => new Fingerprint()
        .Add(e.Name).Add(e.AwardingBody).Add(e.DocumentNumber).Add(e.RevokedOn).Value;
}

/// <summary>Runs a producer of batches on its own thread, at most two batches ahead of the one being applied.</summary>
internal static class Pipeline
{
    public static async Task RunAsync<T>(IEnumerable<T> batches, Func<T, CancellationToken, Task> apply, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var batch in batches)
                    {
                        await channel.Writer.WriteAsync(batch, stop.Token);
                    }

                    channel.Writer.Complete();
                }
                catch (Exception exception)
                {
                    channel.Writer.Complete(exception);
                }
            },
            CancellationToken.None);
        try
        {
            while (await channel.Reader.WaitToReadAsync(stop.Token))
            {
                while (channel.Reader.TryRead(out var batch))
                {
                    await apply(batch, stop.Token);
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
    }
}
