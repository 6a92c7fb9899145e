using System.Net;
using System.Text;
using Shouldly;
using SyncHub.Specs;

namespace SyncHub.Connectors.Tests.Specs;

public sealed class SpecServerScriptTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private SpecServer _server = null!;

    public async Task InitializeAsync() => _server = await SpecServer.StartAsync("square_api.json");

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Enqueue_AnswersInOrderWithHeaders_ThenFallsBackToTheHandler()
    {
        _server.Enqueue("GET", "/v2/locations",
            ScriptedResponse.Json(429, """{"errors":[{"category":"RATE_LIMIT_ERROR","code":"RATE_LIMITED"}]}""").WithHeader("Retry-After", "7"),
            ScriptedResponse.Json(503, "{}"));
        _server.Respond("GET", "/v2/locations", _ => ScriptedResponse.Json(200, """{"locations":[{"id":"L1","name":"Main"}]}"""));

        using var first = await GetLocationsAsync();
        using var second = await GetLocationsAsync();
        using var third = await GetLocationsAsync();

        first.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        first.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(7));
        second.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        third.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await third.Content.ReadAsStringAsync()).ShouldContain("Main");
        _server.PendingResponses.ShouldBe(0);
        _server.Violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task After_HoldsTheAnswerUntilTheTestReleasesIt()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Respond("GET", "/v2/locations", _ =>
        {
            arrived.TrySetResult();
            return ScriptedResponse.Json(200, """{"locations":[]}""").After(gate.Task);
        });

        var pending = GetLocationsAsync();
        (await Task.WhenAny(arrived.Task, pending)).ShouldBe(arrived.Task);
        using (var other = await GetMerchantsAsync())
        {
            // A whole round trip later the held answer is still not sent.
            other.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        pending.IsCompleted.ShouldBeFalse();
        gate.SetResult();
        using var response = await pending;

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task After_ClientGivesUp_TheServerStopsWaiting()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        _server.Respond("GET", "/v2/locations", _ =>
        {
            arrived.SetResult();
            return ScriptedResponse.Json(200, "{}").After(never.Task);
        });
        using var cancel = new CancellationTokenSource();

        var pending = GetLocationsAsync(cancel.Token);
        (await Task.WhenAny(arrived.Task, pending)).ShouldBe(arrived.Task);
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(pending);
    }

    [Fact]
    public async Task ScriptedSuccess_NotMatchingTheResponseSchema_IsAViolation()
    {
        _server.Enqueue("GET", "/v2/locations", ScriptedResponse.Json(200, """{"locations":{"id":"L1"}}"""));

        using var response = await GetLocationsAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _server.Violations.ShouldHaveSingleItem().Problems.ShouldContain(p => p.StartsWith("scripted response.locations: expected an array"));
    }

    [Fact]
    public void Enqueue_OperationNotInTheSpec_Throws()
    {
        Should.Throw<ArgumentException>(() => _server.Enqueue("GET", "/v2/clients", new ScriptedResponse(200)));
    }

    private Task<HttpResponseMessage> GetMerchantsAsync()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _server.BaseUrl + "/v2/merchants");
        request.Headers.Authorization = new("Bearer", "sq-token");
        return _http.SendAsync(request);
    }

    private Task<HttpResponseMessage> GetLocationsAsync(CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _server.BaseUrl + "/v2/locations");
        request.Headers.Authorization = new("Bearer", "sq-token");
        return _http.SendAsync(request, cancellationToken);
    }
}
