using Gongjiang.Core.Reference;
using Gongjiang.Core.Supervision;

namespace Gongjiang.Core.Tests.Supervision;

/// <summary>
/// 任务分工: 人社部发〔2018〕24号 二 “16条政策措施，均明确由人力资源社会保障部为牵头（或联合牵头）单位…各级人力资源社会保障部门
/// 要发挥牵头作用…细化《意见》任务分工和工作目标”; policy 七 names the departments and 群团组织 that take part.
/// </summary>
public sealed class TaskDivisionTests
{
    private static readonly Participant Hrss = Participant.Of(Departments.Hrss);

    [Fact]
    public void Human_resources_leads_every_measure_at_every_level_by_default()
    {
        // Notice 二: every one of the 16 measures is led by 人力资源社会保障, and every level leads locally.
        var all = TaskDivision.Default.All;

        Assert.Equal(16 * 4, all.Count);
        Assert.All(all, a => Assert.Equal([Hrss], a.Leads));
    }

    [Theory]
    // 三(二) names “工会等群团组织、行业主管部门、行业协会、企业”: 工会 is a department of policy 七, the rest are kept by name.
    [InlineData("3.2", "union,—其他群团组织,—行业主管部门,—行业协会,—企业")]
    // 三(四) names 住建、教育、公安 and 人社 itself (the lead, so not repeated as a participant).
    [InlineData("3.4", "housing,education,public-security")]
    // 三(五) names 知识产权, which policy 七 does not list as a department.
    [InlineData("3.5", "science,cast,—知识产权,foreign-experts")]
    // 四(二) names 国资、企业、工会.
    [InlineData("4.2", "sasac,—企业,union")]
    // 六(五) names 宣传, not a department of policy 七.
    [InlineData("6.5", "—宣传,union")]
    // 三(一) names only 人社, the lead: nobody else by default.
    [InlineData("3.1", "")]
    public void Participants_are_the_departments_and_bodies_the_measure_names(string measure, string expected)
    {
        var participants = TaskDivision.Default.For(measure, GovernmentLevel.City).Participants;

        Assert.Equal(expected, string.Join(",", participants.Select(p => p.DepartmentCode ?? "—" + p.Name)));
    }

    [Fact]
    public void The_default_is_the_same_at_the_four_levels()
    {
        var ministry = TaskDivision.Default.For("5.1", GovernmentLevel.Ministry);
        var county = TaskDivision.Default.For("5.1", GovernmentLevel.County);

        Assert.Equal(ministry.Participants, county.Participants);
    }

    [Fact]
    public void A_supervisor_adds_a_joint_lead_at_one_level_only()
    {
        // “牵头（或联合牵头）”: 工会 joins as lead of 六(二) at province level.
        var current = TaskDivision.Default.For("6.2", GovernmentLevel.Province);
        var edited = current with { Leads = [Hrss, Participant.Of(Departments.Union)], Participants = [.. current.Participants.Where(p => p.DepartmentCode != "union")] };

        var division = TaskDivision.Default.With(edited).GetValueOrThrow();

        Assert.Equal(["hrss", "union"], division.For("6.2", GovernmentLevel.Province).Leads.Select(p => p.DepartmentCode));
        Assert.Equal([Hrss], division.For("6.2", GovernmentLevel.City).Leads);
        Assert.Equal([Hrss], TaskDivision.Default.For("6.2", GovernmentLevel.Province).Leads); // the default is untouched
        Assert.Equal(
            ["六（二）省级：新增牵头单位 工会", "六（二）省级：移除参与单位 工会"],
            TaskDivision.Describe(current, edited, MeasureCatalog.Default));
    }

    [Theory]
    [InlineData("no-lead", "牵头单位不能为空")]
    [InlineData("twice", "“工会”重复列出")]
    [InlineData("bad-code", "参与单位中的部门代码“police”不存在")]
    [InlineData("department-by-name", "参与单位“财政”是已列明的部门，请从部门列表中选择“财政”")]
    [InlineData("blank-name", "参与单位的名称不能为空")]
    [InlineData("unknown-measure", "政策措施“7.1”不存在")]
    public void An_invalid_edit_is_refused_in_Chinese(string edit, string message)
    {
        var current = TaskDivision.Default.For("4.2", GovernmentLevel.County);
        var edited = edit switch
        {
            "no-lead" => current with { Leads = [] },
            "twice" => current with { Leads = [Hrss, Participant.Of(Departments.Union)] },
            "bad-code" => current with { Participants = [new Participant("police", "公安")] },
            "department-by-name" => current with { Participants = [Participant.Named("财政")] },
            "blank-name" => current with { Participants = [Participant.Named("  ")] },
            _ => current with { MeasureCode = "7.1" },
        };

        var result = TaskDivision.Default.With(edited);

        Assert.False(result.IsValid);
        Assert.Contains(result.Reasons, r => r.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_stored_edits_replace_the_defaults_they_concern()
    {
        var edit = TaskDivision.Default.For("3.3", GovernmentLevel.Ministry) with { Participants = [Participant.Of(Departments.Finance)] };

        var division = TaskDivision.FromAssignments(MeasureCatalog.Default, [edit]).GetValueOrThrow();

        Assert.Equal(["finance"], division.For("3.3", GovernmentLevel.Ministry).Participants.Select(p => p.DepartmentCode));
        Assert.Equal(3, division.For("3.3", GovernmentLevel.Province).Participants.Count); // 企业、财政、科技
        Assert.False(TaskDivision.FromAssignments(MeasureCatalog.Default, [edit, edit]).IsValid);
    }
}
