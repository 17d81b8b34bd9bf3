using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Gongjiang.BenchSupport;

/// <summary>
/// The PostgreSQL the benchmark runs against: the server named by <c>--pg</c> or <c>GONGJIANG_BENCH_PG</c>, or else a
/// throwaway PostgreSQL (15 preferred) started with <c>initdb</c> + <c>pg_ctl</c> in a temporary folder on a free
/// loopback port (as the <c>postgres</c> user when running as root), stopped and removed on dispose. Same logic as
/// tests/Gongjiang.Web.Tests/Infrastructure/PostgresServer.cs, with a larger shared_buffers for a million rows. Shared by
/// every benchmark project under bench/.
/// </summary>
public sealed class PostgresHost : IDisposable
{
    private readonly string? _folder;
    private readonly string? _binaries;
    private readonly bool _asPostgresUser;

    private PostgresHost(string adminConnection, string? folder, string? binaries, bool asPostgresUser, string description)
    {
        AdminConnection = adminConnection;
        _folder = folder;
        _binaries = binaries;
        _asPostgresUser = asPostgresUser;
        Description = description;
    }

    public string AdminConnection { get; }

    public string Description { get; }

    public static PostgresHost StartOrConnect(string? connection)
    {
        var external = connection ?? Environment.GetEnvironmentVariable("GONGJIANG_BENCH_PG");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresHost(external, null, null, false, "existing server (--pg / GONGJIANG_BENCH_PG)");
        }

        var binaries = FindBinaries();
        var asPostgres = GetUid() == 0;
        var folder = Path.Combine(Path.GetTempPath(), "gongjiang-bench-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        if (asPostgres)
        {
            Run("chown", $"postgres:postgres {folder}", asPostgres: false);
        }

        var data = Path.Combine(folder, "data");
        Run(Path.Combine(binaries, "initdb"), $"-D {data} -U postgres -A trust -E UTF8 --no-locale --no-sync", asPostgres);
        var port = FreePort();
        var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off " +
                      "-c max_connections=50 -c shared_buffers=1GB -c maintenance_work_mem=512MB -c max_wal_size=4GB -c checkpoint_timeout=30min";
        Run(Path.Combine(binaries, "pg_ctl"), $"-D {data} -l {Path.Combine(folder, "server.log")} -o \"{options}\" -w -t 60 start", asPostgres);
        var version = Path.GetFileName(Path.GetDirectoryName(binaries)) ?? "?";
        return new PostgresHost(
            $"Host=127.0.0.1;Port={port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database=postgres;Include Error Detail=true",
            folder,
            binaries,
            asPostgres,
            $"throwaway PostgreSQL {version} (fsync=off, synchronous_commit=off, full_page_writes=off, shared_buffers=1GB)");
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public string CreateDatabase(string label)
    {
        var name = "gjb_" + label + "_" + Guid.NewGuid().ToString("N")[..8];
        using (var connection = new NpgsqlConnection(AdminConnection))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnection) { Database = name, Pooling = true, MaxPoolSize = 20, CommandTimeout = 0 }.ConnectionString;
    }

    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(AdminConnection);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (_folder is null || _binaries is null)
        {
            return;
        }

        try
        {
            Run(Path.Combine(_binaries, "pg_ctl"), $"-D {Path.Combine(_folder, "data")} -m immediate -w stop", _asPostgresUser);
        }
        finally
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover in the temporary directory is harmless.
            }
        }
    }

    private static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
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

        throw new InvalidOperationException("PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql: install them, or pass --pg / set GONGJIANG_BENCH_PG.");
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
