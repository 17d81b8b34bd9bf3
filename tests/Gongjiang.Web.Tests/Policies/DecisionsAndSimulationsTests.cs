using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Policies;

/// <summary>
/// Issue 11, items 3 and 4 on both providers: a stored decision replays to the same result after the rule changed (and
/// the current rules say something else); a what-if runs as a background job over the own jurisdiction only, and
/// reports gainers and cost without touching the live rules.
/// </summary>
public abstract class DecisionsAndSimulationsTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    private string Today => _app.Clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_decision_made_before_a_rule_change_replays_to_the_same_result_after_it()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        using var admin = await _app.ApiAsAsync("admin");

        // 深圳 房租补贴 (示例): 3000元 a month, decided today for 李建华.
        var decided = await clerk.PostAsJsonAsync("/api/v1/policies/decisions",
            new { personId = DemoData.WorkerPersonId, versionId = "440300-rent-subsidy-2020", asOf = Today, reference = "测试办件001" });
        Assert.True(decided.StatusCode == HttpStatusCode.Created, await decided.Content.ReadAsStringAsync());
        var decisionId = (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The rule changes from today: 3500元, and only for those insured 120 months or more.
        var changed = await admin.PostAsJsonAsync("/api/v1/policies/items", new
        {
            documentId = "sz-example-2020",
            basedOn = "440300-rent-subsidy-2020",
            itemKey = "rent-subsidy",
            name = "房租补贴",
            category = "Social",
            effectiveFrom = Today,
            eligibility = "talent.isLeadingTalent && !household.ownsHome && insurance.months >= 120",
            amountKind = "Fixed",
            fixedAmount = "3500",
            frequency = "Monthly",
            departmentCode = "housing",
            legalBasis = "《关于提高技术工人待遇的意见》三（四）",
            timeLimitWorkingDays = "10",
            closePrevious = true,
        });
        Assert.True(changed.StatusCode == HttpStatusCode.Created, await changed.Content.ReadAsStringAsync());

        var replay = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/policies/decisions/{decisionId}");
        var now = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{DemoData.WorkerPersonId}/entitlements?asOf={Today}");

        Assert.True(replay.GetProperty("same").GetBoolean(), replay.ToString());
        Assert.Equal(3000m, replay.GetProperty("stored").GetProperty("amount").GetDecimal());
        Assert.Equal(3000m, replay.GetProperty("replayed").GetProperty("amount").GetDecimal());
        Assert.Equal("440300-rent-subsidy-2020", replay.GetProperty("versionId").GetString());

        // The current rules no longer grant it to him (insured 60 months, demo data).
        Assert.DoesNotContain(now.GetProperty("items").EnumerateArray(), i => i.GetProperty("itemId").GetString() == "rent-subsidy");
    }

    [Fact]
    public async Task A_decision_is_shown_only_inside_the_scope()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        using var clerk2 = await _app.ApiAsAsync("clerk2");
        var decided = await clerk.PostAsJsonAsync("/api/v1/policies/decisions",
            new { personId = DemoData.WorkerPersonId, versionId = "440300-rent-subsidy-2020", asOf = Today });
        var decisionId = (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var crossing = await clerk2.PostAsJsonAsync("/api/v1/policies/decisions",
            new { personId = DemoData.WorkerPersonId, versionId = "440300-rent-subsidy-2020", asOf = Today });

        Assert.Equal(HttpStatusCode.NotFound, (await clerk2.GetAsync($"/api/v1/policies/decisions/{decisionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, crossing.StatusCode);
    }

    [Fact]
    public async Task A_what_if_runs_as_a_job_and_reports_gainers_and_cost_without_touching_the_rules()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        var started = await clerk.PostAsJsonAsync("/api/v1/policies/simulations", new
        {
            regionCode = "440300",
            asOf = Today,
            versionId = "440300-settling-allowance-2020",
            kind = "Parameter",
            parameter = "amount",
            value = "200000",
        });
        Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var result = await WaitAsync(clerk, id);
        var entitlements = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{DemoData.WorkerPersonId}/entitlements?asOf={Today}");

        // 李建华 (引进, 60 months insured) gains 5万; nobody loses.
        Assert.Equal(1, result.GetProperty("gainers").GetInt64());
        Assert.Equal(0, result.GetProperty("losers").GetInt64());
        Assert.Equal(50_000m, result.GetProperty("reformCost").GetDecimal() - result.GetProperty("baselineCost").GetDecimal());
        Assert.Equal(150_000m, entitlements.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("itemId").GetString() == "settling-allowance").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_what_if_on_another_jurisdiction_is_refused()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        using var worker = await _app.ApiAsAsync("worker");
        var body = new { regionCode = "440100", versionId = "000000-special-award-2018", kind = "AddCondition", value = "person.age >= 40" };

        var other = await clerk.PostAsJsonAsync("/api/v1/policies/simulations", body);
        var province = await clerk.PostAsJsonAsync("/api/v1/policies/simulations", body with { regionCode = "440000" });
        var notAllowed = await worker.PostAsJsonAsync("/api/v1/policies/simulations", body with { regionCode = "440300" });

        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("regionCode", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, province.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAllowed.StatusCode);
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, Guid id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var simulation = await client.GetFromJsonAsync<JsonElement>($"/api/v1/policies/simulations/{id}");
            if (simulation.GetProperty("persons").ValueKind == JsonValueKind.Number)
            {
                return simulation;
            }

            Assert.True(simulation.GetProperty("error").ValueKind == JsonValueKind.Null, simulation.ToString());
            Assert.True(DateTime.UtcNow < deadline, "the simulation did not finish: " + simulation);
            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class PostgresDecisionsAndSimulationsTests() : DecisionsAndSimulationsTests(DatabaseProvider.Postgres);

public sealed class SqliteDecisionsAndSimulationsTests() : DecisionsAndSimulationsTests(DatabaseProvider.Sqlite);
