using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongjiang.Core.Standards;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Registry.Persons;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Registry;

/// <summary>
/// Notice 三: "准确梳理辖区内各类企业高技能领军人才情况，建立完善高技能领军人才数据库，定期更新". Imports of a roster and an
/// honours list through POST /api/v1/registry/imports, on PostgreSQL.
/// </summary>
public abstract class RegistryImportTests(DatabaseProvider provider) : IDisposable
{
    private static readonly Encoding Gbk;
    private readonly TestApp _app = new(provider);

    static RegistryImportTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gbk = Encoding.GetEncoding("GBK");
    }

    public static string Id(string body17) => body17 + CitizenIdNumber.ComputeCheckCharacter(body17);

    public static string Credit(string region, string org8)
    {
        var first17 = "91" + region + org8 + UnifiedSocialCreditCode.ComputeOrganizationCodeCheck(org8);
        return first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);
    }

    /// <summary>A messy roster as a county clerk would receive it: title rows, aliases, shuffled columns, an extra column.</summary>
    public static string MessyRoster() => string.Join("\r\n",
        "深圳市高技能人才名册（2026年度）,,,,,,,,",
        "填报单位：（盖章）,,,,,,,,",
        "备注,工种,身份证号码,姓名,单位名称,统一社会信用代码,技能等级,发证日期,是否一线",
        $"无,数控车工,{Id("44030519800101123")},赵一,深圳市南山精工有限公司,{Credit("440305", "MA5G0001")},高级技师,2015-06-30,是",
        $"无,钳工,{Id("44030519850202234")},钱二,深圳市南山精工有限公司,{Credit("440305", "MA5G0001")},技师,2018/7/1,是",
        $"无,电工,{Id("44030519900303345")[..17]}0,孙三,深圳市南山精工有限公司,{Credit("440305", "MA5G0001")},高级工,2020-01-01,否",
        $"无,焊工,{Id("44030519920404456")},李四,广州某公司,{Credit("440112", "MA5G0002")},中级工,2021-01-01,是",
        $"无,数控车工,{Id("44030519800101123")},赵一,深圳市南山精工有限公司,{Credit("440305", "MA5G0001")},高级技师,2015-06-30,是",
        $"无,车工,{Id("44030519850202234")},钱贰,深圳市南山精工有限公司,{Credit("440305", "MA5G0001")},技师,2018/7/1,是",
        $"无,装配钳工,{Id("44030519930505567")},周五,深圳市南山精工有限公司,{Credit("440305", "MA5G0001")},超级工,2030-01-01,是") + "\r\n";

    public static string Honours() => string.Join("\n",
        "姓名,公民身份号码,荣誉称号,授予年份,授予机关,文号,是否撤销,撤销日期",
        $"赵一,{Id("44030519800101123")},全国技术能手,2019,人力资源社会保障部,人社部发〔2019〕105号,否,",
        $"钱二,{Id("44030519850202234")},全国劳动模范,2015,中共中央、国务院,,是,2022-05-01",
        $"钱二,{Id("44030519850202234")},享受国务院政府特殊津贴,2020,国务院,,否,",
        $"王某,{Id("44030519991231111")},全国技术能手,2019,,,否,",
        $"赵一,{Id("44030519800101123")},全国技术能手,2019,人力资源社会保障部,人社部发〔2019〕105号,否,") + "\n";

    [Fact]
    public async Task Messy_GBK_roster_is_imported_with_row_errors_duplicates_and_scope_refusals()
    {
        using var clerk = await _app.ApiAsAsync("clerk");

        var response = await UploadAsync(clerk, "roster", Gbk.GetBytes(MessyRoster()), "名册.csv");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("roster", body.GetProperty("kind").GetString());
        Assert.Equal(2, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("duplicates").GetInt32());
        Assert.Equal(4, body.GetProperty("rejected").GetInt32());
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString(), Message: e.GetProperty("message").GetString()!)).ToList();
        Assert.Contains(errors, e => e.Row == 6 && e.Column == "公民身份号码" && e.Message.Contains("校验码", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 7 && e.Message.Contains("不在您的管辖范围", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 9 && e.Message.Contains("与第5行是同一人", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Row == 10 && e.Column == "职业技能等级");
        Assert.Contains(errors, e => e.Row == 10 && e.Column == "发证日期" && e.Message.Contains("晚于今天", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reimporting_the_same_file_changes_nothing()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        await UploadAsync(clerk, "roster", Encoding.UTF8.GetBytes(MessyRoster()), "名册.csv");
        var before = await SnapshotAsync();

        var again = await (await UploadAsync(clerk, "roster", Encoding.UTF8.GetBytes(MessyRoster()), "名册.csv")).Content.ReadFromJsonAsync<JsonElement>();
        var after = await SnapshotAsync();

        Assert.Equal(2, again.GetProperty("accepted").GetInt32());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Honours_list_makes_leading_talents_with_their_bases_and_revocation_counts()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        await UploadAsync(clerk, "roster", Encoding.UTF8.GetBytes(MessyRoster()), "名册.csv");

        var response = await UploadAsync(clerk, "honours", Encoding.UTF8.GetBytes(Honours()), "荣誉.csv");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        // Who meets the definition (the determination); the leadingTalent filter counts only those in the database.
        var everyone = await clerk.GetFromJsonAsync<Paged<PersonSummary>>("/api/v1/registry/persons?pageSize=200");
        var talents = everyone! with { Items = [.. everyone.Items.Where(p => p.IsLeadingTalent)] };

        Assert.Equal(3, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, body.GetProperty("duplicates").GetInt32());
        Assert.Contains(body.GetProperty("errors").EnumerateArray(), e => e.GetProperty("message").GetString() == Features.Registry.Imports.ImportService.NeutralRefusal);
        var zhao = Assert.Single(talents!.Items, p => p.Name == "赵一");
        Assert.Contains("2019年全国技术能手", zhao.Bases, StringComparison.Ordinal);
        var qian = Assert.Single(talents.Items, p => p.Name == "钱二");
        Assert.Contains("国务院政府特殊津贴", qian.Bases, StringComparison.Ordinal);
        Assert.DoesNotContain("劳动模范", qian.Bases, StringComparison.Ordinal);
        Assert.DoesNotContain(talents.Items, p => p.IdNumberMasked.Contains("0101123", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Person_page_data_shows_the_determination_as_of_a_past_date()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        await UploadAsync(clerk, "roster", Encoding.UTF8.GetBytes(MessyRoster()), "名册.csv");
        await UploadAsync(clerk, "honours", Encoding.UTF8.GetBytes(Honours()), "荣誉.csv");
        var qian = (await clerk.GetFromJsonAsync<Paged<PersonSummary>>("/api/v1/registry/persons?q=" + Uri.EscapeDataString("钱二")))!.Items.Single();

        var in2021 = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/registry/persons/{qian.Id}?asOf=2021-06-01");
        var bases2021 = in2021.GetProperty("decision").GetProperty("bases").EnumerateArray().Select(b => b.GetProperty("text").GetString()!).ToList();

        Assert.Contains(bases2021, b => b.Contains("全国劳动模范", StringComparison.Ordinal));
        Assert.Contains(bases2021, b => b.Contains("特殊津贴", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Full_id_number_only_for_roles_with_need_and_each_view_is_audited()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        using var employer = await _app.ApiAsAsync("employer");
        var worker = Gongjiang.Web.Platform.Demo.DemoData.WorkerPersonId;

        var forClerk = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/registry/persons/{worker}/id-number");
        var forEmployer = await employer.GetAsync($"/api/v1/registry/persons/{worker}/id-number");
        await using var db = _app.CreateContext(Actor.System("test"));
        var audited = await db.AuditEntries.CountAsync(e => e.Action == "view" && e.EntityId == worker.ToString() && e.ActorName == "clerk");

        Assert.Equal(18, forClerk.GetProperty("idNumber").GetString()!.Length);
        Assert.Equal(HttpStatusCode.Forbidden, forEmployer.StatusCode);
        Assert.Equal(1, audited);
    }

    [Fact]
    public async Task Bad_files_get_a_Chinese_message_and_change_nothing()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        var before = await SnapshotAsync();

        var empty = await UploadAsync(clerk, "roster", [], "空.csv");
        var png = await UploadAsync(clerk, "roster", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0, 0, 0, 0, 0], "图片.csv");
        var missing = await UploadAsync(clerk, "roster", Encoding.UTF8.GetBytes("姓名,工种\n张三,车工\n"), "缺列.csv");
        var badKind = await UploadAsync(clerk, "salary", Encoding.UTF8.GetBytes("x"), "x.csv");

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, png.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("公民身份号码", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Contains("kind", await badKind.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_whole_not_truncated()
    {
        using var scope = _app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentActor>().Use(new Actor("t", "clerk", "测试", Roles.Clerk, Core.Access.Jurisdiction.Parse("440300").Value, null, null, null));
        var service = scope.ServiceProvider.GetRequiredService<Gongjiang.Web.Features.Registry.Imports.ImportService>();
        var header = Encoding.UTF8.GetBytes("姓名,身份证号,工作单位,统一社会信用代码,工种\n");
        var row = Encoding.UTF8.GetBytes($"张三,{Id("44030619880606678")},某公司,{Credit("440306", "MA5G0009")},钳工\n");
        var before = await SnapshotAsync();

        var summary = await service.RunAsync(new RepeatingStream(header, row, 513L * 1024 * 1024), "big.csv", Gongjiang.Web.Features.Registry.Imports.ImportKind.Roster, null, CancellationToken.None);

        Assert.Equal("文件大小超过上限 512 MB，请拆分为多个文件分批导入", summary.FileError);
        Assert.Equal(0, summary.Accepted);
        Assert.Equal(before, await SnapshotAsync());
    }

    /// <summary>A header then one row repeated, up to a length, without holding it in memory.</summary>
    private sealed class RepeatingStream(byte[] header, byte[] row, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && _position < length)
            {
                var source = _position < header.Length ? header : row;
                var index = _position < header.Length ? _position : (_position - header.Length) % row.Length;
                buffer[offset + written++] = source[index];
                _position++;
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task Employer_imports_only_its_own_people_and_cannot_import_honours()
    {
        using var employer = await _app.ApiAsAsync("employer");
        var own = Gongjiang.Web.Platform.Demo.DemoData.CreditCode("440306", "MA5DPC01");
        var csv = "姓名,身份证号,工作单位,统一社会信用代码,工种,技能等级\n" +
            $"吴六,{Id("44030619880606678")},深圳市鹏城精密制造有限公司,{own},数控铣工,高级工\n" +
            $"郑七,{Id("44030619890707789")},别的公司,{Credit("440306", "MA5G0009")},钳工,中级工\n";

        var roster = await (await UploadAsync(employer, "roster", Encoding.UTF8.GetBytes(csv), "本单位.csv")).Content.ReadFromJsonAsync<JsonElement>();
        var honours = await UploadAsync(employer, "honours", Encoding.UTF8.GetBytes(Honours()), "荣誉.csv");

        Assert.Equal(1, roster.GetProperty("accepted").GetInt32());
        Assert.Contains(roster.GetProperty("errors").EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("只能导入本单位职工", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, honours.StatusCode);
    }

    [Fact]
    public async Task Error_report_lists_row_column_value_and_reason_and_is_scoped()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        using var clerk2 = await _app.ApiAsAsync("clerk2");
        var summary = await (await UploadAsync(clerk, "roster", Encoding.UTF8.GetBytes(MessyRoster()), "名册.csv")).Content.ReadFromJsonAsync<JsonElement>();
        var id = summary.GetProperty("id").GetString();

        var bytes = await clerk.GetByteArrayAsync($"/api/v1/registry/imports/{id}/errors.csv");
        var report = Encoding.UTF8.GetString(bytes);
        var foreign = await clerk2.GetAsync($"/api/v1/registry/imports/{id}/errors.csv");

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("\uFEFF行号,列,值,原因", report, StringComparison.Ordinal);
        Assert.Contains("校验码", report, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task Templates_download_for_both_kinds()
    {
        using var client = _app.CreateClient();

        var csv = await client.GetByteArrayAsync("/api/v1/registry/imports/templates/roster.csv");
        var xlsx = await client.GetByteArrayAsync("/api/v1/registry/imports/templates/honours.xlsx");

        Assert.Contains("公民身份号码", Encoding.UTF8.GetString(csv), StringComparison.Ordinal);
        Assert.Equal((byte)'P', xlsx[0]);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        return await client.PostAsync("/api/v1/registry/imports", form);
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = _app.CreateContext(Actor.System("test"));
        var persons = await db.Set<Person>().OrderBy(p => p.IdNumberHash).Select(p => p.Name + p.Mobile + p.RegionCode + p.EnterpriseId + p.Occupation + p.HighestSkillLevel + p.IsLeadingTalent + p.BasesSummary + p.UpdatedAt).ToListAsync();
        var records = await db.Set<Employment>().CountAsync() + ":" + await db.Set<SkillCertificate>().CountAsync() + ":" + await db.Set<Honor>().CountAsync() + ":" + await db.Set<Enterprise>().CountAsync();
        return string.Join("\n", persons) + records;
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class RegistryImportTestsOnPostgres() : RegistryImportTests(DatabaseProvider.Postgres);

public sealed class RegistryImportTestsOnSqlite() : RegistryImportTests(DatabaseProvider.Sqlite);
