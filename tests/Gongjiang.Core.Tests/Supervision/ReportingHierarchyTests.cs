using Gongjiang.Core.Reference;
using Gongjiang.Core.Supervision;

namespace Gongjiang.Core.Tests.Supervision;

/// <summary>
/// Reporting up the hierarchy: 人社部发〔2018〕24号 is addressed to “各省、自治区、直辖市及新疆生产建设兵团人力资源社会保障厅（局）”,
/// which report to the ministry (“请于今年年底前报我部”, “请及时向我部反映”) and collect from their cities and counties.
/// </summary>
public sealed class ReportingHierarchyTests
{
    private static readonly ReportingHierarchy Hierarchy = ReportingHierarchy.Default;

    [Theory]
    // An ordinary county reports to its city.
    [InlineData("440305", "440300")]
    // A 地级 city reports to its province.
    [InlineData("440300", "440000")]
    // A province reports to the ministry (notice 二: “报我部”).
    [InlineData("440000", "000000")]
    // 直辖市: a Beijing district reports straight to the municipality — there is no city level.
    [InlineData("110101", "110000")]
    // 直辖市: a Chongqing county (not a district) likewise.
    [InlineData("500229", "500000")]
    // 直辖市 report to the ministry as provinces do.
    [InlineData("310000", "000000")]
    // 省直辖县级行政单位: 仙桃市 reports straight to 湖北省.
    [InlineData("429004", "420000")]
    // 省直辖县级行政单位 in 海南 (a county, not a city).
    [InlineData("469021", "460000")]
    // 兵团 cities are listed under 新疆 in GB/T 2260 and report there.
    [InlineData("659001", "650000")]
    // A city without counties reports to its province like any city.
    [InlineData("441900", "440000")]
    public void Each_region_reports_to_the_level_above(string code, string above)
    {
        Assert.Equal(above, Hierarchy.Above(code).GetValueOrThrow().Code);
    }

    [Theory]
    [InlineData("000000", "全国（人力资源社会保障部）为最高一级，没有上一级")]
    [InlineData("810000", "香港特别行政区不在人社部发〔2018〕24号的报送范围内")] // not an addressee of the notice
    [InlineData("710000", "台湾省不在人社部发〔2018〕24号的报送范围内")]
    [InlineData("449999", "行政区划代码“449999”不存在")]
    [InlineData("", "行政区划代码“”不存在")]
    public void The_ministry_regions_outside_the_notice_and_unknown_codes_have_no_level_above(string code, string message)
    {
        var result = Hierarchy.Above(code);

        Assert.False(result.IsValid);
        Assert.Equal(message, result.Error);
    }

    [Theory]
    [InlineData("000000", GovernmentLevel.Ministry)]
    [InlineData("440000", GovernmentLevel.Province)]
    [InlineData("110000", GovernmentLevel.Province)] // 直辖市 are 省级
    [InlineData("440300", GovernmentLevel.City)]
    [InlineData("441900", GovernmentLevel.City)] // 东莞: a 地级 city without counties
    [InlineData("440305", GovernmentLevel.County)]
    [InlineData("110101", GovernmentLevel.County)] // a 直辖市 district is 县级
    [InlineData("429004", GovernmentLevel.County)] // 省直辖县级: listed at city level, 县级 for the division of tasks
    [InlineData("419001", GovernmentLevel.County)] // 济源市
    [InlineData("820000", null)] // 澳门: outside the notice
    [InlineData("123456", null)]
    public void Each_region_has_its_level_of_government(string code, GovernmentLevel? level)
    {
        Assert.Equal(level, Hierarchy.LevelOf(code));
    }

    [Fact]
    public void The_ministry_receives_from_the_31_mainland_provinces()
    {
        var provinces = Hierarchy.ReportingTo("000000");

        Assert.Equal(31, provinces.Count);
        Assert.DoesNotContain(provinces, p => p.Code is "710000" or "810000" or "820000");
        Assert.Contains(provinces, p => p.Code == "500000");
    }

    [Fact]
    public void A_province_receives_from_its_cities_and_its_province_administered_counties()
    {
        var hubei = Hierarchy.ReportingTo("420000").Select(r => r.Code).ToList();

        Assert.Contains("420100", hubei); // 武汉市
        Assert.Contains("429004", hubei); // 仙桃市
        Assert.Contains("429021", hubei); // 神农架林区
        Assert.Equal(17, hubei.Count); // 12 地级 + 1 自治州 + 4 省直辖
    }

    [Fact]
    public void A_municipality_receives_from_its_districts_directly()
    {
        var beijing = Hierarchy.ReportingTo("110000");

        Assert.Equal(16, beijing.Count);
        Assert.All(beijing, d => Assert.Equal(RegionLevel.County, d.Level));
    }

    [Theory]
    [InlineData("441900")] // 东莞市: no counties
    [InlineData("429004")] // 仙桃市: 省直辖县级, nothing below
    [InlineData("440305")] // a county
    [InlineData("810000")] // outside the notice
    public void Regions_with_nothing_below_receive_no_reports(string code)
    {
        Assert.Empty(Hierarchy.ReportingTo(code));
    }

    [Theory]
    [InlineData("440305", "440300,440000,000000")]
    [InlineData("110101", "110000,000000")]
    [InlineData("429004", "420000,000000")]
    [InlineData("440000", "000000")]
    [InlineData("000000", "")]
    public void A_report_passes_every_level_up_to_the_ministry(string code, string chain)
    {
        Assert.Equal(chain, string.Join(",", Hierarchy.ChainUp(code).Select(r => r.Code)));
    }

    [Theory]
    [InlineData("440305", "440300", true)]
    [InlineData("440305", "440000", true)]
    [InlineData("440305", "000000", true)]
    [InlineData("440305", "440305", true)]
    [InlineData("440305", "440100", false)] // another city
    [InlineData("429004", "420000", true)]
    [InlineData("810000", "000000", false)] // outside the notice
    public void A_region_is_within_the_levels_it_reports_through(string code, string ancestor, bool within)
    {
        Assert.Equal(within, Hierarchy.IsWithin(code, ancestor));
    }

    [Fact]
    public void A_custom_table_gives_its_own_hierarchy()
    {
        var catalog = new RegionCatalog(
        [
            new Region("990000", "测试省", RegionLevel.Province, null),
            new Region("999001", "测试直辖县", RegionLevel.City, "990000"),
            new Region("990100", "测试市", RegionLevel.City, "990000"),
        ]);
        var hierarchy = new ReportingHierarchy(catalog, nonReportingProvinces: []);

        Assert.True(hierarchy.IsProvinceAdministeredCounty("999001"));
        Assert.False(hierarchy.IsProvinceAdministeredCounty("990100"));
        Assert.Equal(["990000"], hierarchy.ReportingTo("000000").Select(r => r.Code));
    }
}
