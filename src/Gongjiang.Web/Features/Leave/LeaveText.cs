using System.Globalization;
using Gongjiang.Core.Common;
using Gongjiang.Core.Leave;

namespace Gongjiang.Web.Features.Leave;

/// <summary>How the leave pages and exports write dates, amounts, statuses and masked names.</summary>
public static class LeaveText
{
    public static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string ChineseDate(DateOnly? day) => day?.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) ?? "";

    public static string Yuan(long fen) => new Money(fen).ToChinese();

    /// <summary>An amount in 元 as a JSON number with exactly two decimals (8000.00, 367.82).</summary>
    public static decimal JsonYuan(Money money) => money.Fen * 0.01m;

    /// <summary>The amount as typed in a form (“8000.00”).</summary>
    public static string Plain(long fen) => (fen * 0.01m).ToString("0.00", CultureInfo.InvariantCulture);

    public static string ChineseName(LeaveYearStatus status) => status switch
    {
        LeaveYearStatus.Taken => "已休满",
        LeaveYearStatus.Scheduled => "已安排待休",
        LeaveYearStatus.Outstanding => "尚未安排",
        LeaveYearStatus.CarriedOver => "跨年度安排",
        LeaveYearStatus.WrittenRefusal => "书面放弃",
        LeaveYearStatus.Compensated => "已足额支付报酬",
        LeaveYearStatus.CompensationOwed => "欠付报酬",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>A CSS class for the status badge.</summary>
    public static string Badge(LeaveYearStatus status) => status switch
    {
        LeaveYearStatus.CompensationOwed => "badge danger",
        LeaveYearStatus.Outstanding or LeaveYearStatus.CarriedOver => "badge warning",
        _ => "badge",
    };

    /// <summary>Hides every character of a name but the first and the last (李建华 → 李*华, 张伟 → 张*), for public pages.</summary>
    public static string MaskName(string? name)
    {
        var text = (name ?? "").Trim();
        var chars = text.EnumerateRunes().Select(r => r.ToString()).ToList();
        return chars.Count switch
        {
            0 => "",
            1 => chars[0],
            2 => chars[0] + "*",
            _ => chars[0] + new string('*', chars.Count - 2) + chars[^1],
        };
    }

    public static string YesNo(bool value) => value ? "是" : "否";
}
