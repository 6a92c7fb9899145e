using Shouldly;

namespace SyncHub.Connectors.Tests;

/// <summary>The package version and the major version the host enforces must agree, or plugins would be refused wrongly.</summary>
public sealed class SdkVersionTests
{
    [Fact]
    public void AssemblyMajorVersion_IsTheEnforcedMajorVersion() =>
        typeof(IConnectorGateway).Assembly.GetName().Version!.Major.ShouldBe(ConnectorSdk.MajorVersion);
}
