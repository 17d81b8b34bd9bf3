using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongjiang.Core.Common;
using Gongjiang.Core.Leave;
using Gongjiang.Web.Features.Leave.Data;
using Gongjiang.Web.Features.Leave.Records;
using Gongjiang.Web.Features.Publication.Data;
using Gongjiang.Web.Features.Registry.Data;
using Gongjiang.Web.Features.Wages.Data;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Gongjiang.Web.Tests.Registry;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Security;

/// <summary>The kinds of record a route parameter names; the scoped ones belong to one jurisdiction.</summary>
public enum RecordKind
{
    Person,
    Enterprise,
    Import,
    Review,
    Publication,
    Objection,
    Account,
    RegionCode,
    TemplateKind,
    TemplateFormat,
    DocumentName,
    Job,
    SupervisionReport,
    SupervisionDocument,
    SupervisionProblem,
    LeaveRecord,
    RecuperationProgramme,
    RecuperationApplication,
    ObjectionReceipt,
    PolicyDocument,
    ItemVersion,
    ItemKey,
    Decision,
    Simulation,
    WageReport,
    Rectification,
    EvaluationBody,
    Certificate,
    CertificateNumber,
    WindowRequest,
    WindowTask,
    WindowItem,
    WindowMaterial,
    ReceiptNumber,
}

/// <summary>
/// One jurisdiction's records for the matrix (深圳 440300 or 广州 440100), each made through the application as its clerk
/// would make it, and the markers — text that appears only in these records and that nobody outside the jurisdiction
/// may ever receive (names, the full ID number, the mobile, the objector, the file name…).
/// </summary>
public sealed record Side(string Code, string Name, IReadOnlyDictionary<RecordKind, string> Ids, IReadOnlyList<string> Markers,
    IReadOnlyList<string> PersonMarkers, IReadOnlyList<string> ClerkOnlyMarkers);

/// <summary>An actor of the matrix: a demo account (or the anonymous public) with its bearer token and its cookie session.</summary>
public sealed record MatrixActor(string Name, string? Role, string? Jurisdiction, HttpClient? Bearer, CookieSession? Cookie);

/// <summary>
/// One application (per provider) with records in two jurisdictions and every demo account signed in both ways, shared
/// by all rows of the matrix.
/// </summary>
public abstract class MatrixFixture : IAsyncLifetime
{
    public static readonly string[] ActorNames = ["anonymous", "admin", "supervisor", "clerk", "reviewer", "clerk2", "dept", "employer", "worker"];

    protected MatrixFixture(DatabaseProvider provider) => App = new TestApp(provider);

    public TestApp App { get; }

    public IReadOnlyList<RouteEndpoint> Endpoints { get; private set; } = [];

    public Dictionary<string, Side> Sides { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MatrixActor> Actors { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        Endpoints = [.. App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];
        Sides["440300"] = await MakeSideAsync("440300", "深", "clerk", "440305", "44030519880808123", "MA5GX901", DemoData.WorkerPersonId);
        Sides["440100"] = await MakeSideAsync("440100", "穗", "clerk2", "440106", "44010619870707234", "MA5GX902", DemoData.GuangzhouPersonId);
        foreach (var name in ActorNames)
        {
            var account = DemoData.Accounts.SingleOrDefault(a => a.UserName == name);
            if (account is null)
            {
                Actors[name] = new MatrixActor(name, null, null, null, null);
                continue;
            }

            var cookie = await CookieSession.SignInAsync(App, name);
            cookie.Frozen = true;
            Actors[name] = new MatrixActor(name, account.Role, account.RegionCode, await App.ApiAsAsync(name), cookie);
        }
    }

    private async Task<Side> MakeSideAsync(string code, string tag, string clerkName, string district, string idBody, string organization, Guid talent)
    {
        using var clerk = await App.ApiAsAsync(clerkName);
        var personName = "甄越" + tag;
        var enterpriseName = tag + "越精工测试有限公司";
        var fileName = "越界名册" + tag + ".csv";
        var idNumber = RegistryImportTests.Id(idBody);
        var mobile = code == "440300" ? "13712340001" : "13712340002";
        var csv = "姓名,公民身份号码,工作单位,统一社会信用代码,职业（工种）,所在地区,手机号码\n" +
            $"{personName},{idNumber},{enterpriseName},{RegistryImportTests.Credit(district, organization)},钳工,{district},{mobile}\n";
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        form.Add(new StringContent("roster"), "kind");
        var imported = await Expect(await clerk.PostAsync("/api/v1/registry/imports", form), HttpStatusCode.OK);
        var importId = imported.GetProperty("id").GetString()!;
        Assert.Equal(1, imported.GetProperty("accepted").GetInt32());

        foreach (var action in new[] { "Nominate", "Verify", "List" })
        {
            await Expect(await clerk.PostAsJsonAsync($"/api/v1/registry/persons/{talent}/lifecycle", new { action, note = "依据荣誉证书核实" }), HttpStatusCode.NoContent);
        }

        var review = await Expect(await clerk.PostAsJsonAsync("/api/v1/registry/reviews", new { year = App.Clock.Today.Year, dueDate = App.Clock.Today.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }), HttpStatusCode.Created);
        var publication = await Expect(await clerk.PostAsJsonAsync("/api/v1/publications", new { period = App.Clock.Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) }), HttpStatusCode.Created);
        var publicationId = publication.GetProperty("id").GetGuid();
        await Expect(await clerk.PostAsJsonAsync($"/api/v1/publications/{publicationId}/notice", new { reason = "矩阵测试：开始公示" }), HttpStatusCode.NoContent);

        var objector = "异议人" + tag + "越";
        var reason = "越界异议理由" + tag + "：请核实该同志的荣誉。";
        Guid entryId, personId, enterpriseId, wageReportId, rectificationId;
        await using (var db = App.CreateContext(Actor.System("test")))
        {
            entryId = await db.Set<PublicationEntry>().Where(e => e.PublicationId == publicationId).Select(e => e.Id).FirstAsync();
            personId = await db.Set<Person>().Where(p => p.Name == personName).Select(p => p.Id).SingleAsync();
            enterpriseId = await db.Set<Enterprise>().Where(e => e.Name == enterpriseName).Select(e => e.Id).SingleAsync();

            // Wages: the side's demo enterprise's confirmed report, and a rectification case of that enterprise.
            var demoEnterprise = code == "440300" ? DemoData.ShenzhenEnterpriseId : DemoData.GuangzhouEnterpriseId;
            var demo = await db.Set<WageReport>().Where(r => r.EnterpriseId == demoEnterprise && r.Status == WageReportStatus.Confirmed).FirstAsync();
            wageReportId = demo.Id;
            var rectification = new RectificationCase
            {
                EnterpriseId = demoEnterprise,
                EnterpriseName = demo.EnterpriseName,
                RegionCode = demo.RegionCode,
                Year = demo.Year,
                Finding = "矩阵测试",
                OpenedOn = App.Clock.Today,
                Deadline = App.Clock.Today.AddDays(40),
                History = "矩阵测试立案",
            };
            db.Add(rectification);
            await db.SaveChangesAsync();
            rectificationId = rectification.Id;
        }

        using var anonymous = App.CreateClient();
        var filed = await Expect(await anonymous.PostAsJsonAsync($"/api/v1/public/publications/{publicationId}/objections", new { entryId, name = objector, contact = "13912345678", reason }), HttpStatusCode.Created);
        var receipt = filed.GetProperty("receiptNumber").GetString()!;
        var objections = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/publications/{publicationId}/objections");

        using var admin = await App.ApiAsAsync("admin");
        var accountName = "越界账户" + tag;
        var account = await Expect(await admin.PostAsJsonAsync("/api/v1/accounts", new
        {
            userName = "marker" + code,
            displayName = accountName,
            role = Roles.Clerk,
            regionCode = code,
            password = "Marker#Pass1",
        }), HttpStatusCode.Created);

        // A background job queued by this side's clerk (its title is a marker: the job list and page are scoped).
        var jobTitle = "越界任务" + tag;
        Guid jobId;
        await using (var db = App.CreateContext(await Jobs.JobRunnerTests.ActorAsync(App, clerkName)))
        {
            var job = App.Services.GetRequiredService<Gongjiang.Web.Platform.Jobs.JobQueue>().Enqueue(db, "matrix.marker", jobTitle, payload: null);
            await db.SaveChangesAsync();
            jobId = job.Id;
        }

        var (reportId, documentId, problemId, supervisionMarkers) = await Supervision.SupervisionMatrixRecords.MakeAsync(App, clerk, clerkName, code, tag);
        // 休息休假: last year's leave record of the side's person (owed compensation), a 休疗养 programme of the side's
        // clerk, and the person's application to it.
        var programme = await Expect(await clerk.PostAsJsonAsync("/api/v1/leave/recuperation/programmes", new
        {
            name = "矩阵休疗养" + tag,
            organiser = "人社局" + tag,
            place = "疗休养基地" + tag,
            applicationsCloseOn = App.Clock.Today.AddDays(10),
            startsOn = App.Clock.Today.AddDays(20),
            endsOn = App.Clock.Today.AddDays(24),
            quota = 2,
        }), HttpStatusCode.Created);
        var programmeId = programme.GetProperty("id").GetGuid();
        Guid leaveRecordId, applicationId;
        await using (var db = App.CreateContext(Actor.System("test")))
        {
            var enterprise = await db.Set<Enterprise>().SingleAsync(e => e.Id == enterpriseId);
            var masked = await db.Set<Person>().Where(p => p.Id == personId).Select(p => p.IdNumberMasked).SingleAsync();
            var record = new LeaveRecord
            {
                EnterpriseId = enterpriseId,
                RegionCode = enterprise.RegionCode,
                PersonId = personId,
                PersonName = personName,
                IdNumberMasked = masked,
                UpdatedBy = "test",
            };
            LeaveRecords.Apply(record, new EmployeeLeaveRecord(personId.ToString(), App.Clock.Today.Year - 1, 10, 10, 4, new Money(900_000), Money.Zero, false));
            var application = new RecuperationApplicationRow
            {
                ProgrammeId = programmeId,
                PersonId = personId,
                EnterpriseId = enterpriseId,
                RegionCode = enterprise.RegionCode,
                PersonName = personName,
                IdNumberMasked = masked,
                EnterpriseName = enterpriseName,
                Status = RecuperationApplicationStatus.Applied,
                FitForActivity = true,
            };
            db.AddRange(record, application);
            await db.SaveChangesAsync();
            (leaveRecordId, applicationId) = (record.Id, application.Id);
        }
        // A stored entitlement decision for the side's person and a what-if simulation of the side (its title a marker).
        var today = App.Clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var decision = await Expect(await clerk.PostAsJsonAsync("/api/v1/policies/decisions", new { personId, versionId = "000000-national-study-tour-2018", asOf = today }), HttpStatusCode.Created);
        var simulationTitle = "越界测算" + tag;
        var simulation = await Expect(await clerk.PostAsJsonAsync("/api/v1/policies/simulations",
            new { regionCode = code, asOf = today, versionId = "000000-national-study-tour-2018", kind = "AddCondition", value = "person.age >= 40", title = simulationTitle }), HttpStatusCode.Created);
        // Skills: an evaluation body of this side and a certificate it issued to this side's person.
        var site = code == "440300" ? "030099" : "010099";
        var body = await Expect(await clerk.PostAsJsonAsync("/api/v1/skills/bodies", new
        {
            name = tag + "越界评价站",
            kind = "社会培训评价组织",
            regionCode = code,
            licences = new[] { new { occupationCode = "6-18-02-04", occupationName = "钳工", lowestLevel = "五级", highestLevel = "一级", validFrom = "2020-01-01" } },
        }), HttpStatusCode.Created);
        var skillsToday = Gongjiang.Web.Platform.ChinaTime.Today(App.Clock);
        var certificateNumber = "S000044" + site + skillsToday.ToString("yy", System.Globalization.CultureInfo.InvariantCulture) + "5" + (code == "440300" ? "000091" : "000092");
        var certificate = await Expect(await clerk.PostAsJsonAsync("/api/v1/skills/certificates", new
        {
            personId,
            bodyId = body.GetProperty("id").GetGuid(),
            number = certificateNumber,
            occupationCode = "6-18-02-04",
            level = "五级",
            issuedOn = skillsToday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }), HttpStatusCode.Created);

        // A service request of the side's person with its housing task (issue 12), made as the window would store it.
        var (requestId, taskId, receiptNumber) = await Window.WindowMatrix.MakeRequestAsync(App, code, personId, enterpriseId, personName);
        var materialId = await Window.WindowMatrix.MakeMaterialAsync(App, requestId);

        var ids = new Dictionary<RecordKind, string>
        {
            [RecordKind.EvaluationBody] = body.GetProperty("id").GetString()!,
            [RecordKind.Certificate] = certificate.GetProperty("id").GetString()!,
            [RecordKind.CertificateNumber] = certificateNumber,
            [RecordKind.Person] = personId.ToString(),
            [RecordKind.Enterprise] = enterpriseId.ToString(),
            [RecordKind.Import] = importId,
            [RecordKind.Review] = review.GetProperty("id").GetString()!,
            [RecordKind.Publication] = publicationId.ToString(),
            [RecordKind.Objection] = objections[0].GetProperty("id").GetString()!,
            [RecordKind.Account] = account.GetProperty("id").GetString()!,
            [RecordKind.RegionCode] = code,
            [RecordKind.TemplateKind] = "roster",
            [RecordKind.TemplateFormat] = "csv",
            [RecordKind.DocumentName] = "v1",
            [RecordKind.Job] = jobId.ToString(),
            [RecordKind.SupervisionReport] = reportId.ToString(),
            [RecordKind.SupervisionDocument] = documentId.ToString(),
            [RecordKind.SupervisionProblem] = problemId.ToString(),
            [RecordKind.LeaveRecord] = leaveRecordId.ToString(),
            [RecordKind.RecuperationProgramme] = programmeId.ToString(),
            [RecordKind.RecuperationApplication] = applicationId.ToString(),
            [RecordKind.ObjectionReceipt] = receipt,
            [RecordKind.PolicyDocument] = "cn-2018-opinion",
            [RecordKind.ItemVersion] = "000000-special-award-2018",
            [RecordKind.ItemKey] = "settling-allowance",
            [RecordKind.Decision] = decision.GetProperty("id").GetString()!,
            [RecordKind.Simulation] = simulation.GetProperty("id").GetString()!,
            [RecordKind.WageReport] = wageReportId.ToString(),
            [RecordKind.Rectification] = rectificationId.ToString(),
            [RecordKind.WindowRequest] = requestId.ToString(),
            [RecordKind.WindowTask] = taskId.ToString(),
            [RecordKind.WindowItem] = "housing",
            [RecordKind.WindowMaterial] = materialId.ToString(),
            [RecordKind.ReceiptNumber] = receiptNumber,
        };
        string[] person = [personName, idNumber, mobile];
        string[] clerkOnly = [objector, "越界异议理由" + tag, accountName, jobTitle];
        return new Side(code, tag, ids, [.. person, enterpriseName, Path.GetFileNameWithoutExtension(fileName), .. supervisionMarkers, simulationTitle, .. clerkOnly], person, clerkOnly);
    }

    private static async Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public Task DisposeAsync()
    {
        foreach (var actor in Actors.Values)
        {
            actor.Bearer?.Dispose();
            actor.Cookie?.Dispose();
        }

        App.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class PostgresMatrixFixture() : MatrixFixture(DatabaseProvider.Postgres);

public sealed class SqliteMatrixFixture() : MatrixFixture(DatabaseProvider.Sqlite);
