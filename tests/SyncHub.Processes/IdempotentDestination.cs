using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace SyncHub.Processes;

/// <summary>
/// A loopback destination that behaves like an idempotent API: the first request with an Idempotency-Key creates
/// (201), a repeat replays (200). It records the key each create came with and every key each source id arrived
/// under, so a test can prove every record was created once and under one key. Optionally it fails a share of calls
/// with 503, takes a little time per call (so a killed process always has calls out) and serves a source feed.
/// </summary>
public sealed class IdempotentDestination : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly double _failureRate;
    private readonly TimeSpan _delay;
    private readonly Action<HttpListenerContext>? _feed;
    private int _replays;
    private int _requests;

    /// <param name="failureRate">Share of delivery calls answered 503 before anything is created.</param>
    /// <param name="delay">Time each delivery call takes.</param>
    /// <param name="feed">Answers <c>GET /feed</c>, for runs that read source records from here.</param>
    public IdempotentDestination(double failureRate = 0, TimeSpan delay = default, Action<HttpListenerContext>? feed = null)
    {
        _failureRate = failureRate;
        _delay = delay;
        _feed = feed;
        Port = LoopbackPort.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    public string FeedUrl => $"http://127.0.0.1:{Port}/feed";

    /// <summary>Each key that created something, and the source id it created.</summary>
    public ConcurrentDictionary<string, string> CreatedKeys { get; } = new();

    /// <summary>Every key each source id was sent with.</summary>
    public ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> KeysBySource { get; } = new();

    /// <summary>Repeats of an already-created key: SyncHub sent, lost the answer (killed, claim released) and sent again.</summary>
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
            if (_feed is not null && context.Request.Url!.AbsolutePath == "/feed")
            {
                _feed(context);
                return;
            }

            Interlocked.Increment(ref _requests);
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var key = context.Request.Headers["Idempotency-Key"] ?? "";
            var source = JsonDocument.Parse(body).RootElement.GetProperty("source").GetString()!;
            if (_delay > TimeSpan.Zero)
            {
                await Task.Delay(_delay, TimeProvider.System);
            }

            if (Random.Shared.NextDouble() < _failureRate)
            {
                context.Response.StatusCode = 503;
                context.Response.Close();
                return;
            }

            KeysBySource.GetOrAdd(source, _ => new()).TryAdd(key, 0);
            var created = CreatedKeys.TryAdd(key, source);
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
            // The sender was killed mid-request; the connection is gone.
        }
    }
}
