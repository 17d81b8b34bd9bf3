using System.Globalization;

namespace Gongjiang.Core.Leave;

/// <summary>
/// The articles the leave rules cite, quoted from 《职工带薪年休假条例》(国务院令第514号, in force 2008-01-01) and
/// 《企业职工带薪年休假实施办法》(人社部令第1号, 2008-09-18), both checked against the primary text (rules.md §1 [V]).
/// Each constant is “citation：the sentence that applies”, as shown in a trace.
/// </summary>
internal static class LeaveArticles
{
    public const string Regulation = "《职工带薪年休假条例》";
    public const string Measures = "《企业职工带薪年休假实施办法》";

    public const string Art2Eligibility = Regulation + "第二条：职工连续工作1年以上的，享受带薪年休假；"
        + Measures + "第三条：职工连续工作满12个月以上的，享受带薪年休假";

    public const string MeasuresArt4Cumulative = Measures + "第四条：年休假天数根据职工累计工作时间确定。职工在同一或者不同用人单位工作期间，"
        + "以及依照法律、行政法规或者国务院规定视同工作期间，应当计为累计工作时间";

    public const string Art3RestDays = Regulation + "第三条第二款：国家法定休假日、休息日不计入年休假的假期";

    public const string Art4Item1Vacation = Regulation + "第四条第（一）项：职工依法享受寒暑假，其休假天数多于年休假天数的，不享受当年的年休假";

    public const string MeasuresArt7TopUp = Measures + "第七条：确因工作需要，职工享受的寒暑假天数少于其年休假天数的，用人单位应当安排补足年休假天数";

    public const string Art4Item2PersonalLeave = Regulation + "第四条第（二）项：职工请事假累计20天以上且单位按照规定不扣工资的，不享受当年的年休假";

    public const string MeasuresArt5NewEmployee = Measures + "第五条：职工新进用人单位的，当年度年休假天数按照在本单位剩余日历天数折算确定，"
        + "折算后不足1整天的部分不享受年休假；（当年度在本单位剩余日历天数÷365天）×职工本人全年应当享受的年休假天数";

    public const string MeasuresArt6OtherLeave = Measures + "第六条：职工依法享受的探亲假、婚丧假、产假等国家规定的假期以及因工伤停工留薪期间不计入年休假假期";

    public const string MeasuresArt8NextYear = Measures + "第八条：职工已享受当年的年休假，年度内又出现条例第四条第（二）、（三）、（四）、（五）项规定情形之一的，"
        + "不享受下一年度的年休假";

    public const string Art5CarryOver = Regulation + "第五条：年休假一般不跨年度安排；单位因生产、工作特点确有必要跨年度安排的，可以跨1个年度安排；"
        + Measures + "第九条：跨1个年度安排年休假的，应征得职工本人同意";

    public const string Art5Compensation = Regulation + "第五条第三款：对职工应休未休的年休假天数，单位应当按照该职工日工资收入的300%支付年休假工资报酬；"
        + Measures + "第十条第一款：其中包含用人单位支付职工正常工作期间的工资收入";

    public const string MeasuresArt10Waiver = Measures + "第十条第二款：用人单位安排职工休年休假，但是职工因本人原因且书面提出不休年休假的，"
        + "用人单位可以只支付其正常工作期间的工资收入";

    public const string MeasuresArt11DailyWage = Measures + "第十一条：日工资收入按照职工本人的月工资除以月计薪天数（21.75天）折算；"
        + "月工资是指支付未休年休假工资报酬前12个月剔除加班工资后的月平均工资，在本单位工作不满12个月的按实际月份计算";

    public const string MeasuresArt12Leaver = Measures + "第十二条：解除或者终止劳动合同时，按照（当年度在本单位已过日历天数÷365天）×职工本人全年应当享受的年休假天数"
        + "－当年度已安排年休假天数折算应休未休天数，不足1整天的部分不支付；多于折算应休年休假的天数不再扣回";

    public const string MeasuresArt18Year = Measures + "第十八条：本办法中的“年度”是指公历年度";

    public const string Art7Damages = Regulation + "第七条：单位不安排职工休年休假又不给予年休假工资报酬，逾期不改正的，除责令支付年休假工资报酬外，"
        + "还应当按照年休假工资报酬的数额向职工加付赔偿金";

    /// <summary>条例 art 3, the sentence for the tier the worker is in.</summary>
    public static string Art3Tier(LeaveTier tier, LeaveTier? next) => next is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Regulation}第三条：职工累计工作已满{tier.MinimumYears}年的，年休假{tier.Days}天")
        : string.Create(CultureInfo.InvariantCulture, $"{Regulation}第三条：职工累计工作已满{tier.MinimumYears}年不满{next.MinimumYears}年的，年休假{tier.Days}天");

    /// <summary>条例 art 4 (3)–(5), the sick-leave item for the tier.</summary>
    public static string Art4SickLeave(int item, LeaveTier tier, LeaveTier? next)
    {
        var itemText = item switch
        {
            0 => "（三）",
            1 => "（四）",
            2 => "（五）",
            _ => string.Empty,
        };
        var range = next is null
            ? string.Create(CultureInfo.InvariantCulture, $"累计工作满{tier.MinimumYears}年以上的职工")
            : string.Create(CultureInfo.InvariantCulture, $"累计工作满{tier.MinimumYears}年不满{next.MinimumYears}年的职工");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Regulation}第四条第{itemText}项：{range}，请病假累计{tier.SickLeaveMonthsExcluding:0.##}个月以上的，不享受当年的年休假");
    }
}
