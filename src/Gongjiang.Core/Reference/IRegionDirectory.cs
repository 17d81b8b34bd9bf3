namespace Gongjiang.Core.Reference;

/// <summary>
/// Looks up GB/T 2260 administrative divisions. Implemented by <c>RegionCatalog</c> over the vendored table.
/// </summary>
public interface IRegionDirectory
{
    /// <summary>True when the two-digit province code (e.g. "44") is a current province-level division.</summary>
    bool IsKnownProvince(string provinceCode);

    /// <summary>The division with this six-digit code, or null when the code is not (or no longer) listed.</summary>
    Region? Find(string code);
}

/// <summary>The level of an administrative division.</summary>
public enum RegionLevel
{
    /// <summary>全国 (the pseudo-code 000000).</summary>
    Country = 0,
    /// <summary>省级 (省、自治区、直辖市).</summary>
    Province = 1,
    /// <summary>地级 (地级市、地区、自治州、盟, and 直辖市's 市辖区/县 groupings).</summary>
    City = 2,
    /// <summary>县级 (市辖区、县级市、县、旗).</summary>
    County = 3,
}

/// <summary>A GB/T 2260 division: six-digit code, Chinese name, level and parent code (null for provinces).</summary>
public sealed record Region(string Code, string Name, RegionLevel Level, string? ParentCode);
