using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gongjiang.Web.Tests.Production;

/// <summary>Runs a program as its own process (a command to completion, or a server in the background).</summary>
public sealed class ProcessRunner : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ProcessRunner(string file, IEnumerable<string> arguments, IDictionary<string, string> environment, string workingDirectory)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ProcessRunner Start(string file, IEnumerable<string> arguments, IDictionary<string, string> environment, string workingDirectory) =>
        new(file, arguments, environment, workingDirectory);

    /// <summary>Runs to completion (or fails the test after the timeout) and returns the exit code and all output.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(
        string file, IEnumerable<string> arguments, IDictionary<string, string> environment, string workingDirectory, TimeSpan timeout)
    {
        using var runner = Start(file, arguments, environment, workingDirectory);
        await runner.WaitAsync(timeout);
        return (runner.ExitCode, runner.Output);
    }

    public async Task WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"{_process.StartInfo.FileName} {string.Join(' ', _process.StartInfo.ArgumentList)} did not end within {timeout}: {Output}");
        }

        _process.WaitForExit(); // drains the output
    }

    /// <summary>Waits until the server answers on the URL, or fails with its output.</summary>
    public async Task WaitUntilReadyAsync(HttpClient client, string url, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server exited ({_process.ExitCode}) before it was ready: {Output}");
            }

            try
            {
                using var response = await client.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"the server did not answer {url} within {timeout}: {Output}");
    }

    /// <summary>Ends the process at once, as <c>kill -9</c> does (no shutdown, no cleanup).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The checkout's root (where Gongjiang.slnx is), found from the test assembly's folder.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Gongjiang.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Gongjiang.slnx not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
