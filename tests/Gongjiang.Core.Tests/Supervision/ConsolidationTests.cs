using Gongjiang.Core.Reference;
using Gongjiang.Core.Supervision;

namespace Gongjiang.Core.Tests.Supervision;

/// <summary>
/// Consolidation (汇总) at each level from the accepted reports of the level below. Notice 二 “各地制定出台的政策措施情况请于
/// 今年年底前报我部” (each level collects from the one below); policy 七 “密切跟踪技术工人待遇政策落实情况”.
/// </summary>
public sealed class ConsolidationTests
{
    private static readonly ReportPeriod Year = ReportPeriod.YearEndOf(2026);

    /// <summary>A small province: 测试省 with three cities, one of them a 省直辖县级 unit.</summary>
    private static ReportingHierarchy Hierarchy() => new(new RegionCatalog(
    [
        new Region("990000", "测试省", RegionLevel.Province, null),
        new Region("990100", "甲市", RegionLevel.City, "990000"),
        new Region("990200", "乙市", RegionLevel.City, "990000"),
        new Region("999001", "丙市", RegionLevel.City, "990000"),
    ]), []);

    /// <summary>Two measures keep the tables short.</summary>
    private static MeasureCatalog Catalog() => new(
    [
        new Measure("3.1", "全面加强对高技能领军人才的服务保障", [], [], []),
        new Measure("4.2", "建立企业技术工人工资正常增长机制", [], [], []),
    ]);

    private static ProgressReportContent Report(string region, MeasureStatus first, MeasureStatus second, params IndicatorValue[] values) =>
        new(region, Year, [new("3.1", first), new("4.2", second)], values);

    [Theory]
    // Everyone reported 已完成 → 已完成.
    [InlineData("C,C,C", MeasureStatus.Completed)]
    // None started → 未启动.
    [InlineData("N,N,N", MeasureStatus.NotStarted)]
    // Mixed → 推进中.
    [InlineData("C,N,N", MeasureStatus.InProgress)]
    [InlineData("C,C,P", MeasureStatus.InProgress)]
    // A unit that has not reported keeps the level from being complete.
    [InlineData("C,C,-", MeasureStatus.InProgress)]
    // …but none of those who reported started: still 未启动.
    [InlineData("N,-,-", MeasureStatus.NotStarted)]
    // Nobody reported: no status (未报送).
    [InlineData("-,-,-", null)]
    public void The_consolidated_status_is_complete_only_when_all_are_and_not_started_only_when_none_is(string units, MeasureStatus? expected)
    {
        var statuses = units.Split(',').Select(u => u switch
        {
            "C" => MeasureStatus.Completed,
            "P" => MeasureStatus.InProgress,
            "N" => MeasureStatus.NotStarted,
            _ => (MeasureStatus?)null,
        });

        Assert.Equal(expected, Consolidation.ConsolidatedStatus(statuses));
    }

    [Fact]
    public void A_province_consolidates_its_cities_counts_and_names_who_has_not_reported()
    {
        var below = new[]
        {
            Report("990100", MeasureStatus.Completed, MeasureStatus.InProgress),
            Report("999001", MeasureStatus.Completed, MeasureStatus.NotStarted),
        };
        var own = Report("990000", MeasureStatus.Completed, MeasureStatus.InProgress);

        var result = Consolidation.Consolidate("990000", Year, own, below, Hierarchy(), Catalog(), IndicatorRegistry.Foundation);

        Assert.Equal(["990100", "999001"], result.Reported.Select(r => r.Code));
        Assert.Equal(["990200"], result.NotReported.Select(r => r.Code));
        Assert.True(result.IncludesOwn);
        var first = result.Measures[0];
        Assert.Equal((MeasureStatus.InProgress, 0, 0, 3, 1), (first.Status!.Value, first.NotStarted, first.InProgress, first.Completed, first.NotReported));
        var second = result.Measures[1];
        Assert.Equal((MeasureStatus.InProgress, 1, 2, 0, 1), (second.Status!.Value, second.NotStarted, second.InProgress, second.Completed, second.NotReported));
    }

    [Fact]
    public void Once_every_city_has_reported_complete_the_province_is_complete()
    {
        var below = new[] { "990100", "990200", "999001" }.Select(c => Report(c, MeasureStatus.Completed, MeasureStatus.NotStarted));

        var result = Consolidation.Consolidate("990000", Year, null, below, Hierarchy(), Catalog(), IndicatorRegistry.Foundation);

        Assert.Equal(MeasureStatus.Completed, result.Measures[0].Status);
        Assert.Equal(MeasureStatus.NotStarted, result.Measures[1].Status);
        Assert.Empty(result.NotReported);
    }

    [Fact]
    public void Indicators_add_up_the_level_below_and_rates_are_recomputed_not_summed()
    {
        var below = new[]
        {
            Report("990100", MeasureStatus.InProgress, MeasureStatus.InProgress,
                new("registry.leading-talents", 120), new("window.closed", 100), new("window.on-time", 90), new("window.on-time-rate", 90)),
            Report("990200", MeasureStatus.InProgress, MeasureStatus.InProgress,
                new("registry.leading-talents", 30), new("window.closed", 300), new("window.on-time", 240), new("window.on-time-rate", 80)),
        };
        // The province's own figure covers its whole jurisdiction: shown beside the total, never added to it.
        var own = Report("990000", MeasureStatus.InProgress, MeasureStatus.InProgress, new IndicatorValue("registry.leading-talents", 152));

        var result = Consolidation.Consolidate("990000", Year, own, below, Hierarchy(), Catalog(), IndicatorRegistry.Foundation);

        var talents = result.Indicators.Single(i => i.Definition.Code == "registry.leading-talents");
        Assert.Equal((150m, 2, 152m), (talents.Total!.Value, talents.Reporting, talents.Own!.Value));
        var rate = result.Indicators.Single(i => i.Definition.Code == "window.on-time-rate");
        Assert.Equal(82.5m, rate.Total); // (90 + 240) / (100 + 300), not (90 + 80) / 2 = 85
        Assert.Null(result.Indicators.Single(i => i.Definition.Code == "publication.due").Total);
    }

    [Fact]
    public void A_report_that_does_not_belong_is_a_callers_error()
    {
        var wrongPeriod = Report("990100", MeasureStatus.Completed, MeasureStatus.Completed) with { Period = new ReportPeriod(2026, ReportKind.Quarterly, 1) };
        var notBelow = Report("990000", MeasureStatus.Completed, MeasureStatus.Completed);
        var twice = Report("990100", MeasureStatus.Completed, MeasureStatus.Completed);

        Assert.Throws<ArgumentException>(() => Consolidation.Consolidate("990000", Year, null, [wrongPeriod], Hierarchy(), Catalog(), IndicatorRegistry.Empty));
        Assert.Throws<ArgumentException>(() => Consolidation.Consolidate("990000", Year, null, [notBelow], Hierarchy(), Catalog(), IndicatorRegistry.Empty));
        Assert.Throws<ArgumentException>(() => Consolidation.Consolidate("990000", Year, null, [twice, twice], Hierarchy(), Catalog(), IndicatorRegistry.Empty));
    }

    [Fact]
    public void A_municipality_consolidates_its_districts_directly()
    {
        // 北京市 has no city level: its 16 districts report to it.
        var report = new ProgressReportContent("110101", Year, [.. MeasureCatalog.Default.All.Select(m => new MeasureProgress(m.Code, MeasureStatus.InProgress))], []);

        var result = Consolidation.Consolidate("110000", Year, null, [report], ReportingHierarchy.Default, MeasureCatalog.Default, IndicatorRegistry.Empty);

        Assert.Equal(15, result.NotReported.Count);
        Assert.All(result.Measures, m => Assert.Equal(MeasureStatus.InProgress, m.Status));
    }
}
