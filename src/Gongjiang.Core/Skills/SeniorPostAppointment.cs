using System.Globalization;
using Gongjiang.Core.Common;

namespace Gongjiang.Core.Skills;

/// <summary>
/// An enterprise's appointment (聘任) of a 特级技师 or 首席技师 (policy 六(一) “探索设立技能专家、首席技师、特级技师等岗位”;
/// 五(二) 首席技师制度; 人社部发〔2022〕14号).
/// </summary>
/// <param name="Level">特级技师 or 首席技师.</param>
/// <param name="OccupationCode">The occupation of the post.</param>
/// <param name="Post">The post (岗位) the appointee takes.</param>
/// <param name="StartsOn">First day of the term.</param>
/// <param name="EndsOn">Last day of the term (inclusive).</param>
/// <param name="EndedEarlyOn">The day the appointment was ended before its term (解聘), if it was; not serving from that day.</param>
public sealed record SeniorPostAppointment(SkillLevel Level, string OccupationCode, string Post, DateOnly StartsOn, DateOnly EndsOn, DateOnly? EndedEarlyOn = null)
{
    /// <summary>Whether the appointee serves (在聘) on <paramref name="date"/>.</summary>
    public bool IsServing(DateOnly date) => StartsOn <= date && date <= EndsOn && (EndedEarlyOn is null || date < EndedEarlyOn);
}

/// <summary>
/// The enterprise's (or province's) rules for appointments. The national texts fix only that the occupation must have
/// 高级技师 and the order 高级技师 → 特级技师 → 首席技师; every value here is [M] (rules.md §3: “eligibility years … not
/// verified; treat them as enterprise-configured”).
/// </summary>
/// <param name="MinimumYearsAtPrerequisite">Years the appointee must have held the level below [M].</param>
/// <param name="MinimumTermYears">Shortest term in years [M].</param>
/// <param name="MaximumTermYears">Longest term in years [M].</param>
/// <param name="MaximumServing">Most appointees of the level serving at once in the enterprise [M]; null = no quota.</param>
public sealed record AppointmentParameters(int MinimumYearsAtPrerequisite, int MinimumTermYears, int MaximumTermYears, int? MaximumServing)
{
    /// <summary>No years required, terms of 1 to 5 years, no quota [M].</summary>
    public static AppointmentParameters Default { get; } = new(0, 1, 5, null);
}

/// <summary>Facts about the appointee and the enterprise on the day of appointment.</summary>
/// <param name="LevelsHeld">The appointee's levels in the occupation with the day each was obtained.</param>
/// <param name="EmployedByEnterprise">Whether the appointee works for the appointing enterprise.</param>
/// <param name="ServingAtLevel">How many others of the same level serve in the enterprise on the start day.</param>
public sealed record AppointmentFacts(IReadOnlyDictionary<SkillLevel, DateOnly> LevelsHeld, bool EmployedByEnterprise, int ServingAtLevel);

/// <summary>The rules of 特级技师 / 首席技师 appointments.</summary>
public static class SeniorPostAppointmentRules
{
    private const string Citation = "人社部发〔2022〕14号；《关于提高技术工人待遇的意见》六（一）";

    /// <summary>
    /// Whether the appointment may be made. Rule ids: appoint-level, appoint-occupation, appoint-prerequisite,
    /// appoint-years [M], appoint-term [M], appoint-post, appoint-employed, appoint-quota [M].
    /// </summary>
    public static Decision<bool> Check(SeniorPostAppointment appointment, OccupationLadder ladder, AppointmentFacts facts, AppointmentParameters parameters, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(parameters);
        var rules = new List<RuleOutcome>();
        var level = appointment.Level;
        if (level is not (SkillLevel.PrincipalTechnician or SkillLevel.ChiefTechnician))
        {
            rules.Add(new RuleOutcome("appoint-level", false, $"{SkillLevels.DisplayName(level)}不是聘任的等级（只聘任特级技师、首席技师）", Citation));
            return new Decision<bool>(false, asOf, rules);
        }

        var name = SkillLevels.ChineseName(level);
        rules.Add(new RuleOutcome("appoint-level", true, $"聘任{name}", Citation));
        rules.Add(ladder.HasSeniorTechnician && string.Equals(ladder.OccupationCode, appointment.OccupationCode, StringComparison.Ordinal)
            ? new RuleOutcome("appoint-occupation", true, $"{ladder.Display}设有高级技师等级", Citation)
            : new RuleOutcome("appoint-occupation", false,
                ladder.HasSeniorTechnician
                    ? $"聘任职业{appointment.OccupationCode}与职业标准{ladder.Display}不一致"
                    : $"{ladder.Display}未设高级技师等级，不能聘任{name}（特级技师、首席技师只在设有高级技师的职业（工种）设立）",
                Citation));

        var prerequisite = level == SkillLevel.PrincipalTechnician ? SkillLevel.SeniorTechnician : SkillLevel.PrincipalTechnician;
        if (facts.LevelsHeld.TryGetValue(prerequisite, out var since) && since <= appointment.StartsOn)
        {
            rules.Add(new RuleOutcome("appoint-prerequisite", true, $"已取得{SkillLevels.DisplayName(prerequisite)}（{Elapsed.Date(since)}）", Citation));
            var due = since.AddYears(parameters.MinimumYearsAtPrerequisite);
            rules.Add(due <= appointment.StartsOn
                ? new RuleOutcome("appoint-years", true,
                    string.Create(CultureInfo.InvariantCulture, $"取得{SkillLevels.ChineseName(prerequisite)}已满{parameters.MinimumYearsAtPrerequisite}年"))
                : new RuleOutcome("appoint-years", false,
                    string.Create(CultureInfo.InvariantCulture, $"取得{SkillLevels.ChineseName(prerequisite)}须满{parameters.MinimumYearsAtPrerequisite}年，尚差{Elapsed.Describe(appointment.StartsOn, due)}")));
        }
        else
        {
            rules.Add(new RuleOutcome("appoint-prerequisite", false, $"聘任{name}须已取得{SkillLevels.DisplayName(prerequisite)}", Citation));
        }

        var termOk = appointment.EndsOn >= appointment.StartsOn
            && appointment.StartsOn.AddYears(parameters.MinimumTermYears).AddDays(-1) <= appointment.EndsOn
            && appointment.EndsOn <= appointment.StartsOn.AddYears(parameters.MaximumTermYears).AddDays(-1);
        rules.Add(new RuleOutcome("appoint-term", termOk,
            termOk
                ? $"聘期{Elapsed.Date(appointment.StartsOn)}至{Elapsed.Date(appointment.EndsOn)}"
                : string.Create(CultureInfo.InvariantCulture, $"聘期应为{parameters.MinimumTermYears}至{parameters.MaximumTermYears}年（现为{Elapsed.Date(appointment.StartsOn)}至{Elapsed.Date(appointment.EndsOn)}）")));

        rules.Add(string.IsNullOrWhiteSpace(appointment.Post)
            ? new RuleOutcome("appoint-post", false, "须填写聘任岗位")
            : new RuleOutcome("appoint-post", true, $"聘任岗位：{appointment.Post.Trim()}"));
        rules.Add(new RuleOutcome("appoint-employed", facts.EmployedByEnterprise,
            facts.EmployedByEnterprise ? "被聘人员为本单位职工" : "被聘人员不是本单位职工，不能聘任"));
        if (parameters.MaximumServing is { } quota)
        {
            rules.Add(new RuleOutcome("appoint-quota", facts.ServingAtLevel < quota,
                string.Create(CultureInfo.InvariantCulture, $"本单位在聘{name}{facts.ServingAtLevel}人（上限{quota}人）")));
        }

        return new Decision<bool>(rules.TrueForAll(r => r.Holds), asOf, rules);
    }
}
