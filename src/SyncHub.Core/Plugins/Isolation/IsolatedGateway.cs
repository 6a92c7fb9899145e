using SyncHub.Connectors;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Plugins.Isolation;

/// <summary>
/// Stands in the host for a connector that runs in its own process. Outcomes and escaped exceptions come back
/// classified as they would in-process; a call the process died during is a transient failure whose outcome is
/// unknown, so the engine looks the record up (where the connector can) and retries it with the same idempotency key.
/// </summary>
/// <remarks>
/// One proxy for every connector: it implements each optional interface and answers "not supported" (as the host
/// itself does for a connector without that part) for what the plugin does not offer. <see cref="Info"/> carries the
/// capabilities it really passes through, which is what callers ask.
/// </remarks>
internal sealed class IsolatedGateway(PluginProcess process, WireConnector connector)
    : IConnectorGateway, IRecordLookup, IConnectionTest, IConnectorSource, ICredentialRefresh, IDuplicateResolver, IMergeTransfer, IDestinationReader
{
    public ConnectorInfo Info { get; } = connector.Info with { Capabilities = connector.Capabilities & WireConnector.Isolatable };

    /// <summary>The SDK version the plugin was built against, as its process read it.</summary>
    public Version? SdkVersion { get; } = Version.TryParse(connector.SdkVersion, out var version) ? version : null;

    /// <summary>The plugin's current process id, if it is running.</summary>
    public int? ProcessId => process.ProcessId;

    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await process.CallAsync(id => new HostRequest(id, PluginWire.Deliver, Info.Name) { Delivery = WireDelivery.From(request) }, cancellationToken);
            return Escaped(reply) is { } error
                ? DeliveryOutcome.Failed(ErrorClass.ConnectorFault, "The connector failed: " + error)
                : reply.Outcome?.ToOutcome()!;
        }
        catch (PluginRestartedException ex)
        {
            return DeliveryOutcome.Failed(ErrorClass.Transient,
                $"Connector '{Info.Name}' {ex.Message} and was restarted before it answered; the record may have arrived, so it is looked up or sent again with the same idempotency key.");
        }
        catch (PluginUnavailableException ex)
        {
            return DeliveryOutcome.Failed(ErrorClass.Transient, $"Not sent: connector '{Info.Name}' {ex.Message}; it restarts in {ex.RetryAfter.TotalSeconds:0} s.", retryAfter: ex.RetryAfter);
        }
    }

    public async Task<LookupOutcome> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        if (!this.Has(ConnectorCapabilities.Lookup))
        {
            return LookupOutcome.NotSupported();
        }

        try
        {
            var reply = await process.CallAsync(id => new HostRequest(id, PluginWire.Lookup, Info.Name) { Lookup = WireLookup.From(request) }, cancellationToken);
            return Escaped(reply) is { } error
                ? LookupOutcome.Failed(ErrorClass.ConnectorFault, "The connector's look-up failed: " + error)
                : reply.Lookup?.ToOutcome()!;
        }
        catch (Exception ex) when (ex is PluginRestartedException or PluginUnavailableException)
        {
            return LookupOutcome.Failed(ErrorClass.Transient, $"Connector '{Info.Name}' {ex.Message}; the look-up did not answer.");
        }
    }

    public async Task<ConnectionTestResult> TestConnectionAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken)
    {
        if (!this.Has(ConnectorCapabilities.TestConnection))
        {
            return ConnectionTestResult.Failed(ErrorClass.ConnectorFault, "This connector cannot test connections.");
        }

        try
        {
            var reply = await process.CallAsync(id => new HostRequest(id, PluginWire.Test, Info.Name) { Test = new WireConnectionTest(integrationSlug, settings.Root) }, cancellationToken);
            return Escaped(reply) is { } error
                ? ConnectionTestResult.Failed(ErrorClass.ConnectorFault, "The connector failed: " + error)
                : reply.Test?.ToResult()!;
        }
        catch (Exception ex) when (ex is PluginRestartedException or PluginUnavailableException)
        {
            return ConnectionTestResult.Failed(ErrorClass.Transient, $"Connector '{Info.Name}' {ex.Message}; try again.");
        }
    }

    // What isolated plugins never pass through: each answers as the host does for a connector without that part.
    public Task<SourcePage> ReadAsync(SourceQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(SourcePage.Failed(ErrorClass.ConnectorFault, $"The '{Info.Name}' connector cannot read from a source."));

    public Task<bool> RefreshCredentialsAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken) =>
        Task.FromResult(false);

    public Task<DeliveryOutcome> LinkAsync(DeliveryRequest request, string externalId, CancellationToken cancellationToken) =>
        Task.FromResult(DeliveryOutcome.Failed(ErrorClass.ConnectorFault, $"Connector '{Info.Name}' cannot link records to existing ones."));

    // A connector without a merge transfer has nothing at the destination to move: the merge goes ahead.
    public Task<MergeCheckResult> CheckMergeAsync(MergeRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(MergeCheckResult.Allow());

    public Task<DeliveryOutcome> TransferAsync(MergeRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(DeliveryOutcome.Delivered(null));

    public DestinationReadMode ReadMode(ConnectorSettings settings) => DestinationReadMode.None;

    public bool ResendReplaces(string entityType) => false;

    public DestinationRecord? Expect(DestinationSubject subject) => null;

    public Task<DestinationPage> ListAsync(DestinationQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(DestinationPage.Failed(ErrorClass.ConnectorFault, $"The '{Info.Name}' connector cannot read its destination."));

    public Task<DestinationFetch> FetchAsync(DestinationSubject subject, CancellationToken cancellationToken) =>
        Task.FromResult(DestinationFetch.NotSupported());

    /// <summary>
    /// What the plugin threw, worded as the gateway boundary words an in-process throw. Connection failures and
    /// timeouts are thrown again as their own kind, because the engine treats those as transient.
    /// </summary>
    private static string? Escaped(ChildReply reply) => reply switch
    {
        { Error: null } => null,
        { ErrorType: nameof(HttpRequestException) } => throw new HttpRequestException(reply.Error, null, (System.Net.HttpStatusCode?)reply.ErrorHttpStatus),
        { ErrorType: nameof(OperationCanceledException) or nameof(TaskCanceledException) } => throw new OperationCanceledException(reply.Error),
        _ => $"{reply.ErrorType}: {reply.Error}",
    };
}
