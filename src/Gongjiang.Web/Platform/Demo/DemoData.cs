using Gongjiang.Core.Reference;
using Gongjiang.Core.Registry;
using Gongjiang.Core.Standards;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Protection;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Platform.Demo;

/// <summary>A demo account as printed at start.</summary>
public sealed record DemoAccount(string UserName, string Role, string RegionCode, string Description);

/// <summary>
/// Demo mode only: a few enterprises and people in 深圳 and 广州, and one account per role. Idempotent: an existing
/// demo account is left as it is. Outside demo mode nothing here runs and there are no default accounts.
/// </summary>
internal static class DemoData
{
    public static readonly Guid ShenzhenEnterpriseId = Guid.Parse("0193a000-0000-7000-8000-000000000101");
    public static readonly Guid ShenzhenMetroId = Guid.Parse("0193a000-0000-7000-8000-000000000102");
    public static readonly Guid GuangzhouEnterpriseId = Guid.Parse("0193a000-0000-7000-8000-000000000201");
    public static readonly Guid WorkerPersonId = Guid.Parse("0193a000-0000-7000-8000-000000001001");
    public static readonly Guid ShenzhenColleagueId = Guid.Parse("0193a000-0000-7000-8000-000000001002");
    public static readonly Guid ShenzhenMetroPersonId = Guid.Parse("0193a000-0000-7000-8000-000000001003");
    public static readonly Guid GuangzhouPersonId = Guid.Parse("0193a000-0000-7000-8000-000000002001");
    public static readonly Guid GuangzhouPerson2Id = Guid.Parse("0193a000-0000-7000-8000-000000002002");

    private static readonly (Guid Id, string Body)[] DemoIdBodies =
    [
        (WorkerPersonId, "44030619780512321"),
        (ShenzhenColleagueId, "44030619850903242"),
        (ShenzhenMetroPersonId, "44030419720120117"),
        (GuangzhouPersonId, "44011219691108035"),
        (GuangzhouPerson2Id, "44011219900315068"),
    ];

    /// <summary>Valid (synthetic) GB 11643 numbers for the demo persons.</summary>
    public static IEnumerable<(Guid Id, string Number)> DemoIdNumbers =>
        DemoIdBodies.Select(b => (b.Id, b.Body + CitizenIdNumber.ComputeCheckCharacter(b.Body)));

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("admin", Roles.Administrator, "000000", "系统管理员，全国"),
        new("supervisor", Roles.Supervisor, "440000", "督查人员，广东省"),
        new("clerk", Roles.Clerk, "440300", "窗口经办人，深圳市"),
        new("clerk2", Roles.Clerk, "440100", "窗口经办人，广州市"),
        new("reviewer", Roles.Clerk, "440300", "窗口经办人（复核），深圳市"),
        new("dept", Roles.DepartmentOfficer, "440300", "协办部门经办人，住房城乡建设，深圳市"),
        new("employer", Roles.Employer, "440300", "用人单位经办人，深圳市鹏城精密制造有限公司"),
        new("worker", Roles.Worker, "440300", "技术工人，李建华（深圳）"),
    ];

    public static async Task SeedAsync(GongjiangDbContext db, UserManager<AppUser> users, IdNumberProtector protector, string password, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!await db.Set<Enterprise>().IgnoreQueryFilters().AnyAsync(e => e.Id == ShenzhenEnterpriseId, ct))
        {
            db.Set<Enterprise>().AddRange(
                new Enterprise { Id = ShenzhenEnterpriseId, Name = "深圳市鹏城精密制造有限公司", CreditCode = CreditCode("440306", "MA5DPC01"), OwnershipType = OwnershipType.Private, RegionCode = "440306", UpdatedAt = now },
                new Enterprise { Id = ShenzhenMetroId, Name = "深圳市城市轨道交通运营有限公司", CreditCode = CreditCode("440304", "19235001"), OwnershipType = OwnershipType.LocalSoe, RegionCode = "440304", UpdatedAt = now },
                new Enterprise { Id = GuangzhouEnterpriseId, Name = "广州羊城机车车辆有限公司", CreditCode = CreditCode("440112", "19048802"), OwnershipType = OwnershipType.LocalSoe, RegionCode = "440112", UpdatedAt = now });
            db.Set<Person>().AddRange(
                new Person { Id = WorkerPersonId, IdNumberHash = "", IdNumberCipher = "", IdNumberMasked = "", Frontline = true, Occupation = "钳工", Name = "李建华", Sex = Sex.Male, BirthDate = new DateOnly(1978, 5, 12), RegionCode = "440306", EnterpriseId = ShenzhenEnterpriseId, Mobile = "13800138000", UpdatedAt = now },
                new Person { Id = ShenzhenColleagueId, IdNumberHash = "", IdNumberCipher = "", IdNumberMasked = "", Frontline = true, Occupation = "钳工", Name = "王秀英", Sex = Sex.Female, BirthDate = new DateOnly(1985, 9, 3), RegionCode = "440306", EnterpriseId = ShenzhenEnterpriseId, Mobile = "13922223333", UpdatedAt = now },
                new Person { Id = ShenzhenMetroPersonId, IdNumberHash = "", IdNumberCipher = "", IdNumberMasked = "", Frontline = true, Occupation = "钳工", Name = "陈志强", Sex = Sex.Male, BirthDate = new DateOnly(1972, 1, 20), RegionCode = "440304", EnterpriseId = ShenzhenMetroId, Mobile = "13600001111", UpdatedAt = now },
                new Person { Id = GuangzhouPersonId, IdNumberHash = "", IdNumberCipher = "", IdNumberMasked = "", Frontline = true, Occupation = "钳工", Name = "张伟", Sex = Sex.Male, BirthDate = new DateOnly(1969, 11, 8), RegionCode = "440112", EnterpriseId = GuangzhouEnterpriseId, Mobile = "13711112222", UpdatedAt = now },
                new Person { Id = GuangzhouPerson2Id, IdNumberHash = "", IdNumberCipher = "", IdNumberMasked = "", Frontline = true, Occupation = "钳工", Name = "刘芳", Sex = Sex.Female, BirthDate = new DateOnly(1990, 3, 15), RegionCode = "440112", EnterpriseId = GuangzhouEnterpriseId, UpdatedAt = now });
            foreach (var (id, number) in DemoIdNumbers)
            {
                var person = db.Set<Person>().Local.Single(p => p.Id == id);
                var parsed = CitizenIdNumber.Parse(number, DateOnly.FromDateTime(now.UtcDateTime), RegionCatalog.Default).GetValueOrThrow();
                person.IdNumberHash = protector.Hash(parsed.Value);
                person.IdNumberCipher = protector.Protect(parsed.Value);
                person.IdNumberMasked = parsed.Masked;
                person.CreatedAt = now;
            }

            db.Set<Person>().Local.Single(p => p.Id == ShenzhenMetroPersonId).Occupation = "城市轨道交通列车司机";
            db.Set<Person>().Local.Single(p => p.Id == GuangzhouPersonId).Occupation = "铁路机车车辆制修工";
            db.Set<Person>().Local.Single(p => p.Id == GuangzhouPerson2Id).Occupation = "电工";
            db.Set<Person>().Local.Single(p => p.Id == ShenzhenColleagueId).Occupation = "数控车工";
            db.AddRange(
                new Honor { PersonId = WorkerPersonId, RegionCode = "440306", EnterpriseId = ShenzhenEnterpriseId, Type = HonorType.NationalTechnicalExpert, Year = 2019, AwardingBody = "人力资源社会保障部", DocumentNumber = "人社部发〔2019〕105号", CreatedAt = now },
                new Honor { PersonId = ShenzhenMetroPersonId, RegionCode = "440304", EnterpriseId = ShenzhenMetroId, Type = HonorType.NationalMayDayLaborMedal, Year = 2016, AwardingBody = "中华全国总工会", CreatedAt = now },
                new SpecialAllowance { PersonId = GuangzhouPersonId, RegionCode = "440112", EnterpriseId = GuangzhouEnterpriseId, Level = SpecialAllowanceLevel.StateCouncil, Year = 2018, AwardingBody = "国务院", CreatedAt = now });
            await db.SaveChangesAsync(ct);
            var persons = await db.Set<Person>().IgnoreQueryFilters().ToListAsync(ct);
            await Gongjiang.Web.Features.Registry.Determination.RecomputeAsync(db, persons, DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime), ct);
            await db.SaveChangesAsync(ct);
        }

        foreach (var account in Accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            var user = new AppUser
            {
                UserName = account.UserName,
                DisplayName = account.UserName switch
                {
                    "admin" => "系统管理员",
                    "supervisor" => "督查员黄明",
                    "clerk" => "深圳窗口周敏",
                    "clerk2" => "广州窗口吴婷",
                    "reviewer" => "深圳窗口复核林涛",
                    "dept" => "深圳住建郑磊",
                    "employer" => "鹏城精密人事孙丽",
                    _ => "李建华",
                },
                Role = account.Role,
                RegionCode = account.RegionCode,
                DepartmentCode = account.Role == Roles.DepartmentOfficer ? Departments.Housing.Code : null,
                EnterpriseId = account.Role == Roles.Employer ? ShenzhenEnterpriseId : null,
                PersonId = account.Role == Roles.Worker ? WorkerPersonId : null,
                CreatedAt = now,
            };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("演示账户创建失败：" + string.Join("；", result.Errors.Select(e => e.Description)) +
                    "（请检查 Demo:Password 是否符合密码规则：至少8位，含大写字母、小写字母、数字、特殊字符中的至少三类）");
            }
        }
    }

    /// <summary>A valid GB 32100 code for a 市场监管-registered enterprise (91…) in the region.</summary>
    public static string CreditCode(string regionCode, string organizationBody)
    {
        var organization = organizationBody + UnifiedSocialCreditCode.ComputeOrganizationCodeCheck(organizationBody);
        var first17 = "91" + regionCode + organization;
        return first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);
    }
}
