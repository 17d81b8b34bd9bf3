using Gongjiang.Core.Policies;
using Gongjiang.Web.Features.Policies.Contracts;
using Gongjiang.Web.Features.Policies.Data;
using Gongjiang.Web.Features.Policies.Engine;
using Gongjiang.Web.Features.Policies.Simulations;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Policies;

/// <summary>
/// Demo mode only: the national items of 《关于提高技术工人待遇的意见》 (amounts left to regions) and the example
/// documents and items of 广东 and 深圳 (<see cref="PolicySeed"/>, labelled 示例 wherever shown); facts a window clerk
/// would record for the demo persons (引进人才, 社保缴费月数, 住房, 带徒, 地区类别); one stored decision for the worker; one
/// finished what-if simulation (深圳 安家补贴 15万 → 20万). Idempotent.
/// </summary>
internal static class PoliciesDemo
{
    /// <summary>The demo decision (深圳 房租补贴 for 李建华).</summary>
    public static readonly Guid DecisionId = Guid.Parse("0193a000-0000-7000-8000-000000011001");

    /// <summary>The demo simulation.</summary>
    public static readonly Guid SimulationId = Guid.Parse("0193a000-0000-7000-8000-000000011101");

    public static async Task SeedAsync(DemoSeed seed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var db = seed.Db;
        var now = seed.Clock.GetUtcNow();
        var today = ChinaTime.Today(seed.Clock);
        if (!await db.Set<StoredPolicyDocument>().AnyAsync(d => d.Id == PolicySeed.NationalDocumentId, ct))
        {
            foreach (var document in PolicySeed.Documents)
            {
                db.Add(new StoredPolicyDocument
                {
                    Id = document.Id,
                    Title = document.Title,
                    DocumentNumber = document.DocumentNumber,
                    IssuingBody = document.IssuingBody,
                    IssuedOn = document.IssuedOn,
                    RegionCode = document.RegionCode,
                    IsExample = document.IsExample,
                    CreatedAt = now,
                    CreatedBy = "演示数据",
                });
            }

            foreach (var version in PolicySeed.Items)
            {
                db.Add(PolicyJson.ToStored(version, now, "演示数据"));
            }

            await db.SaveChangesAsync(ct);
        }

        if (!await db.Set<RecordedFact>().AnyAsync(f => f.PersonId == DemoData.WorkerPersonId, ct))
        {
            var from = new DateOnly(2019, 1, 1);
            void Record(Guid person, string region, Guid enterprise, string fact, string value, string note) => db.Add(new RecordedFact
            {
                PersonId = person,
                RegionCode = region,
                EnterpriseId = enterprise,
                FactName = fact,
                Value = value,
                ValidFrom = from,
                Note = "（示例）" + note,
                RecordedAt = now,
                RecordedBy = "演示数据",
            });

            foreach (var (person, region, enterprise) in new[]
            {
                (DemoData.WorkerPersonId, "440306", DemoData.ShenzhenEnterpriseId),
                (DemoData.ShenzhenColleagueId, "440306", DemoData.ShenzhenEnterpriseId),
                (DemoData.ShenzhenMetroPersonId, "440304", DemoData.ShenzhenMetroId),
            })
            {
                Record(person, region, enterprise, StandardFacts.RegionTier, "Tier1", "深圳属广东省一类地区（示例划分）");
                Record(person, region, enterprise, StandardFacts.InsuranceMonths, person == DemoData.ShenzhenColleagueId ? "8" : "60", "深圳社会保险缴费证明");
                Record(person, region, enterprise, StandardFacts.OwnsHome, person == DemoData.ShenzhenMetroPersonId ? "true" : "false", "不动产登记查询结果");
            }

            Record(DemoData.WorkerPersonId, "440306", DemoData.ShenzhenEnterpriseId, StandardFacts.TalentIntroduced, "true", "2019 年由湖南引进，人才引进证明");
            Record(DemoData.WorkerPersonId, "440306", DemoData.ShenzhenEnterpriseId, StandardFacts.Apprentices, "3", "师带徒协议 3 份");
            Record(DemoData.WorkerPersonId, "440306", DemoData.ShenzhenEnterpriseId, StandardFacts.HouseholdRegistration, "430102", "户口簿（湖南长沙户籍）");
            Record(DemoData.WorkerPersonId, "440306", DemoData.ShenzhenEnterpriseId, StandardFacts.SchoolAgeChildren, "1", "子女在读小学");
            Record(DemoData.WorkerPersonId, "440306", DemoData.ShenzhenEnterpriseId, StandardFacts.NationalProject, "false", "单位说明");
            Record(DemoData.WorkerPersonId, "440306", DemoData.ShenzhenEnterpriseId, StandardFacts.EnterpriseInDifficulty, "false", "单位经营正常");
            Record(DemoData.ShenzhenMetroPersonId, "440304", DemoData.ShenzhenMetroId, StandardFacts.TalentIntroduced, "false", "本地培养");
            foreach (var (person, enterprise) in new[] { (DemoData.GuangzhouPersonId, DemoData.GuangzhouEnterpriseId), (DemoData.GuangzhouPerson2Id, DemoData.GuangzhouEnterpriseId) })
            {
                Record(person, "440112", enterprise, StandardFacts.RegionTier, "Tier1", "广州属广东省一类地区（示例划分）");
                Record(person, "440112", enterprise, StandardFacts.InsuranceMonths, "120", "广州社会保险缴费证明");
                Record(person, "440112", enterprise, StandardFacts.TalentIntroduced, "true", "人才引进证明");
            }

            await db.SaveChangesAsync(ct);
        }

        var decisions = seed.Services.GetRequiredService<IEntitlementDecisions>();
        if (!await db.Set<StoredDecision>().AnyAsync(d => d.PersonId == DemoData.WorkerPersonId, ct))
        {
            // Decided on a past day, so that the decision page shows a replay of a day gone by.
            await decisions.RecordAsync(DemoData.WorkerPersonId, "440300-rent-subsidy-2020", new DateOnly(2023, 6, 1), "（示例）深人才〔2023〕示例001号", ct);
        }

        if (!await db.Set<StoredSimulation>().AnyAsync(s => s.Id == SimulationId, ct))
        {
            var reform = new Reform([new ReformChange("440300-settling-allowance-2020", ReformKind.Parameter, "amount", "200000")]);
            var result = await seed.Services.GetRequiredService<RegistryRuns>().SimulateAsync("440300", today, reform, null, ct);
            db.Add(new StoredSimulation
            {
                Id = SimulationId,
                RegionCode = "440300",
                Title = "（示例）深圳安家补贴由15万元提高到20万元",
                AsOf = today,
                Reform = PolicyJson.Serialize(reform),
                Result = result.IsValid ? PolicyJson.Serialize(result.Value!) : null,
                Error = result.IsValid ? null : result.Error,
                CreatedAt = now,
                CreatedBy = "演示数据",
            });
            await db.SaveChangesAsync(ct);
        }
    }
}
