using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongjiang.Web.Features.Wages.Data;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Gongjiang.Web.Tests.Registry;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Wages;

/// <summary>
/// Issue 15 item 3 (policy 三(三) 年资工资、特聘岗位津贴、带徒津贴): an enterprise records its schemes as dated versions;
/// report rows that pay less than the enterprise's own scheme are flagged with the shortfall.
/// </summary>
public abstract class WageSchemeTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    private int Year => _app.Clock.Today.Year;

    private static object Seniority(string from, string amount = "50", string? cap = "600", int? startYears = 1) =>
        new { kind = "年资工资", name = "年资工资办法", effectiveFrom = from, startYears, monthlyAmount = amount, monthlyCap = cap };

    [Fact]
    public async Task Bad_scheme_input_is_refused_with_chinese_messages_naming_the_field_and_nothing_is_saved()
    {
        using var employer = await _app.ApiAsAsync("employer");
        var response = await employer.PostAsJsonAsync("/api/v1/wages/schemes",
            new { kind = "工龄奖", name = "", effectiveFrom = "2026-13-01", monthlyAmount = "-5", minimumApprentices = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("制度类型", errors.GetProperty("kind")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("制度名称", errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("生效日期", errors.GetProperty("effectiveFrom")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("负数", errors.GetProperty("monthlyAmount")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("带徒人数", errors.GetProperty("minimumApprentices")[0].GetString(), StringComparison.Ordinal);

        // The wage office may read the schemes but not record one for the enterprise.
        using var clerk = await _app.ApiAsAsync("clerk");
        var byClerk = await clerk.PostAsJsonAsync("/api/v1/wages/schemes", Seniority("2020-01-01"));
        Assert.Equal(HttpStatusCode.BadRequest, byClerk.StatusCode);
        Assert.Contains("只能查看", (await byClerk.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await using var db = _app.CreateContext(Actor.System("test"));
        Assert.False(await db.Set<WageSchemeVersion>().AnyAsync(s => s.Name == "年资工资办法"));
    }

    [Fact]
    public async Task A_new_version_closes_the_one_in_force_and_the_clerk_sees_both()
    {
        using var employer = await _app.ApiAsAsync("employer");
        Assert.Equal(HttpStatusCode.Created, (await employer.PostAsJsonAsync("/api/v1/wages/schemes", Seniority("2019-01-01", amount: "40"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await employer.PostAsJsonAsync("/api/v1/wages/schemes", Seniority("2024-01-01"))).StatusCode);
        var backdated = await employer.PostAsJsonAsync("/api/v1/wages/schemes", Seniority("2023-06-01"));
        Assert.Equal(HttpStatusCode.BadRequest, backdated.StatusCode);

        using var clerk = await _app.ApiAsAsync("clerk");
        var list = (await clerk.GetFromJsonAsync<JsonElement>("/api/v1/wages/schemes")).EnumerateArray().Where(s => s.GetProperty("name").GetString() == "年资工资办法").ToList();
        Assert.Equal(2, list.Count);
        var old = list.Single(s => s.GetProperty("monthlyAmount").GetDecimal() == 40m);
        Assert.Equal("2024-01-01", old.GetProperty("effectiveTo").GetString());

        await using var db = _app.CreateContext(Actor.System("test"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "WageSchemeVersion"));
    }

    [Fact]
    public async Task A_row_paying_less_than_the_enterprises_own_seniority_scheme_is_flagged_with_the_shortfall()
    {
        using var employer = await _app.ApiAsAsync("employer");
        // The demo enterprise has a demo scheme from 2018; this version replaces it from 2019 (same figures).
        Assert.Equal(HttpStatusCode.Created, (await employer.PostAsJsonAsync("/api/v1/wages/schemes", Seniority("2019-01-01"))).StatusCode);
        var start = new DateOnly(Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var submitted = await employer.PostAsJsonAsync("/api/v1/wages/reports", new
        {
            year = Year,
            rows = new object[]
            {
                // 起加点1年, 级差50元, cap 600元: 13 or more years of service → 600元 a month, 7,200元 a year; paid 1,000元.
                new { idNumber = RegistryImportTests.Id("44030619900101123"), category = "高技能人才", occupationCode = "6-18-01-01", skillLevel = "技师",
                    monthsWorked = "12", totalPay = "120000", basicPay = "60000", seniorityPay = "1000", serviceStart = "2012-07-01" },
                // Hired this year: under the 起加点, nothing due.
                new { idNumber = RegistryImportTests.Id("44030619850202234"), category = "高技能人才", occupationCode = "6-18-01-01", skillLevel = "技师",
                    monthsWorked = "12", totalPay = "100000", basicPay = "60000", seniorityPay = "0", serviceStart = start },
            },
        });
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var detail = await employer.GetFromJsonAsync<JsonElement>($"/api/v1/wages/reports/{id}");
        var flagged = detail.GetProperty("schemeShortfalls").EnumerateArray().ToList();
        var only = Assert.Single(flagged);
        Assert.Equal(1, only.GetProperty("row").GetInt32());
        Assert.Equal(7200m, only.GetProperty("dueSeniorityPay").GetDecimal());
        Assert.Equal(6200m, only.GetProperty("shortfall").GetDecimal());
        Assert.Contains("年资工资", only.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_scheme_fact_in_a_report_row_is_refused_naming_row_and_field()
    {
        using var employer = await _app.ApiAsAsync("employer");
        var response = await employer.PostAsJsonAsync("/api/v1/wages/reports", new
        {
            year = Year,
            rows = new[]
            {
                new { idNumber = RegistryImportTests.Id("44030619900101123"), category = "高技能人才", monthsWorked = "6", totalPay = "60000",
                    serviceStart = "明年", specialPostMonths = "8", apprentices = "x" },
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("本企业工龄起算日", errors.GetProperty("rows[0].serviceStart")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("不能超过工作月数", errors.GetProperty("rows[0].specialPostMonths")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("带徒人数", errors.GetProperty("rows[0].apprentices")[0].GetString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class WageSchemeTestsOnPostgres() : WageSchemeTests(DatabaseProvider.Postgres);

public sealed class WageSchemeTestsOnSqlite() : WageSchemeTests(DatabaseProvider.Sqlite);
