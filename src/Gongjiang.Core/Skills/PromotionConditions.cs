using Gongjiang.Core.Common;

namespace Gongjiang.Core.Skills;

/// <summary>
/// Schooling that the 申报条件 of 《国家职业技能标准》 accept (“本专业或相关专业毕业证书”, including 在校应届毕业生). The int
/// values are stored; never renumber them.
/// </summary>
public enum Schooling
{
    /// <summary>技工学校（中级工班）, or a 中等及以上职业学校 whose training aims at intermediate skills, graduate.</summary>
    SkilledWorkerSchool = 1,
    /// <summary>高级技工学校、技师学院（高级工班）, or a 高等职业学校 aiming at advanced skills, graduate.</summary>
    SeniorSkilledWorkerSchool = 2,
    /// <summary>技师学院预备技师（技师）班 graduate with a 预备技师证书.</summary>
    PreparatoryTechnicianClass = 3,
    /// <summary>大专及以上 (college or university) graduate in the trade or a related one.</summary>
    JuniorCollegeOrAbove = 4,
}

/// <summary>The requirements a promotion route may set; as flags, also what an exceptional promotion waived.</summary>
[Flags]
public enum PromotionRequirement
{
    None = 0,
    /// <summary>前一等级: holding the level below.</summary>
    PreviousLevel = 1,
    /// <summary>取得前一等级后的年限.</summary>
    YearsAtPreviousLevel = 2,
    /// <summary>累计从事本职业（相关职业）工作年限.</summary>
    YearsInOccupation = 4,
    /// <summary>学历（毕业证书）.</summary>
    Schooling = 8,
    /// <summary>学徒期满.</summary>
    Apprenticeship = 16,
}

/// <summary>Chinese names of <see cref="Schooling"/> and <see cref="PromotionRequirement"/>.</summary>
public static class SchoolingNames
{
    public static string ChineseName(Schooling schooling) => schooling switch
    {
        Schooling.SkilledWorkerSchool => "技工学校或中等职业学校",
        Schooling.SeniorSkilledWorkerSchool => "高级技工学校、技师学院或高等职业学校",
        Schooling.PreparatoryTechnicianClass => "技师学院预备技师（技师）班",
        Schooling.JuniorCollegeOrAbove => "大专及以上",
        _ => throw new ArgumentOutOfRangeException(nameof(schooling), schooling, null),
    };

    /// <summary>“学历、年限” — the names of the set flags, in declaration order, joined with 、; “无” for none.</summary>
    public static string ChineseNames(PromotionRequirement requirements)
    {
        var names = new List<string>();
        if (requirements.HasFlag(PromotionRequirement.PreviousLevel))
        {
            names.Add("逐级晋升（前一等级）");
        }

        if (requirements.HasFlag(PromotionRequirement.YearsAtPreviousLevel))
        {
            names.Add("取得前一等级后的年限");
        }

        if (requirements.HasFlag(PromotionRequirement.YearsInOccupation))
        {
            names.Add("从事本职业工作年限");
        }

        if (requirements.HasFlag(PromotionRequirement.Schooling))
        {
            names.Add("学历");
        }

        if (requirements.HasFlag(PromotionRequirement.Apprenticeship))
        {
            names.Add("学徒期");
        }

        return names.Count == 0 ? "无" : string.Join("、", names);
    }
}

/// <summary>
/// One way to qualify for a level (one “具备以下条件之一者” item of a standard's 申报条件). Every requirement set must be
/// met; unset ones (null, 0, false) are not required.
/// </summary>
/// <param name="Id">Stable rule id, e.g. “2018-L3-a”; never reuse one for a different condition.</param>
/// <param name="RequiredLevel">The level that must be held (in this or a related occupation), if any.</param>
/// <param name="MonthsSinceRequiredLevel">累计从事本职业工作 months after obtaining <paramref name="RequiredLevel"/>.</param>
/// <param name="MonthsInOccupation">累计从事本职业或相关职业工作 months in all.</param>
/// <param name="AcceptedSchooling">Any one of these schoolings is required; null = no schooling required.</param>
/// <param name="RequiresApprenticeship">本职业或相关职业学徒期满.</param>
public sealed record PromotionRoute(
    string Id,
    SkillLevel? RequiredLevel = null,
    int MonthsSinceRequiredLevel = 0,
    int MonthsInOccupation = 0,
    IReadOnlySet<Schooling>? AcceptedSchooling = null,
    bool RequiresApprenticeship = false)
{
    /// <summary>The condition in Chinese, e.g. “取得中级工（四级）证书后，累计从事本职业工作满5年”.</summary>
    public string Text
    {
        get
        {
            var parts = new List<string>();
            if (AcceptedSchooling is { Count: > 0 })
            {
                parts.Add("具有" + string.Join("或", AcceptedSchooling.Order().Select(SchoolingNames.ChineseName)) + "本专业或相关专业毕业证书");
            }

            if (RequiredLevel is { } level)
            {
                parts.Add(MonthsSinceRequiredLevel > 0
                    ? $"取得{SkillLevels.DisplayName(level)}证书后，累计从事本职业工作满{Elapsed.Months(MonthsSinceRequiredLevel)}"
                    : $"取得{SkillLevels.DisplayName(level)}证书");
            }

            if (MonthsInOccupation > 0)
            {
                parts.Add($"累计从事本职业或相关职业工作满{Elapsed.Months(MonthsInOccupation)}");
            }

            if (RequiresApprenticeship)
            {
                parts.Add("本职业或相关职业学徒期满");
            }

            return parts.Count == 0 ? "无条件" : string.Join("，", parts);
        }
    }
}

/// <summary>
/// The 申报条件 of one 《国家职业技能标准》 (or the default template), in force from <see cref="EffectiveFrom"/> until
/// <see cref="EffectiveTo"/> (exclusive). <see cref="OccupationCode"/> null is the default that applies to every
/// occupation without its own standard; an occupation's standard overrides the default level by level (levels it does
/// not list fall back to the default) and may say which graded levels the occupation has.
/// </summary>
/// <param name="Id">Stable id, e.g. “template-2018” or “6-18-01-01-2018”.</param>
/// <param name="Title">The standard's title, e.g. “车工国家职业技能标准（2018年版）”.</param>
/// <param name="OccupationCode">The occupation it applies to; null = the default for all.</param>
/// <param name="EffectiveFrom">First day in force.</param>
/// <param name="EffectiveTo">First day no longer in force; null = still in force.</param>
/// <param name="GradedLevels">The graded levels of the occupation; null = as the default (five levels).</param>
/// <param name="Routes">Per target level, the routes (any one suffices).</param>
public sealed record PromotionStandard(
    string Id,
    string Title,
    string? OccupationCode,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    IReadOnlyList<SkillLevel>? GradedLevels,
    IReadOnlyDictionary<SkillLevel, IReadOnlyList<PromotionRoute>> Routes)
{
    /// <summary>Whether in force on <paramref name="date"/>.</summary>
    public bool InForce(DateOnly date) => EffectiveFrom <= date && (EffectiveTo is null || date < EffectiveTo);
}

/// <summary>The defaults that ship with the platform.</summary>
public static class PromotionStandards
{
    /// <summary>Citation of the default template.</summary>
    public const string TemplateCitation = "《国家职业技能标准编制技术规程（2018年版）》申报条件（各职业标准通例）";

    /// <summary>
    /// The typical 申报条件 of the 2018-template 国家职业技能标准 (rules.md §3, [S]: repeated across standards; each
    /// occupation's own standard may differ and should be entered as an override). In force from 2018-01-01 (the
    /// template's year; earlier standards differed and are not modelled).
    /// </summary>
    /// <remarks>
    /// 五级: 1 year in the occupation, or apprenticeship completed. 四级: 五级 + 4 years; or 6 years in the occupation; or
    /// 技工学校/中职 graduate. 三级: 四级 + 5 years; or 四级 + 高级技工学校/技师学院/高职 graduate; or 大专+ and 四级 + 2
    /// years. 二级: 三级 + 4 years; or 三级 + 高级技工学校/技师学院 graduate + 3 years in the occupation; or 预备技师证书
    /// + 2 years in the occupation. 一级: 二级 + 4 years.
    /// </remarks>
    public static PromotionStandard National2018Template { get; } = new(
        "template-2018",
        "国家职业技能标准（2018年版）申报条件通例",
        null,
        new DateOnly(2018, 1, 1),
        null,
        null,
        new Dictionary<SkillLevel, IReadOnlyList<PromotionRoute>>
        {
            [SkillLevel.Junior] =
            [
                new("2018-L5-a", MonthsInOccupation: 12),
                new("2018-L5-b", RequiresApprenticeship: true),
            ],
            [SkillLevel.Intermediate] =
            [
                new("2018-L4-a", SkillLevel.Junior, MonthsSinceRequiredLevel: 48),
                new("2018-L4-b", MonthsInOccupation: 72),
                new("2018-L4-c", AcceptedSchooling: new HashSet<Schooling> { Schooling.SkilledWorkerSchool, Schooling.SeniorSkilledWorkerSchool, Schooling.PreparatoryTechnicianClass }),
            ],
            [SkillLevel.Senior] =
            [
                new("2018-L3-a", SkillLevel.Intermediate, MonthsSinceRequiredLevel: 60),
                new("2018-L3-b", SkillLevel.Intermediate, AcceptedSchooling: new HashSet<Schooling> { Schooling.SeniorSkilledWorkerSchool, Schooling.PreparatoryTechnicianClass }),
                new("2018-L3-c", SkillLevel.Intermediate, MonthsSinceRequiredLevel: 24, AcceptedSchooling: new HashSet<Schooling> { Schooling.JuniorCollegeOrAbove }),
            ],
            [SkillLevel.Technician] =
            [
                new("2018-L2-a", SkillLevel.Senior, MonthsSinceRequiredLevel: 48),
                new("2018-L2-b", SkillLevel.Senior, MonthsInOccupation: 36, AcceptedSchooling: new HashSet<Schooling> { Schooling.SeniorSkilledWorkerSchool }),
                new("2018-L2-c", MonthsInOccupation: 24, AcceptedSchooling: new HashSet<Schooling> { Schooling.PreparatoryTechnicianClass }),
            ],
            [SkillLevel.SeniorTechnician] =
            [
                new("2018-L1-a", SkillLevel.Technician, MonthsSinceRequiredLevel: 48),
            ],
        });
}

/// <summary>The conditions that apply to one occupation on one day: its ladder, and per level the routes and where they come from.</summary>
/// <param name="Ladder">The occupation's ladder (graded levels and direct entries follow from the routes).</param>
/// <param name="Routes">Per graded level, the routes.</param>
/// <param name="Sources">Per graded level, the standard the routes come from (its title is the citation).</param>
public sealed record ResolvedConditions(
    OccupationLadder Ladder,
    IReadOnlyDictionary<SkillLevel, IReadOnlyList<PromotionRoute>> Routes,
    IReadOnlyDictionary<SkillLevel, PromotionStandard> Sources);

/// <summary>
/// Every stored 申报条件: the defaults and the per-occupation standards, each dated. Resolves what applies to an
/// occupation on a day: the occupation's standard in force then, level by level, else the default in force then.
/// </summary>
public sealed class PromotionConditionBook
{
    private readonly PromotionStandard[] standards;

    /// <summary>A book of <paramref name="standards"/>; refuses two standards for the same occupation (or two defaults) in force on one day.</summary>
    /// <exception cref="ArgumentException">Overlapping standards, a level outside 五级…一级, or a route naming a level not below its target.</exception>
    public PromotionConditionBook(IEnumerable<PromotionStandard> standards)
    {
        ArgumentNullException.ThrowIfNull(standards);
        this.standards = [.. standards];
        foreach (var group in this.standards.GroupBy(s => s.OccupationCode ?? "", StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(s => s.EffectiveFrom).ToArray();
            for (var i = 1; i < ordered.Length; i++)
            {
                if (ordered[i - 1].EffectiveTo is not { } to || to > ordered[i].EffectiveFrom)
                {
                    throw new ArgumentException($"申报条件“{ordered[i - 1].Title}”与“{ordered[i].Title}”的有效期重叠", nameof(standards));
                }
            }
        }

        foreach (var standard in this.standards)
        {
            foreach (var (level, routes) in standard.Routes)
            {
                if (!SkillLevels.IsGraded(level))
                {
                    throw new ArgumentException($"申报条件“{standard.Title}”含有非五级至一级的等级{SkillLevels.DisplayName(level)}", nameof(standards));
                }

                if (routes.FirstOrDefault(r => r.RequiredLevel is { } required && required >= level) is { } bad)
                {
                    throw new ArgumentException($"申报条件“{standard.Title}”的{bad.Id}要求的等级不低于申报等级", nameof(standards));
                }
            }
        }
    }

    /// <summary>The book with only <see cref="PromotionStandards.National2018Template"/>.</summary>
    public static PromotionConditionBook Default { get; } = new([PromotionStandards.National2018Template]);

    /// <summary>
    /// The conditions for <paramref name="occupationCode"/> on <paramref name="asOf"/>, or a Chinese reason when no
    /// standard (nor default) is in force then.
    /// </summary>
    public Result<ResolvedConditions> Resolve(string occupationCode, string occupationName, DateOnly asOf)
    {
        var own = standards.FirstOrDefault(s => string.Equals(s.OccupationCode, occupationCode, StringComparison.Ordinal) && s.InForce(asOf));
        var fallback = standards.FirstOrDefault(s => s.OccupationCode is null && s.InForce(asOf));
        if (own is null && fallback is null)
        {
            return Result<ResolvedConditions>.Fail($"{Elapsed.Date(asOf)}没有适用于{occupationName}的申报条件");
        }

        IReadOnlyList<SkillLevel> graded = own?.GradedLevels ?? fallback?.GradedLevels
            ?? [SkillLevel.Junior, SkillLevel.Intermediate, SkillLevel.Senior, SkillLevel.Technician, SkillLevel.SeniorTechnician];
        var routes = new Dictionary<SkillLevel, IReadOnlyList<PromotionRoute>>();
        var sources = new Dictionary<SkillLevel, PromotionStandard>();
        foreach (var level in graded)
        {
            if (own is not null && own.Routes.TryGetValue(level, out var ownRoutes))
            {
                routes[level] = ownRoutes;
                sources[level] = own;
            }
            else if (fallback is not null && fallback.Routes.TryGetValue(level, out var defaultRoutes))
            {
                routes[level] = defaultRoutes;
                sources[level] = fallback;
            }
        }

        var entries = routes
            .SelectMany(pair => pair.Value.Where(r => r.RequiredLevel is null)
                .Select(r => new DirectEntry(pair.Key, r.AcceptedSchooling is { Count: > 0 } s ? s : null)));
        var ladder = OccupationLadder.Create(occupationCode, occupationName, graded, entries);
        return ladder.IsValid
            ? Result<ResolvedConditions>.Ok(new ResolvedConditions(ladder.Value!, routes, sources))
            : Result<ResolvedConditions>.Fail(ladder.Reasons);
    }
}

/// <summary>
/// What is known of a worker for the 申报条件 of one occupation.
/// </summary>
/// <param name="OccupationWorkSince">
/// The day from which 从事本职业（或相关职业）工作 counts, with gaps already removed by moving it later (work since
/// 2015-03-01 with a 6-month gap → 2015-09-01); null = not recorded.
/// </param>
/// <param name="LevelsHeld">Each level held in this or a related occupation with the day it was obtained.</param>
/// <param name="Schooling">Schooling in the trade or a related one.</param>
/// <param name="ApprenticeshipCompletedOn">The day the apprenticeship in the occupation ended, if it did.</param>
public sealed record WorkerSkillFacts(
    DateOnly? OccupationWorkSince,
    IReadOnlyDictionary<SkillLevel, DateOnly> LevelsHeld,
    IReadOnlySet<Schooling> Schooling,
    DateOnly? ApprenticeshipCompletedOn)
{
    /// <summary>The highest level held on <paramref name="asOf"/> (obtained on or before it); null when none.</summary>
    public SkillLevel? HighestOn(DateOnly asOf) =>
        LevelsHeld.Where(p => p.Value <= asOf).Select(p => (SkillLevel?)p.Key).Max();
}

/// <summary>Whether a route is met on a day and, if only time is missing, from when.</summary>
/// <param name="Route">The route.</param>
/// <param name="MetFrom">The first day the route is met (≤ asOf when met now); null when waiting alone will not meet it.</param>
/// <param name="Missing">In Chinese, what is missing on the day (empty when met).</param>
/// <param name="Unmet">The requirements not met on the day.</param>
public sealed record RouteCheck(PromotionRoute Route, DateOnly? MetFrom, IReadOnlyList<string> Missing, PromotionRequirement Unmet)
{
    /// <summary>Whether met on the day checked.</summary>
    public bool Met => Unmet == PromotionRequirement.None;
}

/// <summary>
/// The answer to “which level may I apply for next, and if not yet, what is missing and when”.
/// </summary>
/// <param name="NextLevel">The level to apply for next (the highest open now, else the one open soonest); null at the top.</param>
/// <param name="EligibleNow">Whether the worker may apply for <see cref="NextLevel"/> on the day.</param>
/// <param name="EligibleOn">The first day they may (≤ the day when eligible now); null when waiting alone is not enough.</param>
/// <param name="RouteId">The route that qualifies (or qualifies first).</param>
/// <param name="Missing">What is missing on the day (empty when eligible).</param>
/// <param name="Summary">One sentence in Chinese for the worker's page.</param>
public sealed record PromotionOutlook(SkillLevel? NextLevel, bool EligibleNow, DateOnly? EligibleOn, string? RouteId, IReadOnlyList<string> Missing, string Summary);

/// <summary>
/// Evaluates the 申报条件 of normal promotion (正常晋升) for one worker and occupation on a day: a pure, dated function
/// of the stored conditions (<see cref="PromotionConditionBook"/>) and the worker's facts.
/// </summary>
public static class PromotionEvaluator
{
    /// <summary>
    /// Checks one route for <paramref name="facts"/> on <paramref name="asOf"/>: met now, met from a later day (time
    /// only is missing), or not met by waiting (a level, schooling or apprenticeship is missing).
    /// </summary>
    public static RouteCheck CheckRoute(PromotionRoute route, WorkerSkillFacts facts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(facts);
        var missing = new List<string>();
        var unmet = PromotionRequirement.None;
        var waitable = true;
        var metFrom = DateOnly.MinValue;

        if (route.AcceptedSchooling is { Count: > 0 } accepted && !accepted.Overlaps(facts.Schooling))
        {
            missing.Add("须具有" + string.Join("或", accepted.Order().Select(SchoolingNames.ChineseName)) + "本专业或相关专业毕业证书");
            unmet |= PromotionRequirement.Schooling;
            waitable = false;
        }

        if (route.RequiredLevel is { } level)
        {
            if (!facts.LevelsHeld.TryGetValue(level, out var obtained) || obtained > asOf)
            {
                missing.Add($"须先取得{SkillLevels.DisplayName(level)}证书");
                unmet |= PromotionRequirement.PreviousLevel;
                if (route.MonthsSinceRequiredLevel > 0)
                {
                    unmet |= PromotionRequirement.YearsAtPreviousLevel;
                }

                waitable = false;
            }
            else if (route.MonthsSinceRequiredLevel == 0)
            {
                metFrom = Max(metFrom, obtained);
            }
            else
            {
                var due = Elapsed.After(obtained, route.MonthsSinceRequiredLevel);
                metFrom = Max(metFrom, due);
                if (due > asOf)
                {
                    missing.Add($"还需在{SkillLevels.DisplayName(level)}满{Elapsed.Months(route.MonthsSinceRequiredLevel)}，尚差{Elapsed.Describe(asOf, due)}");
                    unmet |= PromotionRequirement.YearsAtPreviousLevel;
                }
            }
        }

        if (route.MonthsInOccupation > 0)
        {
            if (facts.OccupationWorkSince is not { } since)
            {
                missing.Add($"须累计从事本职业或相关职业工作满{Elapsed.Months(route.MonthsInOccupation)}（未记录从事本职业工作的起始日期）");
                unmet |= PromotionRequirement.YearsInOccupation;
                waitable = false;
            }
            else
            {
                var due = Elapsed.After(since, route.MonthsInOccupation);
                metFrom = Max(metFrom, due);
                if (due > asOf)
                {
                    missing.Add($"还需累计从事本职业工作满{Elapsed.Months(route.MonthsInOccupation)}，尚差{Elapsed.Describe(asOf, due)}");
                    unmet |= PromotionRequirement.YearsInOccupation;
                }
            }
        }

        if (route.RequiresApprenticeship && facts.ApprenticeshipCompletedOn is { } done && done <= asOf)
        {
            metFrom = Max(metFrom, done);
        }
        else if (route.RequiresApprenticeship)
        {
            missing.Add("须本职业或相关职业学徒期满");
            unmet |= PromotionRequirement.Apprenticeship;
            waitable = false;
        }

        DateOnly? from = waitable ? (metFrom == DateOnly.MinValue ? asOf : metFrom) : null;
        return new RouteCheck(route, from, missing, unmet);
    }

    /// <summary>
    /// Which level the worker may apply for next in the occupation on <paramref name="asOf"/> by the conditions in
    /// <paramref name="book"/>, and if not yet, what is missing and from when. Candidates are the level above the
    /// highest held on the ladder and every higher direct-entry level open to the worker's schooling; the highest one
    /// open now wins, else the one open soonest. Each route checked is a rule in the decision (id = route id, citation
    /// = the standard).
    /// </summary>
    public static Decision<PromotionOutlook> Evaluate(PromotionConditionBook book, string occupationCode, string occupationName, WorkerSkillFacts facts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(facts);
        var resolved = book.Resolve(occupationCode, occupationName, asOf);
        if (!resolved.IsValid)
        {
            var reason = resolved.Error!;
            return new Decision<PromotionOutlook>(new PromotionOutlook(null, false, null, null, [reason], reason), asOf,
                [new RuleOutcome("promotion-conditions", false, reason)]);
        }

        var conditions = resolved.Value!;
        var ladder = conditions.Ladder;
        var held = facts.HighestOn(asOf);
        var top = ladder.GradedLevels[^1];
        if (held is { } h && h >= top)
        {
            var text = ladder.HasSeniorTechnician && h == SkillLevel.SeniorTechnician
                ? $"已取得{SkillLevels.DisplayName(h)}，是{ladder.OccupationName}职业技能标准的最高等级；可由企业聘任为特级技师"
                : $"已取得{SkillLevels.DisplayName(h)}，是{ladder.OccupationName}可申报的最高等级";
            return new Decision<PromotionOutlook>(new PromotionOutlook(null, false, null, null, [], text), asOf,
                [new RuleOutcome("promotion-top", true, text, SkillLadder.LadderCitation)]);
        }

        var candidates = new List<SkillLevel>();
        if (ladder.Next(held) is { } next && SkillLevels.IsGraded(next))
        {
            candidates.Add(next);
        }

        candidates.AddRange(ladder.DirectEntries
            .Where(e => (held is null || e.Level > held) && !candidates.Contains(e.Level) && ladder.IsDirectEntry(e.Level, facts.Schooling))
            .Select(e => e.Level));

        var rules = new List<RuleOutcome>();
        var options = new List<(SkillLevel Level, RouteCheck Check)>();
        foreach (var level in candidates.Order())
        {
            if (!conditions.Routes.TryGetValue(level, out var routes))
            {
                rules.Add(new RuleOutcome("promotion-conditions", false, $"{ladder.OccupationName}的{SkillLevels.DisplayName(level)}没有登记申报条件"));
                continue;
            }

            var citation = conditions.Sources[level].Title;
            foreach (var route in routes)
            {
                var check = CheckRoute(route, facts, asOf);
                rules.Add(new RuleOutcome(route.Id, check.Met,
                    $"申报{SkillLevels.DisplayName(level)}：{route.Text}" + (check.Met ? "——已符合" : "——" + string.Join("；", check.Missing)),
                    citation));
                options.Add((level, check));
            }
        }

        var now = options.Where(o => o.Check.Met).OrderByDescending(o => o.Level).FirstOrDefault();
        if (now.Check is not null)
        {
            var text = $"可申报{SkillLevels.DisplayName(now.Level)}（{now.Check.Route.Text}）";
            return new Decision<PromotionOutlook>(new PromotionOutlook(now.Level, true, now.Check.MetFrom, now.Check.Route.Id, [], text), asOf, rules);
        }

        var soon = options.Where(o => o.Check.MetFrom is not null)
            .OrderBy(o => o.Check.MetFrom).ThenByDescending(o => o.Level).FirstOrDefault();
        if (soon.Check is not null)
        {
            var text = $"暂不能申报{SkillLevels.DisplayName(soon.Level)}：{string.Join("；", soon.Check.Missing)}；预计{Elapsed.Date(soon.Check.MetFrom!.Value)}起可申报";
            return new Decision<PromotionOutlook>(new PromotionOutlook(soon.Level, false, soon.Check.MetFrom, soon.Check.Route.Id, soon.Check.Missing, text), asOf, rules);
        }

        if (options.Count == 0)
        {
            var none = $"{ladder.OccupationName}没有登记可申报等级的申报条件";
            return new Decision<PromotionOutlook>(new PromotionOutlook(null, false, null, null, [none], none), asOf, rules);
        }

        // Nothing opens by waiting: show the lowest candidate's route that lacks least, and what it lacks.
        var first = options.OrderBy(o => o.Level).ThenBy(o => o.Check.Missing.Count).First();
        var lacking = $"暂不能申报{SkillLevels.DisplayName(first.Level)}：{string.Join("；", first.Check.Missing)}";
        return new Decision<PromotionOutlook>(new PromotionOutlook(first.Level, false, null, null, first.Check.Missing, lacking), asOf, rules);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a >= b ? a : b;
}
