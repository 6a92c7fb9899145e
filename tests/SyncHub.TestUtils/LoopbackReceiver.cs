using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using SyncHub.Processes;

namespace SyncHub.TestUtils;

/// <summary>
/// A webhook receiver on a loopback port that keeps what it was sent and answers look-ups, the way an ERP's inbound
/// endpoint would: a POST to <see cref="HookUrl"/> stores the JSON body under its <c>ref</c> field (a repeat replaces it,
/// an upsert), and a GET of <see cref="LookupTemplate"/> answers the stored body (200) or 404. Tests lose or alter records
/// to play an outage or an edit at the destination.
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, string> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _posted = new();
    private readonly Task _loop;

    public LoopbackReceiver()
    {
        var port = LoopbackPort.Free();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public string HookUrl => BaseUrl + "/hook";

    /// <summary>The webhook connector's <c>lookupUrl</c> for this receiver.</summary>
    public string LookupTemplate => BaseUrl + "/records/{sourceId}";

    /// <summary>The <c>ref</c> of every POST, in arrival order.</summary>
    public IReadOnlyList<string> Posted => [.. _posted];

    public IReadOnlyCollection<string> Held => [.. _held.Keys];

    public void Lose(string reference) => _held.TryRemove(reference, out _);

    public void Replace(string reference, string json) => _held[reference] = json;

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
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
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var (status, body) = context.Request.HttpMethod == "POST" ? await StoreAsync(context.Request) : Find(context.Request.Url!.AbsolutePath);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(body);
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private async Task<(int, string)> StoreAsync(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        using var document = JsonDocument.Parse(body);
        var reference = document.RootElement.GetProperty("ref").GetString()!;
        _held[reference] = body;
        _posted.Enqueue(reference);
        return (201, $$"""{"id": "R-{{reference}}"}""");
    }

    private (int, string) Find(string path)
    {
        const string prefix = "/records/";
        var reference = path.StartsWith(prefix, StringComparison.Ordinal) ? Uri.UnescapeDataString(path[prefix.Length..]) : "";
        return _held.TryGetValue(reference, out var body) ? (200, body) : (404, """{"error": "not found"}""");
    }
}
