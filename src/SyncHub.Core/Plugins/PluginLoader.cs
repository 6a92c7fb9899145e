using System.Reflection;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Connectors;

namespace SyncHub.Core.Plugins;

/// <summary>
/// Loads each plugin folder into its own load context, sharing only the SDK and logging abstractions with the
/// host, so plugins keep their own dependency versions and a broken one cannot take the host down.
/// </summary>
internal sealed partial class PluginLoader(IOptions<PluginOptions> options, ConnectorServices services, ILogger<PluginLoader> logger)
{
    private static readonly Type[] SharedTypes = [typeof(IConnectorGateway), typeof(ILoggerFactory), typeof(ILogger)];

    public PluginLoadResult LoadAll()
    {
        var root = System.IO.Path.GetFullPath(options.Value.Path, AppContext.BaseDirectory);
        var gateways = new List<IConnectorGateway>();
        var errors = new List<PluginLoadError>();
        if (!Directory.Exists(root))
        {
            LogNoPluginFolder(root);
            return new PluginLoadResult(gateways, errors);
        }

        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(folder);
            try
            {
                var loaded = LoadPlugin(folder, name);
                gateways.AddRange(loaded);
                foreach (var gateway in loaded)
                {
                    LogLoaded(gateway.Info.Name, gateway.Info.Version, name);
                }
            }
            catch (Exception ex) when (ex is PluginRejectedException or BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException or TargetInvocationException or MissingMethodException or InvalidOperationException)
            {
                var reason = ex is TargetInvocationException { InnerException: { } inner } ? inner.Message : ex.Message;
                errors.Add(new PluginLoadError(name, reason));
                LogLoadFailed(name, reason);
            }
        }

        return new PluginLoadResult(gateways, errors);
    }

    private List<IConnectorGateway> LoadPlugin(string folder, string name)
    {
        var assemblyPath = System.IO.Path.Combine(folder, name + ".dll");
        if (!File.Exists(assemblyPath))
        {
            throw new PluginRejectedException($"Expected {name}.dll in its folder; found none.");
        }

        var loader = PluginLoader_Create(assemblyPath);
        var assembly = loader.LoadDefaultAssembly();
        CheckSdkVersion(assembly);
        var types = assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IConnectorGateway).IsAssignableFrom(t)).ToList();
        if (types.Count == 0)
        {
            var lookalike = assembly.GetTypes().Any(t => t.GetInterfaces().Any(i => i.FullName == typeof(IConnectorGateway).FullName));
            throw new PluginRejectedException(lookalike
                ? "Its gateway implements a different copy of IConnectorGateway than the host's SDK. Reference SyncHub.Connectors.Abstractions with Private=false and ExcludeAssets=runtime."
                : "It contains no public class implementing IConnectorGateway.");
        }

        return [.. types.Select(CreateGateway)];
    }

    private static McMaster.NETCore.Plugins.PluginLoader PluginLoader_Create(string assemblyPath) =>
        McMaster.NETCore.Plugins.PluginLoader.CreateFromAssemblyFile(assemblyPath, SharedTypes, config => config.PreferSharedTypes = true);

    private static void CheckSdkVersion(Assembly assembly)
    {
        var hostMajor = typeof(IConnectorGateway).Assembly.GetName().Version?.Major ?? ConnectorSdk.MajorVersion;
        if (SdkReference.Of(assembly) is { } version && version.Major != hostMajor)
        {
            throw new PluginRejectedException($"It was built against SDK {version.Major}.x; this SyncHub speaks SDK {hostMajor}.x.");
        }
    }

    private IConnectorGateway CreateGateway(Type type)
    {
        var withServices = type.GetConstructor([typeof(ConnectorServices)]);
        var gateway = (IConnectorGateway)(withServices is not null
            ? withServices.Invoke([services])
            : Activator.CreateInstance(type) ?? throw new PluginRejectedException($"{type.Name} could not be created."));
        var info = gateway.Info ?? throw new PluginRejectedException($"{type.Name} returned no ConnectorInfo.");
        if (string.IsNullOrWhiteSpace(info.Name))
        {
            throw new PluginRejectedException($"{type.Name} declares no connector name.");
        }

        return gateway;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded connector {Connector} {Version} from plugin {Plugin}")]
    private partial void LogLoaded(string connector, string version, string plugin);

    [LoggerMessage(Level = LogLevel.Error, Message = "Plugin {Plugin} was not loaded: {Reason}")]
    private partial void LogLoadFailed(string plugin, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No plugin folder at {Path}; only built-in connectors are available")]
    private partial void LogNoPluginFolder(string path);
}
