using SyncHub.Connectors;
using SyncHub.Core.Plugins.Isolation.Protocol;

namespace SyncHub.Core.Plugins.Isolation;

/// <summary>An isolated connector that implements IRecordLookup.</summary>
internal sealed class IsolatedGatewayWithLookup(PluginProcess process, WireConnector connector) : IsolatedGateway(process, connector), IRecordLookup;
