using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using SyncHub.Connectors.Webhook;
using SyncHub.Processes;

namespace SyncHub.Connectors.Tests.Webhook;

public sealed class WebhookGatewayTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly LoopbackServer _server = LoopbackServer.Start();
    private WebhookGateway _gateway = null!;

    public Task InitializeAsync()
    {
        _gateway = new WebhookGateway(new ConnectorServices(_http, _time, NullLoggerFactory.Instance));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public void Info_Always_DescribesTheWebhookConnector()
    {
        _gateway.Info.Name.ShouldBe("webhook");
        _gateway.Info.DisplayName.ShouldBe("Webhook");
        _gateway.Info.Version.ShouldBe("1.0.0");
    }

    [Fact]
    public async Task DeliverAsync_Created_PostsBodyWithIdempotencyKeyAndJsonContentType()
    {
        _server.Enqueue(new ScriptedResponse(201, """{"id":"abc"}"""));

        await _gateway.DeliverAsync(Requests.Create(Settings(), idempotencyKey: "rec-7-key"), CancellationToken.None);

        var received = _server.Requests.ShouldHaveSingleItem();
        received.Method.ShouldBe("POST");
        received.Path.ShouldBe("/hooks/invoices");
        received.Body.ShouldBe(Requests.InvoiceBody);
        received.Headers["Idempotency-Key"].ShouldBe("rec-7-key");
        received.Headers["Content-Type"].ShouldStartWith("application/json");
    }

    [Fact]
    public async Task DeliverAsync_CustomHeaders_SendsValidOnesAndNeverOverridesReservedOnes()
    {
        _server.Enqueue(new ScriptedResponse(200));
        var headers = """
            {"X-Tenant": "acme", "Authorization": "Bearer t0ken", "Idempotency-Key": "forged", "content-type": "text/plain",
             "Bad Header": "x", "X-Split": "a\r\nInjected: yes", "X-Number": 5}
            """;

        await _gateway.DeliverAsync(Requests.Create(Settings(headers: headers), idempotencyKey: "real-key"), CancellationToken.None);

        var received = _server.Requests.ShouldHaveSingleItem().Headers;
        received["X-Tenant"].ShouldBe("acme");
        received["Authorization"].ShouldBe("Bearer t0ken");
        received["Idempotency-Key"].ShouldBe("real-key");
        received["Content-Type"].ShouldStartWith("application/json");
        received.ShouldNotContainKey("Bad Header");
        received.ShouldNotContainKey("X-Split");
        received.ShouldNotContainKey("Injected");
        received.ShouldNotContainKey("X-Number");
    }

    [Fact]
    public async Task DeliverAsync_201WithStringId_ReturnsDeliveredWithExternalId()
    {
        _server.Enqueue(new ScriptedResponse(201, """{"id":"abc","status":"created"}"""));

        var outcome = await _gateway.DeliverAsync(Requests.Create(Settings()), CancellationToken.None);

        outcome.IsDelivered.ShouldBeTrue();
        outcome.HttpStatus.ShouldBe(201);
        outcome.ExternalId.ShouldBe("abc");
    }

    [Theory]
    [InlineData("""{"id": 4711}""", "4711")]
    [InlineData("""{"ok": true}""", null)]
    [InlineData("accepted, thanks", null)]
    [InlineData("", null)]
    public async Task DeliverAsync_2xxBody_ReadsIdWhenPresentAndNeverFails(string body, string? expectedId)
    {
        _server.Enqueue(new ScriptedResponse(200, body));

        var outcome = await _gateway.DeliverAsync(Requests.Create(Settings()), CancellationToken.None);

        outcome.IsDelivered.ShouldBeTrue();
        outcome.ExternalId.ShouldBe(expectedId);
    }

    [Fact]
    public async Task DeliverAsync_503WithRetryAfterSeconds_ReturnsTransientWithRetryAfter()
    {
        _server.Enqueue(new ScriptedResponse(503, "down for maintenance", new Dictionary<string, string> { ["Retry-After"] = "7" }));

        var outcome = await _gateway.DeliverAsync(Requests.Create(Settings()), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.Transient);
        outcome.HttpStatus.ShouldBe(503);
        outcome.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        outcome.Message.ShouldBe("HTTP 503 Service Unavailable: down for maintenance");
    }

    [Fact]
    public async Task DeliverAsync_429WithRetryAfterDate_ReturnsRateLimitedRelativeToTimeProvider()
    {
        var retryAt = _time.GetUtcNow().AddMinutes(2).ToString("R");
        _server.Enqueue(new ScriptedResponse(429, "", new Dictionary<string, string> { ["Retry-After"] = retryAt }));

        var outcome = await _gateway.DeliverAsync(Requests.Create(Settings()), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.RateLimited);
        outcome.RetryAfter.ShouldBe(TimeSpan.FromMinutes(2));
        outcome.Message.ShouldBe("HTTP 429 Too Many Requests");
    }

    [Fact]
    public async Task DeliverAsync_422_ReturnsValidationWithBodyInMessage()
    {
        _server.Enqueue(new ScriptedResponse(422, """
            {"error": "amount",
               "detail": "must be positive"}
            """));

        var outcome = await _gateway.DeliverAsync(Requests.Create(Settings()), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.Validation);
        outcome.HttpStatus.ShouldBe(422);
        outcome.RetryAfter.ShouldBeNull();
        outcome.Message.ShouldBe("""HTTP 422 Unprocessable Entity: {"error": "amount", "detail": "must be positive"}""");
    }

    [Fact]
    public async Task DeliverAsync_LongErrorBody_TruncatesMessageTo500Characters()
    {
        _server.Enqueue(new ScriptedResponse(500, new string('x', 200_000)));

        var outcome = await _gateway.DeliverAsync(Requests.Create(Settings()), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.ServerError);
        outcome.Message.ShouldBe("HTTP 500 Internal Server Error: " + new string('x', 500) + "…");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"url": ""}""")]
    [InlineData("""{"url": "/hooks/relative"}""")]
    [InlineData("""{"url": "ftp://example.com/drop"}""")]
    [InlineData("""{"url": 42}""")]
    public async Task DeliverAsync_BadUrlSetting_ReturnsConnectorFaultWithoutCalling(string settings)
    {
        var outcome = await _gateway.DeliverAsync(Requests.Create(settings), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.ConnectorFault);
        outcome.Message.ShouldBe("Webhook setting 'url' is missing or is not an absolute http(s) URL.");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverAsync_NothingListening_LetsHttpRequestExceptionPropagate()
    {
        var settings = JsonSerializer.Serialize(new { url = $"http://127.0.0.1:{LoopbackPort.Free()}/" });

        await Should.ThrowAsync<HttpRequestException>(() => _gateway.DeliverAsync(Requests.Create(settings), CancellationToken.None));
    }

    [Fact]
    public async Task DeliverAsync_Cancelled_LetsCancellationPropagate()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => _gateway.DeliverAsync(Requests.Create(Settings()), cancellation.Token));
    }

    private string Settings(string headers = "null") =>
        $$"""{"url": "{{new Uri(_server.Url, "hooks/invoices")}}", "headers": {{headers}}}""";
}
