using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Gongjiang.Web.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL for the test run: <c>initdb</c> + <c>pg_ctl</c> into a temporary folder on a free loopback port,
/// stopped and removed when the run ends. As root, the server runs as the <c>postgres</c> system user (initdb refuses
/// root). A connection string in <c>GONGJIANG_TEST_PG</c> replaces the harness. Each test app gets its own database.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> AdminConnection = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static string? _folder;
    private static string? _binaries;
    private static bool _asPostgresUser;

    public static string CreateDatabase()
    {
        var admin = AdminConnection.Value;
        var name = "gj_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 20, ConnectionIdleLifetime = 10, ConnectionPruningInterval = 5 }.ConnectionString;
    }

    /// <summary>
    /// Drops a database made by <see cref="CreateDatabase"/> once its app is done: a run creates hundreds, and kept they
    /// fill gigabytes of the machine's disk. Best effort; the server and its folder go at the end of the run anyway.
    /// </summary>
    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (name is null || !name.StartsWith("gj_", StringComparison.Ordinal) || !AdminConnection.IsValueCreated)
        {
            return;
        }

        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        try
        {
            using var connection = new NpgsqlConnection(AdminConnection.Value);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
        catch (PostgresException)
        {
        }
        catch (NpgsqlException)
        {
        }
    }

    private static string Start()
    {
        var external = Environment.GetEnvironmentVariable("GONGJIANG_TEST_PG");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return external;
        }

        _binaries = FindBinaries();
        RemoveLeftovers();
        _asPostgresUser = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root" || GetUid() == 0;
        _folder = Path.Combine(Path.GetTempPath(), "gongjiang-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
        if (_asPostgresUser)
        {
            Run("chown", $"postgres:postgres {_folder}", asPostgres: false);
        }

        var data = Path.Combine(_folder, "data");
        Run(Path.Combine(_binaries, "initdb"), $"-D {data} -U postgres -A trust -E UTF8 --no-locale --no-sync", asPostgres: _asPostgresUser);
        var port = FreePort();
        var options = $"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=600";
        Run(Path.Combine(_binaries, "pg_ctl"), $"-D {data} -l {Path.Combine(_folder, "server.log")} -o \"{options}\" -w -t 60 start", asPostgres: _asPostgresUser);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        return $"Host=127.0.0.1;Port={port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database=postgres;Include Error Detail=true";
    }

    private static void Stop()
    {
        if (_folder is null || _binaries is null)
        {
            return;
        }

        try
        {
            Run(Path.Combine(_binaries, "pg_ctl"), $"-D {Path.Combine(_folder, "data")} -m immediate -w stop", asPostgres: _asPostgresUser);
        }
        finally
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover is removed by the next run (RemoveLeftovers).
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>
    /// Removes the folders of earlier runs whose server is gone (a run killed before it could clean up), so that runs on
    /// one machine do not pile up gigabytes in the temporary directory.
    /// </summary>
    private static void RemoveLeftovers()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "gongjiang-pg-*"))
        {
            var pidFile = Path.Combine(folder, "data", "postmaster.pid");
            try
            {
                if (File.Exists(pidFile)
                    && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
                    && Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}"))
                {
                    continue;
                }

                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        if (Directory.Exists(root))
        {
            var versions = Directory.GetDirectories(root)
                .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .ToList();
            var preferred = versions.FirstOrDefault(d => Path.GetFileName(d) == "15") ?? versions.FirstOrDefault();
            if (preferred is not null)
            {
                return Path.Combine(preferred, "bin");
            }
        }

        throw new InvalidOperationException("PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql: run ./test.sh, which installs them, or set GONGJIANG_TEST_PG.");
    }

    private static void Run(string file, string arguments, bool asPostgres)
    {
        var info = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} timed out");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {stdout.Result} {stderr.Result}");
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static int GetUid()
    {
        try
        {
            var status = File.ReadAllLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            return status is null ? -1 : int.Parse(status.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }
}
