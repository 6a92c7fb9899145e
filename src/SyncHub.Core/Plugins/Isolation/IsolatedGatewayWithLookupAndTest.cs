using SyncHub.Connectors;
using SyncHub.Core.Plugins.Isolation.Protocol;

namespace SyncHub.Core.Plugins.Isolation;

/// <summary>An isolated connector that implements IRecordLookup and IConnectionTest.</summary>
internal sealed class IsolatedGatewayWithLookupAndTest(PluginProcess process, WireConnector connector) : IsolatedGateway(process, connector), IRecordLookup, IConnectionTest;
