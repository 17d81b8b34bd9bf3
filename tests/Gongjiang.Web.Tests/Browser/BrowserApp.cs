using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>
/// One Kestrel-hosted app per browser test class (tests in a class use different accounts or records), on PostgreSQL;
/// <see cref="OnSqlite"/> is the same on the embedded default. A browser test class is written once, abstract, and
/// declared for both: <c>…OnPostgres</c> in <see cref="BrowserCollection.Name"/> with this fixture, <c>…OnSqlite</c> in
/// <see cref="BrowserCollection.Sqlite"/> with <see cref="OnSqlite"/> (the two collections run side by side).
/// </summary>
public class BrowserApp : IDisposable
{
    public BrowserApp()
        : this(DatabaseProvider.Postgres)
    {
    }

    protected BrowserApp(DatabaseProvider provider)
    {
        App = new TestApp(provider, kestrel: true);
        BaseAddress = App.ServerAddress;
    }

    public TestApp App { get; }

    public Uri BaseAddress { get; }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            App.Dispose();
        }
    }

    public sealed class OnSqlite() : BrowserApp(DatabaseProvider.Sqlite);
}
