using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Policies;

/// <summary>
/// Issue 11's pinned API on both providers: entitlements with explanations (<c>GET /api/v1/persons/{id}/entitlements</c>),
/// the rule check (<c>POST /api/v1/policies/rules/check</c>: 200 with the type, 400 with line and column, never 500, never
/// over one second), item versions refused for a wrong rule, bad amounts and overlapping dates.
/// </summary>
public abstract class PoliciesApiTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    private string Today => _app.Clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_worker_reads_their_entitlements_with_amounts_bases_and_traces()
    {
        using var worker = await _app.ApiAsAsync("worker");
        var response = await worker.GetAsync($"/api/v1/persons/{DemoData.WorkerPersonId}/entitlements?asOf={Today}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var json = JsonDocument.Parse(body).RootElement;

        Assert.Equal(Today, json.GetProperty("asOf").GetString());
        var items = json.GetProperty("items").EnumerateArray().ToList();
        var rent = items.Single(i => i.GetProperty("itemId").GetString() == "rent-subsidy");
        Assert.Equal("房租补贴", rent.GetProperty("name").GetString());
        Assert.Equal(3000m, rent.GetProperty("amount").GetDecimal()); // 深圳 示例: 3000元 a month
        Assert.Equal("按月", rent.GetProperty("frequency").GetString());
        Assert.Contains("三（四）", rent.GetProperty("basis").GetString(), StringComparison.Ordinal);
        var trace = rent.GetProperty("trace").EnumerateArray().ToList();
        Assert.Contains(trace, s => s.GetProperty("condition").GetString() == "!household.ownsHome" && s.GetProperty("holds").GetBoolean());
        Assert.All(items, i => Assert.NotEmpty(i.GetProperty("trace").EnumerateArray()));

        // 安家补贴: 深圳's version (15万) overrides 广东's (10万).
        Assert.Equal(150_000m, items.Single(i => i.GetProperty("itemId").GetString() == "settling-allowance").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Entitlements_are_refused_outside_the_scope_and_for_a_bad_date()
    {
        using var clerk2 = await _app.ApiAsAsync("clerk2");
        using var worker = await _app.ApiAsAsync("worker");

        var otherJurisdiction = await clerk2.GetAsync($"/api/v1/persons/{DemoData.WorkerPersonId}/entitlements");
        var otherPerson = await worker.GetAsync($"/api/v1/persons/{DemoData.ShenzhenColleagueId}/entitlements");
        var badDate = await worker.GetAsync($"/api/v1/persons/{DemoData.WorkerPersonId}/entitlements?asOf=2024-13-01");

        Assert.Equal(HttpStatusCode.NotFound, otherJurisdiction.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherPerson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("asOf", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("talent.isLeadingTalent && employment.apprentices >= 1", "eligibility", "bool")] // 三（三） 带徒津贴
    [InlineData("yuan(300) * min(employment.apprentices, 5)", "amount", "money")] // 三（三） an amount formula
    [InlineData("skill.level >= '技师' && insurance.months >= 12", "eligibility", "bool")] // 四（一） the skill ladder
    public async Task A_rule_that_parses_and_type_checks_answers_its_type(string expression, string kind, string type)
    {
        using var admin = await _app.ApiAsAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/policies/rules/check", new { expression, kind });
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(type, JsonDocument.Parse(body).RootElement.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("talent.isLeadingTalent &&", "eligibility", "第1行")] // does not parse
    [InlineData("talent.isLeadingTalent\n  && talent.nosuchfact", "eligibility", "第2行第6列")] // unknown fact, its position
    [InlineData("employment.apprentices + 1", "eligibility", "第1行")] // a number where a condition is needed
    [InlineData("yuan(100) / 0", "amount", "第1行")] // division by zero
    [InlineData("talent.isLeadingTalent && 'x'", "eligibility", "第1行")] // type error
    public async Task A_rule_that_is_wrong_is_refused_with_its_line_and_column(string expression, string kind, string position)
    {
        using var admin = await _app.ApiAsAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/policies/rules/check", new { expression, kind });
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var messages = JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty("expression").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains(position, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Any_text_gets_an_answer_within_one_second_and_never_a_server_error()
    {
        using var admin = await _app.ApiAsAsync("admin");
        var random = new Random(11);
        var alphabet = "()&&||!<>=+-*/?:'\"[]{},.0123456789 \n\tabcxyz技师talent.isLeadingTalent yuan min in";
        var texts = new List<string>
        {
            new string('(', 5000) + "1" + new string(')', 5000), // nests too deep, too long
            string.Concat(Enumerable.Repeat("person.age > 1 && ", 300)) + "true", // too many nodes
            string.Concat(Enumerable.Repeat("!", 10_000)) + "true",
            "'" + new string('a', 3000), // an unterminated string
            "\u0000\uFFFF\uD800",
        };
        for (var i = 0; i < 40; i++)
        {
            texts.Add(new string([.. Enumerable.Range(0, random.Next(1, 300)).Select(_ => alphabet[random.Next(alphabet.Length)])]));
        }

        var slowest = TimeSpan.Zero;
        foreach (var text in texts)
        {
            foreach (var kind in new[] { "eligibility", "amount" })
            {
                var watch = Stopwatch.StartNew();
                var response = await admin.PostAsJsonAsync("/api/v1/policies/rules/check", new { expression = text, kind });
                watch.Stop();
                slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
                Assert.True((int)response.StatusCode is 200 or 400, $"{(int)response.StatusCode} for {text[..Math.Min(text.Length, 40)]}");
            }
        }

        var notJson = await admin.PostAsync("/api/v1/policies/rules/check", new StringContent("{\"expression\":", Encoding.UTF8, "application/json"));
        var huge = await admin.PostAsync("/api/v1/policies/rules/check", new StringContent("{\"expression\":\"" + new string('a', 200_000) + "\",\"kind\":\"amount\"}", Encoding.UTF8, "application/json"));

        Assert.True(slowest < TimeSpan.FromSeconds(1), $"slowest check took {slowest.TotalMilliseconds:0} ms");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
    }

    [Fact]
    public async Task Only_a_policy_editor_may_check_rules()
    {
        using var worker = await _app.ApiAsAsync("worker");
        var response = await worker.PostAsJsonAsync("/api/v1/policies/rules/check", new { expression = "true", kind = "eligibility" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_item_version_is_refused_for_a_wrong_rule_a_bad_amount_and_overlapping_dates()
    {
        using var admin = await _app.ApiAsAsync("admin");
        object Item(string eligibility, string amount, string from, bool closePrevious = false) => new
        {
            documentId = "gd-example-2019",
            itemKey = "test-allowance",
            name = "测试津贴",
            category = "Economic",
            effectiveFrom = from,
            eligibility,
            amountKind = "Fixed",
            fixedAmount = amount,
            frequency = "Monthly",
            departmentCode = "hrss",
            legalBasis = "《关于提高技术工人待遇的意见》四（一）",
            timeLimitWorkingDays = "15",
            closePrevious,
        };

        var wrongRule = await admin.PostAsJsonAsync("/api/v1/policies/items", Item("skill.level >= '技师' &&", "500", "2024-01-01"));
        var negative = await admin.PostAsJsonAsync("/api/v1/policies/items", Item("skill.level >= '技师'", "-5", "2024-01-01"));
        var threeDecimals = await admin.PostAsJsonAsync("/api/v1/policies/items", Item("skill.level >= '技师'", "5.125", "2024-01-01"));
        var saved = await admin.PostAsJsonAsync("/api/v1/policies/items", Item("skill.level >= '技师'", "500", "2024-01-01"));
        var overlapping = await admin.PostAsJsonAsync("/api/v1/policies/items", Item("skill.level >= '技师'", "600", "2025-01-01"));
        var next = await admin.PostAsJsonAsync("/api/v1/policies/items", Item("skill.level >= '技师'", "600", "2025-01-01", closePrevious: true));

        Assert.Equal(HttpStatusCode.BadRequest, wrongRule.StatusCode);
        Assert.Contains("第1行", await wrongRule.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, threeDecimals.StatusCode);
        Assert.True(saved.StatusCode == HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, overlapping.StatusCode);
        Assert.Contains("effective", await overlapping.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.True(next.StatusCode == HttpStatusCode.Created, await next.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_city_clerk_may_not_enter_a_provincial_item()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        var response = await clerk.PostAsJsonAsync("/api/v1/policies/items", new
        {
            documentId = "gd-example-2019",
            itemKey = "test-allowance",
            name = "测试津贴",
            category = "Economic",
            effectiveFrom = "2024-01-01",
            eligibility = "true",
            amountKind = "None",
            frequency = "OneTime",
            departmentCode = "hrss",
            legalBasis = "测试",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("只能编辑本辖区", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class PostgresPoliciesApiTests() : PoliciesApiTests(DatabaseProvider.Postgres);

public sealed class SqlitePoliciesApiTests() : PoliciesApiTests(DatabaseProvider.Sqlite);
