using Gongjiang.Core.Supervision;

namespace Gongjiang.Core.Tests.Supervision;

/// <summary>
/// Implementing documents (配套文件) and work targets (工作目标). Notice 二: “牵头研究制定贯彻落实《意见》的具体措施…细化《意见》
/// 任务分工和工作目标…各地制定出台的政策措施情况请于今年年底前报我部”. 文号 as GB/T 9704-2012 7.2.4 writes it.
/// </summary>
public sealed class ImplementingDocumentTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static ImplementingDocumentInput Input() =>
        new("关于提高技术工人待遇的实施意见", "粤人社发〔2019〕12号", "广东省人力资源和社会保障厅", new DateOnly(2019, 3, 1), ["3.1", "四（二）"]);

    [Theory]
    [InlineData("粤人社发〔2019〕12号", "粤人社发", 2019, 12)] // the standard form
    [InlineData("人社部发〔2018〕24号", "人社部发", 2018, 24)] // the notice itself
    [InlineData("粤人社发[2019]12号", "粤人社发", 2019, 12)] // square brackets typed for 〔〕
    [InlineData("粤人社发（2019）12号", "粤人社发", 2019, 12)] // full-width parentheses
    [InlineData("粤人社发【2019】12号", "粤人社发", 2019, 12)]
    [InlineData(" 粤人社发 〔２０１９〕 １２号 ", "粤人社发", 2019, 12)] // spaces and full-width digits
    [InlineData("深人社规〔2020〕3号", "深人社规", 2020, 3)]
    public void Document_numbers_are_read_and_written_in_the_standard_form(string typed, string agency, int year, int sequence)
    {
        var number = DocumentNumber.Parse(typed).GetValueOrThrow();

        Assert.Equal(new DocumentNumber(agency, year, sequence), number);
        Assert.Equal($"{agency}〔{year}〕{sequence}号", number.ToString());
    }

    [Theory]
    [InlineData(null, "文号不能为空，应如“粤人社发〔2019〕12号”")]
    [InlineData("  ", "文号不能为空，应如“粤人社发〔2019〕12号”")]
    // GB/T 9704-2012 7.2.4: 年份应标全称.
    [InlineData("粤人社发〔19〕12号", "文号“粤人社发〔19〕12号”格式不正确：年份应标全称（四位数字）")]
    // 7.2.4: 发文顺序号不加“第”字.
    [InlineData("粤人社发〔2019〕第12号", "文号“粤人社发〔2019〕第12号”格式不正确：发文顺序号不加“第”字")]
    // 7.2.4: 不编虚位（即1不编为01）.
    [InlineData("粤人社发〔2019〕012号", "文号“粤人社发〔2019〕012号”格式不正确：发文顺序号不编虚位")]
    // 7.2.4: the year in 六角括号.
    [InlineData("粤人社发2019年12号", "文号“粤人社发2019年12号”格式不正确：年份应用六角括号“〔〕”括入")]
    [InlineData("粤人社发〔2019〕12", "文号“粤人社发〔2019〕12”格式不正确：发文顺序号后应加“号”")]
    [InlineData("〔2019〕12号", "文号“〔2019〕12号”格式不正确：应由发文机关代字、年份和发文顺序号组成")]
    public void Malformed_document_numbers_are_refused_naming_the_field(string? typed, string message)
    {
        var result = DocumentNumber.Parse(typed);

        Assert.False(result.IsValid);
        Assert.StartsWith(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_document_is_accepted_with_its_measures_normalised()
    {
        var document = ImplementingDocuments.Validate("440000", Input(), Today, MeasureCatalog.Default).GetValueOrThrow();

        Assert.Equal(["3.1", "4.2"], document.MeasureCodes);
        Assert.Equal("粤人社发〔2019〕12号", document.Number.ToString());
        Assert.Equal("440000", document.RegionCode);
    }

    [Theory]
    // “a document without 文号 or date”: refused with a clear Chinese message.
    [InlineData("no-number", "文号不能为空")]
    [InlineData("no-date", "成文日期不能为空")]
    [InlineData("future", "成文日期2026年6月16日晚于今天（2026年6月15日），不能是将来的日期")]
    // The policy was issued in March 2018 (notice: “今年3月…印发”): nothing earlier implements it.
    [InlineData("before-policy", "成文日期2018年2月28日早于《关于提高技术工人待遇的意见》印发（2018年3月），不是其配套文件")]
    [InlineData("year-mismatch", "文号中的年份2019与成文日期的年份2020不一致")]
    [InlineData("no-title", "文件标题不能为空")]
    [InlineData("no-issuer", "发文机关不能为空")]
    [InlineData("no-measures", "涉及政策措施不能为空，请至少选择一项")]
    [InlineData("unknown-measure", "涉及政策措施：政策措施“7.1”不存在")]
    public void A_document_with_a_missing_or_wrong_field_is_refused_naming_it(string problem, string message)
    {
        var input = problem switch
        {
            "no-number" => Input() with { Number = "" },
            "no-date" => Input() with { IssuedOn = null },
            "future" => Input() with { IssuedOn = Today.AddDays(1), Number = "粤人社发〔2026〕1号" },
            "before-policy" => Input() with { IssuedOn = new DateOnly(2018, 2, 28), Number = "粤人社发〔2018〕1号" },
            "year-mismatch" => Input() with { IssuedOn = new DateOnly(2020, 1, 6) },
            "no-title" => Input() with { Title = " " },
            "no-issuer" => Input() with { Issuer = null },
            "no-measures" => Input() with { MeasureCodes = [] },
            _ => Input() with { MeasureCodes = ["3.1", "7.1"] },
        };

        var result = ImplementingDocuments.Validate("440000", input, Today, MeasureCatalog.Default);

        Assert.False(result.IsValid);
        Assert.Contains(result.Reasons, r => r.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var result = ImplementingDocuments.Validate("440000", new ImplementingDocumentInput(null, null, null, null, null), Today, MeasureCatalog.Default);

        Assert.Equal(5, result.Reasons.Count);
    }

    [Theory]
    // Notice 二 “工作目标”: overdue from the day after the due date while the measure is not 已完成.
    [InlineData("2026-06-30", "2026-07-01", MeasureStatus.InProgress, true)]
    [InlineData("2026-06-30", "2026-07-01", MeasureStatus.NotStarted, true)]
    [InlineData("2026-06-30", "2026-07-01", null, true)] // no accepted report: not known to be done
    [InlineData("2026-06-30", "2026-06-30", MeasureStatus.InProgress, false)] // the due day itself is still in time
    [InlineData("2026-06-30", "2026-07-01", MeasureStatus.Completed, false)] // met
    public void A_target_is_overdue_after_its_due_date_until_the_measure_is_complete(string dueOn, string asOf, MeasureStatus? status, bool overdue)
    {
        var target = new WorkTarget("5.2", "440300", "新建技能大师工作室5个", DateOnly.Parse(dueOn, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(overdue, WorkTargets.IsOverdue(target, status, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("五（二）", "440300", "新建技能大师工作室5个", null)]
    [InlineData("7.1", "440300", "新建技能大师工作室5个", "政策措施“7.1”不存在")]
    [InlineData("5.2", "810000", "新建技能大师工作室5个", "行政区划“810000”不存在或不在报送范围内")]
    [InlineData("5.2", "440300", " ", "工作目标内容不能为空")]
    public void Targets_are_checked_as_entered(string measure, string region, string description, string? message)
    {
        var result = WorkTargets.Validate(new WorkTarget(measure, region, description, new DateOnly(2026, 12, 31)), MeasureCatalog.Default, ReportingHierarchy.Default);

        if (message is null)
        {
            Assert.Equal("5.2", result.GetValueOrThrow().MeasureCode);
        }
        else
        {
            Assert.StartsWith(message, result.Error, StringComparison.Ordinal);
        }
    }
}
