using System.Net;
using System.Net.Http.Json;
using Gongjiang.Web.Features.Audit;
using Gongjiang.Web.Features.Registry.Persons;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Demo;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Sqlite;

/// <summary>The embedded default must never break: the same app on SQLite, migrated and seeded, end to end.</summary>
public sealed class SqliteSmokeTests : IDisposable
{
    private readonly TestApp _app = new(DatabaseProvider.Sqlite, demoPublications: true);

    [Fact]
    public async Task Embedded_default_starts_seeds_signs_in_scopes_and_audits()
    {
        using var anonymous = _app.CreateClient();
        var home = await anonymous.GetStringAsync("/");
        var ready = await anonymous.GetAsync("/health/ready");
        var publicList = await anonymous.GetStringAsync("/public/talents");
        using var clerk2 = await _app.ApiAsAsync("clerk2");
        var list = await clerk2.GetFromJsonAsync<Paged<PersonSummary>>("/api/v1/registry/persons?q=" + Uri.EscapeDataString("张"));
        var crossing = await clerk2.GetAsync($"/api/v1/registry/persons/{DemoData.WorkerPersonId}");
        using var clerk = await _app.ApiAsAsync("clerk");
        var update = await clerk.PutAsJsonAsync($"/api/v1/registry/persons/{DemoData.WorkerPersonId}", new { name = "李建华", mobile = "+86 138-0013-9999" });

        await using var db = _app.CreateContext(Actor.System("test"));
        var verification = await AuditUseCases.VerifyAsync(db, _app.Services.GetRequiredService<AuditKey>(), CancellationToken.None);

        Assert.Contains("技术工人待遇政策落实平台", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("李建华", publicList, StringComparison.Ordinal); // the demo's published list (DemoPublication)
        Assert.Equal(Core.Publication.PublicationStatus.Published,
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<Features.Publication.Data.Publication>().Select(p => p.Status)));
        Assert.Equal("张伟", Assert.Single(list!.Items).Name);
        Assert.Equal(HttpStatusCode.NotFound, crossing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.True(verification.Intact, verification.Summary);
        Assert.True(verification.Checked > 10);
    }

    public void Dispose() => _app.Dispose();
}
