using System.Globalization;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Skills;

/// <summary>
/// The ladder of one occupation (职业/工种): which of the eight levels it offers and in which order they follow.
/// </summary>
/// <remarks>
/// <para>Invariants (only <see cref="Create"/> and <see cref="Standard"/> make one):</para>
/// <list type="bullet">
/// <item><see cref="GradedLevels"/> is a non-empty, gap-free run of the five graded levels (初级工 … 高级技师) as the
/// occupation's 《国家职业技能标准》 defines them (many standards stop at 三级 or start at 四级).</item>
/// <item><see cref="Levels"/> is 学徒工 (set by the enterprise, 人社部发〔2022〕14号), then the graded levels, then
/// 特级技师 and 首席技师 exactly when the occupation has 高级技师: 人社部发〔2022〕14号 and 中办发〔2022〕58号 set them up
/// “在设有高级技师的职业（工种）”.</item>
/// <item><see cref="DirectEntries"/> are the graded levels one may reach without holding the level below (by years in the
/// occupation, or only with a given schooling); the lowest graded level is always one, open to everyone.</item>
/// </list>
/// </remarks>
public sealed record OccupationLadder
{
    private static readonly SkillLevel[] Graded =
        [SkillLevel.Junior, SkillLevel.Intermediate, SkillLevel.Senior, SkillLevel.Technician, SkillLevel.SeniorTechnician];

    private OccupationLadder(string occupationCode, string occupationName, SkillLevel[] graded, DirectEntry[] directEntries)
    {
        OccupationCode = occupationCode;
        OccupationName = occupationName;
        GradedLevels = graded;
        DirectEntries = directEntries;
        HasSeniorTechnician = graded.Contains(SkillLevel.SeniorTechnician);
        Levels = [SkillLevel.Apprentice, .. graded, .. HasSeniorTechnician ? new[] { SkillLevel.PrincipalTechnician, SkillLevel.ChiefTechnician } : []];
    }

    /// <summary>职业编码 (e.g. “6-18-01-01”) or another stable key of the occupation or 工种.</summary>
    public string OccupationCode { get; }

    /// <summary>The occupation's name as shown (e.g. “车工”).</summary>
    public string OccupationName { get; }

    /// <summary>The graded levels of the occupation's standard, lowest first.</summary>
    public IReadOnlyList<SkillLevel> GradedLevels { get; }

    /// <summary>Graded levels that can be entered without holding the level below, lowest first, each for whom.</summary>
    public IReadOnlyList<DirectEntry> DirectEntries { get; }

    /// <summary>Every level on this occupation's ladder, lowest first.</summary>
    public IReadOnlyList<SkillLevel> Levels { get; }

    /// <summary>Whether the standard has 高级技师 (一级), and so 特级技师 and 首席技师 exist for it.</summary>
    public bool HasSeniorTechnician { get; }

    /// <summary>
    /// The ladder of a standard with all five graded levels (五级 … 一级) and the direct entries of the 2018-template
    /// 申报条件 (<see cref="PromotionStandards.National2018Template"/>): 五级 and 四级 for everyone (四级 by 6 years in the
    /// occupation), 二级 only for holders of a 预备技师证书.
    /// </summary>
    public static OccupationLadder Standard(string occupationCode, string occupationName) =>
        new(occupationCode, occupationName, Graded,
        [
            new DirectEntry(SkillLevel.Junior, null),
            new DirectEntry(SkillLevel.Intermediate, null),
            new DirectEntry(SkillLevel.Technician, new HashSet<Schooling> { Schooling.PreparatoryTechnicianClass }),
        ]);

    /// <summary>A ladder of the given graded levels; refuses gaps, non-graded levels and direct entry outside the ladder.</summary>
    public static Result<OccupationLadder> Create(string occupationCode, string occupationName, IEnumerable<SkillLevel> gradedLevels, IEnumerable<DirectEntry> directEntries)
    {
        ArgumentNullException.ThrowIfNull(gradedLevels);
        ArgumentNullException.ThrowIfNull(directEntries);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(occupationCode))
        {
            errors.Add("职业编码不能为空");
        }

        if (string.IsNullOrWhiteSpace(occupationName))
        {
            errors.Add("职业名称不能为空");
        }

        SkillLevel[] graded = [.. gradedLevels.Distinct().Order()];
        if (graded.Length == 0)
        {
            errors.Add("职业技能标准至少应设一个等级（五级至一级）");
        }
        else if (graded.Where(l => !SkillLevels.IsGraded(l)).ToArray() is { Length: > 0 } odd)
        {
            errors.Add($"{SkillLevels.DisplayName(odd[0])}不是职业技能标准设定的等级（应为五级至一级）");
        }
        else if (graded[^1] - graded[0] + 1 != graded.Length)
        {
            errors.Add("职业技能标准的等级应当连续，不能跳过中间等级");
        }

        var entries = directEntries.ToList();
        foreach (var entry in entries.Where(e => !graded.Contains(e.Level)))
        {
            errors.Add($"可直接申报的等级{SkillLevels.DisplayName(entry.Level)}不在该职业的等级之内");
        }

        if (errors.Count > 0)
        {
            return Result<OccupationLadder>.Fail(errors);
        }

        // The lowest graded level is open to everyone; several entries for one level merge (anyone wins over a schooling list).
        entries.Add(new DirectEntry(graded[0], null));
        DirectEntry[] merged =
        [
            .. entries.GroupBy(e => e.Level).OrderBy(g => g.Key).Select(g => g.Any(e => e.OnlyWith is null)
                ? new DirectEntry(g.Key, null)
                : new DirectEntry(g.Key, g.SelectMany(e => e.OnlyWith!).ToHashSet())),
        ];
        return Result<OccupationLadder>.Ok(new OccupationLadder(occupationCode.Trim(), occupationName.Trim(), graded, merged));
    }

    /// <summary>
    /// Whether a person with <paramref name="schooling"/> may reach <paramref name="level"/> without holding the level
    /// below it.
    /// </summary>
    public bool IsDirectEntry(SkillLevel level, IReadOnlySet<Schooling> schooling)
    {
        ArgumentNullException.ThrowIfNull(schooling);
        return DirectEntries.Any(e => e.Level == level && (e.OnlyWith is null || e.OnlyWith.Overlaps(schooling)));
    }

    /// <summary>Whether <paramref name="level"/> is on this occupation's ladder.</summary>
    public bool Offers(SkillLevel level) => Levels.Contains(level);

    /// <summary>The level below <paramref name="level"/> on this ladder (学徒工 below the lowest graded level); null for 学徒工 or a level not offered.</summary>
    public SkillLevel? Previous(SkillLevel level)
    {
        var index = IndexOf(level);
        return index > 0 ? Levels[index - 1] : null;
    }

    /// <summary>The level above <paramref name="level"/> (above “none held”: the lowest graded level); null at the top.</summary>
    public SkillLevel? Next(SkillLevel? level)
    {
        if (level is null)
        {
            return GradedLevels[0];
        }

        var index = IndexOf(level.Value);
        if (index < 0)
        {
            // A level the occupation does not offer (e.g. 一级 held in a related occupation whose standard stops at 三级).
            return Levels.Cast<SkillLevel?>().FirstOrDefault(l => l > level);
        }

        return index + 1 < Levels.Count ? Levels[index + 1] : null;
    }

    /// <summary>“车工（6-18-01-01）”.</summary>
    public string Display => string.Create(CultureInfo.InvariantCulture, $"{OccupationName}（{OccupationCode}）");

    private int IndexOf(SkillLevel level)
    {
        for (var i = 0; i < Levels.Count; i++)
        {
            if (Levels[i] == level)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>
/// A graded level that can be reached without holding the level below it: for everyone (<paramref name="OnlyWith"/> null,
/// e.g. 四级 after 6 years in the occupation) or only with one of the schoolings listed (e.g. 二级 for a 预备技师证书).
/// </summary>
/// <param name="Level">The level.</param>
/// <param name="OnlyWith">The schoolings that open it; null = everyone.</param>
public sealed record DirectEntry(SkillLevel Level, IReadOnlySet<Schooling>? OnlyWith);

/// <summary>
/// An approved exceptional promotion (破格晋升, policy 三(三); or a competition award, policy 六(二)) that lets a certificate
/// at <see cref="TargetLevel"/> in <see cref="OccupationCode"/> skip the ladder.
/// </summary>
/// <param name="Reference">The approval's reference shown in reasons (e.g. the case number or document).</param>
/// <param name="OccupationCode">The occupation it was approved for.</param>
/// <param name="TargetLevel">The level approved.</param>
/// <param name="ApprovedOn">The day of approval.</param>
public sealed record ExceptionalPromotionApproval(string Reference, string OccupationCode, SkillLevel TargetLevel, DateOnly ApprovedOn);

/// <summary>
/// The eight-level ladder's rules for a new level (人社部发〔2022〕14号; 中办发〔2022〕58号): a level follows the one
/// below it; 特级技师 and 首席技师 exist only where the occupation has 高级技师; skipping a level needs an approved
/// exceptional promotion (policy 三(三)).
/// </summary>
public static class SkillLadder
{
    /// <summary>Citation of the eight-level ladder.</summary>
    public const string LadderCitation = "人社部发〔2022〕14号；中办发〔2022〕58号";

    /// <summary>
    /// Whether a person who holds <paramref name="held"/> (their highest level in this or a related occupation; null =
    /// none) may be given <paramref name="target"/> in <paramref name="ladder"/>'s occupation on <paramref name="asOf"/>.
    /// The outcome is true exactly when every rule holds. Rule ids: ladder-offered, ladder-above-held, ladder-no-skip.
    /// </summary>
    /// <param name="ladder">The occupation's ladder.</param>
    /// <param name="held">The highest level held.</param>
    /// <param name="target">The level to be given.</param>
    /// <param name="schooling">The person's schooling (opens the direct entries that need it); empty when unknown.</param>
    /// <param name="approval">An approved exceptional promotion, if any; it lets a graded level skip the ladder, never 特级技师 or 首席技师.</param>
    /// <param name="asOf">The day of the step.</param>
    public static Decision<bool> CheckStep(OccupationLadder ladder, SkillLevel? held, SkillLevel target, IReadOnlySet<Schooling> schooling, ExceptionalPromotionApproval? approval, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentNullException.ThrowIfNull(schooling);
        var rules = new List<RuleOutcome>
        {
            Offered(ladder, target),
        };

        if (held is { } h && target <= h)
        {
            rules.Add(new RuleOutcome("ladder-above-held", false,
                $"已持有{SkillLevels.DisplayName(h)}，不能再取得同级或更低的{SkillLevels.DisplayName(target)}", LadderCitation));
        }
        else
        {
            rules.Add(new RuleOutcome("ladder-above-held", true,
                held is { } hh ? $"{SkillLevels.DisplayName(target)}高于已持有的{SkillLevels.DisplayName(hh)}" : $"此前未持有本职业等级，申请{SkillLevels.DisplayName(target)}", LadderCitation));
        }

        rules.Add(NoSkip(ladder, held, target, schooling, approval, asOf));
        return new Decision<bool>(rules.TrueForAll(r => r.Holds), asOf, rules);
    }

    private static RuleOutcome Offered(OccupationLadder ladder, SkillLevel target)
    {
        if (ladder.Offers(target))
        {
            return new RuleOutcome("ladder-offered", true, $"{ladder.Display}设有{SkillLevels.DisplayName(target)}", LadderCitation);
        }

        var reason = target is SkillLevel.PrincipalTechnician or SkillLevel.ChiefTechnician
            ? $"{ladder.Display}未设高级技师等级，不能设立{SkillLevels.ChineseName(target)}（特级技师、首席技师只在设有高级技师的职业（工种）设立）"
            : $"{ladder.Display}的职业技能标准未设{SkillLevels.DisplayName(target)}";
        return new RuleOutcome("ladder-offered", false, reason, LadderCitation);
    }

    private static RuleOutcome NoSkip(OccupationLadder ladder, SkillLevel? held, SkillLevel target, IReadOnlySet<Schooling> schooling, ExceptionalPromotionApproval? approval, DateOnly asOf)
    {
        const string Id = "ladder-no-skip";
        if (!ladder.Offers(target) || target == SkillLevel.Apprentice)
        {
            return new RuleOutcome(Id, ladder.Offers(target), "学徒工由企业确定，不受逐级晋升限制", LadderCitation);
        }

        var previous = ladder.Previous(target)!.Value;
        var appointed = target is SkillLevel.PrincipalTechnician or SkillLevel.ChiefTechnician;
        if (held == previous || (!appointed && ladder.IsDirectEntry(target, schooling)))
        {
            return new RuleOutcome(Id, true,
                held == previous
                    ? $"由{SkillLevels.DisplayName(previous)}逐级晋升至{SkillLevels.DisplayName(target)}"
                    : $"{SkillLevels.DisplayName(target)}可按从业年限或学历直接申报（须符合申报条件）",
                LadderCitation);
        }

        if (!appointed && approval is not null)
        {
            if (approval.TargetLevel == target
                && string.Equals(approval.OccupationCode, ladder.OccupationCode, StringComparison.Ordinal)
                && approval.ApprovedOn <= asOf)
            {
                return new RuleOutcome(Id, true,
                    $"经批准破格晋升（{approval.Reference}，{Elapsed.Date(approval.ApprovedOn)}批准），不受逐级晋升限制", "《关于提高技术工人待遇的意见》三（三）");
            }

            return new RuleOutcome(Id, false,
                $"所附破格晋升批准（{approval.Reference}）为{SkillLevels.DisplayName(approval.TargetLevel)}（职业{approval.OccupationCode}），与本次{SkillLevels.DisplayName(target)}（职业{ladder.OccupationCode}）不符", "《关于提高技术工人待遇的意见》三（三）");
        }

        var heldText = held is { } h ? $"现持有{SkillLevels.DisplayName(h)}" : "未持有本职业等级";
        return new RuleOutcome(Id, false,
            appointed
                ? $"{SkillLevels.ChineseName(target)}须由{SkillLevels.DisplayName(previous)}晋升，{heldText}"
                : $"{SkillLevels.DisplayName(target)}须先取得{SkillLevels.DisplayName(previous)}，{heldText}；越级须经批准的破格晋升",
            LadderCitation);
    }
}
