using System.Net;
using System.Text;
using Gongjiang.Web.Features.Window;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Gongjiang.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Tests.Window;

/// <summary>
/// Issue 12 Deliver 2 “a printable receipt (PDF with a CJK font embedded, with a QR code to the public progress page)”,
/// on both providers: the applicant and the clerk download it (audited), everyone else and every request not yet
/// accepted get a 404.
/// </summary>
public abstract class ReceiptPdfTests(DatabaseProvider provider) : IDisposable
{
    private readonly TestApp _app = new(provider);

    [Fact]
    public async Task The_applicant_downloads_the_receipt_with_the_cjk_font_embedded_and_a_link_to_the_public_progress_page()
    {
        using var worker = await _app.ApiAsAsync("worker");
        var id = WindowDemo.InProgressId;
        using var response = await worker.GetAsync($"/api/v1/window/requests/{id}/receipt");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);

        var text = Encoding.Latin1.GetString(bytes);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        Assert.Contains("/FontFile2", text, StringComparison.Ordinal);

        // The QR code's link, also a clickable annotation: the public progress page with this request's receipt number.
        await using var system = _app.CreateContext(Actor.System("test"));
        var receipt = await system.Set<Features.Window.Data.ServiceRequest>().Where(r => r.Id == id).Select(r => r.ReceiptNumber).SingleAsync();
        Assert.Contains("/window/progress?receipt=" + receipt, text, StringComparison.Ordinal);
        Assert.DoesNotContain("李建华", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        Assert.True(await system.Set<AuditEntry>().AnyAsync(a => a.Action == AuditActions.Export && a.EntityType == "ServiceRequest" && a.EntityId == id.ToString()));
    }

    [Fact]
    public async Task The_clerk_downloads_it_from_the_request_page()
    {
        using var session = await CookieSession.SignInAsync(_app, "clerk");
        var page = await (await session.GetAsync($"/window/requests/{WindowDemo.ClosedId}")).Content.ReadAsStringAsync();
        Assert.Contains($"/window/requests/{WindowDemo.ClosedId}/receipt", page, StringComparison.Ordinal);

        var response = await session.GetAsync($"/window/requests/{WindowDemo.ClosedId}/receipt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("%PDF-", Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clerk2")] // 广州 clerk: another jurisdiction (scope filter)
    [InlineData("dept")] // the housing officer acts on the task but is not the applicant or the window
    [InlineData("supervisor")] // reads requests, prints nothing
    public async Task Anyone_but_the_applicant_and_the_window_clerk_gets_a_404(string user)
    {
        using var client = await _app.ApiAsAsync(user);
        using var response = await client.GetAsync($"/api/v1/window/requests/{WindowDemo.InProgressId}/receipt");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_request_not_yet_accepted_or_unknown_has_no_receipt()
    {
        using var clerk = await _app.ApiAsAsync("clerk");
        using var submitted = await clerk.GetAsync($"/api/v1/window/requests/{WindowDemo.SubmittedId}/receipt");
        using var unknown = await clerk.GetAsync($"/api/v1/window/requests/{Guid.NewGuid()}/receipt");
        Assert.Equal(HttpStatusCode.NotFound, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("未找到", await submitted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class PostgresReceiptPdfTests() : ReceiptPdfTests(DatabaseProvider.Postgres);

public sealed class SqliteReceiptPdfTests() : ReceiptPdfTests(DatabaseProvider.Sqlite);
