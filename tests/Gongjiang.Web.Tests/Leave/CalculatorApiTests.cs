using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Leave;

/// <summary>
/// Issue 16's pinned calculator: <c>POST /api/v1/leave/annual/calculate</c>, no sign-in, the days, the compensation (the
/// extra 200 %) and each step with its article; a bad field is a 400 problem+json naming it. The calculator reads no
/// table, so one app serves the class (SQLite; the records and 休疗养 tests run on both providers).
/// </summary>
public sealed class CalculatorApiTests(CalculatorApiTests.AppFixture fixture) : IClassFixture<CalculatorApiTests.AppFixture>
{
    public sealed class AppFixture : IDisposable
    {
        public TestApp App { get; } = new(DatabaseProvider.Sqlite);

        public void Dispose() => App.Dispose();
    }

    private static string Body(string firstWorkDate, string? hireDate = null, string? leaveDate = null, decimal sickLeaveMonths = 0, decimal personalLeaveDays = 0,
        bool personalLeaveWagesDeducted = true, int vacationDays = 0, int daysTaken = 0, string averageMonthlyWage = "8000.00", int year = 2026) =>
        $$"""
        {"year":{{year}},"firstWorkDate":"{{firstWorkDate}}","hireDate":{{Text(hireDate)}},"leaveDate":{{Text(leaveDate)}},"sickLeaveMonths":{{sickLeaveMonths}},
         "personalLeaveDays":{{personalLeaveDays}},"personalLeaveWagesDeducted":{{(personalLeaveWagesDeducted ? "true" : "false")}},"vacationDays":{{vacationDays}},
         "daysTaken":{{daysTaken}},"averageMonthlyWage":{{averageMonthlyWage}}}
        """;

    private static string Text(string? value) => value is null ? "null" : "\"" + value + "\"";

    private async Task<(HttpStatusCode Status, string ContentType, JsonElement Body)> PostAsync(string json)
    {
        using var client = fixture.App.CreateClient();
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/v1/leave/annual/calculate", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", JsonDocument.Parse(text).RootElement.Clone());
    }

    [Theory]
    // 条例 art 3: 16 years of work → 10 days; 办法 art 5: joined 2026-03-01, (306 ÷ 365) × 10 = 8.38 → 8; 办法 art 10–11: 8000 ÷ 21.75 = 367.82, 6 untaken × 200 %.
    [InlineData("2010-07-01", "2026-03-01", null, 0, 2, "8000.00", 8, 6, 367.82, 4413.84)]
    // 条例 art 3: 25 years → 15 days; all taken → nothing owed.
    [InlineData("2001-01-01", null, null, 0, 15, "10000.00", 15, 0, 459.77, 0.00)]
    // 条例 art 3: 5 years → 5 days; 办法 art 10: 5 untaken × 200 % of 21750 ÷ 21.75 = 1000.
    [InlineData("2021-06-01", null, null, 0, 0, "21750.00", 5, 5, 1000.00, 10000.00)]
    // 办法 art 12: leaves 2026-06-30, (181 ÷ 365) × 10 = 4.96 → 4 days.
    [InlineData("2012-01-01", null, "2026-06-30", 0, 0, "8700.00", 4, 4, 400.00, 3200.00)]
    public async Task The_calculator_answers_days_and_compensation_with_articles_without_sign_in(
        string firstWork, string? hire, string? leave, decimal sick, int taken, string wage, int entitled, int untaken, double daily, double compensation)
    {
        var (status, _, body) = await PostAsync(Body(firstWork, hire, leave, sick, daysTaken: taken, averageMonthlyWage: wage));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(entitled, body.GetProperty("entitledDays").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("reason").ValueKind);
        Assert.Equal(untaken, body.GetProperty("untakenDays").GetInt32());
        Assert.Equal((decimal)daily, body.GetProperty("dailyWage").GetDecimal());
        Assert.Equal((decimal)compensation, body.GetProperty("compensation").GetDecimal());
        var trace = body.GetProperty("trace").EnumerateArray().ToList();
        Assert.NotEmpty(trace);
        Assert.Contains(trace, s => s.GetProperty("citation").GetString() is { } c && c.Contains("《职工带薪年休假条例》第三条", StringComparison.Ordinal));
    }

    [Theory]
    // 条例 art 2 (办法 art 3): not yet 12 months of continuous work.
    [InlineData("2026-05-01", 0, 0, true, "连续工作")]
    // 条例 art 4(三): 10–20 years, sick leave of 3 months or more.
    [InlineData("2010-07-01", 3, 0, true, "病假")]
    // 条例 art 4(二): personal leave of 20 days or more with wages not deducted.
    [InlineData("2010-07-01", 0, 20, false, "事假")]
    public async Task When_there_is_no_leave_the_reason_says_why_in_Chinese(string firstWork, decimal sick, decimal personal, bool deducted, string expected)
    {
        var (status, _, body) = await PostAsync(Body(firstWork, sickLeaveMonths: sick, personalLeaveDays: personal, personalLeaveWagesDeducted: deducted));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("entitledDays").GetInt32());
        Assert.Contains(expected, body.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0m, body.GetProperty("compensation").GetDecimal());
    }

    [Theory]
    // Dates out of order: the leave date before the hire date.
    [InlineData("""{"year":2026,"firstWorkDate":"2010-07-01","hireDate":"2026-05-01","leaveDate":"2026-03-01","averageMonthlyWage":8000}""", "leaveDate")]
    // A hire date outside the year.
    [InlineData("""{"year":2026,"firstWorkDate":"2010-07-01","hireDate":"2025-05-01","averageMonthlyWage":8000}""", "hireDate")]
    // Negative days.
    [InlineData("""{"year":2026,"firstWorkDate":"2010-07-01","daysTaken":-1,"averageMonthlyWage":8000}""", "daysTaken")]
    // Wages with more than two decimals.
    [InlineData("""{"year":2026,"firstWorkDate":"2010-07-01","averageMonthlyWage":8000.001}""", "averageMonthlyWage")]
    // Sick leave over 12 months.
    [InlineData("""{"year":2026,"firstWorkDate":"2010-07-01","sickLeaveMonths":13,"averageMonthlyWage":8000}""", "sickLeaveMonths")]
    // A date that is not a date, and a number sent as text.
    [InlineData("""{"year":2026,"firstWorkDate":"2010/07/01","averageMonthlyWage":8000}""", "firstWorkDate")]
    [InlineData("""{"year":"2026","firstWorkDate":"2010-07-01","averageMonthlyWage":8000}""", "year")]
    // The first work date missing.
    [InlineData("""{"year":2026,"averageMonthlyWage":8000}""", "firstWorkDate")]
    // Not JSON at all.
    [InlineData("""{"year":2026,""", "body")]
    public async Task Bad_input_is_a_400_problem_naming_the_field_in_Chinese(string json, string field)
    {
        var (status, contentType, body) = await PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        var messages = body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Matches("\\p{IsCJKUnifiedIdeographs}", m));
    }

    [Fact]
    public async Task The_calculator_page_opens_without_sign_in()
    {
        using var client = fixture.App.CreateClient();
        var html = await client.GetStringAsync("/leave/annual");
        Assert.Contains("带薪年休假计算器", html, StringComparison.Ordinal);
        Assert.Contains("参加工作日期", html, StringComparison.Ordinal);

        var api = await client.PostAsJsonAsync("/api/v1/leave/annual/calculate", new { year = 2026, firstWorkDate = "2000-01-01", averageMonthlyWage = 8000m });
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }
}
