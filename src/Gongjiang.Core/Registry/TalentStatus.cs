using System.Globalization;
using Gongjiang.Core.Common;
using Gongjiang.Core.Standards;

namespace Gongjiang.Core.Registry;

/// <summary>
/// Where a person stands in the 高技能领军人才数据库. Ministry notice 三: “准确梳理辖区内各类企业高技能领军人才情况，建立完善
/// 高技能领军人才数据库，定期更新并向各部门和社会公布”. The int values are stored; never renumber them. Moves between
/// states only by <see cref="TalentLifecycle.Transition(TalentStatus?, TalentAction)"/>.
/// </summary>
public enum TalentStatus
{
    /// <summary>已提名: nominated by the employer (or a clerk), not yet checked.</summary>
    Nominated = 1,
    /// <summary>已核实: the window clerk checked the basis against the documents.</summary>
    Verified = 2,
    /// <summary>已入库: in the database, published.</summary>
    Listed = 3,
    /// <summary>复核中: in the periodic review (定期更新); still in the database until delisted.</summary>
    UnderReview = 4,
    /// <summary>已移出: removed from the database (see <see cref="DelistReason"/>).</summary>
    Delisted = 5,
    /// <summary>未通过核实: the nomination was rejected at verification.</summary>
    Rejected = 6,
}

/// <summary>
/// What a clerk or employer does to a registry entry; <see cref="TalentLifecycle.Transition(TalentStatus?, TalentAction)"/> says which are allowed
/// in which <see cref="TalentStatus"/>. The int values are stored in the history; never renumber them.
/// </summary>
public enum TalentAction
{
    /// <summary>提名 (also re-nomination after 已移出 or 未通过核实).</summary>
    Nominate = 1,
    /// <summary>核实: the clerk confirms the basis.</summary>
    Verify = 2,
    /// <summary>核实不通过.</summary>
    Reject = 3,
    /// <summary>入库.</summary>
    List = 4,
    /// <summary>发起复核 (定期更新).</summary>
    StartReview = 5,
    /// <summary>复核确认: the employer re-confirms and the clerk checks; the entry goes back to 已入库.</summary>
    ConfirmReview = 6,
    /// <summary>移出 (with a <see cref="DelistReason"/>).</summary>
    Delist = 7,
}

/// <summary>
/// Why a person was removed from the 高技能领军人才数据库 (定期更新, ministry notice 三). The int values are stored; never
/// renumber them.
/// </summary>
public enum DelistReason
{
    /// <summary>退休.</summary>
    Retired = 1,
    /// <summary>离职.</summary>
    Resigned = 2,
    /// <summary>去世.</summary>
    Deceased = 3,
    /// <summary>荣誉撤销: the basis of policy 三(一) no longer holds.</summary>
    HonorRevoked = 4,
    /// <summary>迁出: moved out of the jurisdiction.</summary>
    MovedOut = 5,
    /// <summary>其他.</summary>
    Other = 99,
}

/// <summary>Chinese names of <see cref="TalentStatus"/>.</summary>
public static class TalentStatuses
{
    /// <summary>What a person not yet in the registry (status null) is called in messages: “未提名”.</summary>
    public const string NotInRegistryName = "未提名";

    /// <summary>Every status, in declaration order.</summary>
    public static IReadOnlyList<TalentStatus> All { get; } = Enum.GetValues<TalentStatus>();

    public static string ChineseName(TalentStatus status) => status switch
    {
        TalentStatus.Nominated => "已提名",
        TalentStatus.Verified => "已核实",
        TalentStatus.Listed => "已入库",
        TalentStatus.UnderReview => "复核中",
        TalentStatus.Delisted => "已移出",
        TalentStatus.Rejected => "未通过核实",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary><see cref="ChineseName(TalentStatus)"/>, or <see cref="NotInRegistryName"/> for null.</summary>
    public static string ChineseName(TalentStatus? status) => status is { } s ? ChineseName(s) : NotInRegistryName;

    /// <summary>
    /// True for the states in which the person is in the database and on the published list: 已入库 and 复核中 (a review
    /// does not take anyone off the list until they are delisted).
    /// </summary>
    public static bool IsInDatabase(TalentStatus status) => status switch
    {
        TalentStatus.Listed or TalentStatus.UnderReview => true,
        TalentStatus.Nominated or TalentStatus.Verified or TalentStatus.Delisted or TalentStatus.Rejected => false,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

/// <summary>Chinese names of <see cref="TalentAction"/>.</summary>
public static class TalentActions
{
    /// <summary>Every action, in declaration order.</summary>
    public static IReadOnlyList<TalentAction> All { get; } = Enum.GetValues<TalentAction>();

    public static string ChineseName(TalentAction action) => action switch
    {
        TalentAction.Nominate => "提名",
        TalentAction.Verify => "核实",
        TalentAction.Reject => "核实不通过",
        TalentAction.List => "入库",
        TalentAction.StartReview => "发起复核",
        TalentAction.ConfirmReview => "复核确认",
        TalentAction.Delist => "移出",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}

/// <summary>Chinese names and parsing of <see cref="DelistReason"/>.</summary>
public static class DelistReasons
{
    private const string Expected = "退休、离职、去世、荣誉撤销、迁出或其他";

    // Keys are in IdentifierText.Normalize form (no whitespace, half-width, ASCII upper-case).
    private static readonly Dictionary<string, DelistReason> Names = BuildNames();

    /// <summary>Every reason, in declaration order.</summary>
    public static IReadOnlyList<DelistReason> All { get; } = Enum.GetValues<DelistReason>();

    public static string ChineseName(DelistReason reason) => reason switch
    {
        DelistReason.Retired => "退休",
        DelistReason.Resigned => "离职",
        DelistReason.Deceased => "去世",
        DelistReason.HonorRevoked => "荣誉撤销",
        DelistReason.MovedOut => "迁出",
        DelistReason.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>
    /// Reads a reason as people write it: the Chinese names, common synonyms (“已退休”, “辞职”, “死亡”, “病故”, “撤销荣誉”,
    /// “调出”, “其它” …) and the English member names; full-width characters and whitespace are tolerated.
    /// </summary>
    public static Result<DelistReason> Parse(string? text)
    {
        var normal = IdentifierText.Normalize(text);
        if (normal.Length == 0)
        {
            return Result<DelistReason>.Fail("移出原因不能为空，应为" + Expected);
        }

        return Names.TryGetValue(normal, out var reason)
            ? Result<DelistReason>.Ok(reason)
            : Result<DelistReason>.Fail(string.Create(CultureInfo.InvariantCulture, $"移出原因“{text!.Trim()}”无法识别，应为{Expected}"));
    }

    private static Dictionary<string, DelistReason> BuildNames()
    {
        var names = new Dictionary<string, DelistReason>(StringComparer.Ordinal)
        {
            ["已退休"] = DelistReason.Retired,
            ["退休"] = DelistReason.Retired,
            ["离职"] = DelistReason.Resigned,
            ["已离职"] = DelistReason.Resigned,
            ["辞职"] = DelistReason.Resigned,
            ["去世"] = DelistReason.Deceased,
            ["已去世"] = DelistReason.Deceased,
            ["死亡"] = DelistReason.Deceased,
            ["病故"] = DelistReason.Deceased,
            ["逝世"] = DelistReason.Deceased,
            ["荣誉撤销"] = DelistReason.HonorRevoked,
            ["撤销荣誉"] = DelistReason.HonorRevoked,
            ["荣誉被撤销"] = DelistReason.HonorRevoked,
            ["迁出"] = DelistReason.MovedOut,
            ["调出"] = DelistReason.MovedOut,
            ["转出"] = DelistReason.MovedOut,
            ["其他"] = DelistReason.Other,
            ["其它"] = DelistReason.Other,
        };

        foreach (var reason in Enum.GetValues<DelistReason>())
        {
            names[reason.ToString().ToUpperInvariant()] = reason;
        }

        return names;
    }
}
