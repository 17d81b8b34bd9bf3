using Gongjiang.Core.Access;
using Gongjiang.Core.Reference;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Accounts;

/// <summary>An account as the administration page and API show it.</summary>
public sealed record AccountSummary(
    string Id,
    string UserName,
    string DisplayName,
    string Role,
    string RoleName,
    string RegionCode,
    string RegionName,
    string? DepartmentCode,
    string? DepartmentName,
    Guid? EnterpriseId,
    Guid? PersonId,
    bool IsDisabled,
    bool IsLockedOut,
    bool TwoFactorEnabled);

/// <summary>A person offered by the account page's person picker: the ID number only masked.</summary>
public sealed record PersonChoice(Guid Id, string Name, string IdNumberMasked, string? EnterpriseName, string RegionName);

/// <summary>Input for creating or editing an account (page form and API body).</summary>
public sealed class AccountInput
{
    public string? UserName { get; set; }

    public string? DisplayName { get; set; }

    public string? Role { get; set; }

    public string? RegionCode { get; set; }

    public string? DepartmentCode { get; set; }

    public Guid? EnterpriseId { get; set; }

    public Guid? PersonId { get; set; }

    public string? Password { get; set; }
}

/// <summary>
/// Account administration. Accounts are outside the global query filter (sign-in must find an account before there
/// is an actor), so every query here applies <see cref="Rule"/> — the same jurisdiction predicate — explicitly,
/// and every write checks the target against the administrator's jurisdiction first. See ADR 0004.
/// </summary>
public static class AccountUseCases
{
    public static readonly ScopeRule<AppUser> Rule = new() { Region = u => u.RegionCode };

    public static IQueryable<AppUser> InScope(GongjiangDbContext db) =>
        db.Users.AsNoTracking().WhereInScope(Rule, db.Scope);

    public static async Task<Paged<AccountSummary>> ListAsync(GongjiangDbContext db, string? query, string? role, PageRequest page, TimeProvider clock, CancellationToken ct)
    {
        var users = InScope(db);
        if (!string.IsNullOrWhiteSpace(query))
        {
            var q = query.Trim();
            users = users.Where(u => u.UserName!.Contains(q) || u.DisplayName.Contains(q));
        }

        if (Roles.IsKnown(role))
        {
            users = users.Where(u => u.Role == role);
        }

        var total = await users.CountAsync(ct);
        var rows = await users.OrderBy(u => u.RegionCode).ThenBy(u => u.UserName)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Paged<AccountSummary>(rows.Select(u => ToSummary(u, clock)).ToList(), total, page.Page, page.PageSize);
    }

    public static async Task<AccountSummary?> GetAsync(GongjiangDbContext db, string id, TimeProvider clock, CancellationToken ct)
    {
        var user = await InScope(db).FirstOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? null : ToSummary(user, clock);
    }

    /// <summary>An account as listed; locked out when its lockout ends after now by <paramref name="clock"/> (the DI clock).</summary>
    public static AccountSummary ToSummary(AppUser u, TimeProvider clock) => new(
        u.Id, u.UserName ?? "", u.DisplayName, u.Role, Roles.ChineseName(u.Role), u.RegionCode,
        RegionCatalog.Default.FullName(u.RegionCode), u.DepartmentCode,
        u.DepartmentCode is null ? null : Departments.Find(u.DepartmentCode)?.Name,
        u.EnterpriseId, u.PersonId, u.IsDisabled,
        u.LockoutEnd is { } end && end > clock.GetUtcNow(), u.TwoFactorEnabled);

    /// <summary>Checks the fields common to create and edit; the binding (department, enterprise, person) must fit the role.</summary>
    public static async Task<FieldErrors> ValidateAsync(GongjiangDbContext db, AccountInput input, bool creating, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (creating)
        {
            var name = input.UserName?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                errors.Add("userName", "用户名不能为空");
            }
            else if (name.Length is < 3 or > 32 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                errors.Add("userName", "用户名应为3至32位字母、数字或 - _ . 字符");
            }
        }

        var display = input.DisplayName?.Trim();
        if (string.IsNullOrEmpty(display))
        {
            errors.Add("displayName", "姓名不能为空");
        }
        else if (display.Length > 64)
        {
            errors.Add("displayName", "姓名不能超过64个字符");
        }

        if (!Roles.IsKnown(input.Role))
        {
            errors.Add("role", "请选择角色");
        }

        var jurisdiction = Jurisdiction.Parse(input.RegionCode);
        if (!jurisdiction.IsValid)
        {
            errors.Add("regionCode", jurisdiction.Error!);
        }
        else if (RegionCatalog.Default.Find(jurisdiction.Value.Code) is null)
        {
            errors.Add("regionCode", $"管辖范围“{input.RegionCode}”不是现行的行政区划代码");
        }
        else if (!db.Actor.IsSystem && !db.Actor.Jurisdiction.Contains(jurisdiction.Value))
        {
            errors.Add("regionCode", $"管辖范围“{RegionCatalog.Default.FullName(jurisdiction.Value.Code)}”超出了您的管辖范围（{RegionCatalog.Default.FullName(db.Actor.Jurisdiction.Code)}）");
        }

        switch (input.Role)
        {
            case Roles.DepartmentOfficer:
                if (string.IsNullOrWhiteSpace(input.DepartmentCode))
                {
                    errors.Add("departmentCode", "协办部门经办人必须选择所属部门");
                }
                else if (Departments.Find(input.DepartmentCode) is null)
                {
                    errors.Add("departmentCode", $"部门“{input.DepartmentCode}”不存在");
                }

                break;
            case Roles.Employer:
                if (input.EnterpriseId is not { } enterpriseId)
                {
                    errors.Add("enterpriseId", "用人单位经办人必须指定所属用人单位");
                }
                else if (!await db.Set<Enterprise>().AnyAsync(e => e.Id == enterpriseId, ct))
                {
                    errors.Add("enterpriseId", "所指定的用人单位不存在或不在您的管辖范围内");
                }

                break;
            case Roles.Worker:
                if (input.PersonId is not { } personId)
                {
                    errors.Add("personId", "技术工人账户必须关联本人的人员档案：请在“关联人员”中按姓名或公民身份号码查找并选择");
                }
                else if (!await db.Set<Person>().AnyAsync(p => p.Id == personId, ct))
                {
                    errors.Add("personId", "所指定的人员档案不存在或不在您的管辖范围内");
                }

                break;
            default:
                break;
        }

        if (creating || !string.IsNullOrEmpty(input.Password))
        {
            var problem = ThreeClassPasswordValidator.Check(input.Password, input.UserName);
            if (problem is not null)
            {
                errors.Add("password", problem);
            }
        }

        return errors;
    }

    public static async Task<(AccountSummary? Account, FieldErrors Errors)> CreateAsync(
        GongjiangDbContext db, UserManager<AppUser> users, AccountInput input, TimeProvider clock, CancellationToken ct)
    {
        var errors = await ValidateAsync(db, input, creating: true, ct);
        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        var user = new AppUser
        {
            UserName = input.UserName!.Trim(),
            DisplayName = input.DisplayName!.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        Apply(user, input);
        var result = await users.CreateAsync(user, input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                errors.Add(error.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "", error.Description);
            }

            return (null, errors);
        }

        return (ToSummary(user, clock), errors);
    }

    /// <summary>Edits an account in scope; returns null errors when the account is not found in scope.</summary>
    public static async Task<FieldErrors?> UpdateAsync(GongjiangDbContext db, UserManager<AppUser> users, string id, AccountInput input, CancellationToken ct)
    {
        var user = await db.Users.WhereInScope(Rule, db.Scope).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return null;
        }

        input.UserName = user.UserName;
        var errors = await ValidateAsync(db, input, creating: false, ct);
        if (!errors.IsEmpty)
        {
            return errors;
        }

        user.DisplayName = input.DisplayName!.Trim();
        Apply(user, input);
        var result = await users.UpdateAsync(user);
        if (result.Succeeded && !string.IsNullOrEmpty(input.Password))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            result = await users.ResetPasswordAsync(user, token, input.Password);
            user.MustChangePassword = true;
            await users.UpdateAsync(user);
        }

        foreach (var error in result.Errors)
        {
            errors.Add("password", error.Description);
        }

        // Role and scope live in the sign-in principal: end the account's other sessions so they take effect.
        await users.UpdateSecurityStampAsync(user);
        return errors;
    }

    /// <summary>Disables or enables, or lifts a lockout; all audited as changes of the account row.</summary>
    public static async Task<bool> SetStateAsync(GongjiangDbContext db, UserManager<AppUser> users, string id, bool? disabled, bool unlock, CancellationToken ct)
    {
        var user = await db.Users.WhereInScope(Rule, db.Scope).FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return false;
        }

        if (disabled is { } d)
        {
            user.IsDisabled = d;
        }

        if (unlock)
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
        }

        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return true;
    }

    private static void Apply(AppUser user, AccountInput input)
    {
        user.Role = input.Role!;
        user.RegionCode = input.RegionCode!.Trim();
        user.DepartmentCode = input.Role == Roles.DepartmentOfficer ? input.DepartmentCode : null;
        user.EnterpriseId = input.Role == Roles.Employer ? input.EnterpriseId : null;
        user.PersonId = input.Role == Roles.Worker ? input.PersonId : null;
    }

    /// <summary>How many persons the picker lists at most.</summary>
    public const int PersonChoiceLimit = 20;

    /// <summary>
    /// The person picker of a 技术工人 account: persons in the administrator's scope (the context's filter) whose name
    /// contains the text, or whose ID number is the text (matched by its keyed hash, shown masked; an 18-character number
    /// only), at most <see cref="PersonChoiceLimit"/>, by name.
    /// </summary>
    public static async Task<IReadOnlyList<PersonChoice>> FindPersonsAsync(
        GongjiangDbContext db, Registry.Protection.IdNumberProtector protector, string? text, DateOnly today, CancellationToken ct)
    {
        var q = text?.Trim();
        if (string.IsNullOrEmpty(q) || q.Length > 64)
        {
            return [];
        }

        var persons = db.Set<Person>().AsNoTracking();
        var id = Gongjiang.Core.Standards.CitizenIdNumber.Parse(q, today, RegionCatalog.Default);
        if (id.IsValid)
        {
            var hash = protector.Hash(id.Value!.Value);
            persons = persons.Where(p => p.IdNumberHash == hash);
        }
        else
        {
            var pattern = "%" + Registry.Persons.PersonUseCases.LikeEscape(q) + "%";
            persons = persons.Where(p => EF.Functions.Like(p.Name, pattern, "\\"));
        }

        var rows = await persons.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(PersonChoiceLimit)
            .Select(p => new { p.Id, p.Name, p.IdNumberMasked, p.RegionCode, Enterprise = db.Set<Enterprise>().Where(e => e.Id == p.EnterpriseId).Select(e => e.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return [.. rows.Select(r => new PersonChoice(r.Id, r.Name, r.IdNumberMasked, r.Enterprise, RegionCatalog.Default.FullName(r.RegionCode)))];
    }

    /// <summary>The person an account is bound to, as the picker shows it; null when not found in scope.</summary>
    public static async Task<PersonChoice?> PersonChoiceAsync(GongjiangDbContext db, Guid? personId, CancellationToken ct)
    {
        if (personId is not { } id)
        {
            return null;
        }

        var row = await db.Set<Person>().AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Name, p.IdNumberMasked, p.RegionCode, Enterprise = db.Set<Enterprise>().Where(e => e.Id == p.EnterpriseId).Select(e => e.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new PersonChoice(row.Id, row.Name, row.IdNumberMasked, row.Enterprise, RegionCatalog.Default.FullName(row.RegionCode));
    }

    /// <summary>An audited record of who looked at the account list export.</summary>
    public static AuditEvent ExportEvent(int count) => new(AuditActions.Export, nameof(AppUser), null, Detail: $"导出账户清单 {count} 条");
}
