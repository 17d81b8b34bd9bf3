using Gongjiang.Core.Common;
using static Gongjiang.Core.Supervision.SupervisionText;

namespace Gongjiang.Core.Supervision;

/// <summary>A cell's status on the dashboard: a <see cref="MeasureStatus"/> (same values) or 未报送.</summary>
public enum CellStatus
{
    /// <summary>未报送: no accepted report of the region for the year.</summary>
    NotReported = 0,
    /// <summary>未启动.</summary>
    NotStarted = 1,
    /// <summary>推进中.</summary>
    InProgress = 2,
    /// <summary>已完成.</summary>
    Completed = 3,
}

/// <summary>Chinese names of <see cref="CellStatus"/> — the text shown with every colour, so the status never depends on colour alone.</summary>
public static class CellStatuses
{
    public static string ChineseName(CellStatus status) => status switch
    {
        CellStatus.NotReported => "未报送",
        CellStatus.NotStarted => "未启动",
        CellStatus.InProgress => "推进中",
        CellStatus.Completed => "已完成",
    };

    /// <summary>The cell status of a measure status (null → 未报送).</summary>
    public static CellStatus From(MeasureStatus? status) => status is { } s ? (CellStatus)(int)s : CellStatus.NotReported;
}

/// <summary>An accepted progress report, as far as the dashboard needs it: whose, for which period, the status per measure code.</summary>
public sealed record AcceptedReport(string RegionCode, ReportPeriod Period, IReadOnlyDictionary<string, MeasureStatus> Statuses);

/// <summary>An implementing document, as far as the dashboard needs it: who filed it, when it was issued, which measures it covers.</summary>
public sealed record FiledDocument(string RegionCode, DateOnly IssuedOn, IReadOnlyCollection<string> MeasureCodes);

/// <summary>A measure column: <c>{"code","name"}</c> of <c>GET /api/v1/supervision/matrix</c>.</summary>
public sealed record MatrixMeasure(string Code, string Name);

/// <summary>A cell: <c>{"measure","status","documents","overdue"}</c>.</summary>
/// <param name="Measure">The measure code.</param>
/// <param name="Status">From the region's latest accepted report of the year, or 未报送.</param>
/// <param name="Documents">The region's own implementing documents covering the measure issued up to the year's end.</param>
/// <param name="Overdue">A work target of the region for the measure is past due and the status is not 已完成.</param>
public sealed record MatrixCell(string Measure, CellStatus Status, int Documents, bool Overdue)
{
    /// <summary>The status as Chinese text (未报送 / 未启动 / 推进中 / 已完成).</summary>
    public string StatusText => CellStatuses.ChineseName(Status);
}

/// <summary>A region row: <c>{"code","name","cells"}</c>, with the period of the report the cells come from.</summary>
public sealed record MatrixRow(string Code, string Name, IReadOnlyList<MatrixCell> Cells, ReportPeriod? ReportPeriod);

/// <summary>Coverage of one measure: how many of the rows' regions have an implementing document covering it.</summary>
public sealed record MeasureCoverage(string Measure, int Covered, int Regions);

/// <summary>A work target past due and not completed, for the overdue list.</summary>
public sealed record OverdueTarget(string RegionCode, string RegionName, WorkTarget Target, CellStatus Status);

/// <summary>One point of a trend chart: how many region × measure cells stood where in a period's accepted reports.</summary>
public sealed record TrendPoint(ReportPeriod Period, int NotReported, int NotStarted, int InProgress, int Completed);

/// <summary>
/// The dashboard (督查看板) for a year and a parent region: rows are the regions that report to it (the ministry sees the
/// 31 provinces, a province its cities and 省直辖县级行政单位, a 直辖市 its districts and counties, a city its counties),
/// columns are the 16 measures. Shaped as <c>GET /api/v1/supervision/matrix?year=YYYY[&amp;region=CODE]</c> →
/// <c>{"year","measures":[{"code","name"}],"regions":[{"code","name","cells":[{"measure","status","documents","overdue"}]}]}</c>,
/// plus coverage and the overdue list. Policy 七 “密切跟踪技术工人待遇政策落实情况，加强督查检查”; notice 二.
/// </summary>
public sealed record SupervisionMatrix(
    int Year,
    string RegionCode,
    string RegionName,
    DateOnly AsOf,
    IReadOnlyList<MatrixMeasure> Measures,
    IReadOnlyList<MatrixRow> Regions,
    IReadOnlyList<MeasureCoverage> Coverage,
    IReadOnlyList<OverdueTarget> Overdue)
{
    /// <summary>
    /// A cell read aloud (for <c>aria-label</c> or a <c>title</c>): “广东省，三（一）全面加强对高技能领军人才的服务保障：推进中，
    /// 配套文件2件，有逾期未完成的工作目标”.
    /// </summary>
    public static string AccessibleText(MatrixRow row, MatrixCell cell, MeasureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(catalog);
        var measure = catalog.Find(cell.Measure)?.DisplayName ?? cell.Measure;
        var documents = cell.Documents > 0 ? Invariant($"配套文件{cell.Documents}件") : "暂无配套文件";
        var overdue = cell.Overdue ? "，有逾期未完成的工作目标" : "";
        return Invariant($"{row.Name}，{measure}：{cell.StatusText}，{documents}{overdue}");
    }
}

/// <summary>Builds the <see cref="SupervisionMatrix"/> as a pure aggregation of what the caller loaded.</summary>
/// <remarks>
/// <para>Rules:</para>
/// <list type="bullet">
/// <item>A cell's status is the measure's status in the region's latest accepted report whose period lies in the year
/// (the year-end report after the last quarter); 未报送 when there is none or it lacks the measure.</item>
/// <item>Documents count the region's own implementing documents (filed with its code) issued on or before 31 December of
/// the year — documents stay in force, so earlier years count.</item>
/// <item>A cell is overdue when one of the region's work targets for the measure was due before the day the year is judged
/// on (<c>AsOf</c>, or 1 January of the next year for a past year) and the cell's status is not 已完成
/// (<see cref="WorkTargets.IsOverdue"/>).</item>
/// <item>Coverage counts the rows with at least one document for the measure.</item>
/// </list>
/// </remarks>
public static class SupervisionDashboard
{
    /// <summary>The first year of the policy (《关于提高技术工人待遇的意见》, 2018).</summary>
    public const int FirstYear = 2018;

    /// <summary>
    /// The matrix of <paramref name="year"/> for <paramref name="regionCode"/> on <paramref name="asOf"/>. Reports, documents and
    /// targets of regions that are not rows are ignored, as are reports of other years. Refused, with a Chinese reason naming
    /// the field, for a year outside 2018–<c>asOf.Year</c> or a region that does not exist or take part.
    /// </summary>
    public static Result<SupervisionMatrix> Build(
        int year,
        string regionCode,
        DateOnly asOf,
        IEnumerable<AcceptedReport> reports,
        IEnumerable<FiledDocument> documents,
        IEnumerable<WorkTarget> targets,
        ReportingHierarchy hierarchy,
        MeasureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new List<string>();
        if (year < FirstYear || year > asOf.Year)
        {
            errors.Add(Invariant($"年份应在{FirstYear}年至{asOf.Year}年之间"));
        }

        if (!hierarchy.TakesPart(regionCode))
        {
            errors.Add(Invariant($"行政区划“{regionCode}”不存在或不在报送范围内"));
        }

        if (errors.Count > 0)
        {
            return Result<SupervisionMatrix>.Fail(errors);
        }

        var rows = hierarchy.ReportingTo(regionCode);
        var rowCodes = rows.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);

        var latest = new Dictionary<string, AcceptedReport>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            if (report.Period.Year != year || !rowCodes.Contains(report.RegionCode))
            {
                continue;
            }

            if (!latest.TryGetValue(report.RegionCode, out var current) || report.Period.SortKey.CompareTo(current.Period.SortKey) > 0)
            {
                latest[report.RegionCode] = report;
            }
        }

        var yearEnd = new DateOnly(year, 12, 31);
        var documentCounts = new Dictionary<(string Region, string Measure), int>();
        foreach (var document in documents)
        {
            if (document.IssuedOn > yearEnd || !rowCodes.Contains(document.RegionCode))
            {
                continue;
            }

            foreach (var measure in document.MeasureCodes.Distinct(StringComparer.Ordinal))
            {
                var key = (document.RegionCode, measure);
                documentCounts[key] = documentCounts.GetValueOrDefault(key) + 1;
            }
        }

        var judgedOn = asOf.Year > year ? new DateOnly(year + 1, 1, 1) : asOf;
        var targetsByCell = targets
            .Where(t => rowCodes.Contains(t.RegionCode))
            .GroupBy(t => (t.RegionCode, t.MeasureCode))
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.DueOn).ToList());

        var matrixRows = new List<MatrixRow>(rows.Count);
        var overdue = new List<OverdueTarget>();
        foreach (var region in rows)
        {
            var report = latest.GetValueOrDefault(region.Code);
            var cells = new List<MatrixCell>(catalog.Count);
            foreach (var measure in catalog.All)
            {
                MeasureStatus? status = report is not null && report.Statuses.TryGetValue(measure.Code, out var s) ? s : null;
                var late = targetsByCell.TryGetValue((region.Code, measure.Code), out var cellTargets)
                    ? cellTargets.Where(t => WorkTargets.IsOverdue(t, status, judgedOn)).ToList()
                    : [];
                var cellStatus = CellStatuses.From(status);
                overdue.AddRange(late.Select(t => new OverdueTarget(region.Code, region.Name, t, cellStatus)));
                cells.Add(new MatrixCell(measure.Code, cellStatus, documentCounts.GetValueOrDefault((region.Code, measure.Code)), late.Count > 0));
            }

            matrixRows.Add(new MatrixRow(region.Code, region.Name, cells, report?.Period));
        }

        var coverage = catalog.All
            .Select((m, index) => new MeasureCoverage(m.Code, matrixRows.Count(r => r.Cells[index].Documents > 0), matrixRows.Count))
            .ToArray();

        return Result<SupervisionMatrix>.Ok(new SupervisionMatrix(
            year,
            regionCode,
            hierarchy.Regions.Find(regionCode)!.Name,
            asOf,
            [.. catalog.All.Select(m => new MatrixMeasure(m.Code, m.Title))],
            matrixRows,
            coverage,
            overdue));
    }

    /// <summary>
    /// The trend over <paramref name="periods"/> (e.g. <see cref="ReportSchedule.PeriodsOf"/>) for the regions that report to
    /// <paramref name="regionCode"/>: per period, the cells (region × measure) of that period's accepted reports by status,
    /// a region without an accepted report for the period counting 未报送 on every measure.
    /// </summary>
    public static IReadOnlyList<TrendPoint> Trend(
        IEnumerable<ReportPeriod> periods,
        string regionCode,
        IEnumerable<AcceptedReport> reports,
        ReportingHierarchy hierarchy,
        MeasureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(catalog);
        var rows = hierarchy.ReportingTo(regionCode);
        var byKey = new Dictionary<(string Region, ReportPeriod Period), AcceptedReport>();
        foreach (var report in reports)
        {
            byKey[(report.RegionCode, report.Period)] = report;
        }

        var points = new List<TrendPoint>();
        foreach (var period in periods)
        {
            var counts = new int[4];
            foreach (var region in rows)
            {
                var report = byKey.GetValueOrDefault((region.Code, period));
                foreach (var measure in catalog.All)
                {
                    MeasureStatus? status = report is not null && report.Statuses.TryGetValue(measure.Code, out var s) ? s : null;
                    counts[(int)CellStatuses.From(status)]++;
                }
            }

            points.Add(new TrendPoint(period, counts[0], counts[1], counts[2], counts[3]));
        }

        return points;
    }
}
