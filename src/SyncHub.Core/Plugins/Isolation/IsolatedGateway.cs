using SyncHub.Connectors;
using SyncHub.Core.Plugins.Isolation.Protocol;

namespace SyncHub.Core.Plugins.Isolation;

/// <summary>
/// Stands in the host for a connector that runs in its own process. Outcomes and escaped exceptions come back
/// classified as they would in-process; a call the process died during is a transient failure whose outcome is
/// unknown, so the engine looks the record up (where the connector can) and retries it with the same idempotency key.
/// </summary>
/// <remarks>The subclasses add the optional interfaces the plugin really implements, so capability checks stay type tests.</remarks>
internal class IsolatedGateway(PluginProcess process, WireConnector connector) : IConnectorGateway
{
    public ConnectorInfo Info { get; } = connector.Info;

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
