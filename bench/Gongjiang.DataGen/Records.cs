namespace Gongjiang.DataGen;

/// <summary>The two kinds of file generated; the values match <c>ImportKind</c> of the web import.</summary>
public enum RecordKind
{
    /// <summary>人员名册.</summary>
    Roster = 1,

    /// <summary>荣誉名单.</summary>
    Honours = 2,
}

/// <summary>A generated row: its cells in the canonical column order of <see cref="SyntheticColumns.For"/>.</summary>
public interface ISyntheticRecord
{
    /// <summary>Which file the row belongs to.</summary>
    RecordKind Kind { get; }

    /// <summary>True when the generator broke the row on purpose (including exact duplicates).</summary>
    bool IsDeliberatelyBad { get; }

    /// <summary>One of <see cref="BadReasons"/> when <see cref="IsDeliberatelyBad"/>, otherwise null.</summary>
    string? BadReason { get; }

    /// <summary>The cell of canonical column <paramref name="column"/>, exactly as written to the file.</summary>
    string GetField(int column);
}

/// <summary>
/// One row of a 人员名册, every cell a string exactly as it appears in the file (dates as “yyyy-MM-dd”, empty
/// optional cells as “”). Property order is the canonical column order.
/// </summary>
public sealed record RosterRecord(
    string Name,
    string IdNumber,
    string Mobile,
    string EnterpriseName,
    string CreditCode,
    string RegionCode,
    string OwnershipType,
    string Industry,
    string Occupation,
    string OccupationCode,
    string Post,
    string Frontline,
    string EmploymentStart,
    string SkillLevel,
    string CertificateNumber,
    string CertificateIssuer,
    string CertificateDate) : ISyntheticRecord
{
    /// <summary>Number of columns.</summary>
    public const int FieldCount = 17;

    /// <inheritdoc />
    public bool IsDeliberatelyBad { get; init; }

    /// <inheritdoc />
    public string? BadReason { get; init; }

    /// <inheritdoc />
    public RecordKind Kind => RecordKind.Roster;

    /// <inheritdoc />
    public string GetField(int column) => column switch
    {
        0 => Name,
        1 => IdNumber,
        2 => Mobile,
        3 => EnterpriseName,
        4 => CreditCode,
        5 => RegionCode,
        6 => OwnershipType,
        7 => Industry,
        8 => Occupation,
        9 => OccupationCode,
        10 => Post,
        11 => Frontline,
        12 => EmploymentStart,
        13 => SkillLevel,
        14 => CertificateNumber,
        15 => CertificateIssuer,
        16 => CertificateDate,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };
}

/// <summary>One row of a 荣誉名单, every cell a string exactly as it appears in the file.</summary>
public sealed record HonourRecord(
    string Name,
    string IdNumber,
    string HonorTitle,
    string AwardYear,
    string AwardingBody,
    string DocumentNumber,
    string Revoked,
    string RevokedDate) : ISyntheticRecord
{
    /// <summary>Number of columns.</summary>
    public const int FieldCount = 8;

    /// <inheritdoc />
    public bool IsDeliberatelyBad { get; init; }

    /// <inheritdoc />
    public string? BadReason { get; init; }

    /// <inheritdoc />
    public RecordKind Kind => RecordKind.Honours;

    /// <inheritdoc />
    public string GetField(int column) => column switch
    {
        0 => Name,
        1 => IdNumber,
        2 => HonorTitle,
        3 => AwardYear,
        4 => AwardingBody,
        5 => DocumentNumber,
        6 => Revoked,
        7 => RevokedDate,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };
}

/// <summary>The <see cref="ISyntheticRecord.BadReason"/> codes of deliberately broken rows.</summary>
public static class BadReasons
{
    /// <summary>公民身份号码 with a wrong 18th (check) character.</summary>
    public const string IdCheck = "id-check";

    /// <summary>公民身份号码 whose birth date does not exist (e.g. 19990231); check character correct.</summary>
    public const string BirthDateImpossible = "birth-date-impossible";

    /// <summary>公民身份号码 born after “today”; check character correct.</summary>
    public const string BirthDateFuture = "birth-date-future";

    /// <summary>公民身份号码 starting with the unknown province code 99; check character correct.</summary>
    public const string ProvinceUnknown = "province-unknown";

    /// <summary>统一社会信用代码 with a wrong 18th (check) character.</summary>
    public const string CreditCodeCheck = "credit-code-check";

    /// <summary>Empty 姓名.</summary>
    public const string NameEmpty = "name-empty";

    /// <summary>职业技能等级 “超级工”.</summary>
    public const string SkillLevelUnknown = "skill-level-unknown";

    /// <summary>发证日期 after “today”.</summary>
    public const string CertificateDateFuture = "certificate-date-future";

    /// <summary>职业编码 “6-18-1”.</summary>
    public const string OccupationCodeFormat = "occupation-code-format";

    /// <summary>手机号码 “12345”.</summary>
    public const string MobileInvalid = "mobile-invalid";

    /// <summary>岗位 “=1+1”, a cell that looks like a spreadsheet formula.</summary>
    public const string FormulaCell = "formula-cell";

    /// <summary>An exact copy of an earlier row of the same file.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>The 公民身份号码 of an earlier row with a different 姓名 (same person twice, conflicting data).</summary>
    public const string ConflictingDuplicate = "conflicting-duplicate";

    /// <summary>荣誉名单: a title whose level cannot be told (“技术能手”).</summary>
    public const string HonourUnknown = "honour-unknown";

    /// <summary>荣誉名单: 授予年份 after this year.</summary>
    public const string AwardYearFuture = "award-year-future";

    /// <summary>荣誉名单: the 姓名 differs from the roster's for the same 公民身份号码.</summary>
    public const string NameMismatch = "name-mismatch";

    /// <summary>荣誉名单: 是否撤销 “是” with a 撤销日期 that does not exist.</summary>
    public const string RevokedDateInvalid = "revoked-date-invalid";

    /// <summary>The reasons that make the 公民身份号码 itself fail <c>CitizenIdNumber.Parse</c>.</summary>
    public static IReadOnlyList<string> IdNumberFaults { get; } = [IdCheck, BirthDateImpossible, BirthDateFuture, ProvinceUnknown];

    /// <summary>Every roster reason, in the order they are drawn.</summary>
    public static IReadOnlyList<string> Roster { get; } =
    [
        IdCheck, BirthDateImpossible, BirthDateFuture, ProvinceUnknown, CreditCodeCheck, NameEmpty, SkillLevelUnknown,
        CertificateDateFuture, OccupationCodeFormat, MobileInvalid, FormulaCell, Duplicate, ConflictingDuplicate,
    ];

    /// <summary>Every honours reason, in the order they are drawn.</summary>
    public static IReadOnlyList<string> Honours { get; } =
        [IdCheck, NameEmpty, HonourUnknown, AwardYearFuture, NameMismatch, RevokedDateInvalid, Duplicate];
}
