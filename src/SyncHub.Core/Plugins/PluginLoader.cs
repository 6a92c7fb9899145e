using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Connectors;
using SyncHub.Core.Plugins.Isolation;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Plugins;

/// <summary>
/// Loads each plugin folder into its own load context, sharing only the SDK and logging abstractions with the
/// host, so plugins keep their own dependency versions and a broken one cannot take the host down. Folders
/// named in <see cref="PluginOptions.Isolated"/> run in a process of their own instead.
/// </summary>
internal sealed partial class PluginLoader(IOptions<PluginOptions> options, ConnectorServices services, ILogger<PluginLoader> logger)
{
    public PluginLoadResult LoadAll()
    {
        var settings = options.Value;
        var root = System.IO.Path.GetFullPath(settings.Path, AppContext.BaseDirectory);
        var gateways = new List<IConnectorGateway>();
        var errors = new List<PluginLoadError>();
        var isolation = new PluginIsolation(settings, services.Time, services.Logging);
        if (!Directory.Exists(root))
        {
            LogNoPluginFolder(root);
            return new PluginLoadResult(gateways, errors) { Isolation = isolation };
        }

        var folders = Directory.GetDirectories(root).Order(StringComparer.Ordinal).ToList();
        foreach (var missing in settings.Isolated.Where(name => !folders.Any(f => string.Equals(System.IO.Path.GetFileName(f), name, StringComparison.OrdinalIgnoreCase))))
        {
            LogNoFolderToIsolate(missing, root);
        }

        foreach (var folder in folders)
        {
            var name = System.IO.Path.GetFileName(folder);
            try
            {
                var isolated = isolation.Covers(name);
                var loaded = isolated ? isolation.Load(folder) : PluginAssembly.Load(folder, name, services);
                gateways.AddRange(loaded);
                foreach (var gateway in loaded)
                {
                    LogLoaded(gateway.Info.Name, gateway.Info.Version, name, isolated ? "in its own process" : "in-process");
                }
            }
            catch (Exception ex) when (PluginAssembly.IsLoadFailure(ex))
            {
                var reason = PluginAssembly.Reason(ex);
                errors.Add(new PluginLoadError(name, reason));
                LogLoadFailed(name, reason);
            }
        }

        return new PluginLoadResult(gateways, errors) { Isolation = isolation };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded connector {Connector} {Version} from plugin {Plugin} {Mode}")]
    private partial void LogLoaded(string connector, string version, string plugin, string mode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin {Plugin} was not loaded: {Reason}")]
    private partial void LogLoadFailed(string plugin, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No plugin folder at {Path}; only built-in connectors are available")]
    private partial void LogNoPluginFolder(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SyncHub:Plugins:Isolated names {Plugin}, but {Path} has no such plugin folder")]
    private partial void LogNoFolderToIsolate(string plugin, string path);
}
