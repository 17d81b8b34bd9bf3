using Gongjiang.Core.Reference;

namespace Gongjiang.Core.Tests.Standards;

/// <summary>
/// Test double for the real RegionCatalog: the 34 current GB/T 2260 province-level codes and a handful of current
/// counties. Abolished counties (e.g. 110103 崇文区 and 110104 宣武区, merged in 2010) are deliberately absent.
/// </summary>
internal sealed class FakeRegionDirectory : IRegionDirectory
{
    public static readonly FakeRegionDirectory Instance = new();

    public static readonly string[] ProvinceCodes =
    [
        "11", "12", "13", "14", "15",
        "21", "22", "23",
        "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54",
        "61", "62", "63", "64", "65",
        "71", "81", "82",
    ];

    private static readonly Region[] Counties =
    [
        new("110101", "东城区", RegionLevel.County, "110100"),
        new("110102", "西城区", RegionLevel.County, "110100"),
        new("110105", "朝阳区", RegionLevel.County, "110100"),
        new("440106", "天河区", RegionLevel.County, "440100"),
        new("440304", "福田区", RegionLevel.County, "440300"),
        new("440305", "南山区", RegionLevel.County, "440300"),
    ];

    public bool IsKnownProvince(string provinceCode) => ProvinceCodes.Contains(provinceCode, StringComparer.Ordinal);

    public Region? Find(string code) => Array.Find(Counties, r => string.Equals(r.Code, code, StringComparison.Ordinal));
}
