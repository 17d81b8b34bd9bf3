using Gongjiang.Core.Reference;

namespace Gongjiang.Web.Features.Policies.Engine;

/// <summary>Region names for pages: “深圳市”, “广东省”, “全国”; the code itself when unknown.</summary>
public static class RegionNames
{
    public static string Of(string? code) =>
        code is null ? "未知" : code == RegionCatalog.CountryCode ? "全国" : RegionCatalog.Default.Find(code)?.Name ?? code;

    /// <summary>“广东省深圳市” (the full path without 全国).</summary>
    public static string Full(string? code) =>
        code is null ? "未知" : code == RegionCatalog.CountryCode ? "全国" : RegionCatalog.Default.Find(code) is null ? code : RegionCatalog.Default.FullName(code);

    /// <summary>
    /// The region a person is counted under in a jurisdiction's statistics: the provinces of the country, the cities of a
    /// province, the counties of a city.
    /// </summary>
    public static string RollUp(string personRegion, string jurisdiction)
    {
        if (personRegion.Length != 6)
        {
            return personRegion;
        }

        return jurisdiction == RegionCatalog.CountryCode ? personRegion[..2] + "0000"
            : jurisdiction.EndsWith("0000", StringComparison.Ordinal) ? personRegion[..4] + "00"
            : personRegion;
    }
}
