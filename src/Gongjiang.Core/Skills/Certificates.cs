using System.Globalization;
using Gongjiang.Core.Common;
using Gongjiang.Core.Reference;
using Gongjiang.Core.Standards;

namespace Gongjiang.Core.Skills;

/// <summary>The kind of an evaluation body (评价机构). The int values are stored; never renumber them.</summary>
public enum EvaluationBodyKind
{
    /// <summary>用人单位 evaluating its own staff (企业自主评价, policy 六(一)); certificate numbers start with Y.</summary>
    Employer = 1,
    /// <summary>社会培训评价组织; certificate numbers start with S.</summary>
    SocialTrainingOrganization = 2,
}

/// <summary>
/// The number of a 职业技能等级证书 by 《职业技能等级证书编码规则（试行）》 (人力资源社会保障部职业技能鉴定中心, 2020) [S]:
/// one capital letter and 21 digits, e.g. “S000044030000194000123”.
/// </summary>
/// <remarks>
/// <para>Positions: 1 评价机构类别 (Y 用人单位, S 社会培训评价组织); 2–5 评价机构代码 (assigned by 人社部, 0000 for bodies
/// registered with a province); 6–7 the province of the body (站点) (GB/T 2260 first two digits); 8–13 评价机构（站点）
/// 序列码; 14–15 year of issue (last two digits); 16 职业技能等级 (1 一级/高级技师 … 5 五级/初级工); 17–22 证书序列码.</para>
/// <para>Invariants of every instance (only <see cref="Parse"/> makes one): <see cref="Value"/> is 22 characters in
/// that shape, the province is known, the level digit is 1–5. 特级技师 and 首席技师 certificates follow another,
/// unverified rule [M] and are not parsed here.</para>
/// </remarks>
public sealed record SkillCertificateNumber
{
    /// <summary>The length of a number.</summary>
    public const int Length = 22;

    private const string Format = "1位字母（Y或S）加21位数字，如 S000044030000194000123";

    private SkillCertificateNumber(string value)
    {
        Value = value;
        Kind = value[0] == 'Y' ? EvaluationBodyKind.Employer : EvaluationBodyKind.SocialTrainingOrganization;
        BodyCode = value[1..5];
        ProvinceCode = value[5..7];
        SiteSequence = value[7..13];
        YearDigits = int.Parse(value.AsSpan(13, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        Level = SkillLevels.FromGradeDigit(value[15] - '0')!.Value;
        Serial = value[16..];
    }

    /// <summary>The canonical number (upper-case letter, ASCII digits).</summary>
    public string Value { get; }

    /// <summary>评价机构类别 (position 1).</summary>
    public EvaluationBodyKind Kind { get; }

    /// <summary>评价机构代码 (positions 2–5).</summary>
    public string BodyCode { get; }

    /// <summary>Province of the body, two digits (positions 6–7).</summary>
    public string ProvinceCode { get; }

    /// <summary>评价机构（站点）序列码 (positions 8–13).</summary>
    public string SiteSequence { get; }

    /// <summary>Positions 2–13: the body and site as a whole (what identifies the issuing body in the number).</summary>
    public string IssuerPart => Value[1..13];

    /// <summary>Last two digits of the year of issue (positions 14–15).</summary>
    public int YearDigits { get; }

    /// <summary>The level (position 16).</summary>
    public SkillLevel Level { get; }

    /// <summary>证书序列码 (positions 17–22).</summary>
    public string Serial { get; }

    /// <summary>
    /// Reads a number as typed: full-width characters, a lower-case letter and whitespace are tolerated. Refuses a wrong
    /// length, a first letter other than Y or S, non-digits, an unknown province and a level digit outside 1–5, each
    /// with a Chinese message naming the 证书编号.
    /// </summary>
    public static Result<SkillCertificateNumber> Parse(string? text, IRegionDirectory? regions = null)
    {
        var normal = IdentifierText.Normalize(text);
        if (normal.Length == 0)
        {
            return Result<SkillCertificateNumber>.Fail("证书编号不能为空");
        }

        if (normal.Length != Length)
        {
            return Result<SkillCertificateNumber>.Fail(string.Create(CultureInfo.InvariantCulture, $"证书编号“{text!.Trim()}”应为22位（{Format}），现为{normal.Length}位"));
        }

        if (normal[0] is not ('Y' or 'S'))
        {
            return Result<SkillCertificateNumber>.Fail($"证书编号第1位应为评价机构类别Y（用人单位）或S（社会培训评价组织），现为“{normal[0]}”");
        }

        for (var i = 1; i < Length; i++)
        {
            if (!char.IsAsciiDigit(normal[i]))
            {
                return Result<SkillCertificateNumber>.Fail(string.Create(CultureInfo.InvariantCulture, $"证书编号第{i + 1}位应为数字，现为“{normal[i]}”"));
            }
        }

        if (!(regions ?? RegionCatalog.Default).IsKnownProvince(normal[5..7]))
        {
            return Result<SkillCertificateNumber>.Fail($"证书编号第6至7位的省级代码“{normal[5..7]}”不存在");
        }

        if (SkillLevels.FromGradeDigit(normal[15] - '0') is null)
        {
            return Result<SkillCertificateNumber>.Fail($"证书编号第16位的等级代码应为1至5（1为一级/高级技师，5为五级/初级工），现为“{normal[15]}”");
        }

        return Result<SkillCertificateNumber>.Ok(new SkillCertificateNumber(normal));
    }

    /// <summary>The number.</summary>
    public override string ToString() => Value;
}

/// <summary>
/// An evaluation body's licence (备案/遴选范围) for one occupation: the levels from <see cref="LowestLevel"/> to
/// <see cref="HighestLevel"/>, valid from <see cref="ValidFrom"/> until <see cref="ValidUntil"/> (exclusive).
/// </summary>
/// <param name="OccupationCode">The occupation.</param>
/// <param name="LowestLevel">The lowest graded level licensed.</param>
/// <param name="HighestLevel">The highest graded level licensed.</param>
/// <param name="ValidFrom">First day valid.</param>
/// <param name="ValidUntil">First day no longer valid; null = open.</param>
public sealed record EvaluationLicence(string OccupationCode, SkillLevel LowestLevel, SkillLevel HighestLevel, DateOnly ValidFrom, DateOnly? ValidUntil)
{
    /// <summary>Whether the licence covers <paramref name="occupationCode"/> at <paramref name="level"/> on <paramref name="date"/>.</summary>
    public bool Covers(string occupationCode, SkillLevel level, DateOnly date) =>
        string.Equals(OccupationCode, occupationCode, StringComparison.Ordinal)
        && level >= LowestLevel && level <= HighestLevel
        && ValidFrom <= date && (ValidUntil is null || date < ValidUntil);
}

/// <summary>
/// A registered evaluation body (评价机构): 社会培训评价组织 or an employer evaluating its own staff (policy 六(一)
/// “引导和支持企业自主开展技能评价”), licensed for occupations and levels.
/// </summary>
/// <param name="Id">Stable id.</param>
/// <param name="Name">The body's name.</param>
/// <param name="Kind">Employer or social training organisation.</param>
/// <param name="IssuerPart">Positions 2–13 of its certificate numbers (机构代码 + 省级代码 + 站点序列码), when known.</param>
/// <param name="Licences">What it may certify.</param>
/// <param name="SuspendedFrom">The day its registration was suspended or revoked (撤销备案), if it was.</param>
public sealed record EvaluationBody(string Id, string Name, EvaluationBodyKind Kind, string? IssuerPart, IReadOnlyList<EvaluationLicence> Licences, DateOnly? SuspendedFrom = null)
{
    /// <summary>Whether the body may certify <paramref name="occupationCode"/> at <paramref name="level"/> on <paramref name="date"/>.</summary>
    public bool IsLicensed(string occupationCode, SkillLevel level, DateOnly date) =>
        (SuspendedFrom is null || date < SuspendedFrom) && Licences.Any(l => l.Covers(occupationCode, level, date));
}

/// <summary>A certificate to be issued (single or in a batch).</summary>
/// <param name="Number">证书编号 as typed.</param>
/// <param name="OccupationCode">The occupation.</param>
/// <param name="Level">The level.</param>
/// <param name="IssuedOn">The day of issue.</param>
public sealed record CertificateIssue(string? Number, string OccupationCode, SkillLevel Level, DateOnly IssuedOn);

/// <summary>
/// The checks before a 职业技能等级证书 is recorded: a well-formed number agreeing with the certificate (body kind, year,
/// level, issuer), a body licensed for the occupation and level on the day, and the ladder (人社部发〔2022〕14号; an
/// approved exceptional promotion lets a level skip, policy 三(三)). Uniqueness of the number is the database's.
/// </summary>
public static class CertificateIssueRules
{
    private const string NumberCitation = "《职业技能等级证书编码规则（试行）》";

    /// <summary>
    /// Every check; the outcome is true exactly when all hold. Rule ids: cert-number, cert-number-kind,
    /// cert-number-issuer, cert-number-year, cert-number-level, cert-body-licensed, and those of
    /// <see cref="SkillLadder.CheckStep"/>.
    /// </summary>
    /// <param name="issue">The certificate.</param>
    /// <param name="body">The issuing body.</param>
    /// <param name="ladder">The occupation's ladder.</param>
    /// <param name="held">The person's highest level in this (or a related) occupation before this certificate.</param>
    /// <param name="schooling">The person's schooling (opens direct entries); empty when unknown.</param>
    /// <param name="approval">An approved exceptional promotion for this level, if any.</param>
    public static Decision<bool> Check(CertificateIssue issue, EvaluationBody body, OccupationLadder ladder, SkillLevel? held, IReadOnlySet<Schooling> schooling, ExceptionalPromotionApproval? approval)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(ladder);
        var rules = new List<RuleOutcome>();
        var parsed = SkillCertificateNumber.Parse(issue.Number);
        if (!parsed.IsValid)
        {
            rules.Add(new RuleOutcome("cert-number", false, parsed.Error!, NumberCitation));
        }
        else
        {
            var number = parsed.Value!;
            rules.Add(new RuleOutcome("cert-number", true, $"证书编号{number}格式正确", NumberCitation));
            rules.Add(number.Kind == body.Kind
                ? new RuleOutcome("cert-number-kind", true, "证书编号的评价机构类别与发证机构一致", NumberCitation)
                : new RuleOutcome("cert-number-kind", false,
                    $"证书编号第1位为{number.Value[0]}（{KindName(number.Kind)}），而{body.Name}是{KindName(body.Kind)}", NumberCitation));
            if (body.IssuerPart is { } issuer)
            {
                rules.Add(string.Equals(number.IssuerPart, issuer, StringComparison.Ordinal)
                    ? new RuleOutcome("cert-number-issuer", true, "证书编号的机构代码与发证机构一致", NumberCitation)
                    : new RuleOutcome("cert-number-issuer", false, $"证书编号第2至13位“{number.IssuerPart}”不是{body.Name}的机构代码“{issuer}”", NumberCitation));
            }

            rules.Add(number.YearDigits == issue.IssuedOn.Year % 100
                ? new RuleOutcome("cert-number-year", true, "证书编号的核发年份与发证日期一致", NumberCitation)
                : new RuleOutcome("cert-number-year", false,
                    string.Create(CultureInfo.InvariantCulture, $"证书编号第14至15位年份为{number.YearDigits:00}，与发证日期{Elapsed.Date(issue.IssuedOn)}不符"), NumberCitation));
            rules.Add(number.Level == issue.Level
                ? new RuleOutcome("cert-number-level", true, "证书编号的等级代码与证书等级一致", NumberCitation)
                : new RuleOutcome("cert-number-level", false,
                    $"证书编号第16位等级代码为{SkillLevels.DisplayName(number.Level)}，与证书等级{SkillLevels.DisplayName(issue.Level)}不符", NumberCitation));
        }

        rules.Add(body.IsLicensed(issue.OccupationCode, issue.Level, issue.IssuedOn)
            ? new RuleOutcome("cert-body-licensed", true, $"{body.Name}可评价{issue.OccupationCode}的{SkillLevels.DisplayName(issue.Level)}", "《关于提高技术工人待遇的意见》六（一）")
            : new RuleOutcome("cert-body-licensed", false,
                body.SuspendedFrom is { } s && issue.IssuedOn >= s
                    ? $"{body.Name}自{Elapsed.Date(s)}起已停止评价资格，不能发证"
                    : $"{body.Name}未获准评价职业{issue.OccupationCode}的{SkillLevels.DisplayName(issue.Level)}（{Elapsed.Date(issue.IssuedOn)}）",
                "《关于提高技术工人待遇的意见》六（一）"));

        if (!string.Equals(issue.OccupationCode, ladder.OccupationCode, StringComparison.Ordinal))
        {
            rules.Add(new RuleOutcome("cert-occupation", false, $"证书职业{issue.OccupationCode}与职业标准{ladder.Display}不一致"));
        }

        var ladderDecision = SkillLadder.CheckStep(ladder, held, issue.Level, schooling, approval, issue.IssuedOn);
        rules.AddRange(ladderDecision.Rules);
        return new Decision<bool>(rules.TrueForAll(r => r.Holds), issue.IssuedOn, rules);
    }

    /// <summary>“用人单位” or “社会培训评价组织”.</summary>
    public static string KindName(EvaluationBodyKind kind) => kind switch
    {
        EvaluationBodyKind.Employer => "用人单位",
        EvaluationBodyKind.SocialTrainingOrganization => "社会培训评价组织",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
