using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace SyncHub.Processes;

/// <summary>
/// SyncHub started from its build output (<c>dotnet SyncHub.Web.dll</c>) as its own OS process, configured from the
/// command line. <see cref="Dispose"/> kills it (SIGKILL, as a crash would); <see cref="DisposeAsync"/> asks it to
/// stop (SIGTERM) so SQLite checkpoints and the database can be reused.
/// </summary>
public sealed class SyncHubProcess : IDisposable, IAsyncDisposable
{
    private readonly Process _process;
    private readonly OutputTail _tail = new();

    private SyncHubProcess(Process process, string name, string baseUrl)
    {
        _process = process;
        Name = name;
        BaseUrl = baseUrl;
        // For profiling: SYNCHUB_PROCESS_OUTPUT names a file that receives every line, not only the tail.
        var copy = Environment.GetEnvironmentVariable("SYNCHUB_PROCESS_OUTPUT") is { Length: > 0 } path ? TextWriter.Synchronized(new StreamWriter(path, append: true) { AutoFlush = true }) : null;
        _process.OutputDataReceived += (_, e) => { _tail.Add(e.Data); copy?.WriteLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { _tail.Add(e.Data); copy?.WriteLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public string BaseUrl { get; }

    public int Id => _process.Id;

    /// <summary>Time since the process was started.</summary>
    public Stopwatch SinceStart { get; } = Stopwatch.StartNew();

    /// <summary>The last lines the process wrote to stdout and stderr.</summary>
    public string OutputTail => _tail.ToString();

    /// <summary>Starts the process and returns at once; <see cref="WaitUntilHealthyAsync"/> waits for it to answer.</summary>
    /// <param name="settings">Configuration as <c>--Key=value</c> arguments (connection string, API key, administrator...).</param>
    public static SyncHubProcess Start(string appPath, string baseUrl, IEnumerable<string> settings, string name = "SyncHub")
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(appPath))!,
        };
        start.ArgumentList.Add(appPath);
        start.ArgumentList.Add($"--Urls={baseUrl}");
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        return new SyncHubProcess(Process.Start(start)!, name, baseUrl);
    }

    /// <summary>Starts the process and waits until <c>/healthz</c> answers; a process that never does is killed.</summary>
    public static async Task<SyncHubProcess> StartHealthyAsync(string appPath, string baseUrl, IEnumerable<string> settings, TimeSpan limit, string name = "SyncHub")
    {
        var process = Start(appPath, baseUrl, settings, name);
        try
        {
            await process.WaitUntilHealthyAsync(limit);
            return process;
        }
        catch
        {
            process.Dispose(); // never leave a half-started process running
            throw;
        }
    }

    public HttpClient CreateApiClient(string apiKey, TimeSpan timeout)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = timeout };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public Task WaitUntilHealthyAsync(TimeSpan limit) => WaitForAsync("/healthz", limit, poll: TimeSpan.FromMilliseconds(100));

    /// <summary>Polls <paramref name="path"/> until it answers 200. Start-up timing polls tightly (a few milliseconds).</summary>
    public async Task WaitForAsync(string path, TimeSpan limit, HttpClient? client = null, TimeSpan? poll = null)
    {
        using var own = client is null ? new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(60) } : null;
        var http = client ?? own!;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited during start-up:\n{OutputTail}");
            }

            try
            {
                using var response = await http.GetAsync(path);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, but still too busy starting to answer.
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(5), TimeProvider.System);
        }

        throw new TimeoutException($"{Name} did not answer {path} within {limit}:\n{OutputTail}");
    }

    /// <summary>Resident memory now (VmRSS) and at its peak since start (VmHWM), in bytes.</summary>
    public (long Resident, long Peak) Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        return (Kilobytes(status, "VmRSS:") * 1024, Kilobytes(status, "VmHWM:") * 1024);
    }

    /// <summary>CPU time the process has used so far, user and system, from /proc (clock ticks of 10 ms).</summary>
    public TimeSpan CpuTime()
    {
        // Fields after the command name (which may hold spaces) start at the third: utime and stime are the 14th and 15th.
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>SIGSTOP: the process stops where it is, mid-call, and changes nothing until thawed or killed.</summary>
    public Task FreezeAsync() => SignalAsync("-STOP");

    /// <summary>SIGCONT: a frozen process carries on.</summary>
    public Task ThawAsync() => SignalAsync("-CONT");

    /// <summary>SIGKILL: no shutdown hooks, no flushing; whatever was in flight is lost mid-air.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var stop = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
            }
        }

        _process.Dispose();
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [signal, _process.Id.ToString(CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {_process.Id} exited with {kill.ExitCode}.");
        }
    }

    private static long Kilobytes(string[] status, string key) =>
        long.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}
