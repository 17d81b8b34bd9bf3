using Gongjiang.Core.Reference;

namespace Gongjiang.DataGen;

/// <summary>
/// A county-level place of GB/T 2260 where people are registered and enterprises are located: a county (区、县、县级市)
/// or a 地级 city without counties (东莞市, 仙桃市).
/// </summary>
internal sealed record Place(
    string Code,
    string ProvinceCode,
    string ProvinceName,
    string CityCode,
    string CityName,
    string NamePrefix,
    string ShortPrefix,
    double EnterpriseWeight);

internal static class Places
{
    private static readonly Lazy<Place[]> LazyAll = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every place of the catalogue, ordered by code (Taiwan, Hong Kong and Macao have none).</summary>
    public static IReadOnlyList<Place> All => LazyAll.Value;

    /// <summary>The places of a province (“44”), or of the whole country for null.</summary>
    public static Place[] InScope(string? provinceCode)
    {
        if (provinceCode is null)
        {
            return LazyAll.Value;
        }

        if (provinceCode.Length != 2 || !RegionCatalog.Default.IsKnownProvince(provinceCode))
        {
            throw new ArgumentException("省级行政区划代码应为两位数字，例如“44”", nameof(provinceCode));
        }

        var places = LazyAll.Value.Where(p => string.Equals(p.ProvinceCode, provinceCode, StringComparison.Ordinal)).ToArray();
        return places.Length > 0
            ? places
            : throw new ArgumentException("该省级行政区划下没有县级区划", nameof(provinceCode));
    }

    private static Place[] Build()
    {
        var catalog = RegionCatalog.Default;
        var places = new List<Place>(3000);
        foreach (var region in catalog.All)
        {
            var isLeafCity = region.Level == RegionLevel.City && catalog.ChildrenOf(region.Code).Count == 0;
            if (region.Level != RegionLevel.County && !isLeafCity)
            {
                continue;
            }

            var provinceCode = region.Code[..2];
            var province = catalog.Find(provinceCode + "0000");
            var parent = region.ParentCode is null ? null : catalog.Find(region.ParentCode);
            if (province is null || parent is null)
            {
                continue;
            }

            var municipality = province.Name.EndsWith('市');
            string cityCode, cityName, prefix;
            if (isLeafCity)
            {
                (cityCode, cityName, prefix) = (region.Code, region.Name, region.Name);
            }
            else if (parent.Level == RegionLevel.City)
            {
                // 深圳市南山区 → 深圳市…; 延边朝鲜族自治州延吉市 → 延吉市… (enterprises are not named after a 自治州 or 地区).
                var cityLike = parent.Name.EndsWith('市');
                (cityCode, cityName, prefix) = (parent.Code, parent.Name, cityLike ? parent.Name : region.Name);
            }
            else
            {
                // 北京市东城区 → 北京市…; 海南省定安县 (省直辖县) → 定安县….
                (cityCode, cityName, prefix) = (province.Code, province.Name, municipality ? province.Name : region.Name);
            }

            var weight = region.Name.EndsWith('区') ? 3.0 : region.Name.EndsWith('市') ? 2.0 : 1.0;
            places.Add(new Place(region.Code, provinceCode, province.Name, cityCode, cityName, prefix, Shorten(prefix), weight));
        }

        return [.. places];
    }

    /// <summary>深圳市 → 深圳, 定安县 → 定安, but 沙县 stays.</summary>
    private static string Shorten(string name) =>
        name.Length >= 3 && (name.EndsWith('市') || name.EndsWith('县') || name.EndsWith('区')) ? name[..^1] : name;
}
