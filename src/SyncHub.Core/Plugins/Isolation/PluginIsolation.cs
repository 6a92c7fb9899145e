using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Plugins.Isolation;

/// <summary>
/// The isolated plugins: starts a process per folder named in <see cref="PluginOptions.Isolated"/>, hands out
/// gateways that call into it, and knows which connectors were restarted lately.
/// </summary>
internal sealed class PluginIsolation(PluginOptions options, TimeProvider time, ILoggerFactory logging) : IDisposable
{
    private readonly HashSet<string> _folders = new(options.Isolated, StringComparer.OrdinalIgnoreCase);
    private readonly List<PluginProcess> _processes = [];
    private readonly IsolationSettings _settings = IsolationSettings.From(options);

    public PluginHealth Health { get; } = new(time, TimeSpan.FromMinutes(options.RestartWindowMinutes));

    public bool Covers(string pluginFolderName) => _folders.Contains(pluginFolderName);

    /// <exception cref="PluginRejectedException">The plugin cannot run isolated, or its process could not load it.</exception>
    public List<IConnectorGateway> Load(string folder)
    {
        var plugin = Path.GetFileName(folder);
        var logger = logging.CreateLogger<PluginProcess>();
        var process = new PluginProcess(
            new ChildLauncher(folder, _settings, time, logger), new RestartPolicy(plugin, Health, time, logger), new MemoryWatch(plugin, _settings, time, logger), logger);
        try
        {
            // Start-up runs once, before anything is delivered; the catalog is built synchronously.
            process.StartAsync().GetAwaiter().GetResult();
            foreach (var connector in process.Connectors)
            {
                RefuseUnsupported(plugin, connector);
            }

            if (process.Connectors.Count == 0)
            {
                throw new PluginRejectedException("Its process loaded no connector.");
            }
        }
        catch
        {
            process.Dispose();
            throw;
        }

        lock (_processes)
        {
            _processes.Add(process);
        }

        return [.. process.Connectors.Select(c => new IsolatedGateway(process, c))];
    }

    public void Dispose()
    {
        lock (_processes)
        {
            _processes.ForEach(p => p.Dispose());
            _processes.Clear();
        }
    }

    // Dropping an optional interface silently would change what the connector does (no source runs, no credential
    // refresh), so a connector that needs one is refused with the reason rather than half-loaded.
    private static void RefuseUnsupported(string plugin, WireConnector connector)
    {
        var unsupported = connector.Capabilities & WireConnector.NotIsolatable;
        if (unsupported != ConnectorCapabilities.None)
        {
            throw new PluginRejectedException(
                $"Connector '{connector.Info.Name}' implements {string.Join(", ", GatewayCapabilities.Interfaces(unsupported))}, which isolated plugins do not support yet " +
                $"(they offer delivery, look-ups and connection tests). Remove {plugin} from SyncHub:Plugins:Isolated to load it in-process.");
        }
    }
}
