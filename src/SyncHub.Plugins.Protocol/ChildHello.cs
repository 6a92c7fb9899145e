namespace SyncHub.Plugins.Protocol;

/// <summary>The child's first line: the connectors it loaded, or why it could not load the plugin.</summary>
internal sealed record ChildHello(IReadOnlyList<WireConnector> Connectors, string? Error = null);
