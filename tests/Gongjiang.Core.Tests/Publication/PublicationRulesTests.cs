using Gongjiang.Core.Calendar;
using Gongjiang.Core.Publication;

namespace Gongjiang.Core.Tests.Publication;

/// <summary>
/// Ministry notice 人社部发〔2018〕24号 三: “建立完善高技能领军人才数据库，定期更新并向各部门和社会公布”, with the 公示 practice
/// for lists of recognised persons (a notice period, objections decided before the list is final, 双人复核).
/// </summary>
public sealed class PublicationRulesTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    private static PublishedFacts Facts(Guid id, string name, string occupation = "钳工", string bases = "2019年全国技术能手（人力资源社会保障部）") =>
        new(id, name, "男", "深圳市鹏城精密制造有限公司", occupation, "高级技师", "440306", bases, true);

    [Theory]
    [InlineData("2026-Q4", 2026, PublicationFrequency.Quarterly, 4, "2026年第四季度", "2026-10-01", "2026-12-31")]
    [InlineData("2026-q1", 2026, PublicationFrequency.Quarterly, 1, "2026年第一季度", "2026-01-01", "2026-03-31")]
    [InlineData(" 2025-H2 ", 2025, PublicationFrequency.HalfYearly, 2, "2025年下半年", "2025-07-01", "2025-12-31")]
    [InlineData("2024", 2024, PublicationFrequency.Yearly, 1, "2024年度", "2024-01-01", "2024-12-31")]
    public void Periods_parse_name_and_span(string key, int year, PublicationFrequency frequency, int number, string name, string start, string end)
    {
        var period = PublicationPeriod.Parse(key).GetValueOrThrow();
        Assert.Equal(new PublicationPeriod(year, frequency, number), period);
        Assert.Equal(name, period.DisplayName);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(period, PublicationPeriod.Parse(period.Key).GetValueOrThrow());
    }

    [Theory]
    [InlineData(null, "请选择公布期次")]
    [InlineData("", "请选择公布期次")]
    [InlineData("2026-Q5", "公布期次格式不正确")]
    [InlineData("2026-H3", "公布期次格式不正确")]
    [InlineData("26-Q1", "公布期次格式不正确")]
    [InlineData("1999", "公布期次格式不正确")]
    [InlineData("2026Q1", "公布期次格式不正确")]
    [InlineData("２０２６", "公布期次格式不正确")]
    public void Bad_periods_are_refused_in_Chinese(string? key, string message)
    {
        var result = PublicationPeriod.Parse(key);
        Assert.False(result.IsValid);
        Assert.StartsWith(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Periods_contain_dates_and_step_back_across_years()
    {
        Assert.Equal("2026-Q4", PublicationPeriod.Containing(new DateOnly(2026, 11, 24), PublicationFrequency.Quarterly).Key);
        Assert.Equal("2026-H2", PublicationPeriod.Containing(new DateOnly(2026, 7, 1), PublicationFrequency.HalfYearly).Key);
        Assert.Equal("2025-Q4", PublicationPeriod.Parse("2026-Q1").GetValueOrThrow().Previous().Key);
        Assert.Equal("2025-H2", PublicationPeriod.Parse("2026-H1").GetValueOrThrow().Previous().Key);
        Assert.Equal("2025", PublicationPeriod.Parse("2026").GetValueOrThrow().Previous().Key);
    }

    [Fact]
    public void Change_list_names_additions_changes_and_removals_since_the_previous_publication()
    {
        // “定期更新”: what changed since the last publication is what departments and the public need to know.
        var previous = new[] { Facts(A, "李建华"), Facts(B, "陈志强") };
        var current = new[] { Facts(A, "李建华", occupation: "装配钳工"), Facts(C, "王秀英") };

        var lines = ChangeList.Compute(previous, current);

        Assert.Equal([EntryChange.Added, EntryChange.Changed, EntryChange.Removed], lines.Select(l => l.Change));
        Assert.Equal("王秀英", lines[0].Facts.Name);
        Assert.Equal(["职业（工种）"], lines[1].ChangedFields);
        Assert.Equal("陈志强", lines[2].Facts.Name);
    }

    [Fact]
    public void First_publication_is_all_additions_and_an_identical_one_all_unchanged()
    {
        var facts = new[] { Facts(A, "李建华"), Facts(B, "陈志强") };
        Assert.All(ChangeList.Compute([], facts), l => Assert.Equal(EntryChange.Added, l.Change));
        Assert.All(ChangeList.Compute(facts, facts), l => Assert.Equal(EntryChange.Unchanged, l.Change));
    }

    [Fact]
    public void A_revoked_basis_is_a_change_of_the_basis()
    {
        var lines = ChangeList.Compute([Facts(A, "李建华", bases: "2019年全国技术能手；2020年全国劳动模范")], [Facts(A, "李建华", bases: "2019年全国技术能手")]);
        Assert.Equal(["认定依据"], lines.Single().ChangedFields);
    }

    [Fact]
    public void Notice_period_counts_working_days_on_the_Chinese_calendar()
    {
        // 国务院办公厅关于2025年部分节假日安排的通知: 10月1日至8日放假调休，9月28日（周日）、10月11日（周六）上班.
        var (endsOn, provisional) = PublicationWorkflow.NoticeEndsOn(WorkingDayCalendar.China, new DateOnly(2025, 9, 30), 5);
        Assert.Equal(new DateOnly(2025, 10, 14), endsOn);
        Assert.False(provisional);

        // A plain week: starting Monday 2025-11-17, five working days end on Monday 2025-11-24.
        Assert.Equal(new DateOnly(2025, 11, 24), PublicationWorkflow.NoticeEndsOn(WorkingDayCalendar.China, new DateOnly(2025, 11, 17), 5).EndsOn);
    }

    [Fact]
    public void Notice_period_in_a_year_without_a_published_arrangement_counts_weekdays_and_says_so()
    {
        var calendar = WorkingDayCalendar.FromDays(2026, 2026, new Dictionary<DateOnly, (DayKind, string)>());
        var (endsOn, provisional) = PublicationWorkflow.NoticeEndsOn(calendar, new DateOnly(2026, 12, 30), 5);
        Assert.True(provisional);
        Assert.Equal(new DateOnly(2027, 1, 6), endsOn); // 12-31 (Thu), 1-1 (Fri), 1-4, 1-5, 1-6
    }

    [Fact]
    public void Objections_are_open_until_the_last_day_of_the_notice()
    {
        var ends = new DateOnly(2026, 12, 1);
        Assert.Null(PublicationWorkflow.CanObject(PublicationStatus.Notice, ends, ends));
        Assert.Contains("已于2026年12月1日结束", PublicationWorkflow.CanObject(PublicationStatus.Notice, ends, ends.AddDays(1)), StringComparison.Ordinal);
        Assert.NotNull(PublicationWorkflow.CanObject(PublicationStatus.Draft, null, ends));
        Assert.NotNull(PublicationWorkflow.CanObject(PublicationStatus.Published, ends, ends));
    }

    [Fact]
    public void Approval_needs_the_period_over_objections_decided_and_a_second_person()
    {
        var ends = new DateOnly(2026, 12, 1);
        Assert.Empty(PublicationWorkflow.CanApprove(PublicationStatus.Notice, ends, ends.AddDays(1), 0, "clerk-id", "reviewer-id"));

        var all = PublicationWorkflow.CanApprove(PublicationStatus.Notice, ends, ends, 2, "clerk-id", "clerk-id");
        Assert.Equal(3, all.Count);
        Assert.Contains(all, e => e.Contains("期满后方可复核公布", StringComparison.Ordinal));
        Assert.Contains(all, e => e.Contains("还有2件异议未处理", StringComparison.Ordinal));
        Assert.Contains(all, e => e.Contains("编制人以外", StringComparison.Ordinal));

        Assert.Single(PublicationWorkflow.CanApprove(PublicationStatus.Draft, null, ends, 0, "a", "b"));
        Assert.Single(PublicationWorkflow.CanApprove(PublicationStatus.Published, ends, ends.AddDays(9), 0, "a", "b"));
    }

    [Fact]
    public void A_decision_is_final()
    {
        Assert.Null(PublicationWorkflow.CanDecide(PublicationStatus.Notice, null));
        Assert.NotNull(PublicationWorkflow.CanDecide(PublicationStatus.Notice, ObjectionDecision.Rejected));
        Assert.NotNull(PublicationWorkflow.CanDecide(PublicationStatus.Published, null));
    }

    [Theory]
    [InlineData("赵先生", "13912345678", "该同志所获奖章已被撤销，请核实。", null)]
    [InlineData("赵先生", "zhao@example.cn", "该同志所获奖章已被撤销，请核实。", null)]
    [InlineData("赵先生", "0755-12345678", "该同志所获奖章已被撤销，请核实。", null)]
    [InlineData("", "13912345678", "该同志所获奖章已被撤销，请核实。", "name")]
    [InlineData("<b>赵</b>", "13912345678", "该同志所获奖章已被撤销，请核实。", "name")]
    [InlineData("赵先生赵先生赵先生赵先生赵先生赵先生赵先生赵先生赵先生赵先生赵先生", "13912345678", "该同志所获奖章已被撤销，请核实。", "name")]
    [InlineData("赵先生", "", "该同志所获奖章已被撤销，请核实。", "contact")]
    [InlineData("赵先生", "12345", "该同志所获奖章已被撤销，请核实。", "contact")]
    [InlineData("赵先生", "a@b", "该同志所获奖章已被撤销，请核实。", "contact")]
    [InlineData("赵先生", "13912345678", "", "reason")]
    [InlineData("赵先生", "13912345678", "不同意", "reason")]
    [InlineData("赵先生", "13912345678", "含控制字符\u0007的异议内容很长很长", "reason")]
    public void Objection_fields_are_checked(string name, string contact, string reason, string? badField)
    {
        var (form, errors) = ObjectionRules.Check(name, contact, reason);
        if (badField is null)
        {
            Assert.NotNull(form);
            Assert.Empty(errors);
        }
        else
        {
            Assert.Null(form);
            Assert.Equal([badField], errors.Keys);
        }
    }

    [Fact]
    public void Oversized_objection_text_is_refused_and_markup_in_the_text_is_kept_as_text()
    {
        var (_, errors) = ObjectionRules.Check("赵先生", "13912345678", new string('长', ObjectionRules.ReasonMaxLength + 1));
        Assert.Contains("不能超过1000个字", errors["reason"], StringComparison.Ordinal);

        // The reason is plain text: stored as written and always rendered encoded by the pages.
        var (form, _) = ObjectionRules.Check("赵先生", "13912345678", "<script>alert(1)</script>该同志奖章已撤销");
        Assert.Equal("<script>alert(1)</script>该同志奖章已撤销", form!.Reason);
    }
}
