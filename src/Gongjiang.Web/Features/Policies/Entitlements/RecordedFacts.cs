using Gongjiang.Core.Policies;
using Gongjiang.Web.Features.Policies.Catalogue;
using Gongjiang.Web.Features.Policies.Data;
using Gongjiang.Web.Features.Policies.Engine;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Policies.Entitlements;

/// <summary>
/// Facts a window clerk records for a person (with the evidence seen), for facts no module supplies yet — 是否引进人才,
/// 社会保险缴费月数, 自有住房… — until the module that holds them exists. Audited like every write; a later record of the
/// same fact replaces it from its own date on, so past days keep the value they had.
/// </summary>
public sealed class RecordedFacts(GongjiangDbContext db, PolicyFacts facts, IRegistryPersons persons, TimeProvider clock)
{
    public async Task<FieldErrors?> RecordAsync(Guid personId, string? factName, string? value, string? validFrom, string? note, CancellationToken ct)
    {
        var person = await persons.FindAsync(personId, ct);
        if (person is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        if (!db.Actor.IsSystem && !db.Actor.Can(PolicyPermissions.Decide))
        {
            errors.Add("factName", "您的角色不能登记人员事实");
            return errors;
        }

        var fact = facts.Registry.Find(factName?.Trim());
        if (fact is null || !facts.IsRecordable(fact.Name))
        {
            errors.Add("factName", fact is null ? "请选择要登记的事实" : $"“{fact.Label}”由{facts.ProviderOf(fact.Name)}提供，不能手工登记");
        }

        var from = ItemInput.ParseDate(validFrom, "validFrom", "起始日期", errors, required: true);
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (fact is not null && from is not null && text is not null)
        {
            var parsed = FactSet.Parse(facts.Registry, from.Value, [new(fact.Name, text)]);
            if (!parsed.IsValid)
            {
                errors.Add("value", parsed.Error!);
            }
            else
            {
                text = parsed.Value!.ToCanonical(fact.Name);
            }
        }

        if (note is { Length: > 500 })
        {
            errors.Add("note", "依据说明不能超过500个字符");
        }

        if (!errors.IsEmpty)
        {
            return errors;
        }

        db.Add(new RecordedFact
        {
            PersonId = person.Id,
            RegionCode = person.RegionCode,
            EnterpriseId = person.EnterpriseId,
            FactName = fact!.Name,
            Value = text,
            ValidFrom = from!.Value,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            RecordedAt = clock.GetUtcNow(),
            RecordedBy = db.Actor.UserName,
        });
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>Every recorded fact of the person, newest first.</summary>
    public async Task<IReadOnlyList<RecordedFact>> OfAsync(Guid personId, CancellationToken ct) =>
        await db.Set<RecordedFact>().AsNoTracking().Where(f => f.PersonId == personId)
            .OrderByDescending(f => f.Id).ToListAsync(ct);
}
