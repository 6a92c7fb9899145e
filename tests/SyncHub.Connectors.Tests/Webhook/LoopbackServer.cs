using System.Collections.Concurrent;
using System.Net;
using System.Text;
using SyncHub.Processes;

namespace SyncHub.Connectors.Tests.Webhook;

/// <summary>A real HTTP server on 127.0.0.1 that records requests and answers with scripted responses.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<ScriptedResponse> _responses = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LoopbackServer(HttpListener listener, Uri url)
    {
        _listener = listener;
        Url = url;
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static LoopbackServer Start()
    {
        // Another process can grab the port between probe and bind, so try a few.
        for (var attempt = 0; ; attempt++)
        {
            var url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(url.ToString());
            try
            {
                listener.Start();
                return new LoopbackServer(listener, url);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    public void Enqueue(ScriptedResponse response) => _responses.Enqueue(response);

    public async ValueTask DisposeAsync()
    {
        // HttpListener's managed Close can race a GetContextAsync that is just starting and leave it pending
        // forever; the loop stops on the token instead, so disposal never waits on the listener.
        await _stop.CancelAsync();
        _listener.Close();
        await _loop;
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException
                                           or OperationCanceledException)
            {
                return;
            }

            try
            {
                await RecordAsync(context.Request);
                await AnswerAsync(context.Response);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException)
            {
                // The client may hang up early, for example once it has read all it wants of a long body.
                context.Response.Abort();
            }
        }
    }

    private async Task RecordAsync(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = request.Headers.AllKeys
            .Where(key => key is not null)
            .ToDictionary(key => key!, key => request.Headers[key]!, StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(request.HttpMethod, request.RawUrl ?? request.Url!.AbsolutePath, headers, body));
    }

    private async Task AnswerAsync(HttpListenerResponse response)
    {
        var scripted = _responses.TryDequeue(out var next) ? next : new ScriptedResponse(500, "No scripted response left.");
        response.StatusCode = scripted.Status;
        foreach (var (name, value) in scripted.Headers ?? new Dictionary<string, string>())
        {
            response.AddHeader(name, value);
        }

        var bytes = Encoding.UTF8.GetBytes(scripted.Body);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }
}
