using System.Diagnostics;
using System.Globalization;
using System.Text;
using Gongjiang.Core.Reference;
using Gongjiang.Core.Registry;
using Gongjiang.Core.Skills;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Protection;
using Npgsql;
using NpgsqlTypes;

namespace Gongjiang.PolicyBench;

/// <summary>What <see cref="RegistryLoad.CopyAsync"/> wrote.</summary>
internal sealed record LoadCounts(int Enterprises, int Persons, int Employments, int Certificates, int Honors, int Allowances, double Seconds);

/// <summary>
/// A registry of <c>persons</c> workers in 广东 (seeded, deterministic), written with binary COPY into the registry tables
/// of a freshly migrated database (indexes and foreign keys in place) in one transaction — the facts the registry's
/// <c>RegistryFactSource</c> reads. Realistic shape: persons in every county of 广东, weighted to 深圳 and 广州; one
/// enterprise per 50 persons in the same city (60 % private, 15 % local state-owned, 10 % central, 10 % foreign);
/// an employment in force for everyone (65 % front-line) and an earlier, ended one for a quarter; a skill certificate for
/// 80 % (a ladder weighted to 中级/高级工, a lower earlier one for a tenth) with the highest level on the person;
/// honours for about 2 % (national and provincial, each with its year, a few revoked) and 国务院/省政府特殊津贴 for 0.3 %,
/// so the leading-talent determination has work to do. ID numbers are valid 18-digit numbers, keyed-hashed and
/// encrypted as the registry stores them.
/// </summary>
internal static class RegistryLoad
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "梁"];
    private static readonly string[] Given = ["建华", "秀英", "志强", "丽娟", "国平", "海燕", "文博", "晓东", "春梅", "伟", "敏", "静", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明"];
    private static readonly string[] Occupations = ["电工", "焊工", "钳工", "车工", "数控车工", "汽车维修工", "电子设备装接工", "化工总控工", "模具工", "工具钳工"];
    private static readonly HonorType[] HonorTypes = Enum.GetValues<HonorType>();

    /// <summary>Cities of 广东 with their share of persons (深圳, 广州 larger) and their counties.</summary>
    private static List<(string City, double Weight, string[] Counties)> Cities()
    {
        var catalog = RegionCatalog.Default;
        return [.. catalog.ChildrenOf("440000").Select(c =>
        {
            var counties = catalog.ChildrenOf(c.Code).Select(k => k.Code).ToArray();
            var weight = c.Code switch { "440300" => 12.0, "440100" => 10.0, "441900" or "442000" or "440600" => 4.0, _ => 1.0 };
            return (c.Code, weight, counties.Length == 0 ? [c.Code] : counties);
        })];
    }

    public static async Task<LoadCounts> CopyAsync(string connectionString, int persons, DateOnly asOf, IdNumberProtector protector, DateTimeOffset now)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(11);
        var cities = Cities();
        var totalWeight = cities.Sum(c => c.Weight);
        var perCity = cities.Select(c => Math.Max(1, (int)(persons * c.Weight / totalWeight / 50))).ToArray();
        var enterprises = new List<(Guid Id, string Region, OwnershipType Ownership)>[cities.Count];
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var enterpriseCount = 0;
        using (var writer = await connection.BeginBinaryImportAsync(
            "COPY registry.enterprises (\"Id\", \"CreditCode\", \"Name\", \"OwnershipType\", \"RegionCode\", \"UpdatedAt\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var c = 0; c < cities.Count; c++)
            {
                enterprises[c] = [];
                for (var e = 0; e < perCity[c]; e++)
                {
                    var region = cities[c].Counties[random.Next(cities[c].Counties.Length)];
                    var ownership = random.Next(100) switch
                    {
                        < 60 => OwnershipType.Private,
                        < 75 => OwnershipType.LocalSoe,
                        < 85 => OwnershipType.CentralSoe,
                        < 95 => OwnershipType.ForeignInvested,
                        _ => OwnershipType.Other,
                    };
                    var id = Guid.CreateVersion7();
                    enterprises[c].Add((id, region, ownership));
                    enterpriseCount++;
                    writer.StartRow();
                    writer.Write(id, NpgsqlDbType.Uuid);
                    writer.Write("91" + region + enterpriseCount.ToString("D9", CultureInfo.InvariantCulture) + "X", NpgsqlDbType.Varchar);
                    writer.Write(RegionCatalog.Default.Find(region)?.Name + "第" + enterpriseCount.ToString(CultureInfo.InvariantCulture) + "制造有限公司", NpgsqlDbType.Varchar);
                    writer.Write((int)ownership, NpgsqlDbType.Integer);
                    writer.Write(region, NpgsqlDbType.Varchar);
                    writer.Write(now, NpgsqlDbType.TimestampTz);
                }
            }

            await writer.CompleteAsync();
        }

        // Persons first (the other tables refer to them); their dependent rows are kept in memory only as small structs.
        var rows = new PersonRow[persons];
        var issued = new HashSet<string>(persons, StringComparer.Ordinal);
        var cumulative = cities.Select((c, i) => cities.Take(i + 1).Sum(x => x.Weight) / totalWeight).ToArray();
        using (var writer = await connection.BeginBinaryImportAsync(
            "COPY registry.persons (\"Id\", \"Name\", \"IdNumberHash\", \"IdNumberCipher\", \"IdNumberMasked\", \"Sex\", \"BirthDate\", \"RegionCode\", \"EnterpriseId\", " +
            "\"Occupation\", \"HighestSkillLevel\", \"Frontline\", \"IsLeadingTalent\", \"CreatedAt\", \"UpdatedAt\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < persons; i++)
            {
                var roll = random.NextDouble();
                var city = Math.Min(Array.FindIndex(cumulative, w => roll <= w) is var found && found >= 0 ? found : cities.Count - 1, cities.Count - 1);
                var employer = enterprises[city][random.Next(enterprises[city].Count)];
                var region = employer.Region;
                var birth = asOf.AddDays(-random.Next(20 * 365, 60 * 365));
                var female = random.Next(3) == 0;
                string idNumber;
                do
                {
                    idNumber = IdNumber(region, birth, random.Next(1000), female);
                }
                while (!issued.Add(idNumber));
                SkillLevel? level = random.Next(5) == 0 ? null : random.Next(1000) switch
                {
                    < 20 => SkillLevel.Apprentice,
                    < 220 => SkillLevel.Junior,
                    < 520 => SkillLevel.Intermediate,
                    < 800 => SkillLevel.Senior,
                    < 920 => SkillLevel.Technician,
                    < 980 => SkillLevel.SeniorTechnician,
                    < 995 => SkillLevel.PrincipalTechnician,
                    _ => SkillLevel.ChiefTechnician,
                };
                var frontline = random.Next(100) < 65;
                var row = new PersonRow(Guid.CreateVersion7(), region, employer.Id, city, level, frontline,
                    asOf.AddDays(-random.Next(30, 15 * 365)), level is null ? null : asOf.AddDays(-random.Next(0, 15 * 365)));
                rows[i] = row;
                writer.StartRow();
                writer.Write(row.Id, NpgsqlDbType.Uuid);
                writer.Write(Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)], NpgsqlDbType.Varchar);
                writer.Write(protector.Hash(idNumber), NpgsqlDbType.Varchar);
                writer.Write(protector.Protect(idNumber), NpgsqlDbType.Varchar);
                writer.Write(idNumber[..6] + "********" + idNumber[14..], NpgsqlDbType.Varchar);
                writer.Write(female ? 2 : 1, NpgsqlDbType.Integer);
                writer.Write(birth, NpgsqlDbType.Date);
                writer.Write(region, NpgsqlDbType.Varchar);
                writer.Write(employer.Id, NpgsqlDbType.Uuid);
                writer.Write(Occupations[random.Next(Occupations.Length)], NpgsqlDbType.Varchar);
                if (level is { } l)
                {
                    writer.Write((int)l, NpgsqlDbType.Integer);
                }
                else
                {
                    writer.WriteNull();
                }

                writer.Write(frontline, NpgsqlDbType.Boolean);
                writer.Write(false, NpgsqlDbType.Boolean);
                writer.Write(now, NpgsqlDbType.TimestampTz);
                writer.Write(now, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        var employments = 0;
        using (var writer = await connection.BeginBinaryImportAsync(
            "COPY registry.employments (\"Id\", \"EmployerId\", \"Occupation\", \"Frontline\", \"StartDate\", \"EndDate\", \"PersonId\", \"RegionCode\", \"EnterpriseId\", \"CreatedAt\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in rows)
            {
                WriteEmployment(writer, p, p.EnterpriseId, p.Frontline, p.EmployedSince, null, now);
                employments++;
                if (random.Next(4) == 0)
                {
                    var earlier = enterprises[p.City][random.Next(enterprises[p.City].Count)];
                    WriteEmployment(writer, p, earlier.Id, random.Next(2) == 0, p.EmployedSince.AddDays(-random.Next(365, 10 * 365)), p.EmployedSince, now);
                    employments++;
                }
            }

            await writer.CompleteAsync();
        }

        var certificates = 0;
        using (var writer = await connection.BeginBinaryImportAsync(
            "COPY registry.skill_certificates (\"Id\", \"Level\", \"Occupation\", \"IssuedOn\", \"PersonId\", \"RegionCode\", \"EnterpriseId\", \"CreatedAt\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in rows)
            {
                if (p.Level is not { } level)
                {
                    continue;
                }

                WriteCertificate(writer, p, level, p.CertifiedOn!.Value, now);
                certificates++;
                if (level > SkillLevel.Apprentice && random.Next(10) == 0)
                {
                    WriteCertificate(writer, p, level - 1, p.CertifiedOn!.Value.AddDays(-random.Next(365, 5 * 365)), now);
                    certificates++;
                }
            }

            await writer.CompleteAsync();
        }

        var honors = 0;
        var allowances = 0;
        using (var writer = await connection.BeginBinaryImportAsync(
            "COPY registry.honors (\"Id\", \"Type\", \"Year\", \"AwardingBody\", \"RevokedOn\", \"PersonId\", \"RegionCode\", \"EnterpriseId\", \"CreatedAt\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in rows)
            {
                if (random.Next(50) != 0)
                {
                    continue;
                }

                var count = random.Next(10) == 0 ? 2 : 1;
                var first = HonorTypes[random.Next(HonorTypes.Length)];
                for (var h = 0; h < count; h++)
                {
                    writer.StartRow();
                    writer.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    writer.Write((int)(h == 0 ? first : HonorTypes[((int)Array.IndexOf(HonorTypes, first) + 1) % HonorTypes.Length]), NpgsqlDbType.Integer);
                    writer.Write(asOf.Year - random.Next(0, 25), NpgsqlDbType.Integer);
                    writer.Write("广东省人民政府", NpgsqlDbType.Varchar);
                    if (random.Next(100) == 0)
                    {
                        writer.Write(asOf.AddDays(-random.Next(1, 1000)), NpgsqlDbType.Date);
                    }
                    else
                    {
                        writer.WriteNull();
                    }

                    WriteOwner(writer, p, now);
                    honors++;
                }
            }

            await writer.CompleteAsync();
        }

        using (var writer = await connection.BeginBinaryImportAsync(
            "COPY registry.special_allowances (\"Id\", \"Level\", \"Year\", \"PersonId\", \"RegionCode\", \"EnterpriseId\", \"CreatedAt\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in rows)
            {
                if (random.Next(1000) >= 3)
                {
                    continue;
                }

                writer.StartRow();
                writer.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                writer.Write(random.Next(4) == 0 ? (int)SpecialAllowanceLevel.StateCouncil : (int)SpecialAllowanceLevel.Provincial, NpgsqlDbType.Integer);
                writer.Write(asOf.Year - random.Next(0, 15), NpgsqlDbType.Integer);
                WriteOwner(writer, p, now);
                allowances++;
            }

            await writer.CompleteAsync();
        }

        await transaction.CommitAsync();
        await using (var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        return new LoadCounts(enterpriseCount, persons, employments, certificates, honors, allowances, watch.Elapsed.TotalSeconds);
    }

    /// <summary>A valid 18-digit 居民身份证号码 (GB 11643: region, birth date, sequence with sex parity, ISO 7064 MOD 11-2 check).</summary>
    private static string IdNumber(string region, DateOnly birth, int sequence, bool female)
    {
        var order = (sequence / 2 * 2) + (female ? 0 : 1);
        var body = new StringBuilder(region).Append(birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture))
            .Append((order % 1000).ToString("D3", CultureInfo.InvariantCulture)).ToString();
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (body[i] - '0') * weights[i];
        }

        return body + "10X98765432"[sum % 11];
    }

    private static void WriteEmployment(NpgsqlBinaryImporter writer, PersonRow p, Guid employer, bool frontline, DateOnly start, DateOnly? end, DateTimeOffset now)
    {
        writer.StartRow();
        writer.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
        writer.Write(employer, NpgsqlDbType.Uuid);
        writer.Write("生产操作", NpgsqlDbType.Varchar);
        writer.Write(frontline, NpgsqlDbType.Boolean);
        writer.Write(start, NpgsqlDbType.Date);
        if (end is { } e)
        {
            writer.Write(e, NpgsqlDbType.Date);
        }
        else
        {
            writer.WriteNull();
        }

        WriteOwner(writer, p, now);
    }

    private static void WriteCertificate(NpgsqlBinaryImporter writer, PersonRow p, SkillLevel level, DateOnly issued, DateTimeOffset now)
    {
        writer.StartRow();
        writer.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
        writer.Write((int)level, NpgsqlDbType.Integer);
        writer.Write("电工", NpgsqlDbType.Varchar);
        writer.Write(issued, NpgsqlDbType.Date);
        WriteOwner(writer, p, now);
    }

    /// <summary>The columns every person record ends with: person, region, enterprise, created.</summary>
    private static void WriteOwner(NpgsqlBinaryImporter writer, PersonRow p, DateTimeOffset now)
    {
        writer.Write(p.Id, NpgsqlDbType.Uuid);
        writer.Write(p.Region, NpgsqlDbType.Varchar);
        writer.Write(p.EnterpriseId, NpgsqlDbType.Uuid);
        writer.Write(now, NpgsqlDbType.TimestampTz);
    }

    private readonly record struct PersonRow(Guid Id, string Region, Guid EnterpriseId, int City, SkillLevel? Level, bool Frontline, DateOnly EmployedSince, DateOnly? CertifiedOn);
}
