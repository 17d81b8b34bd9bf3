using System.Diagnostics;
using System.Text;
using Gongjiang.Core.Common;
using Gongjiang.Core.Policies;

namespace Gongjiang.Core.Tests.Policies;

/// <summary>
/// The benefit-rule language (docs/adr/0010): what it computes, what it refuses with which message at which position,
/// and that no text whatsoever makes it throw or run long.
/// </summary>
public sealed class RuleLanguageTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 1);

    /// <summary>A 45-year-old 高级技师 since 2019, leading talent by a 2015 全国劳动模范, in 深圳 (private enterprise, not frontline: unknown).</summary>
    private static FactSet Worker() => StandardFacts.Registry.NewFactSet(AsOf)
        .Set(StandardFacts.PersonAge, 45)
        .Set(StandardFacts.SkillLevelName, "高级技师")
        .Set(StandardFacts.SkillLevelSince, new DateOnly(2019, 3, 1))
        .Set(StandardFacts.TalentIsLeading, true)
        .SetMembers(StandardFacts.TalentBases, ["NationalModelWorker"])
        .SetYears(StandardFacts.Honors, [new("NationalModelWorker", 2015)])
        .Set(StandardFacts.RegionCode, "440305")
        .Set(StandardFacts.InsuranceMonths, 36)
        .Set(StandardFacts.OwnershipType, "Private")
        .Set(StandardFacts.Apprentices, 3);

    [Theory]
    // 三(一): leading talent and its bases.
    [InlineData("talent.isLeadingTalent", "是")]
    [InlineData("'NationalModelWorker' in talent.bases", "是")]
    [InlineData("'全国技术能手' in talent.bases", "否")]
    // 三(三): skill level compared on the ladder (Chinese labels or codes), and since when.
    [InlineData("skill.level >= '技师'", "是")]
    [InlineData("skill.level >= 'PrincipalTechnician'", "否")]
    [InlineData("skill.level in ['技师', '高级技师']", "是")]
    [InlineData("yearsBetween(skill.levelSince, asOf) >= 6", "是")]
    [InlineData("yearsBetween(skill.levelSince, asOf) >= 7", "否")]
    [InlineData("monthsBetween(skill.levelSince, asOf) == 75", "是")]
    [InlineData("skill.levelSince < date('2020-01-01') && addYears(skill.levelSince, 10) > asOf", "是")]
    // honours with years.
    [InlineData("'NationalModelWorker' in honors && honors['NationalModelWorker'] <= 2020", "是")]
    [InlineData("size(honors) == 1 && talent.bases.size() == 1", "是")]
    // employment and region.
    [InlineData("employment.ownershipType in ['CentralSoe', 'LocalSoe']", "否")]
    [InlineData("employment.ownershipType == '民营企业'", "是")]
    [InlineData("region.code.startsWith('4403') && !region.code.endsWith('00')", "是")]
    // CEL's commutative errors: the unknown front-line fact does not matter when the other side decides.
    [InlineData("region.code.startsWith('4403') || employment.frontline", "是")]
    [InlineData("employment.frontline || region.code.startsWith('4403')", "是")]
    [InlineData("person.age < 40 && employment.frontline", "否")]
    [InlineData("employment.frontline && person.age < 40", "否")]
    [InlineData("!has(employment.frontline) && has(person.age)", "是")]
    // arithmetic: ints, decimals (exact), conditionals.
    [InlineData("person.age * 2 - 10 == 80 && person.age / 2 == 22 && person.age % 7 == 3", "是")]
    [InlineData("0.1 + 0.2 == 0.3", "是")]
    [InlineData("person.age / 2.0 == 22.5", "是")]
    [InlineData("(person.age > 40 ? 'senior' : 'junior') == 'senior'", "是")]
    public void Eligibility_rules_compute_with_the_facts_of_one_person(string rule, string expected)
    {
        var compiled = RuleLanguage.Compile(rule, RuleKind.Eligibility, StandardFacts.Registry).GetValueOrThrow();

        var result = compiled.Evaluate(Worker());

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(expected, result.Display);
    }

    [Theory]
    // 三(三) 带徒津贴: 300 a head, capped in the formula by min().
    [InlineData("yuan(300) * min(employment.apprentices, 5)", 90_000)]
    // table by skill level (ADR 0009: money stays whole 分).
    [InlineData("{'技师': yuan(500), '高级技师': yuan(800)}[skill.level]", 80_000)]
    [InlineData("yuan(1000) * insurance.months", 3_600_000)]
    // a rate rounds once, half away from zero: 100000.00 × 0.3335 = 33350.00.
    [InlineData("yuan(100000) * 0.3335", 3_335_000)]
    [InlineData("yuan(100) / 3", 3_333)]
    [InlineData("fen(1) * 3 + yuan(0.07)", 10)]
    [InlineData("'ChinaSkillsGrandAward' in honors ? yuan(100000) : yuan(50000)", 5_000_000)]
    public void Amount_rules_compute_exact_money(string rule, long expectedFen)
    {
        var compiled = RuleLanguage.Compile(rule, RuleKind.Amount, StandardFacts.Registry).GetValueOrThrow();

        Assert.Equal(new Money(expectedFen), compiled.Evaluate(Worker()).Money);
    }

    [Theory]
    // a fact that is not known: the condition fails with its reason (never “false” silently).
    [InlineData("employment.frontline", "缺少事实“是否在生产服务一线岗位”（employment.frontline）")]
    // division by a value that is zero for this person.
    [InlineData("100 / (person.age - 45) > 1", "除数为零（第1行第7列）")]
    // a table without a row for the person's value.
    [InlineData("{'技师': yuan(500)}[skill.level] > yuan(0)", "表中没有与“技能等级”的取值对应的项（第1行第1列）")]
    // an honour not held.
    [InlineData("honors['ChinaSkillsGrandAward'] > 2000", "未记录“中华技能大奖”的年份（第1行第1列）")]
    // overflow at run time.
    [InlineData("person.age * 9223372036854775807 > 0", "计算溢出：结果超出范围")]
    public void A_condition_that_cannot_be_computed_fails_with_its_reason(string rule, string reason)
    {
        var compiled = RuleLanguage.Compile(rule, RuleKind.Eligibility, StandardFacts.Registry).GetValueOrThrow();

        var result = compiled.Evaluate(Worker());

        Assert.False(result.Holds);
        Assert.False(result.Succeeded);
        Assert.Equal(reason, result.Failure);
    }

    [Theory]
    // unknown fact, with a suggestion.
    [InlineData("person.age >= 40 &&\n    person.agee > 3", RuleKind.Eligibility, "第2行第5列：未知的事实“person.agee”（是否为“person.age”？）")]
    [InlineData("param.amount > yuan(1)", RuleKind.Eligibility, "第1行第1列：未知的参数“param.amount”（本事项未定义参数）")]
    // type mismatches.
    [InlineData("person.age >= '40'", RuleKind.Eligibility, "第1行第12列：“>=”两边类型不同：左边为整数，右边为文本")]
    [InlineData("yuan(100) > 50", RuleKind.Eligibility, "第1行第11列：“>”两边类型不同：左边为金额，右边为整数（金额请写作 yuan(数额)，如 yuan(100000)）")]
    [InlineData("person.age && true", RuleKind.Eligibility, "第1行第1列：“&&”两边应为条件（是/否），此处为整数")]
    [InlineData("insurance.months * 1000", RuleKind.Amount, "第1行第1列：金额公式的结果应为金额，此处为整数（请写作 yuan(数额)，如 yuan(100000)）")]
    [InlineData("person.age + 1", RuleKind.Eligibility, "第1行第1列：资格条件的结果应为是/否，此处为整数")]
    [InlineData("skill.level >= '技帅'", RuleKind.Eligibility, "第1行第16列：“技帅”不是技能等级的取值（可选：学徒工、初级工、中级工、高级工、技师、高级技师、特级技师、首席技师）")]
    [InlineData("employment.ownershipType > 'Private'", RuleKind.Eligibility, "第1行第26列：“企业性质”没有高低之分，只能用“==”“!=”或“in”")]
    [InlineData("region.code < '5'", RuleKind.Eligibility, "第1行第13列：文本不能比较大小（“<”）")]
    // constant division by zero and overflow, at check time.
    [InlineData("yuan(100) / 0 > yuan(1)", RuleKind.Eligibility, "第1行第13列：除数为零")]
    [InlineData("person.age % 0 == 1", RuleKind.Eligibility, "第1行第14列：除数为零")]
    [InlineData("9223372036854775807 + 1 > 0", RuleKind.Eligibility, "第1行第21列：计算溢出：结果超出范围")]
    [InlineData("person.age > 99999999999999999999", RuleKind.Eligibility, "第1行第14列：整数“99999999999999999999”超出范围（最大9223372036854775807）")]
    [InlineData("yuan(1.005)", RuleKind.Amount, "第1行第6列：金额最多保留两位小数（精确到分）")]
    [InlineData("date('2024-02-30') < asOf", RuleKind.Eligibility, "第1行第6列：“2024-02-30”不是有效日期（应为yyyy-MM-dd，如 2024-01-01）")]
    // syntax.
    [InlineData("person.age >= \n  40 &&& x", RuleKind.Eligibility, "第2行第8列：“并且”请用“&&”")]
    [InlineData("person.age = 40", RuleKind.Eligibility, "第1行第12列：比较是否相等请用“==”")]
    [InlineData("(person.age > 40", RuleKind.Eligibility, "第1行第17列：缺少右括号“)”")]
    [InlineData("person.age > ", RuleKind.Eligibility, "第1行第14列：运算符后缺少表达式")]
    [InlineData("person.age > 40 40", RuleKind.Eligibility, "第1行第17列：此处不应出现数字“40”（是否缺少运算符？）")]
    [InlineData("person.age （ 3", RuleKind.Eligibility, "第1行第12列：请使用半角括号“(”而不是全角“（”")]
    [InlineData("年龄 > 3", RuleKind.Eligibility, "第1行第1列：无法识别“年龄”：事实名称为英文（如 person.age），中文只能写在引号内")]
    [InlineData("region.code == '4403", RuleKind.Eligibility, "第1行第16列：文本缺少结束引号")]
    [InlineData("", RuleKind.Eligibility, "第1行第1列：资格条件不能为空（无条件时写 true）")]
    [InlineData("person.age == null", RuleKind.Eligibility, "第1行第15列：规则语言不使用 null：请用 has(事实) 判断事实是否已知")]
    [InlineData("frobnicate(1)", RuleKind.Eligibility, "第1行第1列：未知的函数“frobnicate”（可用：has、size、date、yuan、fen、min、max、yearsBetween、monthsBetween、daysBetween、addYears、addMonths、addDays）")]
    public void Refused_rules_name_the_line_and_column(string rule, RuleKind kind, string message)
    {
        var check = RuleLanguage.Check(rule, kind, StandardFacts.Registry);

        Assert.False(check.IsValid);
        Assert.Equal(message, check.Messages[0]);
    }

    [Fact]
    public void A_rule_nested_too_deeply_is_refused_at_the_bracket_that_exceeds_the_limit()
    {
        var rule = new string('(', RuleLanguage.MaxNesting + 1) + "true" + new string(')', RuleLanguage.MaxNesting + 1);

        var check = RuleLanguage.Check(rule, RuleKind.Eligibility, StandardFacts.Registry);

        Assert.Equal($"第1行第{RuleLanguage.MaxNesting + 1}列：嵌套超过{RuleLanguage.MaxNesting}层", Assert.Single(check.Messages));
        Assert.True(RuleLanguage.Check(new string('(', RuleLanguage.MaxNesting) + "true" + new string(')', RuleLanguage.MaxNesting), RuleKind.Eligibility, StandardFacts.Registry).IsValid);
    }

    [Fact]
    public void A_rule_too_long_or_too_big_is_refused()
    {
        var tooLong = "true" + new string(' ', RuleLanguage.MaxLength);
        var tooBig = string.Join(" + ", Enumerable.Repeat("1", RuleLanguage.MaxNodes)) + " > 0";

        Assert.StartsWith("第1行第2001列：规则过长", RuleLanguage.Check(tooLong, RuleKind.Eligibility, StandardFacts.Registry).Messages[0], StringComparison.Ordinal);
        Assert.Contains("规则过于复杂", RuleLanguage.Check(tooBig, RuleKind.Eligibility, StandardFacts.Registry).Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_type_error_is_reported_not_only_the_first()
    {
        var check = RuleLanguage.Check("person.agee > 1 && skill.levle >= '技师'", RuleKind.Eligibility, StandardFacts.Registry);

        Assert.Equal(["第1行第1列：未知的事实“person.agee”（是否为“person.age”？）", "第1行第20列：未知的事实“skill.levle”（是否为“skill.level”？）"], check.Messages);
    }

    [Fact]
    public void Parameters_are_constants_of_the_item_version()
    {
        RuleParameter[] parameters = [RuleParameter.Of("amount", "补贴金额", new Money(10_000_000)), RuleParameter.Of("minMonths", "最少缴费月数", 12L)];

        var amount = RuleLanguage.Compile("insurance.months >= param.minMonths ? param.amount : yuan(0)", RuleKind.Amount, StandardFacts.Registry, parameters).GetValueOrThrow();

        Assert.Equal(new Money(10_000_000), amount.Evaluate(Worker()).Money);
        Assert.Contains("不是有效的整数", RuleLanguage.Check("true", RuleKind.Eligibility, StandardFacts.Registry, [new("minMonths", "月数", "int", "十二")]).Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Conditions_split_on_top_level_and_with_their_own_facts()
    {
        var rule = RuleLanguage.Compile("talent.isLeadingTalent && (person.age > 50 || skill.level >= '技师') && insurance.months >= 12", RuleKind.Eligibility, StandardFacts.Registry).GetValueOrThrow();

        Assert.Equal(["talent.isLeadingTalent", "(person.age > 50 || skill.level >= '技师')", "insurance.months >= 12"], rule.Conditions.Select(c => c.Text));
        Assert.Equal(["person.age", "skill.level"], rule.Conditions[1].Facts.Select(f => f.Name));
    }

    [Fact]
    public void A_module_adds_facts_without_touching_the_engine()
    {
        var wages = new FactDefinition("wages.monthlyAverage", "月平均工资", RuleType.Money, "wages");
        var registry = new FactRegistryBuilder().Add(StandardFacts.All).Add(wages).Build().GetValueOrThrow();
        var facts = registry.NewFactSet(AsOf).Set("wages.monthlyAverage", new Money(850_000));

        var rule = RuleLanguage.Compile("wages.monthlyAverage * 0.1", RuleKind.Amount, registry).GetValueOrThrow();

        Assert.Equal(new Money(85_000), rule.Evaluate(facts).Money);
        Assert.False(RuleLanguage.Check("wages.monthlyAverage > yuan(1)", RuleKind.Eligibility, StandardFacts.Registry).IsValid);
    }

    [Theory]
    [InlineData("Person.age", "格式不正确")]
    [InlineData("in.x", "保留字")]
    [InlineData("person.age", "重复声明")]
    [InlineData("person.age.years", "前缀")]
    public void Malformed_fact_declarations_are_refused(string name, string reason)
    {
        var result = new FactRegistryBuilder().Add(StandardFacts.All).Add(new FactDefinition(name, "测试", RuleType.Int, "test")).Build();

        Assert.False(result.IsValid);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Checking_random_and_hostile_text_never_throws_and_never_takes_a_second()
    {
        var random = new Random(20250601);
        var pieces = new[]
        {
            "(", ")", "[", "]", "{", "}", "'", "\"", "\\", "&&", "||", "!", "-", "+", "*", "/", "%", "==", "!=", "<", ">=", "?", ":", ",", ".",
            "in", "true", "null", "person.age", "skill.level", "honors", "has(", "size(", "yuan(", "date(", "yearsBetween(", "asOf", "param.x",
            "9223372036854775807", "0", "0.1", "1e5", "'技师'", "（", "，", "年龄", "\n", " ", "\t", "\0", "\uD83D\uDE00", "\uD800", "𠀀",
        };
        var hostile = new List<string>
        {
            new('(', 100_000),
            new string('[', 5000) + new string(']', 5000),
            string.Concat(Enumerable.Repeat("!", 1900)) + "true",
            string.Concat(Enumerable.Repeat("-", 1990)) + "1 > 0",
            string.Concat(Enumerable.Repeat("f(", 900)),
            string.Concat(Enumerable.Repeat("a ? ", 400)) + "1",
            string.Concat(Enumerable.Repeat("{'a': ", 300)),
            string.Join(" && ", Enumerable.Repeat("person.age > 1", 150)),
            string.Join(" + ", Enumerable.Repeat("person.age", 600)) + " > 1",
            "'" + new string('x', 1990),
            new string('9', 1999),
            "yearsBetween(date('0001-01-01'), addYears(asOf, 9223372036854775807)) > 0",
            "[" + string.Join(",", Enumerable.Repeat("1", 990)) + "]",
            string.Concat(Enumerable.Repeat("person.age in [", 15)),
        };
        for (var i = 0; i < 3000; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(1, 60);
            for (var j = 0; j < length; j++)
            {
                text.Append(random.Next(4) == 0 ? (char)random.Next(0, 0xFFFF) : pieces[random.Next(pieces.Length)]);
                text.Append(random.Next(3) == 0 ? " " : "");
            }

            hostile.Add(text.ToString());
        }

        var slowest = TimeSpan.Zero;
        foreach (var text in hostile)
        {
            foreach (var kind in new[] { RuleKind.Eligibility, RuleKind.Amount })
            {
                var watch = Stopwatch.StartNew();
                var check = RuleLanguage.Check(text, kind, StandardFacts.Registry);
                watch.Stop();
                slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"{watch.Elapsed} for {text[..Math.Min(50, text.Length)]}");
                Assert.True(check.IsValid || check.Errors.All(e => e.Line >= 1 && e.Column >= 1 && e.Message.Length > 0));
                if (check.IsValid)
                {
                    // Whatever checks also compiles and evaluates without throwing.
                    var rule = RuleLanguage.Compile(text, kind, StandardFacts.Registry).GetValueOrThrow();
                    _ = rule.Evaluate(Worker());
                }
            }
        }

        Assert.True(slowest < TimeSpan.FromSeconds(1));
    }
}
