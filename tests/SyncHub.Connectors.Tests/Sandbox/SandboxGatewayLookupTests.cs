using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using SyncHub.Connectors.Sandbox;

namespace SyncHub.Connectors.Tests.Sandbox;

/// <summary>Look-ups from the idempotency ledger, and the simulated lost response they exist for.</summary>
public sealed class SandboxGatewayLookupTests : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task LookupAsync_AfterDelivery_FindsTheRecordWithItsExternalId()
    {
        var gateway = CreateGateway();
        var delivered = await gateway.DeliverAsync(Requests.Create(idempotencyKey: "k-1"), CancellationToken.None);

        var found = await gateway.LookupAsync(Requests.Lookup(idempotencyKey: "k-1"), CancellationToken.None);

        found.IsFound.ShouldBeTrue();
        found.ExternalId.ShouldBe(delivered.ExternalId);
    }

    [Fact]
    public async Task LookupAsync_KeyNeverSent_NotFound()
    {
        var outcome = await CreateGateway().LookupAsync(Requests.Lookup(idempotencyKey: "never"), CancellationToken.None);

        outcome.IsFound.ShouldBeFalse();
        outcome.IsNotSupported.ShouldBeFalse();
        outcome.ErrorClass.ShouldBe(ErrorClass.None);
    }

    [Fact]
    public async Task DeliverAsync_ScriptedLostResponse_ReportsTimeoutButSavesTheRecord()
    {
        var gateway = CreateGateway();
        const string Settings = """{"script": ["lost"]}""";

        var lost = await gateway.DeliverAsync(Requests.Create(Settings, idempotencyKey: "k-lost"), CancellationToken.None);
        var found = await gateway.LookupAsync(Requests.Lookup(Settings, idempotencyKey: "k-lost"), CancellationToken.None);
        var resent = await gateway.DeliverAsync(Requests.Create(Settings, idempotencyKey: "k-lost"), CancellationToken.None);

        lost.ErrorClass.ShouldBe(ErrorClass.Transient);
        lost.Message.ShouldStartWith("Timed out");
        found.IsFound.ShouldBeTrue();
        found.ExternalId.ShouldNotBeNullOrEmpty();
        resent.HttpStatus.ShouldBe(200);
        resent.ExternalId.ShouldBe(found.ExternalId);
    }

    [Fact]
    public async Task DeliverAsync_LostResponseRate_IsAcceptedAndSavesTheRecord()
    {
        var gateway = CreateGateway();
        const string Settings = """{"failureRates": {"lost": 1}}""";

        var outcome = await gateway.DeliverAsync(Requests.Create(Settings, idempotencyKey: "k-rate"), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.Transient);
        (await gateway.LookupAsync(Requests.Lookup(Settings, idempotencyKey: "k-rate"), CancellationToken.None)).IsFound.ShouldBeTrue();
    }

    [Fact]
    public async Task LookupAsync_LookupTurnedOff_NotSupported()
    {
        var gateway = CreateGateway();
        await gateway.DeliverAsync(Requests.Create(idempotencyKey: "k-1"), CancellationToken.None);

        var outcome = await gateway.LookupAsync(Requests.Lookup("""{"lookup": false}""", idempotencyKey: "k-1"), CancellationToken.None);

        outcome.IsNotSupported.ShouldBeTrue();
        outcome.IsFound.ShouldBeFalse();
    }

    [Fact]
    public async Task LookupAsync_LookupSettingNotABoolean_ConnectorFaultNamingTheSetting()
    {
        var outcome = await CreateGateway().LookupAsync(Requests.Lookup("""{"lookup": "yes"}"""), CancellationToken.None);

        outcome.ErrorClass.ShouldBe(ErrorClass.ConnectorFault);
        outcome.Message.ShouldNotBeNull().ShouldContain("'lookup'");
    }

    private SandboxGateway CreateGateway() => new(new ConnectorServices(_http, _time, NullLoggerFactory.Instance));
}
