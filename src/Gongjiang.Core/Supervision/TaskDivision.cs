using Gongjiang.Core.Common;
using Gongjiang.Core.Reference;
using static Gongjiang.Core.Supervision.SupervisionText;

namespace Gongjiang.Core.Supervision;

/// <summary>
/// A unit that leads or takes part in carrying out a measure: one of <see cref="Departments"/> (with its code) or a body the
/// policy names that is not a government department (企业, 行业协会, 行业主管部门…), kept by its name.
/// </summary>
/// <param name="DepartmentCode">The <see cref="Department.Code"/>; null for a named body.</param>
/// <param name="Name">The department's <see cref="Department.Name"/>, or the body's name as the policy words it.</param>
public sealed record Participant(string? DepartmentCode, string Name)
{
    /// <summary>Whether this is one of <see cref="Departments.All"/>.</summary>
    public bool IsDepartment => DepartmentCode is not null;

    /// <summary>A department of <see cref="Departments"/>.</summary>
    public static Participant Of(Department department)
    {
        ArgumentNullException.ThrowIfNull(department);
        return new(department.Code, department.Name);
    }

    /// <summary>A body that is not a department (企业, 行业协会…).</summary>
    public static Participant Named(string name) => new(null, name.Trim());
}

/// <summary>
/// 任务分工 of one measure at one level of government: who leads (牵头) and who takes part (参与). Notice 二: “细化《意见》
/// 任务分工和工作目标”; every measure is led by 人力资源社会保障 (“16条政策措施，均明确由人力资源社会保障部为牵头（或联合牵头）
/// 单位”), at every level (“各级人力资源社会保障部门要发挥牵头作用”).
/// </summary>
/// <remarks>Invariant (checked by <see cref="TaskDivision.Validate"/>): a known measure, at least one lead, no unit twice.</remarks>
public sealed record MeasureAssignment(string MeasureCode, GovernmentLevel Level, IReadOnlyList<Participant> Leads, IReadOnlyList<Participant> Participants);

/// <summary>
/// The division of tasks (任务分工) for every measure and level of government, as data. <see cref="FromCatalog"/> derives
/// the default from the policy: 人力资源社会保障 leads every measure at every level (notice 二), and the departments and bodies
/// each measure names take part (mapped to <see cref="Departments"/> where they are departments, kept by name where not).
/// Supervisors edit it with <see cref="With"/>; each edit is validated and <see cref="Describe"/> words it for the history.
/// </summary>
/// <remarks>
/// The policy says some measures are 联合牵头 but not which or with whom; the default has 人社 as the only lead and the
/// joint leads are for supervisors to add. The default is the same at the four levels.
/// </remarks>
public sealed class TaskDivision
{
    /// <summary>Longest name accepted for a named body.</summary>
    public const int MaximumNameLength = 30;

    /// <summary>The name kept for “等群团组织” in “工会等群团组织” (三(二)): the other mass organisations.</summary>
    internal const string OtherMassOrganisations = "其他群团组织";

    private static readonly Lazy<TaskDivision> LazyDefault = new(() => FromCatalog(MeasureCatalog.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<(string Measure, GovernmentLevel Level), MeasureAssignment> assignments;
    private readonly MeasureCatalog catalog;

    private TaskDivision(MeasureCatalog catalog, Dictionary<(string, GovernmentLevel), MeasureAssignment> assignments)
    {
        this.catalog = catalog;
        this.assignments = assignments;
    }

    /// <summary>The default division for the 16 measures of <see cref="MeasureCatalog.Default"/>.</summary>
    public static TaskDivision Default => LazyDefault.Value;

    /// <summary>Every assignment, measure by measure in policy order, levels from the ministry down.</summary>
    public IReadOnlyList<MeasureAssignment> All =>
        [.. catalog.All.SelectMany(m => Enum.GetValues<GovernmentLevel>().Select(level => assignments[(m.Code, level)]))];

    /// <summary>The default division derived from the measures' named departments.</summary>
    public static TaskDivision FromCatalog(MeasureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var lead = Participant.Of(Departments.Hrss);
        var map = new Dictionary<(string, GovernmentLevel), MeasureAssignment>();
        foreach (var measure in catalog.All)
        {
            var participants = MapNamedDepartments(measure.NamedDepartments).Where(p => p != lead).ToArray();
            foreach (var level in Enum.GetValues<GovernmentLevel>())
            {
                map.Add((measure.Code, level), new MeasureAssignment(measure.Code, level, [lead], participants));
            }
        }

        return new TaskDivision(catalog, map);
    }

    /// <summary>
    /// The division as stored: the default of <paramref name="catalog"/> with each of <paramref name="stored"/> (the
    /// supervisors' edits, the latest per measure and level) in place of its default; refused with every reason when one
    /// is invalid or a measure and level is given twice.
    /// </summary>
    public static Result<TaskDivision> FromAssignments(MeasureCatalog catalog, IEnumerable<MeasureAssignment> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var division = FromCatalog(catalog);
        var map = new Dictionary<(string, GovernmentLevel), MeasureAssignment>(division.assignments);
        var given = new HashSet<(string, GovernmentLevel)>();
        var errors = new List<string>();
        foreach (var assignment in stored)
        {
            var valid = Validate(assignment, catalog);
            if (!valid.IsValid)
            {
                errors.AddRange(valid.Reasons);
                continue;
            }

            var key = (valid.Value!.MeasureCode, valid.Value.Level);
            if (!given.Add(key))
            {
                errors.Add(Invariant($"{catalog.Find(key.MeasureCode)!.DisplayCode}{GovernmentLevels.ChineseName(key.Level)}的任务分工重复"));
                continue;
            }

            map[key] = valid.Value;
        }

        return errors.Count > 0 ? Result<TaskDivision>.Fail(errors) : Result<TaskDivision>.Ok(new TaskDivision(catalog, map));
    }

    /// <summary>
    /// The units the policy's wording names, in order and without repeats: a department's <see cref="Department.Name"/> or
    /// <see cref="Department.ShortName"/> maps to it (“人力资源社会保障”, “国资”, “共青团”); “X等群团组织” maps to X and
    /// <see cref="OtherMassOrganisations"/>; anything else (企业, 行业协会, 行业主管部门, 知识产权, 宣传) is kept by its name.
    /// </summary>
    public static IReadOnlyList<Participant> MapNamedDepartments(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var result = new List<Participant>();
        foreach (var raw in names)
        {
            var name = raw.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            const string MassOrganisations = "等群团组织";
            if (name.EndsWith(MassOrganisations, StringComparison.Ordinal) && name.Length > MassOrganisations.Length)
            {
                AddOnce(result, ToParticipant(name[..^MassOrganisations.Length]));
                AddOnce(result, Participant.Named(OtherMassOrganisations));
                continue;
            }

            AddOnce(result, ToParticipant(name));
        }

        return result;
    }

    /// <summary>The assignment of a measure at a level.</summary>
    /// <exception cref="ArgumentException">The measure is not in the catalogue.</exception>
    public MeasureAssignment For(string measureCode, GovernmentLevel level) =>
        assignments.TryGetValue((measureCode, level), out var assignment)
            ? assignment
            : throw new ArgumentException(Invariant($"Measure '{measureCode}' is not in the catalogue."), nameof(measureCode));

    /// <summary>The division with <paramref name="changed"/> in place of the current assignment of its measure and level, or why not.</summary>
    public Result<TaskDivision> With(MeasureAssignment changed)
    {
        var valid = Validate(changed, catalog);
        if (!valid.IsValid)
        {
            return Result<TaskDivision>.Fail(valid.Reasons);
        }

        var copy = new Dictionary<(string, GovernmentLevel), MeasureAssignment>(assignments)
        {
            [(valid.Value!.MeasureCode, valid.Value.Level)] = valid.Value,
        };
        return Result<TaskDivision>.Ok(new TaskDivision(catalog, copy));
    }

    /// <summary>
    /// Checks an edited assignment: a known measure, at least one lead (牵头单位), every department code known, every named
    /// body named (at most <see cref="MaximumNameLength"/> characters, not the name of a listed department), no unit listed
    /// twice. Returns the assignment with names trimmed and department names taken from <see cref="Departments"/>.
    /// </summary>
    public static Result<MeasureAssignment> Validate(MeasureAssignment assignment, MeasureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<string>();
        if (!catalog.Contains(assignment.MeasureCode))
        {
            errors.Add(catalog.Parse(assignment.MeasureCode).Error ?? "政策措施不存在");
        }

        if (!Enum.IsDefined(assignment.Level))
        {
            errors.Add("行政层级无效");
        }

        var leads = Clean(assignment.Leads ?? [], "牵头单位", errors);
        var participants = Clean(assignment.Participants ?? [], "参与单位", errors);
        if (leads.Count == 0)
        {
            errors.Add("牵头单位不能为空，至少须有一个牵头单位（人社部发〔2018〕24号 二：各级人力资源社会保障部门要发挥牵头作用）");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in leads.Concat(participants))
        {
            if (!seen.Add(unit.Name))
            {
                errors.Add(Invariant($"“{unit.Name}”重复列出（同一单位只能是牵头单位或参与单位之一，且只列一次）"));
            }
        }

        return errors.Count > 0
            ? Result<MeasureAssignment>.Fail(errors)
            : Result<MeasureAssignment>.Ok(assignment with { Leads = leads, Participants = participants });
    }

    /// <summary>
    /// What changed between two assignments of the same measure and level, one Chinese line per change (for the 任务分工
    /// history): “三（二）省级：新增牵头单位 工会”, “… 移除参与单位 企业”. Empty when nothing changed.
    /// </summary>
    public static IReadOnlyList<string> Describe(MeasureAssignment before, MeasureAssignment after, MeasureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(catalog);
        var prefix = (catalog.Find(after.MeasureCode)?.DisplayCode ?? after.MeasureCode) + GovernmentLevels.ChineseName(after.Level) + "：";
        var lines = new List<string>();
        Compare(before.Leads, after.Leads, "牵头单位");
        Compare(before.Participants, after.Participants, "参与单位");
        return lines;

        void Compare(IReadOnlyList<Participant> old, IReadOnlyList<Participant> @new, string role)
        {
            var oldNames = old.Select(p => p.Name).ToList();
            var newNames = @new.Select(p => p.Name).ToList();
            lines.AddRange(newNames.Except(oldNames, StringComparer.Ordinal).Select(n => prefix + "新增" + role + " " + n));
            lines.AddRange(oldNames.Except(newNames, StringComparer.Ordinal).Select(n => prefix + "移除" + role + " " + n));
        }
    }

    private static List<Participant> Clean(IReadOnlyList<Participant> units, string field, List<string> errors)
    {
        var result = new List<Participant>(units.Count);
        foreach (var unit in units)
        {
            if (unit is null)
            {
                continue;
            }

            if (unit.DepartmentCode is { } code)
            {
                if (Departments.Find(code) is { } department)
                {
                    result.Add(Participant.Of(department));
                }
                else
                {
                    errors.Add(Invariant($"{field}中的部门代码“{code}”不存在"));
                }

                continue;
            }

            var name = unit.Name?.Trim() ?? "";
            if (name.Length == 0)
            {
                errors.Add(Invariant($"{field}的名称不能为空"));
            }
            else if (Length(name) > MaximumNameLength)
            {
                errors.Add(Invariant($"{field}“{name}”的名称超过{MaximumNameLength}个字"));
            }
            else if (FindDepartment(name) is { } department)
            {
                errors.Add(Invariant($"{field}“{name}”是已列明的部门，请从部门列表中选择“{department.Name}”"));
            }
            else
            {
                result.Add(Participant.Named(name));
            }
        }

        return result;
    }

    private static Participant ToParticipant(string name) =>
        FindDepartment(name) is { } department ? Participant.Of(department) : Participant.Named(name);

    private static Department? FindDepartment(string name) =>
        Departments.All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal) || string.Equals(d.ShortName, name, StringComparison.Ordinal));

    private static void AddOnce(List<Participant> list, Participant participant)
    {
        if (!list.Contains(participant))
        {
            list.Add(participant);
        }
    }
}
