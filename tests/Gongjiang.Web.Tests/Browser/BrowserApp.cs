using Gongjiang.Web.Tests.Infrastructure;

namespace Gongjiang.Web.Tests.Browser;

/// <summary>One Kestrel-hosted app per browser test class (tests in a class use different accounts or records).</summary>
public sealed class BrowserApp : IDisposable
{
    public BrowserApp()
    {
        App = new TestApp(kestrel: true);
        BaseAddress = App.ServerAddress;
    }

    public TestApp App { get; }

    public Uri BaseAddress { get; }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public void Dispose() => App.Dispose();
}
