using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SyncHub.Cluster.Tests;

/// <summary>One SyncHub node run from its build output as a real OS process on a shared PostgreSQL store.</summary>
public sealed class ClusterNode : IDisposable
{
    public const string ApiKey = "cluster-test-key-0123456789";

    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private ClusterNode(Process process, string name, string baseUrl)
    {
        _process = process;
        Name = name;
        BaseUrl = baseUrl;
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public string BaseUrl { get; }

    public string OutputTail
    {
        get
        {
            lock (_tail)
            {
                return string.Join(Environment.NewLine, _tail);
            }
        }
    }

    public static async Task<ClusterNode> StartAsync(string name, string connectionString)
    {
        var root = RepositoryRoot();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var app = Path.Combine(root, "src", "SyncHub.Web", "bin", configuration, "net10.0", "SyncHub.Web.dll");
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        foreach (var argument in new[]
                 {
                     app, $"--Urls={baseUrl}", "--SyncHub:Database:Provider=Postgres", $"--ConnectionStrings:SyncHub={connectionString}",
                     $"--SyncHub:Cluster:NodeId={name}", "--SyncHub:Cluster:HeartbeatSeconds=1", "--SyncHub:Cluster:LeaseSeconds=20",
                     "--SyncHub:Demo:Enabled=false", $"--SyncHub:ApiKeys:0={ApiKey}",
                     "--SyncHub:Admin:Email=admin@cluster.test", "--SyncHub:Admin:Password=cluster-test-password-1",
                     "--Logging:LogLevel:Default=Warning",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var node = new ClusterNode(Process.Start(start)!, name, baseUrl);
        try
        {
            await node.WaitUntilHealthyAsync();
            return node;
        }
        catch
        {
            node.Dispose(); // never leave a half-started node running
            throw;
        }
    }

    public HttpClient CreateApiClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>SIGKILL: no shutdown hooks; its claims stay in the database until its lease runs out.</summary>
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

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 1800; i++) // three minutes: a cold start on a busy machine is slow
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited during start-up:\n" + OutputTail);
            }

            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Name} did not become healthy:\n" + OutputTail);
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

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SyncHub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
