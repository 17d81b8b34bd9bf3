using System.Diagnostics;
using System.Globalization;
using Gongjiang.Core.Reference;
using Gongjiang.Core.Skills;
using Gongjiang.Core.Standards;
using Gongjiang.Web.Features.Registry.Data;
using Npgsql;
using NpgsqlTypes;

namespace Gongjiang.RegistryBench;

/// <summary>What the COPY baseline did.</summary>
internal sealed record CopyResult(int GeneratedRows, int ValidRows, int Enterprises, int Certificates, double PrepareSeconds, double CopySeconds)
{
    public double RowsPerSecond => ValidRows / CopySeconds;
}

/// <summary>
/// The lower bound of any import: the generator's valid rows (not deliberately bad), turned into the exact column values
/// the import would store (keyed hash, AES-GCM cipher and mask of the ID number; sex and birth date from
/// <see cref="CitizenIdNumber.Parse"/>; enterprise ids by credit code; region from the row or the credit code), then
/// written with binary COPY into enterprises, persons, employments and skill_certificates of a freshly migrated database
/// (all its indexes and foreign keys in place), in one transaction. Only the COPY is timed; the preparation separately.
/// </summary>
internal static class CopyBaseline
{
    public static async Task<CopyResult> RunAsync(BenchContext bench, string connectionString, int rows)
    {
        var protector = bench.Protector;
        var now = BenchContext.Clock.GetUtcNow().ToUniversalTime();
        var prepare = Stopwatch.StartNew();
        var enterprises = new Dictionary<string, EnterpriseRow>(StringComparer.Ordinal);
        var persons = new List<PersonRow>(rows);
        var generated = 0;
        var certificates = 0;
        foreach (var r in RosterFiles.Generator().Persons(rows))
        {
            generated++;
            if (r.IsDeliberatelyBad)
            {
                continue;
            }

            var id = CitizenIdNumber.Parse(r.IdNumber, BenchContext.Today, RegionCatalog.Default);
            if (!id.IsValid)
            {
                throw new InvalidOperationException($"generator row {generated}: valid row with invalid ID number: {id.Error}");
            }

            var region = r.RegionCode.Length > 0 ? r.RegionCode : r.CreditCode.Substring(2, 6);
            if (!enterprises.TryGetValue(r.CreditCode, out var enterprise))
            {
                enterprise = new EnterpriseRow(Guid.CreateVersion7(), r.CreditCode, r.EnterpriseName,
                    OwnershipTypes.Parse(r.OwnershipType).Value ?? OwnershipType.Other, Empty(r.Industry), region);
                enterprises[r.CreditCode] = enterprise;
            }

            SkillLevel? level = r.SkillLevel.Length == 0 ? null : SkillLevels.Parse(r.SkillLevel).Value;
            if (level is not null)
            {
                certificates++;
            }

            var value = id.Value!;
            persons.Add(new PersonRow(
                Guid.CreateVersion7(),
                r.Name,
                protector.Hash(value.Value),
                protector.Protect(value.Value),
                value.Masked,
                value.Sex,
                value.BirthDate,
                region,
                enterprise.Id,
                Empty(r.Mobile),
                r.Occupation,
                Empty(r.OccupationCode),
                Empty(r.Post),
                r.Frontline.Length == 0 ? null : r.Frontline == "是",
                Date(r.EmploymentStart),
                level,
                Empty(r.CertificateNumber),
                Empty(r.CertificateIssuer),
                Date(r.CertificateDate),
                Guid.CreateVersion7(),
                level is null ? Guid.Empty : Guid.CreateVersion7()));
        }

        prepare.Stop();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var copy = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            using (var writer = await connection.BeginBinaryImportAsync(
                "COPY registry.enterprises (\"Id\", \"CreditCode\", \"Name\", \"OwnershipType\", \"Industry\", \"RegionCode\", \"UpdatedAt\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var e in enterprises.Values)
                {
                    writer.StartRow();
                    writer.Write(e.Id, NpgsqlDbType.Uuid);
                    writer.Write(e.CreditCode, NpgsqlDbType.Varchar);
                    writer.Write(e.Name, NpgsqlDbType.Varchar);
                    writer.Write((int)e.Ownership, NpgsqlDbType.Integer);
                    WriteText(writer, e.Industry);
                    writer.Write(e.RegionCode, NpgsqlDbType.Varchar);
                    writer.Write(now, NpgsqlDbType.TimestampTz);
                }

                writer.Complete();
            }

            using (var writer = await connection.BeginBinaryImportAsync(
                "COPY registry.persons (\"Id\", \"Name\", \"IdNumberHash\", \"IdNumberCipher\", \"IdNumberMasked\", \"Sex\", \"BirthDate\", \"RegionCode\", \"EnterpriseId\", " +
                "\"Mobile\", \"Occupation\", \"HighestSkillLevel\", \"Frontline\", \"IsLeadingTalent\", \"CreatedAt\", \"UpdatedAt\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var p in persons)
                {
                    writer.StartRow();
                    writer.Write(p.Id, NpgsqlDbType.Uuid);
                    writer.Write(p.Name, NpgsqlDbType.Varchar);
                    writer.Write(p.Hash, NpgsqlDbType.Varchar);
                    writer.Write(p.Cipher, NpgsqlDbType.Varchar);
                    writer.Write(p.Masked, NpgsqlDbType.Varchar);
                    writer.Write((int)p.Sex, NpgsqlDbType.Integer);
                    writer.Write(p.BirthDate, NpgsqlDbType.Date);
                    writer.Write(p.RegionCode, NpgsqlDbType.Varchar);
                    writer.Write(p.EnterpriseId, NpgsqlDbType.Uuid);
                    WriteText(writer, p.Mobile);
                    writer.Write(p.Occupation, NpgsqlDbType.Varchar);
                    if (p.Level is { } l)
                    {
                        writer.Write((int)l, NpgsqlDbType.Integer);
                    }
                    else
                    {
                        writer.WriteNull();
                    }

                    WriteBool(writer, p.Frontline);
                    writer.Write(false, NpgsqlDbType.Boolean);
                    writer.Write(now, NpgsqlDbType.TimestampTz);
                    writer.Write(now, NpgsqlDbType.TimestampTz);
                }

                writer.Complete();
            }

            using (var writer = await connection.BeginBinaryImportAsync(
                "COPY registry.employments (\"Id\", \"EmployerId\", \"Occupation\", \"OccupationCode\", \"Post\", \"Frontline\", \"StartDate\", \"PersonId\", \"RegionCode\", " +
                "\"EnterpriseId\", \"CreatedAt\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var p in persons)
                {
                    writer.StartRow();
                    writer.Write(p.EmploymentId, NpgsqlDbType.Uuid);
                    writer.Write(p.EnterpriseId, NpgsqlDbType.Uuid);
                    writer.Write(p.Occupation, NpgsqlDbType.Varchar);
                    WriteText(writer, p.OccupationCode);
                    WriteText(writer, p.Post);
                    WriteBool(writer, p.Frontline);
                    WriteDate(writer, p.EmploymentStart);
                    writer.Write(p.Id, NpgsqlDbType.Uuid);
                    writer.Write(p.RegionCode, NpgsqlDbType.Varchar);
                    writer.Write(p.EnterpriseId, NpgsqlDbType.Uuid);
                    writer.Write(now, NpgsqlDbType.TimestampTz);
                }

                writer.Complete();
            }

            using (var writer = await connection.BeginBinaryImportAsync(
                "COPY registry.skill_certificates (\"Id\", \"Level\", \"Occupation\", \"CertificateNumber\", \"Issuer\", \"IssuedOn\", \"PersonId\", \"RegionCode\", " +
                "\"EnterpriseId\", \"CreatedAt\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var p in persons)
                {
                    if (p.Level is not { } level)
                    {
                        continue;
                    }

                    writer.StartRow();
                    writer.Write(p.CertificateId, NpgsqlDbType.Uuid);
                    writer.Write((int)level, NpgsqlDbType.Integer);
                    writer.Write(p.Occupation, NpgsqlDbType.Varchar);
                    WriteText(writer, p.CertificateNumber);
                    WriteText(writer, p.Issuer);
                    WriteDate(writer, p.IssuedOn);
                    writer.Write(p.Id, NpgsqlDbType.Uuid);
                    writer.Write(p.RegionCode, NpgsqlDbType.Varchar);
                    writer.Write(p.EnterpriseId, NpgsqlDbType.Uuid);
                    writer.Write(now, NpgsqlDbType.TimestampTz);
                }

                writer.Complete();
            }

            await transaction.CommitAsync();
        }

        copy.Stop();
        return new CopyResult(generated, persons.Count, enterprises.Count, certificates, prepare.Elapsed.TotalSeconds, copy.Elapsed.TotalSeconds);
    }

    /// <summary>Names and ID numbers of the valid rows (for the search benchmark), straight from the generator.</summary>
    public static List<(string Name, string IdNumber)> ValidPersons(int rows) =>
        RosterFiles.Generator().Persons(rows).Where(r => !r.IsDeliberatelyBad).Select(r => (r.Name, r.IdNumber)).ToList();

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    private static DateOnly? Date(string text) =>
        text.Length == 0 ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteText(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Varchar);
        }
    }

    private static void WriteBool(NpgsqlBinaryImporter writer, bool? value)
    {
        if (value is { } v)
        {
            writer.Write(v, NpgsqlDbType.Boolean);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static void WriteDate(NpgsqlBinaryImporter writer, DateOnly? value)
    {
        if (value is { } v)
        {
            writer.Write(v, NpgsqlDbType.Date);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private sealed record EnterpriseRow(Guid Id, string CreditCode, string Name, OwnershipType Ownership, string? Industry, string RegionCode);

    private sealed record PersonRow(
        Guid Id, string Name, string Hash, string Cipher, string Masked, Sex Sex, DateOnly BirthDate, string RegionCode, Guid EnterpriseId,
        string? Mobile, string Occupation, string? OccupationCode, string? Post, bool? Frontline, DateOnly? EmploymentStart, SkillLevel? Level,
        string? CertificateNumber, string? Issuer, DateOnly? IssuedOn, Guid EmploymentId, Guid CertificateId);
}
