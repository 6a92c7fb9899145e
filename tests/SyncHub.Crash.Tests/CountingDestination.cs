using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace SyncHub.Crash.Tests;

/// <summary>
/// A loopback destination that behaves like an idempotent API: the first request with an Idempotency-Key
/// creates (201), a repeat replays (200). It records which keys each source id arrived under, and fails a
/// share of calls with 503 so failure and retry paths run too.
/// </summary>
public sealed class CountingDestination : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly double _failureRate;
    private readonly SourceFeed _feed;
    private int _replays;

    public CountingDestination(double failureRate, int feedRecords = 0)
    {
        _failureRate = failureRate;
        _feed = new SourceFeed(feedRecords);
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    /// <summary>A JSON feed of source records for SyncHub's runs to read (the webhook connector's <c>sourceUrl</c>).</summary>
    public string FeedUrl => $"http://127.0.0.1:{Port}/feed";

    /// <summary>Each key that created something, and the source id it created.</summary>
    public ConcurrentDictionary<string, string> CreatedKeys { get; } = new();

    /// <summary>Repeats of an already-created key: SyncHub delivered, died before recording it, and sent it again.</summary>
    public int Replays => _replays;

    /// <summary>Every key each source id was sent with.</summary>
    public ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> KeysBySource { get; } = new();

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

            _ = Task.Run(() => Answer(context));
        }
    }

    private void Answer(HttpListenerContext context)
    {
        try
        {
            if (context.Request.Url!.AbsolutePath == "/feed")
            {
                _feed.Answer(context);
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = reader.ReadToEnd();
            var key = context.Request.Headers["Idempotency-Key"] ?? "";
            var source = JsonDocument.Parse(body).RootElement.GetProperty("source").GetString()!;
            if (Random.Shared.NextDouble() < _failureRate)
            {
                context.Response.StatusCode = 503;
            }
            else
            {
                KeysBySource.GetOrAdd(source, _ => new()).TryAdd(key, 0);
                var created = CreatedKeys.TryAdd(key, source);
                if (!created)
                {
                    Interlocked.Increment(ref _replays);
                }

                context.Response.StatusCode = created ? 201 : 200;
                var answer = Encoding.UTF8.GetBytes($$"""{"id":"{{key}}"}""");
                context.Response.OutputStream.Write(answer);
            }

            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or JsonException or ObjectDisposedException)
        {
            // SyncHub was killed mid-request; the connection is gone.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
