using Gongjiang.Core.Reference;

namespace Gongjiang.Core.Tests.Reference;

public sealed class DepartmentsTests
{
    [Fact]
    public void All_seventeen_departments_with_unique_codes()
    {
        // 《意见》七: 人社 + 11 有关部门 + 4 群团组织; 人社部发〔2018〕24号 二 adds 工商联.
        Assert.Equal(17, Departments.All.Count);
        Assert.Equal(17, Departments.All.Select(d => d.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(17, Departments.All.Select(d => d.ShortName).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Departments.All, d => Assert.Matches("^[a-z]+(-[a-z]+)*$", d.Code));
        Assert.All(Departments.All, d => Assert.InRange(d.ShortName.Length, 2, 4));
    }

    [Theory]
    // code, policy wording, abbreviation — 《意见》七 / 人社部发〔2018〕24号 二
    [InlineData("hrss", "人力资源社会保障", "人社")]
    [InlineData("ndrc", "发展改革", "发改")]
    [InlineData("education", "教育", "教育")]
    [InlineData("science", "科技", "科技")]
    [InlineData("miit", "工业和信息化", "工信")]
    [InlineData("public-security", "公安", "公安")]
    [InlineData("finance", "财政", "财政")]
    [InlineData("housing", "住房城乡建设", "住建")]
    [InlineData("culture-tourism", "文化和旅游", "文旅")] // 《意见》 says 文化; the notice 文化旅游
    [InlineData("sasac", "国资", "国资")]
    [InlineData("tax", "税务", "税务")]
    [InlineData("foreign-experts", "外专", "外专")]
    [InlineData("union", "工会", "工会")] // 群团组织
    [InlineData("youth-league", "共青团", "共青团")] // 群团组织
    [InlineData("women-federation", "妇联", "妇联")] // 群团组织
    [InlineData("cast", "科协", "科协")] // 群团组织
    [InlineData("acfic", "工商联", "工商联")] // notice 二: 会同工商联等单位
    public void Find_by_code(string code, string name, string shortName)
    {
        Assert.Equal(new Department(code, name, shortName), Departments.Find(code));
    }

    [Theory]
    [InlineData("HRSS")]
    [InlineData("人社")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_returns_null_for_unknown_codes(string? code)
    {
        Assert.Null(Departments.Find(code));
    }
}
