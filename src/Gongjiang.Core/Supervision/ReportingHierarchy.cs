using Gongjiang.Core.Common;
using Gongjiang.Core.Reference;
using static Gongjiang.Core.Supervision.SupervisionText;

namespace Gongjiang.Core.Supervision;

/// <summary>
/// The level of government a human-resources department works at (各级人力资源社会保障部门, 人社部发〔2018〕24号 二).
/// The int values are stored; never renumber them.
/// </summary>
public enum GovernmentLevel
{
    /// <summary>部级: 人力资源社会保障部 (the region “000000”).</summary>
    Ministry = 0,
    /// <summary>省级: 省、自治区、直辖市 人力资源社会保障厅（局）.</summary>
    Province = 1,
    /// <summary>市级: 地级市、地区、自治州、盟.</summary>
    City = 2,
    /// <summary>县级: 县、县级市、市辖区、旗, including 直辖市's districts and 省直辖县级行政单位.</summary>
    County = 3,
}

/// <summary>Chinese names of <see cref="GovernmentLevel"/>.</summary>
public static class GovernmentLevels
{
    public static string ChineseName(GovernmentLevel level) => level switch
    {
        GovernmentLevel.Ministry => "部级",
        GovernmentLevel.Province => "省级",
        GovernmentLevel.City => "市级",
        GovernmentLevel.County => "县级",
    };
}

/// <summary>
/// Who reports to whom (county → city → province → ministry), over the GB/T 2260 table of <see cref="RegionCatalog"/>.
/// 人社部发〔2018〕24号 is addressed to “各省、自治区、直辖市及新疆生产建设兵团人力资源社会保障厅（局）” and asks them
/// “各地制定出台的政策措施情况请于今年年底前报我部，对《意见》贯彻落实中出现的问题，请及时向我部反映” (二 and the closing
/// paragraph); each province in turn collects from its cities and counties.
/// </summary>
/// <remarks>
/// <para>The rules, and how the vendored table's particular shapes are handled:</para>
/// <list type="bullet">
/// <item>A region reports to its parent in the table; a province reports to the ministry (“000000”), which reports to no one.</item>
/// <item>直辖市 (北京、天津、上海、重庆) are provinces: their districts and counties are listed directly under them, so a
/// district reports to the municipality and the municipality to the ministry (two steps, no city level).</item>
/// <item>省直辖县级行政单位 (e.g. 429004 仙桃市, 469001 五指山市, 419001 济源市, 659001 石河子市) are listed at city level under
/// the province: they report straight to the province, are 县级 for the division of tasks, and have nobody below them.</item>
/// <item>Cities without counties (441900 东莞市, 442000 中山市, 460400 儋州市, 620200 嘉峪关市) report to the province and
/// receive no reports.</item>
/// <item>台湾省、香港特别行政区、澳门特别行政区 are not addressees of the notice and take no part in reporting
/// (<see cref="NonReportingProvinces"/>): the ministry sees the 31 provinces of the mainland.</item>
/// </list>
/// <para>新疆生产建设兵团 has no GB/T 2260 code in the table; its cities (659xxx) are listed under 新疆 and report there.</para>
/// </remarks>
public sealed class ReportingHierarchy
{
    /// <summary>台湾、香港、澳门: listed in GB/T 2260, outside the notice's addressees.</summary>
    public static IReadOnlyList<string> NonReportingProvinces { get; } = ["710000", "810000", "820000"];

    private static readonly HashSet<string> Municipalities = new(["110000", "120000", "310000", "500000"], StringComparer.Ordinal);

    private static readonly Lazy<ReportingHierarchy> LazyDefault = new(() => new ReportingHierarchy(RegionCatalog.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly HashSet<string> nonReporting;

    /// <summary>A hierarchy over <paramref name="regions"/>; <paramref name="nonReportingProvinces"/> defaults to <see cref="NonReportingProvinces"/>.</summary>
    public ReportingHierarchy(RegionCatalog regions, IEnumerable<string>? nonReportingProvinces = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        Regions = regions;
        nonReporting = new HashSet<string>(nonReportingProvinces ?? NonReportingProvinces, StringComparer.Ordinal);
    }

    /// <summary>The hierarchy over the vendored GB/T 2260 table.</summary>
    public static ReportingHierarchy Default => LazyDefault.Value;

    /// <summary>The region table.</summary>
    public RegionCatalog Regions { get; }

    /// <summary>True for 北京、天津、上海、重庆 (直辖市).</summary>
    public static bool IsMunicipality(string? code) => code is not null && Municipalities.Contains(code);

    /// <summary>
    /// True for a 省直辖县级行政单位: listed at city level straight under its province with a code whose middle digits are
    /// “90” (GB/T 2260's 省直辖县级行政区划 grouping, e.g. 4290xx, 4690xx, 6590xx).
    /// </summary>
    public bool IsProvinceAdministeredCounty(string? code) =>
        code is not null && Regions.Find(code) is { Level: RegionLevel.City } region &&
        region.ParentCode is { } parent && Regions.Find(parent)?.Level == RegionLevel.Province &&
        code[2] == '9' && code[3] == '0';

    /// <summary>
    /// Whether the region takes part in supervision: the ministry and every listed region, except those of
    /// <see cref="NonReportingProvinces"/> and everything under them.
    /// </summary>
    public bool TakesPart(string? code)
    {
        if (code is null || Regions.Find(code) is not { } region)
        {
            return false;
        }

        return region.Level == RegionLevel.Country || !nonReporting.Contains(ProvinceOf(region));
    }

    /// <summary>
    /// The level of government of a region: 000000 → 部级, a province or 直辖市 → 省级, a 地级 city → 市级, a county,
    /// district or 省直辖县级行政单位 → 县级; null when the region does not take part (<see cref="TakesPart"/>).
    /// </summary>
    public GovernmentLevel? LevelOf(string? code)
    {
        if (!TakesPart(code))
        {
            return null;
        }

        return Regions.Find(code!)!.Level switch
        {
            RegionLevel.Country => GovernmentLevel.Ministry,
            RegionLevel.Province => GovernmentLevel.Province,
            RegionLevel.City => IsProvinceAdministeredCounty(code) ? GovernmentLevel.County : GovernmentLevel.City,
            RegionLevel.County => GovernmentLevel.County,
        };
    }

    /// <summary>
    /// The region a report or a problem of <paramref name="code"/> goes to — “the level above”: the city for a county,
    /// the province for a city, a 直辖市 district or a 省直辖县级行政单位, the ministry (“000000”, 全国) for a province.
    /// Refused, with a Chinese reason, for the ministry itself, an unknown code and a region that takes no part.
    /// </summary>
    public Result<Region> Above(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || Regions.Find(code) is not { } region)
        {
            return Result<Region>.Fail(Invariant($"行政区划代码“{code?.Trim()}”不存在"));
        }

        if (region.Level == RegionLevel.Country)
        {
            return Result<Region>.Fail("全国（人力资源社会保障部）为最高一级，没有上一级");
        }

        if (!TakesPart(code))
        {
            return Result<Region>.Fail(Invariant($"{Regions.FullName(code)}不在人社部发〔2018〕24号的报送范围内"));
        }

        return Result<Region>.Ok(region.ParentCode is { } parent ? Regions.Find(parent)! : RegionCatalog.Country);
    }

    /// <summary>
    /// The regions that must report to <paramref name="code"/>, ordered by code: the 31 mainland provinces for
    /// “000000”, a province's cities and 省直辖县级行政单位, a 直辖市's districts and counties, a city's counties;
    /// none for a county, a city without counties, an unknown code or a region that takes no part.
    /// </summary>
    public IReadOnlyList<Region> ReportingTo(string? code)
    {
        if (!TakesPart(code))
        {
            return [];
        }

        var children = Regions.ChildrenOf(code!);
        return code == RegionCatalog.CountryCode ? [.. children.Where(c => !nonReporting.Contains(c.Code))] : children;
    }

    /// <summary>
    /// Every level a report of <paramref name="code"/> passes on its way up, nearest first and ending with 全国:
    /// 440305 → [深圳市, 广东省, 全国]; 110101 → [北京市, 全国]; empty for the ministry or a region that takes no part.
    /// </summary>
    public IReadOnlyList<Region> ChainUp(string? code)
    {
        var chain = new List<Region>(3);
        var current = code;
        while (Above(current) is { IsValid: true, Value: { } above })
        {
            chain.Add(above);
            current = above.Code;
        }

        return chain;
    }

    /// <summary>
    /// Whether <paramref name="code"/> is <paramref name="ancestor"/> or reports to it, directly or through the levels
    /// between (a province is within 全国; a county within its city and province).
    /// </summary>
    public bool IsWithin(string? code, string? ancestor) =>
        code is not null && ancestor is not null && TakesPart(code) &&
        (string.Equals(code, ancestor, StringComparison.Ordinal) || ChainUp(code).Any(r => string.Equals(r.Code, ancestor, StringComparison.Ordinal)));

    private static string ProvinceOf(Region region) => string.Concat(region.Code.AsSpan(0, 2), "0000");
}
