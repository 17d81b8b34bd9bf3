using System.Net.Http.Headers;
using System.Net.Http.Json;
using Gongjiang.Web.Features.Accounts;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongjiang.Web.Tests.Infrastructure;

/// <summary>
/// The real application on its own fresh database, in demo mode so the demo data and accounts exist. Each instance is
/// independent: tests never share data. Tests that touch data run on both providers: the class is written once,
/// abstract, taking a <see cref="DatabaseProvider"/>, and declared twice at the end of its file
/// (<c>…OnPostgres() : …(DatabaseProvider.Postgres)</c>, <c>…OnSqlite() : …(DatabaseProvider.Sqlite)</c>); only a
/// provider's own fast path (binary COPY, name-gram indexes, raw SQL) is tested on that provider alone.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string Password = "Test@Pass2026";

    /// <summary>
    /// PBKDF2 iterations of password hashes in tests: the production 210 000 (checked by a test that asks for
    /// <c>productionPasswordHashing</c>) cost about a second of CPU per app for the eight demo accounts alone.
    /// </summary>
    public const int TestPasswordIterations = 1_000;
    public static readonly string AuditKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    public static readonly string IdHashKey = Convert.ToBase64String(Enumerable.Range(40, 32).Select(i => (byte)i).ToArray());
    public static readonly string IdEncryptionKey = Convert.ToBase64String(Enumerable.Range(80, 32).Select(i => (byte)i).ToArray());

    private readonly Dictionary<string, string?> _settings;
    private readonly string _folder;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _productionPasswordHashing;

    public TestApp(DatabaseProvider provider = DatabaseProvider.Postgres, int signInAttemptsPerMinute = 10_000, bool kestrel = false, bool demoPublications = false,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, bool productionPasswordHashing = false, bool demoCertificate = false)
    {
        _services = services;
        _productionPasswordHashing = productionPasswordHashing;
        Provider = provider;
        _folder = Path.Combine(Path.GetTempPath(), "gongjiang-test-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
        ConnectionString = provider == DatabaseProvider.Postgres
            ? PostgresServer.CreateDatabase()
            : $"Data Source={Path.Combine(_folder, "gongjiang.db")}";
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Default"] = ConnectionString,
            ["Data:Folder"] = _folder,
            ["Demo:Enabled"] = "true",
            ["Demo:Password"] = Password,

            // Publication tests build their own; the demo's published list is checked by the SQLite smoke test.
            ["Demo:Publications"] = demoPublications ? "true" : "false",
            ["Audit:ChainKey"] = AuditKey,
            ["Registry:IdHashKey"] = IdHashKey,
            ["Registry:IdEncryptionKey"] = IdEncryptionKey,
            ["Security:SignInAttemptsPerMinute"] = signInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (!demoCertificate)
        {
            // One certificate for every test app (demo mode would otherwise make one per data folder).
            _settings["DataProtection:CertificatePath"] = TestCertificate.Path;
            _settings["DataProtection:CertificatePassword"] = TestCertificate.Password;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Every warning and error the application logged, as "category: message".</summary>
    public IReadOnlyCollection<string> Warnings => _warnings;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _warnings = new();

    /// <summary>The application's clock: real time unless a test moves it forward.</summary>
    public TestClock Clock { get; } = new();

    public string ConnectionString { get; }

    /// <summary>The address of the Kestrel server (browser tests).</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // Serve wwwroot as `dotnet run` does (build-time static web assets), so browser tests see the styled pages.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new WarningCapture(_warnings)));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            _services?.Invoke(services);
            if (!_productionPasswordHashing)
            {
                services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordIterations);
            }
        });
    }

    /// <summary>A context acting as the given actor, for tests that go below the HTTP layer.</summary>
    public GongjiangDbContext CreateContext(Actor actor)
    {
        var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentActor>().Use(actor);
        return scope.ServiceProvider.GetRequiredService<GongjiangDbContext>();
    }

    public async Task<string> TokenAsync(string userName, string password = Password)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body!.AccessToken;
    }

    /// <summary>An API client carrying the bearer token of a demo account.</summary>
    public async Task<HttpClient> ApiAsAsync(string userName)
    {
        var token = await TokenAsync(userName);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Provider == DatabaseProvider.Postgres)
        {
            // Each app has its own database and so its own pool: close its idle connections now rather than let a
            // long run of apps (each with a job runner polling) exhaust the server's connection slots.
            using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Keeps the warnings and errors an application logs, for tests that assert there are none.</summary>
internal sealed class WarningCapture(System.Collections.Concurrent.ConcurrentQueue<string> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, sink);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                sink.Enqueue(category + ": " + formatter(state, exception));
            }
        }
    }
}
