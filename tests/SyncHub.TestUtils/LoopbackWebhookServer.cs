using System.Collections.Concurrent;
using System.Net;
using System.Text;
using SyncHub.Processes;

namespace SyncHub.TestUtils;

/// <summary>
/// A webhook receiver on a loopback port (HttpListener). It keeps every body it was sent and answers with
/// <see cref="StatusCode"/>, which a test may change between deliveries.
/// </summary>
public sealed class LoopbackWebhookServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<string> _bodies = new();
    private readonly Task _loop;

    public LoopbackWebhookServer()
    {
        var port = LoopbackPort.Free();
        Url = $"http://127.0.0.1:{port}/hooks/T000/secret-token-123";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>The hook's address; its path plays the part of the token a real webhook URL carries.</summary>
    public string Url { get; }

    public volatile int StatusCode = 200;

    /// <summary>A failure answer quotes the request's headers, as a careless destination or proxy does.</summary>
    public volatile bool EchoHeaders;

    public IReadOnlyList<string> Bodies => [.. _bodies];

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                _bodies.Enqueue(await reader.ReadToEndAsync());
            }

            var status = StatusCode;
            context.Response.StatusCode = status;
            var answer = Encoding.UTF8.GetBytes(status == 200 ? "ok"
                : EchoHeaders ? "Bad request. You sent: " + string.Join("; ", context.Request.Headers.AllKeys.Select(k => $"{k}: {context.Request.Headers[k]}"))
                : "<html>upstream broke</html>");
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
    }
}
