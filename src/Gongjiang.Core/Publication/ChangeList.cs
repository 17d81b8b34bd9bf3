namespace Gongjiang.Core.Publication;

/// <summary>What happened to an entry since the jurisdiction's previous publication.</summary>
public enum EntryChange
{
    /// <summary>新增: not in the previous publication; goes through the 公示期.</summary>
    Added = 1,
    /// <summary>变更: in both, with different published facts.</summary>
    Changed = 2,
    /// <summary>未变: in both, same facts.</summary>
    Unchanged = 3,
    /// <summary>移出: in the previous publication, no longer in the database.</summary>
    Removed = 4,
}

/// <summary>
/// The facts of one leading talent that a publication shows. Only what the public list may show (notice 三:
/// “向各部门和社会公布”; GB/T 35273 minimisation): no ID number, birth date or phone number.
/// </summary>
public sealed record PublishedFacts(
    Guid PersonId,
    string Name,
    string Sex,
    string Employer,
    string Occupation,
    string SkillLevel,
    string RegionCode,
    string Bases,
    bool? Frontline);

/// <summary>One line of a change list: the current facts (or, for 移出, the last published ones) and what changed.</summary>
public sealed record ChangeLine(EntryChange Change, PublishedFacts Facts, IReadOnlyList<string> ChangedFields);

/// <summary>Compares a jurisdiction's current leading talents with its previous publication (新增 / 变更 / 移出).</summary>
public static class ChangeList
{
    /// <summary>Lines ordered: additions, changes, unchanged, removals; each by region then name.</summary>
    public static IReadOnlyList<ChangeLine> Compute(IEnumerable<PublishedFacts> previous, IEnumerable<PublishedFacts> current)
    {
        var before = previous.ToDictionary(f => f.PersonId);
        var lines = new List<ChangeLine>();
        var seen = new HashSet<Guid>();
        foreach (var now in current)
        {
            if (!seen.Add(now.PersonId))
            {
                throw new ArgumentException("同一人员在本期名单中出现两次", nameof(current));
            }

            if (!before.TryGetValue(now.PersonId, out var was))
            {
                lines.Add(new ChangeLine(EntryChange.Added, now, []));
                continue;
            }

            var changed = Differences(was, now);
            lines.Add(new ChangeLine(changed.Count == 0 ? EntryChange.Unchanged : EntryChange.Changed, now, changed));
        }

        lines.AddRange(before.Values.Where(f => !seen.Contains(f.PersonId)).Select(f => new ChangeLine(EntryChange.Removed, f, [])));
        return [.. lines.OrderBy(l => l.Change).ThenBy(l => l.Facts.RegionCode, StringComparer.Ordinal).ThenBy(l => l.Facts.Name, StringComparer.Ordinal)];
    }

    /// <summary>The Chinese names of the published fields that differ.</summary>
    public static IReadOnlyList<string> Differences(PublishedFacts was, PublishedFacts now)
    {
        var fields = new List<string>();
        void Compare(string name, string? a, string? b)
        {
            if (!string.Equals(a ?? "", b ?? "", StringComparison.Ordinal))
            {
                fields.Add(name);
            }
        }

        Compare("姓名", was.Name, now.Name);
        Compare("性别", was.Sex, now.Sex);
        Compare("工作单位", was.Employer, now.Employer);
        Compare("职业（工种）", was.Occupation, now.Occupation);
        Compare("技能等级", was.SkillLevel, now.SkillLevel);
        Compare("地区", was.RegionCode, now.RegionCode);
        Compare("认定依据", was.Bases, now.Bases);
        if (was.Frontline != now.Frontline)
        {
            fields.Add("一线岗位");
        }

        return fields;
    }

    public static string ChineseName(EntryChange change) => change switch
    {
        EntryChange.Added => "新增",
        EntryChange.Changed => "变更",
        EntryChange.Unchanged => "未变",
        _ => "移出",
    };
}
