using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using SyncHub.Connectors.Webhook;

namespace SyncHub.Connectors.Tests.Webhook;

/// <summary>Reconciling a webhook integration through its look-up URL, one record at a time.</summary>
public sealed class WebhookDestinationTests : IAsyncLifetime
{
    private const string Body = """{"ref": "INV-1", "total": 12.5, "customer": {"name": "Acme"}, "lines": [{"sku": "A"}]}""";

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
    public void ReadMode_WithoutLookupUrl_None_WithOne_Lookup()
    {
        _gateway.ReadMode(ConnectorSettings.Parse(Settings(lookup: null))).ShouldBe(DestinationReadMode.None);
        _gateway.ReadMode(ConnectorSettings.Parse(Settings())).ShouldBe(DestinationReadMode.Lookup);
        _gateway.ReadMode(ConnectorSettings.Parse("""{"url": "https://h.example/", "lookupUrl": "not a url"}""")).ShouldBe(DestinationReadMode.None);
    }

    [Fact]
    public void Expect_TheBodyAsSent_ByPathKeyedOnTheSourceId()
    {
        var expected = _gateway.Expect(Subject())!;

        expected.Reference.ShouldBe("INV-1");
        expected.Fields.ShouldBe(new Dictionary<string, string?>
        {
            ["ref"] = "INV-1", ["total"] = "12.5", ["customer.name"] = "Acme", ["lines[0].sku"] = "A",
        });
    }

    [Fact]
    public async Task FetchAsync_JsonAnswerSharingFields_FoundWithTheReceiversFields()
    {
        _server.Enqueue(new ScriptedResponse(200, """{"id": "dest-9", "ref": "INV-1", "total": 10, "customer": {"name": "Acme"}}"""));

        var fetched = await _gateway.FetchAsync(Subject(), CancellationToken.None);

        var held = fetched.Record.ShouldNotBeNull();
        held.ExternalId.ShouldBe("dest-9");
        held.Fields!["total"].ShouldBe("10");
        held.Fields.ContainsKey("lines[0].sku").ShouldBeFalse();
        var sent = _server.Requests.ShouldHaveSingleItem();
        sent.Path.ShouldBe("/lookup/invoice/INV-1");
        sent.Headers["Idempotency-Key"].ShouldBe("k-1.1");
        sent.Headers["Authorization"].ShouldBe("Bearer t0ken");
    }

    [Fact]
    public async Task FetchAsync_AnswerWithoutComparableBody_FoundWithoutFields()
    {
        _server.Enqueue(new ScriptedResponse(200, "ok"));

        var fetched = await _gateway.FetchAsync(Subject(), CancellationToken.None);

        fetched.Record.ShouldNotBeNull().Fields.ShouldBeNull();
    }

    [Fact]
    public async Task FetchAsync_404_NotFound()
    {
        _server.Enqueue(new ScriptedResponse(404));

        var fetched = await _gateway.FetchAsync(Subject(), CancellationToken.None);

        fetched.IsSuccess.ShouldBeTrue();
        fetched.Record.ShouldBeNull();
    }

    [Fact]
    public async Task FetchAsync_503_FailedTransientWithRetryAfter()
    {
        _server.Enqueue(new ScriptedResponse(503, "down", new Dictionary<string, string> { ["Retry-After"] = "7" }));

        var fetched = await _gateway.FetchAsync(Subject(), CancellationToken.None);

        fetched.ErrorClass.ShouldBe(ErrorClass.Transient);
        fetched.HttpStatus.ShouldBe(503);
        fetched.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task FetchAsync_NeverSentAndTheUrlNeedsItsKey_NotFoundWithoutAsking()
    {
        var fetched = await _gateway.FetchAsync(Subject(lookup: "lookup?key={idempotencyKey}") with { IdempotencyKey = null }, CancellationToken.None);

        fetched.IsSuccess.ShouldBeTrue();
        fetched.Record.ShouldBeNull();
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListAsync_AWebhookCannotList_FailsWithoutACall()
    {
        var page = await _gateway.ListAsync(
            new DestinationQuery { IntegrationSlug = "hook", Settings = ConnectorSettings.Parse(Settings()), EntityType = "invoice", ChangedFrom = _time.GetUtcNow() },
            CancellationToken.None);

        page.IsSuccess.ShouldBeFalse();
        _server.Requests.ShouldBeEmpty();
    }

    private DestinationSubject Subject(string lookup = "lookup/{entityType}/{sourceId}") => new()
    {
        IntegrationSlug = "hook",
        EntityType = "invoice",
        SourceId = "INV-1",
        IdempotencyKey = "k-1.1",
        Body = Body,
        Settings = ConnectorSettings.Parse(Settings(lookup)),
    };

    private string Settings(string? lookup = "lookup/{entityType}/{sourceId}") => lookup is null
        ? $$"""{"url": "{{_server.Url}}hook"}"""
        : $$$"""{"url": "{{{_server.Url}}}hook", "lookupUrl": "{{{_server.Url}}}{{{lookup}}}", "headers": {"Authorization": "Bearer t0ken"}}""";
}
