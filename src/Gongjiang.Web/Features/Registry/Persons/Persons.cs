using Gongjiang.Core.Reference;
using Gongjiang.Core.Standards;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry.Persons;

/// <summary>A person as listed: personal data that is not needed for the list is left out or masked.</summary>
public sealed record PersonSummary(Guid Id, string Name, string Sex, string RegionCode, string RegionName, string? EnterpriseName, string? MobileMasked);

/// <summary>A person as shown on their own page to those in scope.</summary>
public sealed record PersonDetail(Guid Id, string Name, string Sex, DateOnly BirthDate, string RegionCode, string RegionName, Guid? EnterpriseId, string? EnterpriseName, string? MobileMasked, DateTimeOffset UpdatedAt);

/// <summary>The editable fields of a person (a use-case input; the page and the API post the same).</summary>
public sealed class UpdatePersonRequest
{
    public string? Name { get; set; }

    public string? Mobile { get; set; }
}

/// <summary>Registry reads and writes for persons. Every query goes through the context's scope filter.</summary>
public static class PersonUseCases
{
    public static async Task<Paged<PersonSummary>> SearchAsync(GongjiangDbContext db, string? query, PageRequest page, CancellationToken ct)
    {
        var persons = db.Set<Person>().AsNoTracking();
        var text = query?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            persons = persons.Where(p => p.Name.Contains(text));
        }

        var total = await persons.CountAsync(ct);
        var rows = await persons
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Sex,
                p.RegionCode,
                p.Mobile,
                Enterprise = db.Set<Enterprise>().Where(e => e.Id == p.EnterpriseId).Select(e => e.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var regions = RegionCatalog.Default;
        var items = rows.Select(r => new PersonSummary(r.Id, r.Name, SexNames.ToChinese(r.Sex), r.RegionCode,
            regions.FullName(r.RegionCode), r.Enterprise, MaskMobile(r.Mobile))).ToList();
        return new Paged<PersonSummary>(items, total, page.Page, page.PageSize);
    }

    public static async Task<PersonDetail?> GetAsync(GongjiangDbContext db, Guid id, CancellationToken ct)
    {
        var row = await db.Set<Person>().AsNoTracking().Where(p => p.Id == id)
            .Select(p => new
            {
                Person = p,
                Enterprise = db.Set<Enterprise>().Where(e => e.Id == p.EnterpriseId).Select(e => e.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var p = row.Person;
        return new PersonDetail(p.Id, p.Name, SexNames.ToChinese(p.Sex), p.BirthDate, p.RegionCode,
            RegionCatalog.Default.FullName(p.RegionCode), p.EnterpriseId, row.Enterprise, MaskMobile(p.Mobile), p.UpdatedAt);
    }

    /// <summary>Validates and applies an edit. Returns null when the person is not found in scope.</summary>
    public static async Task<FieldErrors?> UpdateAsync(GongjiangDbContext db, Guid id, UpdatePersonRequest request, TimeProvider clock, CancellationToken ct)
    {
        var person = await db.Set<Person>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", "姓名不能为空");
        }
        else if (name.Length > 64)
        {
            errors.Add("name", "姓名不能超过64个字符");
        }
        else if (name.Any(c => char.IsControl(c) || c is '<' or '>'))
        {
            errors.Add("name", "姓名含有不允许的字符");
        }

        string? mobile = null;
        if (!string.IsNullOrWhiteSpace(request.Mobile))
        {
            var parsed = MobileNumber.Parse(request.Mobile);
            if (parsed.IsValid)
            {
                mobile = parsed.Value!.Value;
            }
            else
            {
                errors.Add("mobile", parsed.Error!);
            }
        }

        if (!errors.IsEmpty)
        {
            return errors;
        }

        person.Name = name!;
        person.Mobile = mobile;
        person.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public static string? MaskMobile(string? mobile) =>
        mobile is null ? null : MobileNumber.Parse(mobile) is { IsValid: true } m ? m.Value!.Masked : "***";
}
