using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongjiang.Core.Common;
using Gongjiang.Core.Leave;
using Gongjiang.Web.Features.Leave.Data;
using Gongjiang.Web.Features.Leave.Records;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Gongjiang.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Leave;

/// <summary>
/// Issue 16, employer records: an enterprise records leave per employee per year (API, import), the year-end view
/// shows who is owed days or compensation, the labour-inspection list shows the jurisdiction's enterprises with untaken
/// leave and no compensation, and every leave page opens for every role that sees it. On both providers.
/// The year used is two years back (today − 2), which the demo data leaves empty, so its deadlines have passed:
/// 条例 art 5 and 办法 art 9–10 then make every untaken day 欠付报酬 unless paid.
/// </summary>
public abstract class LeaveRecordsTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    private int Year => _app.Clock.Today.Year - 2;

    private static string IdOf(Guid person) => DemoData.DemoIdNumbers.Single(p => p.Id == person).Number;

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task An_employer_records_leave_and_the_year_end_view_shows_who_is_owed()
    {
        using var employer = await _app.ApiAsAsync("employer");

        // 条例 art 3: worked since 2010-07-01 → 10 days in the year; 4 taken, nothing paid; 8700 ÷ 21.75 = 400 a day.
        var saved = await Json(await employer.PostAsJsonAsync("/api/v1/leave/records", new
        {
            idNumber = IdOf(DemoData.WorkerPersonId),
            year = Year,
            firstWorkDate = "2010-07-01",
            takenDays = 4,
            averageMonthlyWage = 8700.00m,
        }), HttpStatusCode.OK);
        var record = Assert.Single(saved.GetProperty("records").EnumerateArray().ToList());
        Assert.Equal(10, record.GetProperty("entitledDays").GetInt32());
        Assert.True(record.GetProperty("entitlementCalculated").GetBoolean());
        Assert.Equal("欠付报酬", record.GetProperty("status").GetString());
        Assert.Equal(4800.00m, record.GetProperty("shortfall").GetDecimal()); // 办法 art 10: 6 days × 400 × 200 %

        // A colleague who took all the days given by the employer.
        await Json(await employer.PostAsJsonAsync("/api/v1/leave/records", new
        {
            idNumber = IdOf(DemoData.ShenzhenColleagueId),
            year = Year,
            entitledDays = 10,
            takenDays = 10,
            averageMonthlyWage = 9000.00m,
        }), HttpStatusCode.OK);

        var yearEnd = await Json(await employer.GetAsync($"/api/v1/leave/records/year-end?year={Year}"), HttpStatusCode.OK);
        Assert.Equal(2, yearEnd.GetProperty("employees").GetInt32());
        Assert.Equal(1, yearEnd.GetProperty("byStatus").GetProperty("欠付报酬").GetInt32());
        Assert.Equal(1, yearEnd.GetProperty("byStatus").GetProperty("已休满").GetInt32());
        Assert.Equal(4800.00m, yearEnd.GetProperty("shortfall").GetDecimal());
        var owed = Assert.Single(yearEnd.GetProperty("needingAction").GetProperty("items").EnumerateArray().ToList());
        Assert.Equal("李建华", owed.GetProperty("personName").GetString());
        Assert.Equal(6, owed.GetProperty("compensableDays").GetInt32());

        // The employer pays; saving again (same person, same year) updates the record and clears the shortfall.
        await Json(await employer.PostAsJsonAsync("/api/v1/leave/records", new
        {
            idNumber = IdOf(DemoData.WorkerPersonId),
            year = Year,
            firstWorkDate = "2010-07-01",
            takenDays = 4,
            averageMonthlyWage = 8700.00m,
            compensationPaid = 4800.00m,
        }), HttpStatusCode.OK);
        yearEnd = await Json(await employer.GetAsync($"/api/v1/leave/records/year-end?year={Year}"), HttpStatusCode.OK);
        Assert.Equal(2, yearEnd.GetProperty("employees").GetInt32());
        Assert.Equal(0m, yearEnd.GetProperty("shortfall").GetDecimal());
        Assert.Equal(1, yearEnd.GetProperty("byStatus").GetProperty("已足额支付报酬").GetInt32());

        // The worker sees their own record, with its rules; not the colleague's.
        using var worker = await _app.ApiAsAsync("worker");
        var mine = record.GetProperty("id").GetGuid();
        var detail = await Json(await worker.GetAsync($"/api/v1/leave/records/{mine}"), HttpStatusCode.OK);
        Assert.NotEmpty(detail.GetProperty("rules").EnumerateArray());
        var list = await Json(await employer.GetAsync($"/api/v1/leave/records?year={Year}"), HttpStatusCode.OK);
        var colleague = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("personName").GetString() == "王秀英").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/v1/leave/records/{colleague}")).StatusCode);
    }

    [Fact]
    public async Task An_employer_cannot_record_leave_for_another_enterprises_employee_and_bad_fields_are_named()
    {
        using var employer = await _app.ApiAsAsync("employer");

        var other = await Json(await employer.PostAsJsonAsync("/api/v1/leave/records", new { idNumber = IdOf(DemoData.GuangzhouPersonId), year = Year, entitledDays = 10, takenDays = 0 }),
            HttpStatusCode.BadRequest);
        Assert.Contains("不是本单位在册职工", other.GetProperty("errors").GetProperty("idNumber")[0].GetString(), StringComparison.Ordinal);

        var wage = await Json(await employer.PostAsJsonAsync("/api/v1/leave/records", new { idNumber = IdOf(DemoData.WorkerPersonId), year = Year, entitledDays = 10, takenDays = 2, averageMonthlyWage = 8000.123m }),
            HttpStatusCode.BadRequest);
        Assert.Contains("月平均工资", wage.GetProperty("errors").GetProperty("averageMonthlyWage")[0].GetString(), StringComparison.Ordinal);

        var negative = await Json(await employer.PostAsJsonAsync("/api/v1/leave/records", new { idNumber = IdOf(DemoData.WorkerPersonId), year = Year, entitledDays = 10, takenDays = -1 }),
            HttpStatusCode.BadRequest);
        Assert.True(negative.GetProperty("errors").TryGetProperty("takenDays", out _), negative.ToString());

        await using var db = _app.CreateContext(Actor.System("test"));
        Assert.False(await db.Set<LeaveRecord>().AnyAsync(r => r.Year == Year));
    }

    [Fact]
    public async Task An_import_with_a_bad_row_writes_nothing_and_names_the_line_then_the_corrected_file_is_written()
    {
        using var employer = await _app.ApiAsAsync("employer");
        var header = "公民身份号码,姓名,年度,参加工作日期,应休天数,已休天数,月平均工资\n";
        var good = $"{IdOf(DemoData.WorkerPersonId)},李建华,{Year},1998-07-01,,5,12000.00\n";
        var wrongName = $"{IdOf(DemoData.ShenzhenColleagueId)},王小英,{Year},,10,3,9000.00\n";

        var refused = await Json(await ImportAsync(employer, header + good + wrongName), HttpStatusCode.BadRequest);
        var message = refused.GetProperty("errors").GetProperty("name")[0].GetString()!;
        Assert.StartsWith("第3行", message, StringComparison.Ordinal);
        await using (var db = _app.CreateContext(Actor.System("test")))
        {
            Assert.False(await db.Set<LeaveRecord>().AnyAsync(r => r.Year == Year));
        }

        var accepted = await Json(await ImportAsync(employer, header + good + wrongName.Replace("王小英", "王秀英", StringComparison.Ordinal)), HttpStatusCode.OK);
        Assert.Equal(2, accepted.GetProperty("created").GetInt32());
        await using (var db = _app.CreateContext(Actor.System("test")))
        {
            var rows = await db.Set<LeaveRecord>().Where(r => r.Year == Year).OrderBy(r => r.PersonName).ToListAsync();
            Assert.Equal(2, rows.Count);
            var li = rows.Single(r => r.PersonName == "李建华");
            Assert.Equal(15, li.EntitledDays); // 条例 art 3: worked since 1998 → 20 years or more → 15 days
            Assert.NotNull(li.ImportId);
        }
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "年休假.csv");
        return await client.PostAsync("/api/v1/leave/records/import", form);
    }

    [Fact]
    public async Task The_inspection_list_shows_the_jurisdictions_enterprises_with_unpaid_compensation_only()
    {
        // 深圳: 鹏城精密 owes 李建华; the metro paid 陈志强 in full. 广州: 羊城机车 owes 张伟.
        await AddAsync(DemoData.WorkerPersonId, DemoData.ShenzhenEnterpriseId, entitled: 15, taken: 10, wage: 870_000, paid: 0);
        await AddAsync(DemoData.ShenzhenMetroPersonId, DemoData.ShenzhenMetroId, entitled: 15, taken: 12, wage: 870_000, paid: 240_000);
        await AddAsync(DemoData.GuangzhouPersonId, DemoData.GuangzhouEnterpriseId, entitled: 15, taken: 5, wage: 870_000, paid: 100_000);

        async Task<List<JsonElement>> ListAsync(string user)
        {
            using var client = await _app.ApiAsAsync(user);
            var list = await Json(await client.GetAsync($"/api/v1/leave/inspection?year={Year}"), HttpStatusCode.OK);
            return [.. list.GetProperty("page").GetProperty("items").EnumerateArray()];
        }

        var shenzhen = Assert.Single(await ListAsync("clerk"));
        Assert.Equal("深圳市鹏城精密制造有限公司", shenzhen.GetProperty("enterpriseName").GetString());
        Assert.Equal(400_000, shenzhen.GetProperty("shortfallFen").GetInt64()); // 5 days × 400 × 200 %
        Assert.Equal(1, shenzhen.GetProperty("nothingPaid").GetInt32());

        var guangzhou = Assert.Single(await ListAsync("clerk2"));
        Assert.Equal(DemoData.GuangzhouEnterpriseId, guangzhou.GetProperty("enterpriseId").GetGuid());
        Assert.Equal(700_000, guangzhou.GetProperty("shortfallFen").GetInt64()); // 10 days × 800 − 1000 paid

        var province = await ListAsync("supervisor");
        Assert.Equal([DemoData.GuangzhouEnterpriseId, DemoData.ShenzhenEnterpriseId], province.Select(i => i.GetProperty("enterpriseId").GetGuid()));

        using var employer = await _app.ApiAsAsync("employer");
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.GetAsync("/api/v1/leave/inspection")).StatusCode);
    }

    private async Task AddAsync(Guid person, Guid enterprise, int entitled, int taken, long wage, long paid)
    {
        await using var db = _app.CreateContext(Actor.System("test"));
        var facts = await db.Set<Person>().SingleAsync(p => p.Id == person);
        var region = await db.Set<Enterprise>().Where(e => e.Id == enterprise).Select(e => e.RegionCode).SingleAsync();
        var row = new LeaveRecord { EnterpriseId = enterprise, RegionCode = region, PersonId = person, PersonName = facts.Name, IdNumberMasked = facts.IdNumberMasked, UpdatedBy = "test" };
        LeaveRecords.Apply(row, new EmployeeLeaveRecord(person.ToString(), Year, entitled, taken, taken, new Money(wage), new Money(paid), false));
        db.Add(row);
        await db.SaveChangesAsync();
    }

    [Theory]
    [InlineData("worker", new[] { "/leave/mine", "/leave/annual", "/leave/recuperation" })]
    [InlineData("employer", new[] { "/leave/records", "/leave/records/edit", "/leave/records/import", "/leave/recuperation", "/leave/annual" })]
    [InlineData("clerk", new[] { "/leave/inspection", "/leave/records", "/leave/recuperation", "/leave/recuperation/new" })]
    [InlineData("supervisor", new[] { "/leave/inspection", "/leave/recuperation" })]
    public async Task Every_leave_page_opens_for_the_roles_that_see_it(string user, string[] pages)
    {
        await AddAsync(DemoData.WorkerPersonId, DemoData.ShenzhenEnterpriseId, entitled: 15, taken: 10, wage: 870_000, paid: 0);
        using var session = await CookieSession.SignInAsync(_app, user);
        string recordId, programmeId;
        await using (var db = _app.CreateContext(Actor.System("test")))
        {
            recordId = (await db.Set<LeaveRecord>().Where(r => r.PersonId == DemoData.WorkerPersonId).Select(r => r.Id).FirstAsync()).ToString();
            programmeId = (await db.Set<RecuperationProgrammeRow>().Where(p => p.RegionCode == "440300").Select(p => p.Id).FirstAsync()).ToString();
        }

        var extra = user switch
        {
            "worker" or "employer" => new[] { $"/leave/records/{recordId}", $"/leave/recuperation/{programmeId}" },
            "clerk" => [$"/leave/records?enterprise={DemoData.ShenzhenEnterpriseId}&year={Year}", $"/leave/records/{recordId}", $"/leave/recuperation/{programmeId}",
                $"/leave/inspection?year={Year}"],
            _ => [$"/leave/inspection?year={Year}", $"/leave/records?enterprise={DemoData.ShenzhenEnterpriseId}&year={Year}"],
        };
        foreach (var page in pages.Concat(extra))
        {
            var response = await session.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user} {page}: {(int)response.StatusCode} {html[..Math.Min(html.Length, 2000)]}");
            Assert.Contains("<h1", html, StringComparison.Ordinal);
        }

        using var anonymous = CookieSession.Anonymous(_app);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/public/recuperation")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/leave/annual")).StatusCode);
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class PostgresLeaveRecordsTests() : LeaveRecordsTests(DatabaseProvider.Postgres);

public sealed class SqliteLeaveRecordsTests() : LeaveRecordsTests(DatabaseProvider.Sqlite);
