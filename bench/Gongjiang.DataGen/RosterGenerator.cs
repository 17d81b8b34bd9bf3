using System.Globalization;
using Gongjiang.Core.Skills;
using Gongjiang.Core.Standards;

namespace Gongjiang.DataGen;

/// <summary>
/// Generates realistic synthetic 人员名册 and 荣誉名单 rows with a fixed seed: the same arguments always give the same rows,
/// on any machine. Rows are produced lazily, so a million of them never sit in memory.
/// </summary>
/// <remarks>
/// <para>Valid rows pass the Gongjiang.Core parsers: 18-digit 公民身份号码 of a county in scope with a correct check
/// character, unique within a file; GB 32100 统一社会信用代码 “91” + the enterprise's county + a valid GB 11714
/// organisation code + check character; 职业技能等级 text that <see cref="SkillLevels.Parse"/> reads; dates as
/// “yyyy-MM-dd”, never after <see cref="Today"/>.</para>
/// <para>A share <see cref="BadRowShare"/> of the rows is broken on purpose (see <see cref="BadReasons"/>), each
/// marked with <see cref="ISyntheticRecord.IsDeliberatelyBad"/> and <see cref="ISyntheticRecord.BadReason"/>.</para>
/// </remarks>
public sealed class RosterGenerator
{
    private const int RecentCapacity = 256;

    private static readonly DateOnly EarliestBirth = new(1960, 1, 1);
    private static readonly DateOnly LatestBirth = new(2002, 12, 31);
    private static readonly DateOnly EarliestCertificate = new(1995, 1, 1);

    private static readonly Weighted<SkillLevel> SkillLevelTable = new(
    [
        (SkillLevel.Junior, 20), (SkillLevel.Intermediate, 30), (SkillLevel.Senior, 30), (SkillLevel.Technician, 13),
        (SkillLevel.SeniorTechnician, 6), (SkillLevel.PrincipalTechnician, 0.5), (SkillLevel.ChiefTechnician, 0.5),
    ]);

    private static readonly Weighted<string> OwnershipTable = new(
        [("中央企业", 8), ("地方国有企业", 22), ("民营企业", 55), ("外资企业", 10), ("其他", 5)]);

    private static readonly Weighted<char> SurnameTable =
        new(ReferenceData.Surnames.Select((c, rank) => (c, 1.0 / (rank + 4))));

    private static readonly Weighted<BusinessLine> BusinessLineTable =
        new(ReferenceData.BusinessLines.Select(b => (b, b.Weight)));

    private static readonly string MaleGiven = ReferenceData.MaleGiven + ReferenceData.NeutralGiven;
    private static readonly string FemaleGiven = ReferenceData.FemaleGiven + ReferenceData.NeutralGiven;

    private static readonly Dictionary<string, OccupationEntry> OccupationsByText =
        ReferenceData.Occupations.ToDictionary(o => o.Text, StringComparer.Ordinal);

    private readonly Place[] places;
    private readonly Dictionary<string, Place[]> placesByCity;
    private readonly Weighted<Place> enterprisePlaces;

    /// <summary>Creates a generator.</summary>
    /// <param name="seed">Fixes every random choice.</param>
    /// <param name="provinceCode">Two-digit province code (“44”) limiting regions to one province; null for the whole country.</param>
    /// <param name="badRowShare">Share of deliberately broken rows, 0–1.</param>
    /// <param name="today">The reference date; no date in a valid row is later. Default <see cref="DefaultToday"/>.</param>
    public RosterGenerator(int seed, string? provinceCode = null, double badRowShare = 0.02, DateOnly? today = null)
    {
        if (double.IsNaN(badRowShare) || badRowShare is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(badRowShare), badRowShare, "应在0到1之间");
        }

        Seed = seed;
        ProvinceCode = provinceCode;
        BadRowShare = badRowShare;
        Today = today ?? DefaultToday;
        if (Today.Year < 2000)
        {
            throw new ArgumentOutOfRangeException(nameof(today), Today, "参考日期过早");
        }

        places = Places.InScope(provinceCode);
        placesByCity = places.GroupBy(p => p.CityCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        enterprisePlaces = new Weighted<Place>(places.Select(p => (p, p.EnterpriseWeight)));
    }

    /// <summary>The reference date used when none is given: 2026-11-24.</summary>
    public static DateOnly DefaultToday { get; } = new(2026, 11, 24);

    public int Seed { get; }

    public string? ProvinceCode { get; }

    public double BadRowShare { get; }

    public DateOnly Today { get; }

    /// <summary>
    /// <paramref name="count"/> roster rows (including the deliberately bad ones). Enumerating twice gives the same rows;
    /// the enterprise pool (count/200 enterprises, at least 5) depends on <paramref name="count"/>.
    /// </summary>
    public IEnumerable<RosterRecord> Persons(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return PersonsIterator(count);
    }

    /// <summary>
    /// The 荣誉名单 of about <paramref name="share"/> of <paramref name="persons"/> (more often the higher their skill
    /// level), in roster order; deliberately bad roster rows get no honours. Same seed and persons, same rows.
    /// </summary>
    public IEnumerable<HonourRecord> Honours(IReadOnlyList<RosterRecord> persons, double share = 0.05) =>
        Honours((IEnumerable<RosterRecord>)persons, share);

    /// <summary>As <see cref="Honours(IReadOnlyList{RosterRecord}, double)"/>, streaming the persons (e.g. straight from <see cref="Persons"/>).</summary>
    public IEnumerable<HonourRecord> Honours(IEnumerable<RosterRecord> persons, double share = 0.05)
    {
        ArgumentNullException.ThrowIfNull(persons);
        if (double.IsNaN(share) || share is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "应在0到1之间");
        }

        return HonoursIterator(persons, share);
    }

    private IEnumerable<RosterRecord> PersonsIterator(int count)
    {
        var rng = new Rng(Seed, 1);
        var enterprises = CreateEnterprises(rng, Math.Max(5, count / 200));
        var enterpriseTable = new Weighted<Enterprise>(enterprises.Select(e => (e, e.SizeWeight)));
        var usedIds = new HashSet<long>(Math.Min(count, 1 << 20));
        var recent = new RosterRecord[RecentCapacity];
        var recentCount = 0L;

        for (var row = 0; row < count; row++)
        {
            string? reason = null;
            if (BadRowShare > 0 && rng.Chance(BadRowShare))
            {
                reason = BadReasons.Roster[rng.Next(BadReasons.Roster.Count)];
                if (recentCount == 0 && reason is BadReasons.Duplicate or BadReasons.ConflictingDuplicate)
                {
                    reason = BadReasons.IdCheck;
                }
            }

            if (reason is BadReasons.Duplicate)
            {
                var earlier = recent[rng.Next((int)Math.Min(recentCount, RecentCapacity))];
                yield return earlier with { IsDeliberatelyBad = true, BadReason = reason };
                continue;
            }

            if (reason is BadReasons.ConflictingDuplicate)
            {
                var earlier = recent[rng.Next((int)Math.Min(recentCount, RecentCapacity))];
                var other = OtherName(rng, earlier.Name, (earlier.IdNumber[16] - '0') % 2 == 1);
                yield return earlier with { Name = other, IsDeliberatelyBad = true, BadReason = reason };
                continue;
            }

            var person = NewPerson(rng, enterpriseTable.Pick(rng), usedIds, row);
            if (reason is null)
            {
                recent[recentCount % RecentCapacity] = person;
                recentCount++;
                yield return person;
            }
            else
            {
                yield return Break(rng, person, reason) with { IsDeliberatelyBad = true, BadReason = reason };
            }
        }
    }

    private RosterRecord NewPerson(Rng rng, Enterprise enterprise, HashSet<long> usedIds, int row)
    {
        var level = SkillLevelTable.Pick(rng);
        var occupation = enterprise.Occupations[rng.Next(enterprise.Occupations.Length)];
        var male = rng.Chance(occupation.MaleShare);
        var minimumAge = MinimumAge(level);

        var latestBirth = Min(LatestBirth, Today.AddYears(-minimumAge));
        var birth = RandomDate(rng, EarliestBirth, latestBirth);

        // Most people are registered where they work; some in another county of the same city; some anywhere in scope.
        var roll = rng.NextDouble();
        var home = roll < 0.45 ? enterprise.Place
            : roll < 0.70 ? rng.Pick(placesByCity[enterprise.Place.CityCode])
            : places[rng.Next(places.Length)];
        var idNumber = NewIdNumber(rng, home.Code, birth, male, usedIds);

        var mobile = rng.Chance(0.10) ? string.Empty : Mobile(rng);
        var post = rng.Chance(0.03) ? string.Empty : rng.Pick(occupation.Posts);
        var frontline = rng.Chance(0.85) ? "是" : "否";

        var employmentStart = RandomDate(rng, birth.AddYears(16), Today.AddDays(-7));
        if (rng.Chance(0.3))
        {
            employmentStart = new DateOnly(employmentStart.Year, employmentStart.Month, 1);
            if (employmentStart < birth.AddYears(16))
            {
                employmentStart = birth.AddYears(16);
            }
        }

        var certificateFrom = Max(EarliestCertificate, birth.AddYears(Math.Max(18, minimumAge)));
        var certificateDate = RandomDate(rng, Min(certificateFrom, Today), Today);

        string issuer;
        var enterpriseAppointed = level is SkillLevel.PrincipalTechnician or SkillLevel.ChiefTechnician;
        if (enterpriseAppointed || (certificateDate.Year >= 2020 && rng.Chance(0.25)))
        {
            issuer = enterprise.Name; // 企业自主评价 / 企业聘任
        }
        else if (level >= SkillLevel.Technician && rng.Chance(0.2))
        {
            issuer = enterprise.Place.ProvinceName + "职业技能鉴定指导中心";
        }
        else
        {
            issuer = enterprise.Place.CityName + "职业技能鉴定指导中心";
        }

        return new RosterRecord(
            Name: PersonName(rng, male),
            IdNumber: idNumber,
            Mobile: mobile,
            EnterpriseName: enterprise.Name,
            CreditCode: enterprise.CreditCode,
            RegionCode: rng.Chance(0.04) ? string.Empty : enterprise.Place.Code,
            OwnershipType: enterprise.Ownership,
            Industry: enterprise.Line.Industry,
            Occupation: occupation.Text,
            OccupationCode: occupation.Code,
            Post: post,
            Frontline: frontline,
            EmploymentStart: FormatDate(employmentStart),
            SkillLevel: SkillLevelText(rng, level),
            CertificateNumber: CertificateNumber(enterprise.Place.CityCode, certificateDate, level, row),
            CertificateIssuer: issuer,
            CertificateDate: FormatDate(certificateDate));
    }

    private RosterRecord Break(Rng rng, RosterRecord person, string reason)
    {
        switch (reason)
        {
            case BadReasons.IdCheck:
                return person with { IdNumber = WrongCheck(rng, person.IdNumber, "0123456789X") };

            case BadReasons.BirthDateImpossible:
                {
                    // 19990231, 19870431, 19921332: the check character is right, only the date is wrong.
                    var year = person.IdNumber.Substring(6, 4);
                    var monthDay = rng.Pick(["0230", "0231", "0431", "0631", "0931", "1131", "1301", "0001", "0100"]);
                    return person with { IdNumber = WithCheck(string.Concat(person.IdNumber.AsSpan(0, 6), year, monthDay, person.IdNumber.AsSpan(14, 3))) };
                }

            case BadReasons.BirthDateFuture:
                {
                    var birth = Today.AddDays(rng.Next(1, 1500));
                    var digits = birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
                    return person with { IdNumber = WithCheck(string.Concat(person.IdNumber.AsSpan(0, 6), digits, person.IdNumber.AsSpan(14, 3))) };
                }

            case BadReasons.ProvinceUnknown:
                return person with { IdNumber = WithCheck(string.Concat("99", person.IdNumber.AsSpan(2, 15))) };

            case BadReasons.CreditCodeCheck:
                return person with { CreditCode = WrongCheck(rng, person.CreditCode, UnifiedSocialCreditCode.Alphabet) };

            case BadReasons.NameEmpty:
                return person with { Name = string.Empty };

            case BadReasons.SkillLevelUnknown:
                return person with { SkillLevel = "超级工" };

            case BadReasons.CertificateDateFuture:
                return person with { CertificateDate = FormatDate(Today.AddDays(rng.Next(10, 400))) };

            case BadReasons.OccupationCodeFormat:
                return person with { OccupationCode = "6-18-1" };

            case BadReasons.MobileInvalid:
                return person with { Mobile = "12345" };

            case BadReasons.FormulaCell:
                return person with { Post = "=1+1" };

            default:
                throw new InvalidOperationException("unknown bad reason " + reason);
        }
    }

    private IEnumerable<HonourRecord> HonoursIterator(IEnumerable<RosterRecord> persons, double share)
    {
        var rng = new Rng(Seed, 2);
        var recent = new HonourRecord[RecentCapacity];
        var recentCount = 0L;
        var honours = new List<HonourRecord>(3);

        foreach (var person in persons)
        {
            var roll = rng.NextDouble();
            if (person.IsDeliberatelyBad || !SkillLevels.Parse(person.SkillLevel).IsValid)
            {
                continue;
            }

            var level = SkillLevels.Parse(person.SkillLevel).Value;
            if (roll >= Math.Min(1.0, share * HonourWeight(level) / HonourWeightMean))
            {
                continue;
            }

            honours.Clear();
            HonourFactory.AddFor(rng, person, Today, honours);
            foreach (var honour in honours.OrderBy(h => h.AwardYear, StringComparer.Ordinal))
            {
                string? reason = null;
                if (BadRowShare > 0 && rng.Chance(BadRowShare))
                {
                    reason = BadReasons.Honours[rng.Next(BadReasons.Honours.Count)];
                    if (recentCount == 0 && reason is BadReasons.Duplicate)
                    {
                        reason = BadReasons.IdCheck;
                    }
                }

                if (reason is null)
                {
                    recent[recentCount % RecentCapacity] = honour;
                    recentCount++;
                    yield return honour;
                    continue;
                }

                var bad = reason switch
                {
                    BadReasons.IdCheck => honour with { IdNumber = WrongCheck(rng, honour.IdNumber, "0123456789X") },
                    BadReasons.NameEmpty => honour with { Name = string.Empty },
                    BadReasons.HonourUnknown => honour with { HonorTitle = "技术能手" },
                    BadReasons.AwardYearFuture => honour with { AwardYear = (Today.Year + rng.Next(1, 3)).ToString(CultureInfo.InvariantCulture) },
                    BadReasons.NameMismatch => honour with { Name = OtherName(rng, honour.Name, (honour.IdNumber[16] - '0') % 2 == 1) },
                    BadReasons.RevokedDateInvalid => honour with
                    {
                        Revoked = "是",
                        RevokedDate = string.Create(CultureInfo.InvariantCulture, $"{Math.Min(int.Parse(honour.AwardYear, CultureInfo.InvariantCulture) + 1, Today.Year)}-02-30"),
                    },
                    BadReasons.Duplicate => recent[rng.Next((int)Math.Min(recentCount, RecentCapacity))],
                    _ => throw new InvalidOperationException("unknown bad reason " + reason),
                };
                yield return bad with { IsDeliberatelyBad = true, BadReason = reason };
            }
        }
    }

    private static double HonourWeightMean { get; } = Enum.GetValues<SkillLevel>().Sum(level => HonourWeight(level) * Share(level));

    private static double Share(SkillLevel level) => level switch
    {
        SkillLevel.Junior => 0.20,
        SkillLevel.Intermediate => 0.30,
        SkillLevel.Senior => 0.30,
        SkillLevel.Technician => 0.13,
        SkillLevel.SeniorTechnician => 0.06,
        SkillLevel.PrincipalTechnician or SkillLevel.ChiefTechnician => 0.005,
        SkillLevel.Apprentice => 0,
        _ => 0,
    };

    /// <summary>Honours go mostly to 技师 and above.</summary>
    private static double HonourWeight(SkillLevel level) => level switch
    {
        SkillLevel.Apprentice => 0.05,
        SkillLevel.Junior => 0.1,
        SkillLevel.Intermediate => 0.4,
        SkillLevel.Senior => 1.0,
        SkillLevel.Technician => 2.5,
        SkillLevel.SeniorTechnician => 4.0,
        SkillLevel.PrincipalTechnician or SkillLevel.ChiefTechnician => 6.0,
        _ => 1.0,
    };

    private static int MinimumAge(SkillLevel level) => level switch
    {
        SkillLevel.Apprentice or SkillLevel.Junior => 18,
        SkillLevel.Intermediate => 20,
        SkillLevel.Senior => 22,
        SkillLevel.Technician => 26,
        SkillLevel.SeniorTechnician => 30,
        SkillLevel.PrincipalTechnician or SkillLevel.ChiefTechnician => 35,
        _ => 18,
    };

    private Enterprise[] CreateEnterprises(Rng rng, int size)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var enterprises = new Enterprise[size];
        for (var i = 0; i < size; i++)
        {
            var place = enterprisePlaces.Pick(rng);
            var line = BusinessLineTable.Pick(rng);
            var ownership = OwnershipTable.Pick(rng);
            string name;
            do
            {
                name = EnterpriseName(rng, place, line, ownership);
            }
            while (!names.Add(name));

            string code;
            do
            {
                code = CreditCode(rng, place.Code);
            }
            while (!codes.Add(code));

            // Enterprise sizes are skewed: a few big employers, many small ones (Pareto-like weights, capped).
            var sizeWeight = Math.Min(60.0, 1.0 / Math.Pow(1.0 - rng.NextDouble(), 0.8) - 0.5);
            var occupations = line.Occupations.Select(text => OccupationsByText[text]).ToArray();
            enterprises[i] = new Enterprise(name, code, place, ownership, line, occupations, sizeWeight);
        }

        return enterprises;
    }

    private static string EnterpriseName(Rng rng, Place place, BusinessLine line, string ownership)
    {
        var trade = rng.Pick(ReferenceData.TradeNames);
        return ownership switch
        {
            "中央企业" => rng.Chance(0.5)
                ? "中国" + trade + line.Word + "集团" + place.ShortPrefix + "有限公司"
                : "中" + trade[..1] + line.Word + "（" + place.ShortPrefix + "）有限公司",
            "地方国有企业" => place.NamePrefix + trade + line.Word + (rng.Chance(0.5) ? "集团有限公司" : "有限责任公司"),
            "外资企业" => rng.Pick(ReferenceData.ForeignTradeNames) + line.Word + "（" + place.ShortPrefix + "）有限公司",
            "其他" => place.NamePrefix + trade + line.Word + (rng.Chance(0.5) ? "厂" : "合作有限公司"),
            _ => place.NamePrefix + trade + line.Word + (rng.Chance(0.75) ? "有限公司" : "股份有限公司"),
        };
    }

    /// <summary>GB 32100: 9 (市场监管) 1 (企业) + county + GB 11714 organisation code + check character.</summary>
    private static string CreditCode(Rng rng, string county)
    {
        Span<char> code = stackalloc char[18];
        code[0] = '9';
        code[1] = '1';
        county.AsSpan().CopyTo(code[2..]);
        if (rng.Chance(0.65))
        {
            // Codes issued since 2015 carry an organisation code “MA…” with letters.
            code[8] = 'M';
            code[9] = 'A';
            for (var i = 10; i < 16; i++)
            {
                code[i] = UnifiedSocialCreditCode.Alphabet[rng.Next(UnifiedSocialCreditCode.Alphabet.Length)];
            }
        }
        else
        {
            for (var i = 8; i < 16; i++)
            {
                code[i] = rng.Digit();
            }
        }

        code[16] = UnifiedSocialCreditCode.ComputeOrganizationCodeCheck(code[8..16]);
        code[17] = UnifiedSocialCreditCode.ComputeCheckCharacter(code[..17]);
        return new string(code);
    }

    private static string NewIdNumber(Rng rng, string county, DateOnly birth, bool male, HashSet<long> usedIds)
    {
        var date = (birth.Year * 10000L) + (birth.Month * 100L) + birth.Day;
        var countyNumber = long.Parse(county, NumberStyles.None, CultureInfo.InvariantCulture);
        for (var attempt = 0; ; attempt++)
        {
            var sequence = (rng.Next(500) * 2) + (male ? 1 : 0);
            var key = (((countyNumber * 100_000_000L) + date) * 1000L) + sequence;
            if (usedIds.Add(key))
            {
                Span<char> first17 = stackalloc char[17];
                key.TryFormat(first17, out _, "D17", CultureInfo.InvariantCulture);
                return string.Concat(first17, CitizenIdNumber.ComputeCheckCharacter(first17));
            }

            if (attempt > 50)
            {
                birth = birth.AddDays(1);
                date = (birth.Year * 10000L) + (birth.Month * 100L) + birth.Day;
            }
        }
    }

    private static string WithCheck(string first17) => first17 + CitizenIdNumber.ComputeCheckCharacter(first17);

    private static string WrongCheck(Rng rng, string value, string alphabet)
    {
        var actual = value[^1];
        char wrong;
        do
        {
            wrong = alphabet[rng.Next(alphabet.Length)];
        }
        while (wrong == actual);

        return string.Concat(value.AsSpan(0, value.Length - 1), new ReadOnlySpan<char>(in wrong));
    }

    internal static string PersonName(Rng rng, bool male)
    {
        var pool = male ? MaleGiven : FemaleGiven;
        Span<char> name = stackalloc char[3];
        name[0] = SurnameTable.Pick(rng);
        name[1] = pool[rng.Next(pool.Length)];
        if (rng.Chance(0.3))
        {
            return new string(name[..2]);
        }

        name[2] = pool[rng.Next(pool.Length)];
        return new string(name);
    }

    private static string OtherName(Rng rng, string name, bool male)
    {
        var other = PersonName(rng, male);
        while (string.Equals(other, name, StringComparison.Ordinal))
        {
            other = PersonName(rng, male);
        }

        return other;
    }

    private static string Mobile(Rng rng)
    {
        Span<char> digits = stackalloc char[11];
        ReferenceData.MobilePrefixes[rng.Next(ReferenceData.MobilePrefixes.Length)].AsSpan().CopyTo(digits);
        for (var i = 3; i < 11; i++)
        {
            digits[i] = rng.Digit();
        }

        return new string(digits);
    }

    private static string SkillLevelText(Rng rng, SkillLevel level)
    {
        if (SkillLevels.Grade(level) is not { } grade)
        {
            return SkillLevels.ChineseName(level);
        }

        var roll = rng.NextDouble();
        return roll < 0.80 ? SkillLevels.ChineseName(level) : roll < 0.95 ? SkillLevels.DisplayName(level) : grade;
    }

    /// <summary>
    /// 职业技能等级证书编号 in the layout of the import template's example “S000044030000194000123”: “S”, 0000, the
    /// city code, 00, two-digit year, grade digit (5 初级 … 1 高级技师, 0 ungraded), six-digit serial.
    /// </summary>
    private static string CertificateNumber(string cityCode, DateOnly date, SkillLevel level, int row)
    {
        var grade = level switch
        {
            SkillLevel.Junior => 5,
            SkillLevel.Intermediate => 4,
            SkillLevel.Senior => 3,
            SkillLevel.Technician => 2,
            SkillLevel.SeniorTechnician => 1,
            _ => 0,
        };
        var serial = ((row * 387_497L) + 104_729L) % 1_000_000L; // a bijection on 0–999999: serials unique per million rows
        return string.Create(CultureInfo.InvariantCulture, $"S0000{cityCode}00{date.Year % 100:D2}{grade}{serial:D6}");
    }

    internal static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly RandomDate(Rng rng, DateOnly from, DateOnly to)
    {
        var span = to.DayNumber - from.DayNumber;
        return span <= 0 ? from : DateOnly.FromDayNumber(from.DayNumber + rng.Next(span + 1));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private sealed record Enterprise(
        string Name,
        string CreditCode,
        Place Place,
        string Ownership,
        BusinessLine Line,
        OccupationEntry[] Occupations,
        double SizeWeight);
}
