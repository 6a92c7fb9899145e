using System.Reflection;
using SyncHub.Connectors;

namespace SyncHub.Plugins.Protocol;

/// <summary>The SDK version a connector was built against, read from its assembly's reference to the Abstractions.</summary>
internal static class SdkReference
{
    private static readonly string SdkName = typeof(IConnectorGateway).Assembly.GetName().Name!;

    public static Version? Of(Assembly assembly) =>
        assembly.GetName().Name == SdkName
            ? assembly.GetName().Version
            : assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == SdkName)?.Version;
}
