using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using SyncHub.Core.Plugins.Isolation;

namespace SyncHub.Core.Tests.Plugins;

public sealed class MemoryWatchTests
{
    private static readonly IsolationSettings Settings =
        new("dotnet", "/opt/synchub/pluginhost/SyncHub.PluginHost.dll", 160 * IsolationSettings.Megabyte, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));

    private readonly MemoryWatch _watch = new("SyncHub.Connectors.LeaksMemory", Settings, TimeProvider.System, NullLogger.Instance);

    [Fact]
    public void OverLimit_ProcessGone_RunsOn() => _watch.OverLimit(null).ShouldBeNull();

    [Fact]
    public void OverLimit_AtTheLimit_RunsOn() => _watch.OverLimit(160 * IsolationSettings.Megabyte).ShouldBeNull();

    [Fact]
    public void OverLimit_OneByteOver_KilledWithUsageAndLimit() =>
        _watch.OverLimit((160 * IsolationSettings.Megabyte) + 1).ShouldBe("used 160 MB (limit 160 MB)");

    [Fact]
    public void OverLimit_FarOver_CauseNamesTheMegabytesUsed() =>
        _watch.OverLimit(200 * IsolationSettings.Megabyte).ShouldBe("used 200 MB (limit 160 MB)");
}
