using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using SyncHub.Connectors.Webhook;

namespace SyncHub.Connectors.Tests.Webhook;

/// <summary>The optional <c>sourceUrl</c>: a JSON feed the webhook connector reads page by page for SyncHub's runs.</summary>
public sealed class WebhookSourceTests : IAsyncLifetime
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
    public async Task ReadAsync_Page_SendsTheWindowCursorAndLimit_AndReadsTheRecords()
    {
        _server.Enqueue(new ScriptedResponse(200, """
            {"records": [{"entityType": "order", "sourceId": "O-1", "payload": {"amount": 3}, "changedAt": "2026-02-01T10:00:00Z",
                          "parent": {"entityType": "customer", "sourceId": "C-1"}}],
             "next": "abc"}
            """));

        var page = await _gateway.ReadAsync(Query() with { ChangedFrom = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), Cursor = "x y", PageSize = 50 }, CancellationToken.None);

        page.IsSuccess.ShouldBeTrue();
        page.NextCursor.ShouldBe("abc");
        var record = page.Records.Single();
        (record.EntityType, record.SourceId, record.Payload).ShouldBe(("order", "O-1", """{"amount": 3}"""));
        record.ChangedAt.ShouldBe(new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero));
        (record.ParentEntityType, record.ParentSourceId).ShouldBe(("customer", "C-1"));
        var sent = _server.Requests.Single();
        sent.Method.ShouldBe("GET");
        sent.Path.ShouldStartWith("/feed?changedFrom=2026-02-01T00%3A00%3A00.0000000%2B00%3A00");
        sent.Path.ShouldContain("cursor=x%20y");
        sent.Path.ShouldContain("limit=50");
        sent.Headers["X-Tenant"].ShouldBe("acme");
    }

    [Fact]
    public async Task ReadAsync_429_IsRateLimitedWithRetryAfter()
    {
        _server.Enqueue(new ScriptedResponse(429, "slow down", new Dictionary<string, string> { ["Retry-After"] = "20" }));

        var page = await _gateway.ReadAsync(Query(), CancellationToken.None);

        page.ErrorClass.ShouldBe(ErrorClass.RateLimited);
        page.RetryAfter.ShouldBe(TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("""{"items": []}""", "'records' array")]
    public async Task ReadAsync_UnexpectedAnswer_IsASchemaMismatch(string body, string message)
    {
        _server.Enqueue(new ScriptedResponse(200, body));

        var page = await _gateway.ReadAsync(Query(), CancellationToken.None);

        page.ErrorClass.ShouldBe(ErrorClass.SchemaMismatch);
        page.Message.ShouldNotBeNull().ShouldContain(message);
    }

    [Fact]
    public async Task ReadAsync_NoSourceUrl_CannotBeReadFromAndNothingIsSent()
    {
        var page = await _gateway.ReadAsync(Query(sourceUrl: null), CancellationToken.None);

        page.ErrorClass.ShouldBe(ErrorClass.ConnectorFault);
        page.Message.ShouldNotBeNull().ShouldContain("'sourceUrl'");
        _server.Requests.ShouldBeEmpty();
    }

    private SourceQuery Query(string? sourceUrl = "feed") => new()
    {
        IntegrationSlug = "acme",
        Settings = ConnectorSettings.Parse(sourceUrl is null
            ? """{"url": "http://127.0.0.1:1/hook"}"""
            : $$"""{"url": "http://127.0.0.1:1/hook", "sourceUrl": "{{new Uri(_server.Url, sourceUrl)}}", "headers": {"X-Tenant": "acme"} }"""),
    };
}
