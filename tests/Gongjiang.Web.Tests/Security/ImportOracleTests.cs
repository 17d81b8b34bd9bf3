using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Gongjiang.Web.Tests.Registry;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Security;

/// <summary>
/// Issue 9, finding 3: import errors must not tell an importer whether an ID number is registered, or where. Anyone who
/// could not see the person gets one neutral message; the audit log keeps the real reason.
/// </summary>
public sealed class ImportOracleTests : IDisposable
{
    public const string Neutral = "该人员不在本单位/本辖区可登记范围内，请联系窗口经办人";

    private readonly TestApp _app = new();

    private static string Number(Guid person) => DemoData.DemoIdNumbers.Single(p => p.Id == person).Number;

    [Fact]
    public async Task Another_citys_clerk_gets_the_neutral_message_for_a_person_registered_elsewhere()
    {
        using var clerk = await _app.ApiAsAsync("clerk");

        var errors = await ImportAsync(clerk, "roster", RosterRow("张伟", Number(DemoData.GuangzhouPersonId), "440305"));

        var message = Assert.Single(errors);
        Assert.Equal(Neutral, message);
    }

    [Fact]
    public async Task An_employer_gets_the_same_neutral_message_for_a_person_of_another_enterprise()
    {
        using var employer = await _app.ApiAsAsync("employer");

        var registeredHere = await ImportAsync(employer, "roster", RosterRow("陈志强", Number(DemoData.ShenzhenMetroPersonId), "440306"));
        var registeredElsewhere = await ImportAsync(employer, "roster", RosterRow("张伟", Number(DemoData.GuangzhouPersonId), "440306"));

        Assert.Equal([Neutral], registeredHere);
        Assert.Equal([Neutral], registeredElsewhere);
    }

    [Fact]
    public async Task The_honours_import_answers_alike_for_a_number_registered_elsewhere_and_an_unknown_number()
    {
        using var clerk = await _app.ApiAsAsync("clerk");

        var elsewhere = await ImportAsync(clerk, "honours", HonoursRow("张伟", Number(DemoData.GuangzhouPersonId)));
        var unknown = await ImportAsync(clerk, "honours", HonoursRow("王某", RegistryImportTests.Id("44030519991231111")));

        Assert.Equal([Neutral], elsewhere);
        Assert.Equal(elsewhere, unknown);
    }

    [Fact]
    public async Task A_clerk_whose_jurisdiction_covers_both_regions_moves_the_person_instead_of_being_refused()
    {
        using var admin = await _app.ApiAsAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "gdclerk", displayName = "广东省窗口", role = Roles.Clerk, regionCode = "440000", password = "Province#Pass1" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var province = ApiClient(await TokenAsync("gdclerk", "Province#Pass1"));

        var errors = await ImportAsync(province, "roster", RosterRow("张伟", Number(DemoData.GuangzhouPersonId), "440305"));

        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_national_clerk_is_told_that_an_unknown_number_is_not_in_the_roster()
    {
        using var admin = await _app.ApiAsAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/accounts", new { userName = "cnclerk", displayName = "全国窗口", role = Roles.Clerk, regionCode = "000000", password = "Country#Pass1" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var national = ApiClient(await TokenAsync("cnclerk", "Country#Pass1"));

        var errors = await ImportAsync(national, "honours", HonoursRow("王某", RegistryImportTests.Id("44030519991231111")));

        var message = Assert.Single(errors);
        Assert.Contains("不在人员名册中", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_refusal_is_audited_with_the_real_reason()
    {
        using var clerk = await _app.ApiAsAsync("clerk");

        await ImportAsync(clerk, "roster", RosterRow("张伟", Number(DemoData.GuangzhouPersonId), "440305"));

        await using var db = _app.CreateContext(Actor.System("test"));
        var refusal = await db.AuditEntries.Where(e => e.Action == AuditActions.Denied && e.ActorName == "clerk").Select(e => e.Detail).ToListAsync();
        Assert.Contains(refusal, d => d!.Contains("已在广东省广州市", StringComparison.Ordinal) && d.Contains("第2行", StringComparison.Ordinal));
    }

    private static string RosterRow(string name, string number, string region) =>
        "姓名,公民身份号码,工作单位,统一社会信用代码,职业（工种）,所在地区\n" +
        $"{name},{number},深圳市鹏城精密制造有限公司,{DemoData.CreditCode("440306", "MA5DPC01")},钳工,{region}\n";

    private static string HonoursRow(string name, string number) =>
        "姓名,公民身份号码,荣誉称号,授予年份\n" + $"{name},{number},全国技术能手,2019\n";

    private async Task<string> TokenAsync(string userName, string password)
    {
        using var client = _app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private HttpClient ApiClient(string token)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<List<string>> ImportAsync(HttpClient client, string kind, string csv)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "名单.csv");
        form.Add(new StringContent(kind), "kind");
        var response = await client.PostAsync("/api/v1/registry/imports", form);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return [.. body.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!)];
    }

    public void Dispose() => _app.Dispose();
}
