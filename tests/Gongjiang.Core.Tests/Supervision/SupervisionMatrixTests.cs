using Gongjiang.Core.Supervision;

namespace Gongjiang.Core.Tests.Supervision;

/// <summary>
/// The dashboard matrix (region × measure). Policy 七 “密切跟踪技术工人待遇政策落实情况，加强督查检查”; notice 二 “细化《意见》
/// 任务分工和工作目标…各地制定出台的政策措施情况请于今年年底前报我部”. Shape of <c>GET /api/v1/supervision/matrix</c>.
/// </summary>
public sealed class SupervisionMatrixTests
{
    private static readonly ReportingHierarchy Hierarchy = ReportingHierarchy.Default;
    private static readonly MeasureCatalog Catalog = MeasureCatalog.Default;
    private static readonly DateOnly AsOf = new(2026, 8, 10);

    private static AcceptedReport Report(string region, string period, params (string Code, MeasureStatus Status)[] statuses) =>
        new(region, ReportPeriod.Parse(period).GetValueOrThrow(), statuses.ToDictionary(s => s.Code, s => s.Status));

    private static SupervisionMatrix Build(string region, IEnumerable<AcceptedReport>? reports = null, IEnumerable<FiledDocument>? documents = null, IEnumerable<WorkTarget>? targets = null, int year = 2026, DateOnly? asOf = null) =>
        SupervisionDashboard.Build(year, region, asOf ?? AsOf, reports ?? [], documents ?? [], targets ?? [], Hierarchy, Catalog).GetValueOrThrow();

    private static MatrixCell Cell(SupervisionMatrix matrix, string region, string measure) =>
        matrix.Regions.Single(r => r.Code == region).Cells.Single(c => c.Measure == measure);

    [Fact]
    public void The_ministry_sees_the_31_provinces_by_the_16_measures()
    {
        var matrix = Build("000000");

        Assert.Equal(2026, matrix.Year);
        Assert.Equal(16, matrix.Measures.Count);
        Assert.Equal(new MatrixMeasure("3.1", "全面加强对高技能领军人才的服务保障"), matrix.Measures[0]);
        Assert.Equal(31, matrix.Regions.Count);
        Assert.Equal(("110000", "北京市"), (matrix.Regions[0].Code, matrix.Regions[0].Name));
        Assert.All(matrix.Regions, r => Assert.Equal(Catalog.All.Select(m => m.Code), r.Cells.Select(c => c.Measure)));
        Assert.All(matrix.Regions.SelectMany(r => r.Cells), c => Assert.Equal(CellStatus.NotReported, c.Status));
    }

    [Theory]
    // A province sees its cities and its 省直辖县级 units side by side.
    [InlineData("420000", 17, "429004")]
    // A 直辖市 sees its districts and counties.
    [InlineData("500000", 38, "500229")]
    // A city sees its counties.
    [InlineData("440300", 9, "440305")]
    // A city without counties has no rows.
    [InlineData("441900", 0, null)]
    public void A_region_sees_the_regions_that_report_to_it(string region, int rows, string? contains)
    {
        var matrix = Build(region);

        Assert.Equal(rows, matrix.Regions.Count);
        if (contains is not null)
        {
            Assert.Contains(matrix.Regions, r => r.Code == contains);
        }
    }

    [Fact]
    public void A_cell_shows_the_latest_accepted_report_of_the_year()
    {
        var reports = new[]
        {
            Report("440000", "2026-Q1", ("3.1", MeasureStatus.NotStarted)),
            Report("440000", "2026-Q2", ("3.1", MeasureStatus.InProgress), ("4.2", MeasureStatus.Completed)),
            Report("440000", "2025", ("3.1", MeasureStatus.Completed)), // another year
            Report("320000", "2026-Q1", ("3.1", MeasureStatus.Completed)),
        };

        var matrix = Build("000000", reports);

        Assert.Equal(CellStatus.InProgress, Cell(matrix, "440000", "3.1").Status);
        Assert.Equal(CellStatus.Completed, Cell(matrix, "440000", "4.2").Status);
        Assert.Equal(CellStatus.NotReported, Cell(matrix, "440000", "6.5").Status); // the report does not have it
        Assert.Equal(CellStatus.Completed, Cell(matrix, "320000", "3.1").Status);
        Assert.Equal(ReportPeriod.Parse("2026-Q2").GetValueOrThrow(), matrix.Regions.Single(r => r.Code == "440000").ReportPeriod);
    }

    [Fact]
    public void The_year_end_report_comes_after_the_third_quarter()
    {
        var reports = new[]
        {
            Report("440000", "2025", ("3.1", MeasureStatus.Completed)),
            Report("440000", "2025-Q3", ("3.1", MeasureStatus.InProgress)),
        };

        var matrix = Build("000000", reports, year: 2025);

        Assert.Equal(CellStatus.Completed, Cell(matrix, "440000", "3.1").Status);
    }

    [Fact]
    public void Documents_count_per_region_and_measure_and_give_the_coverage()
    {
        // Notice 二 “各地制定出台的政策措施情况”: coverage is how many provinces have a document for each measure.
        var documents = new[]
        {
            new FiledDocument("440000", new DateOnly(2019, 3, 1), ["3.1", "4.2"]),
            new FiledDocument("440000", new DateOnly(2026, 5, 1), ["3.1"]),
            new FiledDocument("320000", new DateOnly(2020, 6, 1), ["3.1"]),
            new FiledDocument("440300", new DateOnly(2020, 6, 1), ["5.1"]), // a city's document: not the province's row
            new FiledDocument("330000", new DateOnly(2027, 1, 5), ["3.1"]), // after the year
        };

        var matrix = Build("000000", documents: documents);

        Assert.Equal(2, Cell(matrix, "440000", "3.1").Documents);
        Assert.Equal(1, Cell(matrix, "440000", "4.2").Documents);
        Assert.Equal(0, Cell(matrix, "440000", "5.1").Documents);
        Assert.Equal(0, Cell(matrix, "330000", "3.1").Documents);
        Assert.Equal(new MeasureCoverage("3.1", 2, 31), matrix.Coverage[0]);
        Assert.Equal(new MeasureCoverage("5.1", 0, 31), matrix.Coverage.Single(c => c.Measure == "5.1"));
    }

    [Theory]
    // Notice 二 “工作目标”: past due and not 已完成 → overdue.
    [InlineData("2026-06-30", MeasureStatus.InProgress, true)]
    // Met targets are not overdue.
    [InlineData("2026-06-30", MeasureStatus.Completed, false)]
    // Not yet due on the day of the dashboard (10 August 2026).
    [InlineData("2026-09-30", MeasureStatus.NotStarted, false)]
    // Due on the day itself: still in time.
    [InlineData("2026-08-10", MeasureStatus.NotStarted, false)]
    public void A_cell_is_overdue_when_a_target_is_past_due_and_not_completed(string dueOn, MeasureStatus status, bool overdue)
    {
        var target = new WorkTarget("5.2", "440300", "新建技能大师工作室5个", DateOnly.Parse(dueOn, System.Globalization.CultureInfo.InvariantCulture));

        var matrix = Build("440000", [Report("440300", "2026-Q2", ("5.2", status))], targets: [target]);

        Assert.Equal(overdue, Cell(matrix, "440300", "5.2").Overdue);
        Assert.Equal(overdue ? 1 : 0, matrix.Overdue.Count);
    }

    [Fact]
    public void A_region_that_has_not_reported_is_overdue_on_its_past_targets_and_listed()
    {
        var target = new WorkTarget("3.4", "440100", "出台人才公寓配租办法", new DateOnly(2026, 3, 31));

        var matrix = Build("440000", targets: [target]);

        Assert.True(Cell(matrix, "440100", "3.4").Overdue);
        var item = Assert.Single(matrix.Overdue);
        Assert.Equal(("440100", "广州市", CellStatus.NotReported), (item.RegionCode, item.RegionName, item.Status));
        Assert.Same(target, item.Target);
    }

    [Fact]
    public void A_past_year_is_judged_at_its_end()
    {
        // Looking back at 2025 in August 2026: a target due 31 December 2025 and not completed in 2025's reports is overdue.
        var target = new WorkTarget("6.4", "440300", "开展优秀技术工人休疗养", new DateOnly(2025, 12, 31));
        var later = new WorkTarget("6.4", "440300", "2026年的目标", new DateOnly(2026, 3, 31));

        var matrix = Build("440000", [Report("440300", "2025", ("6.4", MeasureStatus.InProgress))], targets: [target, later], year: 2025);

        Assert.True(Cell(matrix, "440300", "6.4").Overdue);
        Assert.Equal([target], matrix.Overdue.Select(o => o.Target));
    }

    [Theory]
    [InlineData(2017, "000000", "年份应在2018年至2026年之间")] // before the policy
    [InlineData(2027, "000000", "年份应在2018年至2026年之间")] // a future year
    [InlineData(2026, "810000", "行政区划“810000”不存在或不在报送范围内")]
    [InlineData(2026, "123456", "行政区划“123456”不存在或不在报送范围内")]
    public void A_bad_year_or_region_is_refused_in_Chinese(int year, string region, string message)
    {
        var result = SupervisionDashboard.Build(year, region, AsOf, [], [], [], Hierarchy, Catalog);

        Assert.Equal(message, result.Error);
    }

    [Fact]
    public void The_trend_counts_each_periods_cells_by_status()
    {
        // 湖北 (17 reporting units × 16 measures = 272 cells per period).
        var periods = new ReportSchedule(ReportKind.HalfYearly, 15, 12, 31, 5).PeriodsOf(2025);
        var reports = new[]
        {
            Report("420100", "2025-H1", ("3.1", MeasureStatus.InProgress), ("3.2", MeasureStatus.NotStarted)),
            Report("420100", "2025", ("3.1", MeasureStatus.Completed), ("3.2", MeasureStatus.InProgress)),
            Report("429004", "2025", ("3.1", MeasureStatus.Completed)),
        };

        var trend = SupervisionDashboard.Trend(periods, "420000", reports, Hierarchy, Catalog);

        Assert.Equal(new TrendPoint(periods[0], 270, 1, 1, 0), trend[0]);
        Assert.Equal(new TrendPoint(periods[1], 269, 0, 1, 2), trend[1]);
    }

    [Theory]
    [InlineData(CellStatus.NotReported, "未报送")]
    [InlineData(CellStatus.NotStarted, "未启动")]
    [InlineData(CellStatus.InProgress, "推进中")]
    [InlineData(CellStatus.Completed, "已完成")]
    public void Every_status_has_its_Chinese_text(CellStatus status, string text)
    {
        Assert.Equal(text, CellStatuses.ChineseName(status));
        Assert.Equal(text, new MatrixCell("3.1", status, 0, false).StatusText);
    }

    [Fact]
    public void A_cell_reads_aloud_with_region_measure_status_documents_and_overdue()
    {
        var matrix = Build(
            "000000",
            [Report("440000", "2026-Q2", ("3.1", MeasureStatus.InProgress))],
            [new FiledDocument("440000", new DateOnly(2019, 3, 1), ["3.1"]), new FiledDocument("440000", new DateOnly(2020, 3, 1), ["3.1"])],
            [new WorkTarget("3.1", "440000", "设立服务窗口", new DateOnly(2026, 6, 30))]);
        var row = matrix.Regions.Single(r => r.Code == "440000");

        Assert.Equal(
            "广东省，三（一）全面加强对高技能领军人才的服务保障：推进中，配套文件2件，有逾期未完成的工作目标",
            SupervisionMatrix.AccessibleText(row, row.Cells[0], Catalog));
        Assert.Equal(
            "广东省，六（五）广泛宣传技术工人劳动成果和创造价值：未报送，暂无配套文件",
            SupervisionMatrix.AccessibleText(row, row.Cells[^1], Catalog));
    }
}
