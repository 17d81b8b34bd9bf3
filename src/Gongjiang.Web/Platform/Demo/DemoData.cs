using Gongjiang.Core.Reference;
using Gongjiang.Core.Standards;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Modules;
using Microsoft.AspNetCore.Identity;

namespace Gongjiang.Web.Platform.Demo;

/// <summary>A demo account as printed at start.</summary>
public sealed record DemoAccount(string UserName, string Role, string RegionCode, string Description);

/// <summary>
/// Demo mode only: the well-known ids of the demo records every module's demo data refers to, and one account per
/// role. Idempotent: an existing demo account is left as it is. Outside demo mode nothing here runs and there are no
/// default accounts. Each module seeds its own demo data (<see cref="Modules.IModule.SeedDemoAsync"/>).
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

    private static readonly DemoAccount[] PlatformAccounts =
    [
        new("admin", Roles.Administrator, "000000", "系统管理员，全国"),
        new("supervisor", Roles.Supervisor, "440000", "督查人员，广东省"),
        new("clerk", Roles.Clerk, "440300", "窗口经办人，深圳市"),
        new("clerk2", Roles.Clerk, "440100", "窗口经办人，广州市"),
        new("reviewer", Roles.Clerk, "440300", "窗口经办人（复核），深圳市"),
        new("dept", Roles.DepartmentOfficer, "440300", "协办部门经办人，住房城乡建设，深圳市"),
        new("dept-edu", Roles.DepartmentOfficer, "440300", "协办部门经办人，教育，深圳市"),
        new("dept-police", Roles.DepartmentOfficer, "440300", "协办部门经办人，公安，深圳市"),
        new("dept-hrss", Roles.DepartmentOfficer, "440300", "协办部门经办人，人社就业服务，深圳市"),
        new("employer", Roles.Employer, "440300", "用人单位经办人，深圳市鹏城精密制造有限公司"),
        new("worker", Roles.Worker, "440300", "技术工人，李建华（深圳）"),
        new("sasac", Roles.DepartmentOfficer, "440300", "协办部门经办人，国资，深圳市（工资整改）"),
        new("soe", Roles.Employer, "440300", "用人单位经办人，深圳市城市轨道交通运营有限公司（地方国有企业）"),
    ];

    /// <summary>Every demo account: the platform's one per role, then those the modules add (<see cref="IModule.DemoAccounts"/>).</summary>
    public static IReadOnlyList<DemoAccount> Accounts { get; } =
        [.. PlatformAccounts, .. ModuleCatalog.All.SelectMany(module => module.DemoAccounts)];

    /// <summary>One account per role (the registry's demo persons and enterprise must exist: see the registry module).</summary>
    public static async Task SeedAccountsAsync(GongjiangDbContext db, UserManager<AppUser> users, string password, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        foreach (var account in PlatformAccounts)
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
                    "dept-edu" => "深圳教育陈静",
                    "dept-police" => "深圳公安刘强",
                    "dept-hrss" => "深圳人社就业服务何芳",
                    "employer" => "鹏城精密人事孙丽",
                    "sasac" => "深圳国资何军",
                    "soe" => "深圳地铁人事赵倩",
                    _ => "李建华",
                },
                Role = account.Role,
                RegionCode = account.RegionCode,
                DepartmentCode = account.Role != Roles.DepartmentOfficer ? null : account.UserName switch
                {
                    "sasac" => Departments.Sasac.Code,
                    "dept-edu" => Departments.Education.Code,
                    "dept-police" => Departments.PublicSecurity.Code,
                    "dept-hrss" => Departments.Hrss.Code,
                    _ => Departments.Housing.Code,
                },
                EnterpriseId = account.Role == Roles.Employer ? (account.UserName == "soe" ? ShenzhenMetroId : ShenzhenEnterpriseId) : null,
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
