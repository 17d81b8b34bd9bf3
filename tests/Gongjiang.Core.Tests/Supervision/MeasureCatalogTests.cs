using Gongjiang.Core.Supervision;

namespace Gongjiang.Core.Tests.Supervision;

/// <summary>
/// The 16 measures: 《关于提高技术工人待遇的意见》三(一)–(五), 四(一)–(三), 五(一)–(三), 六(一)–(五); 人社部发〔2018〕24号 二
/// “《意见》提出提高技术工人待遇的16条政策措施”.
/// </summary>
public sealed class MeasureCatalogTests
{
    [Fact]
    public void The_vendored_table_holds_the_sixteen_measures_in_policy_order()
    {
        var codes = MeasureCatalog.Default.All.Select(m => m.Code);

        Assert.Equal(
            ["3.1", "3.2", "3.3", "3.4", "3.5", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "6.1", "6.2", "6.3", "6.4", "6.5"],
            codes);
    }

    [Theory]
    // 三（一）: the first measure, the leading-talent service (registry and service window).
    [InlineData("3.1", "三（一）", "全面加强对高技能领军人才的服务保障")]
    // 四（二）: the SOE wage rule lives here.
    [InlineData("4.2", "四（二）", "建立企业技术工人工资正常增长机制")]
    // 五（三）: 校企合作.
    [InlineData("5.3", "五（三）", "加大校企合作培养技术工人力度")]
    // 六（五）: the last measure.
    [InlineData("6.5", "六（五）", "广泛宣传技术工人劳动成果和创造价值")]
    public void Each_measure_has_its_code_its_Chinese_numbering_and_its_title(string code, string display, string title)
    {
        var measure = MeasureCatalog.Default.Find(code)!;

        Assert.Equal(display, measure.DisplayCode);
        Assert.Equal(title, measure.Title);
        Assert.Equal(display + title, measure.DisplayName);
    }

    [Theory]
    [InlineData("3.1", "3.1")]
    [InlineData("三（一）", "3.1")] // the policy's own numbering, full-width brackets
    [InlineData("三(一)", "3.1")] // as the issue writes it
    [InlineData(" 六 （ 四 ） ", "6.4")] // spaces typed around
    [InlineData("５．２", "5.2")] // full-width digits
    public void A_measure_is_found_however_its_number_is_written(string typed, string code)
    {
        Assert.Equal(code, MeasureCatalog.Default.Find(typed)?.Code);
    }

    [Theory]
    [InlineData("3.6")] // 三 has five items
    [InlineData("七（一）")] // 七 is 加强组织领导, not a measure
    [InlineData("2.1")]
    [InlineData("31")]
    public void A_number_that_is_not_a_measure_is_refused_in_Chinese(string typed)
    {
        var result = MeasureCatalog.Default.Parse(typed);

        Assert.False(result.IsValid);
        Assert.Equal($"政策措施“{typed}”不存在，应为三（一）至六（五）（3.1至6.5）之一", result.Error);
    }

    [Fact]
    public void The_named_departments_and_modules_are_split_from_the_table()
    {
        var measure = MeasureCatalog.Default.Find("3.4")!;

        Assert.Equal(["住房城乡建设", "教育", "公安", "人力资源社会保障"], measure.NamedDepartments);
        Assert.Equal(["Service window", "Benefit policies"], measure.Modules);
        Assert.Contains("积分落户放宽条件", measure.Actions);
    }

    [Theory]
    [InlineData(3, "突出“高精尖缺”导向，大力提高高技能领军人才待遇水平")]
    [InlineData(6, "强化评价使用激励工作，畅通技术工人成长成才通道")]
    [InlineData(7, null)]
    public void Sections_have_the_policy_headings(int section, string? title)
    {
        Assert.Equal(title, MeasureCatalog.SectionTitle(section));
    }

    [Fact]
    public void A_catalogue_refuses_a_code_listed_twice()
    {
        var measure = new Measure("3.1", "标题", [], [], []);

        Assert.Throws<ArgumentException>(() => new MeasureCatalog([measure, measure]));
    }
}
