using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace SyncHub.Cluster.Tests;

/// <summary>
/// A loopback destination that behaves like an idempotent API: the first request with an Idempotency-Key creates
/// (201), a repeat replays (200). It counts creates per key and remembers every key each source id came with.
/// Each call takes a few milliseconds, so a node always has claims out when it is killed.
/// </summary>
public sealed class LoopbackDestination : IDisposable
{
    private readonly HttpListener _listener = new();
    private int _replays;
    private int _requests;

    public LoopbackDestination()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    /// <summary>Creates per idempotency key.</summary>
    public ConcurrentDictionary<string, int> CreatesByKey { get; } = new();

    /// <summary>Every key each source id was sent with.</summary>
    public ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> KeysBySource { get; } = new();

    /// <summary>Repeats of an already-created key: a claim released from the killed node was delivered again.</summary>
    public int Replays => _replays;

    public int Requests => _requests;

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            Interlocked.Increment(ref _requests);
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var key = context.Request.Headers["Idempotency-Key"] ?? "";
            var source = JsonDocument.Parse(body).RootElement.GetProperty("source").GetString()!;
            await Task.Delay(3);
            KeysBySource.GetOrAdd(source, _ => new()).TryAdd(key, 0);
            var created = false;
            CreatesByKey.AddOrUpdate(key, _ => { created = true; return 1; }, (_, count) => count);
            if (!created)
            {
                Interlocked.Increment(ref _replays);
            }

            context.Response.StatusCode = created ? 201 : 200;
            await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes($$"""{"id":"{{key}}"}"""));
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or JsonException or ObjectDisposedException)
        {
            // The node was killed mid-request; the connection is gone.
        }
    }
}
