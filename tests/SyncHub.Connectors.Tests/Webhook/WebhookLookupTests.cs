using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using SyncHub.Connectors.Webhook;

namespace SyncHub.Connectors.Tests.Webhook;

/// <summary>The optional <c>lookupUrl</c>: a GET that tells whether the destination already holds a record.</summary>
public sealed class WebhookLookupTests : IAsyncLifetime
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
    public async Task LookupAsync_NoLookupUrl_NotSupportedAndNothingSent()
    {
        var outcome = await _gateway.LookupAsync(Requests.Lookup(Settings(lookup: null)), CancellationToken.None);

        outcome.IsNotSupported.ShouldBeTrue();
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task LookupAsync_200WithId_FoundWithTheDestinationsId()
    {
        _server.Enqueue(new ScriptedResponse(200, """{"id": "inv-77", "total": 12}"""));

        var outcome = await _gateway.LookupAsync(Requests.Lookup(Settings()), CancellationToken.None);

        outcome.IsFound.ShouldBeTrue();
        outcome.ExternalId.ShouldBe("inv-77");
    }

    [Fact]
    public async Task LookupAsync_Placeholders_AreUrlEscapedAndTheHeadersSent()
    {
        _server.Enqueue(new ScriptedResponse(404));
        var settings = Settings("lookup/{entityType}/{sourceId}?key={idempotencyKey}", """{"Authorization": "Bearer t0ken"}""");

        await _gateway.LookupAsync(Requests.Lookup(settings, idempotencyKey: "a/b?c=d&e", sourceId: "INV 1/2#x"), CancellationToken.None);

        var received = _server.Requests.ShouldHaveSingleItem();
        received.Method.ShouldBe("GET");
        received.Path.ShouldBe("/lookup/invoice/INV%201%2F2%23x?key=a%2Fb%3Fc%3Dd%26e");
        received.Headers["Authorization"].ShouldBe("Bearer t0ken");
        received.Headers["Idempotency-Key"].ShouldBe("a/b?c=d&e");
    }

    [Fact]
    public async Task LookupAsync_404_NotFound()
    {
        _server.Enqueue(new ScriptedResponse(404, """{"error": "no such invoice"}"""));

        var outcome = await _gateway.LookupAsync(Requests.Lookup(Settings()), CancellationToken.None);

        outcome.IsFound.ShouldBeFalse();
        outcome.IsNotSupported.ShouldBeFalse();
        outcome.ErrorClass.ShouldBe(ErrorClass.None);
    }

    [Theory]
    [InlineData(500, ErrorClass.ServerError)]
    [InlineData(503, ErrorClass.Transient)]
    [InlineData(401, ErrorClass.Authentication)]
    [InlineData(429, ErrorClass.RateLimited)]
    public async Task LookupAsync_OtherStatus_FailedWithTheClassifiersClass(int status, ErrorClass expected)
    {
        _server.Enqueue(new ScriptedResponse(status, "upstream trouble"));

        var outcome = await _gateway.LookupAsync(Requests.Lookup(Settings()), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(expected);
        outcome.HttpStatus.ShouldBe(status);
        outcome.Message.ShouldNotBeNull().ShouldContain("upstream trouble");
    }

    [Fact]
    public async Task LookupAsync_HugeId_IsCutTo200Characters()
    {
        _server.Enqueue(new ScriptedResponse(200, $$"""{"id": "{{new string('x', 5000)}}"}"""));

        var outcome = await _gateway.LookupAsync(Requests.Lookup(Settings()), CancellationToken.None);

        outcome.ExternalId.ShouldNotBeNull().Length.ShouldBe(200);
    }

    [Fact]
    public async Task LookupAsync_200WithoutJson_FoundWithoutId()
    {
        _server.Enqueue(new ScriptedResponse(200, "yes"));

        var outcome = await _gateway.LookupAsync(Requests.Lookup(Settings()), CancellationToken.None);

        outcome.IsFound.ShouldBeTrue();
        outcome.ExternalId.ShouldBeNull();
    }

    [Theory]
    [InlineData("relative/{idempotencyKey}")]
    [InlineData("ftp://example.test/{idempotencyKey}")]
    public async Task InvalidLookupUrl_LookupAndDeliveryFailAsConnectorFaultNamingTheSetting(string lookupUrl)
    {
        var settings = $$"""{"url": "{{new Uri(_server.Url, "hooks/invoices")}}", "lookupUrl": "{{lookupUrl}}"}""";

        var lookup = await _gateway.LookupAsync(Requests.Lookup(settings), CancellationToken.None);
        var delivery = await _gateway.DeliverAsync(Requests.Create(settings), CancellationToken.None);

        lookup.ErrorClass.ShouldBe(ErrorClass.ConnectorFault);
        lookup.Message.ShouldNotBeNull().ShouldContain("'lookupUrl'");
        delivery.ErrorClass.ShouldBe(ErrorClass.ConnectorFault);
        delivery.Message.ShouldNotBeNull().ShouldContain("'lookupUrl'");
        _server.Requests.ShouldBeEmpty();
    }

    private string Settings(string? lookup = "invoices/{idempotencyKey}", string headers = "null") =>
        $$"""{"url": "{{new Uri(_server.Url, "hooks/invoices")}}", "lookupUrl": {{(lookup is null ? "null" : $"\"{new Uri(_server.Url, lookup)}\"")}}, "headers": {{headers}}}""";
}
