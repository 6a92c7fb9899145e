using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace SyncHub.Connectors.Tests.Xero;

/// <summary>
/// An HttpMessageHandler standing in for Xero's token endpoint and Accounting API: each answers from its own
/// queue of scripted replies (500 "nothing scripted" when the queue is empty) and every request is recorded.
/// Given a real handler, API calls go to it instead (a spec server); the token endpoint, which the Accounting
/// spec does not describe, stays scripted.
/// </summary>
internal sealed class FakeXero(HttpMessageHandler? api = null) : HttpMessageHandler
{
    public const string TokenUrl = "https://identity.xero.test/connect/token";
    public const string BaseUrl = "https://api.xero.test/api.xro/2.0";

    private readonly ConcurrentQueue<Func<CancellationToken, Task<HttpResponseMessage>>> _token = new();
    private readonly ConcurrentQueue<Func<CancellationToken, Task<HttpResponseMessage>>> _api = new();
    private readonly ConcurrentQueue<SentRequest> _sent = new();
    private readonly HttpMessageInvoker? _forward = api is null ? null : new HttpMessageInvoker(api);

    public IReadOnlyList<SentRequest> Sent => [.. _sent];

    public IReadOnlyList<SentRequest> ApiCalls => [.. _sent.Where(request => !request.IsTokenCall)];

    public IReadOnlyList<SentRequest> TokenCalls => [.. _sent.Where(request => request.IsTokenCall)];

    public void Token(int status, string body, IReadOnlyDictionary<string, string>? headers = null) =>
        _token.Enqueue(_ => Task.FromResult(Response(status, body, headers)));

    /// <summary>A successful refresh handing out <paramref name="accessToken"/> and the rotated <paramref name="refreshToken"/>.</summary>
    public void Grant(string accessToken, string refreshToken, int expiresIn = 1800) =>
        Token(200, JsonSerializer.Serialize(new { id_token = "id", access_token = accessToken, expires_in = expiresIn, token_type = "Bearer", refresh_token = refreshToken, scope = "accounting.transactions offline_access" }));

    /// <summary>A refresh answered only once <paramref name="release"/> completes.</summary>
    public void GrantWhen(Task release, string accessToken, string refreshToken) =>
        _token.Enqueue(async _ =>
        {
            await release;
            return Response(200, JsonSerializer.Serialize(new { access_token = accessToken, expires_in = 1800, refresh_token = refreshToken }), null);
        });

    public void Api(int status, string body = "", IReadOnlyDictionary<string, string>? headers = null) =>
        _api.Enqueue(_ => Task.FromResult(Response(status, body, headers)));

    /// <summary>An API call that never answers; it ends only when the caller cancels.</summary>
    public void ApiHangs() =>
        _api.Enqueue(async cancellationToken =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return Response(200, "", null);
        });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(header => header.Key, header => string.Join(", ", header.Value), StringComparer.OrdinalIgnoreCase);
        var sent = new SentRequest(request.Method.Method, request.RequestUri!, headers, body);
        _sent.Enqueue(sent);
        if (!sent.IsTokenCall && _forward is not null)
        {
            return await _forward.SendAsync(request, cancellationToken);
        }

        var queue = sent.IsTokenCall ? _token : _api;
        return queue.TryDequeue(out var reply)
            ? await reply(cancellationToken)
            : Response(500, "{\"Message\":\"Nothing scripted\"}", null);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _forward?.Dispose();
        }

        base.Dispose(disposing);
    }

    private static HttpResponseMessage Response(int status, string body, IReadOnlyDictionary<string, string>? headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
