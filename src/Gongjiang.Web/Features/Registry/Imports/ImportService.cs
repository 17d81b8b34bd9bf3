using System.Security.Cryptography;
using Gongjiang.Core.Access;
using Gongjiang.Core.Registry;
using Gongjiang.Core.Skills;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Imports.Reading;
using Gongjiang.Web.Features.Registry.Protection;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry.Imports;

/// <summary>What an import did: the API's answer and the page's summary.</summary>
public sealed record ImportSummary(Guid Id, string Kind, int Accepted, int Rejected, int Duplicates, int Unchanged, string? FileError, IReadOnlyList<ImportErrorDto> Errors);

public sealed record ImportErrorDto(int Row, string Column, string? Value, string Message);

/// <summary>
/// Imports a roster or an honours list: reads the file (<see cref="ImportFileReader"/>), checks every row
/// (<see cref="RowValidator"/>), and applies the accepted rows in one transaction — all of them or, if anything
/// fails, none. Re-importing the same file changes nothing. Rows outside the importer's jurisdiction are rejected with a
/// reason. A person the importer could not see (registered in another jurisdiction or, for an employer, at another
/// enterprise) and, in the honours list, a number not in the roster get one neutral message
/// (<see cref="NeutralRefusal"/>), so an import tells nobody whether or where a number is registered; the audit log
/// keeps the real reason. The import itself, with its counts and file hash, is the audit record of the rows it
/// inserted; changed rows are audited one by one with before/after.
/// </summary>
public sealed class ImportService(GongjiangDbContext db, IdNumberProtector protector, TimeProvider clock)
{
    private const int MaxStoredErrors = 100_000;
    public const int ErrorsInAnswer = 200;

    /// <summary>The answer to a row whose person the importer may not register or see (issue 9).</summary>
    public const string NeutralRefusal = "该人员不在本单位/本辖区可登记范围内，请联系窗口经办人";

    /// <summary>Refused rows audited one by one per import; beyond, one entry with the count.</summary>
    public const int AuditedRefusals = 1000;

    /// <summary>Tests only: the portable (Entity Framework) writer even on PostgreSQL, to compare the two paths.</summary>
    internal bool PortableWriter { get; set; }

    public async Task<ImportSummary> RunAsync(Stream content, string? fileName, ImportKind kind, string? encoding, CancellationToken ct)
    {
        var actor = db.Actor;
        var today = Platform.ChinaTime.Today(clock);
        var import = new RegistryImport
        {
            Kind = kind,
            FileName = Path.GetFileName(fileName ?? "upload")[..Math.Min(Path.GetFileName(fileName ?? "upload").Length, 200)],
            RegionCode = actor.Jurisdiction.Code,
            EnterpriseId = actor.EnterpriseId,
            ActorId = actor.UserId,
            ActorName = actor.UserName,
            CreatedAt = clock.GetUtcNow(),
            Status = ImportStatus.Running,
            Worker = ImportRecovery.CurrentWorker,
        };

        // The import is recorded as running before anything else, outside its transaction: if the process dies, the next
        // start finds it and records it as interrupted (ImportRecovery). Its audit entry is written when it ends.
        db.SuppressInsertAudit = true;
        try
        {
            db.Add(import);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.SuppressInsertAudit = false;
        }

        try
        {
            return await RunRecordedAsync(import, content, fileName, kind, encoding, today, ct);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Nothing was applied (one transaction); say so on the record, whatever stopped the import.
            db.ChangeTracker.Clear();
            var cancelled = ex is OperationCanceledException;
            var stopped = await db.Set<RegistryImport>().FirstOrDefaultAsync(i => i.Id == import.Id, CancellationToken.None);
            if (stopped is not null && stopped.Status == ImportStatus.Running)
            {
                (stopped.FileSha256, stopped.Format, stopped.Encoding) = (import.FileSha256, import.Format, import.Encoding);
                stopped.Status = cancelled ? ImportStatus.Interrupted : ImportStatus.Failed;
                stopped.FileError = cancelled ? "上传或导入过程中连接中断，未作任何更改，请重新导入" : "导入时发生系统错误，未作任何更改，请稍后重新导入";
                db.Audit(new AuditEvent(AuditActions.Create, nameof(RegistryImport), import.Id.ToString(), AuditOutcomes.Failed,
                    $"{ImportColumns.ChineseName(kind)}导入{(cancelled ? "中断" : "失败")}：文件 {import.FileName}；{stopped.FileError}"));
                await db.SaveChangesAsync(CancellationToken.None);
            }

            throw;
        }
    }

    private async Task<ImportSummary> RunRecordedAsync(RegistryImport import, Stream content, string? fileName, ImportKind kind, string? encoding, DateOnly today, CancellationToken ct)
    {
        var actor = db.Actor;

        // One copy of the upload, to a temporary file deleted afterwards: it gives the file's SHA-256 on the way and the
        // reader a file it can read more than once. A file over the limit is refused whole, never truncated.
        var options = new ImportReadOptions { Encoding = encoding };
        TempUpload? upload;
        string? tooLarge;
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            (upload, tooLarge) = await TempUpload.CreateAsync(content, options.MaxBytes, ct, sha);
            import.FileSha256 = Convert.ToHexStringLower(sha.GetHashAndReset());
        }

        if (upload is null)
        {
            import.FileError = tooLarge;
            import.Status = ImportStatus.Failed;
            db.Audit(new AuditEvent(AuditActions.Create, nameof(RegistryImport), import.Id.ToString(), AuditOutcomes.Failed, $"{ImportColumns.ChineseName(kind)}导入被拒绝：{import.FileError}"));
            await db.SaveChangesAsync(ct);
            return Summarize(import, []);
        }

        using var reader = ImportFileReader.OpenUpload(upload, fileName, kind, options);
        if (reader.Error is not null)
        {
            import.FileError = reader.Error;
            import.Format = reader.Format ?? "";
            import.Status = ImportStatus.Failed;
            db.Audit(new AuditEvent(AuditActions.Create, nameof(RegistryImport), import.Id.ToString(), AuditOutcomes.Failed, $"{ImportColumns.ChineseName(kind)}导入被拒绝：{reader.Error}"));
            await db.SaveChangesAsync(ct);
            return Summarize(import, []);
        }

        import.Format = reader.Format ?? "";
        import.Encoding = reader.Encoding;
        db.ChangeTracker.Clear();
        var errors = new ErrorList(MaxStoredErrors, ErrorsInAnswer);
        var readCounts = new Counts();
        var applied = new Counts();
        var writer = PortableWriter ? new EfRegistryWriter(db) : RegistryWriter.For(db);
        using var preparation = new Preparation(new RowValidator(today, actor.Jurisdiction), protector, errors, readCounts);
        var run = new Run(db, writer, clock.GetUtcNow(), today, actor.Jurisdiction, import, errors, applied);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.SuppressInsertAudit = true;
        try
        {
            // Reading and checking the rows (the application's work) run one batch ahead of applying them (mostly the
            // database's work), on another thread: the two overlap instead of adding up.
            if (kind == ImportKind.Roster)
            {
                await Pipeline.RunAsync(preparation.Roster(reader.Rows), run.RosterBatchAsync, ct);
            }
            else
            {
                await Pipeline.RunAsync(preparation.Honours(reader.Rows), run.HonoursBatchAsync, ct);
            }

            var midFileError = preparation.FileError;
            if (midFileError is not null)
            {
                // A problem found mid-file (too many rows, broken archive): nothing is applied.
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                import.FileError = midFileError;
                import.TotalRows = readCounts.Total;
                import.Rejected = readCounts.Total;
                import.Status = ImportStatus.Failed;
                db.SuppressInsertAudit = false;
                db.Update(import);
                db.Audit(new AuditEvent(AuditActions.Create, nameof(RegistryImport), import.Id.ToString(), AuditOutcomes.Failed, $"{ImportColumns.ChineseName(kind)}导入被拒绝：{midFileError}"));
                await db.SaveChangesAsync(ct);
                return Summarize(import, []);
            }

            // The import row was saved before the rows (their records refer to it); now its counts.
            db.Attach(import);
            db.Entry(import).Property(i => i.Format).IsModified = true;
            db.Entry(import).Property(i => i.Encoding).IsModified = true;
            import.TotalRows = readCounts.Total;
            import.Accepted = applied.Accepted;
            import.Unchanged = applied.Unchanged;
            import.Rejected = readCounts.Rejected + applied.Rejected;
            import.Duplicates = readCounts.Duplicates + applied.Duplicates;
            import.Status = ImportStatus.Completed;
            await run.SaveErrorsAsync(ct);
            if (run.Refusals > AuditedRefusals)
            {
                db.Audit(new AuditEvent(AuditActions.Denied, nameof(RegistryImport), import.Id.ToString(), AuditOutcomes.Denied,
                    $"{ImportColumns.ChineseName(kind)}导入共拒绝{run.Refusals}行不可登记或不可见的人员，逐行记录了前{AuditedRefusals}行"));
            }

            db.Audit(new AuditEvent(AuditActions.Create, nameof(RegistryImport), import.Id.ToString(), AuditOutcomes.Succeeded,
                $"{ImportColumns.ChineseName(kind)}导入：文件 {import.FileName}（SHA-256 {import.FileSha256}），共{import.TotalRows}行，导入{import.Accepted}行（其中未变化{import.Unchanged}行），拒绝{import.Rejected}行，重复{import.Duplicates}行"));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.SuppressInsertAudit = false;
        }

        await ImportStatistics.RefreshAsync(db, kind, import.Accepted - import.Unchanged, ct);
        return Summarize(import, errors.First());
    }

    private static ImportSummary Summarize(RegistryImport import, IReadOnlyList<RowError> errors) => new(
        import.Id,
        import.Kind == ImportKind.Roster ? "roster" : "honours",
        import.Accepted,
        import.Rejected,
        import.Duplicates,
        import.Unchanged,
        import.FileError,
        errors.Take(ErrorsInAnswer).Select(e => new ImportErrorDto(e.Row, e.Column, e.Value, e.Message)).ToList());

    /// <summary>The state of one import while its batches are applied.</summary>
    private sealed class Run(
        GongjiangDbContext db,
        IRegistryWriter writer,
        DateTimeOffset now,
        DateOnly today,
        Jurisdiction jurisdiction,
        RegistryImport import,
        ErrorList errors,
        Counts counts)
    {
        /// <summary>Rows refused because the importer could not see the person.</summary>
        public int Refusals { get; private set; }

        public async Task RosterBatchAsync(List<Prepared<RosterEntry>> batch, CancellationToken ct)
        {
            if (batch.Count == 0)
            {
                return;
            }

            var hashList = batch.Select(e => e.Hash).ToList();
            var existing = await db.Unscoped<Person>(Escapes.RegisteredElsewhere).Where(p => hashList.Contains(p.IdNumberHash)).ToDictionaryAsync(p => p.IdNumberHash, StringComparer.Ordinal, ct);
            var codes = batch.Select(e => e.Entry.CreditCode).Distinct(StringComparer.Ordinal).ToList();
            var enterprises = await db.Unscoped<Enterprise>(Escapes.EnterpriseByCreditCode).Where(e => codes.Contains(e.CreditCode)).ToDictionaryAsync(e => e.CreditCode, StringComparer.Ordinal, ct);
            var existingIds = existing.Values.Select(p => p.Id).ToList();
            var employments = await db.Set<Employment>().Where(e => existingIds.Contains(e.PersonId) && e.EndDate == null).ToListAsync(ct);
            var certificates = await db.Set<SkillCertificate>().Where(c => existingIds.Contains(c.PersonId)).ToListAsync(ct);
            var touched = new List<Person>();

            foreach (var (entry, hash, cipher) in batch)
            {
                if (db.Scope.EnterpriseId is { } own && (!enterprises.TryGetValue(entry.CreditCode, out var found) || found.Id != own))
                {
                    errors.Add(new RowError(entry.Row, ImportColumns.CreditCode.Header, entry.CreditCode, "用人单位只能导入本单位职工，该行的统一社会信用代码不是本单位的"));
                    counts.Rejected++;
                    continue;
                }

                if (!enterprises.TryGetValue(entry.CreditCode, out var enterprise))
                {
                    enterprise = new Enterprise
                    {
                        CreditCode = entry.CreditCode,
                        Name = entry.EnterpriseName,
                        OwnershipType = entry.OwnershipType ?? OwnershipType.Other,
                        Industry = entry.Industry,
                        RegionCode = entry.RegionCode,
                        UpdatedAt = now,
                    };
                    writer.Add(enterprise);
                    enterprises[entry.CreditCode] = enterprise;
                }
                else if (jurisdiction.Contains(enterprise.RegionCode))
                {
                    if (enterprise.Name != entry.EnterpriseName)
                    {
                        enterprise.Name = entry.EnterpriseName;
                        enterprise.UpdatedAt = now;
                    }

                    if (entry.OwnershipType is { } o && enterprise.OwnershipType != o)
                    {
                        enterprise.OwnershipType = o;
                        enterprise.UpdatedAt = now;
                    }

                    if (entry.Industry is { } i && enterprise.Industry != i)
                    {
                        enterprise.Industry = i;
                        enterprise.UpdatedAt = now;
                    }
                }

                if (!existing.TryGetValue(hash, out var person))
                {
                    person = new Person
                    {
                        Name = entry.Name,
                        IdNumberHash = hash,
                        IdNumberCipher = cipher,
                        IdNumberMasked = entry.IdNumber.Masked,
                        Sex = entry.IdNumber.Sex,
                        BirthDate = entry.IdNumber.BirthDate,
                        RegionCode = entry.RegionCode,
                        EnterpriseId = enterprise.Id,
                        Mobile = entry.Mobile,
                        Occupation = entry.Occupation,
                        HighestSkillLevel = entry.SkillLevel,
                        Frontline = entry.Frontline,
                        LastImportId = import.Id,
                        CreatedAt = now,
                        UpdatedAt = now,
                    };
                    writer.Add(person);
                    AddEmployment(person, enterprise, entry);
                    AddCertificate(person, entry);
                    counts.Accepted++;
                    continue;
                }

                if (!InScope(person))
                {
                    Refuse(entry.Row, entry.IdNumber.Masked, person, NeutralRefusal);
                    continue;
                }

                var changed = false;
                void Set<T>(T current, T value, Action<T> apply)
                {
                    if (!EqualityComparer<T>.Default.Equals(current, value))
                    {
                        apply(value);
                        changed = true;
                    }
                }

                var moved = person.RegionCode != entry.RegionCode || person.EnterpriseId != enterprise.Id;
                Set(person.Name, entry.Name, v => person.Name = v);
                Set(person.RegionCode, entry.RegionCode, v => person.RegionCode = v);
                Set(person.EnterpriseId, enterprise.Id, v => person.EnterpriseId = v);
                if (entry.Mobile is not null)
                {
                    Set(person.Mobile, entry.Mobile, v => person.Mobile = v);
                }

                Set(person.Occupation, entry.Occupation, v => person.Occupation = v);
                if (entry.Frontline is not null)
                {
                    Set(person.Frontline, entry.Frontline, v => person.Frontline = v);
                }

                var current = employments.FirstOrDefault(e => e.PersonId == person.Id);
                if (current is not null && !EmploymentHistory.StartsNew(current.EmployerId, current.Occupation, enterprise.Id, entry.Occupation))
                {
                    Set(current.Post, entry.Post ?? current.Post, v => current.Post = v);
                    Set(current.OccupationCode, entry.OccupationCode ?? current.OccupationCode, v => current.OccupationCode = v);
                    Set(current.Frontline, entry.Frontline ?? current.Frontline, v => current.Frontline = v);
                    Set(current.StartDate, entry.EmploymentStart ?? current.StartDate, v => current.StartDate = v);
                }
                else
                {
                    if (current is not null)
                    {
                        current.EndDate = EmploymentHistory.EndOfCurrent(current.StartDate, entry.EmploymentStart, today);
                    }

                    AddEmployment(person, enterprise, entry);
                    changed = true;
                }

                if (entry.SkillLevel is { } level)
                {
                    var mine = certificates.Where(c => c.PersonId == person.Id).ToList();
                    var incoming = new CertificateKey(entry.CertificateNumber, level, entry.Occupation);
                    var same = mine.FirstOrDefault(c => SkillCertificateMatching.IsSame(new CertificateKey(c.CertificateNumber, c.Level, c.Occupation), incoming));
                    if (same is null)
                    {
                        AddCertificate(person, entry);
                        changed = true;
                    }
                    else
                    {
                        Set(same.Level, level, v => same.Level = v);
                        Set(same.Issuer, entry.CertificateIssuer ?? same.Issuer, v => same.Issuer = v);
                        Set(same.IssuedOn, entry.CertificateDate ?? same.IssuedOn, v => same.IssuedOn = v);
                    }

                    var highest = mine.Select(c => c.Level).Append(level).Max();
                    Set(person.HighestSkillLevel, (SkillLevel?)highest, v => person.HighestSkillLevel = v);
                }

                if (moved)
                {
                    await MoveRecordsAsync(person, ct);
                }

                if (changed)
                {
                    person.UpdatedAt = now;
                    person.LastImportId = import.Id;
                    touched.Add(person);
                }
                else
                {
                    counts.Unchanged++;
                }

                counts.Accepted++;
            }

            await SaveErrorsAsync(ct);
            await writer.FlushAsync(ct);
            await Determination.RecomputeAsync(db, touched, today, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        public async Task HonoursBatchAsync(List<Prepared<HonourEntry>> batch, CancellationToken ct)
        {
            if (batch.Count == 0)
            {
                return;
            }

            var hashList = batch.Select(e => e.Hash).Distinct(StringComparer.Ordinal).ToList();
            var persons = await db.Unscoped<Person>(Escapes.RegisteredElsewhere).Where(p => hashList.Contains(p.IdNumberHash)).ToDictionaryAsync(p => p.IdNumberHash, StringComparer.Ordinal, ct);
            var ids = persons.Values.Select(p => p.Id).ToList();
            var honors = await db.Set<Honor>().Where(h => ids.Contains(h.PersonId)).ToListAsync(ct);
            var allowances = await db.Set<SpecialAllowance>().Where(h => ids.Contains(h.PersonId)).ToListAsync(ct);
            var recognitions = await db.Set<ProvincialRecognition>().Where(h => ids.Contains(h.PersonId)).ToListAsync(ct);
            var touched = new HashSet<Person>();

            foreach (var (entry, hash, _) in batch)
            {
                if (!persons.TryGetValue(hash, out var person) || !InScope(person))
                {
                    // Only an importer who could see the person wherever registered learns that the number is unknown.
                    var seesAll = jurisdiction.Code == Jurisdiction.CountryCode && db.Scope.EnterpriseId is null;
                    Refuse(entry.Row, entry.IdNumber.Masked, person,
                        person is null && seesAll ? "该人员不在人员名册中，请先导入其所在单位的人员名册" : NeutralRefusal);
                    continue;
                }

                if (person.Name != entry.Name)
                {
                    errors.Add(new RowError(entry.Row, ImportColumns.Name.Header, entry.Name, $"姓名与人员名册中的“{person.Name}”不一致，请核对公民身份号码和姓名"));
                    counts.Rejected++;
                    continue;
                }

                var changed = entry.Kind switch
                {
                    HonourEntryKind.Honor => UpsertHonor(person, entry, honors),
                    HonourEntryKind.SpecialAllowance => UpsertAllowance(person, entry, allowances),
                    HonourEntryKind.ProvincialRecognition => UpsertRecognition(person, entry, recognitions),
                    _ => false,
                };
                if (changed)
                {
                    person.UpdatedAt = now;
                    touched.Add(person);
                }
                else
                {
                    counts.Unchanged++;
                }

                counts.Accepted++;
            }

            // Facts just added are not yet saved: save, then recompute from the stored facts.
            await SaveErrorsAsync(ct);
            await writer.FlushAsync(ct);
            await db.SaveChangesAsync(ct);
            await Determination.RecomputeAsync(db, touched, today, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        /// <summary>Refuses a row of a person the importer may not see (or of an unknown number); the audit log gets the real reason.</summary>
        private void Refuse(int row, string masked, Person? person, string message)
        {
            errors.Add(new RowError(row, ImportColumns.IdNumber.Header, masked, message));
            counts.Rejected++;
            if (++Refusals > AuditedRefusals)
            {
                return;
            }

            var reason = person is null
                ? "该号码不在人员名册中"
                : $"该人员已在{Gongjiang.Core.Reference.RegionCatalog.Default.FullName(person.RegionCode)}登记" +
                  (jurisdiction.Contains(person.RegionCode) ? "，属其他用人单位" : "，不在导入人的管辖范围内");
            db.Audit(new AuditEvent(AuditActions.Denied, nameof(Person), person?.Id.ToString(), AuditOutcomes.Denied,
                $"{ImportColumns.ChineseName(import.Kind)}导入（{import.FileName}）第{row}行被拒绝（{masked}）：{reason}；导入人看到的是“{message}”"));
        }

        /// <summary>Writes the problems found since the last batch (both sides add to the list).</summary>
        public Task SaveErrorsAsync(CancellationToken ct) => writer.WriteErrorsAsync(errors.Drain().Select(e => new ImportError
        {
            ImportId = import.Id,
            Row = e.Error.Row,
            Column = e.Error.Column,
            Value = e.Error.Value is { Length: > 200 } ? e.Error.Value[..200] : e.Error.Value,
            Message = e.Error.Message.Length > 500 ? e.Error.Message[..500] : e.Error.Message,
            IsDuplicate = e.IsDuplicate,
        }), ct);

        private bool UpsertHonor(Person person, HonourEntry entry, List<Honor> honors)
        {
            var existing = honors.FirstOrDefault(h => h.PersonId == person.Id && h.Type == entry.HonorType && h.Year == entry.Year);
            if (existing is null)
            {
                var honor = new Honor { Type = entry.HonorType!.Value, Year = entry.Year, AwardingBody = entry.AwardingBody ?? HonorTypes.DefaultAwardingBody(entry.HonorType.Value), DocumentNumber = entry.DocumentNumber, RevokedOn = entry.RevokedOn };
                Own(person, honor);
                writer.Add(honor);
                honors.Add(honor);
                return true;
            }

            return Update(existing, entry.AwardingBody, entry.DocumentNumber, entry.RevokedOn,
                (h, b, d, r) => { h.AwardingBody = b ?? h.AwardingBody; h.DocumentNumber = d ?? h.DocumentNumber; h.RevokedOn = r; },
                h => (h.AwardingBody, h.DocumentNumber, h.RevokedOn));
        }

        private bool UpsertAllowance(Person person, HonourEntry entry, List<SpecialAllowance> allowances)
        {
            var existing = allowances.FirstOrDefault(h => h.PersonId == person.Id && h.Level == entry.AllowanceLevel && h.Year == entry.Year);
            if (existing is null)
            {
                var allowance = new SpecialAllowance
                {
                    Level = entry.AllowanceLevel!.Value,
                    Year = entry.Year,
                    AwardingBody = entry.AwardingBody ?? (entry.AllowanceLevel == SpecialAllowanceLevel.StateCouncil ? "国务院" : null),
                    DocumentNumber = entry.DocumentNumber,
                    RevokedOn = entry.RevokedOn,
                };
                Own(person, allowance);
                writer.Add(allowance);
                allowances.Add(allowance);
                return true;
            }

            return Update(existing, entry.AwardingBody, entry.DocumentNumber, entry.RevokedOn,
                (h, b, d, r) => { h.AwardingBody = b ?? h.AwardingBody; h.DocumentNumber = d ?? h.DocumentNumber; h.RevokedOn = r; },
                h => (h.AwardingBody, h.DocumentNumber, h.RevokedOn));
        }

        private bool UpsertRecognition(Person person, HonourEntry entry, List<ProvincialRecognition> recognitions)
        {
            var province = person.RegionCode[..2] + "0000";
            var existing = recognitions.FirstOrDefault(r => r.PersonId == person.Id && r.ProvinceCode == province && r.RecognizedOn.Year == entry.Year);
            if (existing is null)
            {
                var recognition = new ProvincialRecognition { ProvinceCode = province, RecognizedOn = new DateOnly(entry.Year, 1, 1), DocumentNumber = entry.DocumentNumber, EndsOn = entry.RevokedOn };
                Own(person, recognition);
                writer.Add(recognition);
                recognitions.Add(recognition);
                return true;
            }

            var changed = existing.DocumentNumber != (entry.DocumentNumber ?? existing.DocumentNumber) || existing.EndsOn != entry.RevokedOn;
            existing.DocumentNumber = entry.DocumentNumber ?? existing.DocumentNumber;
            existing.EndsOn = entry.RevokedOn;
            return changed;
        }

        private static bool Update<T>(T record, string? body, string? document, DateOnly? revoked, Action<T, string?, string?, DateOnly?> apply, Func<T, (string?, string?, DateOnly?)> read)
        {
            var before = read(record);
            apply(record, body, document, revoked);
            return before != read(record);
        }

        private void Own(Person person, PersonRecord record)
        {
            record.PersonId = person.Id;
            record.RegionCode = person.RegionCode;
            record.EnterpriseId = person.EnterpriseId;
            record.ImportId = import.Id;
            record.CreatedAt = now;
        }

        private void AddEmployment(Person person, Enterprise enterprise, RosterEntry entry)
        {
            var employment = new Employment
            {
                EmployerId = enterprise.Id,
                Occupation = entry.Occupation,
                OccupationCode = entry.OccupationCode,
                Post = entry.Post,
                Frontline = entry.Frontline,
                StartDate = entry.EmploymentStart,
            };
            Own(person, employment);
            writer.Add(employment);
        }

        private void AddCertificate(Person person, RosterEntry entry)
        {
            if (entry.SkillLevel is not { } level)
            {
                return;
            }

            var certificate = new SkillCertificate
            {
                Level = level,
                Occupation = entry.Occupation,
                CertificateNumber = entry.CertificateNumber,
                Issuer = entry.CertificateIssuer,
                IssuedOn = entry.CertificateDate,
            };
            Own(person, certificate);
            writer.Add(certificate);
        }

        /// <summary>A person who moved keeps every record in step with the scope columns.</summary>
        private async Task MoveRecordsAsync(Person person, CancellationToken ct)
        {
            foreach (var entry in db.ChangeTracker.Entries<PersonRecord>().Where(e => e.Entity.PersonId == person.Id))
            {
                entry.Entity.RegionCode = person.RegionCode;
                entry.Entity.EnterpriseId = person.EnterpriseId;
            }

            await Move<Employment>(person, ct);
            await Move<SkillCertificate>(person, ct);
            await Move<Honor>(person, ct);
            await Move<SpecialAllowance>(person, ct);
            await Move<ProvincialRecognition>(person, ct);
            await Move<TalentEvent>(person, ct);
            await Move<ReviewItem>(person, ct);
        }

        private Task<int> Move<T>(Person person, CancellationToken ct)
            where T : PersonRecord =>
            db.UpdateInScopeAsync(db.Set<T>().Where(r => r.PersonId == person.Id),
                s => s.SetProperty(r => r.RegionCode, person.RegionCode).SetProperty(r => r.EnterpriseId, person.EnterpriseId),
                $"导入名册：{person.Name}的登记地或工作单位变更，其记录随之变更", ct);

        private bool InScope(Person person) => ScopeRules.IsWritable(person, db.Scope);
    }
}

/// <summary>The imports' named reads across jurisdictions (<see cref="ScopeEscapes.Unscoped{T}"/>), audited by reason.</summary>
internal static class Escapes
{
    /// <summary>A roster or honours row names an ID number: is that person registered, here or elsewhere? The answer is only used to refuse or move the row, never shown (issue 9: no oracle).</summary>
    public const string RegisteredElsewhere = "导入时核对身份证号是否已在其他地区登记";

    /// <summary>A roster row names an employer by its credit code, which may be registered in another jurisdiction.</summary>
    public const string EnterpriseByCreditCode = "导入时按统一社会信用代码核对用人单位";
}

