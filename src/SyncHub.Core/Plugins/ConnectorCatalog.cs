using SyncHub.Connectors;
using SyncHub.Core.Plugins.Isolation;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Plugins;

/// <summary>Connectors from plugins plus any registered in-process (tests and built-ins), by name.</summary>
internal sealed class ConnectorCatalog : IConnectorCatalog, IDisposable
{
    private readonly Dictionary<string, IConnectorGateway> _gateways = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PluginLoadError> _errors = [];
    private readonly PluginIsolation? _isolation;
    private readonly ConnectorFaults _faults;

    public ConnectorCatalog(PluginLoader loader, IEnumerable<IConnectorGateway> inProcessGateways, ConnectorFaults faults)
    {
        _faults = faults;
        foreach (var gateway in inProcessGateways)
        {
            _gateways[gateway.Info.Name] = gateway;
        }

        var loaded = loader.LoadAll();
        _errors.AddRange(loaded.Errors);
        _isolation = loaded.Isolation;
        foreach (var gateway in loaded.Gateways)
        {
            if (!_gateways.TryAdd(gateway.Info.Name, gateway))
            {
                _errors.Add(new PluginLoadError(gateway.Info.Name, $"A connector named '{gateway.Info.Name}' is already loaded; this one was ignored."));
            }
        }
    }

    public IReadOnlyList<ConnectorInfo> Connectors => [.. _gateways.Values.Select(g => g.Info).OrderBy(i => i.Name)];

    public IReadOnlyList<PluginLoadError> LoadErrors => _errors;

    public IReadOnlyList<ConnectorProblem> Problems => [.. _isolation?.Health.Problems() ?? [], .. _faults.Problems()];

    public IConnectorGateway? Find(string connectorName) =>
        _gateways.TryGetValue(connectorName, out var gateway) ? gateway : null;

    public Version? SdkVersionOf(string connectorName) => Find(connectorName) switch
    {
        IsolatedGateway isolated => isolated.SdkVersion,
        { } gateway => SdkReference.Of(gateway.GetType().Assembly),
        null => null,
    };

    /// <summary>Ends the isolated plugins' processes with the host.</summary>
    public void Dispose() => _isolation?.Dispose();
}
