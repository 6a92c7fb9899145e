using System.Reflection;
using Microsoft.Extensions.Logging;
using SyncHub.Connectors;

namespace SyncHub.Plugins.Protocol;

/// <summary>
/// Loads one plugin folder into its own load context and creates its gateways. The host and the isolated plugin
/// host (SyncHub.PluginHost) both call this, so they load plugins exactly the same way: only the SDK and the
/// logging abstractions are shared, and the same checks refuse the same plugins.
/// </summary>
internal static class PluginAssembly
{
    private static readonly Type[] SharedTypes = [typeof(IConnectorGateway), typeof(ILoggerFactory), typeof(ILogger)];

    public static List<IConnectorGateway> Load(string folder, string name, ConnectorServices services)
    {
        var assemblyPath = Path.Combine(folder, name + ".dll");
        if (!File.Exists(assemblyPath))
        {
            throw new PluginRejectedException($"Expected {name}.dll in its folder; found none.");
        }

        var loader = McMaster.NETCore.Plugins.PluginLoader.CreateFromAssemblyFile(assemblyPath, SharedTypes, config => config.PreferSharedTypes = true);
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

        return [.. types.Select(t => Create(t, services))];
    }

    /// <summary>The failures that mean "this plugin cannot be used", as opposed to bugs in SyncHub.</summary>
    public static bool IsLoadFailure(Exception exception) =>
        exception is PluginRejectedException or BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException
            or TargetInvocationException or MissingMethodException or InvalidOperationException;

    /// <summary>What to tell the administrator: the plugin's own message, not the reflection wrapper's.</summary>
    public static string Reason(Exception exception) =>
        exception is TargetInvocationException { InnerException: { } inner } ? inner.Message : exception.Message;

    private static void CheckSdkVersion(Assembly assembly)
    {
        var hostMajor = typeof(IConnectorGateway).Assembly.GetName().Version?.Major ?? ConnectorSdk.MajorVersion;
        if (SdkReference.Of(assembly) is { } version && version.Major != hostMajor)
        {
            throw new PluginRejectedException($"It was built against SDK {version.Major}.x; this SyncHub speaks SDK {hostMajor}.x.");
        }
    }

    private static IConnectorGateway Create(Type type, ConnectorServices services)
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

        if (GatewayCapabilities.Problem(gateway) is { } problem)
        {
            throw new PluginRejectedException(problem);
        }

        return gateway;
    }
}
