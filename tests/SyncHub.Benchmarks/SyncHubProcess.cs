using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SyncHub.Benchmarks;

/// <summary>
/// SyncHub started from its Release build as its own OS process, on its own SQLite file, with an API key and an
/// administrator from the command line and the demo off, the way an operator would run it.
/// </summary>
internal sealed class SyncHubProcess : IAsyncDisposable
{
    public const string ApiKey = "bench-key-0123456789abcdef";
    public const string AdminEmail = "admin@bench.test";
    public const string AdminPassword = "bench-password-123";

    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private SyncHubProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string BaseUrl { get; }

    public int Id => _process.Id;

    /// <summary>When the process was started, on the harness's stopwatch.</summary>
    public Stopwatch SinceStart { get; } = Stopwatch.StartNew();

    /// <summary>Starts the process and returns at once; <see cref="WaitUntilHealthyAsync"/> waits for it to answer.</summary>
    public static SyncHubProcess Start(BenchContext context, string databasePath, params string[] settings)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = context.RepositoryRoot };
        string[] arguments =
        [
            context.AppPath, $"--Urls={baseUrl}", $"--ConnectionStrings:SyncHub=Data Source={databasePath}",
            "--SyncHub:Demo:Enabled=false", $"--SyncHub:ApiKeys:0={ApiKey}", $"--SyncHub:Admin:Email={AdminEmail}",
            $"--SyncHub:Admin:Password={AdminPassword}", "--SyncHub:Delivery:InCallRetries=0",
            $"--SyncHub:Delivery:Concurrency={context.Options.Concurrency.ToString(CultureInfo.InvariantCulture)}",
            "--Logging:LogLevel:Default=Warning", .. settings,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new SyncHubProcess(Process.Start(start)!, baseUrl);
    }

    public static async Task<SyncHubProcess> StartHealthyAsync(BenchContext context, string databasePath, params string[] settings)
    {
        var process = Start(context, databasePath, settings);
        await process.WaitUntilHealthyAsync();
        return process;
    }

    public HttpClient CreateApiClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(120) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>Resident memory now (VmRSS) and at its peak since start (VmHWM), in bytes.</summary>
    public (long Resident, long Peak) Memory()
    {
        long Read(string[] lines, string key) =>
            long.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        return (Read(status, "VmRSS:"), Read(status, "VmHWM:"));
    }

    public async Task WaitUntilHealthyAsync() => await WaitForAsync("/healthz", TimeSpan.FromMinutes(2));

    /// <summary>Polls <paramref name="path"/> until it answers 200; for start-up timing the poll is tight (5 ms).</summary>
    public async Task WaitForAsync(string path, TimeSpan limit, HttpClient? client = null)
    {
        using var own = client is null ? new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(60) } : null;
        var http = client ?? own!;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("SyncHub exited during start-up:\n" + Tail());
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

            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
        }

        throw new TimeoutException($"SyncHub did not answer {path}:\n" + Tail());
    }

    /// <summary>Asks the process to stop (SIGTERM) and waits, so SQLite checkpoints and the file can be reused.</summary>
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
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    public string Tail()
    {
        lock (_tail)
        {
            return string.Join(Environment.NewLine, _tail);
        }
    }

    internal static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
    }
}
