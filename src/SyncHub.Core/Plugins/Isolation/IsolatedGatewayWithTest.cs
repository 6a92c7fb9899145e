using SyncHub.Connectors;
using SyncHub.Core.Plugins.Isolation.Protocol;

namespace SyncHub.Core.Plugins.Isolation;

/// <summary>An isolated connector that implements IConnectionTest.</summary>
internal sealed class IsolatedGatewayWithTest(PluginProcess process, WireConnector connector) : IsolatedGateway(process, connector), IConnectionTest;
