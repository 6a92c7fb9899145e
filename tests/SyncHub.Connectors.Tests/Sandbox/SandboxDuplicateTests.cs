using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using SyncHub.Connectors.Sandbox;

namespace SyncHub.Connectors.Tests.Sandbox;

/// <summary>The sandbox's simulated possible duplicates, for the demo's duplicate review.</summary>
public sealed class SandboxDuplicateTests : IDisposable
{
    private const string Member = """{"name": "Ann Lee", "email": "ann@example.com", "points": 10}""";
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task DuplicateFault_OffersTwoStableCandidates_SharingTheEmail()
    {
        var gateway = CreateGateway();

        var first = await gateway.DeliverAsync(Requests.Create("""{"script": ["duplicate"]}""", Member), CancellationToken.None);
        var again = await gateway.DeliverAsync(Requests.Create("""{"script": ["duplicate"]}""", Member, integration: "other"), CancellationToken.None);

        first.ErrorClass.ShouldBe(ErrorClass.Duplicate);
        first.DuplicateCandidates.Count.ShouldBe(2);
        first.DuplicateCandidates.ShouldAllBe(c => c.Fields["email"] == "ann@example.com" && c.DisplayName == "Ann Lee");
        again.DuplicateCandidates.Select(c => c.ExternalId).ShouldBe(first.DuplicateCandidates.Select(c => c.ExternalId));
    }

    [Fact]
    public async Task KeptApart_IsCreated_AndALinkAnswersWithTheChosenRecord()
    {
        var gateway = CreateGateway();

        var created = await gateway.DeliverAsync(Requests.Create("""{"script": ["duplicate"]}""", Member) with { SkipDuplicateCheck = true }, CancellationToken.None);
        var linked = await gateway.LinkAsync(Requests.Create(body: Member, idempotencyKey: "other-key"), "SBX-D12345A", CancellationToken.None);

        created.IsDelivered.ShouldBeTrue();
        linked.IsLinked.ShouldBeTrue();
        linked.ExternalId.ShouldBe("SBX-D12345A");
        (await gateway.LookupAsync(Requests.Lookup(idempotencyKey: "other-key"), CancellationToken.None)).ExternalId.ShouldBe("SBX-D12345A");
    }

    private SandboxGateway CreateGateway() => new(new ConnectorServices(_http, new FakeTimeProvider(), NullLoggerFactory.Instance));
}
