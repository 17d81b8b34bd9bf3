using System.Net;
using System.Text.Json;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Window;

/// <summary>
/// Issue 12's pinned calendar API without signing in: <c>GET /api/v1/calendar/working-days?from&amp;add</c> →
/// <c>{from, add, date, provisional}</c> and <c>?from&amp;to</c> → <c>{from, to, workingDays}</c>, with Chinese 400s
/// naming the field.
/// </summary>
public abstract class CalendarApiTests(TestApp app)
{
    private readonly TestApp _app = app;

    [Theory]
    [InlineData("2025-09-30", 1, "2025-10-09", false)] // 国办发明电〔2024〕12号: 10月1日至8日放假, 10月11日（周六）上班
    [InlineData("2025-09-30", 2, "2025-10-10", false)] // the same notice: 10月10日 is a Friday
    [InlineData("2025-09-30", 3, "2025-10-11", false)] // the same notice: 10月11日（周六）调休上班
    [InlineData("2026-02-13", 1, "2026-02-14", false)] // 国办发明电〔2025〕7号: 2月14日（周六）上班, 春节2月15日至23日放假
    [InlineData("2026-02-14", 1, "2026-02-24", false)] // the same notice: 2月24日 the first working day after 春节
    [InlineData("2024-04-30", 1, "2024-05-06", false)] // 国办发明电〔2023〕7号: 劳动节5月1日至5日放假
    [InlineData("2024-12-31", 0, "2024-12-31", false)] // adding 0 gives from itself
    [InlineData("2027-01-08", 1, "2027-01-11", true)] // 2027's notice not in the calendar: Monday to Friday, provisional
    public async Task Adding_working_days_skips_holidays_and_counts_make_up_days(string from, int add, string date, bool provisional)
    {
        using var anonymous = _app.CreateClient();
        var response = await anonymous.GetAsync($"/api/v1/calendar/working-days?from={from}&add={add}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(from, json.GetProperty("from").GetString());
        Assert.Equal(add, json.GetProperty("add").GetInt32());
        Assert.Equal(date, json.GetProperty("date").GetString());
        Assert.Equal(provisional, json.GetProperty("provisional").GetBoolean());
    }

    [Theory]
    [InlineData("2025-09-30", "2025-10-09", 1)] // 国办发明电〔2024〕12号: 国庆节、中秋节 10月1日至8日
    [InlineData("2025-09-30", "2025-10-11", 3)] // the same notice: 10月11日（周六）上班 counts
    [InlineData("2024-02-09", "2024-02-19", 2)] // 国办发明电〔2023〕7号: 春节2月10日至17日放假, 2月18日（周日）上班
    [InlineData("2024-02-09", "2024-02-18", 1)] // the same notice: the Sunday 2月18日 is a make-up working day
    [InlineData("2026-05-01", "2026-05-01", 0)] // the same day counts nothing
    public async Task Counting_working_days_after_from_up_to_and_including_to(string from, string to, int workingDays)
    {
        using var anonymous = _app.CreateClient();
        var response = await anonymous.GetAsync($"/api/v1/calendar/working-days?from={from}&to={to}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(from, json.GetProperty("from").GetString());
        Assert.Equal(to, json.GetProperty("to").GetString());
        Assert.Equal(workingDays, json.GetProperty("workingDays").GetInt32());
    }

    [Theory]
    [InlineData("from=2025-13-01&add=1", "from", "起始日期")] // no 13th month
    [InlineData("from=&add=1", "from", "不能为空")]
    [InlineData("from=2025-02-30&to=2025-03-01", "from", "不是有效日期")] // no 30 February
    [InlineData("from=2025-01-01&add=-1", "add", "不能为负数")]
    [InlineData("from=2025-01-01&add=abc", "add", "不是整数")]
    [InlineData("from=2025-01-01&to=2024-01-01", "to", "早于")]
    [InlineData("from=2025-01-01", "add", "之一")] // neither add nor to
    [InlineData("from=2025-01-01&add=1&to=2025-02-01", "to", "只能填写一个")]
    public async Task Bad_input_is_a_chinese_400_naming_the_field(string query, string field, string message)
    {
        using var anonymous = _app.CreateClient();
        var response = await anonymous.GetAsync("/api/v1/calendar/working-days?" + query);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.Contains(message, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

}

/// <summary>One application per provider for the whole class (the calendar API reads no data).</summary>
public sealed class CalendarApp<TProvider> : IDisposable
    where TProvider : IProviderChoice
{
    public TestApp App { get; } = new(TProvider.Provider);

    public void Dispose() => App.Dispose();
}

public interface IProviderChoice
{
    static abstract DatabaseProvider Provider { get; }
}

public sealed class PostgresChoice : IProviderChoice
{
    public static DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class SqliteChoice : IProviderChoice
{
    public static DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresCalendarApiTests(CalendarApp<PostgresChoice> fixture) : CalendarApiTests(fixture.App), IClassFixture<CalendarApp<PostgresChoice>>;

public sealed class SqliteCalendarApiTests(CalendarApp<SqliteChoice> fixture) : CalendarApiTests(fixture.App), IClassFixture<CalendarApp<SqliteChoice>>;
