using Gongjiang.Core.Common;
using static Gongjiang.Core.Leave.AnnualLeaveRules;

namespace Gongjiang.Core.Leave;

/// <summary>
/// The paid-annual-leave calculator behind <c>POST /api/v1/leave/annual/calculate</c>: one year at one employer, from
/// the worker's dates and leave to the days, the untaken days, the daily wage and the compensation, with every step and
/// its article (《职工带薪年休假条例》, 《企业职工带薪年休假实施办法》).
/// </summary>
/// <remarks>
/// <para>Order of the rules: the leave year (办法 art 18) → cumulative years (办法 art 4) → eligibility after 12 months
/// (条例 art 2, 办法 art 3) → the tier (条例 art 3) → proration for a new employee (办法 art 5), a leaver (办法 art 12)
/// or a tier reached mid-year (a parameter) → 办法 art 8 from the previous year → exclusions of 条例 art 4 (2)–(5) and
/// 办法 art 8 → winter/summer vacation (条例 art 4 (1), 办法 art 7) → untaken days → daily wage (办法 art 11) →
/// compensation (条例 art 5, 办法 art 10) → carry-over (条例 art 5, 办法 art 9).</para>
/// <para>Pure: a function of the input and <see cref="AnnualLeaveParameters"/>; no clock.</para>
/// </remarks>
public static class AnnualLeaveCalculator
{
    private const int MaxDaysInYear = 366;
    private const int MaxYearsBeforeFirstWork = 60;

    /// <summary>Validates, then calculates with the enterprise parameters in force in <see cref="AnnualLeaveInput.Year"/>.</summary>
    public static AnnualLeaveCalculation Calculate(AnnualLeaveInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return new AnnualLeaveCalculation(null, errors);
        }

        return new AnnualLeaveCalculation(Compute(input, AnnualLeaveParameters.ForYear(input.Year).GetValueOrThrow()), []);
    }

    /// <summary>Validates, then calculates with <paramref name="parameters"/> (a regional or what-if set).</summary>
    /// <exception cref="ArgumentException">The parameters are inconsistent (<see cref="AnnualLeaveParameters.Check"/>).</exception>
    public static AnnualLeaveCalculation Calculate(AnnualLeaveInput input, AnnualLeaveParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Check() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("；", problems), nameof(parameters));
        }

        var errors = Validate(input, parameters);
        return errors.Count > 0 ? new AnnualLeaveCalculation(null, errors) : new AnnualLeaveCalculation(Compute(input, parameters), []);
    }

    /// <summary>
    /// Every bad field of <paramref name="input"/>, keyed by its camelCase request name, each with a Chinese message
    /// naming the field; empty when valid. Checks: the year (2008–2100, and covered by the parameters); dates in order
    /// (参加工作 ≤ 入职 ≤ 离职), the hire and leave dates inside the year, the first work date not after the year nor
    /// more than 60 years before it; days and months not negative, sick leave at most 12 months, days at most 366; the
    /// wage not negative, at most two decimals and at most 10 亿元. Days taken above the entitlement are not an error
    /// (the excess is not clawed back, 办法 art 12).
    /// </summary>
    public static IReadOnlyList<LeaveInputError> Validate(AnnualLeaveInput input, AnnualLeaveParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<LeaveInputError>();
        void Add(string field, FormattableString message) => errors.Add(new LeaveInputError(field, Text(message)));

        var year = input.Year;
        if (year is < AnnualLeaveParameters.FirstYear or > AnnualLeaveParameters.LastYear)
        {
            Add(AnnualLeaveFields.Year, $"年度（year）须在{AnnualLeaveParameters.FirstYear}年至{AnnualLeaveParameters.LastYear}年之间（《职工带薪年休假条例》自2008年1月1日起施行），当前为{year}");
            return errors; // every date check below is relative to the year
        }

        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        if (parameters is not null && !parameters.AppliesOn(yearStart))
        {
            Add(AnnualLeaveFields.Year, $"年度（year）{year}年不在所选规则“{parameters.Name}”的施行期间内（自{Format(parameters.EffectiveFrom)}起）");
        }

        var first = input.FirstWorkDate;
        if (first > yearEnd)
        {
            Add(AnnualLeaveFields.FirstWorkDate, $"参加工作日期（firstWorkDate）{Format(first)}晚于计算年度末（{Format(yearEnd)}）");
        }
        else if (first.Year < year - MaxYearsBeforeFirstWork)
        {
            Add(AnnualLeaveFields.FirstWorkDate, $"参加工作日期（firstWorkDate）{Format(first)}早于计算年度{MaxYearsBeforeFirstWork}年以上，请核对");
        }

        if (input.HireDate is { } hire)
        {
            if (hire.Year != year)
            {
                Add(AnnualLeaveFields.HireDate, $"入职日期（hireDate）{Format(hire)}不在计算年度{year}年内；在{year}年以前入职的，请不填入职日期");
            }
            else if (hire < first)
            {
                Add(AnnualLeaveFields.HireDate, $"入职日期（hireDate）{Format(hire)}早于参加工作日期{Format(first)}，日期顺序有误");
            }
        }

        if (input.LeaveDate is { } leave)
        {
            if (leave.Year != year)
            {
                Add(AnnualLeaveFields.LeaveDate, $"离职日期（leaveDate）{Format(leave)}不在计算年度{year}年内；不在本年度离职的，请不填离职日期");
            }
            else if (input.HireDate is { } hired && leave < hired)
            {
                Add(AnnualLeaveFields.LeaveDate, $"离职日期（leaveDate）{Format(leave)}早于入职日期{Format(hired)}，日期顺序有误");
            }
            else if (leave < first)
            {
                Add(AnnualLeaveFields.LeaveDate, $"离职日期（leaveDate）{Format(leave)}早于参加工作日期{Format(first)}，日期顺序有误");
            }
        }

        if (input.SickLeaveMonths < 0)
        {
            Add(AnnualLeaveFields.SickLeaveMonths, $"病假累计月数（sickLeaveMonths）不能为负数");
        }
        else if (input.SickLeaveMonths > 12)
        {
            Add(AnnualLeaveFields.SickLeaveMonths, $"病假累计月数（sickLeaveMonths）不能超过12个月，当前为{input.SickLeaveMonths:0.##}");
        }
        else if (input.SickLeaveMonths != decimal.Round(input.SickLeaveMonths, 2))
        {
            Add(AnnualLeaveFields.SickLeaveMonths, $"病假累计月数（sickLeaveMonths）最多保留两位小数");
        }

        CheckDays(AnnualLeaveFields.PersonalLeaveDays, "事假累计天数", input.PersonalLeaveDays);
        CheckDays(AnnualLeaveFields.VacationDays, "寒暑假天数", input.VacationDays);
        CheckDays(AnnualLeaveFields.DaysTaken, "已休年休假天数", input.DaysTaken);

        var wage = input.AverageMonthlyWage;
        if (wage < 0)
        {
            Add(AnnualLeaveFields.AverageMonthlyWage, $"月平均工资（averageMonthlyWage）不能为负数");
        }
        else if (wage > Money.Limit.Yuan)
        {
            Add(AnnualLeaveFields.AverageMonthlyWage, $"月平均工资（averageMonthlyWage）超过上限（10亿元），请核对");
        }
        else if (!Money.FromYuan(wage).IsValid)
        {
            Add(AnnualLeaveFields.AverageMonthlyWage, $"月平均工资（averageMonthlyWage）最多保留两位小数（精确到分），当前为{wage}");
        }

        return errors;

        void CheckDays(string field, string label, decimal days)
        {
            if (days < 0)
            {
                Add(field, $"{label}（{field}）不能为负数");
            }
            else if (days > MaxDaysInYear)
            {
                Add(field, $"{label}（{field}）不能超过{MaxDaysInYear}天，当前为{days:0.##}");
            }
            else if (days != decimal.Round(days, 2))
            {
                Add(field, $"{label}（{field}）最多保留两位小数");
            }
        }
    }

    private static AnnualLeaveResult Compute(AnnualLeaveInput input, AnnualLeaveParameters p)
    {
        var year = input.Year;
        var first = input.FirstWorkDate;
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        var isNew = input.HireDate is not null;
        var isLeaver = input.LeaveDate is not null;
        var start = input.HireDate ?? yearStart;
        var last = input.LeaveDate ?? yearEnd;
        var end = isLeaver && !p.LeaveDayCountsAsElapsed ? last.AddDays(-1) : last;
        var periodDays = end < start ? 0 : end.DayNumber - start.DayNumber + 1;
        var trace = new List<RuleOutcome>();
        var zeroReasons = new List<string>();
        void Step(string ruleId, bool holds, FormattableString reason, string? citation) =>
            trace.Add(new RuleOutcome(ruleId, holds, Text(reason), citation));

        // 办法 art 18: the calendar year; the part of it at this employer.
        Step("leave-banfa18-year", true, $"计算年度为{year}年（{Format(yearStart)}至{Format(yearEnd)}）；在本单位的计算期间为{Period(start, end)}，共{periodDays}个日历天", LeaveArticles.MeasuresArt18Year);

        // 办法 art 4: cumulative working years.
        var years = CompleteYears(first, last);
        Step("leave-banfa4-cumulative-years", true, $"自{Format(first)}参加工作，按连续工作计，至{Format(last)}累计工作已满{years}年", LeaveArticles.MeasuresArt4Cumulative);

        // The tier in force on each day of the period (条例 art 3), split where a tier starts (the mid-year parameter).
        var rule = p.MidYearTierChange;
        var dateRule = rule == MidYearTierChange.FromFollowingMonth ? MidYearTierChange.FromFollowingMonth : MidYearTierChange.ProrateByCalendarDays;
        var tierStarts = p.Tiers.Select(t => TierCountsFrom(first, t.MinimumYears, dateRule)).ToArray();
        LeaveTier? TierOn(DateOnly day)
        {
            LeaveTier? tier = null;
            for (var i = 0; i < p.Tiers.Count; i++)
            {
                if (tierStarts[i] <= day)
                {
                    tier = p.Tiers[i];
                }
            }

            return tier;
        }

        var segments = Segments(start, end, periodDays, rule, tierStarts, TierOn);
        var governing = segments.Select(s => s.Tier).Where(t => t is not null).MaxBy(t => t!.Days);
        var fullYearDays = governing?.Days ?? 0;
        var tierChanges = periodDays > 0 && TierOn(start) != TierOn(end);

        // 条例 art 2, 办法 art 3: 12 months of continuous work.
        var eligibleFrom = YearsCompleteOn(first, p.Tiers[0].MinimumYears);
        var months = p.Tiers[0].MinimumYears * 12;
        if (governing is null)
        {
            var why = periodDays == 0
                ? Text($"本年度在本单位的计算期间为0天，不享受年休假")
                : eligibleFrom > end
                    ? Text($"自{Format(first)}参加工作，至{Format(end)}连续工作未满{months}个月（{Format(eligibleFrom)}起方满{months}个月），不享受{year}年度的年休假")
                    : Text($"连续工作于{Format(eligibleFrom)}满{months}个月，但按规则参数“{RuleName(rule)}”，本年度在本单位的计算期间内尚不计算年休假");
            Step("leave-tiaoli2-eligibility", false, $"{why}", LeaveArticles.Art2Eligibility);
            zeroReasons.Add(why);
        }
        else
        {
            Step("leave-tiaoli2-eligibility", true, $"自{Format(first)}参加工作，{Format(eligibleFrom)}起连续工作满{months}个月，享受带薪年休假", LeaveArticles.Art2Eligibility);
            var next = p.NextTier(governing);
            var range = next is null ? Text($"满{governing.MinimumYears}年") : Text($"满{governing.MinimumYears}年不满{next.MinimumYears}年");
            Step($"leave-tiaoli3-tier-{governing.MinimumYears}", true, $"累计工作已满{years}年（{range}），全年应当享受的年休假为{governing.Days}天", LeaveArticles.Art3Tier(governing, next));
        }

        if (tierChanges)
        {
            Step("leave-param-mid-year-tier", true, $"本年度在本单位期间内累计工作年限达到新档次，国家规定未明确如何确定当年天数；本计算采用规则参数“{RuleName(rule)}”：{Segmentation(segments)}", null);
        }

        // Proration: 办法 art 5 (new employee), art 12 (leaver), or a tier reached mid-year.
        var baseDays = fullYearDays;
        if (governing is not null && (isNew || isLeaver || segments.Count > 1))
        {
            var weighted = segments.Sum(s => (long)s.Days * (s.Tier?.Days ?? 0));
            baseDays = ProratedDays(weighted, fullYearDays, p);
            var exact = Math.Truncate(weighted * 100m / p.ProrationDivisor) / 100m;
            var formula = segments.Count == 1
                ? Text($"（当年度在本单位{DayKindText(isNew, isLeaver)}日历天数{segments[0].Days}天÷{p.ProrationDivisor}天）×{fullYearDays}天＝{exact:0.00}天")
                : Text($"（{string.Join("＋", segments.Select(s => Text($"{Period(s.From, s.To)}{s.Days}天×{s.Tier?.Days ?? 0}天")))}）÷{p.ProrationDivisor}天＝{exact:0.00}天");
            var capped = weighted / p.ProrationDivisor > fullYearDays ? Text($"，不超过全年应休的{fullYearDays}天") : "";
            var leaveDay = isLeaver
                ? Text($"；已过日历天数计至离职日{Format(last)}（{(p.LeaveDayCountsAsElapsed ? "含" : "不含")}离职当日，国家规定未明确，规则参数）")
                : "";
            var citation = (isNew, isLeaver) switch
            {
                (true, true) => LeaveArticles.MeasuresArt5NewEmployee + "；" + LeaveArticles.MeasuresArt12Leaver,
                (true, false) => LeaveArticles.MeasuresArt5NewEmployee,
                (false, true) => LeaveArticles.MeasuresArt12Leaver,
                (false, false) => null,
            };
            var ruleId = (isNew, isLeaver) switch
            {
                (true, true) => "leave-banfa5-banfa12-proration",
                (true, false) => "leave-banfa5-new-employee",
                (false, true) => "leave-banfa12-leaver",
                (false, false) => "leave-param-mid-year-proration",
            };
            Step(ruleId, true, $"{formula}，不足1整天的部分不计，折算为{baseDays}天{capped}{leaveDay}", citation);
            if (baseDays == 0)
            {
                zeroReasons.Add(Text($"按在本单位的日历天数折算为{exact:0.00}天，不足1整天，不享受年休假"));
            }
        }

        var entitled = baseDays;
        var noLeaveNextYear = false;
        if (baseDays > 0 && governing is not null)
        {
            // 办法 art 8, from the previous year.
            if (input.ExcludedByPreviousYear)
            {
                var why = Text($"上一年度已享受年休假后又出现条例第四条第（二）至（五）项情形，{year}年度不享受年休假");
                Step("leave-banfa8-previous-year", true, $"{why}", LeaveArticles.MeasuresArt8NextYear);
                zeroReasons.Add(why);
                entitled = 0;
            }

            // 条例 art 4 (2): personal leave.
            var personal = input.PersonalLeaveDays >= p.PersonalLeaveDaysExcluding && !input.PersonalLeaveWagesDeducted;
            var personalText = personal
                ? Text($"事假累计{input.PersonalLeaveDays:0.##}天，达到{p.PersonalLeaveDaysExcluding:0.##}天且单位未扣工资，不享受当年的年休假")
                : input.PersonalLeaveDays >= p.PersonalLeaveDaysExcluding
                    ? Text($"事假累计{input.PersonalLeaveDays:0.##}天，但单位已按规定扣工资，不适用")
                    : Text($"事假累计{input.PersonalLeaveDays:0.##}天，不足{p.PersonalLeaveDaysExcluding:0.##}天，不适用");
            Step("leave-tiaoli4-2-personal-leave", personal, $"{personalText}", LeaveArticles.Art4Item2PersonalLeave);

            // 条例 art 4 (3)–(5): sick leave by the tier.
            var index = p.IndexOf(governing);
            var sick = input.SickLeaveMonths >= governing.SickLeaveMonthsExcluding;
            var sickText = sick
                ? Text($"累计工作满{years}年，病假累计{input.SickLeaveMonths:0.##}个月，达到{governing.SickLeaveMonthsExcluding:0.##}个月，不享受当年的年休假")
                : Text($"累计工作满{years}年，病假累计{input.SickLeaveMonths:0.##}个月，不足{governing.SickLeaveMonthsExcluding:0.##}个月，不适用");
            Step(Text($"leave-tiaoli4-{index + 3}-sick-leave"), sick, $"{sickText}", LeaveArticles.Art4SickLeave(index, governing, p.NextTier(governing)));

            if (personal || sick)
            {
                entitled = 0;
                zeroReasons.Add(personal ? personalText : sickText);
                if (input.DaysTaken > 0)
                {
                    // 办法 art 8: leave already taken, then the case arose.
                    noLeaveNextYear = true;
                    Step("leave-banfa8-next-year", true, $"本年度已休年休假{input.DaysTaken}天后又出现上述情形：已休的天数不扣回，{year + 1}年度不享受年休假", LeaveArticles.MeasuresArt8NextYear);
                }
            }

            // 条例 art 4 (1), 办法 art 7: winter and summer vacation.
            if (input.VacationDays > 0 && entitled > 0)
            {
                if (input.VacationDays > baseDays)
                {
                    var why = Text($"依法享受寒暑假{input.VacationDays}天，多于年休假{baseDays}天，不享受当年的年休假");
                    Step("leave-tiaoli4-1-vacation", true, $"{why}", LeaveArticles.Art4Item1Vacation);
                    zeroReasons.Add(why);
                    entitled = 0;
                }
                else
                {
                    entitled = baseDays - input.VacationDays;
                    var topUp = entitled > 0
                        ? Text($"寒暑假{input.VacationDays}天少于年休假{baseDays}天，应补足{entitled}天年休假")
                        : Text($"寒暑假{input.VacationDays}天与年休假{baseDays}天相同，无需补足");
                    Step("leave-banfa7-top-up", entitled > 0, $"{topUp}", LeaveArticles.MeasuresArt7TopUp);
                    if (entitled == 0)
                    {
                        zeroReasons.Add(topUp);
                    }
                }
            }

            // 条例 art 3 ¶2 and 办法 art 6: what leave days are.
            Step("leave-tiaoli3-rest-days", true, $"年休假天数为工作日：休假期间遇国家法定休假日、休息日的，不计入年休假天数", LeaveArticles.Art3RestDays);
            Step("leave-banfa6-other-leave", true, $"已休天数只计年休假；探亲假、婚丧假、产假和工伤停工留薪期不计入，也不减少年休假", LeaveArticles.MeasuresArt6OtherLeave);
        }

        // Untaken days: 办法 art 10 (in the year) or art 12 (leaver); excess never clawed back.
        var taken = input.DaysTaken;
        var untaken = Math.Max(0, entitled - taken);
        if (isLeaver)
        {
            var excess = taken > entitled
                ? entitled == 0 && baseDays > 0 ? Text($"，已休的{taken}天不扣回") : Text($"，多于折算应休天数的{taken - entitled}天不再扣回")
                : "";
            Step("leave-banfa12-untaken", untaken > 0, $"折算应休{entitled}天－当年度已安排{taken}天，应休未休{untaken}天{excess}", LeaveArticles.MeasuresArt12Leaver);
        }
        else
        {
            var excess = taken > entitled
                ? entitled == 0 && baseDays > 0 ? Text($"；已休的{taken}天不扣回") : Text($"；多休的{taken - entitled}天不计为欠休，也不扣回")
                : "";
            Step("leave-banfa10-untaken", untaken > 0, $"应休{entitled}天－已休{taken}天，应休未休{untaken}天{excess}", MeasuresArt10Untaken);
        }

        // 办法 art 11: daily wage.
        var wage = Money.FromYuan(input.AverageMonthlyWage).GetValueOrThrow();
        var daily = DailyWage(wage, p);
        var roundingText = p.DailyWageRounding == DailyWageRounding.RoundToFen ? "四舍五入到分，规则参数" : "仅供显示，报酬按总额计算后四舍五入到分，规则参数";
        Step("leave-banfa11-daily-wage", true, $"日工资收入＝月平均工资{wage.ToChinese()}÷{p.MonthlyPayDays}天＝{daily.ToChinese()}（{roundingText}）", LeaveArticles.MeasuresArt11DailyWage);

        // 条例 art 5, 办法 art 10: 300 %, of which 200 % extra; written refusal → normal pay only.
        var compensation = ExtraCompensation(wage, untaken, input.WrittenRefusal, p);
        if (untaken > 0 && input.WrittenRefusal)
        {
            Step("leave-banfa10-written-refusal", true, $"单位已安排年休假，职工因本人原因书面提出不休，只支付正常工作期间的工资收入，不另付{p.ExtraPayPercent}%报酬", LeaveArticles.MeasuresArt10Waiver);
        }
        else if (untaken > 0)
        {
            Step("leave-tiaoli5-compensation", true, $"应另付{daily.ToChinese()}×{p.ExtraPayPercent}%×{untaken}天＝{compensation.ToChinese()}（另含已发的正常工资100%，合计{p.ExtraPayPercent + 100}%）", LeaveArticles.Art5Compensation);
        }
        else
        {
            Step("leave-tiaoli5-compensation", false, $"无应休未休天数，不需支付年休假工资报酬", LeaveArticles.Art5Compensation);
        }

        // 条例 art 5, 办法 art 9: carry-over (not for a leaver, who is paid at the end of the contract).
        DateOnly? carryOverUntil = null;
        if (untaken > 0 && !isLeaver)
        {
            carryOverUntil = CarryOverDeadline(year, p);
            Step("leave-tiaoli5-carry-over", true, $"应休未休的{untaken}天应在{year}年内安排或支付报酬；单位确有必要并经职工本人同意的，可跨{p.CarryOverYears}个年度安排，最迟至{Format(carryOverUntil.Value)}", LeaveArticles.Art5CarryOver);
        }

        string? reason = null;
        if (entitled == 0)
        {
            reason = zeroReasons.Count > 0 ? string.Join("；", zeroReasons) : "应休年休假天数为0天";
        }

        return new AnnualLeaveResult(year, last, entitled, reason, untaken, daily, compensation, trace, fullYearDays, years, noLeaveNextYear, carryOverUntil);
    }

    private const string MeasuresArt10Untaken = LeaveArticles.Measures + "第十条：安排职工年休假天数少于应休年休假天数的，应当在本年度内对职工应休未休年休假天数，"
        + "按照其日工资收入的300%支付未休年休假工资报酬";

    private readonly record struct Segment(DateOnly From, DateOnly To, LeaveTier? Tier)
    {
        public int Days => To.DayNumber - From.DayNumber + 1;
    }

    private static List<Segment> Segments(DateOnly start, DateOnly end, int periodDays, MidYearTierChange rule, DateOnly[] tierStarts, Func<DateOnly, LeaveTier?> tierOn)
    {
        var segments = new List<Segment>();
        if (periodDays == 0)
        {
            return segments;
        }

        switch (rule)
        {
            case MidYearTierChange.HigherTierForWholeYear:
                segments.Add(new Segment(start, end, tierOn(end)));
                break;
            case MidYearTierChange.LowerTierForWholeYear:
                segments.Add(new Segment(start, end, tierOn(start)));
                break;
            case MidYearTierChange.ProrateByCalendarDays:
            case MidYearTierChange.FromFollowingMonth:
                var from = start;
                foreach (var cut in tierStarts.Where(d => d > start && d <= end).Distinct().Order())
                {
                    segments.Add(new Segment(from, cut.AddDays(-1), tierOn(from)));
                    from = cut;
                }

                segments.Add(new Segment(from, end, tierOn(from)));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule, null);
        }

        return segments;
    }

    private static string Segmentation(List<Segment> segments) =>
        string.Join("，", segments.Select(s => Text($"{Period(s.From, s.To)}按全年{s.Tier?.Days ?? 0}天计")));

    private static string RuleName(MidYearTierChange rule) => rule switch
    {
        MidYearTierChange.ProrateByCalendarDays => "按日历天数分段折算",
        MidYearTierChange.FromFollowingMonth => "自满年限的次月起分段折算",
        MidYearTierChange.HigherTierForWholeYear => "按期间结束时的累计工作年限全年适用",
        MidYearTierChange.LowerTierForWholeYear => "按期间开始时的累计工作年限全年适用",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    private static string DayKindText(bool isNew, bool isLeaver) => (isNew, isLeaver) switch
    {
        (true, false) => "剩余",
        (false, true) => "已过",
        _ => "工作",
    };

    private static string Period(DateOnly from, DateOnly to) =>
        to < from ? "无" : from == to ? Format(from) : Format(from) + "至" + Format(to);
}
