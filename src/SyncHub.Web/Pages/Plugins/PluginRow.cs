using SyncHub.Connectors;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Web.Pages.Plugins;

/// <summary>One loaded connector as the plugins page shows it: what it declares and which optional parts it offers.</summary>
public sealed record PluginRow(ConnectorInfo Info, string SdkVersion, IReadOnlyList<string> Capabilities)
{
    public static PluginRow From(IConnectorGateway gateway, Version? sdk)
    {
        List<string> capabilities = ["delivery"];
        Add(capabilities, gateway.Has(ConnectorCapabilities.Lookup), "look-up");
        Add(capabilities, gateway.Has(ConnectorCapabilities.Source), "source");
        Add(capabilities, gateway.Has(ConnectorCapabilities.CredentialRefresh), "credential refresh");
        Add(capabilities, gateway.Has(ConnectorCapabilities.TestConnection), "connection test");
        Add(capabilities, gateway.Has(ConnectorCapabilities.DuplicateResolver), "duplicate resolver");
        Add(capabilities, gateway.Has(ConnectorCapabilities.MergeTransfer), "merge transfer");
        Add(capabilities, gateway.Has(ConnectorCapabilities.DestinationReader), "reconcile");
        Add(capabilities, gateway is Core.Plugins.Isolation.IsolatedGateway, "own process");
        return new PluginRow(gateway.Info, sdk is null ? "unknown" : $"{sdk.Major}.{sdk.Minor}", capabilities);
    }

    public string RateLimits => Info.RateLimits is not { } limits ? "none declared" : string.Join(", ", new[]
    {
        limits.MaxConcurrent is { } concurrent ? $"{concurrent} at once" : null,
        limits.PerMinute is { } minute ? $"{minute}/minute" : null,
        limits.PerDay is { } day ? $"{day}/day" : null,
        limits.PartitionSetting is { } partition ? $"per {partition}" : null,
    }.Where(s => s is not null));

    private static void Add(List<string> list, bool has, string name)
    {
        if (has)
        {
            list.Add(name);
        }
    }
}
