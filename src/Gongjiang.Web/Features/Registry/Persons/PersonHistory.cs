using System.Globalization;
using System.Text.Json;
using Gongjiang.Core.Reference;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Features.Registry.Persons;

/// <summary>A person's registered facts as they stood at the end of a day (China Standard Time).</summary>
public sealed record PersonAsOf(
    DateOnly Date, bool Registered, string? Name, string? EnterpriseName, string? RegionName, string? Occupation, string? MobileMasked, bool? Frontline,
    IReadOnlyList<PersonChange> ChangesSince, IReadOnlyList<PersonChange> AllChanges);

/// <summary>One recorded change of a person's facts: when, by whom, which fields from what to what (mobile numbers masked).</summary>
public sealed record PersonChange(DateTimeOffset At, string ActorName, IReadOnlyList<FieldChange> Fields);

public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>
/// Issue 3 “every change is kept: a person's record can be shown as of any past date”. The person row holds the
/// present; every change to it is in the hash-chained audit log with its before and after values (ADR 0004), so the
/// record on a past date is the present with the later changes undone, newest first. Dated facts (employment,
/// certificates, honours) and the lifecycle are dated themselves and need no undoing.
/// </summary>
public static class PersonHistory
{
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        [nameof(Person.Name)] = "姓名",
        [nameof(Person.EnterpriseId)] = "工作单位",
        [nameof(Person.RegionCode)] = "所在地区",
        [nameof(Person.Occupation)] = "职业（工种）",
        [nameof(Person.Mobile)] = "手机号码",
        [nameof(Person.Frontline)] = "一线岗位",
        [nameof(Person.HighestSkillLevel)] = "最高技能等级",
        [nameof(Person.IsLeadingTalent)] = "高技能领军人才",
        [nameof(Person.BasesSummary)] = "认定依据",
        [nameof(Person.Status)] = "数据库状态",
    };

    /// <summary>The person (already in the actor's scope) as of the end of <paramref name="date"/>; null if not in scope.</summary>
    public static async Task<PersonAsOf?> AsOfAsync(GongjiangDbContext db, Guid personId, DateOnly date, CancellationToken ct)
    {
        var person = await db.Set<Person>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return null;
        }

        var endOfDay = Platform.ChinaTime.EndOf(date);
        var key = personId.ToString();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Person) && a.EntityId == key && a.Action == AuditActions.Update)
            .OrderByDescending(a => a.Sequence)
            .Select(a => new { a.OccurredAtUtc, a.ActorName, a.Before, a.After })
            .ToListAsync(ct);

        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [nameof(Person.Name)] = person.Name,
            [nameof(Person.EnterpriseId)] = person.EnterpriseId?.ToString(),
            [nameof(Person.RegionCode)] = person.RegionCode,
            [nameof(Person.Occupation)] = person.Occupation,
            [nameof(Person.Mobile)] = person.Mobile,
            [nameof(Person.Frontline)] = person.Frontline?.ToString(),
        };

        var changes = new List<PersonChange>();
        foreach (var entry in entries)
        {
            var before = Parse(entry.Before);
            var after = Parse(entry.After);
            if (entry.OccurredAtUtc >= endOfDay)
            {
                foreach (var (field, value) in before)
                {
                    if (values.ContainsKey(field))
                    {
                        values[field] = value;
                    }
                }
            }

            var fields = before.Keys.Union(after.Keys).Where(FieldNames.ContainsKey)
                .Select(f => new FieldChange(FieldNames[f], Show(f, before.GetValueOrDefault(f)), Show(f, after.GetValueOrDefault(f)))).ToList();
            if (fields.Count > 0)
            {
                changes.Add(new PersonChange(entry.OccurredAtUtc, entry.ActorName, fields));
            }
        }

        var registered = person.CreatedAt < endOfDay;
        var enterpriseName = Guid.TryParse(values[nameof(Person.EnterpriseId)], out var enterpriseId)
            ? await db.Unscoped<Enterprise>("人员某日的档案：显示当时的工作单位名称（单位可在其他地区登记）").Where(e => e.Id == enterpriseId).Select(e => e.Name).FirstOrDefaultAsync(ct)
            : null;
        return new PersonAsOf(date, registered,
            registered ? values[nameof(Person.Name)] : null,
            registered ? enterpriseName : null,
            registered && values[nameof(Person.RegionCode)] is { } region ? RegionCatalog.Default.FullName(region) : null,
            registered ? values[nameof(Person.Occupation)] : null,
            registered ? PersonUseCases.MaskMobile(values[nameof(Person.Mobile)]) : null,
            registered && bool.TryParse(values[nameof(Person.Frontline)], out var frontline) ? frontline : null,
            [.. changes.Where(c => c.At >= endOfDay)], changes);
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return result;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            result[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.True => bool.TrueString,
                JsonValueKind.False => bool.FalseString,
                _ => property.Value.GetRawText(),
            };
        }

        return result;
    }

    private static string? Show(string field, string? value) => field switch
    {
        _ when value is null => null,
        nameof(Person.Mobile) => PersonUseCases.MaskMobile(value),
        nameof(Person.RegionCode) => RegionCatalog.Default.FullName(value),
        nameof(Person.Frontline) or nameof(Person.IsLeadingTalent) => bool.TryParse(value, out var b) ? (b ? "是" : "否") : value,
        nameof(Person.HighestSkillLevel) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) && Enum.IsDefined((Gongjiang.Core.Skills.SkillLevel)level)
            ? Gongjiang.Core.Skills.SkillLevels.DisplayName((Gongjiang.Core.Skills.SkillLevel)level) : value,
        nameof(Person.Status) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var status) && Enum.IsDefined((Gongjiang.Core.Registry.TalentStatus)status)
            ? Gongjiang.Core.Registry.TalentStatuses.ChineseName((Gongjiang.Core.Registry.TalentStatus)status) : value,
        _ => value,
    };
}
