using Gongjiang.Core.Reference;
using Gongjiang.Core.Registry;
using Gongjiang.Core.Standards;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Protection;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry;

/// <summary>
/// Demo mode only: a few enterprises and people in 深圳 and 广州 (ids in <see cref="DemoData"/>), with honours and an
/// allowance so that three of them are leading talents. Idempotent.
/// </summary>
internal static class RegistryDemo
{
    public static async Task SeedAsync(GongjiangDbContext db, IdNumberProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!await db.Set<Enterprise>().AnyAsync(e => e.Id == DemoData.ShenzhenEnterpriseId, ct))
        {
            db.Set<Enterprise>().AddRange(
                new Enterprise { Id = DemoData.ShenzhenEnterpriseId, Name = "深圳市鹏城精密制造有限公司", CreditCode = DemoData.CreditCode("440306", "MA5DPC01"), OwnershipType = OwnershipType.Private, RegionCode = "440306", UpdatedAt = now },
                new Enterprise { Id = DemoData.ShenzhenMetroId, Name = "深圳市城市轨道交通运营有限公司", CreditCode = DemoData.CreditCode("440304", "19235001"), OwnershipType = OwnershipType.LocalSoe, RegionCode = "440304", UpdatedAt = now },
                new Enterprise { Id = DemoData.GuangzhouEnterpriseId, Name = "广州羊城机车车辆有限公司", CreditCode = DemoData.CreditCode("440112", "19048802"), OwnershipType = OwnershipType.LocalSoe, RegionCode = "440112", UpdatedAt = now });
            db.Set<Person>().AddRange(
                new Person { Id = DemoData.WorkerPersonId, IdNumberHash = "", IdNumberCipher = "", IdNumberMasked = "", Frontline = true, Occupation = "钳工", Name = "李建华", Sex = Sex.Male, BirthDate = new DateOnly(1978, 5, 12), RegionCode = "440306", EnterpriseId = DemoData.ShenzhenEnterpriseId, Mobile = "13800138000", UpdatedAt = now },
                new Person { Id = DemoData.ShenzhenColleagueId, IdNumberHash = "", IdNumberCipher = "", IdNumberMasked = "", Frontline = true, Occupation = "钳工", Name = "王秀英", Sex = Sex.Female, BirthDate = new DateOnly(1985, 9, 3), RegionCode = "440306", EnterpriseId = DemoData.ShenzhenEnterpriseId, Mobile = "13922223333", UpdatedAt = now },
                new Person { Id = DemoData.ShenzhenMetroPersonId, IdNumberHash = "", IdNumberCipher = "", IdNumberMasked = "", Frontline = true, Occupation = "钳工", Name = "陈志强", Sex = Sex.Male, BirthDate = new DateOnly(1972, 1, 20), RegionCode = "440304", EnterpriseId = DemoData.ShenzhenMetroId, Mobile = "13600001111", UpdatedAt = now },
                new Person { Id = DemoData.GuangzhouPersonId, IdNumberHash = "", IdNumberCipher = "", IdNumberMasked = "", Frontline = true, Occupation = "钳工", Name = "张伟", Sex = Sex.Male, BirthDate = new DateOnly(1969, 11, 8), RegionCode = "440112", EnterpriseId = DemoData.GuangzhouEnterpriseId, Mobile = "13711112222", UpdatedAt = now },
                new Person { Id = DemoData.GuangzhouPerson2Id, IdNumberHash = "", IdNumberCipher = "", IdNumberMasked = "", Frontline = true, Occupation = "钳工", Name = "刘芳", Sex = Sex.Female, BirthDate = new DateOnly(1990, 3, 15), RegionCode = "440112", EnterpriseId = DemoData.GuangzhouEnterpriseId, UpdatedAt = now });
            foreach (var (id, number) in DemoData.DemoIdNumbers)
            {
                var person = db.Set<Person>().Local.Single(p => p.Id == id);
                var parsed = CitizenIdNumber.Parse(number, DateOnly.FromDateTime(now.UtcDateTime), RegionCatalog.Default).GetValueOrThrow();
                person.IdNumberHash = protector.Hash(parsed.Value);
                person.IdNumberCipher = protector.Protect(parsed.Value);
                person.IdNumberMasked = parsed.Masked;
                person.CreatedAt = now;
            }

            db.Set<Person>().Local.Single(p => p.Id == DemoData.ShenzhenMetroPersonId).Occupation = "城市轨道交通列车司机";
            db.Set<Person>().Local.Single(p => p.Id == DemoData.GuangzhouPersonId).Occupation = "铁路机车车辆制修工";
            db.Set<Person>().Local.Single(p => p.Id == DemoData.GuangzhouPerson2Id).Occupation = "电工";
            db.Set<Person>().Local.Single(p => p.Id == DemoData.ShenzhenColleagueId).Occupation = "数控车工";
            db.AddRange(
                new Honor { PersonId = DemoData.WorkerPersonId, RegionCode = "440306", EnterpriseId = DemoData.ShenzhenEnterpriseId, Type = HonorType.NationalTechnicalExpert, Year = 2019, AwardingBody = "人力资源社会保障部", DocumentNumber = "人社部发〔2019〕105号", CreatedAt = now },
                new Honor { PersonId = DemoData.ShenzhenMetroPersonId, RegionCode = "440304", EnterpriseId = DemoData.ShenzhenMetroId, Type = HonorType.NationalMayDayLaborMedal, Year = 2016, AwardingBody = "中华全国总工会", CreatedAt = now },
                new SpecialAllowance { PersonId = DemoData.GuangzhouPersonId, RegionCode = "440112", EnterpriseId = DemoData.GuangzhouEnterpriseId, Level = SpecialAllowanceLevel.StateCouncil, Year = 2018, AwardingBody = "国务院", CreatedAt = now });
            await db.SaveChangesAsync(ct);
            var persons = await db.Set<Person>().ToListAsync(ct);
            await Determination.RecomputeAsync(db, persons, Platform.ChinaTime.Today(clock), ct);
            await db.SaveChangesAsync(ct);
        }
    }
}
