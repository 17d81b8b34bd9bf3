using System.Globalization;
using Gongjiang.Core.Reference;

namespace Gongjiang.DataGen;

/// <summary>The honours of one person: titles, years, awarding bodies and document numbers.</summary>
internal static class HonourFactory
{
    private enum Kind
    {
        NationalTechnicalExpert,
        NationalMayDayMedal,
        NationalModelWorker,
        ChinaSkillsGrandAward,
        StateCouncilAllowance,
        ProvincialAllowance,
        ProvincialTechnicalExpert,
        ProvincialModelWorker,
    }

    private static readonly Weighted<Kind> KindTable = new(
    [
        (Kind.NationalTechnicalExpert, 50), (Kind.NationalMayDayMedal, 12), (Kind.NationalModelWorker, 5),
        (Kind.ChinaSkillsGrandAward, 3), (Kind.StateCouncilAllowance, 5), (Kind.ProvincialAllowance, 7),
        (Kind.ProvincialTechnicalExpert, 12), (Kind.ProvincialModelWorker, 6),
    ]);

    /// <summary>全国劳动模范 are named at the national conference every five years.</summary>
    private static readonly int[] ModelWorkerYears = [2005, 2010, 2015, 2020, 2025];

    /// <summary>Adds one to three honours of distinct kinds for <paramref name="person"/> to <paramref name="into"/>.</summary>
    public static void AddFor(Rng rng, RosterRecord person, DateOnly today, List<HonourRecord> into)
    {
        var roll = rng.NextDouble();
        var count = roll < 0.85 ? 1 : roll < 0.98 ? 2 : 3;
        var birthYear = int.Parse(person.IdNumber.AsSpan(6, 4), NumberStyles.None, CultureInfo.InvariantCulture);

        // The honour is conferred where the person works: the enterprise's province (credit code digits 3–4).
        var provinceCode = person.CreditCode.Length == 18 ? person.CreditCode.Substring(2, 2) : person.IdNumber[..2];
        var province = RegionCatalog.Default.Find(provinceCode + "0000")?.Name ?? "广东省";
        var abbreviation = ReferenceData.ProvinceAbbreviations.GetValueOrDefault(provinceCode, "粤");

        var taken = new HashSet<Kind>();
        for (var i = 0; i < count * 3 && taken.Count < count; i++)
        {
            var kind = KindTable.Pick(rng);
            if (!taken.Add(kind))
            {
                continue;
            }

            var year = AwardYear(rng, kind, birthYear, today);
            if (year is null)
            {
                kind = Kind.ProvincialTechnicalExpert;
                year = AwardYear(rng, kind, birthYear, today);
                if (year is null || !taken.Add(kind))
                {
                    continue;
                }
            }

            into.Add(Create(rng, person, kind, year.Value, province, abbreviation, today));
        }
    }

    private static HonourRecord Create(Rng rng, RosterRecord person, Kind kind, int year, string province, string abbreviation, DateOnly today)
    {
        var variant = rng.Chance(0.08);

        // 人力资源和社会保障部 and the provincial 人力资源和社会保障厅 replaced the 劳动和社会保障 departments in 2008.
        var ministry = year >= 2008 ? "人力资源社会保障部" : "劳动和社会保障部";
        var ministryDocument = year >= 2008 ? "人社部发" : "劳社部发";
        var department = year >= 2008 ? "人力资源和社会保障厅" : "劳动和社会保障厅";
        var departmentDocument = year >= 2008 ? "人社发" : "劳社发";
        var (title, body, document) = kind switch
        {
            Kind.NationalTechnicalExpert => (
                variant ? rng.Pick(["全国技术能手称号", "技术能手（全国）"]) : "全国技术能手",
                ministry,
                Document(rng, ministryDocument, year, 140)),
            Kind.NationalMayDayMedal => (
                variant ? "五一劳动奖章" : "全国五一劳动奖章",
                "中华全国总工会",
                Document(rng, "总工发", year, 40)),
            Kind.NationalModelWorker => (
                variant ? "全国劳模" : "全国劳动模范",
                "中共中央、国务院",
                rng.Chance(0.3) ? string.Empty : Document(rng, "中发", year, 40)),
            Kind.ChinaSkillsGrandAward => (
                variant ? "中华技能大奖获得者" : "中华技能大奖",
                ministry,
                Document(rng, ministryDocument, year, 140)),
            Kind.StateCouncilAllowance => (
                "国务院政府特殊津贴",
                "国务院",
                Document(rng, ministryDocument, year, 140)),
            Kind.ProvincialAllowance => (
                "省级政府特殊津贴",
                province + "人民政府",
                Document(rng, abbreviation + "府", year, 120)),
            Kind.ProvincialTechnicalExpert => (
                rng.Chance(0.6) ? "省级技术能手" : province + "技术能手",
                province + department,
                Document(rng, abbreviation + departmentDocument, year, 200)),
            Kind.ProvincialModelWorker => (
                rng.Chance(0.6) ? "省级劳动模范" : province + "劳动模范",
                "中共" + province + "委、" + province + "人民政府",
                Document(rng, abbreviation + "发", year, 40)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        var revoked = string.Empty;
        var revokedDate = string.Empty;
        var roll = rng.NextDouble();
        if (roll < 0.02)
        {
            revoked = "是";
            var from = new DateOnly(year + 1, 1, 1);
            var span = Math.Max(0, today.DayNumber - from.DayNumber);
            revokedDate = RosterGenerator.FormatDate(DateOnly.FromDayNumber(Math.Min(today.DayNumber, from.DayNumber + rng.Next(span + 1))));
        }
        else if (roll < 0.90)
        {
            revoked = "否";
        }

        return new HonourRecord(
            person.Name,
            person.IdNumber,
            title,
            year.ToString(CultureInfo.InvariantCulture),
            body,
            document,
            revoked,
            revokedDate);
    }

    /// <summary>A plausible year for the honour, or null when the person is too young for it.</summary>
    private static int? AwardYear(Rng rng, Kind kind, int birthYear, DateOnly today)
    {
        var minimumAge = kind switch
        {
            Kind.NationalTechnicalExpert or Kind.ProvincialTechnicalExpert => 22,
            Kind.NationalMayDayMedal => 28,
            Kind.NationalModelWorker or Kind.ProvincialModelWorker => 32,
            Kind.ChinaSkillsGrandAward or Kind.StateCouncilAllowance or Kind.ProvincialAllowance => 35,
            _ => 25,
        };
        var first = Math.Max(1995, birthYear + minimumAge);
        var last = today.Year - 1;

        if (kind == Kind.NationalModelWorker)
        {
            var years = ModelWorkerYears.Where(y => y >= first && y <= today.Year).ToArray();
            return years.Length == 0 ? null : years[rng.Next(years.Length)];
        }

        if (kind is Kind.ChinaSkillsGrandAward or Kind.StateCouncilAllowance)
        {
            // Conferred every other year.
            first += first % 2;
            last -= last % 2;
            return first > last ? null : first + (2 * rng.Next(((last - first) / 2) + 1));
        }

        return first > last ? null : rng.Next(first, last + 1);
    }

    private static string Document(Rng rng, string prefix, int year, int maximum) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}〔{year}〕{rng.Next(1, maximum + 1)}号");
}
