using Shouldly;
using SyncHub.Connectors;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Tests.Plugins;

public sealed class GatewayCapabilitiesTests
{
    [Fact]
    public void Of_NothingDeclared_DerivedFromTheInterfacesItImplements()
    {
        var gateway = new LookupAndTestGateway(declared: null);

        GatewayCapabilities.Of(gateway).ShouldBe(ConnectorCapabilities.Lookup | ConnectorCapabilities.TestConnection);
        gateway.Has(ConnectorCapabilities.Lookup).ShouldBeTrue();
        gateway.Has(ConnectorCapabilities.Source).ShouldBeFalse();
    }

    [Fact]
    public void Of_Declared_OnlyTheDeclaredAreOffered()
    {
        var gateway = new LookupAndTestGateway(declared: ConnectorCapabilities.Lookup);

        GatewayCapabilities.Of(gateway).ShouldBe(ConnectorCapabilities.Lookup);
        gateway.Offering<IRecordLookup>(ConnectorCapabilities.Lookup).ShouldBeSameAs(gateway);
        gateway.Offering<IConnectionTest>(ConnectorCapabilities.TestConnection).ShouldBeNull();
    }

    [Fact]
    public void Has_None_IsNeverACapability() =>
        new LookupAndTestGateway(declared: null).Has(ConnectorCapabilities.None).ShouldBeFalse();

    [Fact]
    public void Offering_NoGateway_Null() =>
        ((IConnectorGateway?)null).Offering<IRecordLookup>(ConnectorCapabilities.Lookup).ShouldBeNull();

    [Fact]
    public void Problem_NothingDeclaredOrAllBacked_Null()
    {
        GatewayCapabilities.Problem(new LookupAndTestGateway(declared: null)).ShouldBeNull();
        GatewayCapabilities.Problem(new LookupAndTestGateway(declared: ConnectorCapabilities.Lookup | ConnectorCapabilities.TestConnection)).ShouldBeNull();
        GatewayCapabilities.Problem(new LookupAndTestGateway(declared: ConnectorCapabilities.None)).ShouldBeNull();
    }

    [Fact]
    public void Problem_DeclaredWithoutItsInterface_NamesTheMissingInterfaces() =>
        GatewayCapabilities.Problem(new LookupAndTestGateway(declared: ConnectorCapabilities.Lookup | ConnectorCapabilities.Source | ConnectorCapabilities.DestinationReader))
            .ShouldBe("Connector 'both' declares Source, DestinationReader but does not implement IConnectorSource, IDestinationReader.");

    [Fact]
    public void Problem_UnknownFlag_Refused() =>
        GatewayCapabilities.Problem(new LookupAndTestGateway(declared: (ConnectorCapabilities)(1 << 20)))
            .ShouldBe("Connector 'both' declares capabilities this SyncHub does not know (1048576).");

    [Fact]
    public void Implemented_EveryInterface_EveryFlag() =>
        GatewayCapabilities.Implemented(new EverythingGateway()).ShouldBe(GatewayCapabilities.All);

    private sealed class LookupAndTestGateway(ConnectorCapabilities? declared) : IConnectorGateway, IRecordLookup, IConnectionTest
    {
        public ConnectorInfo Info { get; } = new("both", "Both", "1.0.0") { Capabilities = declared };

        public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken) => Task.FromResult(DeliveryOutcome.Delivered("x"));

        public Task<LookupOutcome> LookupAsync(LookupRequest request, CancellationToken cancellationToken) => Task.FromResult(LookupOutcome.NotFound());

        public Task<ConnectionTestResult> TestConnectionAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken) =>
            Task.FromResult(ConnectionTestResult.Ok("fine"));
    }

    private sealed class EverythingGateway
        : IConnectorGateway, IRecordLookup, IConnectionTest, IConnectorSource, ICredentialRefresh, IDuplicateResolver, IMergeTransfer, IDestinationReader
    {
        public ConnectorInfo Info { get; } = new("all", "All", "1.0.0");

        public Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<LookupOutcome> LookupAsync(LookupRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ConnectionTestResult> TestConnectionAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<SourcePage> ReadAsync(SourceQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> RefreshCredentialsAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DeliveryOutcome> LinkAsync(DeliveryRequest request, string externalId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<MergeCheckResult> CheckMergeAsync(MergeRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DeliveryOutcome> TransferAsync(MergeRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public DestinationReadMode ReadMode(ConnectorSettings settings) => DestinationReadMode.None;

        public bool ResendReplaces(string entityType) => false;

        public DestinationRecord? Expect(DestinationSubject subject) => null;

        public Task<DestinationPage> ListAsync(DestinationQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DestinationFetch> FetchAsync(DestinationSubject subject, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
