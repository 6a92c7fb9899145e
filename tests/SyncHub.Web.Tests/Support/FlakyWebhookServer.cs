using System.Collections.Concurrent;
using System.Net;
using System.Text;
using SyncHub.Processes;

namespace SyncHub.Web.Tests.Support;

/// <summary>
/// A real HTTP destination on a loopback port: the first request for each <c>Idempotency-Key</c> gets 503,
/// every later one 201 with an id. It counts what it accepted per key, so a test can prove nothing was
/// delivered twice.
/// </summary>
internal sealed class FlakyWebhookServer : IAsyncDisposable
{
    private const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _accepted = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private int _withoutKey;

    public FlakyWebhookServer()
    {
        Port = LoopbackPort.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string HookUrl => $"http://127.0.0.1:{Port}/hook";

    /// <summary>201 answers per idempotency key.</summary>
    public IReadOnlyDictionary<string, int> Accepted => _accepted;

    /// <summary>Requests per idempotency key, refused or not.</summary>
    public IReadOnlyDictionary<string, int> Seen => _seen;

    public int RequestsWithoutKey => Volatile.Read(ref _withoutKey);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    private async Task AcceptAsync()
    {
        while (true)
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

            _ = Task.Run(() => RespondAsync(context));
        }
    }

    // Close(), never Dispose(): the managed HttpListener's Dispose aborts the keep-alive connection the client
    // is about to reuse, which would show up as spurious connection failures.
    private async Task RespondAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            await context.Request.InputStream.CopyToAsync(Stream.Null);
            var key = context.Request.Headers[IdempotencyKeyHeader];
            if (string.IsNullOrEmpty(key))
            {
                Interlocked.Increment(ref _withoutKey);
                await WriteAsync(response, HttpStatusCode.BadRequest, "text/plain", "Idempotency-Key is required");
            }
            else if (_seen.AddOrUpdate(key, 1, (_, count) => count + 1) == 1)
            {
                await WriteAsync(response, HttpStatusCode.ServiceUnavailable, "text/plain", "busy, try again later");
            }
            else
            {
                _accepted.AddOrUpdate(key, 1, (_, count) => count + 1);
                await WriteAsync(response, HttpStatusCode.Created, "application/json", $$"""{"id": "ext-{{key}}"}""");
            }
        }
        finally
        {
            response.Close();
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, HttpStatusCode status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = (int)status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }
}
