using System.Globalization;
using Gongjiang.Core.Standards;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Features.Wages.Data;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Wages;

/// <summary>
/// Demo mode only: confirmed wage reports of the last two full years from the three demo enterprises in 广东, so the
/// public wage-level table shows published and suppressed cells; 深圳地铁 (a 地方国有企业) fails the SOE check in the
/// later year and its rectification case is open for the 国资 officer. Idempotent.
/// </summary>
internal static class WagesDemo
{
    /// <summary>(occupation, level, category, persons per enterprise, yearly base pay 元, enterprises) of the skilled rows.</summary>
    private static readonly (string Occupation, string Level, string Category, int Persons, int BasePay, int Enterprises)[] Skilled =
    [
        ("6-18-01-01", "高级工", "高技能人才", 5, 96_000, 3),       // published: 3 enterprises, 15 persons
        ("6-18-01-01", "技师", "高技能人才", 4, 128_000, 3),        // published: 3 enterprises, 12 persons
        ("6-31-01-03", "高级技师", "高技能人才", 3, 186_000, 2),     // suppressed: 2 enterprises
        ("6-18-01-02", "中级工", "其他技能人员", 2, 72_000, 3),      // suppressed: 6 persons
    ];

    public static async Task SeedAsync(DemoSeed seed, CancellationToken ct)
    {
        var db = seed.Db;
        if (await db.Set<WageReport>().AnyAsync(ct))
        {
            return;
        }

        var registry = seed.Services.GetRequiredService<IRegistryDirectory>();
        var today = ChinaTime.Today(seed.Clock);
        var employer = await registry.FindEnterpriseAsync(DemoData.ShenzhenEnterpriseId, ct);
        if (employer is not null && !await db.Set<WageSchemeVersion>().AnyAsync(ct))
        {
            db.Add(new WageSchemeVersion
            {
                EnterpriseId = employer.Id,
                EnterpriseName = employer.Name,
                RegionCode = employer.RegionCode,
                Kind = WageSchemeKind.Seniority,
                Name = "技能岗位年资工资办法",
                StartYears = 1,
                MonthlyAmountFen = 50_00,
                MonthlyCapFen = 600_00,
                EffectiveFrom = new DateOnly(2018, 1, 1),
                RecordedByName = "演示数据",
                RecordedAt = seed.Clock.GetUtcNow(),
            });
            db.Add(new WageSchemeVersion
            {
                EnterpriseId = employer.Id,
                EnterpriseName = employer.Name,
                RegionCode = employer.RegionCode,
                Kind = WageSchemeKind.Mentoring,
                Name = "师带徒津贴办法",
                MonthlyAmountFen = 200_00,
                PerApprentice = true,
                MinimumApprentices = 1,
                MaximumApprentices = 3,
                EffectiveFrom = new DateOnly(2020, 1, 1),
                RecordedByName = "演示数据",
                RecordedAt = seed.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
        }

        (Guid Id, string District, int Factor, (int HighSkill, int Managers) Growth)[] enterprises =
        [
            (DemoData.ShenzhenEnterpriseId, "440306", 100, (6, 4)),
            (DemoData.ShenzhenMetroId, "440304", 108, (1, 9)),        // 地方国有企业: 高技能人才 +1% < 管理人员 +9% → 不符合
            (DemoData.GuangzhouEnterpriseId, "440112", 94, (7, 3)),   // 地方国有企业: 符合
        ];
        var known = DemoData.DemoIdNumbers.ToDictionary(d => d.Id, d => d.Number);
        var firstPerson = new Dictionary<Guid, string>
        {
            [DemoData.ShenzhenEnterpriseId] = known[DemoData.WorkerPersonId],
            [DemoData.ShenzhenMetroId] = known[DemoData.ShenzhenMetroPersonId],
            [DemoData.GuangzhouEnterpriseId] = known[DemoData.GuangzhouPersonId],
        };

        foreach (var year in new[] { today.Year - 2, today.Year - 1 })
        {
            var later = year == today.Year - 1;
            for (var e = 0; e < enterprises.Length; e++)
            {
                var (id, district, factor, growth) = enterprises[e];
                var rows = new List<WageRowInput>();
                var seq = 0;
                string NextId() => seq++ == 0 ? firstPerson[id] : IdNumber(district, e, seq);
                foreach (var (occupation, level, category, persons, basePay, count) in Skilled)
                {
                    if (e >= count)
                    {
                        continue;
                    }

                    for (var p = 0; p < persons; p++)
                    {
                        var pay = basePay * factor / 100 + (p * 3_700) - 4_000;
                        if (later)
                        {
                            pay = pay * (100 + growth.HighSkill) / 100;
                        }

                        rows.Add(Row(NextId(), category, null, occupation, level, pay));
                    }
                }

                for (var m = 0; m < 4; m++)
                {
                    var pay = (150_000 * factor / 100) + (m * 11_000);
                    if (later)
                    {
                        pay = pay * (100 + growth.Managers) / 100;
                    }

                    rows.Add(Row(NextId(), "管理人员", m == 0 ? "高层" : "中层", null, null, pay));
                }

                rows.Add(Row(NextId(), "专业技术人员", null, null, null, 118_000 * factor / 100));
                if (later && id == DemoData.ShenzhenEnterpriseId)
                {
                    // The demo worker's service years make his 年资工资 under the enterprise's own scheme (below) 7,200 元;
                    // the report pays 5 % of his pay, so the report page flags his row.
                    rows[0] = rows[0] with { ServiceStart = "2012-07-01" };
                }

                var (reportId, errors) = await WageReports.SubmitAsync(db, registry, new WageReportRequest(id, year, rows), WageReports.SourceApi, seed.Clock, ct);
                if (reportId is null)
                {
                    throw new InvalidOperationException("演示工资报送数据有误：" + string.Join("；", errors.All.SelectMany(a => a.Value)));
                }

                await WageReports.ConfirmAsync(db, reportId.Value, seed.Clock, ct);
            }
        }
    }

    private static WageRowInput Row(string idNumber, string category, string? tier, string? occupation, string? level, int pay) =>
        new(idNumber, category, tier, "是", occupation, level, "12",
            pay.ToString(CultureInfo.InvariantCulture),
            (pay * 6 / 10).ToString(CultureInfo.InvariantCulture),
            (pay * 25 / 100).ToString(CultureInfo.InvariantCulture),
            (pay * 10 / 100).ToString(CultureInfo.InvariantCulture),
            "0", "0",
            (pay * 5 / 100).ToString(CultureInfo.InvariantCulture));

    /// <summary>A valid synthetic GB 11643 number in the district: born 1970–1997, sequence by enterprise and row.</summary>
    private static string IdNumber(string district, int enterprise, int seq)
    {
        var birth = new DateOnly(1970 + ((seq * 7) + enterprise) % 28, 1 + (seq % 12), 1 + (seq % 27));
        var body = district + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (100 + (enterprise * 30) + seq).ToString("000", CultureInfo.InvariantCulture);
        return body + CitizenIdNumber.ComputeCheckCharacter(body);
    }
}
