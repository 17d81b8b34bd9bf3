using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongjiang.Core.Supervision;
using Gongjiang.Web.Features.Supervision.Data;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Supervision;

/// <summary>
/// Supervision records of one jurisdiction for the endpoint matrix: a progress report and an implementing document
/// (with an attachment) filed by its clerk through the API, and a problem it raised. Their texts are markers nobody
/// outside the jurisdiction may receive.
/// </summary>
public static class SupervisionMatrixRecords
{
    public static async Task<(Guid Report, Guid Document, Guid Problem, string[] Markers)> MakeAsync(TestApp app, HttpClient clerk, string clerkName, string code, string tag)
    {
        var summary = "越界报告总体情况" + tag;
        var report = await Expect(await clerk.PostAsJsonAsync("/api/v1/supervision/reports", new { period = app.Clock.Today.Year.ToString(CultureInfo.InvariantCulture) }), HttpStatusCode.Created);
        var reportId = report.GetProperty("id").GetGuid();
        await Expect(await clerk.PutAsJsonAsync($"/api/v1/supervision/reports/{reportId}", new { lines = Array.Empty<object>(), summary, submit = false }), HttpStatusCode.OK);

        var title = "越界配套文件" + tag;
        using var form = Document(title, tag + "人社发〔2026〕9" + (code == "440300" ? "1" : "2") + "号", "2026-01-15", ["3.1", "4.1"], withAttachment: true);
        var created = await clerk.PostAsync("/api/v1/supervision/documents", form);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var documentId = Guid.Parse(created.Headers.Location!.ToString().Split('/')[^1]);

        var problemTitle = "越界问题" + tag;
        var problem = new ProblemRow
        {
            RegionCode = code,
            MeasureCode = "3.4",
            Title = problemTitle,
            Description = "越界问题描述" + tag + "：请上级协调。",
            Status = ProblemStatus.Open,
            HandlerRegionCode = "440000",
            WithHandlerSince = app.Clock.Today,
            RaisedOn = app.Clock.Today,
            RaisedByName = clerkName,
        };
        await using (var db = app.CreateContext(await Jobs.JobRunnerTests.ActorAsync(app, clerkName)))
        {
            db.Add(problem);
            await db.SaveChangesAsync();
        }

        return (reportId, documentId, problem.Id, [summary, title, problemTitle]);
    }

    /// <summary>The multipart form of an implementing document as the API takes it.</summary>
    public static MultipartFormDataContent Document(string title, string? number, string? issuedOn, string[] measures, bool withAttachment = false)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(title), "title" },
            { new StringContent("测试市人力资源和社会保障局"), "issuer" },
        };
        if (number is not null)
        {
            form.Add(new StringContent(number), "number");
        }

        if (issuedOn is not null)
        {
            form.Add(new StringContent(issuedOn), "issuedOn");
        }

        foreach (var measure in measures)
        {
            form.Add(new StringContent(measure), "measures");
        }

        if (withAttachment)
        {
            var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n% test attachment\n%%EOF\n"));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "attachment", "attachment.pdf");
        }

        return form;
    }

    public static async Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
